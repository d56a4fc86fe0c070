"""Fonts, colours, paragraph and table styles of the PDF record (one place, as data)."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.fonts import cjk_font_path

FONT = "WQYMicroHei"
PASS = colors.HexColor("#1e8e3e")
FAIL = colors.HexColor("#c5221f")
INCONCLUSIVE = colors.HexColor("#e37400")
GREY = colors.HexColor("#5f6368")
LINE = colors.HexColor("#9aa0a6")
HEADER_BG = colors.HexColor("#e8eaed")
FAIL_BG = colors.HexColor("#fce8e6")  # a failing row
VERDICT_COLOURS = {"pass": PASS, "fail": FAIL, "inconclusive": INCONCLUSIVE}


class FontMissing(RuntimeError):
    """No CJK TrueType font: the record cannot be printed in Chinese."""


@cache
def register_font() -> str:
    """Embed (as a subset) WenQuanYi Micro Hei; raises FontMissing without it."""
    path = cjk_font_path()
    if path is None:
        raise FontMissing("wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


@cache
def paragraph_styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    """The record's paragraph styles; ``compact`` sets the body a size smaller (a record that
    would otherwise leave a mostly empty last page)."""
    font = register_font()
    size, lead = (8, 10) if compact else (9, 12)
    base = ParagraphStyle("base", fontName=font, fontSize=size, leading=lead, wordWrap="CJK")
    heading = ParagraphStyle(
        "heading",
        parent=base,
        fontSize=10.5,
        leading=13 if compact else 15,
        spaceBefore=3 if compact else 6,
        spaceAfter=2 if compact else 3,
    )
    return {
        "base": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7, leading=9 if compact else 10, textColor=GREY
        ),
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=20, alignment=TA_CENTER),
        "heading": heading,
        "heading_next": ParagraphStyle("heading_next", parent=heading, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 0.5, leading=lead - 1),
        "verdict": ParagraphStyle("verdict", parent=base, fontSize=18 if compact else 20, leading=26),
        "code_label": ParagraphStyle(
            "code_label", parent=base, fontSize=8, leading=10, alignment=TA_CENTER, textColor=GREY
        ),
    }


def table_style(rows: int, header: bool = True, padding: float = 2.5) -> list[tuple]:  # type: ignore[type-arg]
    font = register_font()
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
    if header and rows:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BG))
    return style

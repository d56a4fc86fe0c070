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
def paragraph_styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=GREY),
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=20, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=10.5, leading=15, spaceBefore=6, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "verdict": ParagraphStyle("verdict", parent=base, fontSize=22, leading=28),
        "code_label": ParagraphStyle(
            "code_label", parent=base, fontSize=8, leading=10, alignment=TA_CENTER, textColor=GREY
        ),
    }


def table_style(rows: int, header: bool = True) -> list[tuple]:  # type: ignore[type-arg]
    font = register_font()
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header and rows:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BG))
    return style

"""Rendering the report model to an A4 PDF: header with QR on every page, "page X of Y" footer
with the fingerprint, the record's blocks and tables, the verdict, measures and signatures.

Absolute coordinates only for page decoration; the body flows. QR images go through memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from inspector_app.pdf import styles
from inspector_app.pdf.glyphs import FAIL_MARK, PASS_MARK, UNDECIDED_MARK
from inspector_app.pdf.model import ReportModel
from inspector_app.pdf.model import Table as ModelTable
from inspector_app.pdf.sync_codes import SyncCodes, sync_code_block

QR_SIZE = 36 * mm  # ≥ 0.4 mm per module up to version 13 (PLATFORM.md: 150 dpi scans decode)
MARGIN = 15 * mm
HEADER_H = QR_SIZE + 4 * mm  # below the top margin: the QR and the title block
FOOTER_H = 12 * mm


def qr_png(text: str) -> bytes:
    """A QR code as PNG bytes, alphanumeric mode (base45 text), error correction Q."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=4, box_size=4, mask_pattern=0)
    code.add_data(qrcode.util.QRData(text.encode("ascii"), mode=qrcode.util.MODE_ALPHA_NUM))
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()


class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]
    """Defers pages so the footer can say "page X of Y" (the total is known at the end)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.setFont(styles.FONT, 8)
        self.setFillColor(styles.GREY)
        self.drawRightString(A4[0] - MARGIN, 8 * mm, f"第 {self._pageNumber} 页 共 {total} 页")


def _decorate(model: ReportModel, qr: ImageReader) -> Any:
    def on_page(canvas: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        top = height - MARGIN
        canvas.drawImage(qr, width - MARGIN - QR_SIZE, top - QR_SIZE, QR_SIZE, QR_SIZE)
        canvas.setFont(styles.FONT, 9)
        canvas.setFillColor(styles.GREY)
        canvas.drawString(MARGIN, top - 4 * mm, model.office)
        canvas.setFillColor(colors.black)
        canvas.setFont(styles.FONT, 15)
        canvas.drawString(MARGIN, top - 12 * mm, model.title)
        canvas.setFont(styles.FONT, 9)
        canvas.drawString(MARGIN, top - 19 * mm, f"记录编号：{model.record_no}")
        canvas.drawString(MARGIN, top - 24.5 * mm, f"检查类别：{model.control}")
        canvas.drawString(MARGIN, top - 30 * mm, f"依据：{model.regulation}")
        canvas.setFillColor(styles.VERDICT_COLOURS.get(model.verdict, styles.GREY))
        canvas.setFont(styles.FONT, 11)
        canvas.drawRightString(
            width - MARGIN - QR_SIZE - 4 * mm, top - 12 * mm, f"结论：{model.verdict_text}"
        )
        canvas.setStrokeColor(styles.LINE)
        canvas.line(MARGIN, top - HEADER_H + 1 * mm, width - MARGIN, top - HEADER_H + 1 * mm)
        canvas.setFont(styles.FONT, 7)
        canvas.setFillColor(styles.GREY)
        canvas.drawString(MARGIN, 8 * mm, f"记录指纹 SHA-256：{model.fingerprint}")
        canvas.drawString(
            MARGIN, 4.5 * mm, "扫描右上角二维码或用 inspector-app verify 核验本记录的真实性与完整性。"
        )
        canvas.restoreState()

    return on_page


def _kv_table(rows: list[tuple[str, str]], width: float, s: dict[str, Any], pad: float) -> Table:
    cells: list[list[Any]] = []
    style = styles.table_style((len(rows) + 1) // 2, header=False, padding=pad)
    for i in range(0, len(rows), 2):
        line: list[Any] = []
        for label, value in rows[i : i + 2]:
            line += [Paragraph(label, s["small"]), Paragraph(value or "—", s["cell"])]
        if len(line) == 2:  # a field alone on its line takes the whole line, not a wrapped half
            line += ["", ""]
            style.append(("SPAN", (1, len(cells)), (3, len(cells))))
        cells.append(line)
    table = Table(cells, colWidths=[width * 0.16, width * 0.34, width * 0.16, width * 0.34])
    table.setStyle(style)
    return table


def _data_table(t: ModelTable, width: float, s: dict[str, Any], pad: float) -> Table:
    cells: list[list[Any]] = [[Paragraph(h, s["cell"]) for h in t.header]]
    cells += [[Paragraph(c, s["cell"]) for c in row] for row in t.rows]
    table = Table(cells, colWidths=[width / len(t.header)] * len(t.header), repeatRows=1)
    style = styles.table_style(len(cells), padding=pad)
    for i, verdict in enumerate(t.row_verdicts, start=1):
        if verdict == "fail":  # the whole failing row stands out, its mark in the result cell
            style.append(("BACKGROUND", (0, i), (-1, i), styles.FAIL_BG))
        if verdict in styles.VERDICT_COLOURS:
            style.append(("TEXTCOLOR", (-1, i), (-1, i), styles.VERDICT_COLOURS[verdict]))
    table.setStyle(style)
    return table


def _signature_box(
    label: str, png: bytes | None, name: str, s: dict[str, Any], refusal: str = ""
) -> list[Any]:
    items: list[Any] = [Paragraph(label, s["small"])]
    if png:
        items.append(Image(io.BytesIO(png), width=50 * mm, height=18 * mm, kind="proportional"))
    elif refusal:
        items.append(Paragraph(f"拒绝签字，理由：{refusal}", s["cell"]))
    else:
        items.append(Spacer(1, 18 * mm))
    items.append(Paragraph(name or ("" if refusal else "（签名）"), s["cell"]))
    return items


class _EndMark(Flowable):  # type: ignore[misc]
    """Zero-size flowable at the end of the story: records how far down the last page the body
    reached (so a page holding little is noticed)."""

    def __init__(self) -> None:
        super().__init__()
        self.y: float | None = None
        self.page = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.y = self.canv.absolutePosition(0, 0)[1]
        self.page = self.canv.getPageNumber()


LEAST_FILL = 1 / 3  # a last page whose body is filled less than this is "mostly empty"


def render_pdf(model: ReportModel, qr_text: str, sync_codes: tuple[str, ...] = ()) -> bytes:
    """The whole record as PDF bytes (Chinese font embedded as a subset, language zh-CN); the
    ``sync_codes`` (sync.paper) close its last page."""
    return render_measured(model, qr_text, sync_codes)[0]


def render_measured(
    model: ReportModel, qr_text: str, sync_codes: tuple[str, ...] = ()
) -> tuple[bytes, int, float]:
    """The record as PDF bytes, its page count and how much of its last page's body is used
    (0–1). A record whose last page would be mostly empty (the sync codes alone on it, or a
    short tail) is set again: more tightly (a smaller type and padding) when that saves the page,
    else with its signatures carried over to the codes' page so neither stands alone; the fewest
    pages win, then a last page that is not mostly empty, then the usual setting."""
    best = first = _render(model, qr_text, sync_codes, compact=False)
    if not first.poor:
        return first.pdf, first.pages, first.fill
    # Tighter first (it may save the page), with the signatures carried over if the codes are
    # then alone; the usual type with them carried over last (it never saves a page).
    settings = [(True, False), *([(True, True), (False, True)] if sync_codes else [])]
    for compact, together in settings:
        candidate = _render(model, qr_text, sync_codes, compact=compact, together=together)
        if (candidate.pages, candidate.poor, compact) < (best.pages, best.poor, best.compact):
            best = candidate
        if best.pages < first.pages and not best.poor:
            break  # a page saved and the last one not mostly empty: as good as it gets
    return best.pdf, best.pages, best.fill


@dataclass(frozen=True)
class _Set:
    """One setting of a record: its PDF, page count, how much of its last page's body is used, and
    whether its sync codes stand alone on their page (the signatures on the page before)."""

    pdf: bytes
    pages: int
    fill: float
    codes_alone: bool
    compact: bool = False

    @property
    def poor(self) -> bool:
        """A last page mostly empty, or holding the sync codes and nothing of the record."""
        return self.pages > 1 and (self.fill < LEAST_FILL or self.codes_alone)


def _render(
    model: ReportModel,
    qr_text: str,
    sync_codes: tuple[str, ...],
    *,
    compact: bool,
    together: bool = False,
) -> _Set:
    """One setting of the record: ``compact`` type; the signatures kept ``together`` with the
    sync codes (else the codes follow on their own when they do not fit under them)."""
    s = styles.paragraph_styles(compact)
    pad = 1.2 if compact else 2.5
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_H + 3 * mm,
        bottomMargin=FOOTER_H + 4 * mm,
        title=model.title,
        author=model.inspector,
        subject=f"{model.record_no} {model.verdict_text}",
        creator="inspector-app",
        lang="zh-CN",
    )
    width = doc.width
    qr = ImageReader(io.BytesIO(qr_png(qr_text)))
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="record", frames=[frame], onPage=_decorate(model, qr))])

    story: list[Any] = []
    if model.supersedes:
        story.append(Paragraph(f"本记录更正并取代记录 {model.supersedes}", s["base"]))
    for heading, rows in model.blocks:
        story += [Paragraph(heading, s["heading"]), _kv_table(rows, width, s, pad)]
    colour = styles.VERDICT_COLOURS.get(model.verdict, styles.GREY).hexval().replace("0x", "#")
    mark = {"pass": PASS_MARK, "fail": FAIL_MARK, "inconclusive": UNDECIDED_MARK}.get(model.verdict, "")
    verdict_block: list[Any] = [
        Paragraph(
            f'<font size="11">检查结论</font>  <font color="{colour}">{mark} {model.verdict_text}</font>',
            s["verdict"],
        ),
    ]
    if model.failed:
        verdict_block.append(Paragraph("不合格项目：" + "、".join(model.failed), s["base"]))
    if model.next_steps:
        verdict_block.append(Paragraph("需补测：" + "、".join(model.next_steps), s["base"]))
    verdict_block.append(Paragraph("处理措施：" + ("、".join(model.measures) or "无"), s["base"]))
    # The verdict comes right after who and what was inspected (it is what a reader looks for);
    # the tables follow, a long one splitting over pages under its repeated header.
    story.append(KeepTogether(verdict_block))
    for t in model.tables:
        if len(t.rows) < 25:
            story.append(KeepTogether([Paragraph(t.title, s["heading"]), _data_table(t, width, s, pad)]))
        else:
            story += [Paragraph(t.title, s["heading_next"]), _data_table(t, width, s, pad)]
    if model.photos:
        story.append(Paragraph("现场照片", s["heading"]))
        images = [
            Image(io.BytesIO(p), width=55 * mm, height=40 * mm, kind="proportional") for p in model.photos
        ]
        grid: list[list[Any]] = [images[i : i + 3] for i in range(0, len(images), 3)]
        story.append(Table(grid, colWidths=[width / 3] * 3))
    # Both enforcement officers sign (the law asks for two), then the site's representative.
    officers = model.inspectors or [model.inspector]
    boxes = [
        _signature_box(f"检查人员签名（{i + 1}）", model.signatures.get(kind), name, s)
        for i, (kind, name) in enumerate(zip(("inspector", "partner"), officers, strict=False))
    ]
    boxes.append(_signature_box("被检查单位签名", model.signatures.get("site"), "", s, model.refusal))
    signatures = Table([boxes], colWidths=[width / len(boxes)] * len(boxes))
    end, signed = _EndMark(), _EndMark()
    tail = [
        Spacer(1, 3 * mm),
        signatures,
        Paragraph(f"定稿时间（北京时间）：{model.finalised_at}", s["small"]),
        signed,
    ]
    # The sync codes close the record under its signatures (one block: heading, note, symbols).
    block = (
        sync_code_block(SyncCodes(sync_codes, model.record_no, model.fingerprint), width)
        if sync_codes
        else []
    )
    if together:
        story.append(KeepTogether([*tail, *block, end]))
    else:
        story += [KeepTogether(tail), *([KeepTogether(block)] if block else []), end]
    canvases: list[_NumberedCanvas] = []

    def maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        canvases.append(_NumberedCanvas(*args, **kwargs))
        return canvases[-1]

    doc.build(story, canvasmaker=maker)
    pages = len(canvases[-1]._pages) if canvases else 1
    top = doc.bottomMargin + doc.height
    fill = 1.0 if end.y is None else (top - end.y) / doc.height
    return _Set(buffer.getvalue(), pages, fill, bool(sync_codes) and signed.page < end.page, compact)

"""Rendering the report model to an A4 PDF: header with QR on every page, "page X of Y" footer
with the fingerprint, the record's blocks and tables, the verdict, measures and signatures.

Absolute coordinates only for page decoration; the body flows. QR images go through memory.
"""

from __future__ import annotations

import io
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
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from inspector_app.pdf import styles
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


def _kv_table(rows: list[tuple[str, str]], width: float) -> Table:
    s = styles.paragraph_styles()
    cells = []
    pairs = [rows[i : i + 2] for i in range(0, len(rows), 2)]
    for pair in pairs:
        line = []
        for label, value in pair:
            line += [Paragraph(label, s["small"]), Paragraph(value or "—", s["cell"])]
        while len(line) < 4:
            line += ["", ""]
        cells.append(line)
    table = Table(cells, colWidths=[width * 0.16, width * 0.34, width * 0.16, width * 0.34])
    table.setStyle(styles.table_style(len(cells), header=False))
    return table


def _data_table(t: ModelTable, width: float) -> Table:
    s = styles.paragraph_styles()
    cells: list[list[Any]] = [[Paragraph(h, s["cell"]) for h in t.header]]
    cells += [[Paragraph(c, s["cell"]) for c in row] for row in t.rows]
    table = Table(cells, colWidths=[width / len(t.header)] * len(t.header), repeatRows=1)
    style = styles.table_style(len(cells))
    for i, verdict in enumerate(t.row_verdicts, start=1):
        if verdict in styles.VERDICT_COLOURS:
            style.append(("TEXTCOLOR", (-1, i), (-1, i), styles.VERDICT_COLOURS[verdict]))
    table.setStyle(style)
    return table


def _signature_box(label: str, png: bytes | None, name: str) -> list[Any]:
    s = styles.paragraph_styles()
    items: list[Any] = [Paragraph(label, s["small"])]
    if png:
        items.append(Image(io.BytesIO(png), width=50 * mm, height=18 * mm, kind="proportional"))
    else:
        items.append(Spacer(1, 18 * mm))
    items.append(Paragraph(name or "（签名）", s["cell"]))
    return items


def render_pdf(model: ReportModel, qr_text: str, sync_codes: tuple[str, ...] = ()) -> bytes:
    """The whole record as PDF bytes (Chinese font embedded as a subset, language zh-CN); the
    ``sync_codes`` (sync.paper) close its last page."""
    s = styles.paragraph_styles()
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
        story.append(Paragraph(f"本记录更正并取代记录 {model.supersedes}", s["small"]))
    for heading, rows in model.blocks:
        story += [Paragraph(heading, s["heading"]), _kv_table(rows, width)]
    for t in model.tables:
        story.append(
            KeepTogether([Paragraph(t.title, s["heading"]), _data_table(t, width)])
            if len(t.rows) < 25
            else Paragraph(t.title, s["heading"])
        )
        if len(t.rows) >= 25:
            story.append(_data_table(t, width))
    colour = styles.VERDICT_COLOURS.get(model.verdict, styles.GREY).hexval().replace("0x", "#")
    mark = {"pass": "✓", "fail": "✗", "inconclusive": "?"}.get(model.verdict, "")
    verdict_block: list[Any] = [
        Paragraph("检查结论", s["heading"]),
        Paragraph(f'<font color="{colour}">{mark} {model.verdict_text}</font>', s["verdict"]),
    ]
    if model.failed:
        verdict_block.append(Paragraph("不合格项目：" + "、".join(model.failed), s["base"]))
    if model.next_steps:
        verdict_block.append(Paragraph("需补测：" + "、".join(model.next_steps), s["base"]))
    verdict_block.append(Paragraph("处理措施：" + ("、".join(model.measures) or "无"), s["base"]))
    if model.photos:
        story.append(Paragraph("现场照片", s["heading"]))
        images = [
            Image(io.BytesIO(p), width=55 * mm, height=40 * mm, kind="proportional") for p in model.photos
        ]
        grid: list[list[Any]] = [images[i : i + 3] for i in range(0, len(images), 3)]
        story.append(Table(grid, colWidths=[width / 3] * 3))
    signatures = Table(
        [
            [
                _signature_box("检查人员签名", model.signatures.get("inspector"), model.inspector),
                _signature_box(
                    "被检查单位签名",
                    model.signatures.get("site"),
                    f"拒绝签字，理由：{model.refusal}" if model.refusal else "",
                ),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    # The verdict and both signatures stay on one page: a signature never stands alone.
    story.append(
        KeepTogether(
            [
                *verdict_block,
                Spacer(1, 4 * mm),
                signatures,
                Paragraph(f"定稿时间（UTC）：{model.finalised_at}", s["small"]),
            ]
        )
    )
    if sync_codes:
        story += sync_code_block(SyncCodes(sync_codes, model.record_no, model.fingerprint), width)
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()

"""The sync-code block of a record's last page: its QR symbols, labelled, at a scannable size.

The pieces (sync.paper) are drawn as vector squares at a fixed module size, the symbols of a
record the same size, three to a row, each labelled "i/N · record number · fingerprint".
`sync_code_block` returns ordinary flowables, so the page layout (render.py, or a later one) places
the block where it likes; it asks only for the body width.

Why these sizes (PLATFORM.md, "PDF and QR"): a decoder needs about 2 px a module; at 0.45 mm a
200 dpi office scan gives 3.5 px (2.7 px at 150 dpi), enough to survive a few degrees of skew and
scanner noise (tests/core/test_paper_sync.py). Vector squares stay sharp at any print or scan
resolution, where a scaled image would be smoothed by the viewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from inspector_app.pdf import styles

MODULE = 0.45 * mm  # see the module docstring: 3.5 px a module in a 200 dpi scan
QUIET = 4  # modules of white around a symbol (ISO/IEC 18004 §6.3.8)
COLUMNS = 3  # symbols per row: 3 × 56 mm of a version-25 symbol fit the 180 mm body
LABEL_KEY = 8  # fingerprint characters in a label (the footer prints all 64)


@dataclass(frozen=True)
class SyncCodes:
    """What the block shows: the pieces in order, and what labels them."""

    texts: tuple[str, ...]
    record_no: str
    fingerprint: str


_DARK_RUN = re.compile(rb"\x00+")  # zxing-cpp's image: one byte a module, 0 dark, 255 light


def qr_rows(text: str) -> list[bytes]:
    """The rows of ``text``'s symbol (level M; alphanumeric mode, as its characters allow), one
    byte a module (0 dark, 255 light), without the quiet zone, by zxing-cpp's writer (C++).

    Not the qrcode package, which draws the summary QR: its pure-Python Reed–Solomon took ~45 ms
    for each version-22 symbol, 140 ms of every finalisation (docs/performance.md). zxing-cpp picks
    the smallest version and the best mask itself; the pieces are split evenly (sync.paper), so a
    record's symbols come out the same size (the last one at most a version smaller).
    """
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    drawn: Any = code.to_image(add_quiet_zones=False)  # a buffer (the stubs do not say so)
    image = memoryview(drawn)
    rows, columns = image.shape or (0, 0)
    pixels = image.tobytes()
    return [pixels[r * columns : (r + 1) * columns] for r in range(rows)]


def qr_modules(text: str) -> list[list[bool]]:
    """The dark modules of ``text``'s symbol, row by row (for tests and other drawers)."""
    return [[m < 128 for m in row] for row in qr_rows(text)]


class QRSymbol(Flowable):  # type: ignore[misc]
    """One QR symbol drawn as filled runs of dark modules (one path, one fill), quiet zone included."""

    def __init__(self, rows: list[bytes], module: float = MODULE) -> None:
        super().__init__()
        self.rows = rows
        self.module = module
        self.side = (len(rows) + 2 * QUIET) * module

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        size = len(self.rows)
        runs = [
            f"{run.start()} {size - 1 - r} {run.end() - run.start()} 1 re"
            for r, row in enumerate(self.rows)
            for run in _DARK_RUN.finditer(row)
        ]
        canvas = self.canv
        canvas.saveState()
        canvas.translate(QUIET * self.module, QUIET * self.module)
        canvas.scale(self.module, self.module)
        canvas.setFillColorRGB(0, 0, 0)
        # In module units the path is integers only: ~10× faster than reportlab's path objects.
        canvas.addLiteral("\n".join(runs) + "\nf")
        canvas.restoreState()


def label(index: int, total: int, record_no: str, fingerprint: str) -> str:
    return f"{index}/{total} · {record_no} · {fingerprint[:LABEL_KEY].upper()}"


def sync_code_block(codes: SyncCodes, width: float) -> list[Any]:
    """The flowables of the block: heading, a line on what it is for, the labelled symbols."""
    s = styles.paragraph_styles()
    total = len(codes.texts)
    cells: list[Any] = [
        [
            QRSymbol(qr_rows(text)),
            Paragraph(label(i, total, codes.record_no, codes.fingerprint), s["code_label"]),
        ]
        for i, text in enumerate(codes.texts, start=1)
    ]
    # Balanced rows read as one set: four make a square, otherwise rows of three.
    columns = 2 if total == 4 else min(COLUMNS, total)
    rows = [cells[i : i + columns] for i in range(0, total, columns)]
    rows[-1] = rows[-1] + [""] * (columns - len(rows[-1]))
    grid = Table(rows, colWidths=[width / COLUMNS] * columns, hAlign="CENTER")
    grid.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    heading = Paragraph(f"同步码（共 {total} 个）", s["heading"])
    note = Paragraph(
        "这些二维码合起来携带本记录经签名的完整数据：笔记本的同步包未送达时，办公室扫描本页即可导入"
        "（inspector-app office import-scan）。请保持清晰，勿折叠、涂写或覆盖。",
        s["small"],
    )
    return [heading, note, grid]  # the caller keeps them together, with the record's signatures

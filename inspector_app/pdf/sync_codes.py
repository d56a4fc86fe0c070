"""The sync-code block of a record's last page: its QR symbols, labelled, at a scannable size.

The pieces (sync.paper) are drawn as vector squares at a fixed module size, every symbol of a
record at the same version, three to a row, each labelled "i/N · record number · fingerprint".
`sync_code_block` returns ordinary flowables, so the page layout (render.py, or a later one) places
the block where it likes; it asks only for the body width.

Why these sizes (PLATFORM.md, "PDF and QR"): a decoder needs about 2 px a module; at 0.45 mm a
200 dpi office scan gives 3.5 px (2.7 px at 150 dpi), enough to survive a few degrees of skew and
scanner noise (tests/core/test_paper_sync.py). Vector squares stay sharp at any print or scan
resolution, where a scaled image would be smoothed by the viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.util
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

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


def qr_modules(text: str, version: int | None = None) -> list[list[bool]]:
    """The dark modules of ``text`` (alphanumeric mode, level M), without the quiet zone.

    A fixed mask pattern: letting qrcode score all eight costs ~4× the time (PLATFORM.md) and
    the decoders read any of them.
    """
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=0)
    code.add_data(qrcode.util.QRData(text.encode("ascii"), mode=qrcode.util.MODE_ALPHA_NUM))
    code.make(fit=version is None)
    return [[bool(m) for m in row] for row in code.modules]


def symbol_version(texts: tuple[str, ...]) -> int:
    """The version that holds the longest piece: every symbol of a record is drawn at it."""
    longest = max(texts, key=len)
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=0)
    code.add_data(qrcode.util.QRData(longest.encode("ascii"), mode=qrcode.util.MODE_ALPHA_NUM))
    return int(code.best_fit())


class QRSymbol(Flowable):  # type: ignore[misc]
    """One QR symbol drawn as filled runs of dark modules (one path, one fill), quiet zone included."""

    def __init__(self, modules: list[list[bool]], module: float = MODULE) -> None:
        super().__init__()
        self.modules = modules
        self.module = module
        self.side = (len(modules) + 2 * QUIET) * module

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        size = len(self.modules)
        runs: list[str] = []
        for r, row in enumerate(self.modules):
            y = size - 1 - r
            start = -1
            for c, dark in enumerate([*row, False]):
                if dark and start < 0:
                    start = c
                elif not dark and start >= 0:
                    runs.append(f"{start} {y} {c - start} 1 re")
                    start = -1
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
    version = symbol_version(codes.texts)
    cells: list[Any] = [
        [
            QRSymbol(qr_modules(text, version)),
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
    return [KeepTogether([heading, note, grid])]

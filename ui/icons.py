"""Verdict and navigation icons drawn in code: colour plus shape, so meaning never rests on colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

PASS_COLOUR = QColor("#1e8e3e")
FAIL_COLOUR = QColor("#c5221f")
INCONCLUSIVE_COLOUR = QColor("#e37400")
INCOMPLETE_COLOUR = QColor("#1967d2")  # not a verdict: blue, never the green of a pass
NEUTRAL_COLOUR = QColor("#5f6368")

COLOURS = {
    "pass": PASS_COLOUR,
    "fail": FAIL_COLOUR,
    "inconclusive": INCONCLUSIVE_COLOUR,
    "incomplete": INCOMPLETE_COLOUR,
}


def colour(verdict: str | None) -> QColor:
    return COLOURS.get(verdict or "", NEUTRAL_COLOUR)


@cache
def verdict_icon(verdict: str | None, size: int = 32) -> QIcon:
    """A filled circle with a tick (pass), a cross (fail), a question mark (inconclusive), three
    dots (incomplete: something is still missing)."""
    scale = 2  # drawn at twice the size: crisp on high-DPI screens, scaled down elsewhere
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour(verdict))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    pen = QPen(
        QColor("white"), size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    s = size
    if verdict == "pass":
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.72, s * 0.34))
        p.drawPath(path)
    elif verdict == "fail":
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif verdict == "inconclusive":
        font = p.font()
        font.setBold(True)
        font.setPixelSize(int(s * 0.7))
        p.setFont(font)
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    elif verdict == "incomplete":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        for x in (0.3, 0.5, 0.7):
            p.drawEllipse(QPointF(s * x, s * 0.5), s * 0.065, s * 0.065)
    else:
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))
    p.end()
    return QIcon(pixmap)

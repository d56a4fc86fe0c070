"""A label for text that changes on every edit (the wizard's figures and current-cell lines).
Its own module, not ui.widgets': it needs the `Qt` namespace, which the first paint does not
(docs/performance.md, start-up)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives on QtGui's Qt
from PySide6.QtWidgets import QSizePolicy, QWidget


class SteadyLabel(QWidget):
    """A word-wrapped line of text (plain or rich) that may change on every edit without
    re-laying out the window, drawn as a QLabel draws it.

    Qt re-lays out every ancestor on each ``QLabel.setText`` (its size hints may have changed):
    ~1.5 ms in the inspection window, for a line of figures that changes with every reading and
    almost never needs another height. This widget asks its layout for room only when the text
    needs another height at the width it has. It lays its text out once per change (a QLabel
    lays rich text out again to measure it and to paint it, ~0.2 ms a line of figures). The
    calls the steps make of a QLabel (text, format) are here; the text is its accessible
    description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._format = Qt.TextFormat.AutoText
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)  # as a QLabel's: the text starts at the widget's edge
        self._doc.setUndoRedoEnabled(False)
        option = QTextOption(Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self._doc.setDefaultTextOption(option)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._known: int | None = None  # the height the layout was last told of

    # -- the QLabel calls the steps make ----------------------------------------------------------
    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._fill()

    def textFormat(self) -> Qt.TextFormat:
        return self._format

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        if text_format != self._format:
            self._format = text_format
            self._fill()

    def _fill(self) -> None:
        """Lay the text out in this widget's font; ask for room if it needs another height."""
        self.ensurePolished()  # a style sheet's font is this widget's from here on
        if self._doc.defaultFont() != self.font():
            self._doc.setDefaultFont(self.font())
        rich = self._format == Qt.TextFormat.RichText or (
            self._format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(self._text)
        )
        if rich:
            self._doc.setHtml(self._text)
        else:
            self._doc.setPlainText(self._text)
        self.setAccessibleDescription(self._doc.toPlainText() if rich else self._text)
        self._check()
        self.update()

    # -- size: the text's height at a width; a least width of its own -----------------------------
    def _height(self, width: int) -> int:
        if self._doc.textWidth() != width:
            self._doc.setTextWidth(width)
        return math.ceil(self._doc.size().height())

    def _check(self) -> None:
        """Tell the layout when the text needs another height at this width."""
        needs = self._height(self.width())
        if needs != self._known:
            self._known = needs
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style (a style sheet set here): the text is laid out in it afresh."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._known = None
            self._fill()
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(width)

    def minimumSizeHint(self) -> QSize:
        """Eight characters wide, one line high, whatever the text (a QLabel's least width, its
        longest word, takes ~0.9 ms to find for a line of rich text)."""
        metrics = self.fontMetrics()
        return QSize(8 * metrics.averageCharWidth(), metrics.lineSpacing())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), self._height(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._check()

    def paintEvent(self, event: QPaintEvent) -> None:
        """As a QLabel paints: in its foreground colour, centred vertically in a taller widget."""
        height = self._height(self.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Text, palette.color(self.foregroundRole()))
        context.palette = palette
        painter = QPainter(self)
        painter.translate(0, max((self.height() - height) // 2, 0))
        layout = self._doc.documentLayout()
        layout.draw(painter, context)
        painter.end()

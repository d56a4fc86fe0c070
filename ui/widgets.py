"""Typed forms of what PySide6 takes as constructor keywords.

PySide6 sets any Qt property or connects any signal given as a keyword (``QComboBox(
accessibleName=…)``, ``QShortcut(keys, parent, activated=…)``), but its type stubs list only a
class's own properties, not those it inherits nor its signals; these helpers say the same thing in
a way mypy can check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its accessible name (what a screen reader says; tests find it by it)."""
    widget.setAccessibleName(name)
    return widget


def shortcut(
    keys: QKeySequence | QKeySequence.StandardKey | str, parent: QWidget, slot: Callable[[], object]
) -> QShortcut:
    """A shortcut on ``parent`` (which keeps it) that calls ``slot``."""
    made = QShortcut(keys, parent)
    made.activated.connect(slot)
    return made


class SteadyLabel(QWidget):
    """A word-wrapped label whose text may change on every edit without re-laying out the window.

    Qt re-lays out every ancestor on each ``QLabel.setText`` (its size hints may have changed):
    ~1.5 ms in the inspection window, for a line of figures that changes with every reading and
    almost never needs another height. Here the label (``label``) is the child of this widget,
    which has no layout, so the label's changes stop here; this widget asks its own layout for
    room only when the text needs another height at the width it has.
    Forwards the few QLabel calls the steps make (text, format, accessible name).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self, wordWrap=True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._known: int | None = None  # the height the layout was last told of

    # -- the QLabel calls the steps make ----------------------------------------------------------
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        if text != self.label.text():
            self.label.setText(text)
            self._check()

    def textFormat(self) -> Qt.TextFormat:
        return self.label.textFormat()

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        if text_format != self.label.textFormat():
            self.label.setTextFormat(text_format)
            self._check()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.label.setAccessibleName(name)

    # -- size: the label's height at a width; a least width of its own ----------------------------
    def _check(self) -> None:
        """Tell the layout when the text needs another height at this width."""
        needs = self.label.heightForWidth(self.width())
        if needs != self._known:
            self._known = needs
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style (a style sheet set here reaches the label): Qt re-lays this
        widget out and asks its size afresh; what it was told before no longer holds."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._known = None
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def minimumSizeHint(self) -> QSize:
        """Eight characters wide, one line high, whatever the text: a QLabel's least width (its
        longest word) takes ~0.9 ms to find for a line of rich text, on every new text."""
        metrics = self.fontMetrics()
        return QSize(8 * metrics.averageCharWidth(), metrics.lineSpacing())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), self.label.heightForWidth(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._check()

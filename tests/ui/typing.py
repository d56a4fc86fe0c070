"""Typing helpers: keyClicks aborts on non-ASCII (PLATFORM.md), so Chinese goes in as an input
method commit, the way a Pinyin IME delivers it."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    widget.textEdited.emit(widget.text())  # type: ignore[attr-defined]


def show_active(qtbot, widget: QWidget) -> None:
    """Shortcuts fire only in the active window: show it and wait until it is."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)

"""The moment a window has been painted for the first time: what start-up is measured to, and
where work the first frame does not need begins (PLATFORM.md, "first completed paint").

A zero-timer after `show()` fires before any paint. An event filter sees the window's own Paint
event (sent at the start of the paint pass); a zero-timer posted from there runs once the whole pass
has been painted and flushed. The filter sits on the window, not on the application: an application
filter hands every internal QObject to Python, and for classes PySide6 does not wrap it initialises
every QObject type in search of one, creating ~140 enum classes (~35 ms) that the app would never
need. bench/startup.py times a bare QMainWindow through this same module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._paint = QEvent.Type.Paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self._paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, as soon as ``window``'s first paint has completed."""
    window.installEventFilter(_FirstPaint(window, callback))

"""The one way work leaves the GUI thread: a QThreadPool task with progress, cancel and callbacks.

The task never touches widgets; it reports through signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Runs ``work(report, cancelled)``; `report(done, total)` updates progress."""

    def __init__(self, work: Callable[[Callable[[int, int], None], threading.Event], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.cancelled)
        except Exception as exc:  # reported to the GUI, which shows a message
            self._emit(self.signals.failed, f"{type(exc).__name__}: {exc}")
            return
        self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window that asked was closed: nobody to tell
            signal.emit(value)


def start(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task

"""Typed forms of what PySide6 takes as constructor keywords.

PySide6 sets any Qt property or connects any signal given as a keyword (``QComboBox(
accessibleName=…)``, ``QShortcut(keys, parent, activated=…)``), but its type stubs list only a
class's own properties, not those it inherits nor its signals; these helpers say the same thing in
a way mypy can check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

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

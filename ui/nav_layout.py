"""The shape both windows share: navigation on the left, the page under its title on the right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


def place_beside_nav(window: QMainWindow, nav: QListWidget, stack: QStackedWidget) -> None:
    """Make the central widget; the title above the page follows the navigation's current row."""
    header = QLabel()
    header.setStyleSheet("font-size: 18px; font-weight: 600; padding: 6px 2px;")
    nav.currentRowChanged.connect(lambda row: header.setText(nav.item(row).text()))
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.addWidget(header)
    right_layout.addWidget(stack, 1)
    central = QWidget()
    layout = QHBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(nav)
    layout.addWidget(right, 1)
    window.setCentralWidget(central)

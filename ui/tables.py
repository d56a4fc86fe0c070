"""The plain read-only tables the sync and office pages show: a row-selecting QTableWidget and a
fill from lists of strings. Kept apart from the pages so the office's first page (the import) can
use them without importing the sync page, its PKI and its dialogs before the first paint."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

# Qt.ItemDataRole.UserRole + 1, as the integer Qt passes: naming it through `Qt` would create the
# namespace's enum classes before the first paint (docs/performance.md, start-up).
RECORD_ID = 256 + 1


class _Table(QTableWidget):
    """A table that says what its emptiness means (no reds yet, nothing returned) instead of
    showing a blank white box."""

    empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.rowCount() or not self.empty_text:
            return
        from PySide6.QtCore import Qt  # only for an empty table: not before the first paint

        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(12, 12, -12, -12)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags.value), self.empty_text)
        painter.end()


def table(headers: list[str], stretch: int | None = None, empty: str = "") -> QTableWidget:
    """A read-only, row-selecting table with these column headers; column ``stretch`` (the last
    by default) takes the width the others leave — the one with free text, such as a reason;
    ``empty`` is said in the table while it has no row."""
    view = _Table(0, len(headers))
    view.empty_text = empty
    view.setHorizontalHeaderLabels(headers)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None or stretch == len(headers) - 1:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fill(view: QTableWidget, rows: list[list[str]], keys: list[str] | None = None) -> None:
    """Replace the rows; ``keys`` (one per row) go into the first cell under RECORD_ID."""
    view.setRowCount(0)
    for r, values in enumerate(rows):
        view.insertRow(r)
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if keys is not None and c == 0:
                item.setData(RECORD_ID, keys[r])
            view.setItem(r, c, item)


def item_at(view: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item `fill` put at (row, column): Qt's `item` is typed as maybe None, and a cell of a
    filled row never is."""
    item = view.item(row, column)
    assert item is not None, (row, column)
    return item

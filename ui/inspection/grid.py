"""The readings grid: a table that grows as you type, moves on with Enter, takes a pasted column.

Rows map to reading paths through the step's pattern: ``weighings[]`` gives ``weighings[r].load``;
``flow_points[].runs[]`` has a leading group column (the flow point) and numbers runs within it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from forms.definition import Step


class GridLayout:
    """How one grid step's rows and columns map to reading paths (pure; no widgets)."""

    def __init__(self, step: Step) -> None:
        self.step = step
        self.fields = list(step.fields)
        self.two_level = step.grid.count("[]") == 2
        self.prefix, _, rest = step.grid.partition("[]")
        self.inner = rest.removeprefix(".").removesuffix("[]")  # "runs" for two-level grids
        self.parent = self.prefix.rsplit(".", 1)[0] if "." in self.prefix else ""

    def columns(self) -> int:
        return len(self.fields) + (1 if self.two_level else 0)

    def field_of(self, column: int) -> str | None:
        offset = 1 if self.two_level else 0
        return None if column < offset else self.fields[column - offset]

    def row_paths(self, rows: list[list[str]]) -> dict[str, str]:
        """The flat readings of the whole grid; empty rows are skipped."""
        out: dict[str, str] = {}
        counters: dict[int, int] = {}
        index = 0
        for row in rows:
            values = row[1:] if self.two_level else row
            if not any(v.strip() for v in values):
                continue
            if self.two_level:
                group = int(row[0]) if row[0].strip().isdigit() and int(row[0]) > 0 else 1
                k = counters.get(group, 0)
                counters[group] = k + 1
                base = f"{self.prefix}[{group - 1}].{self.inner}[{k}]"
            else:
                base = f"{self.prefix}[{index}]"
                index += 1
            for field, value in zip(self.fields, values, strict=False):
                if value.strip():
                    out[base if self.step.scalar else f"{base}.{field}"] = value.strip()
        return out

    def owns(self, path: str) -> bool:
        return path.startswith(self.prefix + "[")

    def rows_from(self, flat: dict[str, str]) -> list[list[str]]:
        """Grid rows from stored readings, in order."""
        esc = re.escape(self.prefix)
        if self.two_level:
            pattern = re.compile(rf"^{esc}\[(\d+)\]\.{re.escape(self.inner)}\[(\d+)\](?:\.(\w+))?$")
        else:
            pattern = re.compile(rf"^{esc}\[(\d+)\](?:\.(\w+))?$")
        cells: dict[tuple[int, ...], dict[str, str]] = {}
        for path, value in flat.items():
            m = pattern.match(path)
            if not m:
                continue
            if self.two_level:
                key: tuple[int, ...] = (int(m.group(1)), int(m.group(2)))
                field = m.group(3) or self.fields[0]
            else:
                key = (int(m.group(1)),)
                field = m.group(2) or self.fields[0]
            cells.setdefault(key, {})[field] = value
        rows = []
        for key in sorted(cells):
            values = [cells[key].get(f, "") for f in self.fields]
            rows.append([str(key[0] + 1), *values] if self.two_level else values)
        return rows

    def result_index(self, rows: list[list[str]], row: int) -> tuple[int, ...] | None:
        """The index of a grid row in the results (None for an empty row)."""
        counters: dict[int, int] = {}
        index = 0
        for r, values in enumerate(rows):
            data = values[1:] if self.two_level else values
            if not any(v.strip() for v in data):
                if r == row:
                    return None
                continue
            if self.two_level:
                group = int(values[0]) if values[0].strip().isdigit() and int(values[0]) > 0 else 1
                k = counters.get(group, 0)
                counters[group] = k + 1
                key: tuple[int, ...] = (group - 1, k)
            else:
                key = (index,)
                index += 1
            if r == row:
                return key
        return None


class ReadingsGrid(QTableWidget):
    """A QTableWidget for readings: Enter moves to the next cell, the last row grows the grid,
    Ctrl+V pastes a spreadsheet block; `edited` carries the whole grid as rows of text."""

    edited = Signal()

    def __init__(self, columns: int, max_rows: int, parent: QWidget | None = None) -> None:
        super().__init__(1, columns, parent)
        self.max_rows = max_rows or 500
        self.editable_columns = columns
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.verticalHeader().setDefaultSectionSize(26)
        self.itemChanged.connect(lambda _item: None if self.signalsBlocked() else self.edited.emit())

    def rows(self) -> list[list[str]]:
        out = []
        for r in range(self.rowCount()):
            out.append(
                [(self.item(r, c).text() if self.item(r, c) else "") for c in range(self.editable_columns)]
            )
        return out

    def set_rows(self, rows: list[list[str]]) -> None:
        self.blockSignals(True)
        self.setRowCount(max(len(rows) + 1, 1))  # one empty row to type into
        for r in range(self.rowCount()):
            for c in range(self.editable_columns):
                text = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, c, item)
                item.setText(text)
        self.blockSignals(False)

    def advance(self) -> None:
        """Next cell to the right; past the last, the first of the next row (grown if needed)."""
        row, column = self.currentRow(), self.currentColumn() + 1
        if column >= self.editable_columns:
            row, column = row + 1, 0
        if row >= self.rowCount():
            if row >= self.max_rows:
                return
            self.setRowCount(row + 1)
        self.setCurrentCell(row, column)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        submitted = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if submitted else hint)
        if submitted:
            self.advance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.advance()
            return
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.blockSignals(True)
            for item in self.selectedItems():
                item.setText("")
            self.blockSignals(False)
            self.edited.emit()
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> None:
        """Fill from the current cell: lines are rows, tabs are columns (a spreadsheet copy)."""
        lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        if not lines:
            return
        row0, col0 = max(self.currentRow(), 0), max(self.currentColumn(), 0)
        self.blockSignals(True)
        needed = min(row0 + len(lines), self.max_rows)
        if needed >= self.rowCount():
            self.setRowCount(needed + 1)
        for i, line in enumerate(lines[: needed - row0]):
            for j, value in enumerate(line.split("\t")):
                column = col0 + j
                if column >= self.editable_columns:
                    break
                item = self.item(row0 + i, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row0 + i, column, item)
                item.setText(value.strip())
        self.blockSignals(False)
        self.edited.emit()

    def ensure_items(self) -> None:
        """Every cell has an item (computed cells read-only); not an edit, so no signal."""
        was = self.blockSignals(True)
        try:
            self._fill_items()
        finally:
            self.blockSignals(was)

    def _fill_items(self) -> None:
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                if self.item(r, c) is None:
                    item = QTableWidgetItem()
                    if c >= self.editable_columns:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.setItem(r, c, item)

"""The readings grid: a table view over one grid step's stored readings, with one keyboard model.

The model shows what the store holds (through the step's `Sheet`) and never keeps typed text of
its own: a committed cell goes to its `on_edit` callback as (row, column, block of texts), and the
grid is redrawn from the store. Only input columns are stops; computed and result columns never are.

Keys (every procedure's grids alike):
- typing starts a cell and replaces its text; arrows then commit and move (Excel's enter mode);
  F2 or a double click edits in place, arrows moving the caret (edit mode); Escape abandons;
- Enter / Tab commit and go to the next input cell in reading order, wrapping to the next row's
  first input column and growing the grid; Shift+Enter / Shift+Tab go back. Tab leaves the grid only
  past its last possible cell, Shift+Tab before its first;
- Delete clears the selected cells, Backspace clears the cell and starts typing;
- Ctrl+V pastes a spreadsheet block from the current cell (blank cells clear), Ctrl+C copies.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from inspector_app.sheets import Edit, Sheet, Table
from ui import icons

Index = QModelIndex | QPersistentModelIndex
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
PROBLEM_BRUSH = QBrush(icons.FAIL_COLOUR.lighter(185))
PROBLEM_ICON = cache(lambda: icons.verdict_icon("fail", 12))
DEFAULT_BRUSH = QBrush(QColor("#80868b"))  # a group taken from the row above, not typed
COMPUTED_BRUSH = QBrush(QColor("#f5f5f5"))
# Roles as plain ints: the model answers thousands of role queries per repaint.
DISPLAY, EDIT, TOOLTIP = (
    int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole)
)
DECORATION, BACKGROUND, FOREGROUND = (
    int(r.value)
    for r in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
)
INPUT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
COMPUTED_FLAGS = Qt.ItemFlag.ItemIsEnabled  # computed: never a stop, never selected
ROLES = frozenset((DISPLAY, EDIT, TOOLTIP, DECORATION, BACKGROUND, FOREGROUND))


def _differing(old: list[Any], new: list[Any]) -> set[int]:
    """The indices where two lists differ, the longer one's extra entries included."""
    out = {r for r, (a, b) in enumerate(zip(old, new, strict=False)) if a != b}
    out.update(range(min(len(old), len(new)), max(len(old), len(new))))
    return out


def _verdict_text(verdict: tuple[str, Any, QColor] | None) -> str | None:
    return None if verdict is None else verdict[0]


class ReadingsTableModel(QAbstractTableModel):
    """Input columns (shown texts of the stored values), then computed columns, then the verdict.

    Rows only grow during a session (never removed under an open editor); empty rows are free.
    """

    def __init__(self, sheet: Sheet, lang: str, on_edit: Callable[[int, int, list[list[str]]], Edit]) -> None:
        super().__init__()
        self.sheet = sheet
        self.lang = lang
        self.on_edit = on_edit
        self.table = Table([], [], 0)
        self.shown: list[list[str]] = []
        self.problems: dict[tuple[int, int], str] = {}
        self.result_keys: list[str] = []
        self.result_headers: list[str] = []
        self.results: list[list[str]] = []
        self.verdicts: list[tuple[str, Any, QColor] | None] = []
        self.rows_shown = 1
        self.input_headers: list[str] = []  # from the step; the sheet's own names until then
        self.computed_inputs: dict[tuple[int, int], str] = {}  # grey where nothing was typed

    # -- content ----------------------------------------------------------------------------
    def set_table(self, table: Table, shown: list[list[str]], problems: dict[tuple[int, int], str]) -> None:
        """New stored content; rows are added (never removed), changed rows repainted."""
        old_shown, old_problems, old_table = self.shown, self.problems, self.table
        self.table, self.shown, self.problems = table, shown, problems
        self.grow_to(len(table.rows) + 1)
        width = self.sheet.width
        # rows whose problems differ, from the two (mostly empty) dicts, not by asking every cell
        changed = {r for (r, c) in old_problems.keys() ^ problems.keys()}
        changed |= {r for (r, c), text in problems.items() if old_problems.get((r, c), text) != text}
        changed |= _differing(old_shown, shown)
        if self.sheet.grouped:  # the group shown grey in an empty group cell is the row above's
            changed |= _differing(old_table.rows, table.rows)
        self._repaint_rows(sorted(changed), 0, width - 1)

    def set_results(
        self, keys: list[str], headers: list[str], results: list[list[str]], verdicts: list[Any]
    ) -> None:
        """Computed columns (keys only ever added, so columns never move under the cursor)."""
        new = [k for k in keys if k not in self.result_keys]
        if new:
            first = self.sheet.width + len(self.result_keys)
            self.beginInsertColumns(QModelIndex(), first, first + len(new) - 1)
            for key in new:
                self.result_keys.append(key)
                self.result_headers.append(headers[keys.index(key)])
            self.endInsertColumns()
        renamed = [
            i
            for i, key in enumerate(self.result_keys)
            if key in keys and self.result_headers[i] != headers[keys.index(key)]
        ]
        for i in renamed:  # a unit the record decides changed (a lot's g became mL)
            self.result_headers[i] = headers[keys.index(self.result_keys[i])]
        if renamed:
            first = self.sheet.width + min(renamed)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, first, self.sheet.width + max(renamed))
        old_results, old_verdicts = self.results, self.verdicts
        if keys == self.result_keys:  # the columns as they were (every edit but the first)
            self.results = results
        else:
            at = {k: i for i, k in enumerate(keys)}
            self.results = [[row[at[k]] if k in at else "" for k in self.result_keys] for row in results]
        self.verdicts = verdicts
        if new:
            self._repaint_rows(list(range(self.rows_shown)), self.sheet.width, self.columnCount() - 1)
            return
        changed = _differing(old_results, self.results)
        changed |= _differing([_verdict_text(v) for v in old_verdicts], [_verdict_text(v) for v in verdicts])
        self._repaint_rows(sorted(changed), self.sheet.width, self.columnCount() - 1)

    def set_computed_inputs(self, shown: dict[tuple[int, int], str]) -> None:
        """Computed values shown grey in input cells left blank (a package's q from G − t)."""
        if shown != self.computed_inputs:
            changed = {r for r, _c in shown.keys() ^ self.computed_inputs.keys()}
            changed |= {r for (r, c), t in shown.items() if self.computed_inputs.get((r, c), t) != t}
            self.computed_inputs = shown
            self._repaint_rows(sorted(changed), 0, self.sheet.width - 1)

    def set_input_headers(self, headers: list[str]) -> None:
        """The input columns' names with their units (a unit may follow a choice made elsewhere)."""
        if headers != self.input_headers:
            self.input_headers = headers
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.sheet.width - 1, 0))

    def grow_to(self, rows: int) -> None:
        rows = min(max(rows, 1), self.sheet.max_rows)
        if rows > self.rows_shown:
            self.beginInsertRows(QModelIndex(), self.rows_shown, rows - 1)
            self.rows_shown = rows
            self.endInsertRows()

    def _repaint_rows(self, rows: list[int], first: int, last: int) -> None:
        """Tell the view which rows changed, in contiguous runs (a typed cell repaints its row)."""
        rows = [r for r in rows if r < self.rows_shown]
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(rows[start], first), self.index(rows[end], last))
            start = end + 1

    def text(self, row: int, column: int) -> str:
        """The text shown in an input cell (a label for a stored code)."""
        if row < len(self.shown) and column < len(self.shown[row]):
            return self.shown[row][column]
        return ""

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows_shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.sheet.width + len(self.result_keys) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section < self.sheet.width:
            if section < len(self.input_headers):
                return self.input_headers[section]
            return self.sheet.header(section, self.lang)
        if section < self.sheet.width + len(self.result_keys):
            return self.result_headers[section - self.sheet.width]
        return self.tr("Result")

    def flags(self, index: Index) -> Qt.ItemFlag:
        return INPUT_FLAGS if index.column() < self.sheet.width else COMPUTED_FLAGS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """Painting asks for ~10 roles of every visible cell: answer the few used, fast."""
        if role not in ROLES:
            return None
        row, column = index.row(), index.column()
        width = self.sheet.width
        if column < width:
            return self._input_data(row, column, role)
        if role == BACKGROUND:
            return COMPUTED_BRUSH
        if column < width + len(self.result_keys):
            return self.results[row][column - width] if role == DISPLAY and row < len(self.results) else None
        verdict = self.verdicts[row] if row < len(self.verdicts) else None
        if verdict is None:
            return None
        text, icon, colour = verdict
        return (
            text
            if role == DISPLAY
            else icon
            if role == DECORATION
            else colour
            if role == FOREGROUND
            else None
        )

    def _input_data(self, row: int, column: int, role: int) -> Any:
        text = self.shown[row][column] if row < len(self.shown) else ""
        if role in (DISPLAY, EDIT):
            if not text and role == DISPLAY:
                if self.sheet.grouped and column == 0:
                    return self.sheet.default_group(self.table.rows, row)  # shown grey: the row above's
                if self.computed_inputs:
                    return self.computed_inputs.get((row, column), "")  # grey: computed, not typed
            return text
        if role == FOREGROUND:
            if not text and ((self.sheet.grouped and column == 0) or (row, column) in self.computed_inputs):
                return DEFAULT_BRUSH
            return None
        problem = self.problems.get((row, column)) if self.problems else None
        if problem is None:
            return None
        if role == BACKGROUND:
            return PROBLEM_BRUSH
        if role == TOOLTIP:
            return problem
        return PROBLEM_ICON() if role == DECORATION else None


class CellDelegate(QStyledItemDelegate):
    """A plain line editor per cell; the view commits it (the model never takes a value itself)."""

    def __init__(self, view: ReadingsGrid) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        row, column = index.row(), index.column()
        editor.textEdited.connect(lambda text: self.view.typed.emit(row, column, text))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Fill a new editor once; Qt calls this again on every layout, which must not undo typing."""
        assert isinstance(editor, QLineEdit)
        if editor.property("original") is not None:
            return
        start = self.view.start_text
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setText(text if start is None else start)
        editor.setProperty("original", text)
        editor.setCursorPosition(len(editor.text()))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        """Nothing here: `ReadingsGrid.commitData` sends the text through the step."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            assert isinstance(event, QKeyEvent)
            if self.view.editor_key(editor, event):
                return True
        return super().eventFilter(editor, event)


class WrappedHeader(QHeaderView):
    """Column names that wrap onto more lines instead of being cut ("油枪出口油温 t_J (°C)" in a
    narrow column), the header growing to the tallest of them; Qt draws the text wrapped (its
    alignment carries TextWordWrap, nothing is elided) and `lines` says where it breaks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value)
        )
        self.sectionResized.connect(lambda *_: self.refit())
        self._height = 0

    def text_width(self, section: int) -> int:
        """The width a section's text has: its size less the style's margins on both sides."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        return max(self.sectionSize(section) - 2 * margin - 2, 8)

    def text(self, section: int) -> str:
        model = self.model()
        return "" if model is None else str(model.headerData(section, self.orientation()) or "")

    def lines(self, section: int) -> list[str]:
        """The lines a section's name is drawn on at its present width (breaking between words,
        and between Chinese characters, as Qt's word wrap does)."""
        text = self.text(section)
        width = self.text_width(section)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].strip())
            layout.endLayout()
        return lines

    def sizeHint(self) -> QSize:
        """As tall as the section whose name takes the most lines."""
        hint = super().sizeHint()
        if self.count() == 0:
            return hint
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        most = max(len(self.lines(s)) for s in range(self.count()) if not self.isSectionHidden(s))
        height = most * self.fontMetrics().lineSpacing() + 2 * margin + 4
        return QSize(hint.width(), max(hint.height(), height))

    def refit(self) -> None:
        """A width changed: the tallest name may take more or fewer lines; the view re-lays out."""
        height = self.sizeHint().height()
        if height != self._height:
            self._height = height
            self.updateGeometry()
            view = self.parentWidget()
            if isinstance(view, QTableView):
                view.updateGeometries()


class ReadingsGrid(QTableView):
    """The keyboard model above, over a `ReadingsTableModel`.

    `typed` carries the editor's text as it is typed (row, column, text) so the window can keep
    it against a crash; `typing_ended` says the editor closed; `cell_changed` the current cell.
    """

    typed = Signal(int, int, str)
    typing_ended = Signal()
    cell_changed = Signal(int, int)
    refused = Signal(object)  # the FieldError of a value not taken

    def __init__(self, model: ReadingsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        header = WrappedHeader(self)
        self.setHorizontalHeader(header)
        self.setModel(model)
        model.headerDataChanged.connect(lambda *_: header.refit())  # a unit follows a choice
        model.columnsInserted.connect(lambda *_: header.refit())
        self.start_text: str | None = None  # the text a new editor starts with (None: the cell's)
        self.enter_mode = False  # typing started the editor: arrows commit and move
        self.editing: tuple[int, int] | None = None
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.selectionModel().currentChanged.connect(
            lambda current, _previous: self.cell_changed.emit(current.row(), current.column())
        )

    def grid_model(self) -> ReadingsTableModel:
        return self._model

    @property
    def input_width(self) -> int:
        """The input columns (the computed ones follow them). Not ``width``: that is QWidget's."""
        return self.grid_model().sheet.width

    # -- moving -----------------------------------------------------------------------------
    def go_to(self, row: int, column: int) -> None:
        """Make (row, column) the current and only selected cell, growing the grid to reach it."""
        model = self.grid_model()
        model.grow_to(row + 1)
        index = model.index(min(row, model.rowCount() - 1), min(max(column, 0), self.input_width - 1))
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def step(self, delta: int, origin: tuple[int, int] | None = None) -> bool:
        """Move to the next (+1) or previous (−1) input cell in reading order; False at an end."""
        row, column = origin or (max(self.currentIndex().row(), 0), max(self.currentIndex().column(), 0))
        column += delta
        if column >= self.input_width:
            row, column = row + 1, 0
        elif column < 0:
            row, column = row - 1, self.input_width - 1
        if row < 0 or row >= self.grid_model().sheet.max_rows:
            return False
        self.go_to(row, column)
        return True

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Arrows, Home/End, PgUp/PgDn stay on input columns; Down from the last row grows it."""
        current = self.currentIndex()
        if action == QAbstractItemView.CursorAction.MoveDown and current.row() == self.model().rowCount() - 1:
            self.grid_model().grow_to(current.row() + 2)
        target = super().moveCursor(action, modifiers)
        if target.isValid() and target.column() >= self.input_width:
            target = self.model().index(target.row(), self.input_width - 1)
        return target

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        if not self.currentIndex().isValid() or self.currentIndex().column() >= self.input_width:
            self.go_to(max(self.currentIndex().row(), 0), 0)

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
        elif event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.copy_text())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if shift else 1)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or shift
            if not self.step(-1 if backwards else 1):
                event.ignore()  # past the grid's ends: Tab leaves it
                return
        elif key == Qt.Key.Key_Delete:
            self.clear_selected_cells()
        elif key == Qt.Key.Key_Backspace:
            self.start_editing("")
        elif key == Qt.Key.Key_F2:
            self.start_editing(None)
        elif self._printable(event):
            self.start_editing(event.text())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @staticmethod
    def _printable(event: QKeyEvent) -> bool:
        blocked = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        text = event.text()
        return bool(text) and text.isprintable() and not (event.modifiers() & blocked)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Chinese typed through an input method starts the cell like any typing."""
        if self.state() != QAbstractItemView.State.EditingState and (
            event.commitString() or event.preeditString()
        ):
            self.start_editing("")
            editor = self.focus_editor()
            if editor is not None:
                QGuiApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    def start_editing(self, text: str | None) -> None:
        """Open the current cell's editor: with ``text`` replacing its content (typing, enter
        mode) or with its content to edit in place (None: F2, edit mode)."""
        index = self.currentIndex()
        if not index.isValid() or index.column() >= self.input_width:
            self.go_to(max(index.row(), 0), 0)
            index = self.currentIndex()
        self.start_text = text
        self.enter_mode = text is not None
        try:
            self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)
        finally:
            self.start_text = None
        if text:
            self.typed.emit(index.row(), index.column(), text)

    def edit(self, index: Index, trigger: Any = None, event: Any = None) -> bool:  # type: ignore[override]
        if trigger is None:  # the slot overload: edit(index)
            # Qt takes no event (nullptr) here; PySide6's stub wants one
            opened: bool = super().edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)  # type: ignore[call-overload]
            return opened
        opened = super().edit(index, trigger, event)
        if opened:
            self.editing = (index.row(), index.column())
            if trigger == QAbstractItemView.EditTrigger.DoubleClicked:
                self.enter_mode = False
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):  # Qt selects all; typing must add, not replace
                editor.deselect()
                editor.setCursorPosition(len(editor.text()))
        return opened

    def focus_editor(self) -> QLineEdit | None:
        editor = self.indexWidget(self.currentIndex())
        return editor if isinstance(editor, QLineEdit) else None

    def editor_key(self, editor: QLineEdit, event: QKeyEvent) -> bool:
        """Keys an open editor hands to the grid; True when handled here."""
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_and_step(editor, -1 if shift else 1)
        elif key == Qt.Key.Key_Tab:
            self.commit_and_step(editor, 1)
        elif key == Qt.Key.Key_Backtab:
            self.commit_and_step(editor, -1)
        elif (
            key in ARROWS and self.enter_mode and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.commit_and_arrow(editor, key)
        elif key == Qt.Key.Key_Escape:
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        else:
            return False
        return True

    # -- committing -------------------------------------------------------------------------
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self.editing = None
        self.typing_ended.emit()
        super().closeEditor(editor, hint)

    def commit_open_editor(self) -> Any:
        """Store what is being typed (before the step changes, the window closes, finalising)
        and close the editor; returns the FieldError of a refused text, else None."""
        if self.editing is None:
            return None
        editor = self.indexWidget(self.model().index(*self.editing))
        if not isinstance(editor, QLineEdit):
            self.editing = None
            return None
        outcome = self.commit(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return None if outcome is None else outcome.refused

    def commitData(self, editor: QWidget) -> None:
        """The one way a typed cell is stored: through the step, as one edit."""
        self.commit(editor)

    def commit(self, editor: QWidget) -> Edit | None:
        """Send the editor's text to the store (once); None when nothing changed."""
        if self.editing is None or not isinstance(editor, QLineEdit):
            return None
        row, column = self.editing
        self.editing = None
        self.typing_ended.emit()
        if editor.text() == editor.property("original"):
            return None
        outcome = self.grid_model().on_edit(row, column, [[editor.text()]])
        if outcome.refused is not None:
            self.editing = (row, column)  # still open: the text stays, marked, until corrected
            self.refused.emit(outcome.refused)
        return outcome

    def commit_and_step(self, editor: QLineEdit, delta: int) -> None:
        origin = self.editing
        outcome = self.commit(editor)
        if outcome is not None and outcome.refused is not None:
            self._mark_refused(editor, outcome)
            return
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        assert origin is not None
        row = outcome.row if outcome is not None else origin[0]
        if not self.step(delta, (row, origin[1])):
            self.go_to(row, origin[1])

    def commit_and_arrow(self, editor: QLineEdit, key: int) -> None:
        origin = self.editing
        outcome = self.commit(editor)
        if outcome is not None and outcome.refused is not None:
            self._mark_refused(editor, outcome)
            return
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        assert origin is not None
        row = outcome.row if outcome is not None else origin[0]
        dr, dc = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }[Qt.Key(key)]
        target_row = min(max(row + dr, 0), self.grid_model().sheet.max_rows - 1)
        self.go_to(target_row, min(max(origin[1] + dc, 0), self.input_width - 1))

    def _mark_refused(self, editor: QLineEdit, outcome: Edit) -> None:
        assert outcome.refused is not None
        message = outcome.refused.message(self.grid_model().lang)
        editor.setStyleSheet(f"background: {icons.FAIL_COLOUR.lighter(185).name()};")
        editor.setToolTip(message)
        editor.selectAll()
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), message, editor)

    # -- blocks -----------------------------------------------------------------------------
    def selected_block(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) of the selection, input columns only."""
        ranges = self.selectionModel().selection()
        if not ranges:
            index = self.currentIndex()
            return None if not index.isValid() else (index.row(), index.column(), index.row(), index.column())
        blocks = [ranges.at(i) for i in range(ranges.count())]  # iterable, but not in its stub
        top = min(r.top() for r in blocks)
        left = min(r.left() for r in blocks)
        bottom = max(r.bottom() for r in blocks)
        right = min(max(r.right() for r in blocks), self.input_width - 1)
        return (top, left, bottom, right) if left < self.input_width else None

    def clear_selected_cells(self) -> None:
        """Delete: the selected cells become empty, as one edit."""
        block = self.selected_block()
        if block is None:
            return
        top, left, bottom, right = block
        self.grid_model().on_edit(top, left, [[""] * (right - left + 1) for _ in range(bottom - top + 1)])

    def paste(self, text: str) -> None:
        """A spreadsheet block from the current cell: lines are rows, tabs columns; blanks clear."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.endswith("\n"):
            text = text[:-1]
        if not text:
            return
        index = self.currentIndex()
        row, column = max(index.row(), 0), min(max(index.column(), 0), self.input_width - 1)
        block = [line.split("\t") for line in text.split("\n")]
        outcome = self.grid_model().on_edit(row, column, block)
        if outcome.refused is None:
            self.go_to(outcome.row, column)

    def copy_text(self) -> str:
        block = self.selected_block()
        if block is None:
            return ""
        top, left, bottom, right = block
        model = self.grid_model()
        return "\n".join(
            "\t".join(model.text(r, c) for c in range(left, right + 1)) for r in range(top, bottom + 1)
        )

"""One generic renderer: turns each step of a form definition into widgets bound to reading paths.

Every step widget emits `changed` with the readings it changed ({path: text}, '' clears one),
`load`s stored readings, and `show`s the live evaluation. No step is drawn by hand per procedure.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forms.definition import FieldSpec, FormDefinition, Step
from forms.display import (
    figures,
    input_unit,
    printed_columns,
    result_label,
    result_text,
    result_unit,
    row_context,
    shown_results,
)
from inspector_app import cells, vocabulary
from inspector_app.progress import results_of, step_states
from inspector_app.readings import entries
from inspector_app.sheets import Edit, Sheet, describe
from ui import icons, labels
from ui.inspection.grid import ReadingsGrid, ReadingsTableModel
from ui.steady_label import SteadyLabel
from ui.widgets import named


def results_by_row(results: Any, pattern: str, keys: list[tuple[int, ...] | None]) -> list[Any]:
    """The results entry of each grid row (None for a pending row or one not evaluated): the
    pattern's entries are walked once and found by their indices, so a 125-row grid costs 125
    look-ups, not 125 walks."""
    found = dict(entries(results, pattern))
    return [None if key is None else found.get(key) for key in keys]


def rows_given(step: Step, readings: Mapping[str, str]) -> int:
    """How many rows of a step's grid hold a reading (a lot's samples weighed so far)."""
    root, bracket, _rest = step.grid.partition("[")
    if not bracket:
        return 0
    head = root + "["
    return len({path[len(head) :].split("]", 1)[0] for path in readings if path.startswith(head)})


def count_html(
    definition: FormDefinition, step: Step, lang: str, readings: Mapping[str, str], live: Mapping[str, Any]
) -> str:
    """How many rows the check needs (the step's `count` result) and how many are entered ("需 50
    件样品，已录 12 件"): ✓ green when as many, … blue when fewer, ✗ red when more; '' before the
    need is known."""
    needed = ((live or {}).get("results") or {}).get(step.count) if step.count else None
    if needed is None or not str(needed).isdigit():
        return ""
    given = rows_given(step, readings)
    template = step.count_zh if lang == "zh" else step.count_en
    text = template.replace("{needed}", str(needed)).replace("{given}", str(given))
    state = "pass" if given == int(needed) else "fail" if given > int(needed) else "incomplete"
    mark = {"pass": "✓", "fail": "✗", "incomplete": "…"}[state]
    colour = icons.colour(state).name()
    return f'<span style="color:{colour}; font-weight:600;">{mark} {html.escape(text)}</span>'


def figure_parts(
    definition: FormDefinition, step: Step, lang: str, readings: Mapping[str, str], live: Mapping[str, Any]
) -> list[str]:
    """A step's single figures as HTML, each named with its unit and as the record prints it
    (`forms.display.figures`); a figure that decides an item marked ✓ or ✗ in its verdict's
    colour."""
    live = live or {}
    shown = figures(
        definition,
        step.figures,
        live.get("results") or {},
        live.get("failed") or (),
        lang,
        lambda path: readings.get(path, ""),
        evaluated=bool(live.get("form")),
    )
    parts = []
    for figure in shown:
        value = html.escape(figure.text)
        if figure.verdict is not None:
            mark = "✓" if figure.verdict == "pass" else "✗"
            weight = "600" if figure.verdict == "fail" else "normal"
            colour = icons.colour(figure.verdict).name()
            value = f'<span style="color:{colour}; font-weight:{weight};">{mark} {value}</span>'
        parts.append(f"{html.escape(figure.name)} {value}")
    return parts


class StepWidget(QWidget):
    """One step: shows the window's readings (never a copy), emits `changed` ({path: text}, ''
    clears) for every edit and `typed` with text being typed but not yet committed."""

    changed = Signal(dict)
    typed = Signal(dict)

    def __init__(
        self, definition: FormDefinition, step: Step, lang: str, readings: Mapping[str, str]
    ) -> None:
        super().__init__()
        self.definition = definition
        self.step = step
        self.lang = lang
        self.readings = readings

    def label(self, spec: FieldSpec) -> str:
        text = spec.zh if self.lang == "zh" else spec.en
        return f"{text} ({spec.unit})" if spec.unit else text

    def refresh(self) -> None:
        """Show the readings as they are stored now."""

    def show_live(self, live: dict[str, Any], error: Any) -> None:
        """Update computed values; default: nothing to show."""

    def object_path(self) -> str:
        """The object whose results the record prints as one row of this step (the scale's
        ``zero``, ``repeatability``), '' for none (found once: the step and definition stay)."""
        found: str | None = getattr(self, "_object_path", None)
        if found is None:
            found = self._object_path = self._find_object_path()
        return found

    def _find_object_path(self) -> str:
        grid = self.step.grid or ""
        path = grid if "[" not in grid else grid.split("[", 1)[0].rpartition(".")[0]
        if not path:
            return ""
        for table in self.definition.report:
            if path in (e.path for e in table.entries) or (table.rows == path and not table.scalar):
                return path
        return ""

    def show_object_line(self, label: QLabel | SteadyLabel, live: Mapping[str, Any]) -> None:
        """`object_line` in ``label``, in the colour of the row's verdict (green, red; grey when
        not judged), hidden while there is none; a step with single figures (a lot's plan) shows
        `figures_html` there instead."""
        if self.step.figures:
            text = self.figures_html(live)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(text)
            label.setVisible(bool(text))
            if label.styleSheet() != (style := "font-size: 14px;"):
                label.setStyleSheet(style)
            return
        path = self.object_path()
        if not path:
            return  # hidden from the start
        line = self.object_line(live)
        label.setText(line)
        label.setVisible(bool(line))
        entry = ((live or {}).get("results") or {}).get(path) if path else None
        style = f"font-size: 14px; color: {icons.colour(vocabulary.row_verdict(entry)).name()};"
        if label.styleSheet() != style:
            label.setStyleSheet(style)

    def figures_html(self, live: Mapping[str, Any]) -> str:
        """The step's single figures, as shown under it."""
        sep = "；" if self.lang == "zh" else "; "
        return sep.join(figure_parts(self.definition, self.step, self.lang, self.readings, live))

    def object_line(self, live: Mapping[str, Any]) -> str:
        """The results the record prints for this step's object, each named with its unit and
        as printed ("误差 E (g) +1；限值 (g) ±2.50"), then the row's outcome; '' before any."""
        path = self.object_path()
        results = dict(shown_results(self.definition, (live or {}).get("results") or {}))
        entry = results.get(path) if path else None
        if not isinstance(entry, dict):
            return ""
        parts = []
        for table in self.definition.report:
            if path not in (e.path for e in table.entries) and table.rows != path:
                continue
            for col in table.columns:
                if col.kind != "result":
                    continue
                keys = [k.rpartition(".")[2] for k in col.keys]
                key = next((k for k in keys if entry.get(k) is not None), None)
                if key is None:
                    continue
                text = result_text(self.definition, path, key, entry, results, self.lang)
                text = text if text.startswith(col.prefix) else col.prefix + text
                spec = self.definition.results[key]
                unit = col.unit if col.unit is not None else spec.unit
                name = (col.zh if self.lang == "zh" else col.en) or spec.label(self.lang)  # as printed
                parts.append(f"{name} ({unit}) {text}" if unit else f"{name} {text}")
            break
        outcome = vocabulary.row_outcome(self.definition, entry, self.lang)
        line = ("；" if self.lang == "zh" else "; ").join(parts)
        return f"{line}  {outcome}".strip() if parts or outcome else ""

    def commit_typing(self) -> Any:
        """Store text still being typed; the FieldError of a refused text, else None."""
        return None

    def focus_first(self) -> None:
        """Put the keyboard focus where this step's input starts (its first widget Tab reaches)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()


class FieldEditors:
    """Editors for a list of fields under a path prefix, shared by fields steps and grid headers.

    A line is stored when it is left (Enter, Tab, a click elsewhere), a choice when it is chosen;
    while a line is typed its text is reported through the owner's `typed`.
    """

    def __init__(
        self, owner: StepWidget, field_ids: tuple[str, ...], prefix: str, tariffs: list[tuple[str, str, str]]
    ) -> None:
        self.owner = owner
        self.prefix = prefix
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.form = QFormLayout()
        for fid in field_ids:
            spec = owner.definition.fields[fid]
            editor = self._editor(spec, tariffs)
            message = QLabel()
            message.setStyleSheet("color: #c5221f;")
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(editor)
            box.addWidget(message)
            message.hide()
            self.form.addRow(owner.label(spec), box)
            self.editors[fid] = editor
            self.messages[fid] = message

    def path(self, fid: str) -> str:
        return f"{self.prefix}.{fid}" if self.prefix else fid

    def _editor(self, spec: FieldSpec, tariffs: list[tuple[str, str, str]]) -> QWidget:
        name = spec.zh if self.owner.lang == "zh" else spec.en
        if spec.type in ("choice", "boolean", "tariff"):
            combo = named(QComboBox(), name)
            combo.addItem("", "")
            if spec.type == "tariff":
                for value, zh, en in tariffs:  # by its name; its id (what is stored) in the tip
                    combo.addItem(zh if self.owner.lang == "zh" else en, value)
                    combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
            else:
                codes = ("true", "false") if spec.type == "boolean" else tuple(c.value for c in spec.choices)
                for code in codes:
                    combo.addItem(cells.shown(spec, code, self.owner.lang), code)
            combo.currentIndexChanged.connect(lambda _i, f=spec.id: self._edited(f))
            return combo
        line = named(QLineEdit(), name)
        line.setPlaceholderText("YYYY-MM-DD" if spec.type == "date" else "")
        line.editingFinished.connect(lambda f=spec.id: self._edited(f))
        line.textEdited.connect(
            lambda text, f=spec.id: self.owner.typed.emit({"path": self.path(f), "text": text})
        )
        line.returnPressed.connect(lambda: self.owner.focusNextChild())
        return line

    def value(self, fid: str) -> str:
        editor = self.editors[fid]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def _edited(self, fid: str) -> None:
        value = self.value(fid)
        self.owner.typed.emit({})
        if value != self.owner.readings.get(self.path(fid), ""):
            self.owner.changed.emit({self.path(fid): value})

    def commit_typing(self) -> None:
        """Store a line still being typed (the window is about to change step or close)."""
        for fid, editor in self.editors.items():
            if isinstance(editor, QLineEdit) and editor.hasFocus():
                self._edited(fid)

    def refresh(self) -> None:
        """Show the stored values and mark those that cannot stand, with the reason."""
        readings = self.owner.readings
        for fid, editor in self.editors.items():
            value = readings.get(self.path(fid), "")
            if isinstance(editor, QComboBox):
                editor.blockSignals(True)
                editor.setCurrentIndex(max(0, editor.findData(value)))
                editor.blockSignals(False)
            elif isinstance(editor, QLineEdit) and editor.text() != value:
                editor.setText(value)
            spec = self.owner.definition.fields[fid]
            problem = cells.problem(spec, value, self.path(fid), readings) if value else None
            message = self.messages[fid]
            message.setVisible(problem is not None)
            if problem is not None:
                message.setText("⚠ " + problem.message(self.owner.lang))


class FieldsStep(StepWidget):
    def __init__(
        self,
        definition: FormDefinition,
        step: Step,
        lang: str,
        readings: Mapping[str, str],
        tariffs: list[tuple[str, str, str]],
    ) -> None:
        super().__init__(definition, step, lang, readings)
        self.fields = FieldEditors(self, step.fields, step.grid, tariffs)
        self.results = SteadyLabel()  # what the record prints for these fields, if any
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setStyleSheet("font-size: 14px;")
        self.results.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields.form)
        layout.addWidget(self.results)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.fields.refresh()

    def show_live(self, live: dict[str, Any], error: Any) -> None:
        self.show_object_line(self.results, live)

    def commit_typing(self) -> Any:
        self.fields.commit_typing()
        return None


class ChecklistStep(StepWidget):
    """Each item: 符合 / 不符合 / not yet checked, and its number (seal, certificate) if any."""

    def __init__(
        self, definition: FormDefinition, step: Step, lang: str, readings: Mapping[str, str]
    ) -> None:
        super().__init__(definition, step, lang, readings)
        grid = QGridLayout()
        self.answers: dict[str, QComboBox] = {}
        self.numbers: dict[str, QLineEdit] = {}
        for row, item in enumerate(definition.checklist):
            text = item.zh if lang == "zh" else item.en
            grid.addWidget(QLabel(text, wordWrap=True), row, 0)
            combo = named(QComboBox(), text)
            combo.addItem(self.tr("Not checked"), "")
            combo.addItem("✓ " + self.tr("Conforms"), "true")
            combo.addItem("✗ " + self.tr("Does not conform"), "false")
            combo.currentIndexChanged.connect(lambda _i, i=item.id: self._answered(i))
            grid.addWidget(combo, row, 1)
            self.answers[item.id] = combo
            if item.number_zh:
                number = QLineEdit(placeholderText=item.number_zh if lang == "zh" else item.number_en)
                number.setAccessibleName(number.placeholderText())
                number.editingFinished.connect(lambda i=item.id: self._numbered(i))
                number.textEdited.connect(
                    lambda t, i=item.id: self.typed.emit({"path": f"checklist.{i}.number", "text": t})
                )
                number.returnPressed.connect(lambda: self.focusNextChild())
                grid.addWidget(number, row, 2)
                self.numbers[item.id] = number
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _answered(self, item_id: str) -> None:
        combo = self.answers[item_id]
        self._colour(combo)
        # The answer lives at checklist.<id>.ok; a plain checklist.<id> (an imported check) is cleared.
        self.changed.emit({f"checklist.{item_id}.ok": combo.currentData(), f"checklist.{item_id}": ""})

    def _numbered(self, item_id: str) -> None:
        path = f"checklist.{item_id}.number"
        value = self.numbers[item_id].text().strip()
        self.typed.emit({})
        if value != self.readings.get(path, ""):
            self.changed.emit({path: value})

    def commit_typing(self) -> Any:
        for item_id, line in self.numbers.items():
            if line.hasFocus():
                self._numbered(item_id)
        return None

    @staticmethod
    def _colour(combo: QComboBox) -> None:
        combo.setStyleSheet(
            {"true": "color: #1e8e3e;", "false": "color: #c5221f;"}.get(combo.currentData(), "")
        )

    def refresh(self) -> None:
        for item_id, combo in self.answers.items():
            answer = self.readings.get(
                f"checklist.{item_id}.ok", self.readings.get(f"checklist.{item_id}", "")
            )
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(answer)))
            combo.blockSignals(False)
            self._colour(combo)
        for item_id, line in self.numbers.items():
            value = self.readings.get(f"checklist.{item_id}.number", "")
            if line.text() != value:
                line.setText(value)


class GridStep(StepWidget):
    """Header fields (if any) above a readings grid with computed columns and a verdict column,
    and a status line naming the current cell as people know it, with its problem if any."""

    def __init__(
        self,
        definition: FormDefinition,
        step: Step,
        lang: str,
        readings: Mapping[str, str],
        tariffs: list[tuple[str, str, str]],
    ) -> None:
        super().__init__(definition, step, lang, readings)
        self.sheet = Sheet(definition, step)
        self.pending: tuple[str, ...] = ()  # groups typed on rows without a reading yet
        self._shown_context: Any = None  # what every row's texts depend on, as last shown
        # A cell's problem as shown, by (row key, column, text, step): it depends on nothing else,
        # and a redraw asks for every cell of 125 rows.
        self._problem_texts: dict[tuple[Any, int, str, str], str | None] = {}
        self._shown_rows: dict[Any, tuple[dict[str, Any], list[str], Any]] = {}  # by row key
        self._headers: dict[tuple[Any, str, tuple[str, ...]], str] = {}  # names with units, made once
        units = [col.unit or "" for table in definition.report for col in table.columns]
        units += [spec.unit for spec in definition.results.values()]
        self._unit_paths = sorted(  # the choices a declared unit names ({unit.quantity})
            {path for unit in units for path in re.findall(r"\{unit\.([^{}]*)\}", unit)}
        )
        self.header = FieldEditors(self, step.header, self.sheet.parent, tariffs) if step.header else None
        self.model = ReadingsTableModel(self.sheet, lang, self.edit_cells)
        self.grid = ReadingsGrid(self.model)
        self.grid.setAccessibleName(step.zh if lang == "zh" else step.en)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = SteadyLabel()  # a new cell on every Enter: no new layout for it
        self.status.setAccessibleName(self.tr("Current cell"))
        self.message: str = ""  # what the last edit could not take, until the next one
        hint = QLabel(
            self.tr(
                "Enter or Tab: next cell (Shift: back) · typing replaces the cell, F2 edits it · "
                "Delete clears the selected cells · Ctrl+V pastes from a spreadsheet"
            )
        )
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        if self.header:
            layout.addLayout(self.header.form)
        # how many rows the check needs and how many are entered (a lot's n), above the rows
        self.count = QLabel(textFormat=Qt.TextFormat.RichText)
        self.count.setAccessibleName(self.tr("Rows needed"))
        self.count.setStyleSheet("font-size: 14px;")
        self.count.hide()
        layout.addWidget(self.count)
        layout.addWidget(self.grid, 1)
        if step.scalar:  # plain values (a lot's empty packages' tares): no row is judged alone
            self.grid.setColumnHidden(self.model.columnCount() - 1, True)
        self.groups = QLabel(wordWrap=True)  # per group (flow point): its mean and repeatability
        self.groups.setVisible(self.sheet.grouped)
        # the object's results (the scale's repeatability R), a lot's figures: new on every edit
        self.results = SteadyLabel()
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setStyleSheet("font-size: 14px;")
        self.results.hide()
        layout.addWidget(self.results)
        layout.addWidget(self.groups)
        layout.addWidget(self.status)
        layout.addWidget(hint)
        self.grid.cell_changed.connect(lambda _r, _c: self.show_status())
        self.grid.refused.connect(self._refused)
        self.grid.typed.connect(
            lambda r, c, t: self.typed.emit({"step": step.id, "row": r, "column": c, "text": t})
        )
        self.grid.typing_ended.connect(lambda: self.typed.emit({}))

    # -- editing ----------------------------------------------------------------------------
    def edit_cells(self, row: int, column: int, block: list[list[str]]) -> Edit:
        """Cells typed, pasted or cleared: one edit through the sheet (the slot of the model)."""
        outcome = self.sheet.edit(dict(self.readings), self.pending, row, column, block)
        if outcome.refused is not None:
            return outcome
        pending_changed = outcome.pending != self.pending
        self.pending = outcome.pending
        self.message = "" if outcome.notice is None else "⚠ " + outcome.notice.message(self.lang)
        if outcome.changes:
            self.changed.emit(outcome.changes)  # the window stores it and refreshes every step
        elif pending_changed:
            self.refresh()
            self.changed.emit({})  # nothing to store but the pending group (window state)
        else:
            self.show_status()
        return outcome

    def _refused(self, error: Any) -> None:
        self.message = "✗ " + self.tr("Not stored: ") + error.message(self.lang)
        self.show_status()

    def commit_typing(self) -> Any:
        if self.header:
            self.header.commit_typing()
        refused = self.grid.commit_open_editor()
        if refused is not None:
            self._refused(refused)
        return refused

    # -- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.header:
            self.header.refresh()
        readings = dict(self.readings)
        table = self.sheet.table(readings, self.pending)
        width = self.sheet.width
        specs = [self.sheet.spec_of(c) for c in range(width)]
        # Only a code (yes/no, a choice) is shown otherwise than stored: the other columns as they are
        coded = [(c, spec) for c, spec in enumerate(specs) if spec is not None and spec.type in cells.CODED]
        shown = [list(row) for row in table.rows] if coded else table.rows  # the model only reads
        for row in shown if coded else ():
            for c, spec in coded:
                row[c] = cells.shown(spec, row[c], self.lang)
        # A cell's problem depends on its place (row key, column: its path), its text and, for a
        # field measured against another (a scale's ΔL against e), that step.
        measured = [c for c, spec in enumerate(specs) if spec is not None and spec.resolution_from]
        problems = {}
        memo = self._problem_texts
        for r, (row, row_key) in enumerate(zip(table.rows, table.keys, strict=False)):
            for c in range(width):
                if not row[c]:
                    continue
                step = self.sheet.step_of(table, r, c, readings) if c in measured else ""
                key = (row_key, c, row[c], step)
                if key not in memo:
                    problem = self.sheet.problem(table, r, c, readings)
                    memo[key] = None if problem is None else describe(self.definition, problem, self.lang)
                if (text := memo[key]) is not None:
                    problems[(r, c)] = text
        self.model.set_input_headers([self.input_header(c) for c in range(self.sheet.width)])
        self.model.set_table(table, shown, problems)
        self.show_status()

    def input_header(self, column: int) -> str:
        """An input column's name with its unit: the field's own, else the one the record prints
        for it (a package's q typed directly, in the lot's g or mL)."""
        spec = self.sheet.spec_of(column)
        if spec is None:
            return self.sheet.header(column, self.lang)
        memo = (column, "", self.unit_choices())
        if memo not in self._headers:
            unit = input_unit(self.definition, self.step.grid, spec.id, self.chosen)
            name = spec.zh if self.lang == "zh" else spec.en
            self._headers[memo] = f"{name} ({unit})" if unit else name
        return self._headers[memo]

    def unit_choices(self) -> tuple[str, ...]:
        """The readings the record's units depend on (``{unit.quantity}``: a lot's g or mL), as
        stored: headers are made again only when one of them changes."""
        return tuple(self.readings.get(path, "") for path in self._unit_paths)

    def show_status(self) -> None:
        """The current cell as people name it, and its problem or what the last edit refused."""
        index = self.grid.currentIndex()
        if not index.isValid():
            self.status.setText(self.message)
            return
        table = self.model.table
        text = self.sheet.place(table, index.row(), index.column(), self.lang)
        problem = self.model.problems.get((index.row(), index.column()))
        if problem:
            text += " — ⚠ " + problem
        if self.message:
            text += "   " + self.message
        self.status.setText(text)
        colour = "#c5221f" if problem or self.message.startswith(("✗", "⚠")) else "#202124"
        if self.status.styleSheet() != (style := f"color: {colour};"):  # a style sheet costs ~0.4 ms
            self.status.setStyleSheet(style)

    def show_live(self, live: dict[str, Any], error: Any) -> None:
        """The computed columns the definition declares, and each row's verdict (or why it was
        not judged), from the evaluation of the readings as stored."""
        results = dict(shown_results(self.definition, live.get("results", {}) if live else {}))
        pattern = self.step.results or self.step.grid
        table = self.model.table
        found = results_by_row(results, pattern, table.keys)
        columns = self.result_columns(pattern, found)
        keys = [column[0] for column in columns]
        # A row's texts depend on its own results and on the check's single values (T, e): rows
        # whose results are as they were keep their texts, so one edit redraws one row.
        context = (keys, row_context(self.definition, results))
        if context != self._shown_context:
            self._shown_context, self._shown_rows = context, {}
        memo: dict[Any, tuple[dict[str, Any], list[str], Any]] = {}
        rows: list[list[str]] = []
        verdicts: list[Any] = []
        for key, entry in zip(table.keys, found, strict=True):
            if not isinstance(entry, dict):
                rows.append([""] * len(keys))
                verdicts.append(None)
                continue
            kept = self._shown_rows.get(key)
            if kept is not None and kept[0] == entry:
                texts, verdict_cell = kept[1], kept[2]
            else:
                texts = [self.column_text(pattern, column, entry, results) for column in columns]
                verdict_cell = self.verdict_cell(entry)
            memo[key] = (entry, texts, verdict_cell)
            rows.append(texts)
            verdicts.append(verdict_cell)
        self._shown_rows = memo
        headers = [self.result_header(k) for k in keys]
        self.model.set_computed_inputs(self.computed_inputs(pattern, found, results))
        self.model.set_results(keys, headers, rows, verdicts)
        if self.sheet.grouped:
            self._show_groups(results)
        self.show_object_line(self.results, live)
        if self.step.count:
            count = count_html(self.definition, self.step, self.lang, self.readings, live)
            self.count.setText(count)
            self.count.setVisible(bool(count))

    def verdict_cell(self, entry: dict[str, Any]) -> Any:
        """A row's verdict (its word, icon and colour), or why it was not judged, or None."""
        verdict = vocabulary.row_verdict(entry)
        if verdict is not None:
            return (labels.verdict(verdict), icons.verdict_icon(verdict, 16), icons.colour(verdict))
        if entry.get("note") or entry.get("below_min"):  # shown, not judged (below Min: §A.5)
            why = vocabulary.row_outcome(self.definition, entry, self.lang)
            return (why, icons.verdict_icon("none", 1), icons.colour(None))
        return None

    def result_columns(self, pattern: str, found: list[Any]) -> list[tuple[str, ...]]:
        """The computed columns: those the record prints for these rows (each the results it
        shows, the first present), else every single value a row has."""
        printed = printed_columns(self.definition, pattern)
        if printed is not None:
            typed = self.typed_columns(pattern)
            shown = [tuple(k.rpartition(".")[2] for k in col.keys) for col in printed]
            return [
                keys
                for keys in shown
                if keys[0] not in typed and (keys[0] in self.model.result_keys or self._adds(keys, found))
            ]
        declared = self.definition.results
        for entry in found:
            if isinstance(entry, dict):
                return [(k,) for k in entry if k in declared and not isinstance(entry[k], dict | list)]
        return []

    def typed_columns(self, pattern: str) -> dict[str, int]:
        """The results the record prints in place of a reading that may be typed instead (a
        package's q: weighed directly, or G − t), by key, with the input column they show in:
        grey in that column where it was not typed, as the paper prints q once."""
        inputs = {spec.id: c for c in range(self.sheet.width) if (spec := self.sheet.spec_of(c))}
        return {
            col.keys[0].rpartition(".")[2]: inputs[col.typed]
            for col in printed_columns(self.definition, pattern) or ()
            if col.typed and col.typed in inputs
        }

    def computed_inputs(
        self, pattern: str, found: list[Any], results: dict[str, Any]
    ) -> dict[tuple[int, int], str]:
        """(row, input column) → the computed value shown, grey, in an input cell left blank."""
        shown: dict[tuple[int, int], str] = {}
        rows = self.model.table.rows
        for key, column in self.typed_columns(pattern).items():
            for r, entry in enumerate(found):
                if isinstance(entry, dict) and r < len(rows) and not rows[r][column]:
                    text = self.result_text(pattern, key, entry, results)
                    if text:
                        shown[(r, column)] = text
        return shown

    def _adds(self, keys: tuple[str, ...], found: list[Any]) -> bool:
        """Whether a computed column says more than the input column of the same reading: a
        measure's V_B typed is shown once; a package's q is shown computed where G was typed."""
        specs = [self.sheet.spec_of(c) for c in range(self.sheet.width)]
        columns = [c for c, spec in enumerate(specs) if spec is not None and spec.id == keys[0]]
        if not columns:
            return True
        c = columns[0]
        rows = self.model.table.rows
        blank = [r for r, row in enumerate(rows) if not row[c]]  # usually none, or the first
        return any(
            isinstance(entry, dict) and entry.get(keys[0]) is not None
            for entry in (found[r] for r in blank if r < len(found))
        )

    def column_text(
        self, where: str, keys: tuple[str, ...], entry: dict[str, Any], results: dict[str, Any]
    ) -> str:
        """The first of ``keys`` the row has, as the record prints it."""
        for key in keys:
            text = self.result_text(where, key, entry, results)
            if text:
                return text
        return ""

    def chosen(self, path: str) -> str:
        """A stored reading by its path (what a unit such as a lot's g or mL depends on)."""
        return self.readings.get(path, "")

    def result_header(self, key: str, where: str | None = None) -> str:
        """A computed column's name with its unit, the unit the record prints."""
        place = where or self.step.results or self.step.grid
        memo = (key, place, self.unit_choices())
        if memo not in self._headers:
            label = result_label(self.definition, place, key, self.lang)
            unit = result_unit(self.definition, place, key, self.chosen)
            self._headers[memo] = f"{label} ({unit})" if unit else label
        return self._headers[memo]

    def result_text(self, where: str, key: str, entry: dict[str, Any], results: dict[str, Any]) -> str:
        """A computed value as the record prints it (`forms.display.result_text`)."""
        return result_text(self.definition, where, key, entry, results, self.lang)

    def _show_groups(self, results: dict[str, Any]) -> None:
        """One line per group: its computed values at the spec's display rounding, ✗ where judged
        beyond the limit (the repeatability of a flow point is not a column of any run)."""
        groups = results.get(self.sheet.prefix) if isinstance(results, dict) else None
        declared = self.definition.results
        lines = []
        for i, group in enumerate(groups if isinstance(groups, list) else []):
            parts = []
            for key, value in group.items():
                if key not in declared or value is None or isinstance(value, bool | dict | list):
                    continue
                text = self.result_text(self.sheet.prefix + "[]", key, group, results)
                flag = declared[key].flag
                mark = " ✗" if flag and group.get(flag) is False else ""
                parts.append(f"{self.result_header(key, self.sheet.prefix + '[]')} {text}{mark}")
            if parts:
                colon, sep = ("：", "；") if self.lang == "zh" else (": ", "; ")
                lines.append(f"{self.sheet.group_label(self.lang)} {i + 1}{colon}" + sep.join(parts))
        self.groups.setText("\n".join(lines))


class SummaryStep(StepWidget):
    """The verdict in large type, what failed, what is missing, who inspects (both officers),
    a correction's reason, the measures, and Finalise."""

    finalise_requested = Signal()
    second_inspector_changed = Signal(str, str)  # name, enforcement ID ('' '' clears)
    reason_changed = Signal(str)
    measures_changed = Signal(list)

    def __init__(
        self, definition: FormDefinition, step: Step, lang: str, readings: Mapping[str, str]
    ) -> None:
        super().__init__(definition, step, lang, readings)
        self.icon = QLabel()
        self.verdict = QLabel()
        self.verdict.setStyleSheet("font-size: 28px; font-weight: 600;")
        self.details = QLabel(wordWrap=True)
        # Who inspects: the lead (this laptop's inspector) and the second officer (the law asks
        # for two); a correction says why it is made. All are signed and printed.
        self.lead = QLabel()
        self.second_name = QLineEdit(placeholderText=self.tr("Name"))
        self.second_name.setAccessibleName(self.tr("Second inspector"))
        self.second_id = QLineEdit(placeholderText=self.tr("Enforcement ID"))
        self.second_id.setAccessibleName(self.tr("Second inspector's enforcement ID"))
        for line in (self.second_name, self.second_id):
            line.editingFinished.connect(self._second_edited)
            line.returnPressed.connect(lambda: self.focusNextChild())
        self.replaces = QLabel(wordWrap=True)
        self.reason = QLineEdit(placeholderText=self.tr("Why this record is corrected"))
        self.reason.setAccessibleName(self.tr("Reason for the correction"))
        self.reason.editingFinished.connect(self._reason_edited)
        self.reason.returnPressed.connect(lambda: self.focusNextChild())
        people = QFormLayout()
        people.addRow(self.tr("Inspector:"), self.lead)
        second = QHBoxLayout()
        second.addWidget(self.second_name, 1)
        second.addWidget(self.second_id, 1)
        people.addRow(self.tr("Second inspector:"), second)
        self.reason_label = QLabel(self.tr("Reason for the correction:"))
        people.addRow(self.replaces)
        people.addRow(self.reason_label, self.reason)
        self.measures: dict[str, QCheckBox] = {}
        measures_box = QVBoxLayout()
        measures_box.addWidget(QLabel(self.tr("Measures taken:")))
        for measure in definition.measures:  # the definition's list (forms.measures)
            box = QCheckBox(measure.zh if lang == "zh" else measure.en)
            box.toggled.connect(lambda _on: self.measures_changed.emit(self.chosen_measures()))
            self.measures[measure.id] = box
            measures_box.addWidget(box)
        # Its key shown, as on Back and Next; the window's Ctrl+Enter presses it from the step.
        sign_key = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.finalise_button = QPushButton(self.tr("Finalise and sign…") + f"  ({sign_key})")
        self.finalise_button.setStyleSheet("font-size: 15px; padding: 8px 18px;")
        self.finalise_button.clicked.connect(self.finalise_requested)
        # Every step with its state, its figures and what it still lacks (issue 9 §3)
        self.items = QLabel(wordWrap=True)
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.items.setAccessibleName(self.tr("Items"))
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.details)
        inner.addWidget(self.items)
        inner.addLayout(people)
        inner.addLayout(measures_box)
        self.evidence_slot = QVBoxLayout()  # the window puts photos and signatures here
        self.evidence: Any = None
        self.control: str | None = None  # the type of control, from the record (`load_record`)
        inner.addLayout(self.evidence_slot)
        inner.addStretch(1)
        scroll = QScrollArea()  # the step fits a small screen; the verdict and Finalise stay in view
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.finalise_button, 0, Qt.AlignmentFlag.AlignRight)

    def attach_evidence(self, evidence: Any) -> None:
        """Put the photos and signatures panel in place; Tab then follows the screen: measures,
        photos, signatures, the refusal reason, Finalise."""
        self.evidence = evidence
        self.evidence_slot.addWidget(evidence)
        chain = [
            self.second_name,
            self.second_id,
            self.reason,
            *self.measures.values(),
            *evidence.focus_chain(),
            self.finalise_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def chosen_measures(self) -> list[str]:
        return [code for code, box in self.measures.items() if box.isChecked()]

    def load_record(self, row: Mapping[str, Any], replaced: Mapping[str, Any] | None) -> None:
        """Show who inspects, the measures kept on the draft and, for a correction, which record
        it replaces (number and verdict) and its reason, as stored."""
        self.control = row.get("control")  # which steps may be left out (an in-service check)
        team = json.loads(row.get("inspectors") or "[]") or [{"name": row.get("inspector", "")}]
        lead = team[0]
        self.lead.setText(
            f"{lead.get('name', '')}（{lead['id_number']}）"
            if lead.get("id_number")
            else lead.get("name", "")
        )
        second = team[1] if len(team) > 1 else {}
        for line, value in (
            (self.second_name, second.get("name", "")),
            (self.second_id, second.get("id_number", "")),
        ):
            if not line.hasFocus() and line.text() != value:
                line.setText(value)
        if self.evidence is not None:  # each officer's name over their own signature pad
            self.evidence.show_officers([str(p.get("name") or "") for p in team])
            self.evidence.refresh()  # a second officer replaced: their signature went with them
        correcting = replaced is not None
        for widget in (self.replaces, self.reason_label, self.reason):
            widget.setVisible(correcting)
        if replaced is not None:
            self.replaces.setText(
                self.tr("This record corrects and replaces record %1 (verdict: %2).")
                .replace("%1", str(replaced["record_no"]))
                .replace("%2", labels.verdict(replaced.get("verdict")))
            )
            reason = str(row.get("correction_reason") or "")
            if not self.reason.hasFocus() and self.reason.text() != reason:
                self.reason.setText(reason)
        chosen = set(json.loads(row.get("measures") or "[]"))
        for code, box in self.measures.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)

    # a step's state: its mark and colour (the step list shows the same by icon)
    MARKS: ClassVar[dict[str, tuple[str, str]]] = {
        "done": ("✓", "#1e8e3e"),
        "failed": ("✗", "#c5221f"),
        "missing": ("…", "#1967d2"),
        "inconclusive": ("?", "#e37400"),
        "empty": ("○", "#5f6368"),
        "invalid": ("⚠", icons.INVALID_COLOUR.name()),
        "optional": ("–", "#5f6368"),
    }
    MAX_ROWS_NAMED: ClassVar[int] = 5  # failing rows named one by one; more are counted

    def items_html(self, live: Mapping[str, Any], error: Any = None) -> str:
        """One line per step: its mark, its name, the cells it holds that cannot stand (which and
        why), its figures (each group's computed values, the failing rows with theirs) and what
        it still lacks."""
        results = shown_results(self.definition, live.get("results") or {})
        sep = "、" if self.lang == "zh" else ", "
        colon = "：" if self.lang == "zh" else ": "
        lines = []
        for step, state in zip(
            self.definition.steps,
            step_states(self.definition, self.readings, live, error, self.control),
            strict=False,
        ):
            if step.kind == "summary":
                continue
            mark, colour = self.MARKS[state.state]
            parts: list[str] = []
            if state.invalid:  # each refused cell and why (the first few; the rest counted)
                reasons = ("；" if self.lang == "zh" else "; ").join(
                    describe(self.definition, e, self.lang) for e in state.invalid[: self.MAX_ROWS_NAMED]
                )
                parts.append(self.tr("Input error: %1").replace("%1", reasons))
                if len(state.invalid) > self.MAX_ROWS_NAMED:
                    more = len(state.invalid) - self.MAX_ROWS_NAMED
                    parts.append(self.tr("%1 more refused").replace("%1", str(more)))
            rows, groups = results_of(step, results)
            pattern = step.results or step.grid
            for i, group in enumerate(g for g in groups if isinstance(g, dict)):
                figures = self._figures(pattern.split("[]", 1)[0] + "[]", group, results)
                if figures:
                    parts.append(
                        f"{Sheet(self.definition, step).group_label(self.lang)} {i + 1}{colon}{figures}"
                    )
            entries = [e for e in rows if isinstance(e, dict)]
            if entries:
                failing = [i for i, e in enumerate(entries) if vocabulary.row_verdict(e) == "fail"]
                if not step.count:  # else the count says it ("需 50 件样品，已录 50 件")
                    parts.append(self.tr("%1 row(s)").replace("%1", str(len(entries))))
                for i in failing[: self.MAX_ROWS_NAMED]:
                    figures = self._figures(pattern, entries[i], results)
                    row = self.tr("row %1").replace("%1", str(i + 1))
                    parts.append(f"✗ {row}" + (f"{colon}{figures}" if figures else ""))
                if len(failing) > self.MAX_ROWS_NAMED:
                    parts.append(
                        self.tr("%1 more failing").replace("%1", str(len(failing) - self.MAX_ROWS_NAMED))
                    )
            if state.failed:
                names = [vocabulary.item(self.definition, c, self.lang) for c in state.failed]
                parts.append(self.tr("Failed: %1").replace("%1", sep.join(names)))
            if state.missing:
                parts.append(
                    self.tr("Missing: %1").replace("%1", sep.join(m[self.lang] for m in state.missing))
                )
            if state.state == "empty":
                parts.append(self.tr("not begun"))
            if state.state == "optional":  # nothing is missing: said in grey, not as a gap
                parts.append(self.tr("not applicable / optional"))
            name = step.zh if self.lang == "zh" else step.en
            semi = "；" if self.lang == "zh" else "; "
            # the step's count and single figures (a lot's n, T; q̄, s, Qn − λ·s), as under it
            args = (self.definition, step, self.lang, self.readings, live)
            # (the count only when the missing list does not say it already)
            figures_html = [count_html(*args) if not state.missing else "", *figure_parts(*args)]
            detail = semi.join([html.escape(p) for p in parts] + [f for f in figures_html if f])
            if state.invalid or state.state == "optional":  # what to correct; or grey: nothing to do
                detail = f'<span style="color:{colour};">{detail}</span>'
            lines.append(
                f'<span style="color:{colour}; font-weight:600;">{mark}</span> <b>{html.escape(name)}</b>'
                + (f" — {detail}" if detail else "")
            )
        return "<br>".join(lines)

    def _figures(self, pattern: str, entry: Mapping[str, Any], results: Mapping[str, Any]) -> str:
        """A results entry's computed values as the grid shows them, each with its name and unit."""
        shown = []
        declared = self.definition.results
        printed = printed_columns(self.definition, pattern)
        keys = (  # the columns the record prints for these rows (the first result present of each)
            list(entry)
            if printed is None
            else [next((k for k in col.keys if entry.get(k) is not None), col.keys[0]) for col in printed]
        )
        for key in keys:
            value = entry.get(key)
            if key not in declared or value is None or isinstance(value, bool | dict | list):
                continue
            text = result_text(self.definition, pattern, key, entry, results, self.lang)
            if text:
                name = result_label(self.definition, pattern, key, self.lang)
                unit = result_unit(self.definition, pattern, key, lambda path: self.readings.get(path, ""))
                shown.append(f"{name} ({unit}) {text}" if unit else f"{name} {text}")
        return (", " if self.lang == "en" else "，").join(shown)

    def _second_edited(self) -> None:
        self.second_inspector_changed.emit(self.second_name.text().strip(), self.second_id.text().strip())

    def _reason_edited(self) -> None:
        self.reason_changed.emit(self.reason.text().strip())

    def commit_typing(self) -> Any:
        if self.second_name.hasFocus() or self.second_id.hasFocus():
            self._second_edited()
        if self.reason.hasFocus():
            self._reason_edited()
        return None

    def show_live(self, live: dict[str, Any], error: Any) -> None:
        verdict = live.get("verdict") if live else None
        self.icon.setPixmap(icons.verdict_icon(verdict, 40).pixmap(40, 40))
        self.verdict.setText(labels.verdict(verdict))
        self.verdict.setStyleSheet(
            f"font-size: 28px; font-weight: 600; color: {icons.colour(verdict).name()};"
        )
        lines = []
        if live and live.get("failed"):
            names = [vocabulary.item(self.definition, c, self.lang) for c in live["failed"]]
            lines.append(self.tr("Failed items: %1").replace("%1", "、".join(names)))
        if live and live.get("next_steps"):
            steps = "、".join(vocabulary.next_step(self.definition, c, self.lang) for c in live["next_steps"])
            lines.append(self.tr("To measure next: %1").replace("%1", steps))
        results = live.get("results", {}) if live else {}
        if results.get("class_note"):  # a marked class that does not fit n = Max/e (README "Scale")
            fits = "、".join(results.get("class_fits") or []) or "—"
            lines.append(
                self.tr("Note: the marked class does not fit Max/e (classes that fit: %1)").replace(
                    "%1", fits
                )
            )
        missing = live.get("missing", []) if live else []
        if error is not None and error.code != "required":
            lines.append("⚠ " + describe(self.definition, error, self.lang))
        if missing:
            lines.append(self.tr("Still to fill in:"))
            lines.extend("  • " + m[self.lang] for m in missing)
        self.details.setText("\n".join(lines))
        self.items.setText(self.items_html(live or {}, error))
        # Only a complete, evaluated check can be finalised (spec README, "Minimum content").
        ready = error is None and verdict in ("pass", "fail", "inconclusive") and not missing
        self.finalise_button.setEnabled(ready)
        self.finalise_button.setToolTip(
            "" if ready else self.tr("An incomplete check cannot be finalised: fill in what is listed above.")
        )


def build_step(
    definition: FormDefinition,
    step: Step,
    lang: str,
    readings: Mapping[str, str],
    tariffs: list[tuple[str, str, str]],
) -> StepWidget:
    """The widget for one step of any procedure, showing the window's readings."""
    if step.kind == "checklist":
        return ChecklistStep(definition, step, lang, readings)
    if step.kind == "grid":
        return GridStep(definition, step, lang, readings, tariffs)
    if step.kind == "summary":
        return SummaryStep(definition, step, lang, readings)
    return FieldsStep(definition, step, lang, readings, tariffs)

"""One generic renderer: turns each step of a form definition into widgets bound to reading paths.

Every step widget emits `changed` with the readings it changed ({path: text}, '' clears one),
`load`s stored readings, and `show`s the live evaluation. No step is drawn by hand per procedure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forms import InputError
from forms.definition import FieldSpec, FormDefinition, Step
from forms.display import cell_text
from inspector_app.messages import render
from ui import icons, labels
from ui.inspection.grid import GridLayout, ReadingsGrid

PACKAGE_CLASS = {"ok": "≤ T", "t1": "T ~ 2T", "t2": "> 2T"}


def lookup(results: Any, path: str, index: tuple[int, ...]) -> Any:
    """The results entry for a grid row: walk ``a[].b[]`` with the row's indices."""
    node = results
    indices = list(index)
    for part in path.split("."):
        name, brackets = part.replace("[]", ""), part.count("[]")
        if not isinstance(node, dict) or name not in node:
            return None
        node = node[name]
        for _ in range(brackets):
            if not isinstance(node, list) or not indices or indices[0] >= len(node):
                return None
            node = node[indices.pop(0)]
    return node


class StepWidget(QWidget):
    changed = Signal(dict)

    def __init__(self, definition: FormDefinition, step: Step, lang: str) -> None:
        super().__init__()
        self.definition = definition
        self.step = step
        self.lang = lang

    def label(self, spec: FieldSpec) -> str:
        text = spec.zh if self.lang == "zh" else spec.en
        return f"{text} ({spec.unit})" if spec.unit else text

    def load(self, flat: dict[str, str]) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def show(self, live: dict[str, Any], error: Any) -> None:
        """Update computed values; default: nothing to show."""


class FieldEditors:
    """Editors for a list of fields under a path prefix, shared by fields steps and grid headers."""

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
            combo = QComboBox(accessibleName=name)
            combo.addItem("", "")
            if spec.type == "boolean":
                combo.addItem("是" if self.owner.lang == "zh" else "Yes", "true")
                combo.addItem("否" if self.owner.lang == "zh" else "No", "false")
            elif spec.type == "tariff":
                for value, zh, en in tariffs:
                    combo.addItem(f"{value} — {zh if self.owner.lang == 'zh' else en}", value)
            else:
                for c in spec.choices:
                    combo.addItem(c.zh if self.owner.lang == "zh" else c.en, c.value)
            combo.activated.connect(lambda _i, f=spec.id: self._edited(f))
            return combo
        line = QLineEdit(accessibleName=name)
        line.setPlaceholderText("YYYY-MM-DD" if spec.type == "date" else "")
        line.editingFinished.connect(lambda f=spec.id: self._edited(f))
        return line

    def value(self, fid: str) -> str:
        editor = self.editors[fid]
        return (editor.currentData() or "") if isinstance(editor, QComboBox) else editor.text().strip()  # type: ignore[attr-defined]

    def _edited(self, fid: str) -> None:
        value = self.value(fid)
        self.validate(fid, value)
        self.owner.changed.emit({self.path(fid): value})

    def validate(self, fid: str, value: str) -> None:
        message = self.messages[fid]
        spec = self.owner.definition.fields[fid]
        try:
            if value and spec.type not in ("tariff", "date", "text"):
                spec.parse(value, self.path(fid))
            message.hide()
        except InputError as exc:
            label = spec.zh if self.owner.lang == "zh" else spec.en
            message.setText("⚠ " + render(label, exc.code, exc.params, self.owner.lang))
            message.show()

    def load(self, flat: dict[str, str]) -> None:
        for fid, editor in self.editors.items():
            value = flat.get(self.path(fid), "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor.setText(value)  # type: ignore[attr-defined]


class FieldsStep(StepWidget):
    def __init__(
        self, definition: FormDefinition, step: Step, lang: str, tariffs: list[tuple[str, str, str]]
    ) -> None:
        super().__init__(definition, step, lang)
        self.fields = FieldEditors(self, step.fields, step.grid, tariffs)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields.form)
        layout.addStretch(1)

    def load(self, flat: dict[str, str]) -> None:
        self.fields.load(flat)


class ChecklistStep(StepWidget):
    """Each item: 符合 / 不符合 / not yet checked, and its number (seal, certificate) if any."""

    def __init__(self, definition: FormDefinition, step: Step, lang: str) -> None:
        super().__init__(definition, step, lang)
        grid = QGridLayout()
        self.answers: dict[str, QComboBox] = {}
        self.numbers: dict[str, QLineEdit] = {}
        for row, item in enumerate(definition.checklist):
            text = item.zh if lang == "zh" else item.en
            grid.addWidget(QLabel(text, wordWrap=True), row, 0)
            combo = QComboBox(accessibleName=text)
            combo.addItem(self.tr("Not checked"), "")
            combo.addItem("✓ " + self.tr("Conforms"), "true")
            combo.addItem("✗ " + self.tr("Does not conform"), "false")
            combo.activated.connect(lambda _i, i=item.id: self._answered(i))
            grid.addWidget(combo, row, 1)
            self.answers[item.id] = combo
            if item.number_zh:
                number = QLineEdit(placeholderText=item.number_zh if lang == "zh" else item.number_en)
                number.setAccessibleName(number.placeholderText())
                number.editingFinished.connect(lambda i=item.id: self._numbered(i))
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
        combo.setStyleSheet(
            {"true": "color: #1e8e3e;", "false": "color: #c5221f;"}.get(combo.currentData(), "")
        )
        # The answer lives at checklist.<id>.ok; a plain checklist.<id> (an imported check) is cleared.
        self.changed.emit({f"checklist.{item_id}.ok": combo.currentData(), f"checklist.{item_id}": ""})

    def _numbered(self, item_id: str) -> None:
        self.changed.emit({f"checklist.{item_id}.number": self.numbers[item_id].text().strip()})

    def load(self, flat: dict[str, str]) -> None:
        for item_id, combo in self.answers.items():
            answer = flat.get(f"checklist.{item_id}.ok", flat.get(f"checklist.{item_id}", ""))
            combo.setCurrentIndex(max(0, combo.findData(answer)))
            combo.setStyleSheet(
                {"true": "color: #1e8e3e;", "false": "color: #c5221f;"}.get(combo.currentData(), "")
            )
        for item_id, line in self.numbers.items():
            line.setText(flat.get(f"checklist.{item_id}.number", ""))


class GridStep(StepWidget):
    """Header fields (if any) above a readings grid with computed columns and a verdict column."""

    def __init__(
        self, definition: FormDefinition, step: Step, lang: str, tariffs: list[tuple[str, str, str]]
    ) -> None:
        super().__init__(definition, step, lang)
        self.layout_map = GridLayout(step)
        self.header = (
            FieldEditors(self, step.header, self.layout_map.parent, tariffs) if step.header else None
        )
        headers = ([self.tr("Group")] if self.layout_map.two_level else []) + [
            self.label(definition.fields[f]) for f in step.fields
        ]
        self.grid = ReadingsGrid(self.layout_map.columns(), step.max_rows)
        self.base_headers = headers
        self.result_keys: list[str] = []
        self.grid.setHorizontalHeaderLabels(headers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._flat: dict[str, str] = {}
        hint = QLabel(
            self.tr(
                "Enter moves to the next cell; Ctrl+V pastes a column from a spreadsheet; "
                "Delete clears the selected cells."
            )
        )
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        if self.header:
            layout.addLayout(self.header.form)
        layout.addWidget(self.grid, 1)
        self.groups = QLabel(wordWrap=True)  # per group (flow point): its mean and repeatability
        self.groups.setVisible(self.layout_map.two_level)
        layout.addWidget(self.groups)
        layout.addWidget(hint)
        self.grid.edited.connect(self._grid_edited)

    def _grid_edited(self) -> None:
        new = self.layout_map.row_paths(self.grid.rows())
        old = {p: v for p, v in self._flat.items() if self.layout_map.owns(p)}
        change = {p: v for p, v in new.items() if old.get(p) != v}
        change.update({p: "" for p in old if p not in new})
        self._validate_cells()
        if change:
            self.changed.emit(change)

    def _validate_cells(self) -> None:
        """Mark cells whose text breaks the field's rule (colour plus the message as tooltip)."""
        self.grid.blockSignals(True)  # styling a cell is not an edit
        try:
            self._mark_cells()
        finally:
            self.grid.blockSignals(False)

    def _mark_cells(self) -> None:
        for r, row in enumerate(self.grid.rows()):
            for c, text in enumerate(row):
                field = self.layout_map.field_of(c)
                item = self.grid.item(r, c)
                if field is None or item is None:
                    continue
                spec = self.definition.fields[field]
                try:
                    value = spec.parse(text, field) if text.strip() else None
                    item.setToolTip("")
                    item.setBackground(QBrush())
                    if (
                        isinstance(value, Decimal)
                        and spec.resolution is not None
                        and (
                            value.as_tuple().exponent < spec.resolution.as_tuple().exponent  # type: ignore[operator]
                        )
                    ):  # finer than the instrument shows: a typing slip more often than not
                        item.setToolTip(
                            self.tr("More digits than the resolution %1 %2")
                            .replace("%1", str(spec.resolution))
                            .replace("%2", spec.unit)
                        )
                        item.setBackground(QBrush(icons.INCONCLUSIVE_COLOUR.lighter(190)))
                except InputError as exc:
                    label = spec.zh if self.lang == "zh" else spec.en
                    item.setToolTip(render(label, exc.code, exc.params, self.lang))
                    item.setBackground(QBrush(icons.FAIL_COLOUR.lighter(185)))

    def load(self, flat: dict[str, str]) -> None:
        self._flat = dict(flat)
        if self.header:
            self.header.load(flat)
        self.grid.set_rows(self.layout_map.rows_from(flat))
        self.grid.ensure_items()
        self._validate_cells()

    def show(self, live: dict[str, Any], error: Any) -> None:
        results = live.get("results", {}) if live else {}
        pattern = self.step.results or self.step.grid
        rows = self.grid.rows()
        entries = [
            lookup(results, pattern, idx)
            if (idx := self.layout_map.result_index(rows, r)) is not None
            else None
            for r in range(len(rows))
        ]
        keys = []
        for entry in entries:
            if isinstance(entry, dict):
                keys = [
                    k
                    for k in entry
                    if k not in labels.HIDDEN_RESULTS and not isinstance(entry[k], dict | list)
                ]
                break
        if keys != self.result_keys:
            self.result_keys = keys
            self.grid.setColumnCount(self.grid.editable_columns + len(keys) + 1)
            self.grid.setHorizontalHeaderLabels(
                [*self.base_headers, *(labels.result_key(k) for k in keys), self.tr("Result")]
            )
        self.grid.setColumnCount(self.grid.editable_columns + len(self.result_keys) + 1)
        self.grid.ensure_items()
        self.grid.blockSignals(True)
        for r, entry in enumerate(entries):
            for j, key in enumerate(self.result_keys):
                item = self.grid.item(r, self.grid.editable_columns + j)
                value = entry.get(key) if isinstance(entry, dict) else None
                # net-content package class: shortage within T, between T and 2T, beyond 2T (§B.3)
                text = (
                    PACKAGE_CLASS.get(value, "")
                    if key == "class"
                    else cell_text(self.definition, pattern, key, entry, results)  # spec rounding
                    if isinstance(entry, dict)
                    else ""
                )
                item.setText(text if isinstance(entry, dict) else "")
            verdict = entry.get("verdict") if isinstance(entry, dict) else None
            if isinstance(entry, dict) and "class" in entry:  # net-content packages
                verdict = "pass" if entry["class"] == "ok" else "fail"
            if isinstance(entry, dict) and "exceeds_mpe" in entry:  # a dispenser run (§2.4-4)
                verdict = "fail" if entry["exceeds_mpe"] else "pass"
            cell = self.grid.item(r, self.grid.columnCount() - 1)
            below_min = isinstance(entry, dict) and entry.get("below_min")  # shown, not judged (§A.5)
            cell.setText(labels.verdict(verdict) if verdict else self.tr("Below Min") if below_min else "")
            cell.setIcon(icons.verdict_icon(verdict, 16) if verdict else icons.verdict_icon("none", 1))
            cell.setForeground(QBrush(icons.colour(verdict)))
        self.grid.blockSignals(False)
        if self.layout_map.two_level:
            self._show_groups(results)

    def _show_groups(self, results: dict[str, Any]) -> None:
        """One line per group: its computed values at the spec's display rounding, ✗ where judged
        beyond the limit (the repeatability of a flow point is not a column of any run)."""
        groups = results.get(self.layout_map.prefix) if isinstance(results, dict) else None
        lines = []
        for i, group in enumerate(groups if isinstance(groups, list) else []):
            parts = []
            for key, value in group.items():
                if key in labels.HIDDEN_RESULTS or value is None or isinstance(value, bool | dict | list):
                    continue
                text = cell_text(self.definition, self.layout_map.prefix + "[]", key, group, results)
                mark = " ✗" if group.get(labels.RESULT_FLAGS.get(key, "")) is False else ""
                parts.append(f"{labels.result_key(key)} {text}{mark}")
            if parts:
                colon, sep = ("：", "；") if self.lang == "zh" else (": ", "; ")
                lines.append(f"{self.tr('Group')} {i + 1}{colon}" + sep.join(parts))
        self.groups.setText("\n".join(lines))


class SummaryStep(StepWidget):
    """The verdict in large type, what failed, what is missing, the measures, and Finalise."""

    finalise_requested = Signal()

    def __init__(self, definition: FormDefinition, step: Step, lang: str) -> None:
        super().__init__(definition, step, lang)
        self.icon = QLabel()
        self.verdict = QLabel()
        self.verdict.setStyleSheet("font-size: 28px; font-weight: 600;")
        self.details = QLabel(wordWrap=True)
        self.measures: dict[str, QCheckBox] = {}
        measures_box = QVBoxLayout()
        measures_box.addWidget(QLabel(self.tr("Measures taken:")))
        for measure in definition.measures:  # the definition's list (forms.measures)
            box = QCheckBox(measure.zh if lang == "zh" else measure.en)
            self.measures[measure.id] = box
            measures_box.addWidget(box)
        self.finalise_button = QPushButton(self.tr("Finalise and sign…"))
        self.finalise_button.setStyleSheet("font-size: 15px; padding: 8px 18px;")
        self.finalise_button.clicked.connect(self.finalise_requested)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(measures_box)
        self.evidence_slot = QVBoxLayout()  # the window puts photos and signatures here
        layout.addLayout(self.evidence_slot)
        layout.addStretch(1)
        layout.addWidget(self.finalise_button, 0, Qt.AlignmentFlag.AlignRight)

    def chosen_measures(self) -> list[str]:
        return [code for code, box in self.measures.items() if box.isChecked()]

    def load(self, flat: dict[str, str]) -> None:
        return None

    def show(self, live: dict[str, Any], error: Any) -> None:
        verdict = live.get("verdict") if live else None
        self.icon.setPixmap(icons.verdict_icon(verdict, 40).pixmap(40, 40))
        self.verdict.setText(labels.verdict(verdict))
        self.verdict.setStyleSheet(
            f"font-size: 28px; font-weight: 600; color: {icons.colour(verdict).name()};"
        )
        lines = []
        items = self.definition.items
        if live and live.get("failed"):
            names = [items.get(c, (c, c))[0 if self.lang == "zh" else 1] for c in live["failed"]]
            lines.append(self.tr("Failed items: %1").replace("%1", "、".join(names)))
        if live and live.get("next_steps"):
            steps = "、".join(labels.next_step(code) for code in live["next_steps"])
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
            lines.append("⚠ " + error.message(self.lang))
        if missing:
            lines.append(self.tr("Still to fill in:"))
            lines.extend("  • " + m[self.lang] for m in missing)
        self.details.setText("\n".join(lines))
        # Only a complete, evaluated check can be finalised (spec README, "Minimum content").
        ready = error is None and verdict in ("pass", "fail", "inconclusive") and not missing
        self.finalise_button.setEnabled(ready)
        self.finalise_button.setToolTip(
            "" if ready else self.tr("An incomplete check cannot be finalised: fill in what is listed above.")
        )


def build_step(
    definition: FormDefinition, step: Step, lang: str, tariffs: list[tuple[str, str, str]]
) -> StepWidget:
    """The widget for one step of any procedure."""
    if step.kind == "checklist":
        return ChecklistStep(definition, step, lang)
    if step.kind == "grid":
        return GridStep(definition, step, lang, tariffs)
    if step.kind == "summary":
        return SummaryStep(definition, step, lang)
    return FieldsStep(definition, step, lang, tariffs)

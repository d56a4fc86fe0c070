"""Random sequences of what people do in the grids — typing, Enter/Tab/arrows, paste, Delete,
Backspace, undo and redo — on each procedure's grid steps (issue 11). After every sequence the
screen, the stored readings and a reopened window must agree exactly.

The store is read back independently of the app's own mapping: rows rebuilt from the reading
paths with one regular expression, codes turned into the labels people see.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from forms import form_ids, load_definition
from tests.ui.drive import (
    CTRL,
    SHIFT,
    click_cell,
    enter,
    input_width,
    key,
    open_window,
    shown_rows,
    start,
    step_of,
    type_text,
)
from ui.inspection.steps import GridStep

SHOWN = {"true": "是", "false": "否"}


def grid_steps(form_id: str) -> list[str]:
    return [s.id for s in load_definition(form_id).steps if s.kind == "grid"]


def texts_for(spec) -> st.SearchStrategy[str]:
    """What people type into a column: good values, slips, labels, nothing."""
    if spec is None:  # the group column of a two-level grid
        return st.sampled_from(["1", "1", "2", "3", "20.01", "x", ""])
    if spec.type == "choice":
        return st.sampled_from([c.zh for c in spec.choices] + [spec.choices[0].value, "maybe", ""])
    if spec.type == "boolean":
        return st.sampled_from(["是", "否", "y", "0", "perhaps", ""])
    return st.sampled_from(["1", "2.5", "100", "15000", "0.001", "-3", "1,5", "abc", "99999999999", ""])


def action(form_id: str):
    steps = grid_steps(form_id)

    @st.composite
    def one(draw):
        step_id = draw(st.sampled_from(steps))
        step = next(s for s in load_definition(form_id).steps if s.id == step_id)
        width = len(step.fields) + (1 if step.grid.count("[]") == 2 else 0)
        rows = min(step.max_rows or 500, 6)
        row, column = draw(st.integers(0, rows - 1)), draw(st.integers(0, width - 1))
        kind = draw(
            st.sampled_from(["type", "type", "type", "move", "paste", "delete", "backspace", "undo", "redo"])
        )
        fields = [None] * (width - len(step.fields)) + [
            load_definition(form_id).fields[f] for f in step.fields
        ]
        if kind == "type":
            finish = draw(
                st.sampled_from([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Right])
            )
            return (kind, step_id, row, column, draw(texts_for(fields[column])), finish)
        if kind == "move":
            keys = [Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Left]
            return (kind, step_id, row, column, draw(st.lists(st.sampled_from(keys), max_size=4)), None)
        if kind == "paste":
            height = draw(st.integers(1, 3))
            block = [
                [
                    draw(texts_for(fields[c]))
                    for c in range(column, min(width, column + draw(st.integers(1, 2))))
                ]
                for _ in range(height)
            ]
            return (kind, step_id, row, column, block, None)
        if kind == "delete":
            return (kind, step_id, row, column, (draw(st.integers(0, 2)), draw(st.integers(0, 1))), None)
        return (kind, step_id, row, column, None, None)

    return one()


def clipboard_block(block: list[list[str]]) -> tuple[str, list[list[str]]]:
    """A block as a spreadsheet puts it on the clipboard, and the cells that text stands for."""
    text = "\n".join("\t".join(line) for line in block)
    cells = text[:-1] if text.endswith("\n") else text
    return text, ([line.split("\t") for line in cells.split("\n")] if cells else [])


def perform(qtbot, window, act, intended) -> None:
    """Do one action with keys and clicks, and the same to the reference model."""
    kind, step_id, row, column, payload, finish = act
    step = step_of(window, step_id)
    grid = step.grid
    if kind in ("undo", "redo"):  # from the grid (in a line editor, Ctrl+Z undoes its typing)
        click_cell(qtbot, grid, 0, 0)
        key(qtbot, Qt.Key.Key_Z if kind == "undo" else Qt.Key.Key_Y, CTRL)
        intended.undo() if kind == "undo" else intended.redo()
        return
    row = min(row, grid.model().rowCount() - 1)  # a click lands on a row that is there
    click_cell(qtbot, grid, row, column)
    if kind == "type":
        if payload:
            type_text(qtbot, payload)
        key(qtbot, finish)
        if grid.editing is not None:  # refused (a group that cannot be): leave it with Escape
            key(qtbot, Qt.Key.Key_Escape)
        if payload:
            intended.set_block(step_id, row, column, [[payload]])
    elif kind == "move":
        for code in payload:
            key(qtbot, code, SHIFT if code == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier)
    elif kind == "paste":
        text, block = clipboard_block(payload)
        QGuiApplication.clipboard().setText(text)
        key(qtbot, Qt.Key.Key_V, CTRL)
        if block:
            intended.set_block(step_id, row, column, block)
    elif kind == "delete":
        down, right = payload
        last_row = min(row + down, grid.model().rowCount() - 1)
        last_column = min(column + right, input_width(step) - 1)
        click_cell(qtbot, grid, last_row, last_column, SHIFT)
        key(qtbot, Qt.Key.Key_Delete)
        blanks = [[""] * (last_column - column + 1) for _ in range(last_row - row + 1)]
        intended.set_block(step_id, row, column, blanks)
    elif kind == "backspace":
        key(qtbot, Qt.Key.Key_Backspace)
        enter(qtbot)
        intended.set_block(step_id, row, column, [[""]])


YES, NO = ("是", "y", "1", "true"), ("否", "0", "n", "false")


def code_of(spec, text: str) -> str:
    """What a typed text is stored as (the labels and synonyms these tests type)."""
    text = text.strip()
    if spec is not None and spec.type == "boolean":
        return "true" if text in YES else "false" if text in NO else text
    if spec is not None and spec.type == "choice":
        return next((c.value for c in spec.choices if text in (c.zh, c.en, c.value)), text)
    return text


class Intended:
    """What the grids must hold after each action, worked out on its own (a reference model):
    rows close up when emptied, flow-point rows sort by group (numbered densely), a group only
    from 1 to one above the highest other is taken, undo and redo step through changes."""

    def __init__(self, definition) -> None:
        self.definition = definition
        self.steps = {s.id: s for s in definition.steps if s.kind == "grid"}
        self.rows: dict[str, list[list[str]]] = {k: [] for k in self.steps}
        self.pending: dict[str, list[str]] = {k: [] for k in self.steps}
        self.done: list[dict[str, list[list[str]]]] = []
        self.undone: list[dict[str, list[list[str]]]] = []

    def specs(self, step_id: str) -> list:
        step = self.steps[step_id]
        fields = [self.definition.fields[f] for f in step.fields]
        return [None, *fields] if step.grid.count("[]") == 2 else fields

    def set_block(self, step_id: str, top: int, left: int, block: list[list[str]]) -> None:
        step, specs = self.steps[step_id], self.specs(step_id)
        grouped, width = specs[0] is None, len(specs)
        rows = [list(r) for r in self.rows[step_id]] + [
            [g] + [""] * (width - 1) for g in self.pending[step_id]
        ]
        had = [any(r[1:] if grouped else r) for r in rows]
        block = block[: max((step.max_rows or 500) - top, 0)]
        while len(rows) < top + len(block):
            rows.append([""] * width)
            had.append(False)
        for i, line in enumerate(block):
            for j, text in enumerate(line[: max(width - left, 0)]):
                r, c = top + i, left + j
                if specs[c] is None:
                    group = text.strip()
                    others = [int(x[0]) for k, x in enumerate(rows) if k != r and x[0].isdigit()]
                    allowed = min(max(others, default=0) + 1, step.max_rows or 500)
                    if group and not (group.isdigit() and 1 <= int(group) <= allowed):
                        return  # refused whole
                    rows[r][c] = str(int(group)) if group else ""
                else:
                    rows[r][c] = code_of(specs[c], text)
        valued, pending = [], []
        for r, row in enumerate(rows):
            if any(row[1:] if grouped else row):
                if grouped and not row[0]:
                    row[0] = next((x[0] for x in reversed(rows[:r]) if x[0]), "1")
                valued.append(row)
            elif grouped and row[0] and not had[r]:
                pending.append(row[0])
        if grouped:
            ranks = {g: str(i + 1) for i, g in enumerate(sorted({int(x[0]) for x in valued}))}
            valued = [[ranks[int(x[0])], *x[1:]] for x in sorted(valued, key=lambda x: int(x[0]))]
        self.pending[step_id] = pending
        if valued != self.rows[step_id]:
            self.done.append({k: [list(r) for r in v] for k, v in self.rows.items()})
            self.undone.clear()
            self.rows[step_id] = valued

    def undo(self) -> None:
        if self.done:
            self.undone.append(self.rows)
            self.rows = self.done.pop()

    def redo(self) -> None:
        if self.undone:
            self.done.append(self.rows)
            self.rows = self.undone.pop()


def stored_rows(
    definition, step, flat: dict[str, str], pending: list[str], *, labels: bool = True
) -> list[list[str]]:
    """The rows a grid must show for these readings (codes as labels unless ``labels`` is
    False), rebuilt independently of the app."""
    grouped = step.grid.count("[]") == 2
    prefix = re.escape(step.grid.split("[]")[0])
    tail = "" if step.scalar else r"\.(\w+)"
    pattern = re.compile(rf"^{prefix}\[(\d+)\]" + (r"\.runs\[(\d+)\]" if grouped else "") + tail + "$")
    rows: dict[tuple[int, ...], dict[str, str]] = {}
    for path, value in flat.items():
        m = pattern.match(path)
        if m:
            key = tuple(int(g) for g in m.groups()[: 2 if grouped else 1])
            field = step.fields[0] if step.scalar else m.groups()[-1]
            spec = definition.fields[field]
            if not labels:
                pass
            elif spec.type == "choice":
                value = next((c.zh for c in spec.choices if c.value == value), value)
            elif spec.type == "boolean":
                value = SHOWN.get(value, value)
            rows.setdefault(key, {})[field] = value
    out = []
    for key in sorted(rows):
        values = [rows[key].get(f, "") for f in step.fields]
        out.append([str(key[0] + 1), *values] if grouped else values)
    out += [[group] + [""] * len(step.fields) for group in pending]
    return out


def screens(window) -> dict[str, list[list[str]]]:
    return {
        w.step.id: shown_rows(step_of(window, w.step.id)) for w in window.steps if isinstance(w, GridStep)
    }


@pytest.mark.parametrize("form_id", form_ids())
def test_screen_store_and_reopened_window_agree(services, qtbot, form_id):
    definition = load_definition(form_id)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(st.lists(action(form_id), min_size=6, max_size=24))
    def run(actions):
        iid = start(services, form_id)
        window = open_window(qtbot, services, iid)
        intended = Intended(definition)
        for n, act in enumerate(actions):
            perform(qtbot, window, act, intended)
            flat = services.inspections.readings(iid)
            for step_id, rows in intended.rows.items():
                step = intended.steps[step_id]
                assert stored_rows(definition, step, flat, [], labels=False) == rows, (n, actions[: n + 1])
        assert not services.db.conn.in_transaction  # nothing left uncommitted across edits
        flat = services.inspections.readings(iid)
        shown = screens(window)
        for step in definition.steps:
            if step.kind == "grid":
                pending = list(window.ui_state().get("pending", {}).get(step.id, []))
                assert shown[step.id] == stored_rows(definition, step, flat, pending), (step.id, actions)
        window.close()
        again = open_window(qtbot, services, iid)
        assert screens(again) == shown, actions
        again.close()

    run()

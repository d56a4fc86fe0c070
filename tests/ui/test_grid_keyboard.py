"""The grid's keyboard model, in every grid of every procedure (issues 11 and 12): Enter and Tab
walk the input cells in reading order (computed and result columns are never stops), wrap to the
next row's first input column and grow the grid; Shift goes back; typing replaces a cell, F2 edits
in place; arrows commit in enter mode and move the caret in edit mode; Delete clears a range."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from forms import form_ids, load_definition
from forms.definition import FieldSpec
from tests.ui.drive import (
    SHIFT,
    backtab,
    click_cell,
    current_cell,
    enter,
    focused,
    input_width,
    key,
    open_window,
    shown_rows,
    start,
    step_of,
    tab,
    type_text,
)

GRID_STEPS = [
    (form_id, step.id)
    for form_id in form_ids()
    for step in load_definition(form_id).steps
    if step.kind == "grid"
]


def sample(spec: FieldSpec | None, row: int) -> str:
    """A value a person could type into this column on this row (labels for choices)."""
    if spec is None:
        return "1"  # the group (flow point)
    if spec.type == "choice":
        return spec.choices[row % len(spec.choices)].zh
    if spec.type == "boolean":
        return ("否", "是")[row % 2]
    low = spec.min if spec.min is not None else Decimal(0)
    value = max(low, Decimal(0)) + (spec.resolution or Decimal(1)) * (row + 1) * 3
    return str(value)


def stored(spec: FieldSpec | None, text: str) -> str:
    if spec is not None and spec.type == "choice":
        return next(c.value for c in spec.choices if c.zh == text)
    if spec is not None and spec.type == "boolean":
        return {"否": "false", "是": "true"}[text]
    return text


def expected_paths(step, values: list[list[str]]) -> dict[str, str]:
    """The paths typed rows must be stored at, spelled out independently of the app's mapping."""
    definition_fields = step.fields
    out = {}
    grouped = step.grid.count("[]") == 2
    prefix = step.grid.split("[]")[0]
    for r, row in enumerate(values):
        cells = row[1:] if grouped else row
        base = f"{prefix}[0].runs[{r}]" if grouped else f"{prefix}[{r}]"
        for name, text in zip(definition_fields, cells, strict=True):
            out[base if step.scalar else f"{base}.{name}"] = text
    return out


@pytest.fixture
def grid_window(services, qtbot, request):
    form_id, step_id = request.param
    window = open_window(qtbot, services, start(services, form_id))
    return window, step_of(window, step_id)


@pytest.mark.parametrize("grid_window", GRID_STEPS, indirect=True, ids=[f"{f}-{s}" for f, s in GRID_STEPS])
def test_enter_and_tab_walk_input_cells_only(grid_window, qtbot):
    window, step = grid_window
    width = input_width(step)
    moves = min(2 * width + 1, step.step.max_rows * width - 1)
    expected = [(r, c) for r in range(step.step.max_rows) for c in range(width)][: moves + 1]
    for forward, back in ((enter, lambda q: enter(q, modifiers=SHIFT)), (tab, backtab)):
        click_cell(qtbot, step.grid, 0, 0)
        visited = [current_cell(step)]
        for _ in range(moves):
            forward(qtbot)
            visited.append(current_cell(step))
        assert visited == expected
        for _ in range(moves):
            back(qtbot)
            visited.append(current_cell(step))
        assert visited == expected + expected[-2::-1]
    assert window.services.inspections.readings(window.inspection_id) == {}  # moving is not editing
    backtab(qtbot)  # before the first cell, Shift+Tab leaves the grid
    assert focused() is not step.grid and not step.grid.isAncestorOf(focused())


@pytest.mark.parametrize("grid_window", GRID_STEPS, indirect=True, ids=[f"{f}-{s}" for f, s in GRID_STEPS])
def test_typed_values_land_in_their_cells(grid_window, qtbot):
    window, step = grid_window
    width = input_width(step)
    rows = min(3, step.step.max_rows)
    specs = [step.sheet.spec_of(c) for c in range(width)]
    typed = [[sample(specs[c], r) for c in range(width)] for r in range(rows)]
    click_cell(qtbot, step.grid, 0, 0)
    for row in typed:
        for text in row:
            enter(qtbot, text)
    assert current_cell(step) == (rows, 0) or rows == step.step.max_rows
    assert shown_rows(step) == typed  # labels on screen (否, 元/kg) ...
    codes = [[stored(specs[c], text) for c, text in enumerate(row)] for row in typed]
    readings = window.services.inspections.readings(window.inspection_id)
    owned = {p: v for p, v in readings.items() if step.sheet.owns(p)}
    assert owned == expected_paths(step.step, codes)  # ... codes in the store


def test_the_reported_fuel_sequence_is_stored_as_typed(services, qtbot):
    """Issue 11: three runs typed with Enter after a click on the first cell."""
    window = open_window(qtbot, services, start(services, "fuel_dispenser"))
    step = step_of(window, "indication_error")
    click_cell(qtbot, step.grid, 0, 0)
    runs = [  # group, V_J, V_B, t_J, t_B: 1⏎ 20.00⏎ 19.98⏎ 15.2⏎ 15.0⏎ 1⏎ ...
        ["1", "20.00", "19.98", "15.2", "15.0"],
        ["1", "20.00", "19.97", "15.3", "15.1"],
        ["1", "20.01", "19.99", "15.3", "15.0"],
    ]
    for text in (text for run in runs for text in run):
        enter(qtbot, text)
    assert shown_rows(step) == runs
    readings = services.inspections.readings(window.inspection_id)
    assert {p: v for p, v in readings.items() if p.startswith("flow_points")} == expected_paths(
        step.step, runs
    )
    assert current_cell(step) == (3, 0)


def test_typing_replaces_a_cell_and_f2_edits_it_in_place(services, qtbot):
    """Issue 12: a click on "2011" then "3000" stores 3000, not 20113000."""
    window = open_window(qtbot, services, start(services, "taxi_meter"))
    step = step_of(window, "distance")
    click_cell(qtbot, step.grid, 0, 0)
    enter(qtbot, "2011")
    enter(qtbot, "2000.0")
    click_cell(qtbot, step.grid, 0, 0)
    enter(qtbot, "3000")
    assert shown_rows(step) == [["3000", "2000.0"]]
    click_cell(qtbot, step.grid, 0, 1)
    key(qtbot, Qt.Key.Key_F2)  # edit in place: the caret moves, the text stays
    key(qtbot, Qt.Key.Key_Left)
    key(qtbot, Qt.Key.Key_Left)
    type_text(qtbot, "5")
    enter(qtbot)
    readings = services.inspections.readings(window.inspection_id)
    assert readings["distance_tests[0].meter_m"] == "3000"
    assert readings["distance_tests[0].reference_m"] == "20005.0"
    assert current_cell(step) == (1, 0)


def test_arrows_commit_and_move_after_typing(services, qtbot):
    window = open_window(qtbot, services, start(services, "scale"))
    step = step_of(window, "weighings")
    click_cell(qtbot, step.grid, 0, 0)
    type_text(qtbot, "100")
    key(qtbot, Qt.Key.Key_Right)  # commits and moves (Excel's enter mode)
    type_text(qtbot, "101")
    key(qtbot, Qt.Key.Key_Down)
    type_text(qtbot, "205")
    key(qtbot, Qt.Key.Key_Left)
    assert current_cell(step) == (1, 0)
    readings = services.inspections.readings(window.inspection_id)
    assert readings == {
        "weighings[0].load": "100",
        "weighings[0].indication": "101",
        "weighings[1].indication": "205",
    }
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)  # never into the computed columns
    assert current_cell(step) == (1, 2)


def test_escape_abandons_the_cell_being_typed(services, qtbot):
    window = open_window(qtbot, services, start(services, "taxi_meter"))
    step = step_of(window, "distance")
    click_cell(qtbot, step.grid, 0, 0)
    enter(qtbot, "1000")
    click_cell(qtbot, step.grid, 0, 0)
    type_text(qtbot, "99")
    key(qtbot, Qt.Key.Key_Escape)
    assert shown_rows(step) == [["1000", ""]]
    assert services.inspections.readings(window.inspection_id) == {"distance_tests[0].meter_m": "1000"}


def test_a_group_that_cannot_be_is_refused_in_the_cell(services, qtbot):
    """Issue 11: "20.01" typed into the flow-point column stayed on screen and was never stored."""
    window = open_window(qtbot, services, start(services, "fuel_dispenser"))
    step = step_of(window, "indication_error")
    click_cell(qtbot, step.grid, 0, 0)
    enter(qtbot, "20.01")
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "20.01"  # still there, not moved on
    assert current_cell(step) == (0, 0)
    assert "未保存" in step.status.text() and "流量点" in step.status.text() and "20.01" in step.status.text()
    assert "flow_points" not in step.status.text()
    key(qtbot, Qt.Key.Key_Backspace)
    for _ in "20.0":
        key(qtbot, Qt.Key.Key_Backspace)
    enter(qtbot, "1")
    enter(qtbot, "20.00")
    assert services.inspections.readings(window.inspection_id) == {"flow_points[0].runs[0].v_j": "20.00"}
    assert shown_rows(step) == [["1", "20.00", "", "", ""]]


def test_a_second_flow_point_sorts_after_the_first(services, qtbot):
    window = open_window(qtbot, services, start(services, "fuel_dispenser"))
    step = step_of(window, "indication_error")
    click_cell(qtbot, step.grid, 0, 0)
    for text in ("1", "20.00", "20.01", "", "", "2", "50.00", "49.95", "", "", "", "20.02"):
        enter(qtbot, text)  # the third row's group is left to default: the row above's (2)
    assert shown_rows(step) == [
        ["1", "20.00", "20.01", "", ""],
        ["2", "50.00", "49.95", "", ""],
        ["2", "20.02", "", "", ""],
    ]
    readings = services.inspections.readings(window.inspection_id)
    assert readings["flow_points[1].runs[1].v_j"] == "20.02"
    click_cell(qtbot, step.grid, 2, 0)
    enter(qtbot, "1")  # moved into flow point 1: shown with it, the cursor follows the row
    assert shown_rows(step)[1] == ["1", "20.02", "", "", ""]
    assert current_cell(step) == (1, 1)
    assert services.inspections.readings(window.inspection_id)["flow_points[0].runs[1].v_j"] == "20.02"


def test_delete_clears_a_range_and_the_rows_close_up(services, qtbot):
    window = open_window(qtbot, services, start(services, "scale"))
    step = step_of(window, "weighings")
    click_cell(qtbot, step.grid, 0, 0)
    for text in ("100", "100", "", "200", "201", "", "300", "302", ""):
        enter(qtbot, text)
    click_cell(qtbot, step.grid, 1, 0)
    click_cell(qtbot, step.grid, 1, 1, SHIFT)
    key(qtbot, Qt.Key.Key_Delete)
    assert shown_rows(step) == [["100", "100", ""], ["300", "302", ""]]
    assert services.inspections.readings(window.inspection_id) == {
        "weighings[0].load": "100",
        "weighings[0].indication": "100",
        "weighings[1].load": "300",
        "weighings[1].indication": "302",
    }


def test_chinese_typed_through_an_input_method_starts_a_cell(services, qtbot):
    from PySide6.QtGui import QInputMethodEvent

    window = open_window(qtbot, services, start(services, "taxi_meter"))
    step = step_of(window, "fare")
    click_cell(qtbot, step.grid, 0, 2)
    event = QInputMethodEvent("", [])
    event.setCommitString("否")
    QApplication.sendEvent(focused(), event)
    enter(qtbot)
    assert services.inspections.readings(window.inspection_id) == {"fare_tests[0].night": "false"}
    assert shown_rows(step) == [["", "", "否", ""]]

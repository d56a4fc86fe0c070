"""The wizard as an inspector reads it (issue 9 §3): Back and Next with their keys, a step list that
marks each step done, missing, failed or not begun, driven by real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.drive import click_cell, enter, open_window, start, step_of
from ui.inspection.window import InspectionWindow


def states(window: InspectionWindow) -> dict[str, str]:
    return {
        step.id: window.step_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i, step in enumerate(window.definition.steps)
    }


def test_back_and_next_show_their_keys_and_walk_the_steps(services, qtbot):
    window = open_window(qtbot, services, start(services, "taxi_meter", answered=True))
    window.go(0)
    assert "Ctrl+PgDown" in window.next_button.text() and "Ctrl+PgUp" in window.back_button.text()
    assert not window.back_button.isEnabled() and window.next_button.isEnabled()
    assert window.position.text() == f"第 1 步，共 {len(window.steps)} 步"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 2 and window.position.text().startswith("第 3 步")
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 1
    window.go(len(window.steps) - 1)
    assert not window.next_button.isEnabled() and window.back_button.isEnabled()


def test_the_step_list_marks_steps_as_readings_are_typed(services, qtbot):
    window = open_window(qtbot, services, start(services, "taxi_meter", answered=True))
    before = states(window)
    assert before["checklist"] == "done"  # answered when started
    assert before["distance"] == "missing"  # the minimum content: a distance or a fare test
    assert before["time"] == "empty" and before["summary"] == "missing"
    grid = step_of(window, "distance").grid
    click_cell(qtbot, grid, 0, 0)
    for text in ("1000", "1001"):
        enter(qtbot, text)
    qtbot.waitUntil(lambda: states(window)["distance"] == "done")
    assert states(window)["summary"] == "done"
    index = [s.id for s in window.definition.steps].index("distance")
    assert window.step_list.item(index).toolTip() == "已完成"
    click_cell(qtbot, grid, 0, 1)
    enter(qtbot, "1050")  # the meter counts 1000 m on 1050 m: −4.8 %, beyond −4 %
    qtbot.waitUntil(lambda: states(window)["distance"] == "failed")
    assert "计程误差" in window.step_list.item(index).toolTip()
    assert states(window)["summary"] == "failed"

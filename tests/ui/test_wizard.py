"""The wizard as an inspector reads it (issue 9 §3): Back and Next with their keys, a step list that
marks each step done, missing, failed or not begun, driven by real key events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from inspector_app.readings import flatten
from tests.core.test_records import CHECKS
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


def typed_into(qtbot, window, step_id: str, row: int, column: int, text: str):
    """Type ``text`` into a grid cell (replacing what is there) and press Enter, as people do."""
    grid = step_of(window, step_id).grid
    click_cell(qtbot, grid, row, column)
    enter(qtbot, text)
    return grid


def line_of(window, step_id: str) -> str:
    """The summary step's line of a step (plain text, its mark first)."""
    name = next(s.zh for s in window.definition.steps if s.id == step_id)
    doc = QTextDocument()
    doc.setHtml(window.summary().items.text())
    return next(line for line in doc.toPlainText().splitlines() if name in line)


@pytest.mark.parametrize(("text", "why"), [("1,5", "含逗号"), ("１０００", "不是数字"), ("abc", "不是数字")])
def test_a_refused_scale_cell_marks_its_step_as_an_input_error_not_done(services, qtbot, text, why):
    """A typed cell its field refuses stops the evaluation: its step is no longer ✓ but ⚠, in the
    step list (icon, words, tool tip) and in the summary's line (which cell and why)."""
    iid = start(services, "scale", readings=flatten(CHECKS["scale"]))
    window = open_window(qtbot, services, iid)
    assert states(window)["weighings"] == "done"
    typed_into(qtbot, window, "weighings", 1, 1, text)  # the indication of row 2
    qtbot.waitUntil(lambda: states(window)["weighings"] == "invalid")
    index = [s.id for s in window.definition.steps].index("weighings")
    item = window.step_list.item(index)
    assert "输入有误" in item.text() and "输入有误" in item.toolTip()
    assert "示值 I（称量测试 第 2 行）" in item.toolTip() and why in item.toolTip()
    assert item.icon().cacheKey() != window.step_list.item(0).icon().cacheKey()  # not the ✓ of step 1
    assert states(window)["summary"] == "invalid"
    step_of(window, "summary")
    assert not window.summary().finalise_button.isEnabled()
    line = line_of(window, "weighings")
    assert line.startswith("⚠") and "√" not in line and "✓" not in line
    assert "输入有误" in line and "示值 I（称量测试 第 2 行）" in line and why in line
    assert line_of(window, "price").startswith("✓")  # the other steps keep their marks
    typed_into(qtbot, window, "weighings", 1, 1, "15010")  # corrected: done again
    qtbot.waitUntil(lambda: states(window)["weighings"] == "done")
    assert "输入有误" not in window.step_list.item(index).text()


def test_a_refused_dispenser_reading_marks_its_step_as_an_input_error(services, qtbot):
    iid = start(services, "fuel_dispenser", readings=flatten(CHECKS["fuel_dispenser"]))
    window = open_window(qtbot, services, iid)
    assert states(window)["indication_error"] == "done"
    typed_into(qtbot, window, "indication_error", 0, 1, "５０．００")  # V_J of run 1, full width
    qtbot.waitUntil(lambda: states(window)["indication_error"] == "invalid")
    assert "加油机示值 V_J（流量点 1，第 1 次）" in window.step_list.item(2).toolTip()
    step_of(window, "summary")
    line = line_of(window, "indication_error")
    assert line.startswith("⚠") and "加油机示值 V_J（流量点 1，第 1 次）" in line and "不是数字" in line
    assert line_of(window, "payment").startswith("✓")


@pytest.mark.parametrize("control", ["in_service", "verification"])
def test_steps_an_in_service_scale_check_may_leave_out_are_not_shown_as_missing(services, qtbot, control):
    """Tare, eccentricity, repeatability and discrimination are not in the in-service subset
    (scale.md §A.2, the ★ items); goods re-weighing is optional in any check (§A.2 step 12). Left
    out, they are "不适用/可选" in grey, not "未开始"; in a verification the first four are to do."""
    iid = start(services, "scale", readings=flatten(CHECKS["scale"]), control=control)
    window = open_window(qtbot, services, iid)
    step_of(window, "summary")
    in_service = control == "in_service"
    for step_id in ("tare", "eccentricity", "repeatability", "discrimination"):
        assert states(window)[step_id] == ("optional" if in_service else "empty")
        line = line_of(window, step_id)
        assert ("不适用/可选" in line) == in_service and ("未开始" in line) != in_service, line
        assert line.startswith("–" if in_service else "○"), line
    assert states(window)["reweighing"] == "optional"
    assert "不适用/可选" in line_of(window, "reweighing")
    index = [s.id for s in window.definition.steps].index("tare")
    assert ("可选" in window.step_list.item(index).toolTip()) == in_service

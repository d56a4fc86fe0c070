"""One edit in a 125-package grid redraws one row (issue 9 §2: pages refresh from what changed),
and a change every row depends on (Qn, hence T) redraws them all, correctly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.drive import click_cell, enter, open_window, start, step_of
from ui.inspection.steps import GridStep

PACKAGES = 125


def test_one_edit_computes_the_texts_of_one_row(services, qtbot, monkeypatch):
    iid = start(services, "net_content", answered=True)
    services.inspections.set_readings(iid, {"quantity": "mass", "nominal": "500", "lot_size": "5000"})
    services.inspections.set_readings(iid, {f"samples[{i}].net": "501.0" for i in range(PACKAGES)})
    window = open_window(qtbot, services, iid)
    samples = step_of(window, "samples")
    computed = []
    original = GridStep.result_text
    monkeypatch.setattr(GridStep, "result_text", lambda self, *a: computed.append(a[2]) or original(self, *a))
    click_cell(qtbot, samples.grid, 7, 2)
    enter(qtbot, "480.0")  # 20 g short: beyond T = 15 g (JJF 1070-2023 table B.3), class T~2T
    rows_computed = {id(entry) for entry in computed}
    assert len(rows_computed) == 1, f"{len(rows_computed)} rows computed for one edit"
    model = samples.grid.model()
    verdict = model.columnCount() - 1
    assert model.index(7, verdict).data() == "不合格" and model.index(6, verdict).data() == "合格"


def test_a_hidden_grid_redraws_when_a_change_elsewhere_moved_its_rows(services, qtbot):
    """Packages of 480 g against Qn 500 g are 20 g short, beyond T = 15 g (JJF 1070-2023 table
    B.3, 500 g to 1 kg): class T~2T. With Qn 490 g, T = 3 % × 490 = 14.7 g and each is 10 g
    short: ≤ T. The nominal is typed in another step; the samples grid shows the new classes."""
    iid = start(services, "net_content", answered=True)
    services.inspections.set_readings(iid, {"quantity": "mass", "nominal": "500", "lot_size": "5000"})
    services.inspections.set_readings(iid, {f"samples[{i}].net": "480.0" for i in range(PACKAGES)})
    window = open_window(qtbot, services, iid)
    samples = step_of(window, "samples")
    model = samples.grid.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    klass = headers.index("短缺分类")
    assert {model.index(r, klass).data() for r in range(PACKAGES)} == {"T ~ 2T"}
    step_of(window, "lot")
    window.edit({"nominal": "490"})  # as the nominal's editor does when it is left
    assert window.live["results"]["t"] == "14.7"
    step_of(window, "samples")
    assert {model.index(r, klass).data() for r in range(PACKAGES)} == {"≤ T"}

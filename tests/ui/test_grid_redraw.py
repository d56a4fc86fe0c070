"""One edit in a 125-package grid redraws one row (issue 9 §2: pages refresh from what changed),
and a change every row depends on (Qn, hence T) redraws them all, correctly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.drive import click_cell, enter, key, open_window, start, step_of, type_text
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


def test_an_edit_re_lays_out_nothing_and_repaints_only_what_changed(services, qtbot):
    """Typed with real keys into a 125-package grid: on Enter the figures under it follow (the
    mean), the status line names the next cell, yet the window is not laid out again (a re-layout
    of the window cost ~1.5 ms of the 5 an edit may take) and the step list, whose marks stay as
    they were, is not repainted; a refused cell then changes its step's mark at once."""
    from tests.ui.test_steady_label import LayoutRequests

    iid = start(services, "net_content", answered=True)
    services.inspections.set_readings(iid, {"quantity": "mass", "nominal": "500", "lot_size": "5000"})
    services.inspections.set_readings(iid, {f"samples[{i}].net": "501.0" for i in range(PACKAGES)})
    window = open_window(qtbot, services, iid)
    samples = step_of(window, "samples")
    requests = LayoutRequests(window, samples, window.stack)  # a request climbs one a round
    marks: list[int] = []
    window.step_list.model().dataChanged.connect(lambda first, _last, _roles: marks.append(first.row()))
    before = samples.results.text()

    def commit(row: int, text: str) -> None:
        """Type into the package's q (opening the editor may lay out), then Enter: the edit."""
        click_cell(qtbot, samples.grid, row, 2)
        type_text(qtbot, text)
        requests.count = 0
        key(qtbot, Qt.Key.Key_Return)
        for _round in range(3):
            QApplication.processEvents()

    commit(7, "496.0")  # 5 g less: the mean 501.0 falls by 0.04 g
    assert "500.96" in samples.results.text() and before != samples.results.text()
    assert "第 9 行" in samples.status.text()  # Enter went on to the next package
    assert requests.count == 0, "the window was laid out again for an edit"
    commit(8, "497.0")
    assert "500.93" in samples.results.text()  # (62,625 − 5 − 4) g / 125
    assert requests.count == 0, "the window was laid out again for an edit"
    assert marks == [], "the step list was repainted though no step changed its mark"
    row = window.steps.index(samples)
    assert window.step_list.item(row).data(Qt.ItemDataRole.UserRole) != "invalid"

    commit(9, "1,5")  # a comma: refused, the step is marked at once
    assert window.step_list.item(row).data(Qt.ItemDataRole.UserRole) == "invalid"
    assert row in marks, "the new mark was not painted"

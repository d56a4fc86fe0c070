"""One edit in a 125-package grid redraws one row (issue 9 §2: pages refresh from what changed),
and a change every row depends on (Qn, hence T) redraws them all, correctly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.drive import CTRL, click_cell, enter, key, open_window, start, step_of, type_text
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


def test_what_is_kept_between_edits_follows_every_edit_undo_and_clear(services, qtbot):
    """Each edit reuses what the last one found (a cell's problem by its place and text, every
    reading's check, a row's texts by its results): a refused cell, its undo and redo, a value
    that fails, and a cleared package (its row closes up, the next package takes its place) each
    show exactly what the stored readings say. With real keys, in a 125-package lot of 501.0 g
    against Qn 500 g (T = 15 g, JJF 1070-2023 table B.3)."""
    iid = start(services, "net_content", answered=True)
    services.inspections.set_readings(iid, {"quantity": "mass", "nominal": "500", "lot_size": "5000"})
    services.inspections.set_readings(
        iid, {f"samples[{i}].net": "501.0" if i != 8 else "502.0" for i in range(PACKAGES)}
    )
    window = open_window(qtbot, services, iid)
    samples = step_of(window, "samples")
    model = samples.grid.model()
    verdict = model.columnCount() - 1
    row = window.steps.index(samples)

    def mark() -> str:
        return str(window.step_list.item(row).data(Qt.ItemDataRole.UserRole))

    def problem(r: int) -> str | None:
        return model.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)

    def mean() -> str:
        return painted_text(samples.results.text()) if samples.results.isVisible() else ""

    assert "501.01" in mean()  # (125 × 501 + 1) / 125 = 501.008
    click_cell(qtbot, samples.grid, 7, 2)
    enter(qtbot, "1,5")  # a comma: refused, nothing is judged
    assert "逗号" in problem(7) and mark() == "invalid" and mean() == ""
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert problem(7) is None and model.index(7, 2).data() == "501.0" and mark() != "invalid"
    assert "501.01" in mean()
    key(qtbot, Qt.Key.Key_Y, CTRL)  # the same refusal again, as it was
    assert "逗号" in problem(7) and mark() == "invalid" and mean() == ""
    click_cell(qtbot, samples.grid, 9, 2)
    enter(qtbot, "2,5")  # a second one: the step names both (the evaluation stops at the first)
    tip = window.step_list.item(row).toolTip()
    assert "第 8 行" in tip and "第 10 行" in tip and "逗号" in problem(9)
    key(qtbot, Qt.Key.Key_Z, CTRL)
    tip = window.step_list.item(row).toolTip()
    assert "第 8 行" in tip and "第 10 行" not in tip and problem(9) is None

    click_cell(qtbot, samples.grid, 7, 2)
    enter(qtbot, "480.0")  # 20 g short: T < 20 ≤ 2T, class T~2T, the package fails
    assert problem(7) is None and mark() == "failed"
    assert model.index(7, verdict).data() == "不合格" and model.index(8, verdict).data() == "合格"
    assert "500.84" in mean()  # (62,626 − 21) / 125 = 500.84

    click_cell(qtbot, samples.grid, 7, 2)
    key(qtbot, Qt.Key.Key_Delete)  # the package taken out: the next ones move up a row
    assert model.index(7, 2).data() == "502.0" and "已录 124 件" in samples.count.text()
    assert model.index(7, verdict).data() is None and mark() == "missing"  # 124 of 125: not judged
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert model.index(7, 2).data() == "480.0" and model.index(7, verdict).data() == "不合格"
    assert model.index(8, 2).data() == "502.0" and "已录 125 件" in samples.count.text()
    assert "500.84" in mean() and mark() == "failed"


def painted_text(html: str) -> str:
    """What a rich-text label paints."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()

"""The office at work in the GUI, on real database files: the 审核 queue driven by keyboard (the
signed PDF rendered beside the figures), the 双随机 page (directories, plan, witness, draw, print),
统计 charts that follow the filters, 信用名单 with the integrity file, 公示 with its export; and
the office window builds none of them before its first paint."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from inspector_app.local_time import local
from inspector_app.services import open_services
from tests.core import fleet
from tests.office.test_draw_algorithm import code
from tests.ui.typing import show_active, type_text
from ui.office.window import OfficeWindow

SITES = "统一社会信用代码,名称,区县,类型,风险等级\n" + "".join(
    f"{code(400 + i)},第{i}农贸市场,渝中区,集贸市场,{'AB'[i % 2]}\n" for i in range(6)
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office with a supervisor and two enrolled laptops; five records imported from the first
    (one failed on a seal: a black-list entry); the entity directory written as a file."""
    base = tmp_path_factory.mktemp("office-gui")
    with (
        fleet.office(base / "office.sqlite") as o,
        fleet.laptop(base / "lap1.sqlite") as lap,
        fleet.laptop(base / "lap2.sqlite", name="李检查", id_number="渝执 50000002") as lap2,
    ):
        fleet.enrol(o, lap)
        fleet.enrol(o, lap2)
        fleet.supervisor_key(o)
        ids = [fleet.finalise(lap, serial=f"SC-{i}") for i in range(4)]
        failed = {**fleet.SCALE, "checklist": {**fleet.SCALE["checklist"], "seal": False}}
        ids.append(fleet.finalise(lap, serial="SC-SEAL", readings=failed))
        [done] = o.office.import_bundles([fleet.export(lap, base / "usb").path])
        assert done.imported == 5
    (base / "sites.csv").write_text(SITES, encoding="utf-8")
    return {"base": base, "ids": ids}


@pytest.fixture
def office(world, tmp_path):
    shutil.copy(world["base"] / "office.sqlite", tmp_path / "office.sqlite")
    with open_services(tmp_path / "office.sqlite") as s:
        yield s


def settle(qtbot, until, timeout=30000):
    """Wait for work off the GUI thread (the runner) and its result on the GUI thread."""

    def done() -> bool:
        QThreadPool.globalInstance().waitForDone(50)
        QApplication.processEvents()
        return bool(until())

    qtbot.waitUntil(done, timeout=timeout)


def started(qtbot, window):
    """``window`` shown and active, its start-up work done."""
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):
        show_active(qtbot, window)
    return window


def open_review(office, qtbot, size: tuple[int, int] | None = None):
    """The office window started and its 审核 page reached by Ctrl+2: (window, page). The caller
    keeps the window: collected by Python, it would take the page's Qt objects with it."""
    window = OfficeWindow(office, "zh")
    if size is not None:
        window.resize(*size)
    started(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return window, window.page("review")


def test_the_office_window_builds_these_pages_only_when_shown(office, qtbot):
    window = OfficeWindow(office, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=20000):
        show_active(qtbot, window)
    assert set(window._pages) == {"import"}  # nothing of the office at work before the first paint
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("review")
    assert [window.nav.item(i).text() for i in range(1, 6)] == ["审核", "双随机", "统计", "信用名单", "公示"]


def test_review_by_keyboard(world, office, qtbot, monkeypatch):
    _window, page = open_review(office, qtbot)
    assert page.model.rowCount() == 5 and page.count_label.text() == "5 条记录"
    # The figures and the signed PDF of the selected record, side by side.
    settle(qtbot, lambda: getattr(page, "preview_pages", 0) >= 1)
    assert "合格" in page.figures.toPlainText() and "解放碑农贸市场" in page.figures.toPlainText()
    # When, in Beijing time as the signed record beside it prints (the raw UTC was 8 hours off).
    stamp = office.office.store.record(page.current_id)["finalised_at"]
    figures = page.figures.toPlainText()
    assert local(stamp) in figures and stamp[:16].replace("T", " ") not in figures
    # The readings as the form names them (step, row, unit; a checklist answer as 是/否), in order.
    shown = page.figures.toPlainText()
    assert "铅封完好" in shown and "checklist." not in shown and "称量测试 1 · 载荷 L" in shown
    # Deciding asks once for the supervisor's passphrase; the key stays unlocked on this page.
    asked = []
    monkeypatch.setattr(
        "ui.office.review_page.ask_passphrase", lambda *a: asked.append(a) or fleet.SUPERVISOR_PASS
    )
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)  # the second record
    second = page.current_id
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "赵审核" in page.supervisor_label.text()
    assert office.office.store.record(second)["review_status"] == "approved"
    assert page.model.rowCount() == 4 and page.view.currentIndex().row() == 1  # the next comes up
    # Return with a reason: Ctrl+R, type, Enter.
    third = page.current_id
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.reason.hasFocus()
    type_text(qtbot, page.reason, "偏载测试缺第四个支点")
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    row = office.office.store.record(third)
    assert (row["review_status"], row["review_reason"]) == ("returned", "偏载测试缺第四个支点")
    assert len(asked) == 1 and page.model.rowCount() == 3 and page.view.hasFocus()
    # An empty reason is refused with a message, nothing decided.
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    assert "退回理由" in page.message.text() and page.model.rowCount() == 3
    # The returned filter shows it, with its state in the loop.
    page.status.setFocus()
    page.status.setCurrentIndex(page.status.findData("returned"))
    assert page.model.rowCount() == 1
    index = page.model.index(0, 6)
    assert page.model.data(index) == "已退回（尚未下发）"
    # Ctrl+L locks the key: the next decision asks again.
    qtbot.keyClick(page.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "未登录" in page.supervisor_label.text()


def test_the_queue_pages_lazily(office, qtbot):
    from ui.office.review_page import ReviewTableModel

    calls = []
    review = office.office.review

    class Counting:
        def count(self, filters):
            return review.count(filters)

        def page(self, filters, *, offset, limit):
            calls.append((offset, limit))
            return review.page(filters, offset=offset, limit=limit)

    model = ReviewTableModel(Counting())
    model.set_filters({"status": "received"})
    assert model.rowCount() == 5 and calls == []  # nothing fetched until a row is shown
    assert model.data(model.index(4, 0)) and calls == [(0, 200)]
    assert model.data(model.index(0, 2)) == "集贸市场/超市衡器" and calls == [(0, 200)]


def test_the_draw_page(world, office, qtbot, monkeypatch, tmp_path):
    from ui.office.draw_page import DrawPage

    page = DrawPage(office.office, "zh")
    qtbot.addWidget(page)
    # The new plan explains its keys in the clerk's language, with the values each takes.
    template = page.plan.toPlainText()
    assert "# item: 检查项目，可选 fuel_dispenser (燃油加油机)" in template, template
    assert "supermarket (超市)" in template and "留空 = 全部区县" in template
    assert page.import_sites(str(world["base"] / "sites.csv"))["added"] == 6
    assert page.sites.rowCount() == 6 and "6" in page.sites_label.text()
    assert page.inspectors.rowCount() == 2
    # The inspector directory: district and availability from the page.
    page.inspectors.selectRow(1)
    page.toggle_available()
    assert page.inspectors.item(1, 3).text() == "否"
    page.toggle_available()
    plan = page.plan.toPlainText().replace('types = ["market", "supermarket"]', 'types = ["market"]')
    page.plan.setPlainText(plan)
    # A bad witness number is refused before any passphrase is asked.
    type_text(qtbot, page.witness, "12a")
    monkeypatch.setattr("ui.office.draw_page.ask_passphrase", lambda *a: fleet.OFFICE_PASS)
    qtbot.keyClick(page.witness, Qt.Key.Key_Return)
    assert "见证号" in page.message.text() and page.draw_list.count() == 0
    page.witness.clear()
    type_text(qtbot, page.witness, "3 8 1 4")
    qtbot.keyClick(page.witness, Qt.Key.Key_Return)
    assert page.draw_list.count() == 1, page.message.text()
    assert "见证号 3814" in page.summary.text()
    # A and B levels of six: ⌈30 % × 3⌉ = 1 and ⌈10 % × 3⌉ = 1.
    assert page.result.rowCount() == 2
    assert all("、" in page.result.item(r, 5).text() for r in range(2))  # two inspectors each
    dialog = page.print_draw()
    qtbot.addWidget(dialog)
    assert dialog.images and not dialog.correct_button.isVisible()
    saved = page.save_record(str(tmp_path / "draw.json"))
    from inspector_app.office.draw.service import verify

    assert saved and verify((tmp_path / "draw.json").read_bytes()).identical


def test_statistics_follow_the_filters(office, qtbot, tmp_path):
    from ui.office.statistics_page import StatisticsPage

    page = StatisticsPage(office.office, "zh")
    qtbot.addWidget(page)
    settle(qtbot, lambda: page.stats is not None and len(page.canvases) == 6)
    assert page.stats["total"] == 5 and page.stats["fail"] == 1
    assert "检查 5 次" in page.summary.text() and "80.00 %" in page.summary.text()
    procedure = page.canvases["procedure"].figure
    assert procedure.axes[0].get_title(loc="left") == "按检查项目的合格率"
    # A filter by keyboard: a date range with no record.
    type_text(qtbot, page.date_from, "2000-01-01")
    type_text(qtbot, page.date_to, "2000-12-31")
    qtbot.keyClick(page.date_to, Qt.Key.Key_Return)
    settle(qtbot, lambda: page.stats["total"] == 0)
    assert "检查 0 次" in page.summary.text()
    page.date_to.clear()
    type_text(qtbot, page.date_to, "2000-13-01")
    qtbot.keyClick(page.date_to, Qt.Key.Key_Return)
    settle(qtbot, lambda: "2000-13-01" in page.message.text())
    assert page.save_report(str(tmp_path / "r.pdf")) is None  # the bad date again: no report
    page.date_from.clear()
    page.date_to.clear()
    assert page.save_report(str(tmp_path / "r.pdf")) and (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"


def test_a_record_known_only_from_paper_counts_on_the_statistics_page_until_its_bundle(
    world, office, qtbot, tmp_path
):
    """Issue 13: a summary QR typed by the USB scanner on 扫描导入 makes its record counted on 统计
    beside the five whose data arrived, marked † (summary line, the procedure chart's label); the
    laptop's bundle imported on the import page brings the data and the mark goes."""
    import zxingcpp

    from tests.core import paper_scans
    from ui.app import window_for

    laptop = tmp_path / "lap1.sqlite"
    shutil.copy(world["base"] / "lap1.sqlite", laptop)
    with open_services(laptop) as lap:
        iid = fleet.finalise(lap, serial="SC-PAPER")
        pdf = lap.records.pdf_of(iid)
    [summary] = [
        b.text for b in zxingcpp.read_barcodes(paper_scans.pages(pdf)[0]) if b.text.startswith("IA1:")
    ]
    window = started(qtbot, window_for(office, "zh"))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.page("statistics")
    settle(qtbot, lambda: page.stats is not None and len(page.canvases) == 6)
    assert page.stats["known_from_paper"]["records"] == 0 and page.paper_note.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    scan = window.page("scan")
    qtbot.keyClicks(scan.scan_box, summary)  # a USB scanner is a keyboard: the text, then Enter
    qtbot.keyClick(scan.scan_box, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, lambda: page.stats["known_from_paper"]["records"] == 1 and len(page.canvases) == 6)
    assert page.stats["total"] == 5 and page.stats["with_paper"]["total"] == 6
    assert "检查 5 次" in page.summary.text()
    note = page.paper_note.text()
    assert page.paper_note.isVisible() and "† 另有 1 份仅凭纸质记录（待数据包）" in note, note
    assert "计入后检查 6 次，合格率 83.33 %" in note and "逾期" not in note
    bars = [t.get_text() for t in page.canvases["procedure"].figure.axes[0].texts]
    assert "80.00 %  (n=5, +1†)" in bars, bars
    # the laptop's bundle, imported on the import page: the data arrived, no longer marked
    with open_services(laptop) as lap:
        bundle = fleet.export(lap, tmp_path / "usb").path
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.page("import").import_paths([bundle])
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, lambda: page.stats["total"] == 6)
    assert page.stats["known_from_paper"]["records"] == 0 and page.paper_note.isHidden()
    bars = [t.get_text() for t in page.canvases["procedure"].figure.axes[0].texts]
    assert not any("†" in b for b in bars), bars
    window.close()


def test_each_chart_is_drawn_once_when_on_screen_and_not_again_when_unchanged(office, qtbot, monkeypatch):
    """Issue 14's speed: a chart is drawn when painted, once, at its laid-out size — the ones below
    the fold only when scrolled to; a refresh that changes nothing keeps the charts as drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from ui.office.statistics_page import StatisticsPage

    drawn: list[str] = []
    draw = FigureCanvasAgg.draw

    def counted(canvas):
        drawn.append(canvas.accessibleName())
        return draw(canvas)

    monkeypatch.setattr(FigureCanvasAgg, "draw", counted)
    page = StatisticsPage(office.office, "zh")
    qtbot.addWidget(page)
    page.resize(1200, 400)
    show_active(qtbot, page)
    settle(qtbot, lambda: len(page.canvases) == 6 and bool(drawn))
    for _ in range(20):  # whatever the layout and Qt still have to do
        QThreadPool.globalInstance().waitForDone(10)
        QApplication.processEvents()
    on_screen = {n for n, c in page.canvases.items() if not c.visibleRegion().isEmpty()}
    assert "procedure" in on_screen and {"items", "measures"} - on_screen, on_screen
    assert sorted(drawn) == sorted(on_screen)  # each on screen once, none below the fold
    sizes = {n: page.canvases[n].figure.get_size_inches() * 100 for n in on_screen}
    assert all(abs(w - page.canvases[n].width()) < 1 for n, (w, _h) in sizes.items())
    # scrolled to the bottom by keyboard: the charts there are drawn then, once each
    scroll = page.grid_widget.parentWidget().parentWidget()
    scroll.setFocus()
    qtbot.waitUntil(scroll.hasFocus, timeout=2000)
    for _ in range(6):
        qtbot.keyClick(scroll, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: "measures" in drawn, timeout=5000)
    assert sorted(drawn) == sorted(set(drawn)) and {"items", "measures"} <= set(drawn)
    # a refresh (as after an import of nothing new): the same charts, not built or drawn again
    before = dict(page.canvases)
    drawn.clear()
    page.refresh()
    settle(qtbot, lambda: page.summary.text().startswith("检查 5 次"))
    for _ in range(10):
        QApplication.processEvents()
    assert page.canvases == before and drawn == []
    # a filter that changes the figures: new charts
    type_text(qtbot, page.date_to, "2000-12-31")
    qtbot.keyClick(page.date_to, Qt.Key.Key_Return)
    settle(qtbot, lambda: page.stats["total"] == 0)
    assert page.canvases["procedure"] is not before["procedure"]


def test_credit_lists_and_the_integrity_file(office, qtbot, tmp_path):
    from ui.office.credit_page import CreditPage

    page = CreditPage(office.office, "zh")
    qtbot.addWidget(page)
    assert page.counts == (1, 0)  # the seal failure
    assert page.black.item(0, 0).text() == fleet.CODE and "作弊/封印" in page.black.item(0, 4).text()
    page.black.setFocus()
    page.black.selectRow(0)
    qtbot.keyClick(page.black, Qt.Key.Key_Return)
    dialog = page.findChild(type(page.open_entity(fleet.CODE)))
    assert dialog is not None and dialog.checks.rowCount() == 5
    assert page.export(str(tmp_path / "lists.csv")) and "黑名单 1 户" in page.message.text()
    text = (tmp_path / "lists.csv").read_text("utf-8-sig")
    assert fleet.CODE in text and "黑名单" in text
    assert page.open_entity("123") is None and "123" in page.message.text()


def test_publication_page_exports_and_marks(world, office, qtbot, tmp_path):
    from ui.office.publication_page import PublicationPage

    page = PublicationPage(office.office, "zh")
    qtbot.addWidget(page)
    assert page.records.rowCount() == 0 and "已逾期 0" in page.counts.text()
    done = page.export(str(tmp_path / "p.xlsx"))
    assert done is not None and done["rows"] == 0 and (tmp_path / "p.xlsx").is_file()
    assert page.export(str(tmp_path / "p.txt")) is None and ".txt" in page.message.text()


def task_rows(page) -> dict[str, int]:
    return {page.model.item(r, 0).data(Qt.ItemDataRole.UserRole + 1): r for r in range(page.model.rowCount())}


def test_a_drawn_task_starts_with_site_instrument_and_procedure(world, office, qtbot, tmp_path):
    """On the laptop: the draw's task arrives with its site and procedure; the instrument is the
    site's one of that kind, or the one the inspector picks among several."""
    from ui.pages.tasks_page import TasksPage

    store = office.office
    store.directories.import_sites(world["base"] / "sites.csv")
    plan = f'id = "GUI-1"\ndate = {store.credit.today()}\nitem = "scale"\n[counts]\nA = 3\nB = 3\n'
    outcome = store.draws.run(plan, "42", root=store.unlock(fleet.OFFICE_PASS))
    assert outcome.tasks == 6
    shutil.copy(world["base"] / "lap1.sqlite", tmp_path / "lap1.sqlite")
    with open_services(tmp_path / "lap1.sqlite") as lap:
        package = fleet.package(office, lap.device_id, tmp_path / "pkg")
        lap.sync.apply_package(package, accept_root=fleet.root_fingerprint(office)[:16])
        drawn = [t for t in lap.sync.tasks() if "GUI-1" in t["note"]]
        assert len(drawn) == 6  # both inspectors of every visit get the task: laptop 1 is in each team
        page = TasksPage(lap.registry, lap.inspections, "zh")
        qtbot.addWidget(page)
        rows = task_rows(page)
        first, second = drawn[0], drawn[1]
        site = lap.registry.get("tasks", first["id"])["site_id"]
        one = lap.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "ONLY-1"})
        page.view.setFocus()
        page.view.setCurrentIndex(page.model.index(rows[first["id"]], 0))
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        started = lap.inspections.get(lap.registry.get("tasks", first["id"])["inspection_id"])
        assert (started["site_id"], started["instrument_id"], started["form_id"]) == (site, one, "scale")
        # Two scales at the next site: the inspector is asked which.
        site2 = lap.registry.get("tasks", second["id"])["site_id"]
        ids = [
            lap.registry.create("instruments", {"site_id": site2, "kind": "scale", "serial": f"TWO-{n}"})
            for n in range(2)
        ]
        offered = []
        page.choose_instrument = lambda found: offered.append([i["serial"] for i in found]) or (True, ids[1])
        rows = task_rows(page)
        page.view.setCurrentIndex(page.model.index(rows[second["id"]], 0))
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        assert sorted(offered[0]) == ["TWO-0", "TWO-1"]
        started = lap.inspections.get(lap.registry.get("tasks", second["id"])["inspection_id"])
        assert started["instrument_id"] == ids[1]


def test_chart_labels_stay_whole_when_the_canvas_narrows_the_figure(qtbot):
    """The label column of a rate chart is fitted in inches: on a canvas narrower than the
    figure was made for (the 统计 page's two columns), no procedure name is cut at the left."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from inspector_app.office import charts

    rows = [
        {"key": "net_content", "label": "定量包装商品净含量", "total": 9, "pass_rate": "77.78"},
        {"key": "scale", "label": "集贸市场/超市衡器", "total": 16, "pass_rate": "68.75"},
    ]
    fig = charts.rate_bars(rows, title="按检查项目的合格率", references={"net_content": "93"})
    canvas = FigureCanvasQTAgg(fig)
    charts.follow_resizes(fig)
    qtbot.addWidget(canvas)
    canvas.resize(480, 260)
    canvas.show()
    qtbot.waitUntil(lambda: abs(fig.get_size_inches()[0] - 4.8) < 0.01)
    canvas.draw()
    renderer = canvas.get_renderer()
    lefts = [label.get_window_extent(renderer).x0 for label in fig.axes[0].get_yticklabels()]
    assert len(lefts) == 2 and min(lefts) >= 0, lefts


def test_the_review_queue_shows_procedure_and_state_whole(office, qtbot):
    """定量包装商品净含量 was cut to 定量包装商品… beside a wide column saying 待审核; the
    procedure and the review state now fit whatever they can hold, and the site takes the rest."""
    from forms.catalogue import form_ids
    from ui import labels
    from ui.office.review_page import ReviewTableModel

    _window, page = open_review(office, qtbot, (1366, 768))
    metrics = page.view.fontMetrics()
    for name, texts in (
        ("form_id", [labels.form(f) for f in form_ids()]),
        ("loop", page.model.loop_texts()),
    ):
        width = page.view.columnWidth(ReviewTableModel.COLUMNS.index(name))
        assert all(metrics.horizontalAdvance(t) + 12 <= width for t in texts), (name, width)
    site = page.view.columnWidth(ReviewTableModel.COLUMNS.index("site_name"))
    assert site >= 200


def test_replacing_a_decision_asks_and_an_approval_after_a_return_needs_its_reason(
    office, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    _window, page = open_review(office, qtbot)
    monkeypatch.setattr("ui.office.review_page.ask_passphrase", lambda *a: fleet.SUPERVISOR_PASS)
    answers, asked = [], []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    page.view.setFocus()
    first = page.current_id
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.reason, "偏载测试缺第四个支点")
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    assert office.office.store.record(first)["review_status"] == "returned" and asked == []
    page.status.setCurrentIndex(page.status.findData("returned"))
    page.view.setFocus()
    assert page.current_id == first
    # Ctrl+Enter on the returned record: no reason yet, so nothing is asked or decided.
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "已退回" in page.message.text() and page.reason.hasFocus() and asked == []
    assert office.office.store.record(first)["review_status"] == "returned"
    # With a reason, it asks; "No" keeps the return.
    type_text(qtbot, page.reason, "已补测")
    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "改为通过" in asked[0]
    assert office.office.store.record(first)["review_status"] == "returned"
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2
    row = office.office.store.record(first)
    assert (row["review_status"], row["review_reason"]) == ("approved", "已补测")
    assert office.office.review.detail(first)["decisions"][-1]["reason"] == "已补测"
    # And back: returning the approved record asks too ("No" keeps the approval).
    page.status.setCurrentIndex(page.status.findData("approved"))
    page.view.setFocus()
    assert page.current_id == first
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.reason, "复核不通过")
    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    assert len(asked) == 3 and "改为退回" in asked[2]
    assert office.office.store.record(first)["review_status"] == "approved"

"""The office's 扫描导入 page, driven as a clerk uses it: scans chosen and imported off the GUI
thread, the USB scanner typing into the scan box (summary, then sync codes one by one), the list of
records known from paper. Real office and laptop files, real PDFs rendered and decoded."""

from __future__ import annotations

import random
import shutil

import pytest
import zxingcpp
from PySide6.QtCore import Qt

from inspector_app.services import open_services
from inspector_app.sync import paper
from tests.core import fleet, paper_scans
from tests.ui.typing import show_active
from ui.app import window_for


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office that enrolled a laptop's key; two records of that laptop on paper, never bundled."""
    base = tmp_path_factory.mktemp("scan-world")
    with fleet.office(base / "office.sqlite") as o, fleet.laptop(base / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        records = []
        for i in range(2):
            iid = fleet.finalise(lap, serial=f"SC-{i}")
            row = lap.inspections.get(iid)
            records.append({**row, "pdf": lap.records.pdf_of(iid)})
    return {"base": base, "records": records}


@pytest.fixture
def office(world, tmp_path):
    shutil.copy(world["base"] / "office.sqlite", tmp_path / "office.sqlite")
    with open_services(tmp_path / "office.sqlite") as s:
        yield s


def qr_texts(pdf: bytes) -> list[str]:
    found = []
    for image in paper_scans.pages(pdf):
        found += [b.text for b in zxingcpp.read_barcodes(image)]
    return found


def open_scan_page(office, qtbot):
    window = window_for(office, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):
        show_active(qtbot, window)
    assert "scan" not in window._pages  # built when first shown, not before the first paint
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.page("scan")
    assert window.stack.currentWidget() is page
    return window, page


def test_scans_chosen_on_the_page_import_with_a_result_row_each(world, office, qtbot, tmp_path):
    window, page = open_scan_page(office, qtbot)
    rng = random.Random(5)
    first, second = world["records"]
    files = [
        paper_scans.save(paper_scans.scanned(image, rng), tmp_path / f"p{i}.png")
        for i, image in enumerate(paper_scans.pages(first["pdf"]))
    ]
    last = paper_scans.pages(second["pdf"])[-1]
    files.append(paper_scans.save(paper_scans.scanned(last, rng), tmp_path / "second-last.jpg"))
    (tmp_path / "notes.txt").write_text("not a scan")
    page.import_paths([*files, tmp_path / "notes.txt"])
    qtbot.waitUntil(lambda: "页" in page.summary.text(), timeout=120000)
    rows = {
        page.results.item(r, 1).text(): page.results.item(r, 0).text() for r in range(page.results.rowCount())
    }
    assert rows == {first["record_no"]: "已导入", second["record_no"]: "已导入", "notes.txt": "无法读取"}
    assert "不是 PDF、PNG 或 JPEG 文件" in page.results.item(2, 5).text()
    assert office.office.store.record(first["id"])["canonical"] == first["canonical"]
    # the first record's summary was on its pages: known from paper, data arrived (not listed)
    assert page.known.rowCount() == 0 and "已到 2" in page.known_label.text()
    window.close()


def test_the_usb_scanner_types_a_summary_then_the_sync_codes_one_by_one(world, office, qtbot):
    window, page = open_scan_page(office, qtbot)
    record = world["records"][0]
    texts = qr_texts(record["pdf"])
    summary = next(t for t in texts if t.startswith("IA1:"))
    pieces = sorted((t for t in texts if paper.is_piece(t)), key=lambda t: paper.parse(t).index)
    assert len(pieces) >= 2
    assert page.scan_box.hasFocus()

    def scan(text: str) -> None:  # a USB scanner is a keyboard: the text, then Enter
        qtbot.keyClicks(page.scan_box, text)
        qtbot.keyClick(page.scan_box, Qt.Key.Key_Return)

    scan(summary)
    assert record["record_no"] in page.scan_status.text() and "纸质登记" in page.scan_status.text()
    assert page.known.rowCount() == 1 and page.known.item(0, 0).text() == "数据未到"
    assert page.scan_box.text() == ""
    scan(pieces[0])
    assert (
        f"共 {len(pieces)} 个" in page.scan_status.text() and office.office.store.record(record["id"]) is None
    )
    for piece in pieces[1:]:
        scan(piece)
    assert "已导入" in page.scan_status.text()
    assert office.office.store.record(record["id"])["canonical"] == record["canonical"]
    assert page.known.rowCount() == 0 and page.pending == []
    scan("hello")
    assert "不是本软件的二维码" in page.scan_status.text()
    window.close()


def test_the_overdue_days_are_an_office_setting_chosen_by_keyboard(office, services, qtbot):
    from ui.pages.settings_page import SettingsPage

    laptop = SettingsPage(services.settings, "zh")
    qtbot.addWidget(laptop)
    assert "paper_overdue_days" not in laptop.editors and "limit_comparison" in laptop.editors
    page = SettingsPage(office.settings, "zh", mode="office")
    qtbot.addWidget(page)
    combo = page.editors["paper_overdue_days"]
    assert combo.currentText() == "14 天"
    show_active(qtbot, page)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert office.settings.get("paper_overdue_days") == "30"


def test_escape_on_the_progress_cancels_the_import_and_nothing_is_stored(world, office, qtbot, tmp_path):
    window, page = open_scan_page(office, qtbot)
    rng = random.Random(8)
    images = [image for record in world["records"] for image in paper_scans.pages(record["pdf"])]
    files = [  # a clerk's big folder: every page many times over
        paper_scans.save(paper_scans.scanned(images[i % len(images)], rng), tmp_path / f"p{i:02d}.png")
        for i in range(24)
    ]
    page.import_paths(files)
    qtbot.waitUntil(lambda: page.progress is not None and page.progress.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: page.progress.value() >= 1, timeout=60000)  # reading has begun
    qtbot.keyClick(page.progress, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "取消" in page.summary.text(), timeout=120000)
    assert page.summary.text() == "已取消，未导入任何内容。"
    assert page.results.rowCount() == 0
    assert all(office.office.store.record(r["id"]) is None for r in world["records"])
    assert office.office.paper.known() == []  # not even the summaries read before the Escape
    window.close()

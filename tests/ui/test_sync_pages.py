"""The laptop's 同步 and 密钥 pages and the office's pages, driven through real widgets over real
database files, bundles and packages."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton

from inspector_app.services import open_services
from tests.core import fleet
from tests.ui.typing import show_active, type_text
from ui.app import window_for
from ui.dialogs.record_preview_dialog import RecordPreviewDialog
from ui.main_window import MainWindow
from ui.office.window import OfficeWindow
from ui.pages.keys_page import KeysPage
from ui.pages.sync_page import SyncPage


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office with a supervisor; an enrolled laptop with three records, whose first bundle was
    imported and reviewed (one returned); the laptop's first package. Made once."""
    base = tmp_path_factory.mktemp("gui-world")
    with fleet.office(base / "office.sqlite") as o, fleet.laptop(base / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        ids = [fleet.finalise(lap, serial=f"SC-{i}") for i in range(3)]
        bundle = fleet.export(lap, base / "usb").path
        o.office.import_bundles([bundle])
        o.office.decide(
            ids[1], decision="returned", reason="偏载测试缺第四个支点", key=fleet.supervisor_key(o)
        )
        package = fleet.package(o, lap.device_id, base / "packages")
        root = fleet.root_fingerprint(o)
    return {"base": base, "ids": ids, "bundle": bundle, "package": package, "root": root}


@pytest.fixture
def laptop(world, tmp_path):
    shutil.copy(world["base"] / "laptop.sqlite", tmp_path / "laptop.sqlite")
    with open_services(tmp_path / "laptop.sqlite") as s:
        yield s


@pytest.fixture
def office(world, tmp_path):
    shutil.copy(world["base"] / "office.sqlite", tmp_path / "office.sqlite")
    with open_services(tmp_path / "office.sqlite") as s:
        yield s


def test_the_sync_page_imports_a_package_and_opens_a_returned_record_for_correction(
    world, laptop, qtbot, monkeypatch
):
    window = MainWindow(laptop, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):  # shortcuts exist from here
        show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # 同步
    page = window.page("sync")
    assert isinstance(page, SyncPage) and window.stack.currentWidget() is page
    assert "尚未登记到检查机构" in page.office.text() and "尚无" in page.trust.text()
    asked = []
    monkeypatch.setattr(page, "confirm_office", lambda name, root: asked.append(root) or True)
    page.import_package(str(world["package"]))
    assert asked == [world["root"]]  # the first package shows the root fingerprint to compare
    assert "第 1 号回传包已应用" in page.message.text()
    assert fleet.OFFICE_NAME in page.office.text() and "第 3 版" in page.trust.text()
    assert page.returned.rowCount() == 1
    assert page.returned.item(0, 4).text() == "偏载测试缺第四个支点"
    assert page.returned.item(0, 5).text() == "待更正"
    widths = [page.returned.columnWidth(c) for c in range(page.returned.columnCount())]
    assert widths[4] == max(widths), widths  # the supervisor's reason takes the free width
    # By keyboard: the returned record, Enter → its preview says why it was returned → Correct…
    page.returned.setFocus()
    qtbot.keyClick(page.returned, Qt.Key.Key_Down)
    qtbot.keyClick(page.returned, Qt.Key.Key_Return)
    [dialog] = window.findChildren(RecordPreviewDialog)
    assert "偏载测试缺第四个支点" in dialog.notice.text() and dialog.notice.isVisible()
    from ui.dialogs.correction_dialog import CorrectionDialog

    def give_reason(correction: CorrectionDialog) -> int:  # the reason, typed, then Enter
        show_active(qtbot, correction)
        correction.reason.setFocus()
        qtbot.keyClicks(correction.reason, "4th support added")
        qtbot.keyClick(correction.reason, Qt.Key.Key_Return)
        return correction.result()

    monkeypatch.setattr(CorrectionDialog, "exec", give_reason)
    dialog.correct_button.click()
    corrections = [r for r in laptop.inspections.list_rows(limit=50) if r["status"] == "draft"]
    assert len(corrections) == 1
    assert laptop.inspections.get(corrections[0]["id"])["supersedes"] == world["ids"][1]
    assert laptop.inspections.get(corrections[0]["id"])["correction_reason"] == "4th support added"
    for w in window.open_windows.values():
        w.close()
    page.refresh()
    assert page.returned.item(0, 5).text() == "已更正"


def test_a_refused_package_says_why_and_changes_nothing(world, laptop, qtbot, tmp_path):
    page = SyncPage(laptop.sync, "zh")
    qtbot.addWidget(page)
    crafted = fleet.rezip(world["package"], tmp_path / "bad.zip", add={"tasks/extra.json": b"[]"})
    before = laptop.sync.status()
    page.import_package(str(crafted))
    assert "回传包被拒收" in page.message.text() and "tasks/extra.json" in page.message.text()
    assert laptop.sync.status() == before


def test_the_sync_page_exports_off_the_gui_thread(laptop, qtbot, tmp_path):
    page = SyncPage(laptop.sync, "zh")
    qtbot.addWidget(page)
    assert "3 条已签名记录" in page.pending.text()
    task = page.export_to(str(tmp_path), fleet.LAPTOP_PASS)
    qtbot.waitUntil(lambda: "同步包已写入" in page.message.text(), timeout=30000)
    assert task is not None
    [written] = list(tmp_path.glob("*-2.zip"))
    with zipfile.ZipFile(written) as zf:
        assert sum(n.endswith(".json") and n.startswith("records/") for n in zf.namelist()) == 3
    assert "第 2 号" in page.last_export.text()
    page.export_to(str(tmp_path), "wrong passphrase")
    qtbot.waitUntil(lambda: "口令不正确" in page.message.text(), timeout=30000)
    assert len(list(tmp_path.glob("*.zip"))) == 1


def test_cancel_on_the_export_progress_leaves_no_bundle_and_nothing_exported(laptop, qtbot, tmp_path):
    """Cancel pressed while the bundle is being made (the key is still being unlocked): no file
    and no partial file in the folder, no export recorded; the next export gets the same number."""
    page = SyncPage(laptop.sync, "zh")
    qtbot.addWidget(page)
    before = laptop.sync.status()
    usb = tmp_path / "usb"
    usb.mkdir()
    task = page.export_to(str(usb), fleet.LAPTOP_PASS)
    [progress] = page.findChildren(QProgressDialog)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert task.cancelled.is_set()
    qtbot.waitUntil(lambda: "已取消导出" in page.message.text(), timeout=30000)
    assert list(usb.iterdir()) == []
    assert laptop.sync.status() == before
    assert "3 条已签名记录" in page.pending.text()
    page.export_to(str(usb), fleet.LAPTOP_PASS)
    qtbot.waitUntil(lambda: "同步包已写入" in page.message.text(), timeout=30000)
    assert [p.name for p in usb.iterdir()] == [f"{before['device_id']}-{before['last_seq'] + 1}.zip"]


def test_the_office_compares_and_resolves_a_conflict_by_keyboard(world, office, laptop, qtbot, tmp_path):
    """A bundle brings a stored record's number with another reading: 回传包 → 冲突… lists it, shows
    the reading that differs, refuses a resolution without a reason, and resolves it with one."""
    from ui.office.packages_page import PackagesPage

    target = world["ids"][0]
    other, _ = fleet.conflicting(world["bundle"], target, fleet.signing_key(laptop), tmp_path / "other.zip")
    [result] = office.office.import_bundles([other])
    assert result.conflicts == 1
    page = PackagesPage(office.office, "zh")
    qtbot.addWidget(page)
    assert "冲突队列：1" in page.conflicts.text()
    dialog = page.open_conflicts(modal=False)
    qtbot.addWidget(dialog)
    assert dialog.list.rowCount() == 1 and dialog.list.item(0, 0).text() == "待处理"
    assert dialog.list.item(0, 2).text() == "同一编号，内容不同"
    shown = [
        [dialog.differences.item(r, c).text() for c in range(3)] for r in range(dialog.differences.rowCount())
    ]
    assert [row[1:] for row in shown if row[0].startswith("readings.")] == [["15010", "15005"]]
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # no reason: refused, still open
    assert "处理说明：必填" in dialog.message.text()
    assert len(office.office.conflict_queue.list()) == 1
    qtbot.keyClick(dialog.resolution, Qt.Key.Key_Down)  # 要求检查员更正
    assert dialog.resolution.currentData() == "correction_requested"
    type_text(qtbot, dialog.note, "请检查员复核后提交更正")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert "已处理" in dialog.message.text()
    assert office.office.conflict_queue.list() == []
    assert dialog.list.rowCount() == 0 and "没有待处理的冲突" in dialog.heading.text()
    dialog.show_resolved.setFocus()
    qtbot.keyClick(dialog.show_resolved, Qt.Key.Key_Space)
    assert dialog.list.rowCount() == 1 and dialog.list.item(0, 0).text() == "已处理"
    assert dialog.list.item(0, 5).text() == "要求检查员更正 — 请检查员复核后提交更正"
    assert not dialog.resolve_button.isEnabled()  # a resolved conflict is not resolved again
    dialog.show()
    dialog.grab().save(str(tmp_path / "conflicts.png"))
    dialog.close()
    assert page.conflicts.text() == "无冲突。"


def test_the_keys_page_creates_a_key_exports_a_request_and_changes_the_passphrase(tmp_path, qtbot):
    with open_services(tmp_path / "new.sqlite") as s:
        page = KeysPage(s.keys, s.records, s.settings, "zh")
        qtbot.addWidget(page)
        show_active(qtbot, page)
        assert page.view.rowCount() == 0 and not page.request_button.isEnabled()

        def fill_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            type_text(qtbot, dialog.name, "张三")
            type_text(qtbot, dialog.id_number, "50001234")
            type_text(qtbot, dialog.office, "渝中区局")
            type_text(qtbot, dialog.passphrase, "passphrase-1")
            type_text(qtbot, dialog.again, "passphrase-1")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, fill_dialog)
        assert page.create_key()
        assert page.view.rowCount() == 1 and page.view.item(0, 0).text() == "张三"
        assert page.view.item(0, 4).text() == "未登记"
        csr = page.export_request(str(tmp_path / "req.csr"), "passphrase-1")
        assert csr is not None and "CERTIFICATE REQUEST" in csr.read_text()
        assert page.view.item(0, 4).text() == "已导出申请，等待检查机构登记"
        assert page.export_request(str(tmp_path / "again.csr"), "wrong one") is None
        assert "口令不正确" in page.message.text() and not (tmp_path / "again.csr").exists()
        assert page.change_passphrase("passphrase-1", "passphrase-2", "passphrase-2")
        s.records.sealer("passphrase-2")
        assert not page.change_passphrase("passphrase-2", "short", "short")
        assert "至少 8 个字符" in page.message.text()


def test_an_office_database_opens_the_office_pages(world, office, laptop, qtbot, tmp_path):
    assert isinstance(window_for(laptop, "zh"), MainWindow)
    window = window_for(office, "zh")
    qtbot.addWidget(window)
    assert isinstance(window, OfficeWindow)
    with qtbot.waitSignal(window.startup_finished, timeout=20000):
        show_active(qtbot, window)
    page = window.page("import")
    assert page.results.rowCount() == 1 and page.results.item(0, 0).text() == "已接收"  # history
    # A second bundle and a tampered one, imported from files through the page.
    with open_services(laptop.path) as lap:
        second = fleet.export(lap, tmp_path / "usb", full=True).path
    bad = fleet.rezip(second, tmp_path / "bad.zip", add={"../evil": b"x"})
    page.import_paths([second, bad])
    qtbot.waitUntil(lambda: "接收 1 个" in page.summary.text(), timeout=60000)
    assert [page.results.item(r, 0).text() for r in range(2)] == ["已接收", "已拒收"]
    assert page.results.item(0, 5).text() == "3"  # all duplicates
    assert "../evil" in page.results.item(1, 8).text() and "“..”" in page.results.item(1, 8).text()
    # Enrolment: a request file, then a revocation; each asks the root passphrase.
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    enrol = window.page("enrol")
    assert window.stack.currentWidget() is enrol
    with fleet.laptop(tmp_path / "colleague.sqlite", name="钱同事") as colleague:
        (tmp_path / "qian.csr").write_text(colleague.keys.request(fleet.LAPTOP_PASS))
    before = enrol.issued.rowCount()
    assert not enrol.enrol_file(str(tmp_path / "qian.csr"), "wrong passphrase")
    assert "口令不正确" in enrol.message.text() and enrol.issued.rowCount() == before
    assert enrol.enrol_file(str(tmp_path / "qian.csr"), fleet.OFFICE_PASS)
    assert enrol.issued.rowCount() == before + 1
    enrol.issued.selectRow(before)
    assert enrol.revoke_selected("离职", fleet.OFFICE_PASS)
    assert "吊销" in enrol.issued.item(before, 4).text()
    # Packages: one per device, written where asked.
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    packages = window.page("packages")
    rows = {packages.devices.item(r, 0).text(): r for r in range(packages.devices.rowCount())}
    packages.devices.selectRow(rows[laptop.device_id])
    made = packages.make_package(str(tmp_path), fleet.OFFICE_PASS)
    assert made is not None and made.exists() and "第 2 号回传包已写入" in packages.message.text()
    with zipfile.ZipFile(made) as zf:
        assert json.loads(zf.read("manifest.json"))["number"] == 2


def test_the_import_page_says_it_waits_for_another_import_then_imports(world, tmp_path, qtbot):
    """Another clerk's import holds the office's write lock past the busy timeout: the progress
    dialog says the import waits for it (not a refusal), and the bundle lands once it is free."""
    import sqlite3

    shutil.copy(world["base"] / "office.sqlite", tmp_path / "office.sqlite")
    with fleet.laptop(tmp_path / "other.sqlite", name="钱同事", id_number="渝执 50000009") as other:
        with open_services(tmp_path / "office.sqlite") as o:
            fleet.enrol(o, other)
        fleet.finalise(other, serial="SC-W")
        bundle = fleet.export(other, tmp_path / "usb").path
    with open_services(tmp_path / "office.sqlite", busy_timeout_ms=200) as office:
        window = window_for(office, "zh")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.startup_finished, timeout=20000):
            show_active(qtbot, window)
        page = window.page("import")
        holder = sqlite3.connect(tmp_path / "office.sqlite")
        holder.execute("BEGIN IMMEDIATE")
        try:
            page.import_paths([bundle])
            [dialog] = page.findChildren(QProgressDialog)
            qtbot.waitUntil(lambda: dialog.labelText() == "正在等待本机构的另一个导入完成…", timeout=10000)
        finally:
            holder.rollback()
            holder.close()
        qtbot.waitUntil(lambda: "接收 1 个" in page.summary.text(), timeout=60000)
        assert page.results.item(0, 0).text() == "已接收" and page.results.item(0, 4).text() == "1"

"""The main window and its pages, driven through real widgets, reading the real database back."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from inspector_app import credit_code
from tests.ui.typing import show_active, type_text
from ui.main_window import PAGES, MainWindow
from ui.pages.registry_page import RegistryPage
from ui.pages.settings_page import SettingsPage

CODE = "91500112MA5U7XY1P" + credit_code.check_character("91500112MA5U7XY1P")


def test_navigation_by_keyboard(services, qtbot):
    window = MainWindow(services, "zh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.startup_finished, timeout=5000):  # shortcuts come after the first paint
        show_active(qtbot, window)
    for i in range(6):
        qtbot.keyClick(window, Qt.Key.Key_1 + i, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.page(PAGES[i]) and window.nav.currentRow() == i


def test_inspection_list_search(demo_services, qtbot):
    window = MainWindow(demo_services, "zh")
    qtbot.addWidget(window)
    page = window.inspections_page
    assert page.model.rowCount() == 24
    page.status.setCurrentIndex(page.status.findData("finalised"))
    finalised = page.model.rowCount()
    assert 0 < finalised < 24
    type_text(qtbot, page.search, "加油站")
    qtbot.waitUntil(lambda: page.model.rowCount() < finalised, timeout=2000)
    assert all("加油站" in page.model.row_data(r)["site_name"] for r in range(page.model.rowCount()))


def test_new_site_invalid_code_is_explained_and_nothing_stored(services, qtbot):
    page = RegistryPage("sites", services.registry, services.settings, "zh")
    qtbot.addWidget(page)
    show_active(qtbot, page)
    type_text(qtbot, page.editors["name"], "观音桥农贸市场")
    type_text(qtbot, page.editors["credit_code"], CODE[:-1] + ("0" if CODE[-1] != "0" else "1"))
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "校验位" in page.message.text() and "统一社会信用代码" in page.message.text()
    assert services.registry.count("sites") == 0
    page.editors["credit_code"].clear()
    type_text(qtbot, page.editors["credit_code"], CODE)
    assert page.save()
    rows = services.registry.search("sites")
    assert [(r["name"], r["credit_code"]) for r in rows] == [("观音桥农贸市场", CODE)]
    assert page.model.rowCount() == 1


def test_editing_an_existing_site_autosaves_valid_fields(services, qtbot):
    site_id = services.registry.create("sites", {"name": "旧名", "credit_code": CODE})
    page = RegistryPage("sites", services.registry, services.settings, "zh")
    qtbot.addWidget(page)
    page.view.selectRow(0)
    editor = page.editors["name"]
    editor.clear()
    type_text(qtbot, editor, "新名称市场")
    editor.editingFinished.emit()
    assert services.registry.get("sites", site_id)["name"] == "新名称市场"
    page.editors["credit_code"].setText("123")
    page.editors["credit_code"].editingFinished.emit()
    assert services.registry.get("sites", site_id)["credit_code"] == CODE
    assert "18" in page.message.text()


def test_unfinished_typing_survives_a_restart(services, qtbot):
    page = RegistryPage("sites", services.registry, services.settings, "zh")
    qtbot.addWidget(page)
    type_text(qtbot, page.editors["name"], "未保存的单位")
    qtbot.waitUntil(lambda: services.settings.load_draft(page.draft_key) is not None, timeout=2000)
    assert json.loads(services.settings.load_draft(page.draft_key))["values"]["name"] == "未保存的单位"
    page.deleteLater()
    again = RegistryPage("sites", services.registry, services.settings, "zh")
    qtbot.addWidget(again)
    assert again.editors["name"].text() == "未保存的单位"
    assert "恢复" in again.message.text()


def test_settings_page_stores_a_change(services, qtbot):
    page = SettingsPage(services.settings, "zh")
    qtbot.addWidget(page)
    combo = page.editors["limit_comparison"]
    combo.setCurrentIndex(combo.findData("rounded"))
    assert services.settings.get("limit_comparison") == "rounded"


def test_instrument_page_offers_the_sites(services, qtbot):
    services.registry.create("sites", {"name": "南坪加油站", "credit_code": CODE})
    page = RegistryPage("instruments", services.registry, services.settings, "en")
    qtbot.addWidget(page)
    combo = page.editors["site_id"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "南坪加油站"]
    combo.setCurrentIndex(1)
    page.editors["kind"].setCurrentIndex(page.editors["kind"].findData("fuel_dispenser"))
    type_text(qtbot, page.editors["serial"], "FD-001")
    type_text(qtbot, page.editors["cert_expiry"], "2027-02-30")
    assert not page.save()
    assert "not a date" in page.message.text()
    page.editors["cert_expiry"].setText("2027-02-28")
    assert page.save()
    assert services.registry.search("instruments")[0]["serial"] == "FD-001"


def test_registry_filter_by_type(demo_services, qtbot):
    page = RegistryPage("sites", demo_services.registry, demo_services.settings, "zh")
    qtbot.addWidget(page)
    everything = page.model.rowCount()
    combo = page.filters["kind"]
    combo.setCurrentIndex(combo.findData("petrol_station"))
    assert 0 < page.model.rowCount() < everything
    names = [page.model.item(r, 0).text() for r in range(page.model.rowCount())]
    assert all("加油站" in n for n in names)


def test_verify_page_and_record_preview(tmp_path, qtbot):
    """A demo record: preview opens from the list, exports the signed bytes, prints; the verify page
    says valid for its QR and its PDF, and altered for a changed QR."""
    from PySide6.QtPrintSupport import QPrinter

    from inspector_app.demo import seed_demo
    from inspector_app.services import open_services
    from inspector_app.signing import pades

    with open_services(tmp_path / "signed.sqlite") as services:
        seed_demo(services, inspections=8, seed=11)
        window = MainWindow(services, "zh")
        qtbot.addWidget(window)
        finalised = next(r["id"] for r in services.inspections.list_rows(status="finalised"))
        dialog = window.open_inspection(finalised)
        assert dialog is not None and len(dialog.images) >= 1
        exported = dialog.export(str(tmp_path / "out.pdf"))
        assert (tmp_path / "out.pdf").read_bytes() == services.records.pdf_of(finalised) and exported
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        assert dialog.print_record(printer)
        assert (tmp_path / "printed.pdf").stat().st_size > 1000
        dialog.close()

        page = window.page("verify")
        qr = json.loads(pades.read_attachment(services.records.pdf_of(finalised)))["qr"]
        type_text(qtbot, page.qr, qr)
        qtbot.keyClick(page.qr, Qt.Key.Key_Return)
        assert page.status == "valid" and page.result.text().startswith("有效")
        page.verify_file(str(tmp_path / "out.pdf"))
        assert page.status == "valid"
        page.verify_qr(qr[:-3] + ("AAA" if qr[-3:] != "AAA" else "BBB"))
        assert page.status in ("altered", "unreadable") and not page.result.text().startswith("有效")
        site = services.registry.search("sites", limit=1)[0]["id"]
        draft = services.inspections.start(form_id="scale", site_id=site)
        opened = window.open_inspection(draft)
        assert opened is not None and opened.inspection_id == draft
        opened.close()
        window.close()


def test_the_list_shows_each_procedure_whole_and_by_the_name_its_window_uses(demo_services, qtbot):
    """Issue 12: the 检查项目 column cut "集贸市场/超市衡器"; the window's title and the list name a
    procedure alike."""
    from ui.models.inspection_table_model import COLUMNS

    window = MainWindow(demo_services, "zh")
    qtbot.addWidget(window)
    window.resize(1366, 720)
    with qtbot.waitSignal(window.startup_finished, timeout=30_000):  # all of it while the db is open
        window.show()
        qtbot.waitExposed(window)
    page = window.inspections_page
    column = COLUMNS.index("form_id")
    metrics = page.table.fontMetrics()
    seen = {}
    for r in range(page.model.rowCount()):
        text = page.model.index(r, column).data()
        seen.setdefault(text, r)
    assert len(seen) == 4, seen
    for text in seen:
        # the whole name fits the column (with the cell's margins)
        assert metrics.horizontalAdvance(text) + 12 <= page.table.columnWidth(column), text
    status, verdict = COLUMNS.index("status"), COLUMNS.index("verdict")
    assert "不合格（暂定）" in page.model.cell_texts(verdict) and "已被更正" in page.model.cell_texts(status)
    for other, icon in ((status, 0), (verdict, 24)):  # "不合格（暂定）" was cut too
        for text in page.model.cell_texts(other):
            assert metrics.horizontalAdvance(text) + icon + 12 <= page.table.columnWidth(other), text
    drafts = [r for r in range(page.model.rowCount()) if page.model.row_data(r)["status"] == "draft"]
    assert drafts
    for r in drafts:
        iid, text = page.model.row_data(r)["id"], page.model.index(r, column).data()
        window.open_inspection(iid)
        opened = window.open_windows[iid]
        assert opened.windowTitle().endswith(f" — {text}"), (opened.windowTitle(), text)
        opened.close()
        opened.deleteLater()
    window.close()  # no window of this test is left to take the focus from the next one

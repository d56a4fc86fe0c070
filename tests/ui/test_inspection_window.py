"""The guided inspection, driven through the real widgets: typing into grids, Enter, paste, undo,
recovery after a restart, expired standards, finalising with the passphrase."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector_app import credit_code
from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.readings import flatten, nest
from inspector_app.services import open_services
from tests.forms.helpers import answered
from tests.ui.drive import click_cell, enter, shown_rows
from tests.ui.typing import show_active
from ui.inspection.new_dialog import NewInspectionDialog
from ui.inspection.steps import ChecklistStep, FieldsStep, GridStep
from ui.inspection.window import InspectionWindow
from ui.main_window import MainWindow

CODE = "91500112MA5U7XY1P" + credit_code.check_character("91500112MA5U7XY1P")


@pytest.fixture
def signed_services(tmp_path):
    with open_services(tmp_path / "wizard.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)
        yield s


def start(services, form_id: str, **kwargs) -> str:
    site = (
        services.registry.create("sites", {"name": "测试单位", "credit_code": CODE})
        if not services.registry.search("sites", credit_code=CODE)
        else services.registry.search("sites", credit_code=CODE)[0]["id"]
    )
    instrument = None
    if form_id != "net_content":
        instrument = services.registry.create(
            "instruments",
            {
                "site_id": site,
                "kind": form_id,
                "serial": f"W-{form_id}-{len(services.registry.search('instruments', limit=999))}",
            },
        )
    kwargs.setdefault("readings", flatten({"checklist": answered(form_id)}))  # finalising needs them
    return services.inspections.start(
        form_id=form_id,
        site_id=site,
        instrument_id=instrument,
        lot={"product": "白砂糖"} if instrument is None else None,
        **kwargs,
    )


def step_of(window: InspectionWindow, kind: type, step_id: str | None = None):
    for index, widget in enumerate(window.steps):
        if isinstance(widget, kind) and (step_id is None or widget.step.id == step_id):
            window.go(index)
            return widget
    raise AssertionError(step_id)


def fuel_window(services, qtbot) -> InspectionWindow:
    """A new fuel dispenser check's window, its fuel and measure chosen (kept by the caller)."""
    window = InspectionWindow(services, start(services, "fuel_dispenser"), "zh")
    qtbot.addWidget(window)
    ident = step_of(window, FieldsStep, "identification")
    for fid, value in (("fuel", "gasoline"), ("measure_material", "stainless_steel")):
        combo = ident.fields.editors[fid]
        combo.setCurrentIndex(combo.findData(value))
    return window


def test_scale_readings_typed_into_the_grid(signed_services, qtbot):
    iid = start(signed_services, "scale")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    show_active(qtbot, window)
    fields = step_of(window, FieldsStep, "identification")
    fields.fields.editors["max"].setText("15000")
    fields.fields.editors["max"].editingFinished.emit()
    fields.fields.editors["e"].setText("5")
    fields.fields.editors["e"].editingFinished.emit()
    grid = step_of(window, GridStep, "weighings").grid
    click_cell(qtbot, grid, 0, 0)
    for text in ("100", "100", "1.5", "15000", "15010", "0.5"):  # Enter walks the cells and grows
        enter(qtbot, text)
    assert grid.model().rowCount() >= 3
    stored = nest(signed_services.inspections.readings(iid))
    assert stored["weighings"][1] == {"load": "15000", "indication": "15010", "added": "0.5"}
    assert window.live["verdict"] == "pass"
    assert "合格" in window.banner.text()
    model = grid.model()
    assert model.columnCount() > 4 and model.index(0, model.columnCount() - 1).data() == "合格"


def test_fuel_dispenser_two_level_grid_and_checklist(signed_services, qtbot):
    window = fuel_window(signed_services, qtbot)
    grid = step_of(window, GridStep, "indication_error").grid
    grid.go_to(0, 0)
    grid.paste("1\t20.02\t20.00\n1\t20.00\t20.00\n1\t20.01\t20.00\n2\t50.00\t49.93")
    stored = nest(signed_services.inspections.readings(window.inspection_id))
    assert (
        len(stored["flow_points"][0]["runs"]) == 3 and stored["flow_points"][1]["runs"][0]["v_b"] == "49.93"
    )
    assert window.live["verdict"] == "pass"
    checklist = step_of(window, ChecklistStep)
    combo = checklist.answers["seal_encoder"]
    combo.setCurrentIndex(combo.findData("false"))
    assert window.live["verdict"] == "fail" and "seal_encoder" in window.live["failed"]
    assert "封印" in window.banner.text()


def test_undo_and_redo_every_edit(signed_services, qtbot):
    iid = start(signed_services, "taxi_meter", readings={})
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    grid = step_of(window, GridStep, "distance").grid
    grid.go_to(0, 0)
    grid.paste("1000\t974")
    assert window.live["verdict"] == "fail"
    window.undo_stack.undo()
    assert signed_services.inspections.readings(iid) == {}
    assert shown_rows(step_of(window, GridStep, "distance")) == []
    window.undo_stack.redo()
    assert signed_services.inspections.readings(iid)["distance_tests[0].reference_m"] == "974"
    assert window.live["verdict"] == "fail"


def test_invalid_cell_is_marked_and_explained(signed_services, qtbot):
    iid = start(signed_services, "taxi_meter")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    grid = step_of(window, GridStep, "distance").grid
    grid.go_to(0, 0)
    grid.paste("1000\t-5")
    assert "0 < x" in grid.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "⚠" in window.banner.text()
    assert signed_services.inspections.readings(iid)["distance_tests[0].reference_m"] == "-5"  # kept


def test_net_content_125_packages_pasted(signed_services, qtbot):
    iid = start(signed_services, "net_content")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    lot = step_of(window, FieldsStep, "lot")
    for fid, value in (("nominal", "500"), ("lot_size", "5000")):
        lot.fields.editors[fid].setText(value)
        lot.fields.editors[fid].editingFinished.emit()
    combo = lot.fields.editors["quantity"]
    combo.setCurrentIndex(combo.findData("mass"))
    grid = step_of(window, GridStep, "samples").grid
    grid.go_to(0, 2)
    grid.paste("\n".join(["501.5"] * 124 + ["484.0"]))
    assert grid.model().rowCount() >= 125
    assert window.live["verdict"] == "pass" and window.live["results"]["k1"] == 1
    assert len(nest(signed_services.inspections.readings(iid))["samples"]) == 125


def test_recovery_after_the_app_was_killed(tmp_path, qtbot):
    path = tmp_path / "killed.sqlite"
    with open_services(path) as s:
        iid = start(s, "taxi_meter")
        window = InspectionWindow(s, iid, "zh")
        grid = step_of(window, GridStep, "distance").grid
        grid.go_to(0, 0)
        grid.paste("1000\t1006")
        grid.go_to(0, 1)
        grid.paste("1007")  # an edit in the second column: the place to come back to
        step = window.current_step()
        window.hide()  # the process dies here: no closeEvent, no flush
        window.deleteLater()
        QApplication.processEvents()
    with open_services(path) as s:
        main = MainWindow(s, "zh")
        qtbot.addWidget(main)
        again = main.resume()
        assert again is not None and again.inspection_id == iid
        assert again.current_step() == step
        assert "恢复" in again.notice.text()
        assert again.steps[again.current_step()].grid.currentIndex().column() == 1
        assert shown_rows(step_of(again, GridStep, "distance"))[0] == ["1000", "1007"]
        again.close()
        assert s.inspections.resumable() is None  # closed normally now


def test_new_inspection_refuses_an_expired_standard(signed_services, qtbot):
    dialog = NewInspectionDialog(signed_services, "zh")
    qtbot.addWidget(dialog)
    for i in range(dialog.standards.count()):
        item = dialog.standards.item(i)
        if "过期" in item.text() or "0099" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.create_inspection() is None
    assert "过期" in dialog.message.text()
    for i in range(dialog.standards.count()):
        dialog.standards.item(i).setCheckState(Qt.CheckState.Unchecked)
    created = dialog.create_inspection()
    assert created is not None and signed_services.inspections.get(created)["status"] == "draft"


def test_finalise_asks_the_passphrase_and_signs(signed_services, qtbot):
    iid = start(signed_services, "taxi_meter")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    grid = step_of(window, GridStep, "distance").grid
    grid.go_to(0, 0)
    grid.paste("1000\t974")
    summary = window.summary()
    summary.measures["stop_use"].setChecked(True)
    assert not window.finalise_with("wrong passphrase")
    assert "口令" in window.notice.text() and signed_services.inspections.get(iid)["status"] == "draft"
    with qtbot.waitSignal(window.finalised):
        assert window.finalise_with(DEMO_PASSPHRASE)
    row = signed_services.inspections.get(iid)
    assert row["status"] == "finalised" and json.loads(row["measures"]) == ["stop_use"]
    assert signed_services.records.pdf_of(iid) is not None


def test_photos_and_signatures_are_stored_and_signed(signed_services, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    iid = start(signed_services, "taxi_meter")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    show_active(qtbot, window)
    grid = step_of(window, GridStep, "distance").grid
    grid.go_to(0, 0)
    grid.paste("1000\t1006")
    window.go(len(window.steps) - 1)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(tmp_path / "meter.png"))
    evidence = window.evidence
    assert evidence.add_photo(str(tmp_path / "meter.png"))
    (tmp_path / "notes.txt").write_text("x")
    assert not evidence.add_photo(str(tmp_path / "notes.txt")) and "PNG" in evidence.message.text()
    pad = evidence.pads["signature_inspector"]
    assert not evidence.save_signature("signature_inspector")  # nothing drawn yet
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center() - pad.rect().center() / 2)
    qtbot.mouseMove(pad, pad.rect().center())
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center() + pad.rect().center() / 3)
    assert evidence.save_signature("signature_inspector")
    evidence.refusal.setText("负责人拒绝签字")
    evidence.refusal.editingFinished.emit()
    kinds = sorted(a["kind"] for a in signed_services.inspections.attachments(iid))
    assert kinds == ["photo", "signature_inspector"]
    assert window.finalise_with(DEMO_PASSPHRASE)
    record = json.loads(signed_services.inspections.get(iid)["canonical"])
    assert sorted(a["kind"] for a in record["attachments"]) == kinds
    assert record["readings"]["signatures.refusal"] == "负责人拒绝签字"
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(signed_services.records.pdf_of(iid)))
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 3  # QR codes, the photo, the signature


def test_correction_and_export_with_progress(signed_services, qtbot, tmp_path):
    iid = start(signed_services, "taxi_meter")
    signed_services.inspections.set_readings(
        iid, {"distance_tests[0].meter_m": "1000", "distance_tests[0].reference_m": "974"}
    )
    signed_services.inspections.finalise(iid, sealer=signed_services.records.sealer(DEMO_PASSPHRASE))
    main = MainWindow(signed_services, "zh")
    qtbot.addWidget(main)
    correction = main.correct(iid, "读数抄错")
    assert signed_services.inspections.get(correction.inspection_id)["supersedes"] == iid
    correction.close()
    task = main.export_all(str(tmp_path))
    assert task is not None
    # Waited for as the user sees it, in the status bar. (Waiting for the task's `finished` signal
    # only after the task has started was flaky: a worker that finished first emitted it to no one.)
    qtbot.waitUntil(lambda: "已导出 1 份已签名 PDF" in main.statusBar().currentMessage(), timeout=20000)
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_start_an_inspection_from_a_task(signed_services, qtbot):
    main = MainWindow(signed_services, "zh")
    qtbot.addWidget(main)
    page = main.page("tasks")
    assert page.model.rowCount() == 4
    page.view.selectRow(0)
    with qtbot.waitSignal(page.inspection_opened) as blocker:
        inspection_id = page.start_selected()
    assert blocker.args[0] == inspection_id
    task = signed_services.registry.search("tasks", inspection_id=inspection_id)[0]
    draft = signed_services.inspections.get(inspection_id)
    assert (draft["form_id"], draft["site_id"]) == (task["form_id"], task["site_id"])
    assert main.open_windows[inspection_id].isVisible()
    page.view.selectRow([page.model.item(r, 3).text() for r in range(4)].index("已开始"))
    assert page.start_selected() == inspection_id  # reopens, does not start a second one
    main.open_windows[inspection_id].close()


def test_add_a_site_and_an_instrument_while_starting(signed_services, qtbot):
    from tests.ui.typing import type_text

    dialog = NewInspectionDialog(signed_services, "zh")
    qtbot.addWidget(dialog)
    page = dialog.add_to_registry("sites", modal=False)
    type_text(qtbot, page.editors["name"], "新开农贸市场")
    page.editors["credit_code"].setText(CODE)
    assert page.save()
    assert dialog.site.currentText() == "新开农贸市场"
    page = dialog.add_to_registry("instruments", modal=False)
    kind = page.editors["kind"]
    kind.setCurrentIndex(kind.findData("scale"))
    page.editors["serial"].setText("NEW-001")
    assert page.save()
    assert "NEW-001" in dialog.instrument.currentText()
    assert dialog.form.currentData() == "scale"
    created = dialog.create_inspection()
    assert signed_services.inspections.get(created)["instrument_label"].endswith("NEW-001")


def test_inconclusive_says_what_to_measure_next(signed_services, qtbot):
    iid = start(signed_services, "scale")
    signed_services.inspections.set_readings(iid, {"max": "15000", "e": "5"})
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    grid = step_of(window, GridStep, "weighings").grid
    grid.go_to(0, 0)
    grid.paste("100\t105")  # no small weights: 5 g is neither clearly in nor out
    assert window.live["verdict"] == "inconclusive"
    assert "闪变点" in window.banner.text()


def test_a_reading_finer_than_the_resolution_is_flagged(signed_services, qtbot):
    iid = start(signed_services, "taxi_meter")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    grid = step_of(window, GridStep, "distance").grid
    grid.go_to(0, 0)
    grid.paste("1000.25\t1006")  # the meter shows whole metres (resolution 1 m)
    model = grid.model()
    assert "分度值" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None


def test_checklist_reads_plain_answers_and_rewrites_them(signed_services, qtbot):
    iid = start(signed_services, "taxi_meter", readings={"checklist.seals": "true"})
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    checklist = step_of(window, ChecklistStep)
    combo = checklist.answers["seals"]
    assert combo.currentData() == "true"
    combo.setCurrentIndex(combo.findData("false"))
    stored = signed_services.inspections.readings(iid)
    assert stored.get("checklist.seals.ok") == "false" and "checklist.seals" not in stored
    assert "seals" in window.live["failed"]


def test_a_scale_with_only_its_parameters_looks_incomplete_and_cannot_be_finalised(signed_services, qtbot):
    """Issue 12: only 器具参数 typed (no weighing, no checklist answer) is "未完成" — never 合格 —,
    the summary lists what is missing (checklist items included) and Finalise is disabled."""
    from tests.ui.typing import type_text

    iid = start(signed_services, "scale", readings={})
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    show_active(qtbot, window)
    fields = step_of(window, FieldsStep, "identification")
    for fid, text in (("max", "15000"), ("e", "5"), ("d", "5")):
        editor = fields.fields.editors[fid]
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert window.live["verdict"] == "incomplete"
    assert window.banner.text().startswith("未完成") and "合格" not in window.banner.text()
    summary = window.summary()
    window.go(len(window.steps) - 1)
    qtbot.waitUntil(lambda: "Min（100 g）" in summary.details.text())  # shown after the edit
    assert summary.verdict.text() == "未完成" and "铅封完好" in summary.details.text()
    assert not summary.finalise_button.isEnabled() and "不能定稿" in summary.finalise_button.toolTip()
    assert not window.finalise_with(DEMO_PASSPHRASE)
    assert "铅封完好" in window.notice.text() and signed_services.inspections.get(iid)["status"] == "draft"
    signed_services.inspections.set_readings(iid, flatten({"checklist": answered("scale")}))
    grid = step_of(window, GridStep, "weighings").grid
    grid.go_to(0, 0)
    grid.paste("15000\t15000\t2.5")
    assert window.live["verdict"] == "pass"
    window.go(len(window.steps) - 1)
    qtbot.waitUntil(summary.finalise_button.isEnabled)


def test_computed_columns_never_contradict_their_verdict(signed_services, qtbot):
    """Issue 12 / README display rounding: a run at (100.30 − 99.999)/99.999 = +0.301003 % (beyond
    ±0.30 %, flagged) shows "+0.3010" in the grid, not "+0.30"; one within shows at 0.01 %; V_Bt at
    0.001 L. (Readings at their fields' resolutions: V_J 0.01 L, V_B 0.001 L.)"""
    window = fuel_window(signed_services, qtbot)
    step = step_of(window, GridStep, "indication_error")
    grid = step.grid
    grid.go_to(0, 0)
    grid.paste("1\t100.30\t99.999\n1\t49.93\t50.00\t22.4\t22.0")
    model = grid.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = next(c for c, h in enumerate(headers) if "%" in h)
    assert model.index(0, column).data() == "+0.3010"
    assert model.index(0, model.columnCount() - 1).data() == "不合格"
    # V_Bt = 50.00 × 1.00058 = 50.029 L; E = (49.93 − 50.029)/50.029 = −0.19789 % → −0.20 %
    assert model.index(1, column).data() == "-0.20"
    v_bt = next(c for c, h in enumerate(headers) if "V_Bt" in h)
    assert model.index(1, v_bt).data() == "50.029"


def test_each_flow_point_shows_its_mean_and_repeatability_on_the_side_of_its_verdict(signed_services, qtbot):
    """Issue 12: E_r = 0.17/1.69 = 0.10059 % fails ≤ 0.10 %; on screen as on paper it reads
    "0.1006", never "0.10" (README display rounding)."""
    iid = start(signed_services, "fuel_dispenser")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    signed_services.inspections.set_readings(iid, {"fuel": "gasoline", "measure_material": "carbon_steel"})
    step = step_of(window, GridStep, "indication_error")
    step.grid.go_to(0, 0)
    step.grid.paste("1\t100.00\t100\n1\t100.17\t100\n1\t100.10\t100")
    assert window.live["failed"] == ["repeatability"]
    assert "重复性 E_r (%) 0.1006 ✗" in step.groups.text() and "平均示值误差 (%) +0.09" in step.groups.text()


def test_a_comma_typed_in_a_field_or_cell_is_refused_with_the_reason(signed_services, qtbot):
    """README "Numbers as typed": "15,000" is neither 15 nor 15000; the GUI says to use a dot (it
    silently became 15.000 and failed the class before). Same parser for a field and a cell."""
    from tests.ui.typing import type_text

    iid = start(signed_services, "scale")
    window = InspectionWindow(signed_services, iid, "zh")
    qtbot.addWidget(window)
    show_active(qtbot, window)
    fields = step_of(window, FieldsStep, "identification")
    editor = fields.fields.editors["max"]
    type_text(qtbot, editor, "15,000")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    message = fields.fields.messages["max"]
    assert message.isVisibleTo(window) and "小数请用点号" in message.text()
    assert window.live["verdict"] != "pass" and "15,000" in window.banner.text()
    grid = step_of(window, GridStep, "weighings").grid
    click_cell(qtbot, grid, 0, 0)
    enter(qtbot, "1,000")
    assert "不要用千位分隔符" in grid.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)

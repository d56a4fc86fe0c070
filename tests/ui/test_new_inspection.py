"""新建检查 carries what it asks into the check (issue 12): the net-content lot's nominal quantity,
unit and lot size are the 检验批 step's readings; a scale starts from the register's Max, e and
accuracy class."""

from __future__ import annotations

import pytest

from inspector_app.demo import seed_demo
from inspector_app.services import open_services
from tests.ui.drive import CODE, open_window, step_of
from tests.ui.typing import type_text
from ui.inspection.new_dialog import NewInspectionDialog


@pytest.fixture
def demo(tmp_path):
    with open_services(tmp_path / "new.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)
        yield s


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_lot_typed_in_the_dialog_is_in_the_lot_step(demo, qtbot):
    dialog = NewInspectionDialog(demo, "zh")
    qtbot.addWidget(dialog)
    choose(dialog.instrument, "")  # (none: a product lot)
    assert dialog.form.currentData() == "net_content"
    type_text(qtbot, dialog.product, "白砂糖")
    type_text(qtbot, dialog.nominal, "500")
    choose(dialog.quantity, "mass")
    type_text(qtbot, dialog.lot_size, "80")
    iid = dialog.create_inspection()
    assert iid is not None
    readings = demo.inspections.readings(iid)
    assert {k: readings[k] for k in ("quantity", "nominal", "lot_size")} == {
        "quantity": "mass",
        "nominal": "500",
        "lot_size": "80",
    }
    assert demo.inspections.get(iid)["instrument_label"].startswith("白砂糖")
    window = open_window(qtbot, demo, iid)
    lot = step_of(window, "lot").fields.editors
    assert (lot["nominal"].text(), lot["lot_size"].text(), lot["quantity"].currentData()) == (
        "500",
        "80",
        "mass",
    )


def test_a_lot_size_that_cannot_be_is_refused_in_the_dialog(demo, qtbot):
    dialog = NewInspectionDialog(demo, "zh")
    qtbot.addWidget(dialog)
    choose(dialog.instrument, "")
    before = len(demo.inspections.list_rows())
    type_text(qtbot, dialog.nominal, "500")
    type_text(qtbot, dialog.lot_size, "80.5")
    assert dialog.create_inspection() is None
    assert "检验批量" in dialog.message.text() and "整数" in dialog.message.text()
    assert len(demo.inspections.list_rows()) == before


def test_a_scale_starts_from_the_register(demo, qtbot):
    site = demo.registry.create("sites", {"name": "菜市场", "credit_code": CODE})
    scale = demo.registry.create(
        "instruments",
        {
            "site_id": site,
            "kind": "scale",
            "serial": "REG-15K",
            "accuracy_class": "III",
            "max_capacity": "15000",
            "e_interval": "5",
        },
    )
    iid = demo.inspections.start(form_id="scale", site_id=site, instrument_id=scale)
    window = open_window(qtbot, demo, iid)
    editors = step_of(window, "identification").fields.editors
    assert (editors["max"].text(), editors["e"].text(), editors["accuracy_class"].currentData()) == (
        "15000",
        "5",
        "III",
    )
    assert demo.inspections.readings(iid) == {"max": "15000", "e": "5", "accuracy_class": "III"}

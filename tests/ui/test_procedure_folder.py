"""A procedure is one folder (issue 9 §1): a small extra procedure (tests/procedures/water_meter),
copied into a temporary forms path and named by INSPECTOR_APP_FORMS, goes through evaluate (the
CLI), the wizard, finalise, the PDF, the QR code and verification with no other file touched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from forms import catalogue, load_definition
from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.services import open_services
from inspector_app.signing import summary
from tests.core.test_records import page_qr, text_of
from tests.ui.drive import click_cell, enter, open_window, shown_rows, start, step_of

EXTRA = Path(__file__).parents[1] / "procedures" / "water_meter"


@pytest.fixture
def forms_path(tmp_path, monkeypatch) -> Path:
    """A folder of procedure folders holding only the water meter, named by the environment."""
    root = tmp_path / "forms"
    shutil.copytree(EXTRA, root / "water_meter")
    monkeypatch.setenv(catalogue.FORMS_ENV, str(root))
    return root


@pytest.fixture
def water(forms_path, tmp_path):
    """A laptop with the demo's key and registers (services), the forms path already set."""
    with open_services(tmp_path / "water.sqlite") as services:
        seed_demo(services, inspections=0, seed=5)
        yield services


def cli_evaluate(data: dict) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "evaluate", "-"],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict = json.loads(proc.stdout)
    return result


def test_without_the_forms_path_the_procedure_does_not_exist():
    assert "water_meter" not in catalogue.form_ids()


def test_the_cli_evaluates_a_procedure_found_in_a_forms_path(forms_path):
    """E = (V_i − V_a)/V_a × 100 % within ±2 % (JJG 162-2019 §5.2.1): exactly on the limit passes,
    0.01 % beyond fails."""
    on_limit = cli_evaluate({"form": "water_meter", "runs": [{"v_i": "102.0", "v_a": "100.00"}]})
    assert (on_limit["form"], on_limit["verdict"], on_limit["regulation"]) == (
        "water_meter",
        "pass",
        "JJG 162-2019",
    )
    beyond = cli_evaluate({"form": "water_meter", "runs": [{"v_i": "102.0", "v_a": "99.99"}]})
    assert (beyond["verdict"], beyond["failed"]) == ("fail", ["indication_error"])
    assert beyond["results"]["runs"][0]["verdict"] == "fail"
    assert load_definition("water_meter").items_in("seal", "cheating") == ["seal", "no_bypass"]


def test_a_procedure_folder_goes_through_wizard_finalise_pdf_qr_and_verify(water, qtbot):
    services = water
    iid = start(services, "water_meter", answered=True)
    window = open_window(qtbot, services, iid)
    runs = step_of(window, "runs")
    click_cell(qtbot, runs.grid, 0, 0)
    enter(qtbot, "102.5")  # E = +2.50 %: beyond ±2 %
    enter(qtbot, "100.00")
    enter(qtbot, "101.0")  # E = +1.00 %
    enter(qtbot, "100.00")
    assert window.live["verdict"] == "fail" and window.live["failed"] == ["indication_error"]
    assert shown_rows(runs) == [["102.5", "100.00"], ["101.0", "100.00"]]
    model = runs.grid.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    error, verdict = headers.index("示值误差 E (%)"), model.columnCount() - 1
    assert [model.index(r, error).data() for r in (0, 1)] == ["+2.50", "+1.00"]
    assert [model.index(r, verdict).data() for r in (0, 1)] == ["不合格", "合格"]
    assert "示值误差" in window.banner.text()

    assert window.finalise_with(DEMO_PASSPHRASE)
    row = services.inspections.get(iid)
    assert row["status"] == "finalised" and row["verdict"] == "fail"
    pdf = services.records.pdf_of(iid)
    text = text_of(pdf)  # (without spaces)
    for expected in (
        "饮用冷水水表现场计量检查记录",
        "示值误差（MPE±2%）",  # the limit text from the definition
        "水表示值V_i(L)",
        "示值误差E(%)",
        "+2.50",
        "封印完好",
        "不合格",
    ):
        assert expected in text, expected

    qr = page_qr(pdf)
    short, _, _ = summary.decode(qr)
    assert (short.form, short.verdict, short.figures) == ("water_meter", "fail", "E+2.50%")
    assert qr.startswith(summary.PREFIX)
    checked = services.records.verify_qr(qr)
    assert (checked.status, checked.record_no, checked.verdict) == ("valid", row["record_no"], "fail")
    assert services.records.verify_pdf(pdf).status == "valid"

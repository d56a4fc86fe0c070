"""Corrections (更正, issue 12): the new record copies standards, measures, inspectors and readings;
its reason is required, stored, signed and printed; it prints the replaced record's number (never
its internal id); `verify`, the list and the 核验 page say when a valid record was superseded."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pypdf
import pytest

from inspector_app.readings import flatten
from inspector_app.services import ValidationFailed, open_services
from tests.core.test_records import CHECKS, CODE, PASSPHRASE
from tests.people import SECOND, pair

WRONG = {**CHECKS["scale"], "weighings": [{"load": "100", "indication": "140", "added": "1.5"}]}


@pytest.fixture
def laptop(tmp_path):
    with open_services(tmp_path / "laptop.sqlite") as s:
        s.settings.set("inspector_name", "王检查")
        s.settings.set("inspector_id", "渝执 50000001")
        pair(s)
        s.records.create_identity(
            name="王检查", id_number="渝执 50000001", office="江北局", passphrase=PASSPHRASE
        )
        s.path = tmp_path / "laptop.sqlite"
        yield s


def signed_original(s) -> str:
    """A failed scale record with a standard and a measure, signed."""
    site = s.registry.create("sites", {"name": "观音桥农贸市场", "credit_code": CODE})
    inst = s.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S-1"})
    weights = s.registry.create(
        "standards", {"name": "M1 砝码", "kind": "weights", "serial": "FM-1", "cert_expiry": "2099-01-01"}
    )
    iid = s.inspections.start(
        form_id="scale", site_id=site, instrument_id=inst, standard_ids=(weights,), readings=flatten(WRONG)
    )
    s.inspections.finalise(iid, sealer=s.records.sealer(PASSPHRASE), measures=["stop_use"])
    return iid


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def test_a_correction_copies_standards_measures_inspectors_and_readings(laptop):
    original = signed_original(laptop)
    new = laptop.inspections.correct(original, "砝码读数抄错")
    row, old = laptop.inspections.get(new), laptop.inspections.get(original)
    assert row["supersedes"] == original and row["correction_reason"] == "砝码读数抄错"
    assert json.loads(row["measures"]) == ["stop_use"]
    assert json.loads(row["inspectors"]) == json.loads(old["inspectors"])
    assert json.loads(row["inspectors"])[1] == SECOND
    assert row["started_at"] == old["started_at"]
    standards = laptop.db.execute(
        "SELECT standard_id FROM inspection_standards WHERE inspection_id = ?", [new]
    ).fetchall()
    assert [s[0] for s in standards] == [
        s[0]
        for s in laptop.db.execute(
            "SELECT standard_id FROM inspection_standards WHERE inspection_id = ?", [original]
        ).fetchall()
    ] and standards
    assert laptop.inspections.readings(new) == laptop.inspections.readings(original)


def test_a_correction_needs_its_reason_which_is_signed_and_printed_with_the_replaced_number(laptop):
    original = signed_original(laptop)
    number = laptop.inspections.get(original)["record_no"]
    new = laptop.inspections.correct(original)
    live = laptop.inspections.set_readings(new, {"weighings[0].indication": "100"})
    assert any(m["zh"].startswith("更正原因") for m in live.as_json()["missing"])
    with pytest.raises(ValidationFailed) as refused:
        laptop.inspections.finalise(new, sealer=laptop.records.sealer(PASSPHRASE))
    assert "correction_reason" in [e.field for e in refused.value.errors]
    laptop.inspections.set_correction_reason(new, "砝码读数抄错")
    laptop.inspections.finalise(new, sealer=laptop.records.sealer(PASSPHRASE))
    record = json.loads(laptop.inspections.get(new)["canonical"])
    assert record["correction_reason"] == "砝码读数抄错" and record["supersedes_record_no"] == number
    text = pdf_text(laptop.records.pdf_of(new))
    assert f"取代记录{number}" in text and "更正原因砝码读数抄错" in text
    assert original not in text and original.replace("-", "") not in text  # never the internal id


def test_only_a_finalised_record_is_corrected(laptop):
    original = signed_original(laptop)
    draft = laptop.inspections.correct(original, "x")
    with pytest.raises(ValidationFailed) as refused:
        laptop.inspections.correct(draft, "y")
    assert refused.value.errors[0].code == "not_finalised"


def test_verify_and_the_list_say_a_valid_record_was_superseded(laptop):
    original = signed_original(laptop)
    before = laptop.records.verify_pdf(laptop.records.pdf_of(original))
    assert before.status == "valid" and "superseded_by" not in before.details
    new = laptop.inspections.correct(original, "砝码读数抄错")
    # a correction still a draft supersedes nothing yet
    assert "superseded_by" not in laptop.records.verify_pdf(laptop.records.pdf_of(original)).details
    laptop.inspections.set_readings(new, {"weighings[0].indication": "100"})
    laptop.inspections.finalise(new, sealer=laptop.records.sealer(PASSPHRASE))
    number = laptop.inspections.get(new)["record_no"]
    day = laptop.inspections.get(new)["finalised_at"][:10]
    after = laptop.records.verify_pdf(laptop.records.pdf_of(original))
    assert after.status == "valid" and after.details["superseded_by"] == number
    rows = {r["id"]: r for r in laptop.inspections.list_rows(limit=10)}
    assert rows[original]["superseded_by"] == number and rows[new]["superseded_by"] is None
    pdf_path = laptop.path.parent / "original.pdf"
    pdf_path.write_bytes(laptop.records.pdf_of(original))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.entry",
            "verify",
            "--db",
            str(laptop.path),
            str(pdf_path),
            "--lang",
            "both",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert f"已被记录 {number} 于" in out.stdout and f"superseded by record {number} on" in out.stdout
    assert day[:4] in out.stdout.split("superseded by")[1]
    qr = laptop.records.verify_qr(_qr(laptop, original))
    assert qr.status == "valid" and qr.details["superseded_by"] == number


def _qr(services, inspection_id: str) -> str:
    from inspector_app.signing import pades

    attached = json.loads(pades.read_attachment(pades.open_pdf(services.records.pdf_of(inspection_id))))
    return str(attached["qr"])

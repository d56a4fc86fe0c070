"""`selfcheck` catches what the triggers cannot: someone with the database file and the sqlite3
tool drops a trigger and edits. Each tampering below passed the old selfcheck; now it fails, naming
every record it touched."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from db.audit import entry_hash
from inspector_app.credit_code import check_character
from inspector_app.readings import flatten
from inspector_app.selfcheck import run_selfcheck
from inspector_app.services import open_services
from tests.core.test_records import CHECKS, CODE, PASSPHRASE
from tests.people import pair

FAILING_SCALE = {**CHECKS["scale"], "weighings": [{"load": "100", "indication": "140", "added": "1.5"}]}


def png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A laptop with two signed scale records (one pass, one fail, each with a photo) and a draft;
    the file is copied for each test. Returns (path, {verdict: record number})."""
    path = tmp_path_factory.mktemp("tamper") / "laptop.sqlite"
    numbers = {}
    with open_services(path) as s:
        pair(s)
        s.records.create_identity(name="王检查", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
        sealer = s.records.sealer(PASSPHRASE)
        site = s.registry.create("sites", {"name": "集贸市场", "credit_code": CODE})
        for n, (check, colour) in enumerate(((CHECKS["scale"], "red"), (FAILING_SCALE, "blue"))):
            inst = s.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": f"S{n}"})
            iid = s.inspections.start(
                form_id="scale", site_id=site, instrument_id=inst, readings=flatten(check)
            )
            s.inspections.attach(iid, "photo", png(colour), "image/png")
            done = s.inspections.finalise(iid, sealer=sealer, measures=["stop_use"] if n else [])
            numbers[done.verdict] = s.inspections.get(iid)["record_no"]
        inst = s.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S9"})
        s.inspections.start(form_id="scale", site_id=site, instrument_id=inst, readings={"max": "15000"})
    assert set(numbers) == {"pass", "fail"}
    return path, numbers


@pytest.fixture
def laptop(pristine, tmp_path):
    source, numbers = pristine
    path = tmp_path / "laptop.sqlite"
    shutil.copy(source, path)
    return path, numbers


def tamper(path: Path, *statements: str) -> None:
    """What an attacker with the sqlite3 tool does: foreign keys off (its default), one commit."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def failures(path: Path) -> dict[str, tuple[str, ...]]:
    return {c.name: c.problems for c in run_selfcheck(path) if not c.ok}


def both(numbers: dict[str, str], problems: tuple[str, ...]) -> bool:
    return all(any(p.startswith(numbers[v] + ":") for p in problems) for v in ("pass", "fail"))


def test_the_untouched_laptop_passes(laptop):
    path, _ = laptop
    assert failures(path) == {}


def test_swapped_verdicts_are_found(laptop):
    path, numbers = laptop
    tamper(
        path,
        "DROP TRIGGER inspections_frozen",
        "UPDATE inspections SET verdict = CASE verdict WHEN 'pass' THEN 'fail' ELSE 'pass' END "
        "WHERE status = 'finalised'",
    )
    found = failures(path)
    assert set(found) == {"record columns"}
    assert both(numbers, found["record columns"])
    assert any("verdict is fail, the signed record says pass" in p for p in found["record columns"])


def test_swapped_readings_are_found(laptop):
    path, numbers = laptop
    a, b = numbers["pass"], numbers["fail"]
    ids = (
        f"(SELECT id FROM inspections WHERE record_no = '{a}')",
        f"(SELECT id FROM inspections WHERE record_no = '{b}')",
    )
    tamper(
        path,
        *(f"DROP TRIGGER readings_frozen_{e}" for e in ("insert", "update", "delete")),
        "DROP TRIGGER readings_frozen_move",
        f"UPDATE readings SET inspection_id = 'parked' WHERE inspection_id = {ids[0]}",
        f"UPDATE readings SET inspection_id = {ids[0]} WHERE inspection_id = {ids[1]}",
        f"UPDATE readings SET inspection_id = {ids[1]} WHERE inspection_id = 'parked'",
    )
    found = failures(path)
    assert set(found) == {"record readings"}
    assert both(numbers, found["record readings"])
    assert any("weighings[0].indication" in p for p in found["record readings"])


def test_a_deleted_reading_is_found(laptop):
    path, numbers = laptop
    tamper(
        path,
        "DROP TRIGGER readings_frozen_delete",
        "DELETE FROM readings WHERE path = 'weighings[0].indication' AND inspection_id = "
        f"(SELECT id FROM inspections WHERE record_no = '{numbers['fail']}')",
    )
    found = failures(path)
    assert list(found) == ["record readings"] and found["record readings"][0].startswith(numbers["fail"])


def test_swapped_pdfs_are_found(laptop):
    path, numbers = laptop
    tamper(
        path,
        "DROP TRIGGER record_pdfs_no_update",
        "CREATE TEMP TABLE keep AS SELECT inspection_id, sha256, data FROM record_pdfs",
        "UPDATE record_pdfs SET sha256 = (SELECT k.sha256 FROM keep k WHERE k.inspection_id <> "
        "record_pdfs.inspection_id), data = (SELECT k.data FROM keep k WHERE k.inspection_id <> "
        "record_pdfs.inspection_id)",
    )
    found = failures(path)
    assert set(found) == {"record PDFs"}
    assert both(numbers, found["record PDFs"])
    assert any(f"embeds another record ({numbers['fail']})" in p for p in found["record PDFs"])


def test_a_swapped_photo_is_found(laptop):
    path, _ = laptop
    tamper(
        path,
        "DROP TRIGGER attachments_frozen_update",
        "DROP TRIGGER attachments_frozen_move",
        "UPDATE attachments SET data = (SELECT data FROM attachments a2 WHERE a2.id <> attachments.id "
        "LIMIT 1) WHERE rowid = (SELECT min(rowid) FROM attachments)",
    )
    found = failures(path)
    assert set(found) == {"record attachments"} and "data has been replaced" in found["record attachments"][0]


def test_a_record_rewritten_with_a_matching_fingerprint_is_found(laptop):
    """Change the verdict inside the canonical record and recompute its fingerprint: the
    signature, the audit entry of the finalisation and the PDF still tell."""
    path, numbers = laptop
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT id, canonical FROM inspections WHERE record_no = ?", [numbers["fail"]]
    ).fetchone()
    record = json.loads(row[1])
    record["evaluation"]["verdict"] = "pass"
    record["evaluation"]["failed"] = []
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    conn.close()
    tamper(
        path,
        "DROP TRIGGER inspections_frozen",
        "UPDATE inspections SET verdict = 'pass', failed = '[]', canonical = '{}', fingerprint = '{}' "
        "WHERE id = '{}'".format(text.replace("'", "''"), hashlib.sha256(text.encode()).hexdigest(), row[0]),
    )
    found = failures(path)
    assert {"record signatures", "record PDFs", "audit heads"} <= set(found)
    assert found["record signatures"] == (
        f"{numbers['fail']}: signature does not match the canonical record",
    )


def test_a_record_moved_back_to_draft_is_found(laptop):
    path, numbers = laptop
    tamper(
        path,
        "DROP TRIGGER inspections_frozen",
        f"UPDATE inspections SET status = 'draft' WHERE record_no = '{numbers['pass']}'",
    )
    found = failures(path)
    assert found == {"record columns": (f"{numbers['pass']}: status is draft for a signed record",)}


def test_a_deleted_record_is_found(laptop):
    path, numbers = laptop
    conn = sqlite3.connect(path)
    iid = conn.execute("SELECT id FROM inspections WHERE record_no = ?", [numbers["fail"]]).fetchone()[0]
    conn.close()
    tamper(
        path,
        "DROP TRIGGER inspections_no_delete",
        "DROP TRIGGER record_pdfs_no_delete",
        *(f"DROP TRIGGER {t}_frozen_delete" for t in ("readings", "attachments", "inspection_standards")),
        f"DELETE FROM record_pdfs WHERE inspection_id = '{iid}'",
        f"DELETE FROM readings WHERE inspection_id = '{iid}'",
        f"DELETE FROM attachments WHERE inspection_id = '{iid}'",
        f"DELETE FROM inspections WHERE id = '{iid}'",
    )
    found = failures(path)
    assert found == {"audit heads": (f"id {iid}: finalised, and now missing from the store",)}


def test_deleting_the_whole_audit_log_is_found(laptop):
    path, numbers = laptop
    tamper(path, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log")
    found = failures(path)
    assert set(found) == {"audit heads", "audit tail"}
    assert both(numbers, found["audit heads"])
    assert any("is missing" in p for p in found["audit heads"])


def test_entries_cut_from_the_end_of_the_audit_log_are_found(laptop):
    """The entries after the newest signed record (here the draft made after it) are in no
    signature and the chain before them stays whole: only the tally sees them go."""
    path, _ = laptop
    conn = sqlite3.connect(path)
    last_signed = conn.execute("SELECT max(seq) FROM audit_log WHERE action = 'finalise'").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    assert total > last_signed
    tamper(path, "DROP TRIGGER audit_log_no_delete", f"DELETE FROM audit_log WHERE seq > {last_signed}")
    checks = {c.name: c for c in run_selfcheck(path)}
    assert checks["audit chain"].ok and checks["audit heads"].ok  # what a chain alone can tell
    assert not checks["audit tail"].ok
    assert checks["audit tail"].detail == (
        f"{total - last_signed} of {total} entries are missing (the log should end at entry {total})"
    )
    assert {c.name for c in run_selfcheck(path) if not c.ok} == {"audit tail"}


def test_the_audit_tally_follows_the_app_and_is_not_deleted(laptop):
    path, _ = laptop
    assert all(c.ok for c in run_selfcheck(path))
    with open_services(path) as s:  # the app goes on writing: the tally follows every entry
        body = "91500103MA5U7XY1P"
        s.registry.create("sites", {"name": "超市", "credit_code": body + check_character(body)})
    assert {c.name: c.ok for c in run_selfcheck(path)}["audit tail"]
    with pytest.raises(sqlite3.DatabaseError, match="audit_tail is kept by the audit log"):
        tamper(path, "DELETE FROM audit_tail")


def test_a_rewritten_audit_log_is_found(laptop):
    """Edit an early entry and recompute every hash after it: the chain is whole again, but the
    heads the records signed are not in it."""
    path, numbers = laptop
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT seq, at, device_id, actor, action, entity, entity_id, detail FROM audit_log ORDER BY seq"
    ).fetchall()
    conn.close()
    statements = ["DROP TRIGGER audit_log_no_update"]
    prev = "0" * 64
    for seq, at, device, actor, action, entity, entity_id, detail in rows:
        if seq == 2:
            actor = "someone else"
        digest = entry_hash(prev, at, device, actor, action, entity, entity_id, detail)
        statements.append(
            f"UPDATE audit_log SET actor = '{actor}', prev_hash = '{prev}', hash = 'x{seq}' WHERE seq = {seq}"
        )
        statements.append(f"UPDATE audit_log SET hash = '{digest}' WHERE seq = {seq}")
        prev = digest
    tamper(path, *statements)
    checks = {c.name: c for c in run_selfcheck(path)}
    assert checks["audit chain"].ok  # the rewrite is a whole chain …
    assert not checks["audit heads"].ok  # … but not the one the records signed
    assert both(numbers, checks["audit heads"].problems)
    assert any("was rewritten" in p for p in checks["audit heads"].problems)


def test_the_cli_lists_each_mismatch_by_record_number(laptop):
    path, numbers = laptop
    tamper(
        path,
        "DROP TRIGGER inspections_frozen",
        f"UPDATE inspections SET verdict = 'pass' WHERE record_no = '{numbers['fail']}'",
    )
    out = subprocess.run(
        [sys.executable, "-m", "ui.entry", "selfcheck", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert "FAIL record columns" in out.stdout
    assert f"{numbers['fail']}: verdict is pass, the signed record says fail" in out.stdout

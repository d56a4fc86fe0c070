"""Bundles laptop → office: export, import (verify → plan → write), idempotence, conflicts,
corrections, sequence gaps, and every refusal with a crafted bundle — each refused whole, naming
the member, leaving the office database exactly as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from db.office.engine import is_url
from inspector_app.readings import flatten
from inspector_app.services import open_services
from inspector_app.sync import importer
from tests.core import fleet
from tests.db.office_engines import consolidated, pg_dump, pg_execute, pg_select


def office_dump(path: Path | str) -> str:
    """A digest of every office table and the audit log: equal digests, nothing changed."""
    if is_url(path):
        return pg_dump(str(path))
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' "
            "AND (name LIKE 'office%' OR name = 'audit_log') ORDER BY name"
        )
    ]
    digest = hashlib.sha256()
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def audit_details(office_db: Path | str, action: str) -> list[str]:
    """The details of the office's audit entries of one action, oldest first (either engine)."""
    if is_url(office_db):
        return [
            str(r[0])
            for r in pg_select(
                str(office_db), "SELECT detail FROM office_audit WHERE action = %s ORDER BY seq", [action]
            )
        ]
    conn = sqlite3.connect(office_db)
    rows = conn.execute("SELECT detail FROM audit_log WHERE action = ? ORDER BY seq", [action]).fetchall()
    conn.close()
    return [str(r[0]) for r in rows]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office, an enrolled laptop with 5 signed records and its first bundle, made once."""
    base = tmp_path_factory.mktemp("world")
    with fleet.office(base / "office.sqlite") as o, fleet.laptop(base / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        ids = [fleet.finalise(lap, serial=f"SC-{i:04d}") for i in range(2)]
        ids += fleet.bulk(lap, 3)
        bundle = fleet.export(lap, base / "usb").path
        key = fleet.signing_key(lap)
    return {"base": base, "bundle": bundle, "ids": ids, "key": key}


@pytest.fixture(params=["sqlite", "postgresql"])
def office_db(request, world, tmp_path):
    """The office, as its SQLite file or consolidated into a PostgreSQL database: every test that
    takes it runs against both stores."""
    path = tmp_path / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", path)
    if request.param == "postgresql":
        return consolidated(path, request.getfixturevalue("pg_url"))
    return path


@pytest.fixture
def laptop_db(world, tmp_path):
    path = tmp_path / "laptop.sqlite"
    shutil.copy(world["base"] / "laptop.sqlite", path)
    return path


def run_import(office_db: Path | str, *bundles: Path) -> list[importer.BundleResult]:
    with open_services(office_db) as o:
        return o.office.import_bundles(list(bundles))


def test_export_and_import_store_every_signed_record_with_its_pdf(world, office_db):
    with zipfile.ZipFile(world["bundle"]) as zf:
        names = set(zf.namelist())
    assert {"manifest.json", "manifest.sig"} <= names
    assert {f"records/{i}.json" for i in world["ids"]} <= names
    assert {f"records/{i}.pdf" for i in world["ids"]} <= names
    assert world["bundle"].name.endswith("-1.zip")
    [result] = run_import(office_db, world["bundle"])
    assert (result.status, result.imported, result.duplicates, result.conflicts) == ("accepted", 5, 0, 0)
    with open_services(office_db) as o, open_services(world["base"] / "laptop.sqlite") as lap:
        for iid in world["ids"]:
            stored = o.office.store.record(iid)
            local = lap.inspections.get(iid)
            assert (stored["canonical"], stored["fingerprint"]) == (local["canonical"], local["fingerprint"])
            assert o.office.store.record_pdf(iid, stored["fingerprint"]) == lap.records.pdf_of(iid)
        assert o.office.devices()[0]["acknowledged_seq"] == 1


def test_the_cyclic_collector_is_paused_for_an_import_and_restored_after(world, office_db, tmp_path):
    """An import allocates objects by the record, none in a cycle: the collector is off while it
    runs (its collections walked the whole heap for nothing), back on after it — a refusal too —
    and left off when something else had turned it off."""
    import gc

    seen: list[bool] = []
    with open_services(office_db) as o:
        [done] = o.office.import_bundles([world["bundle"]], progress=lambda *_: seen.append(gc.isenabled()))
        assert gc.isenabled()
        [refused] = o.office.import_bundles([tmp_path / "missing.zip"])
        assert gc.isenabled()
        gc.disable()
        try:
            o.office.import_bundles([world["bundle"]])
            assert not gc.isenabled()
        finally:
            gc.enable()
    assert done.status == "accepted" and refused.status != "accepted"
    assert seen and not any(seen)


def test_importing_twice_changes_nothing(world, office_db):
    run_import(office_db, world["bundle"])
    before = office_dump(office_db)
    [again] = run_import(office_db, world["bundle"])
    assert (again.status, again.imported, again.duplicates, again.conflicts) == ("accepted", 0, 5, 0)
    assert again.already_imported
    assert office_dump(office_db) == before


def test_a_bundle_is_known_by_its_signed_manifest_not_by_its_file_bytes(world, office_db, tmp_path):
    """The bundle's identity is its signed manifest's (docs/decisions.md, "A bundle's identity"):
    the same members zipped again (another file: every member deflated) are the bundle already
    imported, and the laptop names its export as the office names the bundle."""
    run_import(office_db, world["bundle"])
    before = office_dump(office_db)
    same = fleet.rezip(world["bundle"], tmp_path / "same.zip")
    assert same.read_bytes() != world["bundle"].read_bytes()
    [again] = run_import(office_db, same)
    assert (again.status, again.imported, again.duplicates) == ("accepted", 0, 5)
    assert again.already_imported
    assert office_dump(office_db) == before
    with open_services(office_db) as o:
        [stored] = o.office.bundles()
    laptop = sqlite3.connect(world["base"] / "laptop.sqlite")
    [(exported,)] = laptop.execute("SELECT sha256 FROM sync_exports").fetchall()
    laptop.close()
    assert stored["sha256"] == exported


@pytest.mark.parametrize("kind", ["pdf", "json"])
def test_the_imported_bundles_manifest_with_a_member_changed_is_refused(world, office_db, tmp_path, kind):
    """Known by its manifest, still checked member by member: a file that carries the signed
    manifest of a bundle already imported but one changed member (a record or a PDF) is refused,
    and nothing changes."""
    run_import(office_db, world["bundle"])
    name = f"records/{world['ids'][1]}.{kind}"
    with zipfile.ZipFile(world["bundle"]) as zf:
        data = bytearray(zf.read(name))
    data[len(data) // 2] ^= 0x01  # same size, other content
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", replace={name: bytes(data)})
    assert_refused(office_db, crafted, name, "hash_mismatch")


def _conflicting(world, tmp_path) -> tuple[Path, str, str]:
    """The world's bundle with its first record re-signed over other content (a reading changed):
    (bundle, record id, the arriving canonical text)."""
    target = world["ids"][0]
    other, canonical = fleet.conflicting(world["bundle"], target, world["key"], tmp_path / "other.zip")
    return other, target, canonical


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True, timeout=300
    )


def test_same_id_other_content_is_a_conflict_kept_beside_the_original(world, office_db, tmp_path):
    run_import(office_db, world["bundle"])
    other, target, canonical = _conflicting(world, tmp_path)
    [result] = run_import(office_db, other)
    assert (result.status, result.imported, result.duplicates, result.conflicts) == ("accepted", 0, 4, 1)
    with open_services(office_db) as o:
        original = o.office.store.record(target)
        assert '"15010"' in original["canonical"]  # never overwritten
        [queued] = o.office.store.conflicts()
        assert (queued["id"], queued["reason"]) == (target, "different_content")
        assert queued["fingerprint"] == hashlib.sha256(canonical.encode()).hexdigest()
    [twice] = run_import(office_db, other)
    assert (twice.conflicts, twice.duplicates) == (0, 5)


def test_corrections_chain_and_a_correction_of_a_superseded_record_is_a_conflict(
    world, office_db, laptop_db, tmp_path
):
    run_import(office_db, world["bundle"])
    original = world["ids"][0]
    with open_services(laptop_db) as lap:
        first = lap.inspections.correct(original, reason="读数抄错")
        lap.inspections.finalise(first, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        second = lap.inspections.correct(
            original, reason="再次更正"
        )  # a second correction of the same original
        lap.inspections.finalise(second, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        done = fleet.export(lap, tmp_path / "usb2")
    assert done.records == 7  # nothing acknowledged yet: everything travels again
    [result] = run_import(office_db, done.path)
    assert (result.imported, result.duplicates, result.conflicts) == (1, 5, 1)
    with open_services(office_db) as o:
        assert o.office.store.record(first)["supersedes"] == original
        assert o.office.store.record(second) is None
        [queued] = o.office.store.conflicts()
        assert (queued["id"], queued["reason"], queued["supersedes"]) == (
            second,
            "superseded_not_current",
            original,
        )


def test_a_gap_in_the_sequence_is_reported(world, office_db, laptop_db, tmp_path):
    with open_services(laptop_db) as lap:
        second = fleet.export(lap, tmp_path / "a", full=True)
        third = fleet.export(lap, tmp_path / "b", full=True)
    assert (second.seq, third.seq) == (2, 3)
    [r3] = run_import(office_db, third.path)
    assert r3.gaps == [1, 2]
    [r1] = run_import(office_db, world["bundle"])
    assert (r1.gaps, r1.imported, r1.duplicates) == ([2], 0, 5)


def test_the_office_lists_compares_and_resolves_a_conflict_from_the_command_line(world, office_db, tmp_path):
    run_import(office_db, world["bundle"])
    other, target, canonical = _conflicting(world, tmp_path)
    run_import(office_db, other)
    db = ("--db", str(office_db))
    listed = cli("office", "conflicts", *db, "--json")
    assert listed.returncode == 0, listed.stderr
    [queued] = json.loads(listed.stdout)["conflicts"]
    assert (queued["id"], queued["reason"], queued["resolved_at"]) == (target, "different_content", None)
    fingerprint = queued["fingerprint"]
    assert fingerprint == hashlib.sha256(canonical.encode()).hexdigest()
    changed = [d for d in queued["differences"] if (d["stored"], d["arriving"]) == ("15010", "15005")]
    assert len(changed) == 1 and changed[0]["path"].startswith("readings.")  # the one reading altered
    text = cli("office", "conflicts", *db)
    assert queued["record_no"] in text.stdout and "同一编号内容不同" in text.stdout

    unknown = cli(
        "office", "resolve", *db, target, "--fingerprint", fingerprint, "--resolution", "x", "--note", "n"
    )
    assert unknown.returncode == 2 and "处理方式" in unknown.stderr and "Resolution" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    blank = cli(
        "office",
        "resolve",
        *db,
        target,
        "--fingerprint",
        fingerprint,
        "--resolution",
        "keep_stored",
        "--note",
        " ",
    )
    assert blank.returncode == 2 and "处理说明：必填 / Reason: required" in blank.stderr
    assert json.loads(cli("office", "conflicts", *db, "--json").stdout)["conflicts"] != []  # still open

    note = "现场复核：原记录为准"
    done = cli(
        "office",
        "resolve",
        *db,
        target,
        "--fingerprint",
        fingerprint,
        "--resolution",
        "keep_stored",
        "--note",
        note,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("office", "conflicts", *db, "--json").stdout)["conflicts"] == []
    [resolved] = json.loads(cli("office", "conflicts", *db, "--all", "--json").stdout)["conflicts"]
    assert (resolved["resolution"], resolved["note"]) == ("keep_stored", note) and resolved["resolved_at"]
    again = cli(
        "office",
        "resolve",
        *db,
        target,
        "--fingerprint",
        fingerprint,
        "--resolution",
        "keep_stored",
        "--note",
        note,
    )
    assert again.returncode == 2 and "已于" in again.stderr and "resolved at" in again.stderr
    with open_services(office_db) as o:
        assert '"15010"' in o.office.store.record(target)["canonical"]  # the stored record untouched
        assert o.office.store.conflict(target, fingerprint)["canonical"] == canonical  # the arriving kept
    [detail] = audit_details(office_db, "resolve_conflict")
    assert json.loads(detail)["note"] == note


def test_a_correction_of_a_superseded_record_is_compared_with_the_current_revision(
    world, office_db, laptop_db, tmp_path
):
    run_import(office_db, world["bundle"])
    original = world["ids"][0]
    with open_services(laptop_db) as lap:
        first = lap.inspections.correct(original, reason="读数抄错")
        lap.inspections.finalise(first, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        second = lap.inspections.correct(original, reason="再次更正")
        lap.inspections.finalise(second, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        done = fleet.export(lap, tmp_path / "usb2")
    run_import(office_db, done.path)
    with open_services(office_db) as o:
        queue = o.office.conflict_queue
        [queued] = queue.list()
        detail = queue.detail(queued["id"], queued["fingerprint"])
    assert detail["stored"]["id"] == first  # the current revision, not the superseded original
    paths = {d.path for d in detail["differences"]}
    assert "id" in paths and "supersedes" not in paths  # both correct the same original


# -- refusals: one crafted bundle each --------------------------------------------------------------
def assert_refused(office_db: Path | str, bundle: Path, member: str, reason: str) -> importer.BundleResult:
    before = office_dump(office_db)
    [result] = run_import(office_db, bundle)
    assert (result.status, result.member, result.reason) == ("refused", member, reason), result
    assert office_dump(office_db) == before  # nothing of a refused bundle is stored
    return result


def first_record(world) -> str:
    return f"records/{world['ids'][0]}.json"


def test_refused_bad_manifest_signature(world, office_db, tmp_path):
    edited = fleet.rezip(world["bundle"], tmp_path / "b.zip", edit_manifest=lambda m: m.update(seq=9))
    assert_refused(office_db, edited, "manifest.sig", "manifest_signature_bad")


def test_refused_unknown_signer(world, office_db, tmp_path):
    with fleet.laptop(tmp_path / "stranger.sqlite", name="陌生人") as stranger:
        fleet.finalise(stranger)
        bundle = fleet.export(stranger, tmp_path / "usb").path
    assert_refused(office_db, bundle, "manifest.sig", "signer_unknown")


def test_refused_the_bundle_of_a_revoked_inspector(world, office_db):
    with open_services(office_db) as o:
        [cert] = o.office.certificates()
        o.office.revoke(cert["cert_sha256"], reason="离职", root=o.office.unlock(fleet.OFFICE_PASS))
    result = assert_refused(office_db, world["bundle"], "manifest.sig", "signer_revoked")
    assert result.params["revoked_at"]


def test_refused_a_member_missing(world, office_db, tmp_path):
    pdf = f"records/{world['ids'][1]}.pdf"
    assert_refused(
        office_db, fleet.rezip(world["bundle"], tmp_path / "b.zip", drop=(pdf,)), pdf, "missing_member"
    )


def test_refused_an_extra_member(world, office_db, tmp_path):
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", add={"records/notes.txt": b"hello"})
    assert_refused(office_db, crafted, "records/notes.txt", "extra_member")


def test_refused_an_oversized_member(world, office_db, tmp_path):
    big = b"\0" * (50 * 1024 * 1024 + 1)
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", add={"attachments/" + "a" * 64: big})
    assert_refused(office_db, crafted, "attachments/" + "a" * 64, "oversized_member")


def test_refused_a_member_with_a_different_hash(world, office_db, tmp_path):
    name = f"records/{world['ids'][2]}.pdf"
    with zipfile.ZipFile(world["bundle"]) as zf:
        data = bytearray(zf.read(name))
    data[100] ^= 0xFF  # same size, other content
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", replace={name: bytes(data)})
    assert_refused(office_db, crafted, name, "hash_mismatch")


@pytest.mark.parametrize(
    "name", ["records/../../evil.json", "../evil", "/etc/passwd", "C:/evil.txt", "records\\..\\x"]
)
def test_refused_a_path_with_dots_or_absolute(world, office_db, tmp_path, name):
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", add={name: b"x"})
    with zipfile.ZipFile(crafted) as zf:
        stored = [i.filename for i in zf.infolist() if i.filename not in ("manifest.json",)][-1]
    assert_refused(office_db, crafted, stored, "path_traversal")


def test_refused_a_zip_bomb(world, office_db, tmp_path):
    bomb = b"\0" * (40 * 1024 * 1024)  # within the size cap, but 1000:1
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", add={"attachments/" + "b" * 64: bomb})
    assert_refused(office_db, crafted, "attachments/" + "b" * 64, "zip_bomb")


def test_refused_declared_and_actual_sizes_differ(world, office_db, tmp_path):
    name = f"records/{world['ids'][0]}.pdf"

    def lie(m):
        m["members"][name]["size"] += 1

    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", edit_manifest=lie, resign=world["key"])
    assert_refused(office_db, crafted, name, "size_mismatch")


def test_refused_a_zip_whose_header_understates_a_member(world, office_db, tmp_path):
    """The central directory says fewer bytes than the member really holds: zipfile stops at the
    declared size, and the CRC (over the whole member) no longer matches."""
    name = f"records/{world['ids'][0]}.pdf"
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip")
    raw = bytearray(crafted.read_bytes())
    with zipfile.ZipFile(crafted) as zf:
        info = zf.getinfo(name)
    # Patch the uncompressed size in the central directory entry of that member.
    entry = raw.find(b"PK\x01\x02")
    while entry != -1:
        name_len = int.from_bytes(raw[entry + 28 : entry + 30], "little")
        if raw[entry + 46 : entry + 46 + name_len].decode() == name:
            raw[entry + 24 : entry + 28] = (info.file_size - 10).to_bytes(4, "little")
            break
        entry = raw.find(b"PK\x01\x02", entry + 4)
    assert entry != -1
    crafted.write_bytes(bytes(raw))
    before = office_dump(office_db)
    [result] = run_import(office_db, crafted)
    assert result.status == "refused" and result.member == name
    assert result.reason in ("size_mismatch", "corrupt_member")
    assert office_dump(office_db) == before


def test_refused_a_record_whose_signature_fails(world, office_db, tmp_path):
    name = first_record(world)
    with zipfile.ZipFile(world["bundle"]) as zf:
        wrapper = json.loads(zf.read(name))
    wrapper["canonical"] = wrapper["canonical"].replace('"15010"', '"15000"')
    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "b.zip",
        replace={name: json.dumps(wrapper).encode()},
        update_manifest=True,
        resign=world["key"],
    )
    assert_refused(office_db, crafted, name, "record_signature_bad")


def test_refused_a_member_name_twice(world, office_db, tmp_path):
    crafted = tmp_path / "b.zip"
    shutil.copy(world["bundle"], crafted)
    with zipfile.ZipFile(crafted, "a") as zf, pytest.warns(UserWarning):
        zf.writestr(first_record(world), b"{}")
    assert_refused(office_db, crafted, first_record(world), "duplicate_member")


def test_a_forged_record_with_its_certificate_inserted_into_the_database_is_refused(
    world, office_db, tmp_path
):
    """The attacker's own laptop makes a perfectly signed bundle; its certificate is then inserted
    straight into the office's tables. The root never issued it: still refused."""
    from inspector_app.pki import certs

    with fleet.laptop(tmp_path / "attacker.sqlite", name="王检查") as bad:
        fleet.finalise(bad)
        bundle = fleet.export(bad, tmp_path / "usb").path
        pem = bad.records.identities()[0]["cert_pem"]
    cert = certs.load(pem)
    forged = [certs.cert_sha256(cert), certs.key_sha256(cert.public_key()), pem]
    if is_url(office_db):
        pg_execute(
            str(office_db),
            "INSERT INTO office_certificates VALUES "
            "(%s, %s, %s, 'inspector', '', '王检查', '2099-01-01', '2026-01-01')",
            forged,
        )
        assert_refused(office_db, bundle, "manifest.sig", "signer_unknown")
        return
    conn = sqlite3.connect(office_db)
    conn.execute(
        "INSERT INTO office_certificates VALUES "
        "(?, ?, ?, 'inspector', '', '王检查', '2099-01-01', '2026-01-01')",
        forged,
    )
    conn.execute(
        "INSERT INTO trusted_certs VALUES (?, ?, '王检查', ?, 'office', '2026-01-01')",
        [certs.cert_sha256(cert), certs.cert_sha256(cert)[:16], pem],
    )
    conn.commit()
    conn.close()
    assert_refused(office_db, bundle, "manifest.sig", "signer_unknown")


def test_not_a_zip_is_unreadable_and_cli_exit_codes(world, office_db, tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not a zip")
    [result] = run_import(office_db, junk)
    assert (result.status, result.reason) == ("unreadable", "not_a_zip")
    ok = cli("office", "import", "--db", str(office_db), str(world["bundle"]), "--json")
    assert ok.returncode == 0, ok.stderr
    out = json.loads(ok.stdout)
    assert (out["imported"], out["duplicates"], out["conflicts"], out["refused"]) == (5, 0, 0, [])
    crafted = fleet.rezip(world["bundle"], tmp_path / "b.zip", add={"../x": b"x"})
    refused = cli("office", "import", "--db", str(office_db), str(crafted), "--json")
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["refused"] == [
        {"bundle": str(crafted), "member": "../x", "reason": "path_traversal"}
    ]
    text = cli("office", "import", "--db", str(office_db), str(crafted))
    assert "../x" in text.stdout and "“..”" in text.stdout and "Traceback" not in text.stderr
    assert cli("office", "import", "--db", str(office_db), str(junk)).returncode == 2
    checked = cli("verify", "--db", str(office_db), str(world["bundle"]), "--lang", "en")
    assert checked.returncode == 0
    assert checked.stdout.count("valid: 王检查") == 5 and "signature valid" in checked.stdout


def test_verify_reports_each_record_of_a_bundle(world, office_db, tmp_path):
    name = first_record(world)
    with zipfile.ZipFile(world["bundle"]) as zf:
        wrapper = json.loads(zf.read(name))
    wrapper["canonical"] = wrapper["canonical"].replace('"15010"', '"15000"')
    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "b.zip",
        replace={name: json.dumps(wrapper).encode()},
        update_manifest=True,
        resign=world["key"],
    )
    with open_services(office_db) as o:
        checked = o.sync.verify_bundle(crafted)
    statuses = {c.id: (c.status, c.reason) for c in checked.checks}
    assert statuses.pop(world["ids"][0]) == ("altered", "record_signature_broken")
    assert set(statuses.values()) == {("valid", "")}


def test_import_memory_stays_flat_in_the_bundle_size(world, tmp_path):
    """30 records with 1 MiB PDFs each: the import holds one member at a time, not the bundle."""
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        from inspector_app.demo import bulk_signed

        bulk_signed(lap, fleet.finalise(lap), 30, fleet.LAPTOP_PASS, pdf_size=1024 * 1024)
        bundle = fleet.export(lap, tmp_path / "usb").path
        assert bundle.stat().st_size > 30 * 1024 * 1024
        tracemalloc.start()
        [result] = o.office.import_bundles([bundle])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert result.imported == 31
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_kill_during_import_leaves_the_office_database_as_before(tmp_path):
    """A real process importing 3,000 records is killed (SIGKILL) while it writes: the office
    database opens afterwards exactly as it was (SQLite rolls the transaction back).

    The writing takes ~0.4 s on an idle machine; on a loaded one the test may read "writing" late
    and the import commit before the kill. Every try must then leave all or nothing, and one of
    them must be killed inside the transaction (the database exactly as before)."""
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        fleet.bulk(lap, 3000)
        bundle = fleet.export(lap, tmp_path / "usb").path
    pristine = tmp_path / "pristine.sqlite"
    with sqlite3.connect(tmp_path / "office.sqlite") as src, sqlite3.connect(pristine) as dst:
        src.backup(dst)
    before = office_dump(pristine)
    killed_inside = False
    for attempt in range(5):
        office_db = tmp_path / f"office-{attempt}.sqlite"
        shutil.copy(pristine, office_db)
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.entry", "office", "import", "--db", str(office_db), str(bundle)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        for line in proc.stderr:  # the CLI says when it starts writing
            if "writing" in line:
                break
        time.sleep(0.2 / (attempt + 1))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if office_dump(office_db) == before:
            killed_inside = True
            break
        with open_services(office_db) as o:  # committed before the kill: then all of it
            assert o.office.store.record_count() == 3001
    assert killed_inside, "every import committed before its kill"
    with open_services(office_db) as o:
        [result] = o.office.import_bundles([bundle])  # and the same bundle imports cleanly after
        assert result.imported == 3001


def test_an_import_meeting_another_writer_waits_then_is_refused_whole_with_a_reason(
    world, tmp_path, monkeypatch
):
    """On SQLite the import holds the office's write lock from its first check to its commit. An
    import meeting another writer (here a connection mid-transaction, as another clerk's import
    would be) waits for the lock as long as the busy timeout, then is refused whole, the reason
    in Chinese and English — never a traceback, nothing of its bundle stored — and imports
    cleanly once the lock is free."""
    from inspector_app.sync.refusals import describe

    office_db = tmp_path / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", office_db)
    before = office_dump(office_db)
    monkeypatch.setattr("inspector_app.sync.importer.WRITER_PATIENCE_S", 0.7)
    with open_services(office_db, busy_timeout_ms=300) as o:
        holder = sqlite3.connect(office_db)
        holder.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            [result] = o.office.import_bundles([world["bundle"]])
            waited = time.monotonic() - started
        finally:
            holder.rollback()
            holder.close()
        assert (result.status, result.reason) == ("refused", "office_busy")
        assert waited >= 0.7, "refused before its patience ran out"
        assert "未写入任何内容" in describe(result.reason, result.params, "zh")
        assert "nothing of this bundle was written" in describe(result.reason, result.params, "en")
        assert office_dump(office_db) == before
        [again] = o.office.import_bundles([world["bundle"]])
    assert (again.status, again.imported) == ("accepted", 5)


def test_an_import_waits_past_the_busy_timeout_for_a_writer_that_finishes_and_cancel_ends_the_wait(
    world, tmp_path
):
    """Another clerk's import of a large bundle holds the lock longer than the busy timeout: the
    next import says it is waiting, then lands whole once the lock is free; Cancel while it waits
    ends it with nothing written."""
    office_db = tmp_path / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", office_db)
    before = office_dump(office_db)
    with open_services(office_db, busy_timeout_ms=200) as o:
        holder = sqlite3.connect(office_db, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        stop = threading.Event()
        phases: list[str] = []
        [cancelled] = o.office.import_bundles(
            [world["bundle"]],
            progress=lambda phase, done, total: (phases.append(phase), stop.set()),
            cancelled=stop.is_set,
        )
        assert (cancelled.status, cancelled.reason) == ("refused", "cancelled")
        assert phases[:1] == ["wait"] and office_dump(office_db) == before
        threading.Timer(1.0, holder.rollback).start()  # the other import ends after 5 busy timeouts
        phases.clear()
        started = time.monotonic()
        [result] = o.office.import_bundles(
            [world["bundle"]], progress=lambda phase, done, total: phases.append(phase)
        )
        assert time.monotonic() - started >= 0.9
        holder.close()
    assert (result.status, result.imported) == ("accepted", 5), result
    assert "wait" in phases and phases[-1] != "wait"


def test_two_clerks_importing_into_one_office_at_once_both_land_whole(tmp_path):
    """Two `office import` processes started together on one SQLite office, each with its own
    laptop's bundle: the second waits for the first's commit, and both are stored whole."""
    with fleet.office(tmp_path / "office.sqlite") as o:
        bundles = []
        for n, (name, id_number) in enumerate([("王检查", "渝执 50000001"), ("李检查", "渝执 50000002")]):
            with fleet.laptop(tmp_path / f"laptop-{n}.sqlite", name=name, id_number=id_number) as lap:
                fleet.enrol(o, lap)
                fleet.bulk(lap, 400, seed=n + 1)
                bundles.append(fleet.export(lap, tmp_path / f"usb-{n}").path)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ui.entry",
                "office",
                "import",
                "--db",
                str(tmp_path / "office.sqlite"),
                str(bundle),
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for bundle in bundles
    ]
    outcomes = [(proc.communicate(timeout=300), proc.returncode) for proc in procs]
    for (out, err), code in outcomes:
        assert code == 0, err
        assert "Traceback" not in err
        assert json.loads(out)["imported"] == 401
    with open_services(tmp_path / "office.sqlite") as o:
        assert o.office.store.record_count() == 802
        assert len(o.office.store.bundles()) == 2
    conn = sqlite3.connect(tmp_path / "office.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


# -- enrolment requests travel with the bundle, and only with an accepted one ----------------------
def _with_a_new_request(world, tmp_path, **fault) -> tuple[Path, str]:
    """The world's bundle carrying a request the office has not seen (a colleague's key), signed
    again; ``fault`` adds one defect through fleet.rezip. Returns (bundle, the request's key hash)."""
    from inspector_app.pki import certs

    with fleet.laptop(tmp_path / "colleague.sqlite", name="李检查", id_number="渝执 50000002") as other:
        pem = other.keys.request(fleet.LAPTOP_PASS).encode("ascii")
    key_sha = certs.read_request(pem).key_sha256
    name = f"requests/{key_sha}.csr"
    edit = fault.pop("edit_manifest", None)

    def listed(m):
        m["members"][name] = {"sha256": hashlib.sha256(pem).hexdigest(), "size": len(pem)}
        if edit is not None:
            edit(m)

    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "with-request.zip",
        add={name: pem},
        edit_manifest=listed,
        resign=world["key"],
        **fault,
    )
    return crafted, key_sha


def _stored_requests(office_db: Path) -> set[str]:
    with open_services(office_db) as o:
        return {r["key_sha256"] for r in o.office.requests()}


def test_a_request_in_an_accepted_bundle_is_stored(world, office_db, tmp_path):
    crafted, key_sha = _with_a_new_request(world, tmp_path)
    [result] = run_import(office_db, crafted)
    assert (result.status, result.requests) == ("accepted", 2)
    assert key_sha in _stored_requests(office_db)


def test_a_request_in_a_bundle_refused_while_verifying_is_not_stored(world, office_db, tmp_path):
    name = first_record(world)
    with zipfile.ZipFile(world["bundle"]) as zf:
        wrapper = json.loads(zf.read(name))
    wrapper["canonical"] = wrapper["canonical"].replace('"15010"', '"15000"')  # signature now fails
    crafted, key_sha = _with_a_new_request(
        world, tmp_path, replace={name: json.dumps(wrapper).encode()}, update_manifest=True
    )
    assert_refused(office_db, crafted, name, "record_signature_bad")
    assert key_sha not in _stored_requests(office_db)


def test_a_request_in_a_bundle_refused_while_writing_is_not_stored(world, office_db, tmp_path):
    """A PDF is hashed as it is stored (the last check): its fault rolls the requests back too."""
    name = f"records/{world['ids'][-1]}.pdf"
    with zipfile.ZipFile(world["bundle"]) as zf:
        data = bytearray(zf.read(name))
    data[-10] ^= 0xFF  # same size, other content
    crafted, key_sha = _with_a_new_request(world, tmp_path, replace={name: bytes(data)})
    assert_refused(office_db, crafted, name, "hash_mismatch")
    assert key_sha not in _stored_requests(office_db)


# -- export: a cancel leaves nothing behind -----------------------------------------------------------
def test_a_cancelled_export_leaves_no_bundle_and_marks_nothing_exported(laptop_db, tmp_path):
    from inspector_app.sync.bundle import Cancelled

    folder = tmp_path / "usb"
    folder.mkdir()
    with open_services(laptop_db) as lap:
        before = lap.sync.status()
        asked = []

        def cancelled() -> bool:  # the user presses Cancel after the third record
            asked.append(1)
            return len(asked) > 3

        with pytest.raises(Cancelled):
            lap.sync.export(folder, fleet.LAPTOP_PASS, cancelled=cancelled)
        assert len(asked) == 4  # it was cancelled half-way, not before it began
        assert list(folder.iterdir()) == []  # no bundle, no partial file
        assert lap.sync.status() == before  # no export recorded, the sequence number not used
        done = lap.sync.export(folder, fleet.LAPTOP_PASS)
    assert (done.seq, done.records) == (before["last_seq"] + 1, 5)
    assert [p.name for p in folder.iterdir()] == [done.path.name]


def test_refused_a_bundle_declaring_more_than_2_gb(world, office_db, tmp_path):
    """spec/office.md: a bundle ≤ 2 GB, judged from the zip's directory before anything is read:
    45 members each declaring 48 MiB (each under the member cap, none a bomb) add up to 2,160 MiB."""
    crafted = tmp_path / "big.zip"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_STORED) as zf:
        for i in range(45):
            zf.writestr(f"attachments/{i:064x}", b"x")
    raw = bytearray(crafted.read_bytes())
    declared = (48 * 1024 * 1024).to_bytes(4, "little")
    entry = raw.find(b"PK\x01\x02")
    while entry != -1:  # each central directory entry: compressed and uncompressed sizes
        raw[entry + 20 : entry + 24] = declared
        raw[entry + 24 : entry + 28] = declared
        entry = raw.find(b"PK\x01\x02", entry + 4)
    crafted.write_bytes(bytes(raw))
    result = assert_refused(office_db, crafted, "", "too_large")
    assert result.params["max"] == "2048 MiB"


# -- the other refusals of a bundle, one crafted bundle each ----------------------------------------
def _names(bundle: Path) -> list[str]:
    with zipfile.ZipFile(bundle) as zf:
        return zf.namelist()


def _records_in_order(bundle: Path) -> list[str]:
    return [n for n in _names(bundle) if n.startswith("records/") and n.endswith(".json")]


def _patch_directory(bundle: Path, target: Path, name: str, patch) -> Path:
    """A copy of ``bundle`` whose central-directory entry for ``name`` is changed by ``patch``
    (bytearray, offset of the entry)."""
    raw = bytearray(bundle.read_bytes())
    entry = raw.find(b"PK\x01\x02")
    while entry != -1:
        name_len = int.from_bytes(raw[entry + 28 : entry + 30], "little")
        if raw[entry + 46 : entry + 46 + name_len].decode() == name:
            patch(raw, entry)
            target.write_bytes(bytes(raw))
            return target
        entry = raw.find(b"PK\x01\x02", entry + 4)
    raise AssertionError(name)


def test_refused_a_package_given_as_a_bundle(world, office_db, tmp_path):
    with open_services(office_db) as o:
        run_import(office_db, world["bundle"])
        device = o.office.devices()[0]["device_id"]
        made = fleet.package(o, device, tmp_path / "packages")
    before = office_dump(office_db)
    [result] = run_import(office_db, made)
    # Not the kind of file asked for: unreadable as a bundle (exit 2), nothing stored.
    assert (result.status, result.member, result.reason) == ("unreadable", "", "wrong_kind")
    assert office_dump(office_db) == before


def test_refused_an_unsupported_format(world, office_db, tmp_path):
    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "b.zip",
        edit_manifest=lambda m: m.update(format="inspector-app-bundle/9"),
        resign=world["key"],
    )
    assert_refused(office_db, crafted, "manifest.json", "unsupported_format")


def test_refused_a_manifest_without_a_valid_header(world, office_db, tmp_path):
    crafted = fleet.rezip(
        world["bundle"], tmp_path / "b.zip", edit_manifest=lambda m: m.update(seq=0), resign=world["key"]
    )
    assert_refused(office_db, crafted, "manifest.json", "manifest_invalid")


def test_refused_an_encrypted_member(world, office_db, tmp_path):
    name = first_record(world)

    def encrypted(raw, at):
        raw[at + 8] |= 0x1

    crafted = _patch_directory(world["bundle"], tmp_path / "b.zip", name, encrypted)
    assert_refused(office_db, crafted, name, "encrypted_member")


def test_refused_an_unsupported_compression(world, office_db, tmp_path):
    name = first_record(world)

    def bzip2(raw, at):
        raw[at + 10 : at + 12] = (12).to_bytes(2, "little")

    crafted = _patch_directory(world["bundle"], tmp_path / "b.zip", name, bzip2)
    assert_refused(office_db, crafted, name, "unsupported_compression")


def test_refused_a_record_that_is_not_a_record(world, office_db, tmp_path):
    name = _records_in_order(world["bundle"])[0]
    junk = json.dumps({"canonical": "[1, 2]", "signature": {}}).encode()
    crafted = fleet.rezip(
        world["bundle"], tmp_path / "b.zip", replace={name: junk}, update_manifest=True, resign=world["key"]
    )
    assert_refused(office_db, crafted, name, "record_invalid")


def test_refused_a_record_under_another_records_name(world, office_db, tmp_path):
    first, second = _records_in_order(world["bundle"])[:2]
    with zipfile.ZipFile(world["bundle"]) as zf:
        data = zf.read(first)
    crafted = fleet.rezip(
        world["bundle"], tmp_path / "b.zip", replace={second: data}, update_manifest=True, resign=world["key"]
    )
    assert_refused(office_db, crafted, second, "record_id_mismatch")


def test_refused_a_record_of_another_device(world, office_db, tmp_path):
    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "b.zip",
        edit_manifest=lambda m: m.update(device_id="00000000-0000-4000-8000-000000000000"),
        resign=world["key"],
    )
    assert_refused(office_db, crafted, _records_in_order(world["bundle"])[0], "record_device_mismatch")


def test_refused_a_certificate_that_is_not_the_one_named(world, office_db, tmp_path):
    [name] = [n for n in _names(world["bundle"]) if n.startswith("certificates/")]
    with fleet.laptop(tmp_path / "other.sqlite", name="李检查") as other:
        pem = other.records.identities()[0]["cert_pem"].encode()
    crafted = fleet.rezip(
        world["bundle"], tmp_path / "b.zip", replace={name: pem}, update_manifest=True, resign=world["key"]
    )
    assert_refused(office_db, crafted, name, "certificate_invalid")


def test_refused_an_enrolment_request_that_is_not_one(world, office_db, tmp_path):
    [name] = [n for n in _names(world["bundle"]) if n.startswith("requests/")]
    crafted = fleet.rezip(
        world["bundle"],
        tmp_path / "b.zip",
        replace={name: b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"},
        update_manifest=True,
        resign=world["key"],
    )
    assert_refused(office_db, crafted, name, "request_invalid")


def test_a_cancelled_import_stores_nothing(world, office_db):
    before = office_dump(office_db)
    with open_services(office_db) as o:
        [result] = o.office.import_bundles([world["bundle"]], cancelled=lambda: True)
    assert (result.status, result.reason) == ("refused", "cancelled")
    assert office_dump(office_db) == before


def test_a_record_signed_after_its_signers_revocation_is_refused_one_before_is_not(
    world, office_db, tmp_path
):
    """A colleague's laptop brings records signed by an inspector whose certificate was revoked
    (the bundle itself signed by the colleague, still trusted). Revocation applies from its time:
    a record signed before it is valid, one signed after it refuses the bundle."""
    from inspector_app.pki import certs
    from inspector_app.signing import record as record_sig

    with fleet.laptop(tmp_path / "colleague.sqlite", name="李检查", id_number="渝执 50000002") as other:
        with open_services(office_db) as o:
            fleet.enrol(o, other)
            [revoked] = [c for c in o.office.certificates() if "王检查" in c["subject"]]
            o.office.revoke(revoked["cert_sha256"], reason="离职", root=o.office.unlock(fleet.OFFICE_PASS))
            [revoked_at] = [
                c["revoked_at"] for c in o.office.certificates() if c["cert_sha256"] == revoked["cert_sha256"]
            ]
        fleet.finalise(other)
        colleague = fleet.export(other, tmp_path / "usb").path
        key_b = fleet.signing_key(other)
        device_b = other.device_id
    key_a, _ = world["key"]
    name = first_record(world)
    with zipfile.ZipFile(world["bundle"]) as zf:
        wrapper = json.loads(zf.read(name))
        [cert_name] = [n for n in zf.namelist() if n.startswith("certificates/")]
        cert_member = zf.read(cert_name)

    def bundle_with(finalised_at: str, target: Path) -> tuple[Path, str]:
        record = json.loads(wrapper["canonical"])
        record.update(device_id=device_b, finalised_at=finalised_at)
        canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        signature = {
            **wrapper["signature"],
            "value": record_sig.b64(record_sig.sign(key_a, canonical.encode())),
        }
        member = json.dumps({"canonical": canonical, "signature": signature}).encode()
        added = {name: member, cert_name: cert_member}

        def listed(m):
            for n, data in added.items():
                m["members"][n] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

        return fleet.rezip(colleague, target, add=added, edit_manifest=listed, resign=key_b), name

    assert certs.cert_sha256(certs.load(cert_member.decode())) == wrapper["signature"]["cert_sha256"]
    before_revocation = "2026-01-05T09:00:00+00:00"
    assert before_revocation < revoked_at
    early, _ = bundle_with(before_revocation, tmp_path / "early.zip")
    late, member = bundle_with("2099-01-05T09:00:00+00:00", tmp_path / "late.zip")
    assert_refused(office_db, late, member, "record_signer_revoked")
    [accepted] = run_import(office_db, early)
    assert (accepted.status, accepted.imported) == ("accepted", 2), accepted


def test_refused_the_bundle_of_an_inspector_whose_certificate_expired(tmp_path):
    """Enrolled three years ago (certificates last two): the laptop's bundle is refused, naming the
    manifest's signature."""
    long_ago = "2023-06-01T08:00:00+00:00"
    with (
        fleet.office(tmp_path / "office.sqlite", clock=lambda: long_ago) as o,
        fleet.laptop(tmp_path / "laptop.sqlite") as lap,
    ):
        issued = fleet.enrol(o, lap)
        assert issued.not_after < "2026"
        fleet.finalise(lap)
        bundle = fleet.export(lap, tmp_path / "usb").path
    assert_refused(tmp_path / "office.sqlite", bundle, "manifest.sig", "signer_expired")


def test_an_imported_records_columns_and_failed_items_are_read_from_what_was_signed(tmp_path):
    """The office's columns of each record (verdict, failed items, site, form, dates) and its
    failed-item rows (the statistics' table) come from the signed canonical record; a correction
    arriving in a later bundle makes the original and its failed items history."""
    failing = {**fleet.SCALE, "weighings": [{"load": "15000", "indication": "15200", "added": "0.5"}]}
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        passing = fleet.finalise(lap, serial="SC-P")
        instrument = lap.registry.create(
            "instruments", {"site_id": fleet.site(lap), "kind": "scale", "serial": "SC-F"}
        )
        failed = lap.inspections.start(
            form_id="scale", site_id=fleet.site(lap), instrument_id=instrument, readings=flatten(failing)
        )
        lap.inspections.finalise(
            failed, sealer=lap.records.sealer(fleet.LAPTOP_PASS), measures=["stop_use", "notice_issued"]
        )
        first = fleet.export(lap, tmp_path / "usb1")
        [result] = o.office.import_bundles([first.path])
        assert (result.status, result.imported) == ("accepted", 2)
        correction = lap.inspections.correct(failed, reason="读数抄错")
        lap.inspections.finalise(correction, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        second = fleet.export(lap, tmp_path / "usb2")
    [again] = run_import(tmp_path / "office.sqlite", second.path)
    assert (again.status, again.imported) == ("accepted", 1)
    conn = sqlite3.connect(tmp_path / "office.sqlite")
    stored = {
        r[0]: r[1:]
        for r in conn.execute(
            "SELECT id, verdict, failed, site_code, district, form_id, inspected_on, superseded_by, "
            "canonical FROM office_records"
        )
    }
    items = conn.execute(
        "SELECT record_id, item, form_id, district, superseded FROM office_record_items ORDER BY 1, 2"
    ).fetchall()
    measures = conn.execute(
        "SELECT record_id, measure, superseded FROM office_record_measures ORDER BY 1, 2"
    ).fetchall()
    conn.close()
    assert set(stored) == {passing, failed, correction}
    expected_items, expected_measures = [], []
    for rid, (verdict, failed_json, code, district, form_id, day, superseded_by, canonical) in stored.items():
        record = json.loads(canonical)
        assert verdict == record["evaluation"]["verdict"]
        assert json.loads(failed_json) == record["evaluation"]["failed"]
        assert (code, district, form_id) == (record["site"]["credit_code"], "渝中区", "scale")
        assert day == importer.local_date(record["started_at"])
        assert superseded_by == (correction if rid == failed else None)
        expected_items += [
            (rid, item, "scale", "渝中区", int(rid == failed)) for item in record["evaluation"]["failed"]
        ]
        expected_measures += [(rid, m, int(rid == failed)) for m in record["measures"]]
    assert stored[failed][0] == "fail" and json.loads(stored[failed][1])  # a failing record, items listed
    assert items == sorted(expected_items)
    assert measures == sorted(expected_measures) and (failed, "stop_use", 1) in measures

"""The office store on PostgreSQL (issue 15): numbered migrations, the year partitions and the
global record key, clerks importing at once (no waiting on each other, no record stored twice),
`office migrate` and `office consolidate` (twice: nothing changes), refusals in words.

The bundle-import tests of tests/core/test_sync_import.py run against both stores too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import psycopg
import pytest

from db.office.postgres import PostgresOfficeStore
from inspector_app.services import open_services
from tests.core import fleet
from tests.db.office_engines import pg_dump

RECORD = {
    "record_no": "N",
    "device_id": "d1",
    "form_id": "scale",
    "form_version": "1",
    "form_sha256": "",
    "verdict": "fail",
    "failed": '["weighing"]',
    "site_code": "S",
    "site_name": "解放碑农贸市场",
    "district": "渝中区",
    "inspector": "王检查",
    "signer_sha256": "",
    "supersedes": None,
    "canonical": "{}",
    "signature": "{}",
    "bundle_sha256": "b",
    "imported_at": "2025-03-05T00:00:00Z",
    "imported_on": "2025-03-05",
    "task_id": None,
    "measures": '["stop_use"]',
    "items": ["weighing"],
}


def record(rid: str, fingerprint: str = "a", day: str = "2025-03-04", **extra) -> dict:
    stamp = f"{day}T01:00:00Z"
    return {**RECORD, "id": rid, "fingerprint": fingerprint, "inspected_on": day, "started_at": stamp,
            "finalised_at": stamp, **extra}  # fmt: skip


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def store(pg_url):
    s = PostgresOfficeStore(pg_url)
    yield s
    s.close()


# -- migrations -----------------------------------------------------------------------------------
def test_office_migrate_applies_the_numbered_migrations_once(pg_url):
    first = cli("office", "migrate", "--db", pg_url, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {
        "applied": [
            "0001_office",
            "0002_paper",
            "0003_statistics_summary",
            "0004_import_indexes",
            "0005_statistics_edges",
            "0006_lighter_record_indexes",
            "0007_lz4_signed_records",
        ],
        "migrations": [
            "0001_office",
            "0002_paper",
            "0003_statistics_summary",
            "0004_import_indexes",
            "0005_statistics_edges",
            "0006_lighter_record_indexes",
            "0007_lz4_signed_records",
        ],
        "collation": "C",  # the test server's (initdb --no-locale): byte order, as SQLite sorts
        "warnings": [],
    }
    again = cli("office", "migrate", "--db", pg_url, "--json")
    assert json.loads(again.stdout)["applied"] == []
    with psycopg.connect(pg_url) as conn:
        [(applied,)] = conn.execute("SELECT count(*) FROM office_migrations").fetchall()
        partitions = {
            r[0]
            for r in conn.execute(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "WHERE i.inhparent = 'office_records'::regclass"
            )
        }
    assert applied == 7
    assert {
        "office_records_2015",
        "office_records_2026",
        "office_records_2045",
        "office_records_other",
    } <= partitions


def test_office_migrate_warns_when_the_database_does_not_sort_byte_by_byte(pg_cluster):
    """docs/postgresql.md creates the office database with --locale C: another collation sorts
    lists otherwise than a SQLite office and slows every index on text. `office migrate` still
    applies everything, and says so in both languages (and in --json)."""
    name = f"t_collation_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_cluster.admin_url(), autocommit=True) as conn:
        try:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'")
        except psycopg.Error as exc:
            pytest.skip(f"this system has no C.utf8 locale for PostgreSQL: {exc}")
    url = f"postgresql://{pg_cluster.role}@/{name}?host={pg_cluster.socket}"
    try:
        done = cli("office", "migrate", "--db", url, "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert (report["collation"], report["warnings"]) == ("C.utf8", ["collation_not_c"])
        assert len(report["applied"]) == len(report["migrations"])
        assert "排序规则是 C.utf8" in done.stderr and "--locale C" in done.stderr
        again = cli("office", "migrate", "--db", url)
        assert again.returncode == 0 and "not C" in again.stderr and "Traceback" not in again.stderr
    finally:
        pg_cluster.drop(url)


def test_office_migrate_refuses_a_sqlite_file_and_names_an_unreachable_server(tmp_path):
    refused = cli("office", "migrate", "--db", str(tmp_path / "office.sqlite"))
    assert refused.returncode == 2
    assert "PostgreSQL" in refused.stderr and "postgresql://" in refused.stderr
    assert not (tmp_path / "office.sqlite").exists()
    gone = cli("office", "migrate", "--db", f"postgresql://clerk:secret@/nowhere?host={tmp_path}")
    assert gone.returncode == 2
    assert "无法连接数据库服务器" in gone.stderr and "cannot reach the database server" in gone.stderr
    assert "secret" not in gone.stderr and "Traceback" not in gone.stderr


def test_a_laptop_command_refuses_a_postgresql_database(pg_url):
    done = cli("list", "--db", pg_url, "--json")
    assert done.returncode == 2
    assert "office" in done.stderr and "Traceback" not in done.stderr


def test_signed_records_are_compressed_with_lz4_in_every_partition(store):
    """Migration 0007: the canonical text, the one value an import compresses, is LZ4 in every
    year's partition and in the conflicts (pglz cost the server half a bare COPY's CPU), and a
    record long enough to be compressed reads back byte for byte."""
    lz4 = store._conn.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ).fetchone()[0]
    if not lz4:
        pytest.skip("this PostgreSQL was built without LZ4: migration 0007 keeps pglz")
    methods = dict(
        store._conn.execute(
            "SELECT c.relname, a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE a.attname = 'canonical' "
            "AND (c.relname LIKE 'office_records%' OR c.relname = 'office_conflicts')"
        ).fetchall()
    )
    expected = {"office_records", "office_records_2025", "office_records_other", "office_conflicts"}
    assert expected <= set(methods)
    assert set(methods.values()) == {"l"}, methods
    text = json.dumps({"id": "big", "readings": [{"检定点": n, "示值": f"{n}.00"} for n in range(400)]})
    assert store.add_records([record("big", canonical=text)]) == 1
    stored, method = store._conn.execute(
        "SELECT canonical, pg_column_compression(canonical) FROM office_records WHERE id = 'big'"
    ).fetchone()
    assert (stored, method) == (text, "lz4")


# -- partitions and keys --------------------------------------------------------------------------
def test_records_land_in_their_year_and_an_id_is_unique_across_years(store):
    assert store.add_records([record("r1", day="2025-03-04"), record("r2", day="2019-12-31")]) == 2
    where = dict(store._conn.execute("SELECT id, tableoid::regclass::text FROM office_records").fetchall())
    assert where == {"r1": "office_records_2025", "r2": "office_records_2019"}
    # The same id dated another year (other content): not a second row in another partition, a conflict.
    assert store.add_records([record("r1", fingerprint="b", day="2024-06-01")]) == 0
    assert store.record_count() == 2
    assert store.record("r1")["fingerprint"] == "a"
    assert [(c["id"], c["fingerprint"], c["reason"]) for c in store.conflicts()] == [
        ("r1", "b", "different_content")
    ]
    # The same again: nothing new anywhere.
    assert store.add_records([record("r1", fingerprint="b", day="2024-06-01"), record("r2")]) == 0
    assert len(store.conflicts()) == 1


def test_a_bundle_with_one_stored_record_is_undone_and_taken_record_by_record(store):
    """The straight COPY of a bundle meets a stored id after other records went in: all of it is
    undone (records, side tables, statistics) and the bundle goes the staging way — the new
    records stored once, the duplicate skipped, the changed copy a conflict."""
    assert store.add_records([record("kept"), record("changed")]) == 2
    bundle = [record("n1"), record("kept"), record("n2"), record("changed", fingerprint="z"), record("n3")]
    assert store.add_records(bundle) == 3
    rows = store._conn.execute("SELECT id, count(*) FROM office_records GROUP BY id ORDER BY id").fetchall()
    assert rows == [("changed", 1), ("kept", 1), ("n1", 1), ("n2", 1), ("n3", 1)]
    items = store._conn.execute("SELECT count(*) FROM office_record_items").fetchone()
    assert items == (5,)  # one failed item each, none twice
    assert [(c["id"], c["fingerprint"]) for c in store.conflicts()] == [("changed", "z")]
    assert store.statistics({}) == store.statistics_from_records({})
    assert store.statistics({})["form"] == [("scale", "fail", 5)]


def test_a_value_that_is_not_text_is_stored_as_text_through_the_staging_path(store):
    """The bundle's COPY is binary (text columns take text only): a number an older writer left in
    a text column makes that COPY refuse, and the bundle is stored whole by the staging path's
    text COPY, as before — the number written as text, nothing half-stored."""
    assert store.add_records([record("t1"), record("t2", form_version=2, record_no=7)]) == 2
    rows = store._conn.execute("SELECT id, form_version, record_no FROM office_records ORDER BY id")
    assert rows.fetchall() == [("t1", "1", "N"), ("t2", "2", "7")]
    assert store.record_count() == 2
    assert store.statistics({}) == store.statistics_from_records({})
    assert store.statistics({})["form"] == [("scale", "fail", 2)]


def test_an_imports_statistics_deltas_are_written_once_at_commit_and_undone_with_its_records(store):
    """The importer adds a bundle's records a batch at a time in one transaction: their deltas
    are summed and written when it commits (one row per summary cell, not one per batch), and a
    transaction or savepoint undone takes its deltas with its records."""
    store.fold_at = 10**9  # never folded: the deltas stay to be counted
    with store.transaction():
        store.add_records([record("a1")])
        store.add_records([record("a2")])
        assert store._count("office_stats_delta") == 0  # held until the commit
    rows = store._conn.execute("SELECT kind, n FROM office_stats_delta ORDER BY kind").fetchall()
    assert rows == [("item", 2), ("lag", 2), ("measure", 2), ("verdict", 2)]
    with pytest.raises(RuntimeError), store.transaction():
        store.add_records([record("a3")])
        raise RuntimeError
    with store.transaction():
        store.add_records([record("a4")])
        with pytest.raises(RuntimeError), store.transaction():
            store.add_records([record("a5")])
            raise RuntimeError
    assert store.record_count() == 3
    assert store.statistics({}) == store.statistics_from_records({})
    assert store.statistics({})["form"] == [("scale", "fail", 3)]


def test_received_records_are_frozen(store):
    store.add_records([record("r1")])
    with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="frozen"):
        store._conn.execute("UPDATE office_records SET canonical = '{\"forged\": 1}' WHERE id = 'r1'")
    with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="frozen"):
        store._conn.execute("DELETE FROM office_records WHERE id = 'r1'")
    store.set_review("r1", status="approved", reason="")  # the review columns are not signed
    assert store.record("r1")["review_status"] == "approved"


def test_a_correction_supersedes_whichever_arrives_first(store):
    store.add_records([record("fix", supersedes="orig", day="2025-03-05")])  # the correction first
    store.add_records([record("orig")])
    assert store.record("orig")["superseded_by"] == "fix"
    assert store.superseding(["orig"]) == {"orig": "fix"}
    stats = store.statistics({})
    assert stats["form"] == [("scale", "fail", 1)]  # the original is history, not a second check
    assert stats["item"] == [("scale", "weighing", 1)]


def test_the_audit_log_is_a_chain(store):
    from db.audit import GENESIS, entry_hash

    for n in range(3):
        store.audit(at=f"t{n}", device_id="d", actor="a", action="x", entity="e", entity_id=str(n), detail={})
    entries = store.audit_entries()
    prev = GENESIS
    for e in entries:
        assert e["prev_hash"] == prev
        keys = ("at", "device_id", "actor", "action", "entity", "entity_id", "detail")
        assert e["hash"] == entry_hash(prev, *(e[k] for k in keys))
        prev = e["hash"]
    with pytest.raises(psycopg.errors.IntegrityConstraintViolation):
        store._conn.execute("DELETE FROM office_audit")


# -- clerks at once --------------------------------------------------------------------------------
def test_clerks_importing_different_bundles_do_not_wait_for_each_other(pg_url):
    first, second = PostgresOfficeStore(pg_url), PostgresOfficeStore(pg_url)
    try:
        with first.transaction():
            assert first.add_records([record(f"a{n}") for n in range(200)]) == 200
            # Clerk A has not committed. Clerk B's bundle (other records, same day, same form, same
            # district) must go through now: a lock wait would hit the 2 s lock timeout and fail.
            second._conn.execute("SET lock_timeout = '2s'")
            with second.transaction():
                assert second.add_records([record(f"b{n}") for n in range(200)]) == 200
                second.audit(at="t", device_id="d", actor="B", action="import_bundle", entity="e",
                             entity_id="b", detail={})  # fmt: skip
            assert second.record_count() == 200  # B's are in; A's not yet visible
        assert second.record_count() == 400
    finally:
        first.close()
        second.close()


def test_the_same_record_from_two_clerks_at_once_is_stored_once(pg_url):
    first, second = PostgresOfficeStore(pg_url), PostgresOfficeStore(pg_url)
    results: dict[str, int] = {}
    try:
        with first.transaction():
            results["first"] = first.add_records([record("same"), record("other", fingerprint="x")])
            # B imports the same record (and a changed copy of another) while A's are uncommitted:
            # B waits for A's keys only, then skips the duplicate and queues the conflict.
            worker = threading.Thread(
                target=lambda: results.update(
                    second=second.add_records(
                        [record("same"), record("other", fingerprint="y"), record("b1")]
                    )
                )
            )
            worker.start()
            worker.join(1.0)
            assert worker.is_alive()  # waiting on A's uncommitted keys, not storing them twice
        worker.join(30)
        assert results == {"first": 2, "second": 1}
        assert first.record_count() == 3
        assert [(c["id"], c["fingerprint"]) for c in first.conflicts()] == [("other", "y")]
    finally:
        first.close()
        second.close()


@pytest.fixture(scope="module")
def four_laptops(tmp_path_factory):
    """An office with four enrolled laptops, each with its own bundle of signed records."""
    base = tmp_path_factory.mktemp("clerks")
    bundles = []
    with fleet.office(base / "office.sqlite") as o:
        for n in range(4):
            with fleet.laptop(
                base / f"laptop{n}.sqlite", name=f"检查员{n}", id_number=f"渝执 5000000{n}"
            ) as lap:
                fleet.enrol(o, lap)
                fleet.finalise(lap, serial=f"SC-{n}")
                fleet.bulk(lap, 9, seed=n + 1)  # ids of their own
                bundles.append(fleet.export(lap, base / f"usb{n}").path)
    return base / "office.sqlite", bundles


def test_four_clerks_import_at_once_through_the_app(four_laptops, pg_url, tmp_path):
    office_file, bundles = four_laptops
    source = tmp_path / "office.sqlite"
    shutil.copy(office_file, source)
    assert cli("office", "consolidate", "--from", str(source), "--db", pg_url).returncode == 0
    # Every clerk imports every bundle, each in a different order: 16 imports at once.
    results: list = []
    errors: list[BaseException] = []

    def clerk(order: list[Path]) -> None:
        try:
            with open_services(pg_url) as services:
                results.extend(services.office.import_bundles(order))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=(bundles[n:] + bundles[:n],)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors
    assert {r.status for r in results} == {"accepted"}
    # The plan of each import is read before the others commit, so clerks may all count a record
    # "imported": the unique keys decide, and each record is stored once.
    assert sum(r.imported for r in results) >= 40
    assert _stored(pg_url) == 40
    with open_services(pg_url) as services:
        assert services.office.store.conflicts() == []  # same content: duplicates, not conflicts
        assert {d["acknowledged_seq"] for d in services.office.devices()} == {1}


def _stored(url: str) -> int:
    with psycopg.connect(url) as conn:
        [(records, ids)] = conn.execute(
            "SELECT (SELECT count(*) FROM office_records), (SELECT count(DISTINCT id) FROM office_records)"
        ).fetchall()
    assert records == ids
    return int(records)


# -- consolidation --------------------------------------------------------------------------------
def test_consolidate_twice_changes_nothing_and_keeps_every_record(four_laptops, pg_url, tmp_path):
    office_file, bundles = four_laptops
    source = tmp_path / "office.sqlite"
    shutil.copy(office_file, source)
    with open_services(source) as district:
        district.office.import_bundles(bundles)
        district.office.store.set_review(_any_id(district), status="returned", reason="读数不清")
    first = cli("office", "consolidate", "--from", str(source), "--db", pg_url, "--json")
    assert first.returncode == 0, first.stderr
    done = json.loads(first.stdout)
    assert done["added"]["office_records"] == 40 and done["records"] == 40
    assert done["added"]["office"] == 1 and done["same_root"]
    before = pg_dump(pg_url)
    again = cli("office", "consolidate", "--from", str(source), "--db", pg_url, "--json")
    assert again.returncode == 0, again.stderr
    assert not any(json.loads(again.stdout)["added"].values())
    assert pg_dump(pg_url) == before
    with open_services(source) as district, open_services(pg_url) as city:
        for row in district.office.store.iter_records():
            held = city.office.store.record(row["id"])
            keys = ("fingerprint", "canonical", "signature", "review_status", "review_reason")
            assert {k: held[k] for k in keys} == {k: row[k] for k in keys}
        assert city.office.info()["root_sha256"] == district.office.info()["root_sha256"]
        assert len(city.office.certificates()) == 4


def _any_id(services) -> str:
    return next(services.office.store.iter_records())["id"]


def test_consolidate_refuses_a_laptop_database_and_a_missing_file(pg_url, tmp_path):
    with fleet.laptop(tmp_path / "laptop.sqlite"):
        pass
    refused = cli("office", "consolidate", "--from", str(tmp_path / "laptop.sqlite"), "--db", pg_url)
    assert refused.returncode == 2 and "office init" in refused.stderr
    missing = cli("office", "consolidate", "--from", str(tmp_path / "none.sqlite"), "--db", pg_url)
    assert missing.returncode == 2 and "none.sqlite" in missing.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_the_postgresql_store_has_every_method_of_the_interface():
    """The services call the interface, whichever store they hold: a method added to OfficeStore
    (and the SQLite store) but not here would fail only on a PostgreSQL office."""
    from db.office.sqlite import SQLiteOfficeStore
    from db.office.store import OfficeStore

    wanted = {n for n in vars(OfficeStore) if not n.startswith("_")}
    assert wanted <= {n for n in dir(SQLiteOfficeStore)}
    assert sorted(wanted - set(dir(PostgresOfficeStore))) == []


def test_the_draw_reads_the_same_directory_from_either_store(store, tmp_path):
    """site_snapshot_rows (the draw's plain read of the entity directory): the same snapshot from
    PostgreSQL (whose collation orders text its own way) as from SQLite and from the rows."""
    from inspector_app.office.draw import algorithm
    from tests.office.test_draw_algorithm import code

    rows = [
        {
            "credit_code": code(i),
            "name": f"单位{i}",
            "district": ("渝中区", "江北区")[i % 2],
            "type": "超市",
            "risk": "ABCD"[i % 4],
            "last_inspected": f"2025-0{1 + i % 9}-01" if i % 3 else "",
            "address": ("a 路", "Z 路", "解放碑")[i % 3],
        }
        for i in range(12)
    ]
    with store.transaction():
        store.upsert_sites(rows, source_sha256="s", at="2026-01-01T00:00:00Z")
    with fleet.office(tmp_path / "office.sqlite") as o, o.office.store.transaction():
        o.office.store.upsert_sites(rows, source_sha256="s", at="2026-01-01T00:00:00Z")
        lite = o.office.store.site_snapshot_rows()
    expected = algorithm.entity_snapshot(rows)
    assert algorithm.entity_snapshot_of_text_rows(store.site_snapshot_rows()) == expected
    assert algorithm.entity_snapshot_of_text_rows(lite) == expected

"""The store enforces the data rules itself: frozen finalised records, append-only audit chain."""

from __future__ import annotations

import sqlite3

import pytest

from db import FrozenRecord, Stamp, audit, inspections, listing, migrate, open_database, registry

STAMP = Stamp(device_id="dev-1", now="2026-11-23T08:00:00.000Z")
DEFN = {"sha256": "a" * 64, "form_id": "scale", "version": "1", "text": "x"}


@pytest.fixture
def db():
    database = open_database(":memory:")
    migrate(database, None)
    return database


def make_inspection(db, code: str = "X1") -> str:
    site = registry.insert(db, "sites", {"name": "市场", "credit_code": code}, STAMP)
    return inspections.create(
        db,
        {
            "form_id": "scale",
            "form_version": "1",
            "form_hash": "a" * 64,
            "site_id": site,
            "site_name": "市场",
            "site_code": "X1",
            "started_at": STAMP.now,
        },
        STAMP,
        definition=DEFN,
        readings={"max": "15000"},
    )


def test_finalised_inspection_and_readings_cannot_change(db):
    iid = make_inspection(db)
    inspections.finalise(db, iid, {"verdict": "pass", "canonical": "{}", "fingerprint": "f"}, STAMP)
    with pytest.raises(FrozenRecord):
        inspections.put_readings(db, iid, {"max": "30000"}, STAMP)
    for sql in (
        "UPDATE inspections SET verdict = 'fail' WHERE id = ?",
        "UPDATE inspections SET status = 'draft' WHERE id = ?",
        "DELETE FROM inspections WHERE id = ?",
        "DELETE FROM readings WHERE inspection_id = ?",
        "UPDATE readings SET value = '1' WHERE inspection_id = ?",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="frozen"):
            db.execute(sql, [iid])
    assert inspections.readings(db, iid) == {"max": "15000"}
    with pytest.raises(FrozenRecord):
        inspections.finalise(db, iid, {"verdict": "fail"}, STAMP)


def test_review_may_change_status_of_a_finalised_record(db):
    iid = make_inspection(db)
    inspections.finalise(db, iid, {"verdict": "pass", "canonical": "{}", "fingerprint": "f"}, STAMP)
    db.execute("UPDATE inspections SET status = 'approved', review_comment = 'ok' WHERE id = ?", [iid])
    assert inspections.get(db, iid)["status"] == "approved"


def test_drafts_autosave_and_can_be_deleted(db):
    iid = make_inspection(db)
    inspections.put_readings(
        db, iid, {"e": "5", "max": ""}, STAMP, evaluation={"verdict": "pass", "failed": [], "results": {}}
    )
    assert inspections.readings(db, iid) == {"e": "5"}
    inspections.delete_draft(db, iid, STAMP)
    assert db.execute("SELECT count(*) FROM readings").fetchone()[0] == 0


def test_audit_log_is_append_only_and_chained(db):
    make_inspection(db)
    ok, count, _ = audit.verify_chain(db)
    assert ok and count == 2
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit_log SET actor = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE seq = 1")


def test_tampering_behind_the_apps_back_is_detected(db):
    make_inspection(db)
    registry.insert(db, "sites", {"name": "B", "credit_code": "X2"}, STAMP)
    db.execute("DROP TRIGGER audit_log_no_delete")  # what an attacker with sqlite3 could do
    db.execute("DELETE FROM audit_log WHERE seq = 2")
    ok, _, problem = audit.verify_chain(db)
    assert not ok and "entry 3" in problem


def test_unique_keys_are_reported_by_column(db):
    from db import UniqueViolation

    registry.insert(db, "sites", {"name": "A", "credit_code": "X1"}, STAMP)
    with pytest.raises(UniqueViolation) as info:
        registry.insert(db, "sites", {"name": "B", "credit_code": "X1"}, STAMP)
    assert info.value.column == "credit_code"
    assert registry.count(db, "sites") == 1


def test_list_queries_filter_and_search_in_sql(db):
    iid = make_inspection(db)
    keys = listing.list_keys(db)
    assert [r["id"] for r in listing.rows_by_keys(db, keys).values()] == [iid]
    assert listing.list_keys(db, search="市场") == keys  # 2 characters: through sites
    assert listing.list_keys(db, search="X1") == keys
    assert listing.list_keys(db, search="场X") == []
    assert listing.list_keys(db, status="finalised") == []


def test_a_record_number_is_never_given_twice(db):
    """Issue 12 saw a record number reused: numbers were the day's highest + 1, so deleting the
    newest draft handed its number to the next inspection. A number once given stays given."""
    first, second = make_inspection(db, "X1"), make_inspection(db, "X2")
    numbers = {inspections.get(db, i)["record_no"] for i in (first, second)}
    assert numbers == {"20261123-DEV--0001", "20261123-DEV--0002"}
    inspections.delete_draft(db, second, STAMP)
    inspections.delete_draft(db, first, STAMP)  # even with none left that day
    third = make_inspection(db, "X3")
    assert inspections.get(db, third)["record_no"] == "20261123-DEV--0003"


def test_the_counter_starts_above_every_stored_number(tmp_path):
    """A database made before the counter keeps counting after its highest number (the migration
    seeds the counter); a record stored with a higher number of this device (received back from a
    sync) is never numbered again either."""
    database = open_database(tmp_path / "old.sqlite")
    migrate(database, None)
    make_inspection(database)
    database.execute("DELETE FROM record_counters")
    # as if stored before the counter, or received with a higher number
    database.execute("UPDATE inspections SET record_no = '20261123-DEV--0041'")
    fourth = make_inspection(database, "X2")
    assert inspections.get(database, fourth)["record_no"] == "20261123-DEV--0042"


def test_the_counter_migration_seeds_from_the_stored_numbers(db):
    from db.migrations import m0008_record_counters

    make_inspection(db)
    db.execute("UPDATE inspections SET record_no = '20261123-DEV--0041'")
    db.execute("DROP TABLE record_counters")  # the database as it was before 0008
    m0008_record_counters(db)
    assert db.execute("SELECT prefix, last FROM record_counters").fetchall() == [("20261123-DEV--", 41)]


def test_the_audit_tally_migration_counts_the_log_already_kept(db):
    from db.migrations import m0009_audit_tail

    make_inspection(db)
    make_inspection(db, "X2")
    db.execute("DROP TRIGGER audit_log_tally")  # the database as it was before 0009
    db.execute("DROP TRIGGER audit_tail_no_delete")
    db.execute("DROP TABLE audit_tail")
    m0009_audit_tail(db)
    entries, seq, digest = db.execute("SELECT entries, seq, hash FROM audit_tail").fetchone()
    assert (seq, digest) == audit.head(db) and entries == seq > 1
    assert audit.tail_problem(db) == ""
    make_inspection(db, "X3")  # and it follows what comes after
    assert db.execute("SELECT entries FROM audit_tail").fetchone()[0] == entries + 2
    assert audit.tail_problem(db) == ""

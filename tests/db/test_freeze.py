"""The freeze has no way around it through SQL alone (issue 8 §5): ids never change, and nothing
moves into a finalised inspection. Tried as an attacker with the sqlite3 tool would: on the file,
with foreign keys off (the tool's default), without dropping a trigger."""

from __future__ import annotations

import sqlite3

import pytest

from db import Stamp, inspections, migrate, open_database, registry
from db.migrations import ID_TABLES
from inspector_app.services import open_services
from tests.db.test_store_rules import DEFN, STAMP


def make_inspection(db, site: str | None = None, readings: dict[str, str] | None = None) -> str:
    site = site or registry.insert(db, "sites", {"name": "市场", "credit_code": "X1"}, STAMP)
    values = {"form_id": "scale", "form_version": "1", "form_hash": "a" * 64, "site_id": site}
    return inspections.create(
        db,
        {**values, "site_name": "市场", "site_code": "X1", "started_at": STAMP.now},
        STAMP,
        definition=DEFN,
        readings=readings or {"max": "15000"},
    )


@pytest.fixture
def files(tmp_path):
    """A database file with a finalised inspection and a draft; and a raw connection to it."""
    path = tmp_path / "store.sqlite"
    db = open_database(path)
    migrate(db, None)
    final = make_inspection(db)
    site = inspections.get(db, final)["site_id"]
    draft = make_inspection(db, site, {"e": "5"})  # a path the finalised one lacks: no UNIQUE clash
    stamp = "created_at, updated_at, device_id"
    made = "'x', 'x', 'd'"
    db.execute(
        f"INSERT INTO standards (id, name, kind, serial, {stamp}) VALUES ('std', 'W', 'w', 'W1', {made})"
    )
    db.execute(
        f"INSERT INTO instruments (id, site_id, kind, serial, {stamp}) VALUES ('i', ?, 'scale', 'S', {made})",
        [site],
    )
    db.execute(
        f"INSERT INTO tasks (id, site_id, form_id, {stamp}) VALUES ('task', ?, 'scale', {made})", [site]
    )
    db.execute(
        "INSERT INTO identities (id, name, id_number, office, cert_sha256, cert_pem, encrypted_key_pem, "
        f"{stamp}) VALUES ('me', 'n', 'i', 'o', 'c', 'p', 'k', {made})"
    )
    db.execute("INSERT INTO inspection_standards VALUES (?, 'std')", [draft])
    db.execute(
        "INSERT INTO attachments (id, inspection_id, kind, sha256, mime, data, created_at, updated_at, "
        "device_id) VALUES ('att', ?, 'photo', 'h', 'image/png', x'00', 'x', 'x', 'd')",
        [draft],
    )
    db.conn.commit()
    inspections.finalise(db, final, {"verdict": "pass", "canonical": "{}", "fingerprint": "f"}, STAMP)
    db.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    yield raw, final, draft
    raw.close()


def test_a_finalised_inspection_cannot_be_renamed_edited_and_renamed_back(files):
    raw, final, _ = files
    with pytest.raises(sqlite3.IntegrityError, match="ids are immutable"):
        raw.execute("UPDATE inspections SET id = 'elsewhere' WHERE id = ?", [final])
    # had it worked, its readings would have had no finalised parent and been editable
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        raw.execute("UPDATE readings SET value = '30000' WHERE inspection_id = ?", [final])


@pytest.mark.parametrize("table", ID_TABLES)
def test_no_id_ever_changes(files, table):
    raw, _, draft = files
    # a draft's row where there is one: the rename itself is refused, not the freeze of its parent
    where = "WHERE inspection_id = ?" if table in ("readings", "attachments") else "WHERE ? IS NOT NULL"
    row = raw.execute(f"SELECT id FROM {table} {where} ORDER BY rowid LIMIT 1", [draft]).fetchone()
    assert row is not None, f"the fixture has a {table} row"
    with pytest.raises(sqlite3.IntegrityError, match="ids are immutable"):
        raw.execute(f"UPDATE {table} SET id = 'renamed' WHERE id = ?", [row[0]])


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE readings SET inspection_id = :final WHERE inspection_id = :draft",
        "UPDATE attachments SET inspection_id = :final WHERE inspection_id = :draft",
        "UPDATE inspection_standards SET inspection_id = :final WHERE inspection_id = :draft",
    ],
    ids=["readings", "attachments", "standards"],
)
def test_nothing_moves_from_a_draft_into_a_finalised_inspection(files, sql):
    raw, final, draft = files
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        raw.execute(sql, {"final": final, "draft": draft})


def test_a_drafts_parts_still_move_between_drafts():
    """Only finalised inspections are frozen: the app may still move a draft's parts."""
    db = open_database(":memory:")
    migrate(db, None)
    a = make_inspection(db)
    b = make_inspection(db, inspections.get(db, a)["site_id"])
    db.execute("DELETE FROM readings WHERE inspection_id = ?", [b])
    db.execute("UPDATE readings SET inspection_id = ? WHERE inspection_id = ?", [b, a])
    assert inspections.readings(db, b) == {"max": "15000"}


def test_the_definition_a_record_was_evaluated_under_is_kept(files):
    raw, _, _ = files
    with pytest.raises(sqlite3.IntegrityError, match="verbatim"):
        raw.execute("UPDATE form_definitions SET text = 'limits relaxed'")
    with pytest.raises(sqlite3.IntegrityError, match="verbatim"):
        raw.execute("DELETE FROM form_definitions")


def test_every_connection_the_app_opens_checks_foreign_keys(tmp_path):
    with open_services(tmp_path / "a.sqlite") as s:
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            s.db.execute(
                "INSERT INTO readings (id, inspection_id, path, value, created_at, updated_at, device_id) "
                "VALUES ('r', 'no such inspection', 'p', 'v', 'x', 'x', 'd')"
            )
    memory = open_database(":memory:")
    assert memory.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_draft_deletion_still_cascades(tmp_path):
    db = open_database(tmp_path / "d.sqlite")
    migrate(db, None)
    iid = make_inspection(db)
    inspections.delete_draft(db, iid, Stamp(device_id="d", now="2026-11-30T00:00:00Z"))
    assert db.execute("SELECT count(*) FROM readings").fetchone()[0] == 0
    assert registry.count(db, "sites") == 1 and DEFN["sha256"]

"""Migrations: empty → migrated, re-apply is a no-op, adopting an existing file, upgrading with data."""

from __future__ import annotations

import sqlite3

import pytest

from db import MIGRATIONS, migrate, open_database, schema_version
from db.backup import backup_dir, backup_if_stale
from db.migrations import FROZEN_COLUMNS


def test_empty_file_is_migrated(tmp_path):
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    assert migrate(db, path) == [m.name for m in MIGRATIONS.pending(open_database(":memory:"))]
    assert {
        "sites",
        "instruments",
        "standards",
        "inspections",
        "readings",
        "audit_log",
        "inspections_fts",
        "tasks",
        "attachments",
    } <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not backup_dir(path).exists()  # nothing to back up in an empty file


def test_reapplying_is_a_noop(tmp_path):
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    migrate(db, path)
    before = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    assert migrate(db, path) == []
    assert db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == before
    assert schema_version(db) == [m.name for m in MIGRATIONS._migrations]


def test_adopting_an_existing_file_backs_it_up_first(tmp_path):
    """A file made by another tool keeps its tables and data, and a backup exists beforehand."""
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert migrate(db, path) == [m.name for m in MIGRATIONS._migrations]
    assert db.execute("SELECT text FROM notes").fetchone()[0] == "keep me"
    backups = list(backup_dir(path).glob("old-*-pre-migration.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT text FROM notes").fetchone()[0] == "keep me"
    assert "sites" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}


def test_upgrade_with_data_keeps_the_data(tmp_path):
    """A later migration applied to a file with data in it: registered, applied once, data kept."""
    from sqlite_utils.migrations import Migrations

    path = tmp_path / "a.sqlite"
    db = open_database(path)
    migrate(db, path)
    db.execute("INSERT INTO device (key, value) VALUES ('device_id', 'dev-1')")
    db.conn.commit()
    later = Migrations("inspector_app")
    for m in MIGRATIONS._migrations:
        later._migrations.append(m)

    @later(name="9999_test_add_column")
    def add(db_):
        db_.execute("ALTER TABLE sites ADD COLUMN website TEXT NOT NULL DEFAULT ''")

    later.apply(db)
    assert [m.name for m in later.applied(db)][-1] == "9999_test_add_column"
    assert db.execute("SELECT value FROM device").fetchone()[0] == "dev-1"
    assert "website" in db["sites"].columns_dict


def test_a_failing_migration_leaves_nothing_behind(tmp_path):
    from sqlite_utils.migrations import Migrations

    db = open_database(tmp_path / "a.sqlite")
    broken = Migrations("broken")

    @broken(name="0001_half")
    def half(db_):
        db_.execute("CREATE TABLE t (x)")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        broken.apply(db)
    assert "t" not in db.table_names() and broken.applied(db) == []


def test_daily_backup_is_made_once(tmp_path):
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    migrate(db, path)
    assert backup_if_stale(db, path) is not None
    assert backup_if_stale(db, path) is None


def test_frozen_columns_exist():
    db = open_database(":memory:")
    migrate(db, None)
    assert set(FROZEN_COLUMNS) <= set(db["inspections"].columns_dict)

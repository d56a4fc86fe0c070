"""Opening the SQLite file: pragmas that make it durable and strict, and the write stamp.

WAL keeps readers and the single writer apart; foreign keys are on; synchronous=FULL makes every
committed transaction survive a power cut, not only a killed process (DESIGN.md, "Data model").
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000  # wait for another writer rather than fail at once
CACHE_KIB = 65536  # page cache: a bulk import or a 200,000-row list stays in memory


@dataclass(frozen=True)
class Stamp:
    """Who writes and when: every row carries its device and UTC times (DESIGN.md)."""

    device_id: str
    now: str

    @staticmethod
    def utc_now() -> str:
        return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A UUID primary key: ids leave the machine in sync bundles, so never autoincrement."""
    return str(uuid.uuid4())


def open_database(path: Path | str) -> Database:
    """Open (creating if needed) the database file with the app's pragmas."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return db


def integrity_check(db: Database) -> list[str]:
    """SQLite's own check of the file: ['ok'] when sound, otherwise the problems it found."""
    return [str(r[0]) for r in db.execute("PRAGMA integrity_check")]


def device_id(db: Database) -> str:
    """This database's device id, made once on first use and kept (table `device`)."""
    row = db.execute("SELECT value FROM device WHERE key = 'device_id'").fetchone()
    if row:
        return str(row[0])
    value = new_id()
    with db.atomic():
        db.execute("INSERT INTO device (key, value) VALUES ('device_id', ?)", [value])
    return value

"""Opening the SQLite file: pragmas that make it durable and strict, and the write stamp.

WAL keeps readers and the single writer apart; foreign keys are on; synchronous=FULL makes every
committed transaction survive a power cut, not only a killed process (DESIGN.md, "Data model") —
all but a draft's autosave, which commits without waiting for the disk and is flushed right after
on a thread of its own (db/durability.py, docs/decisions.md).

`connect` gives the plain sqlite3 connection; `open_database` wraps it in sqlite-utils. Reading
needs only the first (sqlite-utils costs ~70 ms to import, PLATFORM.md), so the GUI's first screen
reads through `connect` and the same connection is wrapped once something writes.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.store import Store

# What a read-only repository function accepts: the plain connection or sqlite-utils' wrapper.
Reader: TypeAlias = "sqlite3.Connection | Database"

BUSY_TIMEOUT_MS = 5000  # wait for another writer rather than fail at once
CACHE_KIB = 65536  # page cache: a bulk import or a 200,000-row list stays in memory
FILE_MODE = 0o600  # the database, its journal and backups: the owner only (records, keys)


class Stamp(NamedTuple):
    """Who writes and when: every row carries its device and UTC times (DESIGN.md). A NamedTuple,
    not a dataclass: it is defined on every start, and a frozen dataclass costs ~1 ms to define."""

    device_id: str
    now: str

    @staticmethod
    def utc_now() -> str:
        return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A UUID primary key: ids leave the machine in sync bundles, so never autoincrement."""
    import uuid  # here, not at the top: it costs ~4 ms and reading (the first screen) needs none

    return str(uuid.uuid4())


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's 'database is locked' / 'busy' errors (another writer holds the lock)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def lock_holders(path: str | Path) -> list[str]:
    """Other processes holding a lock on the database file or its WAL index, writers first.

    Reads Linux's /proc/locks (POSIX locks name the pid and the file's inode); elsewhere, or when
    nothing is found, the list is empty and the caller says "another program".
    """
    if not path or str(path) == ":memory:":
        return []
    files = set()
    for suffix in ("", "-wal", "-shm"):
        try:
            st = os.stat(f"{path}{suffix}")
        except OSError:
            continue
        files.add((os.major(st.st_dev), os.minor(st.st_dev), st.st_ino))
    writers: dict[int, str] = {}
    readers: dict[int, str] = {}
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            lines = handle.readlines()
    except OSError:
        return []
    for line in lines:
        parts = line.split()
        if len(parts) < 6 or parts[1] == "->":  # a waiter (perhaps us), not a holder
            continue
        kind, pid_text, where = parts[3], parts[4], parts[5]
        try:
            major, minor, inode = where.split(":")
            key = (int(major, 16), int(minor, 16), int(inode))
            pid = int(pid_text)
        except ValueError:
            continue
        if key not in files or pid in (os.getpid(), -1):
            continue
        (writers if kind == "WRITE" else readers)[pid] = _process_name(pid)
    chosen = writers or readers
    return [f"pid {pid} ({name})" if name else f"pid {pid}" for pid, name in sorted(chosen.items())]


def _process_name(pid: int) -> str:
    """The program's short name ('sqlite3', 'inspector-app', 'python3'), or '' if unknown."""
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read(64).strip()
    except OSError:
        return ""


def _owner_only(path: Path) -> None:
    """Create the file owner-only if missing; tighten an existing one (and its journal files)."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    for suffix in ("", "-wal", "-shm"):
        target = Path(f"{path}{suffix}")
        try:
            if target.exists() and target.stat().st_mode & 0o077:
                target.chmod(FILE_MODE)
        except OSError:  # a file we do not own (shared read-only copy): leave it
            pass


def connect(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open (creating if needed) the database file, owner-only, with the app's pragmas, as plain
    sqlite3. The caller decides whether a missing file may be created (`services.open_services`)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _owner_only(Path(path))
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def wrap(conn: sqlite3.Connection, path: Path | str = "") -> Store:
    """sqlite-utils over an open connection (same transactions, same pragmas), as a `Store`."""
    from db.store import Store

    db = Store(conn, execute_plugins=False)
    db.path = str(path)
    return db


def open_database(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open (creating if needed) the database file, owner-only, with the app's pragmas, through
    sqlite-utils."""
    return wrap(connect(path, busy_timeout_ms=busy_timeout_ms), path)


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A cursor's rows as dicts keyed by column name (what sqlite-utils' `query` gives)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def integrity_check(db: Database) -> list[str]:
    """SQLite's own check of the file: ['ok'] when sound, otherwise the problems it found."""
    return [str(r[0]) for r in db.execute("PRAGMA integrity_check")]


def foreign_key_problems(db: Database) -> list[str]:
    """Rows pointing at a parent that does not exist ('readings row 12 → inspections'): what a
    write with foreign keys switched off (another tool) can leave behind."""
    return [f"{r[0]} row {r[1]} → {r[2]}" for r in db.execute("PRAGMA foreign_key_check")]


def stored_device_id(db: Reader) -> str | None:
    """This database's device id, or None before `device_id` first made it."""
    row = db.execute("SELECT value FROM device WHERE key = 'device_id'").fetchone()
    return None if row is None else str(row[0])


def device_id(db: Database) -> str:
    """This database's device id, made once on first use and kept (table `device`)."""
    stored = stored_device_id(db)
    if stored is not None:
        return stored
    value = new_id()
    with db.atomic():
        db.execute("INSERT INTO device (key, value) VALUES ('device_id', ?)", [value])
    return value

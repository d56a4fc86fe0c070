"""Rotating backups through SQLite's online backup API: before every migration and once a day."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


KEEP = 7  # backups kept per database file; the oldest go first
DIR_MODE = 0o700  # backups hold every record: owner only, like the database itself
FILE_MODE = 0o600


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def make_backup(db: Database | sqlite3.Connection, db_path: Path, *, reason: str) -> Path:
    """Copy the live database to backups/<stem>-<UTC time>-<reason>.sqlite, consistent under WAL."""
    source = db if isinstance(db, sqlite3.Connection) else db.conn
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if folder.stat().st_mode & 0o077:
        folder.chmod(DIR_MODE)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")  # renamed when complete: a cut-off copy never counts
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    dest = sqlite3.connect(str(partial))
    dest.execute("PRAGMA foreign_keys = ON")  # every connection the app opens checks its references
    try:
        source.backup(dest)
    finally:
        dest.close()
    os.replace(partial, target)
    backups = sorted(folder.glob(f"{db_path.stem}-*.sqlite"))
    for old in backups[:-KEEP]:
        old.unlink(missing_ok=True)
    for kept in backups[-KEEP:]:  # backups made by older versions were world-readable
        if kept.stat().st_mode & 0o077:
            kept.chmod(FILE_MODE)
    return target


def backup_if_stale(
    db: Database | sqlite3.Connection, db_path: Path, *, max_age: timedelta = timedelta(days=1)
) -> Path | None:
    """The daily backup: made when the newest one is older than ``max_age`` (or none exists)."""
    folder = backup_dir(db_path)
    newest = (
        max(folder.glob(f"{db_path.stem}-*.sqlite"), default=None, key=lambda p: p.stat().st_mtime)
        if folder.exists()
        else None
    )
    if newest is not None:
        age = datetime.now(UTC) - datetime.fromtimestamp(newest.stat().st_mtime, UTC)
        if age < max_age:
            return None
    return make_backup(db, db_path, reason="daily")


def backup_file_if_stale(db_path: Path, *, max_age: timedelta = timedelta(days=1)) -> Path | None:
    """`backup_if_stale` through a connection of its own, so it can run on a worker thread while
    the GUI keeps reading (WAL: the copy is consistent and blocks no one)."""
    conn = sqlite3.connect(str(db_path))
    conn.execute("PRAGMA foreign_keys = ON")  # like every connection the app opens
    try:
        return backup_if_stale(conn, db_path, max_age=max_age)
    finally:
        conn.close()


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target``, read through a read-only connection: the
    source is never written (`screenshot` renders from such a copy, whatever it then changes).
    Raises sqlite3.Error when the source cannot be read as a database."""
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            reader.backup(dest)
        finally:
            dest.close()
    finally:
        reader.close()
    return target

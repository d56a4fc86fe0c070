"""Small key/value tables: user settings, and editor drafts autosaved as the user types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.connection import Reader

if TYPE_CHECKING:
    from sqlite_utils import Database


def settings_all(db: Reader) -> dict[str, str]:
    return {k: v for k, v in db.execute("SELECT key, value FROM settings")}


def setting_put(db: Database, key: str, value: str, *, now: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            [key, value, now],
        )


def draft_get(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM ui_drafts WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def draft_put(db: Database, key: str, value: str, *, now: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO ui_drafts (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            [key, value, now],
        )


def draft_delete(db: Database, key: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM ui_drafts WHERE key = ?", [key])

"""The inspection list's reads: what the GUI's first screen needs, and nothing heavier.

It reads through the plain sqlite3 connection, so the first paint costs neither sqlite-utils nor
the forms (bench/startup.py); the list model holds it as its source.
"""

from __future__ import annotations

from typing import Any

from db import listing as repo
from db.connection import Reader


class InspectionList:
    """Keys in display order, their count, and rows a page at a time (see `db.inspections`)."""

    def __init__(self, db: Reader) -> None:
        self._db = db

    def list_keys(self, *, limit: int | None = None, **filters: Any) -> list[int]:
        return repo.list_keys(self._db, limit=limit, **filters)

    def count(self, **filters: Any) -> int:
        return repo.count(self._db, **filters)

    def rows_by_keys(self, keys: list[int]) -> dict[int, dict[str, Any]]:
        return repo.rows_by_keys(self._db, keys)

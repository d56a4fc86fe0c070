"""The sqlite-utils side of a connection: what writes go through (`connection.wrap` makes one).

Kept apart from db/connection.py so that opening and reading need not import sqlite-utils
(~70 ms, PLATFORM.md): the GUI's first screen reads with plain sqlite3.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from contextlib import contextmanager

from sqlite_utils import Database

from db.connection import is_busy, lock_holders
from db.errors import StoreBusy


class Store(Database):
    """A sqlite-utils Database whose transactions take the write lock up front.

    ``BEGIN IMMEDIATE`` waits (busy timeout) for another writer before anything is read, so a
    transaction never fails half-way on a stale snapshot; a lock held past the timeout becomes
    StoreBusy naming the holder, never a bare OperationalError.
    """

    path: str = ""

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise StoreBusy(self.path, lock_holders(self.path)) from exc
            raise
        try:
            yield self
        except BaseException as exc:
            self.rollback()
            if is_busy(exc):
                raise StoreBusy(self.path, lock_holders(self.path)) from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.rollback()
            if is_busy(exc):
                raise StoreBusy(self.path, lock_holders(self.path)) from exc
            raise

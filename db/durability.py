"""Autosaves that are safe the moment they commit and on the disk a moment later, off the caller's
thread (docs/decisions.md, "When an edit is saved").

Every transaction is committed with ``synchronous=FULL`` (db/connection.py) except the autosave of
a draft (a reading, the window's state): it commits with ``synchronous=NORMAL``, which in WAL mode
writes the transaction to the WAL file without waiting for the disk. From that moment it survives
the app crashing or being killed (the operating system holds the written pages), and SQLite keeps
the database consistent even through a power cut. The wait for the disk (``fsync`` of the WAL,
~10 ms on a laptop's SSD, more on a busy disk) is what `WalFlusher` does on a thread of its own,
right after each such commit: a power cut can then cost only edits younger than one flush. The
next FULL commit (finalise, a sync import) and every checkpoint flush the WAL too.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def relaxed_sync(conn: sqlite3.Connection) -> Generator[None, None, None]:
    """Commit the transactions inside with ``synchronous=NORMAL`` (safe against a killed process,
    flushed to disk by `WalFlusher`), then back to FULL for every other write."""
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = FULL")


class WalFlusher:
    """Flushes a database's WAL file to disk on its own thread after each relaxed commit.

    `written` hands out a ticket per commit; `durable` is the last ticket known to be on the disk;
    `wait` blocks until every ticket handed out is (finalise, closing a window, exit). One flush
    covers every commit before it, so a burst of edits costs one ``fsync``, not one each.
    """

    def __init__(self, path: Path | str) -> None:
        self.wal = Path(f"{path}-wal")
        self._lock = threading.Condition()
        self._written = 0
        self._durable = 0
        self._closing = False
        self._directory_synced = False
        self.errors = 0  # flushes that failed (the next one, or SQLite's own, tries again)
        self._thread = threading.Thread(target=self._run, name="wal-flusher", daemon=True)
        self._thread.start()

    @property
    def durable(self) -> int:
        with self._lock:
            return self._durable

    def written(self) -> int:
        """A relaxed commit just returned: flush it soon. Returns its ticket."""
        with self._lock:
            self._written += 1
            self._lock.notify_all()
            return self._written

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every commit so far is on the disk; False if ``timeout`` ran out first."""
        with self._lock:
            target = self._written
            return self._lock.wait_for(lambda: self._durable >= target, timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Flush what is left and stop the thread (the connection closes after this)."""
        with self._lock:
            self._closing = True
            self._lock.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._written > self._durable or self._closing)
                target = self._written
                if self._durable >= target:  # closing, and nothing is left to flush
                    return
            ok = self._flush()
            with self._lock:
                if ok:
                    self._durable = target
                else:
                    self.errors += 1
                self._lock.notify_all()
                if not ok and self._closing:  # SQLite's checkpoint on close syncs it
                    return
            if not ok:
                time.sleep(0.5)  # a disk that refuses now: try again shortly

    def _flush(self) -> bool:
        """fsync the WAL file (its pages, whoever wrote them: fsync is per file, not per handle);
        the folder once, so a freshly made WAL's name is on the disk too. A missing WAL was
        checkpointed into the database and removed by SQLite, which synced it first."""
        try:
            fd = os.open(self.wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return True
        except OSError:
            return False
        try:
            os.fsync(fd)
        except OSError:
            return False
        finally:
            os.close(fd)
        if not self._directory_synced and os.name == "posix":
            try:
                folder = os.open(self.wal.parent, os.O_RDONLY)
                try:
                    os.fsync(folder)
                finally:
                    os.close(folder)
            except OSError:
                pass
            self._directory_synced = True
        return True

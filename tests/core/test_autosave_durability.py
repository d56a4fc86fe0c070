"""When an autosave is safe (docs/decisions.md, "When an edit is saved"): it commits without
waiting for the disk — safe from its commit on against the app being killed — and a thread of its
own flushes the WAL to the disk right after; every other write stays ``synchronous=FULL``."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from inspector_app.services import RecordFrozen, open_services
from tests.core.test_records import CODE, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _draft(services) -> str:
    site = services.registry.create("sites", {"name": "集贸市场", "credit_code": CODE})
    inst = services.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S1"})
    return services.inspections.start(form_id="scale", site_id=site, instrument_id=inst)


def test_an_autosave_commits_relaxed_and_every_other_write_full(tmp_path):
    with open_services(tmp_path / "a.sqlite") as s:
        iid = _draft(s)
        statements: list[str] = []
        s.conn.set_trace_callback(statements.append)
        s.inspections.set_readings(iid, {"max": "15000"})
        s.inspections.remember(iid, {"step": 1})
        s.conn.set_trace_callback(None)
        writes = [q for q in statements if q.startswith(("PRAGMA synchronous", "BEGIN", "COMMIT"))]
        one = ["PRAGMA synchronous = NORMAL", "BEGIN IMMEDIATE", "COMMIT", "PRAGMA synchronous = FULL"]
        assert writes == one + one
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL for the next write


def test_a_refused_autosave_leaves_the_connection_full(tmp_path, scale_draft):
    s, iid = scale_draft
    s.inspections.finalise(iid, sealer=s.records.sealer(PASSPHRASE))
    with pytest.raises(RecordFrozen):
        s.inspections.set_readings(iid, {"e": "10"})
    assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_the_flusher_puts_each_autosave_on_the_disk_off_the_callers_thread(tmp_path, monkeypatch):
    synced: list[tuple[str, str]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append((threading.current_thread().name, os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    path = tmp_path / "b.sqlite"
    with open_services(path) as s:
        iid = _draft(s)
        monkeypatch.setattr(os, "fsync", spy)
        flusher = s.flusher()
        assert flusher is not None
        before = flusher.durable
        s.inspections.set_readings(iid, {"max": "15000"})
        assert s.inspections.flush(timeout=10)
        assert flusher.durable > before
        assert synced, "the WAL was flushed"
        assert {thread for thread, _file in synced} == {"wal-flusher"}
        assert f"{path}-wal" in {file for _thread, file in synced}
    assert not any(t.name == "wal-flusher" for t in threading.enumerate()), "closing stops the thread"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_an_autosave_survives_kill_9_the_moment_it_returns(tmp_path):
    """The process kills itself right after set_readings returns, before any flush can run."""
    path = tmp_path / "c.sqlite"
    with open_services(path) as s:
        iid = _draft(s)
    script = textwrap.dedent(
        f"""
        import os, signal, threading
        from inspector_app.services import open_services
        with open_services({str(path)!r}) as s:
            s.flusher().written = lambda: 0  # no flush at all: only the commit counts
            s.inspections.set_readings({iid!r}, {{"max": "15000", "e": "5"}})
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == -signal.SIGKILL, run.stderr
    with sqlite3.connect(path) as conn:
        stored = dict(conn.execute("SELECT path, value FROM readings WHERE inspection_id = ?", [iid]))
    assert stored["max"] == "15000" and stored["e"] == "5"

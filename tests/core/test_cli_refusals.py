"""The CLI never prints a traceback: a missing or locked database, a missing output folder, an
endless input file — each is a sentence naming the path, with exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import ClassVar

import pytest

from inspector_app.services import open_services


def cli(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
        env={**os.environ, "INSPECTOR_APP_PASSPHRASE": "correct horse battery"},
    )


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ok.sqlite"
    with open_services(path):
        pass
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["selfcheck"],
        ["keys", "list"],
        ["trust", "list"],
        ["finalise", "X"],
        ["report", "X", "-o", "x.pdf"],
        ["verify", "--qr", "IA1:XYZ"],
        ["evaluate", "-"],
    ],
)
def test_a_mistyped_db_is_refused_with_its_path_and_not_created(tmp_path, command):
    missing = tmp_path / "mistyped.sqlite"
    out = cli(*command, "--db", str(missing), stdin='{"form": "scale"}')
    assert out.returncode == 2, out
    assert str(missing) in out.stderr and "Traceback" not in out.stderr
    assert "不存在" in out.stderr and "no database" in out.stderr
    assert not missing.exists()


def test_selfcheck_of_a_missing_file_is_not_ok(tmp_path):
    from inspector_app.selfcheck import run_selfcheck

    report = run_selfcheck(tmp_path / "nope.sqlite")
    assert not all(c.ok for c in report) and not (tmp_path / "nope.sqlite").exists()


def test_demo_twice_refuses_then_replaces_with_force(tmp_path):
    path = tmp_path / "demo.sqlite"
    first = cli("demo", "--db", str(path), "--inspections", "2", "--no-sign")
    assert first.returncode == 0, first.stderr
    with open_services(path) as s:
        s.settings.set("office", "保留的设置")
    again = cli("demo", "--db", str(path), "--inspections", "2", "--no-sign")
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "--force" in again.stderr and str(path) in again.stderr
    with open_services(path) as s:
        assert s.settings.get("office") == "保留的设置"  # untouched
    forced = cli("demo", "--db", str(path), "--inspections", "3", "--no-sign", "--force")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["inspections"] == 3
    with open_services(path) as s:
        assert len(s.inspections.list_rows()) == 3
    kept = list((tmp_path / "backups").glob("demo-*-replaced.sqlite"))
    assert len(kept) == 1
    with open_services(kept[0]) as old:
        assert old.settings.get("office") == "保留的设置"


def test_report_into_a_missing_folder_names_it(db, tmp_path):
    from inspector_app.demo import seed_demo

    with open_services(db) as s:
        seed_demo(s, inspections=4, seed=1)
        record_no = next(r["record_no"] for r in s.inspections.list_rows() if r["status"] == "finalised")
    target = tmp_path / "no" / "such" / "r.pdf"
    out = cli("report", "--db", str(db), record_no, "-o", str(target))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert str(target.parent) in out.stderr and "does not exist" in out.stderr
    good = cli("report", "--db", str(db), record_no, "-o", str(tmp_path / "r.pdf"))
    assert good.returncode == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.part"))


def test_verify_of_dev_zero_stops_at_the_size_cap(db):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    out = cli("verify", "--db", str(db), "/dev/zero", timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "100 MiB" in out.stdout and "unreadable" in out.stdout
    cert = cli("trust", "add", "--db", str(db), "/dev/zero", timeout=60)
    assert cert.returncode == 2 and "64 KiB" in cert.stderr and "Traceback" not in cert.stderr


def test_the_cli_reads_no_more_than_its_cap(monkeypatch):
    from inspector_app import cli as cli_module

    class Endless:
        """A file that never ends (like /dev/zero): the reader must ask for a bounded amount."""

        asked: ClassVar[list[int]] = []

        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, n=-1):
            assert n > 0, "an unbounded read of an endless file"
            Endless.asked.append(n)
            return b"\0" * n

    import builtins

    monkeypatch.setattr(builtins, "open", Endless)
    with pytest.raises(cli_module.Refused):
        cli_module._read_capped("endless", 1000)
    monkeypatch.undo()
    assert Endless.asked == [1001]


def test_a_locked_database_names_who_holds_it(db):
    hold = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('held', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        out = cli("keys", "create", "--db", str(db), "--name", "王", "--id-number", "1", "--office", "局")
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"pid {holder.pid}" in out.stderr and "locked by another program" in out.stderr
    assert "python" in out.stderr  # the holder's program name
    with open_services(db) as s:
        assert s.records.identities() == []


def test_store_busy_is_raised_in_process_with_the_holder(db):
    import sqlite3

    from db.errors import StoreBusy

    other = sqlite3.connect(str(db), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with open_services(db, busy_timeout_ms=50) as s, pytest.raises(StoreBusy) as info:
            s.settings.set("office", "x")
        assert info.value.path == str(db)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_an_internal_fault_is_a_sentence_and_a_file_not_a_traceback(db, monkeypatch, capsys):
    from inspector_app import cli as cli_module

    def broken(args):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(cli_module, "cmd_list", broken)
    code = cli_module.main(["list", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == cli_module.EXIT_INTERNAL and code not in (0, 1, 2)
    assert "Traceback" not in err and "internal error (RuntimeError)" in err
    path = err.rsplit("details in ", 1)[1].strip()
    with open(path, encoding="utf-8") as handle:
        kept = handle.read()
    os.unlink(path)
    assert "Traceback" in kept and "a bug of ours" in kept

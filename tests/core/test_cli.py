"""The CLI sub-commands on a real database file, through the installed entry point's module."""

from __future__ import annotations

import json
import subprocess
import sys


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True, timeout=120
    )


def test_demo_list_selfcheck(tmp_path):
    db = str(tmp_path / "demo.sqlite")
    made = cli("demo", "--db", db, "--inspections", "12")
    assert made.returncode == 0 and json.loads(made.stdout)["inspections"] == 12
    listed = cli("list", "--db", db, "--json")
    rows = json.loads(listed.stdout)
    assert len(rows) == 12 and {"id", "form_id", "status", "verdict", "site_name", "started_at"} <= set(
        rows[0]
    )
    assert rows == sorted(rows, key=lambda r: r["started_at"], reverse=True)
    check = cli("selfcheck", "--db", db)
    assert check.returncode == 0 and "FAIL" not in check.stdout


def test_subcommands_do_not_import_qt(tmp_path):
    code = (
        "import sys; from ui.entry import main; main(['evaluate', '-']); "
        "print('PySide6' in sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input='{"form": "scale"}', capture_output=True, text=True
    )
    assert proc.stderr.strip().endswith("False")

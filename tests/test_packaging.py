"""Packaging: `pip install .` into a fresh venv, and the PyInstaller bundle, both start and pass
`selfcheck`. Slow (a minute or two each): run with `pytest -m slow` (CI does, after the suite)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def run(
    cmd: list[str], *, extra_env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env, **kwargs)


IDLE_EXIT = {"INSPECTOR_APP_EXIT_WHEN_IDLE": "1"}


def test_pip_install_into_a_fresh_venv(tmp_path):
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    installed = run([str(python), "-m", "pip", "install", "-q", str(ROOT)])
    assert installed.returncode == 0, installed.stderr[-2000:]
    app = tmp_path / "venv" / "bin" / "inspector-app"
    assert run([str(app), "--version"]).stdout.startswith("inspector-app ")
    db = str(tmp_path / "a.sqlite")
    assert run([str(app), "demo", "--db", db, "--inspections", "8"]).returncode == 0
    check = run([str(app), "selfcheck", "--db", db], cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    gui = run([str(app), "--db", db], cwd=tmp_path, extra_env=IDLE_EXIT)
    assert "ready_ms=" in gui.stdout, gui.stderr[-2000:]


def test_pyinstaller_bundle_starts_and_passes_selfcheck(tmp_path):
    built = run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    app = tmp_path / "dist" / "inspector-app" / "inspector-app"
    db = str(tmp_path / "b.sqlite")
    assert run([str(app), "demo", "--db", db, "--inspections", "8"]).returncode == 0
    check = run([str(app), "selfcheck", "--db", db])
    assert check.returncode == 0 and "FAIL" not in check.stdout, check.stdout
    exported = run([str(app), "report", "--db", db, "--all", str(tmp_path / "pdfs")])
    assert exported.returncode == 0, exported.stderr[-2000:]
    first = sorted((tmp_path / "pdfs").glob("*.pdf"))[0]
    verified = run([str(app), "verify", "--db", db, str(first)])
    assert verified.returncode == 0 and "valid:" in verified.stdout, verified.stderr[-2000:]
    result = run(
        [str(app), "evaluate", "-"],
        input='{"form": "taxi_meter", "distance_tests": [{"meter_m": "1000", "reference_m": "974"}]}',
    )
    assert '"verdict": "fail"' in result.stdout
    gui = run([str(app), "--db", db], extra_env=IDLE_EXIT)
    assert "ready_ms=" in gui.stdout, gui.stderr[-2000:]

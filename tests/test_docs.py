"""The README keeps its promises: its images are in the repository, and its screenshot command
(`inspector-app screenshot --db X DIR`) runs as written."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
IMAGES = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)


def test_every_readme_image_is_a_committed_picture():
    assert len(IMAGES) >= 6
    tracked = set(
        subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    )
    for link in IMAGES:
        path = ROOT / link
        assert path.is_file(), f"README links {link}, which is not in the repository"
        if tracked:  # a git checkout (CI's clean clone): the file is committed, not left over
            assert link in tracked, f"{link} exists here but is not committed"
        with Image.open(path) as image:
            assert image.format == "PNG" and image.width >= 600 and image.height >= 400, link


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_the_readme_screenshot_command_runs_as_written(tmp_path):
    assert "screenshot --db demo.sqlite DIR" in README
    db = tmp_path / "demo.sqlite"
    assert run("demo", "--db", str(db), "--inspections", "8").returncode == 0
    with sqlite3.connect(db) as conn:  # a procedure without a draft: its steps come from a copy
        drafts = {f for (f,) in conn.execute("SELECT form_id FROM inspections WHERE status = 'draft'")}
    assert drafts < {"fuel_dispenser", "taxi_meter", "scale", "net_content"}
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    backups = sorted(p.name for p in (tmp_path / "backups").glob("*"))
    out = run("screenshot", "--db", str(db), str(tmp_path / "shots"), "--readme")
    assert out.returncode == 0, out.stderr
    made = {p.name for p in (tmp_path / "shots").glob("*.png")}
    assert {Path(link).name for link in IMAGES} <= made
    # Screenshots are taken from a copy: the user's database is left exactly as it was (no
    # correction draft, no remembered step, no backup beside it).
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in (tmp_path / "backups").glob("*")) == backups


def test_the_gui_refuses_a_mistyped_db_and_makes_the_per_user_one_at_first_start(tmp_path):
    missing = tmp_path / "mistyped.sqlite"
    refused = run("--db", str(missing))
    assert refused.returncode == 2 and str(missing) in refused.stderr and "Traceback" not in refused.stderr
    assert not missing.exists()
    refused = run("screenshot", "--db", str(missing), str(tmp_path / "shots"))
    assert refused.returncode == 2 and "no database" in refused.stderr
    data = tmp_path / "xdg"
    first = run(XDG_DATA_HOME=str(data), INSPECTOR_APP_EXIT_WHEN_IDLE="1", INSPECTOR_APP_DB="")
    assert first.returncode == 0, first.stderr
    assert (data / "inspector-app" / "inspector.sqlite").is_file()

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


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
OUTSIDE = re.compile(r"(https?://|\.\./|/work/|/root/|/home/)")


def test_no_link_or_path_leaves_the_repository():
    """The README and docs/ stand alone: every link is a file of the repository, and no text
    sends the reader outside it (the rules' sources and the decisions are written in docs/)."""
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for link in LINK.findall(text):
            target = (doc.parent / link.split("#")[0]).resolve()
            assert target.is_relative_to(ROOT) and target.exists(), f"{doc.name}: {link}"
        found = OUTSIDE.search(text)
        assert found is None, (
            f"{doc.name} points outside the repository: {text[found.start() - 40 : found.end() + 40]!r}"
        )
    readme = DOCS[0].read_text(encoding="utf-8")
    assert "docs/rules.md" in readme and "docs/decisions.md" in readme


def test_the_readme_says_how_to_put_the_command_on_path(tmp_path):
    """The README's PATH recipe, run as written with a stand-in home: `inspector-app` is found."""
    readme = DOCS[0].read_text(encoding="utf-8")
    block = readme.split("### `inspector-app` on your PATH", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin"}
    out = subprocess.run(
        ["bash", "-ec", block], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert (home / ".local" / "bin" / "inspector-app").resolve() == (
        ROOT / ".venv" / "bin" / "inspector-app"
    ).resolve()
    assert out.stdout.strip()  # the version printed by the command found on PATH

"""Where the app keeps its files: the per-user data directory (platformdirs), overridable.

On Linux the XDG rule platformdirs applies is read directly: importing platformdirs costs ~6 ms
of every start (it pulls tempfile and friends), and the GUI opens its database before the first
paint. tests/core/test_paths.py checks the two agree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "inspector-app"
ENV_DB = "INSPECTOR_APP_DB"  # a path that overrides the default database (tests, kiosks)


PRIVATE_DIR_MODE = 0o700  # the data folder holds records and encrypted keys: owner only


def data_dir() -> Path:
    if sys.platform.startswith("linux"):  # XDG Base Directory: $XDG_DATA_HOME, else ~/.local/share
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        return Path(base if os.path.isabs(base) else os.path.expanduser("~/.local/share")) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def in_data_dir(path: Path) -> bool:
    """Is ``path`` a file of the per-user data folder (which is kept owner-only)?"""
    return path.parent == data_dir()


def ensure_private_dir(folder: Path) -> None:
    """Make ``folder`` (and missing parents) and leave it readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    try:
        if folder.stat().st_mode & 0o077:
            folder.chmod(PRIVATE_DIR_MODE)
    except OSError:  # not ours to change (a shared folder given by an administrator)
        pass


def default_db_path() -> Path:
    override = os.environ.get(ENV_DB)
    return Path(override) if override else data_dir() / "inspector.sqlite"

"""Where the app keeps its files: the per-user data directory (platformdirs), overridable."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "inspector-app"
ENV_DB = "INSPECTOR_APP_DB"  # a path that overrides the default database (tests, kiosks)


PRIVATE_DIR_MODE = 0o700  # the data folder holds records and encrypted keys: owner only


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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

"""Where the app keeps its files: the per-user data directory (platformdirs), overridable."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "inspector-app"
ENV_DB = "INSPECTOR_APP_DB"  # a path that overrides the default database (tests, kiosks)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get(ENV_DB)
    return Path(override) if override else data_dir() / "inspector.sqlite"

"""The per-user data folder: read directly on Linux (start-up speed), the same as platformdirs."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from inspector_app.paths import APP_NAME, data_dir


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the direct rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "/srv/inspector-data", "relative/ignored", "", "  "])
def test_data_dir_agrees_with_platformdirs(monkeypatch, xdg):
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert str(data_dir()) == platformdirs.user_data_dir(APP_NAME, appauthor=False)

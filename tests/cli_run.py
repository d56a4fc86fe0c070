"""The command line run in-process, as the office and review tests drive it."""

from __future__ import annotations

import os
from typing import Any

from inspector_app.cli import main


def run(capsys: Any, *argv: object, passphrase: str | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``inspector-app ARGV``; the passphrase through the environment."""
    if passphrase is not None:
        os.environ["INSPECTOR_APP_PASSPHRASE"] = passphrase
    try:
        code = main([str(a) for a in argv])
    finally:
        os.environ.pop("INSPECTOR_APP_PASSPHRASE", None)
    out, err = capsys.readouterr()
    return code, out, err

"""What every command group shares: passphrases, JSON output, bilingual errors, fingerprints."""

from __future__ import annotations

import json
import sys
from typing import Any


def passphrase(confirm: bool = False) -> str:
    """From INSPECTOR_APP_PASSPHRASE, or asked on the terminal."""
    from inspector_app.cli import _passphrase

    return _passphrase(confirm=confirm)


def open_existing(args: Any) -> Any:
    """The services over --db, which must exist (a mistyped path is refused, not created)."""
    from inspector_app.cli import _open

    return _open(args)


def write_file(path: Any, data: bytes) -> None:
    """Write a whole file (temporary sibling, then rename); Refused when its folder is missing."""
    from inspector_app.cli import _write_file

    _write_file(path, data)


def emit(data: dict[str, Any]) -> None:
    """One JSON object on standard output (the `--json` contract)."""
    print(json.dumps(data, ensure_ascii=False, sort_keys=True))


def fail(field: str, code: str, params: dict[str, Any] | None = None, *, exit_code: int = 2) -> int:
    """A bilingual message on stderr; returns the exit code."""
    from inspector_app.messages import bilingual

    print(bilingual(field, code, dict(params or {})), file=sys.stderr)
    return exit_code


def fail_validation(exc: Any) -> int:
    for e in exc.errors:
        print(f"{e.message('zh')} / {e.message('en')}", file=sys.stderr)
    return 2


def grouped(fingerprint: str) -> str:
    """A SHA-256 as people compare it aloud (pki.certs.grouped)."""
    from inspector_app.pki.fingerprint import grouped as group

    return group(fingerprint)

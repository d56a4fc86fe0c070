"""`selfcheck`: is this installation and its database sound? Each check says what it found.

Checks the schema version, SQLite's integrity_check, the audit hash chain, that every finalised
record still matches its fingerprint, that the form definitions load, and that the CJK font exists.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from db import MIGRATIONS, schema_version
from db.audit import verify_chain
from db.connection import integrity_check
from db.inspections import finalised_fingerprints
from forms import FORM_IDS, DefinitionError, load_definition
from inspector_app.fonts import cjk_font_path
from inspector_app.services import DatabaseMissing, open_services


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def run_selfcheck(path: Path | str | None) -> list[Check]:
    """Run every check; never raises for a broken database (that is a failed check)."""
    checks: list[Check] = []
    try:
        with open_services(path, create=False) as services:
            db = services.db
            applied = schema_version(db)
            pending = [m.name for m in MIGRATIONS.pending(db)]
            checks.append(
                Check(
                    "schema",
                    not pending,
                    f"{len(applied)} migrations applied, latest {applied[-1]}"
                    if applied
                    else "no migrations",
                )
            )
            result = integrity_check(db)
            checks.append(Check("integrity", result == ["ok"], ", ".join(result)[:200]))
            ok, count, problem = verify_chain(db)
            checks.append(Check("audit chain", ok, problem or f"{count} entries chained"))
            records = finalised_fingerprints(db)
            bad = [
                record_no
                for record_no, canonical, digest in records
                if canonical is None or hashlib.sha256(canonical.encode("utf-8")).hexdigest() != digest
            ]
            detail = (
                f"{len(records)} match their fingerprints" if not bad else f"altered: {', '.join(bad[:5])}"
            )
            checks.append(Check("finalised records", not bad, detail))
    except DatabaseMissing as exc:
        checks.append(Check("database", False, f"no database at {exc.path}"))
    except Exception as exc:  # a corrupt file is a finding, not a crash
        checks.append(Check("database", False, f"{type(exc).__name__}: {exc}"))
    for form_id in FORM_IDS:
        try:
            defn = load_definition(form_id)
            checks.append(Check(f"form {form_id}", True, f"{defn.version} ({defn.regulation})"))
        except (DefinitionError, OSError) as exc:
            checks.append(Check(f"form {form_id}", False, str(exc)))
    font = cjk_font_path()
    checks.append(
        Check(
            "CJK font",
            font is not None,
            str(font) if font else "wqy-microhei not found (install fonts-wqy-microhei)",
        )
    )
    return checks

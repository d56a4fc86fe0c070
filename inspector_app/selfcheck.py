"""`selfcheck`: is this installation and its database sound? Each check says what it found.

Checks the schema version, SQLite's integrity and foreign keys, the audit hash chain, every
finalised record against what was signed (signature, stored columns, readings, attachments, PDF,
audit head: `inspector_app.integrity`), that the form definitions load, and that the CJK font
exists. A failed check lists each problem by record number.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import MIGRATIONS, schema_version
from db import sync as sync_repo
from db.audit import tail_problem, verify_chain
from db.connection import foreign_key_problems, integrity_check
from forms import DefinitionError, form_ids, load_definition
from inspector_app.fonts import cjk_font_path
from inspector_app.integrity import RecordsAudit, audit_records
from inspector_app.services import DatabaseMissing, open_services


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    problems: tuple[str, ...] = ()  # one line each, by record number where there is one


MAX_LISTED = 200  # problems listed per check; the count says if there are more

RECORD_CHECKS = (
    ("record signatures", "signature", "{signed} signatures verify against their certificates"),
    ("record columns", "columns", "{records} records: every stored column matches the signed record"),
    ("record readings", "readings", "{records} records: readings and standards as signed"),
    ("record attachments", "attachments", "{records} records: attachments as signed"),
    ("record PDFs", "pdf", "{signed} stored PDFs embed their own signed record"),
    ("audit heads", "audit", "{records} records: finalisation and signed audit head in the log"),
)


def _record_checks(audited: RecordsAudit) -> list[Check]:
    out = []
    for name, key, fine in RECORD_CHECKS:
        found = [str(f) for f in audited.findings if f.check == key]
        detail = (
            fine.format(records=audited.records, signed=audited.signed)
            if not found
            else f"{len(found)} problems in {len({f.split(':')[0] for f in found})} records"
        )
        out.append(Check(name, not found, detail, tuple(found[:MAX_LISTED])))
    return out


def _trust_check(services: Any) -> Check:
    """The verification source: the pinned (or the office's own) root and its newest trust list,
    whose signature must verify; a damaged newer list is reported, not silently passed over."""
    from inspector_app.pki import trustlist

    verifier = services.verifier()
    if verifier.root is None:
        return Check("trust", True, "no office yet: this laptop's own keys are trusted locally")
    documents = (
        [r["document"] for r in services.office.store.trust_lists()]
        if services.office is not None
        else sync_repo.trust_list_documents(services.db)
    )
    listed = verifier.trust_list
    damaged = [
        trustlist.version_of(d)
        for d in documents
        if listed is None or trustlist.version_of(d) > listed.version
    ]
    if listed is None:
        return Check("trust", False, "no trust list verifies against the office root")
    detail = f"root {verifier.root_sha256[:16]}…, trust list v{listed.version} until {listed.expires_at[:10]}"
    if damaged:
        return Check("trust", False, f"{detail}; newer list(s) {damaged} fail the root's signature")
    return Check("trust", True, detail)


def _office_records_check(store: Any) -> Check:
    """Every record the office received still matches its fingerprint."""
    bad = []
    count = 0
    for row in store.iter_records():
        count += 1
        if hashlib.sha256(row["canonical"].encode("utf-8")).hexdigest() != row["fingerprint"]:
            bad.append(row["record_no"])
    detail = (
        f"{count} received records match their fingerprints" if not bad else f"altered: {', '.join(bad[:5])}"
    )
    return Check("office records", not bad, detail)


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
            cut = tail_problem(db)
            checks.append(Check("audit tail", not cut, cut or "the log ends where its tally does"))
            orphans = foreign_key_problems(db)
            checks.append(
                Check(
                    "references",
                    not orphans,
                    "every row's references resolve" if not orphans else f"{len(orphans)} broken",
                    tuple(orphans[:MAX_LISTED]),
                )
            )
            audited = audit_records(db, services.records.verifier)
            checks.extend(_record_checks(audited))
            checks.append(_trust_check(services))
            if services.office is not None:
                checks.append(_office_records_check(services.office.store))
    except DatabaseMissing as exc:
        checks.append(Check("database", False, f"no database at {exc.path}"))
    except Exception as exc:  # a corrupt file is a finding, not a crash
        checks.append(Check("database", False, f"{type(exc).__name__}: {exc}"))
    for form_id in form_ids():
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
    if font is not None:
        checks.append(_glyph_check())
    return checks


def _glyph_check() -> Check:
    """Every character the record can print whatever its data (the PDF code's texts, every form
    definition's labels) is in the embedded font: a missing one prints as nothing."""
    from inspector_app.pdf import glyphs

    texts = glyphs.code_texts()
    for form_id in form_ids():
        try:
            texts += glyphs.definition_texts(load_definition(form_id))
        except (DefinitionError, OSError):
            continue  # reported above
    missing = glyphs.unprintable(texts)
    return Check(
        "record font glyphs",
        not missing,
        "every character the record prints is in the font"
        if not missing
        else "not in the font: " + " ".join(f"{c} U+{ord(c):04X}" for c in missing),
        tuple(missing),
    )

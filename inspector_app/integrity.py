"""Re-deriving what the store says about each finalised record from what was signed.

The triggers stop edits made through SQLite; someone who drops them can still change a row. This
module trusts only the signed canonical record: it checks the signature against the signer's
certificate, derives every stored column, reading, attachment and standard from the record and
compares, checks that the stored PDF embeds that same record, and that the audit log still holds
the head the record signed and the entry of its finalisation. Each mismatch names its record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from db import audit
from db import inspections as repo

SEALED_STATUSES = ("finalised", "approved", "returned")


@dataclass(frozen=True)
class Finding:
    """One thing about one record that does not match what was signed."""

    record_no: str
    check: str  # "signature", "columns", "readings", "attachments", "pdf", "audit"
    detail: str

    def __str__(self) -> str:
        return f"{self.record_no}: {self.detail}"


@dataclass(frozen=True)
class RecordsAudit:
    records: int
    signed: int
    findings: tuple[Finding, ...]


def audit_records(db: Any, verifier: Callable[[], Any]) -> RecordsAudit:
    """Check every record past draft; never raises for what it finds (that is a finding)."""
    finalise_entries = audit.entries_for(db, "inspections", "finalise")
    findings: list[Finding] = []
    records = signed = 0
    trust = None
    seen = set()
    for row in repo.sealed_rows(db):
        records += 1
        seen.add(row["id"])
        number = str(row["record_no"])
        if row["signature"]:
            signed += 1
            if trust is None:
                trust = verifier()
        for check, detail in _record_problems(db, row, finalise_entries, trust):
            findings.append(Finding(number, check, detail))
    for missing in sorted(set(finalise_entries) - seen):
        findings.append(Finding(f"id {missing}", "audit", "finalised, and now missing from the store"))
    return RecordsAudit(records, signed, tuple(findings))


def _record_problems(
    db: Any, row: dict[str, Any], finalise_entries: dict[str, list[dict[str, Any]]], trust: Any
) -> Iterator[tuple[str, str]]:
    canonical = row["canonical"]
    if not canonical:
        yield "columns", "finalised without a canonical record"
        return
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    if digest != row["fingerprint"]:
        yield "columns", "canonical record does not match its fingerprint"
    try:
        record = json.loads(canonical)
        if not isinstance(record, dict):
            raise ValueError("not an object")
    except ValueError:
        yield "columns", "canonical record is not a JSON object"
        return
    parts = repo.stored_parts(db, row["id"])
    if row["signature"]:
        yield from _signature_problems(row, record, canonical, trust, parts)
    yield from _column_problems(row, record)
    yield from _part_problems(row, record, canonical, parts)
    yield from _audit_problems(db, row, record, digest, finalise_entries)


def _signature_problems(
    row: dict[str, Any], record: dict[str, Any], canonical: str, trust: Any, parts: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    from inspector_app.signing import keys
    from inspector_app.signing import record as record_sig

    try:
        signature = json.loads(row["signature"])
        value = record_sig.unb64(signature["value"])
        cert_sha = str(signature["cert_sha256"])
    except (ValueError, KeyError, TypeError):
        yield "signature", "stored signature is unreadable"
        return
    if (record.get("signer") or {}).get("cert_sha256") != cert_sha:
        yield "signature", "signature names another certificate than the record's signer"
    cert = next((c for c in trust.certificates() if keys.cert_sha256(c) == cert_sha), None)
    if cert is None:
        cert = _embedded_certificate(parts, cert_sha)
    if cert is None:
        yield "signature", f"no certificate {cert_sha[:16]} to check the signature with"
        return
    if not record_sig.verify(cert, canonical.encode("utf-8"), value):
        yield "signature", "signature does not match the canonical record"
        return
    judged = trust.judge(cert, at=row["finalised_at"] or None)
    if not judged.ok:
        yield "signature", f"signer {judged.status} at signing time ({keys.subject_name(cert)})"


def _embedded_certificate(parts: dict[str, Any], cert_sha: str) -> Any:
    """The certificate carried in the record's own PDF, if it is the one the signature names."""
    from inspector_app.signing import keys, pades

    if parts["pdf"] is None:
        return None
    try:
        attached = json.loads(pades.read_attachment(parts["pdf"][1]))
        cert = keys.load_cert(attached["certificate"])
    except (ValueError, KeyError, TypeError):
        return None
    return cert if keys.cert_sha256(cert) == cert_sha else None


def _column_problems(row: dict[str, Any], record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    from inspector_app.services.inspections import instrument_label

    form = record.get("form") or {}
    site = record.get("site") or {}
    instrument = record.get("instrument")
    evaluation = record.get("evaluation") or {}
    expected: dict[str, Any] = {
        "id": record.get("id"),
        "record_no": record.get("record_no"),
        "form_id": form.get("id"),
        "form_version": form.get("version"),
        "form_hash": form.get("sha256"),
        "control": record.get("control"),
        "site_id": site.get("id"),
        "site_name": site.get("name"),
        "site_code": site.get("credit_code"),
        "instrument_id": None if instrument is None else instrument.get("id"),
        "instrument_label": instrument_label(instrument, record.get("lot")),
        "lot": record.get("lot"),
        "inspector": record.get("inspector"),
        "started_at": record.get("started_at"),
        "finalised_at": record.get("finalised_at"),
        "supersedes": record.get("supersedes"),
        "verdict": evaluation.get("verdict"),
        "failed": evaluation.get("failed"),
        "results": evaluation.get("results"),
        "measures": record.get("measures"),
    }
    json_columns = ("lot", "failed", "results", "measures")
    for column, want in expected.items():
        have = row[column]
        if column in json_columns:
            with contextlib.suppress(TypeError, ValueError):  # unreadable JSON: compared as text
                have = json.loads(have)
        if have != want:
            yield "columns", f"{column} is {_short(have)}, the signed record says {_short(want)}"
    if row["status"] not in SEALED_STATUSES:
        yield "columns", f"status is {_short(row['status'])} for a signed record"


def _part_problems(
    row: dict[str, Any], record: dict[str, Any], canonical: str, parts: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    from inspector_app.signing import pades

    signed_readings = record.get("readings") or {}
    if parts["readings"] != signed_readings:
        changed = sorted(
            p
            for p in set(parts["readings"]) | set(signed_readings)
            if parts["readings"].get(p) != signed_readings.get(p)
        )
        yield "readings", f"readings differ from the signed record: {', '.join(changed[:6])}"
    signed_attachments = sorted(
        (a.get("kind"), a.get("sha256"), a.get("mime")) for a in record.get("attachments") or []
    )
    stored_attachments = sorted((a["kind"], a["sha256"], a["mime"]) for a in parts["attachments"])
    if stored_attachments != signed_attachments:
        yield "attachments", "attachments differ from the signed record"
    for a in parts["attachments"]:
        if a["data_sha256"] != a["sha256"]:
            yield "attachments", f"{a['kind']} {a['sha256'][:16]}: its data has been replaced"
    signed_standards = sorted(str(s.get("id")) for s in record.get("standards") or [])
    if parts["standard_ids"] != signed_standards:
        yield "readings", "standards used differ from the signed record"
    pdf = parts["pdf"]
    if row["signature"] and pdf is None:
        yield "pdf", "signed record without its PDF"
    if pdf is None:
        return
    sha, data = pdf
    if hashlib.sha256(data).hexdigest() != sha:
        yield "pdf", "stored PDF does not match its SHA-256"
    try:
        attached = json.loads(pades.read_attachment(data))
        embedded = attached["canonical"]
    except (pades.PdfUnreadable, ValueError, KeyError, TypeError):
        yield "pdf", "stored PDF has no readable embedded record"
        return
    if embedded != canonical:
        other = _record_no_of(embedded)
        yield "pdf", "stored PDF embeds another record" + (f" ({other})" if other else "")
    elif row["signature"] and attached.get("signature") != json.loads(row["signature"]):
        yield "pdf", "stored PDF carries another signature"


def _audit_problems(
    db: Any,
    row: dict[str, Any],
    record: dict[str, Any],
    digest: str,
    finalise_entries: dict[str, list[dict[str, Any]]],
) -> Iterator[tuple[str, str]]:
    entries = finalise_entries.get(row["id"], [])
    if not any(e.get("fingerprint") == digest for e in entries):
        yield "audit", "the audit log has no entry of this record's finalisation"
    head = record.get("audit_head")
    if not isinstance(head, dict):  # records signed before the head was carried (canonical v1)
        return
    try:
        seq, signed_hash = int(head["seq"]), str(head["hash"])
    except (KeyError, TypeError, ValueError):
        yield "audit", "the signed audit head is unreadable"
        return
    found = audit.hash_at(db, seq)
    if found is None:
        yield "audit", f"audit entry {seq}, the head when this record was signed, is missing"
    elif found != signed_hash:
        yield "audit", f"audit entry {seq} was rewritten after this record was signed"


def _record_no_of(canonical: str) -> str:
    try:
        return str(json.loads(canonical).get("record_no", ""))
    except (ValueError, AttributeError):
        return ""


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:39] + "…"

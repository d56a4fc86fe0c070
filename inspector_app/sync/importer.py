"""Importing a bundle at the office: verify → plan → write (spec/office.md, "the bundle").

1. `verify`: the zip's structure, the signed manifest and its signer, every member's size and
   SHA-256, every record's signature and its signer's trust at the signing time, every enrolment
   request. Any fault refuses the bundle whole, naming the member. Nothing is written.
2. `plan`: against the store — new, duplicate (same id and fingerprint), conflict (same id, other
   fingerprint; or a correction of a record that is no longer the current revision), sequence gaps.
3. `write`: one transaction. Members are read again (and re-hashed: the file may have changed
   meanwhile) and streamed into the store; the transaction is rolled back on any fault.

Memory stays flat in the bundle's size: records are parsed one at a time; only a small index
entry per record is kept between the phases.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from db.office import OfficeStore
from inspector_app.office.dates import local_date
from inspector_app.pki import certs
from inspector_app.pki import trust as pki_trust
from inspector_app.pki.trust import Verifier
from inspector_app.signing import record as record_sig
from inspector_app.sync import formats, manifest
from inspector_app.sync.refusals import Refused
from inspector_app.sync.zipcheck import SafeZip, file_sha256

Progress = Callable[[str, int, int], None]  # phase, done, total
ACCEPTED, REFUSED, UNREADABLE = "accepted", "refused", "unreadable"
# A record's refusal reason as `verify` words it (services.records.Verification reasons).
VERIFY_REASONS = {
    "": "",
    "record_signature_bad": "record_signature_broken",
    "record_signer_unknown": "signer_not_enrolled",
    "record_signer_revoked": "signer_revoked",
    "record_signer_expired": "signer_expired",
}
_SIGNER_REASONS = {
    pki_trust.UNKNOWN: "signer_unknown",
    pki_trust.REVOKED: "signer_revoked",
    pki_trust.EXPIRED: "signer_expired",
}


@dataclass
class Entry:
    """What the plan needs of one record (kept for every record between the phases)."""

    id: str
    fingerprint: str
    supersedes: str | None
    finalised_at: str
    has_pdf: bool
    columns: dict[str, Any] = field(default_factory=dict)  # the store's columns but the record itself
    outcome: str = ""  # new | duplicate | conflict
    conflict_reason: str = ""
    needs_pdf: bool = False  # a duplicate of a record received on paper: its PDF comes now


@dataclass
class RecordCheck:
    """One record's verification, for `verify BUNDLE` (which reports each record)."""

    id: str
    record_no: str
    status: str  # valid | altered | unknown_signer | revoked
    reason: str
    signer: str
    date: str
    verdict: str


@dataclass
class Verified:
    path: Path
    sha256: str
    manifest: dict[str, Any]
    signer: x509.Certificate
    signer_trust: pki_trust.SignerTrust
    entries: list[Entry]
    certificates: dict[str, x509.Certificate]
    requests: list[certs.EnrolmentRequest]
    checks: list[RecordCheck] = field(default_factory=list)


@dataclass
class BundleResult:
    """The outcome of one bundle, as `office import --json` reports it."""

    bundle: str
    status: str
    member: str = ""
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    device_id: str = ""
    seq: int = 0
    records: int = 0
    imported: int = 0
    duplicates: int = 0
    conflicts: int = 0
    completed: int = 0  # records received on paper whose PDF (and photos) this bundle brought
    requests: int = 0
    gaps: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    already_imported: bool = False


def _member_kind(name: str) -> tuple[str, tuple[str, ...]]:
    found = formats.kind_of(name, formats.BUNDLE_MEMBERS)
    if found is None:
        raise Refused(name, "extra_member")
    return found


def _check_header(m: dict[str, Any]) -> None:
    problems = []
    if not (isinstance(m.get("device_id"), str) and formats.UUID_RE.fullmatch(m["device_id"])):
        problems.append("device_id")
    if not (isinstance(m.get("seq"), int) and m["seq"] >= 1):
        problems.append("seq")
    if not (isinstance(m.get("base_ack"), int) and 0 <= m["base_ack"] < max(int(m.get("seq") or 0), 1)):
        problems.append("base_ack")
    if not isinstance(m.get("created_at"), str):
        problems.append("created_at")
    if problems:
        raise Refused(formats.MANIFEST, "manifest_invalid", detail=", ".join(problems))


RECORD_KEYS = ("id", "record_no", "form", "site", "evaluation", "finalised_at", "device_id")


def parse_canonical(name: str, canonical: Any, signature: Any) -> dict[str, Any]:
    """The record a canonical text holds, with the keys every record has; Refused(record_invalid).
    Shared by bundle members and sync codes (sync.scan_import)."""
    try:
        record = json.loads(canonical)
        if not (isinstance(record, dict) and isinstance(signature, dict) and isinstance(canonical, str)):
            raise TypeError
        for key in RECORD_KEYS:
            if key not in record:
                raise KeyError(key)
    except RecursionError as exc:  # a record nests 6 levels; thousands are an attack, not a record
        raise Refused(name, "record_invalid", detail="nested too deep") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise Refused(name, "record_invalid", detail=str(exc)[:60] or type(exc).__name__) from exc
    return record


def _parse_record(name: str, data: bytes) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """(canonical record, canonical text, signature) of a record member; Refused(record_invalid)."""
    try:
        wrapper = json.loads(data.decode("utf-8"))
        canonical = wrapper["canonical"]
        signature = wrapper["signature"]
    except RecursionError as exc:
        raise Refused(name, "record_invalid", detail="nested too deep") from exc
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise Refused(name, "record_invalid", detail=str(exc)[:60] or type(exc).__name__) from exc
    return parse_canonical(name, canonical, signature), canonical, signature


def verify(
    path: Path,
    verifier: Verifier,
    *,
    report: bool = False,
    progress: Progress | None = None,
    opened: SafeZip | None = None,
) -> Verified:
    """Check a bundle completely without writing anything; raises Refused.

    With ``report`` a record whose signature or signer fails is listed in ``checks`` instead of
    refusing the bundle (what `verify BUNDLE` prints); structural faults still refuse.
    """
    with contextlib.nullcontext(opened) if opened is not None else SafeZip(path) as zf:
        m, _raw, signer = manifest.read(zf, formats.BUNDLE_FORMAT)
        _check_header(m)
        trust = verifier.judge(signer)
        if not trust.ok and not report:
            raise Refused(formats.SIGNATURE, _SIGNER_REASONS[trust.status], revoked_at=trust.revoked_at[:10])
        members: dict[str, dict[str, Any]] = m["members"]
        kinds = {name: _member_kind(name) for name in members}
        certificates: dict[str, x509.Certificate] = {}
        for name, (kind, parts) in kinds.items():
            if kind != "certificate":
                continue
            data = zf.read_checked(name, **members[name])
            try:
                cert = certs.load(data)
            except ValueError as exc:
                raise Refused(name, "certificate_invalid") from exc
            if certs.cert_sha256(cert) != parts[0]:
                raise Refused(name, "certificate_invalid")
            certificates[parts[0]] = cert
        record_names = [n for n, (k, _) in kinds.items() if k == "record"]
        if progress is not None:
            progress("verify", 0, len(record_names))
        entries: list[Entry] = []
        checks: list[RecordCheck] = []
        judged: dict[tuple[str, str], pki_trust.SignerTrust] = {}
        device = m["device_id"]
        for done, name in enumerate(record_names, start=1):
            record_id = kinds[name][1][0]
            record, canonical, signature = _parse_record(name, zf.read_checked(name, **members[name]))
            if record.get("id") != record_id:
                raise Refused(name, "record_id_mismatch")
            if record.get("device_id") != device:
                raise Refused(name, "record_device_mismatch")
            status, reason, trust_of = check_record(
                name, record, canonical, signature, certificates, verifier, judged
            )
            if status != "valid" and not report:
                raise Refused(name, reason)
            for attachment in record.get("attachments") or []:
                sha = str(attachment.get("sha256", "")) if isinstance(attachment, dict) else ""
                if f"attachments/{sha}" not in members:
                    raise Refused(f"attachments/{sha}", "missing_member")
            entries.append(
                Entry(
                    id=record_id,
                    fingerprint=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
                    supersedes=record.get("supersedes") or None,
                    finalised_at=str(record["finalised_at"]),
                    has_pdf=f"records/{record_id}.pdf" in members,
                    columns=_columns(record, signature),
                )
            )
            if report:
                checks.append(
                    RecordCheck(
                        record_id,
                        str(record.get("record_no", "")),
                        status,
                        VERIFY_REASONS.get(reason, reason),
                        trust_of.subject if trust_of else "",
                        str(record["finalised_at"])[:10],
                        str((record.get("evaluation") or {}).get("verdict", "")),
                    )
                )
            if progress is not None and done % 200 == 0:
                progress("verify", done, len(record_names))
        with_record = {f"records/{e.id}.pdf" for e in entries}
        requests: list[certs.EnrolmentRequest] = []
        for name, (kind, parts) in kinds.items():
            if kind == "pdf" and name not in with_record:
                raise Refused(name, "extra_member")
            if kind in ("attachment", "form") and parts[0] != members[name]["sha256"]:
                raise Refused(name, "hash_mismatch")  # stored by hash: the name is the content's hash
            if kind in ("pdf", "attachment", "form"):
                zf.read_checked(name, keep=False, **members[name])
            elif kind == "request":
                data = zf.read_checked(name, **members[name])
                try:
                    request = certs.read_request(data)
                except certs.RequestInvalid as exc:
                    raise Refused(name, "request_invalid", detail=exc.code) from exc
                if request.key_sha256 != parts[0]:
                    raise Refused(name, "request_invalid", detail="name")
                requests.append(request)
    if progress is not None:
        progress("verify", len(record_names), len(record_names))
    return Verified(path, file_sha256(path), m, signer, trust, entries, certificates, requests, checks)


def check_record(
    name: str,
    record: dict[str, Any],
    canonical: str,
    signature: dict[str, Any],
    certificates: dict[str, x509.Certificate],
    verifier: Verifier,
    judged: dict[tuple[str, str], pki_trust.SignerTrust],
) -> tuple[str, str, pki_trust.SignerTrust | None]:
    """(status, reason, signer trust) of one record: its signature, then its signer at signing time.
    Shared by bundle members and sync codes; raises Refused(missing_member) when ``certificates``
    lacks the certificate the signature names."""
    cert_sha = str(signature.get("cert_sha256", ""))
    cert = certificates.get(cert_sha)
    if cert is None:
        raise Refused(f"certificates/{cert_sha}.pem", "missing_member")
    try:
        value = record_sig.unb64(str(signature["value"]))
    except (KeyError, ValueError, TypeError):
        return "altered", "record_signature_bad", None
    if signature.get("alg") != record_sig.ALGORITHM or not record_sig.verify(
        cert, canonical.encode("utf-8"), value
    ):
        return "altered", "record_signature_bad", None
    at = str(record["finalised_at"])
    key = (cert_sha, at)
    trust = judged.get(key)
    if trust is None:
        trust = judged[key] = verifier.judge(cert, at=at)
    if trust.ok:
        return "valid", "", trust
    status = {pki_trust.REVOKED: "revoked"}.get(trust.status, "unknown_signer")
    return status, "record_" + _SIGNER_REASONS[trust.status], trust


def classify(entries: list[Entry], store: OfficeStore) -> dict[str, int]:
    """Sort records into new / duplicate / conflict against the store and each other (reads only),
    oldest first; returns the counts. Shared by bundles and sync codes (sync.scan_import).

    Same id and fingerprint: a duplicate; same id, other fingerprint: a conflict, kept beside the
    original; a correction of a record that is no longer the current revision: a conflict too.
    A duplicate whose stored record has no PDF yet (it came on paper) gets ``needs_pdf``.
    """
    entries = sorted(entries, key=lambda e: (e.finalised_at, e.id))
    ids = [e.id for e in entries]
    stored = store.fingerprints(ids)
    queued = store.conflict_keys(ids)
    superseded = store.superseding([e.supersedes for e in entries if e.supersedes])
    lacking = store.without_pdf([e.id for e in entries if e.has_pdf and e.id in stored])
    counts = {"new": 0, "duplicate": 0, "conflict": 0}
    for e in entries:
        if e.id in stored:
            if stored[e.id] == e.fingerprint or (e.id, e.fingerprint) in queued:
                e.outcome = "duplicate"
                e.needs_pdf = stored[e.id] == e.fingerprint and e.id in lacking
            else:
                e.outcome, e.conflict_reason = "conflict", "different_content"
        elif e.supersedes and superseded.get(e.supersedes, e.id) != e.id:
            # ODK Central's rule: a correction of a record that is no longer the current revision.
            e.outcome = "duplicate" if (e.id, e.fingerprint) in queued else "conflict"
            e.conflict_reason = "superseded_not_current"
        else:
            e.outcome = "new"
            if e.supersedes:
                superseded[e.supersedes] = e.id
            stored[e.id] = e.fingerprint  # the same record twice in one import is one record
        counts[e.outcome] += 1
    return counts


def plan(verified: Verified, store: OfficeStore) -> BundleResult:
    """Sort each record into new / duplicate / conflict against the store (reads only)."""
    m = verified.manifest
    entries = verified.entries
    counts = classify(entries, store)
    device, seq = m["device_id"], m["seq"]
    seqs = set(store.bundle_seqs(device)) | {seq}
    gaps = [n for n in range(1, max(seqs) + 1) if n not in seqs]
    result = BundleResult(
        bundle=str(verified.path),
        status=ACCEPTED,
        device_id=device,
        seq=seq,
        records=len(entries),
        imported=counts["new"],
        duplicates=counts["duplicate"],
        conflicts=counts["conflict"],
        completed=sum(e.needs_pdf for e in entries),
        requests=len(verified.requests),
        gaps=gaps,
        already_imported=store.bundle(verified.sha256) is not None,
    )
    known = store.device(device)
    if m["base_ack"] > (known["acknowledged_seq"] if known else 0):
        # The laptop holds an acknowledgement this office no longer has (a restored backup?):
        # records it thinks delivered may be missing here. `sync export --all` resends them.
        result.warnings.append("acknowledgement_ahead")
    return result


def _columns(record: dict[str, Any], signature: dict[str, Any]) -> dict[str, Any]:
    """The store's searchable columns of a record (kept from verification to writing, so the
    canonical record is parsed once)."""
    site = record.get("site") or {}
    evaluation = record.get("evaluation") or {}
    form = record.get("form") or {}
    return {
        "record_no": str(record.get("record_no", "")),
        "device_id": str(record.get("device_id", "")),
        "form_id": str(form.get("id", "")),
        "form_version": str(form.get("version", "")),
        "form_sha256": str(form.get("sha256", "")),
        "verdict": str(evaluation.get("verdict", "")),
        "failed": json.dumps(_strings(evaluation.get("failed")), ensure_ascii=False),
        "site_code": str(site.get("credit_code", "")),
        "site_name": str(site.get("name", "")),
        "district": str(site.get("district", "")),
        "inspector": str(record.get("inspector", "")),
        "signer_sha256": str(signature.get("cert_sha256", "")),
        "started_at": str(record.get("started_at", "")),
        # What the office queries by (statistics, publication), read from what was signed: the
        # day of the check on site (its start, local time), the task answered, the failed items
        # and the measures taken.
        "inspected_on": local_date(str(record.get("started_at") or record.get("finalised_at") or "")),
        "task_id": record.get("task_id") if isinstance(record.get("task_id"), str) else None,
        "measures": json.dumps(_strings(record.get("measures")), ensure_ascii=False),
        "items": _strings(evaluation.get("failed")),
    }


def _record_row(canonical: str, signature: dict[str, Any], e: Entry, bundle: str, now: str) -> dict[str, Any]:
    return {
        **e.columns,
        "id": e.id,
        "fingerprint": e.fingerprint,
        "finalised_at": e.finalised_at,
        "supersedes": e.supersedes,
        "canonical": canonical,
        "signature": json.dumps(signature, sort_keys=True),
        "bundle_sha256": bundle,
        "imported_at": now,
        "imported_on": local_date(now),  # the import's local day (the delay statistics)
        "reason": e.conflict_reason,
        "received_at": now,
    }


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def write(
    verified: Verified,
    result: BundleResult,
    store: OfficeStore,
    *,
    now: str,
    office_device: str,
    actor: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    opened: SafeZip | None = None,
) -> BundleResult:
    """Store what the plan decided, in one transaction; raises Refused (rolled back) if a member
    changed since it was verified (each is read and hashed again), or if cancelled."""
    m = verified.manifest
    members: dict[str, dict[str, Any]] = m["members"]
    todo = [e for e in verified.entries if e.outcome in ("new", "conflict")]
    total = len(todo)
    done = [0]

    def tick() -> None:
        if cancelled is not None and cancelled():
            raise Refused("", "cancelled")
        done[0] += 1
        if progress is not None and done[0] % 200 == 0:
            progress("write", done[0], total)

    with (
        contextlib.nullcontext(opened) if opened is not None else SafeZip(verified.path) as zf,
        store.transaction(),
    ):
        if progress is not None:
            progress("write", 0, total)

        def rows(outcome: str) -> Iterator[dict[str, Any]]:
            for e in todo:
                if e.outcome != outcome:
                    continue
                name = f"records/{e.id}.json"
                try:  # verified already: only the canonical text and its signature are needed
                    wrapper = json.loads(zf.read_checked(name, **members[name]))
                    canonical, signature = str(wrapper["canonical"]), dict(wrapper["signature"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise Refused(name, "member_changed") from exc
                if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != e.fingerprint:
                    raise Refused(name, "member_changed")
                tick()
                yield _record_row(canonical, signature, e, verified.sha256, now)

        def pdfs() -> Iterator[dict[str, Any]]:
            for e in verified.entries:
                name = f"records/{e.id}.pdf"
                if e.has_pdf and (e.outcome in ("new", "conflict") or e.needs_pdf):
                    data = zf.read_checked(name, **members[name])
                    yield {
                        "record_id": e.id,
                        "fingerprint": e.fingerprint,
                        "sha256": members[name]["sha256"],
                        "data": data,
                    }

        def blobs(kind: str) -> Iterator[tuple[str, bytes]]:
            for name in members:
                found = formats.kind_of(name, formats.BUNDLE_MEMBERS)
                if found and found[0] == kind:
                    yield found[1][0], zf.read_checked(name, **members[name])

        store.add_signer_certs(
            {"cert_sha256": sha, "key_sha256": certs.key_sha256(c.public_key()), "pem": certs.pem(c)}
            for sha, c in [
                *verified.certificates.items(),
                (certs.cert_sha256(verified.signer), verified.signer),
            ]
        )
        store.add_forms({"sha256": sha, "text": data.decode("utf-8")} for sha, data in blobs("form"))
        store.add_records(rows("new"))
        store.add_conflicts(rows("conflict"))
        store.add_record_pdfs(pdfs())
        store.add_attachments({"sha256": sha, "data": data} for sha, data in blobs("attachment"))
        store.add_requests(
            {
                "key_sha256": r.key_sha256,
                "pem": r.pem,
                "name": r.name,
                "id_number": r.id_number,
                "office": r.office,
                "device_id": r.device_id,
                "source": "bundle",
                "received_at": now,
            }
            for r in verified.requests
        )
        if not result.already_imported:
            store.add_bundle(
                {
                    "sha256": verified.sha256,
                    "device_id": result.device_id,
                    "seq": result.seq,
                    "base_ack": m["base_ack"],
                    "file_name": verified.path.name,
                    "signer_sha256": certs.cert_sha256(verified.signer),
                    "created_at": str(m["created_at"]),
                    "imported_at": now,
                    "records": result.records,
                    "imported": result.imported,
                    "duplicates": result.duplicates,
                    "conflicts": result.conflicts,
                }
            )
        store.note_device(device_id=result.device_id, at=now, acknowledged_seq=result.seq)
        store.audit(
            at=now,
            device_id=office_device,
            actor=actor,
            action="import_bundle",
            entity="office_bundles",
            entity_id=verified.sha256,
            detail={
                "device_id": result.device_id,
                "seq": result.seq,
                "imported": result.imported,
                "duplicates": result.duplicates,
                "conflicts": result.conflicts,
            },
        )
    if progress is not None:
        progress("write", total, total)
    return result


def import_bundle(
    path: Path,
    store: OfficeStore,
    verifier: Verifier,
    *,
    now: str,
    office_device: str,
    actor: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BundleResult:
    """verify → plan → write one bundle; a refusal is returned (status refused / unreadable),
    never raised, and leaves the store as it was."""
    try:
        with SafeZip(path) as zf:  # opened once: its directory is read once
            verified = verify(path, verifier, progress=progress, opened=zf)
            if cancelled is not None and cancelled():
                raise Refused("", "cancelled")
            result = plan(verified, store)
            if result.already_imported and not (result.imported or result.conflicts or result.completed):
                return result  # the same file again: nothing to write, nothing changes
            return write(
                verified,
                result,
                store,
                now=now,
                office_device=office_device,
                actor=actor,
                progress=progress,
                cancelled=cancelled,
                opened=zf,
            )
    except Refused as exc:
        return BundleResult(
            bundle=str(path),
            status=UNREADABLE if exc.unreadable else REFUSED,
            member=exc.member,
            reason=exc.reason,
            params=exc.params,
        )

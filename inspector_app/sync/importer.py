"""Importing a bundle at the office (spec/office.md, "the bundle"): one transaction, committed
only after the last check has passed (docs/decisions.md, "A bundle's records are written as they
are verified").

1. `verify`: the zip's structure, the signed manifest and its signer, every record member's size
   and SHA-256, every record's signature (on a thread pool: OpenSSL verifies without the GIL) and
   its signer's trust at the signing time, every enrolment request. Any fault refuses the bundle
   whole, naming the member. Alone (`verify BUNDLE`), it writes nothing.
2. In an import (`import_bundle`), the store's transaction is open from the start, and `verify`
   hands each verified record to a `_Writer`, which sorts it against the store — new, duplicate
   (same id and fingerprint), conflict (same id, other fingerprint) — and writes it with its PDF
   (read and checked as it is stored) a batch at a time. A correction waits for the last record:
   whether it is one (or a conflict: a correction of a record no longer the current revision)
   depends on the bundle's other corrections, oldest first (`classify`); its member is read again
   then, checked against the manifest's SHA-256 like the first time. Then the attachments and
   forms (checked as stored), the requests, the bundle and the device; sequence gaps are reported.
   Any fault, or a cancel, rolls the whole transaction back: nothing of a refused bundle is kept,
   and a killed import leaves the database as it was.

Each member is read and hashed once (a correction's record twice), from the one open file. Memory
stays flat in the members' sizes (one member at a time) and small per record: a batch of records
waits for its write, and an entry of ~0.4 kB per record is kept to the end.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import orjson
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from db.errors import StoreBusy
from db.office import OfficeStore
from inspector_app.office.dates import local_date
from inspector_app.pki import certs
from inspector_app.pki import trust as pki_trust
from inspector_app.pki.trust import Verifier
from inspector_app.signing import record as record_sig
from inspector_app.sync import formats, manifest
from inspector_app.sync.refusals import Refused
from inspector_app.sync.zipcheck import SafeZip

Progress = Callable[[str, int, int], None]  # phase, done, total

# How long an import waits for another writer of the office (another clerk's import of a large
# bundle holds the write lock from its first check to its commit) before it is refused.
WRITER_PATIENCE_S = 120.0
# Takes the signed manifest, the bundle's identity and each verified record's entry and row (as
# OfficeStore.add_records takes it, less the columns the import adds), in the file's order.
Stage = Callable[[dict[str, Any], str, Iterable[tuple["Entry", dict[str, Any]]]], None]
# Signatures are checked on a thread pool BATCH records per task, at most WINDOW tasks ahead of
# the reader: enough to keep the threads busy, few enough that the records waiting for them stay
# a few hundred kB.
BATCH = 32
WINDOW = 4
WORKERS = min(4, os.cpu_count() or 2)
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


@dataclass(slots=True)
class Entry:
    """What the plan needs of one record (kept for every record between the phases; the record
    itself waits in the store's scratch table)."""

    id: str
    fingerprint: str
    supersedes: str | None
    finalised_at: str
    has_pdf: bool
    # The store's columns but the record itself: sync codes (sync.scan_import) keep them here; a
    # bundle's records keep them in the scratch table with the record instead.
    columns: dict[str, Any] = field(default_factory=dict)
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
    sha256: str  # the bundle's identity: its signed manifest's (manifest.identity)
    manifest: dict[str, Any]
    signer: x509.Certificate
    signer_trust: pki_trust.SignerTrust
    entries: list[Entry]
    certificates: dict[str, x509.Certificate]
    requests: list[certs.EnrolmentRequest]
    checks: list[RecordCheck] = field(default_factory=list)
    blobs_checked: bool = True  # PDFs, attachments and forms hashed already (else the writer does)


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


class _Evaluation(msgspec.Struct):
    verdict: Any = msgspec.UNSET
    failed: Any = msgspec.UNSET


class _Head(msgspec.Struct):
    """What the office reads of a canonical record: the keys every record has (required), and
    the ones its columns and checks use. The rest (readings, results, instrument: most of a
    record) is checked as JSON but never made into Python objects — 4 × faster than parsing the
    whole record, and every record is parsed (bench/sync.py)."""

    id: Any
    record_no: Any
    form: Any
    site: Any
    evaluation: _Evaluation | None
    finalised_at: Any
    device_id: Any
    supersedes: Any = msgspec.UNSET
    attachments: Any = msgspec.UNSET
    inspector: Any = msgspec.UNSET
    started_at: Any = msgspec.UNSET
    task_id: Any = msgspec.UNSET
    measures: Any = msgspec.UNSET


_HEAD_FIELDS: tuple[str, ...] = _Head.__struct_fields__
_HEAD = msgspec.json.Decoder(_Head)


def parse_canonical(name: str, canonical: Any, signature: Any, data: bytes | None = None) -> dict[str, Any]:
    """The record a canonical text holds — the keys of `_Head` it has, ``evaluation`` only with
    its verdict and failed items — with the keys every record has; Refused(record_invalid).
    ``data``: the text's UTF-8 bytes, when the caller has them. Shared by bundle members and
    sync codes (sync.scan_import)."""
    try:
        if not (isinstance(canonical, str) and isinstance(signature, dict)):
            raise TypeError("canonical")
        # Nesting deeper than Python's recursion limit: a RecursionError. Read from the text
        # itself, msgspec leaves its UTF-8 form kept in the str (a lone surrogate, which has
        # none: UnicodeEncodeError, a ValueError).
        head = _HEAD.decode(canonical if data is None else data)
    except (msgspec.DecodeError, ValueError, TypeError, RecursionError) as exc:
        raise Refused(name, "record_invalid", detail=str(exc)[:60] or type(exc).__name__) from exc
    record = {key: value for key in _HEAD_FIELDS if (value := getattr(head, key)) is not msgspec.UNSET}
    if head.evaluation is not None:
        evaluation = head.evaluation
        kept = ("verdict", "failed")
        record["evaluation"] = {k: v for k in kept if (v := getattr(evaluation, k)) is not msgspec.UNSET}
    return record


def _parse_record(name: str, data: bytes) -> tuple[dict[str, Any], str, bytes, dict[str, Any]]:
    """(canonical record, canonical text and its UTF-8 bytes, signature) of a record member;
    Refused(record_invalid)."""
    try:
        wrapper = orjson.loads(data)  # 3–4 × the standard library's speed
        canonical = wrapper["canonical"]
        signature = wrapper["signature"]
    except (ValueError, KeyError, TypeError) as exc:
        raise Refused(name, "record_invalid", detail=str(exc)[:60] or type(exc).__name__) from exc
    # Parsed from the str, which then keeps its UTF-8 form: the bytes below (signed, hashed) and
    # SQLite's binding of the text when it is staged copy that form instead of encoding a mostly
    # Chinese text twice more (~3 µs a record).
    record = parse_canonical(name, canonical, signature)
    return record, canonical, canonical.encode("utf-8"), signature


def verify(
    path: Path,
    verifier: Verifier,
    *,
    report: bool = False,
    progress: Progress | None = None,
    opened: SafeZip | None = None,
    stage: Stage | None = None,
) -> Verified:
    """Check a bundle without writing to the store; raises Refused.

    With ``report`` a record whose signature or signer fails is listed in ``checks`` instead of
    refusing the bundle (what `verify BUNDLE` prints); structural faults still refuse.

    With ``stage`` (an import, its transaction open), each verified record's row goes there, and
    the PDFs, attachments and forms are left to be checked as they are stored: every member is read
    once. Without it every member is read and hashed here.
    """
    workers = WORKERS
    with (
        contextlib.nullcontext(opened) if opened is not None else SafeZip(path) as zf,
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="verify") as pool,
        _stopping(pool),
    ):
        # The bundle's identity is its signed manifest's: every member is checked against the
        # manifest as it is read, so the file needs no hash of its own (manifest.identity).
        m, sha256, signer = manifest.read(zf, formats.BUNDLE_FORMAT)
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
        # Records in the zip's own order: the file is read front to back.
        record_names = [n for n in zf.infos if n in kinds and kinds[n][0] == "record"]
        phase = "verify" if stage is None else "write"  # an import writes as it verifies
        if progress is not None:
            progress(phase, 0, len(record_names))
        scan = _RecordScan(zf, m, kinds, certificates, verifier, pool, report=report)
        rows = scan.rows(record_names, progress, phase)
        if stage is not None:
            stage(m, sha256, rows)
        else:
            for _row in rows:
                pass
        entries, checks = scan.entries, scan.checks
        with_record = {f"records/{e.id}.pdf" for e in entries}
        requests: list[certs.EnrolmentRequest] = []
        for name, (kind, parts) in kinds.items():
            if kind == "pdf" and name not in with_record:
                raise Refused(name, "extra_member")
            if kind in ("attachment", "form") and parts[0] != members[name]["sha256"]:
                raise Refused(name, "hash_mismatch")  # stored by hash: the name is the content's hash
            if kind in ("pdf", "attachment", "form"):
                if stage is None:
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
        progress(phase, len(record_names), len(record_names))
    return Verified(
        path,
        sha256,
        m,
        signer,
        trust,
        entries,
        certificates,
        requests,
        checks,
        blobs_checked=stage is None,
    )


@contextlib.contextmanager
def _stopping(pool: ThreadPoolExecutor) -> Iterator[None]:
    """On a refusal, drop the signatures not yet checked: a refused bundle is not read to its end."""
    try:
        yield
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise


@dataclass(slots=True)
class _Pending:
    """A record read and parsed, its signature waiting to be checked on the pool."""

    name: str
    record: dict[str, Any]
    canonical: str
    signature: dict[str, Any]
    fingerprint: str
    cert_sha: str
    # (key, the canonical text's SHA-256, signature); None: no signature to check
    job: tuple[ec.EllipticCurvePublicKey, bytes, bytes] | None


class _RecordScan:
    """Reads each record member once, checks it, verifies the signatures on the pool a batch at a
    time (a bounded window ahead of the reader), and yields the rows of the verified records in
    the file's order."""

    def __init__(
        self,
        zf: SafeZip,
        m: dict[str, Any],
        kinds: dict[str, tuple[str, tuple[str, ...]]],
        certificates: dict[str, x509.Certificate],
        verifier: Verifier,
        pool: ThreadPoolExecutor,
        *,
        report: bool,
    ) -> None:
        self.zf, self.members, self.kinds = zf, m["members"], kinds
        self.device = m["device_id"]
        self.certificates, self.verifier, self.pool, self.report = certificates, verifier, pool, report
        # The signers' public keys, taken out of their certificates once (an `isinstance` against
        # the key's abstract class costs more than reading a member); None: not an EC key.
        self.keys: dict[str, ec.EllipticCurvePublicKey | None] = {}
        for sha, cert in certificates.items():
            public = cert.public_key()
            self.keys[sha] = public if isinstance(public, ec.EllipticCurvePublicKey) else None
        self.judged: dict[tuple[str, str], pki_trust.SignerTrust] = {}
        self.entries: list[Entry] = []
        self.checks: list[RecordCheck] = []

    def rows(
        self, names: list[str], progress: Progress | None, phase: str
    ) -> Iterator[tuple[Entry, dict[str, Any]]]:
        window: deque[tuple[list[_Pending], Future[list[bool]]]] = deque()
        batch: list[_Pending] = []
        for done, name in enumerate(names, start=1):
            try:
                batch.append(self._read(name))
            except Refused:
                # A fault found by reading ahead waits for the records before it: the bundle is
                # refused for the first faulty record in the file, as a plain loop would.
                for pending, verdicts in window:
                    for _ in self._finish(pending, verdicts.result()):
                        pass
                for _ in self._finish(batch, record_sig.verify_many([p.job for p in batch])):
                    pass
                raise
            if len(batch) == BATCH:
                window.append((batch, self.pool.submit(record_sig.verify_many, [p.job for p in batch])))
                batch = []
                if len(window) > WINDOW:
                    pending, verdicts = window.popleft()
                    yield from self._finish(pending, verdicts.result())
            if progress is not None and done % 200 == 0:
                progress(phase, done, len(names))
        if batch:
            window.append((batch, self.pool.submit(record_sig.verify_many, [p.job for p in batch])))
        while window:
            pending, verdicts = window.popleft()
            yield from self._finish(pending, verdicts.result())

    def _read(self, name: str) -> _Pending:
        record_id = self.kinds[name][1][0]
        record, canonical, data, signature = _parse_record(
            name, self.zf.read_checked(name, **self.members[name])
        )
        if record.get("id") != record_id:
            raise Refused(name, "record_id_mismatch")
        if record.get("device_id") != self.device:
            raise Refused(name, "record_device_mismatch")
        cert_sha = str(signature.get("cert_sha256", ""))
        if cert_sha not in self.keys:
            raise Refused(f"certificates/{cert_sha}.pem", "missing_member")
        key = self.keys[cert_sha]
        for attachment in record.get("attachments") or []:
            sha = str(attachment.get("sha256", "")) if isinstance(attachment, dict) else ""
            if f"attachments/{sha}" not in self.members:
                raise Refused(f"attachments/{sha}", "missing_member")
        # One SHA-256 of the canonical text: the fingerprint, and what the signature is checked on.
        digest = hashlib.sha256(data).digest()
        job = None
        if signature.get("alg") == record_sig.ALGORITHM and key is not None:
            with contextlib.suppress(KeyError, ValueError, TypeError):
                job = (key, digest, record_sig.unb64(str(signature["value"])))
        return _Pending(name, record, canonical, signature, digest.hex(), cert_sha, job)

    def _finish(self, batch: list[_Pending], verdicts: list[bool]) -> Iterator[tuple[Entry, dict[str, Any]]]:
        for p, ok in zip(batch, verdicts, strict=True):
            yield self._finish_one(p, ok)

    def _finish_one(self, p: _Pending, signed: bool) -> tuple[Entry, dict[str, Any]]:
        """The record's signer judged; its entry and row (Refused unless ``report``)."""
        record = p.record
        if not signed:
            status, reason, trust_of = "altered", "record_signature_bad", None
        else:
            at = str(record["finalised_at"])
            trust_of = self.judged.get((p.cert_sha, at))
            if trust_of is None:
                cert = self.certificates[p.cert_sha]
                trust_of = self.judged[(p.cert_sha, at)] = self.verifier.judge(cert, at=at)
            if trust_of.ok:
                status, reason = "valid", ""
            else:
                status = {pki_trust.REVOKED: "revoked"}.get(trust_of.status, "unknown_signer")
                reason = "record_" + _SIGNER_REASONS[trust_of.status]
        if status != "valid" and not self.report:
            raise Refused(p.name, reason)
        record_id = str(record["id"])
        entry = Entry(
            id=record_id,
            fingerprint=p.fingerprint,
            supersedes=record.get("supersedes") or None,
            finalised_at=str(record["finalised_at"]),
            has_pdf=f"records/{record_id}.pdf" in self.members,
        )
        self.entries.append(entry)
        if self.report:
            self.checks.append(
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
        return entry, _bundle_row(record, p.canonical, p.signature, entry)


def _bundle_row(
    record: dict[str, Any], canonical: str, signature: dict[str, Any], entry: Entry
) -> dict[str, Any]:
    """A bundle's verified record as the store takes it, less the columns the import adds."""
    return {
        **_columns(record, signature),
        "id": entry.id,
        "fingerprint": entry.fingerprint,
        "finalised_at": entry.finalised_at,
        "supersedes": entry.supersedes,
        "canonical": canonical,
        "signature": orjson.dumps(signature, option=orjson.OPT_SORT_KEYS).decode(),
    }


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
            _against_stored(e, stored[e.id], queued, lacking)
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


def _against_stored(e: Entry, stored: str, queued: set[tuple[str, str]], lacking: set[str]) -> None:
    """The outcome of a record whose id the store holds with fingerprint ``stored``: a duplicate
    (the same record, or a conflict already queued) or a conflict."""
    if stored == e.fingerprint or (e.id, e.fingerprint) in queued:
        e.outcome = "duplicate"
        e.needs_pdf = stored == e.fingerprint and e.id in lacking
    else:
        e.outcome, e.conflict_reason = "conflict", "different_content"


def _columns(record: dict[str, Any], signature: dict[str, Any]) -> dict[str, Any]:
    """The store's searchable columns of a record (kept from verification to writing, so the
    canonical record is parsed once)."""
    site = record.get("site") or {}
    evaluation = record.get("evaluation") or {}
    form = record.get("form") or {}
    failed = _strings(evaluation.get("failed"))
    return {
        "record_no": str(record.get("record_no", "")),
        "device_id": str(record.get("device_id", "")),
        "form_id": str(form.get("id", "")),
        "form_version": str(form.get("version", "")),
        "form_sha256": str(form.get("sha256", "")),
        "verdict": str(evaluation.get("verdict", "")),
        "failed": _json_list(failed),
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
        "measures": _json_list(_strings(record.get("measures"))),
        "items": failed,
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


def _json_list(items: list[str]) -> str:
    """The stored JSON text of a list of strings (most records have none to list)."""
    return json.dumps(items, ensure_ascii=False) if items else "[]"


class _Writer:
    """Stores a bundle's verified records inside the import's open transaction as `verify` hands
    them over (its ``stage``), then the rest of the bundle (`finish`). Nothing is committed here:
    `import_bundle` commits after `finish`, i.e. after the last check."""

    def __init__(
        self, store: OfficeStore, zf: SafeZip, *, now: str, cancelled: Callable[[], bool] | None
    ) -> None:
        self.store, self.zf, self.now, self.cancelled = store, zf, now, cancelled
        self.on = local_date(now)  # the import's local day (the office's delay statistics)
        self.members: dict[str, dict[str, Any]] = {}
        self.sha256 = ""
        self.counts = {"new": 0, "duplicate": 0, "conflict": 0}
        self.corrections: list[Entry] = []  # written by `finish`, after the last record

    def records(self, m: dict[str, Any], sha256: str, pairs: Iterable[tuple[Entry, dict[str, Any]]]) -> None:
        """Sort and write each verified record but corrections, a batch at a time (a ``Stage``)."""
        self.members, self.sha256 = m["members"], sha256
        cancelled = self.cancelled
        batch: list[tuple[Entry, dict[str, Any]]] = []
        for entry, row in pairs:
            if cancelled is not None and cancelled():
                raise Refused("", "cancelled")
            if entry.supersedes:
                self.corrections.append(entry)
                continue
            batch.append((entry, row))
            if len(batch) == self.store.write_batch:
                self._sort(batch)
                self._write(batch)
                batch = []
        if batch:
            self._sort(batch)
            self._write(batch)

    def _sort(self, batch: list[tuple[Entry, dict[str, Any]]]) -> None:
        """A record that is no correction is new unless the store holds its id (a bundle names
        each id once): `classify`'s judgement, read for the batch's ids only."""
        stored = self.store.fingerprints([e.id for e, _row in batch])
        queued: set[tuple[str, str]] = set()
        lacking: set[str] = set()
        if stored:
            queued = self.store.conflict_keys(list(stored))
            lacking = self.store.without_pdf([i for i in stored if f"records/{i}.pdf" in self.members])
        for e, _row in batch:
            if e.id in stored:
                _against_stored(e, stored[e.id], queued, lacking)
            else:
                e.outcome = "new"
            self.counts[e.outcome] += 1

    def _write(self, batch: list[tuple[Entry, dict[str, Any]]]) -> None:
        """The batch's new records and conflicts, and their PDFs, each read and checked (a
        duplicate's too: a faulty member refuses the bundle) and stored for a new record, a
        conflict, or a record received on paper without it."""
        new = []
        conflicts = []
        for e, row in batch:
            if e.outcome == "new":
                row.update(bundle_sha256=self.sha256, imported_at=self.now, imported_on=self.on)
                new.append(row)
            elif e.outcome == "conflict":
                row.update(reason=e.conflict_reason, bundle_sha256=self.sha256, received_at=self.now)
                conflicts.append(row)
        if new:
            self.store.add_records(new)
        if conflicts:
            self.store.add_conflicts(conflicts)
        self.store.add_record_pdfs(self._pdfs([e for e, _row in batch]))

    def _pdfs(self, entries: list[Entry]) -> Iterator[dict[str, Any]]:
        for e in entries:
            if not e.has_pdf:
                continue
            name = f"records/{e.id}.pdf"
            stored = e.outcome in ("new", "conflict") or e.needs_pdf
            data = self.zf.read_checked(name, keep=stored, **self.members[name])
            if stored:
                yield {
                    "record_id": e.id,
                    "fingerprint": e.fingerprint,
                    "sha256": self.members[name]["sha256"],
                    "data": data,
                }

    def _corrections(self) -> None:
        """The corrections sorted oldest first among themselves and against the store (`classify`:
        the first correction of a record is one, a later one a conflict), then written, each read
        again from the bundle and checked against the manifest as the first time."""
        for outcome, n in classify(self.corrections, self.store).items():
            self.counts[outcome] += n
        step = self.store.write_batch
        for start in range(0, len(self.corrections), step):
            part = self.corrections[start : start + step]
            batch = []
            for e in part:
                name = f"records/{e.id}.json"
                record, canonical, _data, signature = _parse_record(
                    name, self.zf.read_checked(name, **self.members[name])
                )
                batch.append((e, _bundle_row(record, canonical, signature, e)))
            self._write(batch)

    def finish(
        self, verified: Verified, *, office_device: str, actor: str, progress: Progress | None
    ) -> BundleResult:
        """After `verify`'s last check of the records: the corrections, certificates, forms and
        attachments (checked as stored), requests, the bundle, the device and the audit entry."""
        store, m = self.store, verified.manifest
        total = len(verified.entries)
        if progress is not None:
            progress("write", total, total)
        self._corrections()
        device, seq = m["device_id"], m["seq"]
        seqs = set(store.bundle_seqs(device)) | {seq}
        counts = self.counts
        result = BundleResult(
            bundle=str(verified.path),
            status=ACCEPTED,
            device_id=device,
            seq=seq,
            records=total,
            imported=counts["new"],
            duplicates=counts["duplicate"],
            conflicts=counts["conflict"],
            completed=sum(e.needs_pdf for e in verified.entries),
            requests=len(verified.requests),
            gaps=[n for n in range(1, max(seqs) + 1) if n not in seqs],
            already_imported=store.bundle(verified.sha256) is not None,
        )
        known = store.device(device)
        if m["base_ack"] > (known["acknowledged_seq"] if known else 0):
            # The laptop holds an acknowledgement this office no longer has (a restored backup?):
            # records it thinks delivered may be missing here. `sync export --all` resends them.
            result.warnings.append("acknowledgement_ahead")
        if result.already_imported and not (result.imported or result.conflicts or result.completed):
            for kind in ("attachment", "form"):  # the same bundle again: checked, nothing written
                for _blob in _blobs(self.zf, self.members, kind):
                    pass
            return result
        self._rest(verified, result, office_device=office_device, actor=actor)
        return result

    def _rest(self, verified: Verified, result: BundleResult, *, office_device: str, actor: str) -> None:
        store, now, m, zf, members = self.store, self.now, verified.manifest, self.zf, self.members
        store.add_signer_certs(
            {"cert_sha256": sha, "key_sha256": certs.key_sha256(c.public_key()), "pem": certs.pem(c)}
            for sha, c in [
                *verified.certificates.items(),
                (certs.cert_sha256(verified.signer), verified.signer),
            ]
        )
        store.add_forms(
            {"sha256": sha, "text": data.decode("utf-8")} for sha, data in _blobs(zf, members, "form")
        )
        store.add_attachments(
            {"sha256": sha, "data": data} for sha, data in _blobs(zf, members, "attachment")
        )
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


_BLOB_FOLDERS = {"attachment": "attachments/", "form": "forms/"}


def _blobs(zf: SafeZip, members: dict[str, dict[str, Any]], kind: str) -> Iterator[tuple[str, bytes]]:
    """(hash, content) of each member of ``kind`` (stored by hash), read and checked."""
    folder = _BLOB_FOLDERS[kind]
    for name in zf.infos:
        if not name.startswith(folder) or name not in members:
            continue
        found = formats.kind_of(name, formats.BUNDLE_MEMBERS)
        if found and found[0] == kind:
            yield found[1][0], zf.read_checked(name, **members[name])


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
    """Verify and store one bundle in one transaction, committed after its last check; a
    refusal is returned (status refused / unreadable), never raised, and leaves the store as it
    was. The database's write lock is held from the start (SQLite): another import into the same
    office (a clerk's large bundle) is waited for up to WRITER_PATIENCE_S, Cancel heard between
    tries of the busy timeout, and only then refused whole (office_busy)."""
    with _collector_paused():
        return _import_bundle(
            path,
            store,
            verifier,
            now=now,
            office_device=office_device,
            actor=actor,
            progress=progress,
            cancelled=cancelled,
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for an import: it allocates a few dozen objects a
    record, none of them in a cycle (reference counting frees them all), and the collections
    those allocations set off walked the whole heap — the app's is larger than the bench's —
    for nothing (bench/sync.py, docs/performance.md). Another thread's pause is kept."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _import_bundle(
    path: Path,
    store: OfficeStore,
    verifier: Verifier,
    *,
    now: str,
    office_device: str,
    actor: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> BundleResult:
    deadline = time.monotonic() + WRITER_PATIENCE_S
    while True:
        began = False
        try:
            with SafeZip(path) as zf, store.transaction():  # the zip opened once: its directory read once
                began = True
                writer = _Writer(store, zf, now=now, cancelled=cancelled)
                verified = verify(path, verifier, progress=progress, opened=zf, stage=writer.records)
                if cancelled is not None and cancelled():
                    raise Refused("", "cancelled")
                return writer.finish(verified, office_device=office_device, actor=actor, progress=progress)
        except StoreBusy as exc:  # the transaction rolled back: nothing of the bundle stored
            if cancelled is not None and cancelled():
                return BundleResult(bundle=str(path), status=REFUSED, reason="cancelled")
            if not began and time.monotonic() < deadline:
                if progress is not None:
                    progress("wait", 0, 0)  # another writer holds the office: waiting for it
                continue
            return BundleResult(
                bundle=str(path),
                status=REFUSED,
                reason="office_busy",
                params={"holders": ", ".join(exc.holders) or "?"},
            )
        except Refused as exc:
            return BundleResult(
                bundle=str(path),
                status=UNREADABLE if exc.unreadable else REFUSED,
                member=exc.member,
                reason=exc.reason,
                params=exc.params,
            )

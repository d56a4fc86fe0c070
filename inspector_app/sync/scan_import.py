"""Importing records from paper: scanned pages and photos, or QR texts typed by a USB scanner.

The same rules as a bundle record (sync.importer), record by record:

1. `read`: every page of every file gives its QR texts (pdf.scan); a file that cannot be read is
   reported and the others go on. Sync-code pieces (sync.paper) are grouped by record, summaries
   (signing.summary) kept, anything else counted.
2. `verify` (nothing written): a record's pieces are reassembled — all of them, or it is
   *incomplete* with the missing numbers —, its canonical text parsed, its signature and its
   signer's trust at the signing time checked by `importer.check_record`; any fault *refuses* that
   record with the reason. Each summary is verified against the same trust.
3. `plan`: `importer.classify` sorts the records into new, duplicate and conflict exactly as for a
   bundle (same id and fingerprint: duplicate; other fingerprint, or a correction of a record that
   is no longer current: conflict, kept beside the original).
4. `write`: one transaction for everything accepted: the records (their rows built by the
   importer), the conflicts, where each came from on paper, the summaries as "known from paper",
   one audit entry. Killed or failing, nothing of it stays.

A record received on paper has no PDF and no photos at the office until its bundle arrives; that
bundle then counts it as a duplicate and stores what was missing (importer.classify: needs_pdf).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from db.office import OfficeStore
from inspector_app.pki import certs
from inspector_app.pki import trust as pki_trust
from inspector_app.pki.trust import Verifier
from inspector_app.signing import summary as summary_format
from inspector_app.sync import importer, paper
from inspector_app.sync.paper import overdue_before
from inspector_app.sync.refusals import Refused

Progress = Callable[[str, int, int], None]  # phase, done, total
Cancelled = Callable[[], bool]
IMPORTED, DUPLICATE, CONFLICT, INCOMPLETE, REFUSED = (
    "imported",
    "duplicate",
    "conflict",
    "incomplete",
    "refused",
)
OUTCOMES = {"new": IMPORTED, "duplicate": DUPLICATE, "conflict": CONFLICT}
OVERDUE_DAYS = 14  # default of the office setting paper_overdue_days


@dataclass
class PaperResult:
    """One record found on paper, as `office import-scan --json` reports it."""

    key: str  # the first 16 hex characters of its fingerprint (the pieces' header)
    record_no: str
    status: str  # imported | duplicate | conflict | incomplete | refused
    pieces: int  # distinct pieces read
    total: int  # pieces the record has
    missing: list[int] = field(default_factory=list)
    record_id: str = ""
    fingerprint: str = ""
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # "file" or "file p.3"
    completed: bool = False  # a duplicate whose data had come on paper before (nothing new)


@dataclass
class KnownResult:
    """One summary QR: the record it names is now known from paper (or the summary is refused)."""

    record_no: str
    status: str  # known | refused
    fingerprint: str = ""
    date: str = ""
    verdict: str = ""
    form: str = ""
    signer: str = ""
    data: str = ""  # what became of the record's data: arrived | conflict | differs | pending | overdue
    new: bool = False  # first time this record was seen on paper
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    path: str
    pages: int = 0
    codes: int = 0
    reason: str = ""  # '' read; else why the file gives no page (pdf.scan.ScanUnreadable code)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScanResult:
    records: list[PaperResult] = field(default_factory=list)
    known: list[KnownResult] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)
    other_codes: int = 0  # QR texts that are neither sync codes nor summaries
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.records)

    @property
    def exit_code(self) -> int:
        """0 every record found was stored (or held already); 1 a record incomplete or refused, a
        summary refused, or nothing found at all; 2 a file unreadable."""
        if any(f.reason for f in self.files):
            return 2
        if self.cancelled or any(r.status in (INCOMPLETE, REFUSED) for r in self.records):
            return 1
        if any(k.status == REFUSED for k in self.known):
            return 1
        return 0 if (self.records or self.known) else 1


@dataclass
class _Texts:
    """The QR texts read so far, each with where it was read."""

    pieces: dict[str, list[tuple[paper.Piece, str]]] = field(default_factory=dict)  # key → pieces
    summaries: dict[str, list[str]] = field(default_factory=dict)  # text → sources
    other: int = 0

    def add(self, text: str, source: str) -> None:
        if paper.is_piece(text):
            try:
                piece = paper.parse(text)
            except paper.PieceUnreadable:
                self.other += 1
                return
            self.pieces.setdefault(piece.key, []).append((piece, source))
        elif text.strip().startswith(summary_format.PREFIX):
            self.summaries.setdefault(text.strip(), []).append(source)
        else:
            self.other += 1


def _sources(items: Iterable[str]) -> list[str]:
    return sorted(set(items))


# -- read ------------------------------------------------------------------------------------
def read_files(
    paths: list[Path],
    texts: _Texts,
    result: ScanResult,
    *,
    dpi: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Decode every page of every file into ``texts``; unreadable files into ``result.files``."""
    from inspector_app.pdf import scan

    counts = [scan.count_pages(p) for p in paths]
    total = sum(max(c, 1) for c in counts)
    done = 0
    if progress is not None:
        progress("read", 0, total)
    for path, count in zip(paths, counts, strict=True):
        entry = FileResult(str(path))
        result.files.append(entry)
        try:
            for page in scan.pages(path, dpi=dpi):
                if cancelled is not None and cancelled():
                    result.cancelled = True
                    return
                found = scan.decode(page, _enough)
                source = path.name if count == 1 else f"{path.name} p.{page.page}"
                for text in found:
                    texts.add(text, source)
                entry.pages += 1
                entry.codes += len(found)
                done += 1
                if progress is not None:
                    progress("read", done, total)
        except scan.ScanUnreadable as exc:
            entry.reason, entry.params = exc.code, exc.params
        done = sum(max(c, 1) for c in counts[: len(result.files)])
        if progress is not None:
            progress("read", done, total)


def _enough(texts: set[str]) -> bool:
    """A page is read when it gave a summary and every piece of each record whose pieces it shows
    (the block of sync codes is kept on one page); a page that gave nothing is tried harder."""
    pieces: dict[str, set[int]] = {}
    totals: dict[str, int] = {}
    for text in texts:
        if paper.is_piece(text):
            try:
                piece = paper.parse(text)
            except paper.PieceUnreadable:
                continue
            pieces.setdefault(piece.key, set()).add(piece.index)
            totals[piece.key] = piece.total
    if any(len(found) < totals[key] for key, found in pieces.items()):
        return False
    return any(t.startswith(summary_format.PREFIX) for t in texts) or bool(pieces)


# -- verify ----------------------------------------------------------------------------------
@dataclass
class _Accepted:
    result: PaperResult
    entry: importer.Entry
    record: dict[str, Any]
    canonical: str
    signature: dict[str, str]
    certificate: x509.Certificate
    payload_sha256: str
    pieces: int


def _verify_record(
    key: str,
    found: list[tuple[paper.Piece, str]],
    verifier: Verifier,
    known_certs: dict[str, x509.Certificate],
    judged: dict[tuple[str, str], pki_trust.SignerTrust],
) -> PaperResult | _Accepted:
    pieces = [p for p, _ in found]
    distinct = {p.index for p in pieces}
    result = PaperResult(
        key=key,
        record_no=pieces[0].record_no,
        status=REFUSED,
        pieces=len(distinct),
        total=max(p.total for p in pieces),
        sources=_sources(s for _, s in found),
    )
    try:
        assembled = paper.assemble(pieces)
    except paper.AssemblyFailed as exc:
        result.reason, result.params = exc.reason, exc.params
        if exc.reason == "pieces_missing":
            result.status, result.missing = INCOMPLETE, list(exc.params.get("missing", []))
        return result
    name = result.record_no or key
    try:
        record = importer.parse_canonical(name, assembled.canonical, assembled.signature)
        result.record_id = str(record["id"])
        result.fingerprint = hashlib.sha256(assembled.canonical.encode("utf-8")).hexdigest()
        if result.record_no and str(record["record_no"]) != result.record_no:
            raise Refused(name, "sync_code_mismatch", detail="record_no")
        result.record_no = str(record["record_no"])
        cert_sha = assembled.signature["cert_sha256"]
        certificate = known_certs.get(cert_sha)
        if assembled.certificate_der is not None:
            try:
                certificate = x509.load_der_x509_certificate(assembled.certificate_der)
            except ValueError as exc:
                raise Refused(name, "certificate_invalid") from exc
            if certs.cert_sha256(certificate) != cert_sha:
                raise Refused(name, "certificate_invalid")
        if certificate is None:
            raise Refused(name, "record_signer_unknown")
        status, reason, _trust = importer.check_record(
            name,
            record,
            assembled.canonical,
            assembled.signature,
            {cert_sha: certificate},
            verifier,
            judged,
        )
        if status != "valid":
            raise Refused(name, reason)
    except Refused as exc:
        result.reason, result.params = exc.reason, exc.params
        return result
    entry = importer.Entry(
        id=result.record_id,
        fingerprint=result.fingerprint,
        supersedes=record.get("supersedes") or None,
        finalised_at=str(record["finalised_at"]),
        has_pdf=False,
        columns=importer._columns(record, assembled.signature),
    )
    return _Accepted(
        result,
        entry,
        record,
        assembled.canonical,
        assembled.signature,
        certificate,
        assembled.payload_sha256,
        len(distinct),
    )


def _verify_summary(text: str, sources: list[str], verifier: Verifier) -> tuple[KnownResult, dict[str, Any]]:
    """The summary checked like `verify --qr`: its signature, then its signer on the signing day."""
    try:
        short, signed, signature = summary_format.decode(text)
    except summary_format.SummaryUnreadable as exc:
        return KnownResult("", REFUSED, reason="summary_unreadable", params={"detail": str(exc)}), {}
    known = KnownResult(
        short.record_no,
        REFUSED,
        fingerprint=short.fingerprint.hex(),
        date=summary_format.display_date(short.date),
        verdict=short.verdict,
        form=short.form,
        sources=_sources(sources),
    )
    cert, _named = summary_format.signer_of(short, signed, signature, verifier)
    if cert is None:
        known.reason = "summary_signature_bad" if _named else "record_signer_unknown"
        return known, {}
    trust = verifier.judge(cert, at=summary_format.signed_day_end(short.date) or None)
    if not trust.ok:
        known.reason = {
            pki_trust.REVOKED: "record_signer_revoked",
            pki_trust.EXPIRED: "record_signer_expired",
        }.get(trust.status, "record_signer_unknown")
        known.params = {"revoked_at": trust.revoked_at[:10]} if trust.revoked_at else {}
        return known, {}
    known.status, known.signer = "known", trust.subject
    row = {
        "fingerprint": known.fingerprint,
        "record_no": short.record_no,
        "form_id": short.form,
        "site_code": short.site_code,
        "item": short.item,
        "inspected_on": known.date,
        "verdict": short.verdict,
        "figures": short.figures,
        "signer_sha256": certs.cert_sha256(cert),
        "signer": trust.subject,
        "summary": text,
    }
    return known, row


# -- the whole import ------------------------------------------------------------------------
def import_texts(
    texts: _Texts,
    store: OfficeStore,
    verifier: Verifier,
    *,
    now: str,
    office_device: str,
    actor: str = "",
    source: str = "scan",
    overdue_days: int = OVERDUE_DAYS,
    result: ScanResult | None = None,
    cancelled: Cancelled | None = None,
) -> ScanResult:
    """verify → plan → write what ``texts`` hold (see the module docstring)."""
    result = result or ScanResult()
    result.other_codes += texts.other
    known_certs = {certs.cert_sha256(c): c for c in verifier.certificates()}
    judged: dict[tuple[str, str], pki_trust.SignerTrust] = {}
    accepted: list[_Accepted] = []
    for key, found in sorted(texts.pieces.items()):
        checked = _verify_record(key, found, verifier, known_certs, judged)
        if isinstance(checked, _Accepted):
            accepted.append(checked)
            result.records.append(checked.result)
        else:
            result.records.append(checked)
    summaries = [
        _verify_summary(text, sources, verifier) for text, sources in sorted(texts.summaries.items())
    ]
    result.known.extend(k for k, _ in summaries)
    if cancelled is not None and cancelled():
        result.cancelled = True
        for item in accepted:
            item.result.status, item.result.reason = REFUSED, "cancelled"
        return result
    importer.classify([a.entry for a in accepted], store)
    for item in accepted:
        item.result.status = OUTCOMES[item.entry.outcome]
    rows = [row for _, row in summaries if row]
    fresh: dict[str, bool] = {}
    if accepted or rows:
        fresh = _write(
            accepted, rows, store, now=now, office_device=office_device, actor=actor, source=source
        )
    before = overdue_before(now, overdue_days)
    state = store.paper_status(
        [k.fingerprint for k in result.known if k.status == "known"], overdue_before=before
    )
    for k in result.known:
        k.data, k.new = state.get(k.fingerprint, ""), fresh.get(k.fingerprint, False)
    completed = store.paper_imports([a.entry.id for a in accepted if a.entry.outcome == "duplicate"])
    for item in accepted:
        item.result.completed = item.entry.id in completed
    return result


def _write(
    accepted: list[_Accepted],
    known_rows: list[dict[str, Any]],
    store: OfficeStore,
    *,
    now: str,
    office_device: str,
    actor: str,
    source: str,
) -> dict[str, bool]:
    """Store it all in one transaction; returns fingerprint → first seen on paper, per summary."""
    todo = [a for a in accepted if a.entry.outcome in ("new", "conflict")]

    def rows(outcome: str) -> list[dict[str, Any]]:
        return [
            importer._record_row(a.canonical, a.signature, a.entry, a.payload_sha256, now)
            for a in todo
            if a.entry.outcome == outcome
        ]

    with store.transaction():
        store.add_signer_certs(
            {
                "cert_sha256": certs.cert_sha256(a.certificate),
                "key_sha256": certs.key_sha256(a.certificate.public_key()),
                "pem": certs.pem(a.certificate),
            }
            for a in todo
        )
        store.add_records(rows("new"))
        store.add_conflicts(rows("conflict"))
        store.add_paper_imports(
            {
                "record_id": a.entry.id,
                "fingerprint": a.entry.fingerprint,
                "payload_sha256": a.payload_sha256,
                "pieces": a.pieces,
                "sources": json.dumps(a.result.sources, ensure_ascii=False),
                "imported_at": now,
            }
            for a in todo
        )
        fresh = {
            row["fingerprint"]: store.note_paper_known({**row, "source": source, "seen_at": now})
            for row in known_rows
        }
        store.audit(
            at=now,
            device_id=office_device,
            actor=actor,
            action="import_paper",
            entity="office_records",
            entity_id=hashlib.sha256(
                "".join(sorted(a.payload_sha256 for a in accepted)).encode()
            ).hexdigest(),
            detail={
                "source": source,
                "imported": [a.result.record_no for a in todo if a.entry.outcome == "new"],
                "conflicts": [a.result.record_no for a in todo if a.entry.outcome == "conflict"],
                "duplicates": sum(a.entry.outcome == "duplicate" for a in accepted),
                "known_from_paper": sum(fresh.values()),
            },
        )
    return fresh


def import_scans(
    paths: list[Path],
    store: OfficeStore,
    verifier: Verifier,
    *,
    now: str,
    office_device: str,
    actor: str = "",
    dpi: int = 200,
    overdue_days: int = OVERDUE_DAYS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ScanResult:
    """Read the QR codes of scanned pages and photos (PDF, PNG, JPEG; any order, many records
    mixed) and import what they carry; never raises for bad input (see ScanResult)."""
    texts = _Texts()
    result = ScanResult()
    read_files(paths, texts, result, dpi=dpi, progress=progress, cancelled=cancelled)
    if result.cancelled:
        return result  # nothing verified, nothing written
    if progress is not None:
        progress("write", 0, 1)
    import_texts(
        texts,
        store,
        verifier,
        now=now,
        office_device=office_device,
        actor=actor,
        source="import_scan",
        overdue_days=overdue_days,
        result=result,
        cancelled=cancelled,
    )
    if progress is not None:
        progress("write", 1, 1)
    return result


def import_qr_texts(
    items: list[str],
    store: OfficeStore,
    verifier: Verifier,
    *,
    now: str,
    office_device: str,
    actor: str = "",
    source: str = "scan_box",
    overdue_days: int = OVERDUE_DAYS,
) -> ScanResult:
    """QR texts as a USB scanner types them (the scan box, `office scan --qr`): summaries make
    their records known from paper; sync-code pieces import once all of a record's are given."""
    texts = _Texts()
    for i, text in enumerate(items, start=1):
        texts.add(text.strip(), f"#{i}")
    return import_texts(
        texts,
        store,
        verifier,
        now=now,
        office_device=office_device,
        actor=actor,
        source=source,
        overdue_days=overdue_days,
    )

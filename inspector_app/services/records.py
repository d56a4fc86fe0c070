"""Signed records: inspector identities and the trust store, sealing a record at finalisation
(record signature, QR summary, PDF, PAdES), and verifying a PDF or a scanned QR text.

Heavy libraries (reportlab, pyHanko) are imported only when a record is sealed or verified.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import Stamp
from db import inspections as inspections_repo
from db import trust as repo
from forms import FormDefinition
from inspector_app.readings import nest
from inspector_app.services.errors import FieldError, ValidationFailed

if TYPE_CHECKING:
    from sqlite_utils import Database

VALID, ALTERED, UNKNOWN_SIGNER, REVOKED, UNREADABLE = (
    "valid",
    "altered",
    "unknown_signer",
    "revoked",
    "unreadable",
)
EXIT_CODES = {VALID: 0, ALTERED: 1, UNKNOWN_SIGNER: 1, REVOKED: 1, UNREADABLE: 2}
MAX_PDF = 100 * 1024 * 1024  # bytes read of a file to verify: a record with photos is a few MB


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a record: status, a reason code, and what the record says."""

    status: str
    reason: str = ""
    signer: str = ""
    date: str = ""
    verdict: str = ""
    record_no: str = ""
    signed_at: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]


@dataclass(frozen=True)
class Sealed:
    signature: str  # JSON: algorithm, signer certificate, value
    qr_text: str
    pdf: bytes


class Sealer:
    """An unlocked identity for one finalisation: signs the record and produces its PDF."""

    def __init__(
        self, identity: dict[str, Any], key: Any, office: str, *, chain: list[Any] | None = None
    ) -> None:
        from inspector_app.signing import keys

        self._key = key
        # Once the office has enrolled the key, sign with its certificate (same key): PDF readers
        # then chain the signature to the office root.
        self._cert_pem = identity.get("office_cert_pem") or identity["cert_pem"]
        self._cert = keys.load_cert(self._cert_pem)
        self._cert_sha256 = keys.cert_sha256(self._cert)
        self._identity = identity
        self._office = office
        self._chain = list(chain or [])

    @property
    def key(self) -> Any:
        """The unlocked private key (also signs bundle manifests and enrolment requests)."""
        return self._key

    @property
    def certificate_pem(self) -> str:
        return str(self._cert_pem)

    @property
    def signer_info(self) -> dict[str, str]:
        return {
            "cert_sha256": self._cert_sha256,
            "name": self._identity["name"],
            "id_number": self._identity["id_number"],
            "office": self._identity["office"],
        }

    def sign_record(self, data: bytes) -> str:
        """The record signature as stored and exported: JSON of algorithm, certificate, value."""
        from inspector_app.signing import record as record_sig

        return json.dumps(
            {
                "alg": record_sig.ALGORITHM,
                "cert_sha256": self._cert_sha256,
                "value": record_sig.b64(record_sig.sign(self._key, data)),
            },
            sort_keys=True,
        )

    def seal(
        self,
        record: dict[str, Any],
        data: bytes,
        fingerprint: str,
        definition: FormDefinition,
        attachments: list[tuple[str, bytes]],
    ) -> Sealed:
        from inspector_app.pdf.model import build_model
        from inspector_app.pdf.render import render_pdf
        from inspector_app.signing import keys, pades, summary
        from inspector_app.signing import record as record_sig
        from inspector_app.sync import paper

        signature = self.sign_record(data)
        short = summary.build(
            record,
            key_id=keys.key_id(self._cert),
            fingerprint=bytes.fromhex(fingerprint),
            definition=definition,
        )
        qr_text = summary.encode(short, record_sig.sign(self._key, short.signed_bytes()))
        report_record = {**record, "input": nest(record["readings"])}
        model = build_model(
            report_record,
            definition,
            office=self._office,
            fingerprint=fingerprint,
            signatures={
                k.removeprefix("signature_"): d for k, d in attachments if k.startswith("signature_")
            },
            photos=[d for k, d in attachments if k == "photo"],
        )
        # The office issued an enrolled key's certificate; one made on the laptop travels along.
        own_certificate = None if self._identity.get("office_cert_pem") else keys.cert_der(self._cert)
        sync_codes = paper.encode(
            data, json.loads(signature), record_no=record["record_no"], certificate_der=own_certificate
        )
        pdf = render_pdf(model, qr_text, tuple(sync_codes))
        attachment = json.dumps(
            {
                "canonical": data.decode("utf-8"),
                "signature": json.loads(signature),
                "certificate": self._cert_pem,
                "qr": qr_text,
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode("utf-8")
        signed_pdf = pades.sign_pdf(
            pdf,
            key=self._key,
            cert=self._cert,
            attachment=attachment,
            signer_name=self._identity["name"],
            chain=self._chain,
        )
        return Sealed(signature=signature, qr_text=qr_text, pdf=signed_pdf)


MAX_RECORD_DEPTH = 12  # the canonical record nests 6 levels (evaluation → results → points → runs)


def _record_json(data: bytes) -> dict[str, Any]:
    """The embedded record's JSON object; ValueError for anything else (not UTF-8, not JSON, not an
    object, nested deeper than a record ever is)."""
    from inspector_app.evaluation import check_shape

    try:
        value = json.loads(data.decode("utf-8"))
    except RecursionError as exc:
        raise ValueError("nested too deep") from exc
    check_shape(value, MAX_RECORD_DEPTH)
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


class RecordService:
    """Identities, trust, sealing and verification over one database."""

    def __init__(
        self, db: Database, stamp: Callable[[], Stamp], settings: Any, verifier: Callable[[], Any]
    ) -> None:
        self._db = db
        self._stamp = stamp
        self._settings = settings
        self._verifier = verifier

    # -- identities and trust --------------------------------------------------------------
    def create_identity(self, *, name: str, id_number: str, office: str, passphrase: str) -> str:
        """Make a key pair and certificate, store the key encrypted, enrol the certificate."""
        from inspector_app.signing import keys

        errors = []
        for k, v, zh, en in (
            ("name", name, "姓名", "Name"),
            ("id_number", id_number, "执法证号", "ID number"),
            ("office", office, "单位", "Office"),
        ):
            if not v.strip():
                errors.append(FieldError(k, "required", {"label_zh": zh, "label_en": en}))
            elif len(v.strip()) > keys.MAX_NAME:
                errors.append(
                    FieldError(k, "too_long", {"max": keys.MAX_NAME, "label_zh": zh, "label_en": en})
                )
        if len(passphrase) < keys.MIN_PASSPHRASE:
            errors.append(
                FieldError(
                    "passphrase",
                    "too_short",
                    {"min": keys.MIN_PASSPHRASE, "label_zh": "口令", "label_en": "Passphrase"},
                )
            )
        if errors:
            raise ValidationFailed(errors)
        identity = keys.create_identity(
            name=name.strip(), id_number=id_number.strip(), office=office.strip(), passphrase=passphrase
        )
        return repo.add_identity(
            self._db,
            {
                "name": name.strip(),
                "id_number": id_number.strip(),
                "office": office.strip(),
                "cert_sha256": identity.cert_sha256,
                "cert_pem": identity.cert_pem,
                "encrypted_key_pem": identity.encrypted_key_pem,
            },
            self._stamp(),
            trusted={
                "cert_sha256": identity.cert_sha256,
                "key_id": identity.key_id,
                "subject": identity.subject,
                "cert_pem": identity.cert_pem,
                "source": "own",
            },
        )

    def identities(self) -> list[dict[str, Any]]:
        return repo.identities(self._db)

    def trusted(self) -> list[dict[str, Any]]:
        return repo.trusted(self._db)

    def enrol(self, cert_pem: str, *, source: str = "office") -> str:
        """Trust a certificate given as PEM; raises ValidationFailed for anything else, and for a
        certificate that is expired, not yet valid, or not an ECDSA P-256 key.

        Trust by hand is for a laptop with no office: once an office root is pinned, trust comes
        from its signed trust list only, and this is refused (`office_trust`)."""
        from inspector_app.signing import keys

        if self.verifier().office:
            raise ValidationFailed([FieldError("certificate", "office_trust", {})])

        try:
            cert = keys.load_cert(cert_pem)
        except ValueError as exc:
            raise ValidationFailed([FieldError("certificate", "not_a_certificate", {})]) from exc
        problem = keys.trust_problem(cert)
        if problem:
            raise ValidationFailed(
                [
                    FieldError(
                        "certificate",
                        problem,
                        {
                            "not_after": cert.not_valid_after_utc.date().isoformat(),
                            "not_before": cert.not_valid_before_utc.date().isoformat(),
                            "subject": keys.subject_name(cert),
                        },
                    )
                ]
            )
        digest = keys.cert_sha256(cert)
        repo.enrol(
            self._db,
            {
                "cert_sha256": digest,
                "key_id": keys.key_id(cert),
                "subject": keys.subject_name(cert),
                "cert_pem": cert_pem,
                "source": source,
            },
            self._stamp(),
        )
        return digest

    MIN_FINGERPRINT = 16  # hex characters of a fingerprint prefix (the key id shown by `keys list`)

    def revoke(self, fingerprint: str, reason: str = "") -> str:
        """Revoke an enrolled certificate by its SHA-256 (or a unique prefix of 16 or more hex
        characters); returns the full fingerprint. Raises ValidationFailed for a fingerprint that
        names no enrolled certificate, or more than one."""
        value = fingerprint.strip().lower()
        params = {"value": fingerprint, "label_zh": "证书指纹", "label_en": "Certificate fingerprint"}
        matches = repo.trusted_by_prefix(self._db, value) if len(value) >= self.MIN_FINGERPRINT else []
        if len(matches) != 1:
            code = "ambiguous" if matches else "unknown_certificate"
            raise ValidationFailed([FieldError("fingerprint", code, params)])
        repo.revoke(self._db, matches[0], reason, self._stamp())
        return matches[0]

    def _identity(self, identity_id: str | None) -> dict[str, Any]:
        found = self.identities()
        chosen = (
            next((i for i in found if i["id"] == identity_id or i["cert_sha256"] == identity_id), None)
            if identity_id
            else (found[0] if found else None)
        )
        if chosen is None:
            raise ValidationFailed([FieldError("identity", "no_identity", {})])
        return chosen

    def certificate(self, identity_id: str | None = None) -> str:
        """The PEM certificate of an identity (the first by default): what the office enrols.
        Raises ValidationFailed when this laptop has no identity yet."""
        return str(self._identity(identity_id)["cert_pem"])

    def sealer(self, passphrase: str, identity_id: str | None = None) -> Sealer:
        """Unlock an identity (the first one by default) for finalising; raises WrongPassphrase,
        or ValidationFailed when this laptop has no identity yet.

        A key stored under an older or cheaper encryption is re-encrypted under the current one
        once it has opened (the passphrase is known only now).
        """
        from inspector_app.signing import keys

        chosen = self._identity(identity_id)
        key = keys.unlock(chosen["encrypted_key_pem"], passphrase)
        if keys.needs_upgrade(chosen["encrypted_key_pem"]):
            repo.replace_identity_key(
                self._db, chosen["id"], keys.encrypt_key(key, passphrase), self._stamp(), reason="kdf"
            )
        root = self.verifier().root
        return Sealer(chosen, key, self._settings.get("office"), chain=[root] if root else [])

    def pdf_of(self, inspection_id: str) -> bytes | None:
        """The signed PDF stored at finalisation, or None (a draft, or finalised unsigned)."""
        return repo.get_pdf(self._db, inspection_id)

    def export_all(
        self,
        folder: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write every signed PDF as <record no>.pdf into ``folder``; returns how many.

        Stops early (keeping what is written) when ``cancelled()`` turns true; ``progress(done,
        total)`` follows each record. Safe off the GUI thread: it only reads.
        """
        folder.mkdir(parents=True, exist_ok=True)
        records = repo.pdf_records(self._db)
        written = 0
        for done, (inspection_id, record_no) in enumerate(records, start=1):
            if cancelled is not None and cancelled():
                break
            pdf = repo.get_pdf(self._db, inspection_id)
            if pdf is not None:
                (folder / f"{record_no}.pdf").write_bytes(pdf)
                written += 1
            if progress is not None:
                progress(done, len(records))
        return written

    def preview(self, inspection_id: str, *, dpi: int = 110) -> list[bytes]:
        """The record's pages as PNG images (empty if it has no signed PDF)."""
        from inspector_app.pdf.raster import page_images

        pdf = self.pdf_of(inspection_id)
        return [] if pdf is None else page_images(pdf, dpi=dpi)

    # -- verification ----------------------------------------------------------------------
    def verifier(self) -> Any:
        """The verification source of this database (pki.trust.Verifier): the office root and its
        signed trust list, or this laptop's own keys while it has no office."""
        return self._verifier()

    def _trust_outcome(self, trust: Any, info: dict[str, Any]) -> Verification:
        from inspector_app.pki import trust as pki_trust

        if trust.status == pki_trust.UNKNOWN:
            return Verification(UNKNOWN_SIGNER, "signer_not_enrolled", **info)
        info = {**info, "signer": trust.subject or info.get("signer", "")}
        if trust.status == pki_trust.REVOKED:
            details = {
                **info.get("details", {}),
                "revoked_at": trust.revoked_at,
                "revocation_reason": trust.reason,
            }
            return Verification(REVOKED, "signer_revoked", **{**info, "details": details})
        if trust.status == pki_trust.EXPIRED:
            return Verification(UNKNOWN_SIGNER, "signer_expired", **info)
        return Verification(VALID, "local_key" if trust.status == pki_trust.LOCAL else "", **info)

    def _with_successor(self, result: Verification) -> Verification:
        """A valid record this database knows to be corrected says so: by which record, when
        (the details' ``superseded_by`` and ``superseded_at``)."""
        if result.status != VALID or not result.record_no:
            return result
        successor = inspections_repo.successor_of(self._db, result.record_no)
        if successor is None:
            return result
        details = {
            **result.details,
            "superseded_by": successor["record_no"],
            "superseded_at": successor["finalised_at"],
        }
        return replace(result, details=details)

    def verify_file(self, path: Path | str) -> Verification:
        """Verify a record PDF on disk, reading at most MAX_PDF bytes of it (a device such as
        /dev/zero never ends): unreadable when it cannot be opened or is larger."""
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_PDF + 1)
        except OSError as exc:
            return Verification(
                UNREADABLE, "cannot_open", details={"detail": exc.strerror or type(exc).__name__}
            )
        if len(data) > MAX_PDF:
            return Verification(UNREADABLE, "too_large")
        return self.verify_pdf(data)

    def verify_pdf(self, pdf: bytes, *, verifier: Any = None) -> Verification:
        """Is this PDF a genuine, unaltered record by a signer the office root vouches for (or, on a
        laptop without an office, by a key held here) who was not revoked when it was signed?

        A damaged file is refused with its reason, never an exception: unreadable (not a PDF,
        truncated, a broken structure) or altered (a damaged record or signature dictionary)."""
        from inspector_app.signing import keys, pades
        from inspector_app.signing import record as record_sig

        if not pdf.startswith(b"%PDF-"):
            return Verification(UNREADABLE, "not_a_pdf")
        if not pades.looks_complete(pdf):
            return Verification(UNREADABLE, "truncated")
        try:
            reader = pades.open_pdf(pdf)
        except pades.PdfUnreadable:
            return Verification(UNREADABLE, "damaged_pdf")
        try:
            attached = _record_json(pades.read_attachment(reader))
            canonical = str(attached["canonical"])
            signature = attached["signature"]
            if not isinstance(signature, dict):
                raise TypeError("signature")
        except pades.NoRecord:
            return Verification(ALTERED, "no_record")
        except (pades.PdfUnreadable, ValueError, KeyError, TypeError, RecursionError):
            return Verification(ALTERED, "record_unreadable")
        verifier = verifier or self.verifier()
        try:
            status = pades.validate(reader, verifier.anchors())
        except pades.SignatureDamaged:
            return Verification(ALTERED, "pdf_signature_broken", **self._record_info(canonical))
        if not status.signed or status.signer_cert is None:
            return Verification(ALTERED, "no_signature")
        signer_sha = keys.cert_sha256(status.signer_cert)
        info = self._record_info(canonical)
        if not (status.intact and status.valid):
            return Verification(ALTERED, "pdf_signature_broken", **info)
        if not status.whole_file:
            return Verification(ALTERED, "changed_after_signing", **info)
        try:
            value = record_sig.unb64(signature["value"])
        except (ValueError, KeyError, TypeError):
            return Verification(ALTERED, "record_signature_broken", **info)
        if signature.get("cert_sha256") != signer_sha or not record_sig.verify(
            status.signer_cert, canonical.encode("utf-8"), value
        ):
            return Verification(ALTERED, "record_signature_broken", **info)
        trust = verifier.judge(status.signer_cert, at=info.get("signed_at") or None)
        return self._with_successor(self._trust_outcome(trust, info))

    def _record_info(self, canonical: str) -> dict[str, Any]:
        try:
            record = json.loads(canonical)
            return {
                "signer": str(record.get("signer", {}).get("name", "")),
                "date": str(record.get("finalised_at", ""))[:10],
                "verdict": str(record["evaluation"]["verdict"]),
                "record_no": str(record.get("record_no", "")),
                "signed_at": str(record.get("finalised_at") or ""),
                "details": {"fingerprint": hashlib.sha256(canonical.encode("utf-8")).hexdigest()},
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}

    def verify_qr(self, text: str) -> Verification:
        """Is this QR text (typed by a USB scanner) a genuine summary by a trusted signer?"""
        from inspector_app.signing import summary

        try:
            short, signed, signature = summary.decode(text)
        except summary.SummaryUnreadable:
            return Verification(UNREADABLE, "not_a_summary")
        day = summary.display_date(short.date)
        info: dict[str, Any] = {
            "date": day,
            "verdict": short.verdict,
            "record_no": short.record_no,
            "signed_at": summary.signed_day_end(short.date),
            "details": {
                "site_code": short.site_code,
                "item": short.item,
                "figures": short.figures,
                "form": short.form,
                "fingerprint": short.fingerprint.hex(),
            },
        }
        verifier = self.verifier()
        cert, named = summary.signer_of(short, signed, signature, verifier)
        if cert is not None:
            trust = verifier.judge(cert, at=info["signed_at"] or None)
            outcome = self._trust_outcome(trust, info)
            if outcome.status == VALID:
                local = inspections_repo.fingerprint_of(self._db, short.record_no)
                if local is not None and local != short.fingerprint.hex():
                    return Verification(
                        ALTERED,
                        "differs_from_local_record",
                        signer=outcome.signer,
                        **{k: v for k, v in info.items() if k != "signer"},
                    )
            return self._with_successor(outcome)
        if not named:
            return Verification(UNKNOWN_SIGNER, "signer_not_enrolled", **info)
        return Verification(ALTERED, "summary_signature_broken", **info)

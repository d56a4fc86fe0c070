"""The trust list: the office root's signed list of issued certificates and revocations.

spec/office.md: `version` strictly increasing, `issued_at`, `expires_at` (default 90 days), the
issued certificates, revocations (certificate, time, reason). A laptop keeps the highest version it
has seen, refuses a lower one (rollback) and an expired one, and warns 14 days ahead (TUF's rules
for metadata; the EU DCC trust lists for the shape).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.pki import certs, envelope

FORMAT = "inspector-app-trust-list/1"
VALID_DAYS = 90  # spec/office.md: expires_at defaults to 90 days after issue
WARN_DAYS = 14  # spec/office.md: warn this many days before expiry


class TrustListInvalid(ValueError):
    """Refused: ``code`` is bad_signature, wrong_format, not_json, foreign_office or bad_entry."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Entry:
    """One issued certificate as the list carries it."""

    cert_pem: str
    cert_sha256: str
    key_sha256: str
    role: str
    device_id: str
    subject: str


@dataclass(frozen=True)
class Revocation:
    cert_sha256: str
    revoked_at: str  # UTC ISO 8601
    reason: str


@dataclass(frozen=True)
class TrustList:
    office: str
    root_sha256: str
    version: int
    issued_at: str
    expires_at: str
    entries: tuple[Entry, ...]
    revocations: tuple[Revocation, ...]

    def expired(self, now: str) -> bool:
        return parse_time(self.expires_at) <= parse_time(now)

    def expires_soon(self, now: str) -> bool:
        """Within WARN_DAYS of expiry (or past it)."""
        return parse_time(self.expires_at) <= parse_time(now) + dt.timedelta(days=WARN_DAYS)


def iso(moment: dt.datetime) -> str:
    """The app's UTC stamp format (db.Stamp): milliseconds and a Z."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def entry_of(cert: x509.Certificate) -> Entry:
    return Entry(
        cert_pem=certs.pem(cert),
        cert_sha256=certs.cert_sha256(cert),
        key_sha256=certs.key_sha256(cert.public_key()),
        role=certs.role_of(cert),
        device_id=certs.device_of(cert),
        subject=certs.subject_of(cert),
    )


def sign(
    *,
    root_key: ec.EllipticCurvePrivateKey,
    root_cert: x509.Certificate,
    version: int,
    issued: list[x509.Certificate],
    revocations: list[Revocation],
    now: dt.datetime,
    valid_days: int = VALID_DAYS,
) -> bytes:
    """The signed trust list document (an envelope signed by the root)."""
    payload: dict[str, Any] = {
        "office": certs.office_name(root_cert),
        "root_sha256": certs.cert_sha256(root_cert),
        "version": version,
        "issued_at": iso(now),
        "expires_at": iso(now + dt.timedelta(days=valid_days)),
        "certificates": [certs.pem(c) for c in issued],
        "revocations": [
            {"cert_sha256": r.cert_sha256, "revoked_at": r.revoked_at, "reason": r.reason}
            for r in revocations
        ],
    }
    return envelope.seal(FORMAT, payload, root_key)


def read(document: bytes, root: x509.Certificate) -> TrustList:
    """The list, if the root signed it; raises TrustListInvalid. Every listed certificate must
    itself chain to the root (a list can name only what the root issued)."""
    try:
        payload = envelope.open_signed(FORMAT, document, root)
    except envelope.EnvelopeInvalid as exc:
        raise TrustListInvalid(exc.code) from exc
    if payload.get("root_sha256") != certs.cert_sha256(root):
        raise TrustListInvalid("foreign_office")
    try:
        entries = []
        for text in payload["certificates"]:
            cert = certs.load(text)
            if not certs.chains_to(cert, root):
                raise TrustListInvalid("bad_entry")
            entries.append(entry_of(cert))
        revocations = tuple(
            Revocation(str(r["cert_sha256"]), str(r["revoked_at"]), str(r.get("reason", "")))
            for r in payload["revocations"]
        )
        version = int(payload["version"])
        return TrustList(
            office=str(payload["office"]),
            root_sha256=str(payload["root_sha256"]),
            version=version,
            issued_at=str(payload["issued_at"]),
            expires_at=str(payload["expires_at"]),
            entries=tuple(entries),
            revocations=revocations,
        )
    except TrustListInvalid:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise TrustListInvalid("bad_entry") from exc


def version_of(document: bytes) -> int:
    """The version a document claims, unverified (for ordering before verification); -1 if none."""
    try:
        payload, _, _ = envelope.open_unverified(FORMAT, document)
        return int(payload["version"])
    except (envelope.EnvelopeInvalid, KeyError, TypeError, ValueError):
        return -1

"""The verification source: may this key sign, and was it revoked at the signing time?

Built from the pinned office root and the newest trust list that verifies against it (laptops),
or from the office's own root and latest list (the office). A key is trusted when a certificate
for it chains to the root — listed in the trust list, or presented with the record — and no
revocation of it took effect at or before the signing time (spec/office.md). Records signed before
enrolment verify once the key is enrolled: trust follows the public key, not one certificate.

A laptop with no office yet trusts its own keys (and certificates added by hand) *locally*: such
a record is "valid on this laptop", which says only that one of the keys it holds signed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from inspector_app.pki import certs
from inspector_app.pki.trustlist import TrustList, parse_time

TRUSTED, LOCAL, UNKNOWN, REVOKED, EXPIRED = "trusted", "local", "unknown", "revoked", "expired"


@dataclass(frozen=True)
class SignerTrust:
    """The verdict on a signer: ``status`` is one of TRUSTED, LOCAL, UNKNOWN, REVOKED, EXPIRED."""

    status: str
    subject: str = ""
    role: str = ""
    cert_sha256: str = ""  # the certificate that vouches for the key (issued, or local)
    revoked_at: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (TRUSTED, LOCAL)


@dataclass(frozen=True)
class _Voucher:
    cert: x509.Certificate
    sha256: str
    subject: str
    role: str
    not_after: dt.datetime


def _voucher(cert: x509.Certificate) -> _Voucher:
    return _Voucher(
        cert, certs.cert_sha256(cert), certs.subject_of(cert), certs.role_of(cert), cert.not_valid_after_utc
    )


class Verifier:
    """Who may sign. ``root`` None means no office: only ``local`` certificates vouch (LOCAL).

    ``revoked`` maps certificate SHA-256 → (revoked_at, reason): the trust list's revocations plus
    any made on this machine (a machine may distrust more than its office, never trust more).
    ``aliases`` are further certificates known here (an own key's self-signed certificate, those
    seen in bundles) — looked up by QR key id, trusted only through their public key.
    """

    def __init__(
        self,
        *,
        root: x509.Certificate | None,
        trust_list: TrustList | None = None,
        local: Iterable[x509.Certificate] = (),
        revoked: dict[str, tuple[str, str]] | None = None,
        aliases: Iterable[x509.Certificate] = (),
    ) -> None:
        self.root = root
        self.trust_list = trust_list if root is not None else None
        self._revoked = dict(revoked or {})
        self._by_key: dict[str, list[_Voucher]] = {}
        self._known: dict[str, x509.Certificate] = {}
        self._chains: dict[str, bool] = {}  # certificate SHA-256 → issued by the root
        # id(certificate) → (the certificate, its subject, best voucher, revocations): judged once
        self._standing: dict[int, tuple[Any, ...]] = {}
        if root is not None:
            for entry in self.trust_list.entries if self.trust_list else ():
                self._add(certs.load(entry.cert_pem))
            for r in self.trust_list.revocations if self.trust_list else ():
                self._revoked.setdefault(r.cert_sha256, (r.revoked_at, r.reason))
        else:
            for cert in local:
                self._add(cert)
        for cert in [*aliases, *(local if root is not None else ())]:
            self._known.setdefault(certs.cert_sha256(cert), cert)

    def _add(self, cert: x509.Certificate) -> None:
        voucher = _voucher(cert)
        key = certs.key_sha256(cert.public_key())
        if all(v.sha256 != voucher.sha256 for v in self._by_key.get(key, [])):
            self._by_key.setdefault(key, []).append(voucher)
        self._known.setdefault(voucher.sha256, cert)

    @property
    def office(self) -> bool:
        return self.root is not None

    @property
    def root_sha256(self) -> str:
        return certs.cert_sha256(self.root) if self.root is not None else ""

    def judge(self, cert: x509.Certificate, *, at: str | None = None) -> SignerTrust:
        """Trust in the key of ``cert`` at time ``at`` (UTC ISO 8601; None: now)."""
        found = self._standing.get(id(cert))
        if found is None or found[0] is not cert:
            found = self._standing[id(cert)] = (cert, *self._standing_of(cert))
        _cert, subject, best, revocations = found
        if best is None:
            return SignerTrust(UNKNOWN, subject=subject)
        moment = parse_time(at) if at else dt.datetime.now(dt.UTC)
        for revoked_at, sha, text, reason in revocations:
            if revoked_at <= moment:
                return SignerTrust(REVOKED, best.subject, best.role, sha, text, reason)
        if moment > best.not_after:
            return SignerTrust(EXPIRED, best.subject, best.role, best.sha256)
        status = TRUSTED if self.root is not None else LOCAL
        return SignerTrust(status, best.subject, best.role, best.sha256)

    def _standing_of(
        self, cert: x509.Certificate
    ) -> tuple[str, _Voucher | None, list[tuple[dt.datetime, str, str, str]]]:
        """What does not depend on the signing time (worked out once per certificate): the
        vouching certificate with the latest expiry, and every revocation of the key, earliest
        first."""
        key = certs.key_sha256(cert.public_key())
        vouchers = list(self._by_key.get(key, []))
        if self.root is not None and self._chains_to_root(cert):
            presented = _voucher(cert)
            if all(v.sha256 != presented.sha256 for v in vouchers):
                vouchers.append(presented)
        if not vouchers:
            return certs.subject_of(cert), None, []
        revocations = []
        for sha in {*(v.sha256 for v in vouchers), certs.cert_sha256(cert)}:
            if sha in self._revoked:
                text, reason = self._revoked[sha]
                revocations.append((parse_time(text), sha, text, reason))
        return "", max(vouchers, key=lambda v: v.not_after), sorted(revocations)

    def _chains_to_root(self, cert: x509.Certificate) -> bool:
        sha = certs.cert_sha256(cert)
        if sha not in self._chains:
            self._chains[sha] = self.root is not None and certs.chains_to(cert, self.root)
        return self._chains[sha]

    def certificates(self) -> list[x509.Certificate]:
        """Every certificate known here (vouching or alias), e.g. to resolve a QR key id."""
        return list(self._known.values())

    def by_key_id(self, key_id: str) -> list[x509.Certificate]:
        """Certificates whose id (first 16 hex of the SHA-256) is ``key_id``."""
        return [c for sha, c in self._known.items() if sha[:16] == key_id]

    def anchors(self) -> list[x509.Certificate]:
        """What a PDF validator should take as trust roots: the office root, or the local certs."""
        if self.root is not None:
            return [self.root]
        return [v.cert for vs in self._by_key.values() for v in vs]

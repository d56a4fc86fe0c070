"""Review decisions as they travel to the laptop: approved, or returned with the reason, signed by
the supervisor's key (spec/office.md, "Who signs what"), carrying the supervisor's certificate.

A decision names the record by id *and* fingerprint: it applies to that exact signed record only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.pki import certs, envelope
from inspector_app.pki import trust as pki_trust
from inspector_app.pki.trust import Verifier

FORMAT = "inspector-app-review-decision/1"
DECISIONS = ("approved", "returned")


class DecisionInvalid(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Decision:
    id: str
    record_id: str
    fingerprint: str
    decision: str
    reason: str
    decided_at: str
    supervisor: str
    document: bytes


def sign(
    *,
    decision_id: str,
    record_id: str,
    fingerprint: str,
    decision: str,
    reason: str,
    decided_at: str,
    key: ec.EllipticCurvePrivateKey,
    cert_pem: str,
) -> bytes:
    payload = {
        "id": decision_id,
        "record_id": record_id,
        "fingerprint": fingerprint,
        "decision": decision,
        "reason": reason,
        "decided_at": decided_at,
        "certificate": cert_pem,
    }
    return envelope.seal(FORMAT, payload, key)


def read(document: bytes, verifier: Verifier) -> Decision:
    """The decision, if a supervisor the office root vouches for signed it (not revoked at the
    decision's time); raises DecisionInvalid."""
    try:
        payload, _signed, _signature = envelope.open_unverified(FORMAT, document)
        cert = certs.load(str(payload["certificate"]))
    except (envelope.EnvelopeInvalid, KeyError, ValueError) as exc:
        raise DecisionInvalid("not_a_decision") from exc
    try:
        envelope.open_signed(FORMAT, document, cert)
    except envelope.EnvelopeInvalid as exc:
        raise DecisionInvalid("bad_signature") from exc
    values: dict[str, Any] = payload
    if values.get("decision") not in DECISIONS or not all(
        isinstance(values.get(k), str) for k in ("id", "record_id", "fingerprint", "reason", "decided_at")
    ):
        raise DecisionInvalid("not_a_decision")
    trust = verifier.judge(cert, at=values["decided_at"])
    if trust.status != pki_trust.TRUSTED:
        raise DecisionInvalid(f"supervisor_{trust.status}")
    if trust.role != "supervisor":
        raise DecisionInvalid("not_a_supervisor")
    return Decision(
        values["id"],
        values["record_id"],
        values["fingerprint"],
        values["decision"],
        values["reason"],
        values["decided_at"],
        trust.subject,
        document,
    )

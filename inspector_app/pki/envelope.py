"""Signed JSON documents (trust lists, review decisions): the exact payload text and its signature.

The payload travels as a string inside the envelope, so the verifier checks the very bytes that
were signed — no re-serialisation, no canonicalisation to get wrong.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.signing import record as record_sig


class EnvelopeInvalid(ValueError):
    """Not a signed document of the expected kind, or its signature fails; ``code`` says which."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def seal(kind: str, payload: dict[str, Any], key: ec.EllipticCurvePrivateKey) -> bytes:
    """The envelope bytes: {"format": kind, "payload": text, "signature": base64 r‖s}."""
    return seal_text(
        kind, json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")), key
    )


def seal_text(kind: str, text: str, key: ec.EllipticCurvePrivateKey) -> bytes:
    """The envelope of a payload already serialised (``text`` must be a JSON object)."""
    signature = record_sig.sign(key, text.encode("utf-8"))
    envelope = {"format": kind, "payload": text, "signature": record_sig.b64(signature)}
    return json.dumps(envelope, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def open_unverified(kind: str, data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """(payload, signed bytes, signature) without checking the signature; raises EnvelopeInvalid."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        if not isinstance(envelope, dict) or envelope.get("format") != kind:
            raise EnvelopeInvalid("wrong_format")
        text = envelope["payload"]
        signature = record_sig.unb64(envelope["signature"])
        payload = json.loads(text)
    except EnvelopeInvalid:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise EnvelopeInvalid("not_json") from exc
    if not isinstance(payload, dict):
        raise EnvelopeInvalid("not_json")
    return payload, str(text).encode("utf-8"), signature


def open_signed(kind: str, data: bytes, signer: x509.Certificate) -> dict[str, Any]:
    """The payload, if ``signer`` signed it; raises EnvelopeInvalid('bad_signature') otherwise."""
    payload, signed, signature = open_unverified(kind, data)
    if not record_sig.verify(signer, signed, signature):
        raise EnvelopeInvalid("bad_signature")
    return payload

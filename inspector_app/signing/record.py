"""Signing and verifying bytes (the canonical record, the QR summary) with ECDSA P-256/SHA-256."""

from __future__ import annotations

import base64

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    Prehashed,
    decode_dss_signature,
    encode_dss_signature,
)

ALGORITHM = "ES256"


def sign(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """Raw r‖s (64 bytes): the compact form that fits a QR code."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def verify(cert: x509.Certificate, data: bytes, signature: bytes) -> bool:
    public = cert.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        return False
    return verify_key(public, data, signature)


def verify_key(public: ec.EllipticCurvePublicKey, data: bytes, signature: bytes) -> bool:
    """`verify` with the key taken out of its certificate once (an import checks thousands of
    records by one signer). OpenSSL runs without the GIL here, so threads verify in parallel."""
    if len(signature) != 64:
        return False
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    try:
        public.verify(der, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def verify_many(items: list[tuple[ec.EllipticCurvePublicKey, bytes, bytes] | None]) -> list[bool]:
    """`verify_key` of each (key, SHA-256 digest of the signed bytes, signature); None counts as
    a failed signature. The digest, not the bytes: the caller hashes them once for the record's
    fingerprint, and ECDSA signs the SHA-256 of the bytes (Prehashed: the same check). One call
    per batch keeps a worker thread in OpenSSL (no GIL) rather than handing the GIL back and forth
    with the reader for every record."""
    algorithm = ec.ECDSA(Prehashed(hashes.SHA256()))
    verdicts = []
    for item in items:
        ok = False
        if item is not None and len(item[2]) == 64 and len(item[1]) == 32:
            key, digest, signature = item
            der = encode_dss_signature(
                int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            )
            try:
                key.verify(der, digest, algorithm)
                ok = True
            except InvalidSignature:
                pass
        verdicts.append(ok)
    return verdicts


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)

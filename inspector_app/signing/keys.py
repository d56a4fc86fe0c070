"""Inspector identities: an ECDSA P-256 key pair and a self-made X.509 certificate.

The certificate names the inspector (CN), their ID number (serialNumber) and office (O), and carries
the non-repudiation (content commitment) key usage. The private key is stored encrypted under the
passphrase with a memory-hard KDF (Argon2id, ~0.25 s and 64 MiB per unlock, so a stolen database
costs an attacker that much per guess) and AES-256-GCM; the app never keeps the passphrase. Keys
stored by older versions (PKCS#8 under PBKDF2 with 2,048 iterations) still open and are re-encrypted
by the caller at their next unlock (`needs_upgrade`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

CERT_YEARS = 5
MIN_PASSPHRASE = 8  # characters
KEY_FORMAT = "inspector-app-key/1"  # the stored key's envelope (JSON), see `encrypt_key`
# Argon2id cost per unlock: 64 MiB, 4 passes, one lane measured 0.23 s on the reference machine
# (docs/performance.md, "Key unlock"); RFC 9106 §4's second recommendation is 64 MiB too.
KDF_PARAMS = {"memory_kib": 65536, "iterations": 4, "lanes": 1}
MAX_NAME = 200  # characters of a certificate name attribute (CN, O, serialNumber)


class WrongPassphrase(Exception):
    """The passphrase does not open the stored key."""


class WeakPassphrase(Exception):
    """Shorter than MIN_PASSPHRASE characters."""


@dataclass(frozen=True)
class Identity:
    cert_pem: str
    encrypted_key_pem: str
    cert_sha256: str
    key_id: str
    subject: str


def cert_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def cert_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert_der(cert)).hexdigest()


def key_id(cert: x509.Certificate) -> str:
    """A short id of the certificate carried in QR codes (first 8 bytes of its SHA-256, hex)."""
    return cert_sha256(cert)[:16]


def subject_name(cert: x509.Certificate) -> str:
    def first(oid: x509.ObjectIdentifier) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    return " / ".join(
        x
        for x in (first(NameOID.COMMON_NAME), first(NameOID.SERIAL_NUMBER), first(NameOID.ORGANIZATION_NAME))
        if x
    )


def create_identity(
    *, name: str, id_number: str, office: str, passphrase: str, now: dt.datetime | None = None
) -> Identity:
    """Make a key pair and certificate; raises WeakPassphrase for a short passphrase."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(MIN_PASSPHRASE)
    for value in (name, id_number, office):
        if not value or len(value) > MAX_NAME:
            raise ValueError(f"a name attribute must hold 1 to {MAX_NAME} characters")
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            # An enforcement ID may hold Chinese characters: UTF8String, not PrintableString.
            x509.NameAttribute(NameOID.SERIAL_NUMBER, id_number, _type=_ASN1Type.UTF8String),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * CERT_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(
        cert_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        encrypted_key_pem=encrypt_key(key, passphrase),
        cert_sha256=cert_sha256(cert),
        key_id=key_id(cert),
        subject=subject_name(cert),
    )


def load_cert(pem: str | bytes) -> x509.Certificate:
    """Parse a PEM certificate; raises ValueError for anything else."""
    return x509.load_pem_x509_certificate(pem.encode("ascii") if isinstance(pem, str) else pem)


def trust_problem(cert: x509.Certificate, now: dt.datetime | None = None) -> str:
    """Why this certificate must not be trusted as a signer, as a message code ('' when fine).

    Records are signed with ECDSA P-256 only (DESIGN.md "Signed records"): any other key could not
    have signed one. A certificate outside its validity period signs nothing new.
    """
    now = now or dt.datetime.now(dt.UTC)
    public = cert.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey) or not isinstance(public.curve, ec.SECP256R1):
        return "cert_not_p256"
    if cert.not_valid_after_utc < now:
        return "cert_expired"
    if cert.not_valid_before_utc > now:
        return "cert_not_yet_valid"
    return ""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kdf(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params["iterations"],
        lanes=params["lanes"],
        memory_cost=params["memory_kib"],
    ).derive(passphrase.encode("utf-8"))


def encrypt_key(
    key: ec.EllipticCurvePrivateKey, passphrase: str, *, params: dict[str, int] | None = None
) -> str:
    """The private key (PKCS#8 DER) under AES-256-GCM with a key derived by Argon2id, as JSON text.

    The envelope's header (format, KDF parameters, salt) is the AEAD's associated data: changing
    any of it makes the key fail to open rather than open weaker.
    """
    params = dict(KDF_PARAMS if params is None else params)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": KEY_FORMAT, "kdf": {"name": "argon2id", **params, "salt": _b64(salt)}}
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    sealed = AESGCM(_kdf(passphrase, salt, params)).encrypt(nonce, plain, _aad(header))
    return json.dumps(
        {**header, "cipher": "aes-256-gcm", "nonce": _b64(nonce), "data": _b64(sealed)}, sort_keys=True
    )


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def needs_upgrade(stored: str) -> bool:
    """True when the stored key uses an older format or a lower KDF cost than KDF_PARAMS."""
    try:
        envelope = json.loads(stored)
        kdf = envelope["kdf"]
        return bool(
            envelope["format"] != KEY_FORMAT
            or kdf["name"] != "argon2id"
            or any(int(kdf[k]) < v for k, v in KDF_PARAMS.items())
        )
    except (ValueError, KeyError, TypeError):
        return True


def unlock(encrypted_key_pem: str, passphrase: str) -> ec.EllipticCurvePrivateKey:
    """The private key, decrypted in memory; raises WrongPassphrase (also for a damaged key).

    Opens the Argon2id envelope and, for keys stored by older versions, PKCS#8 PEM.
    """
    if encrypted_key_pem.lstrip().startswith("-----BEGIN"):
        return _unlock_pkcs8(encrypted_key_pem, passphrase)
    try:
        envelope = json.loads(encrypted_key_pem)
        kdf = envelope["kdf"]
        if envelope["format"] != KEY_FORMAT or kdf["name"] != "argon2id":
            raise WrongPassphrase()
        params = {k: int(kdf[k]) for k in KDF_PARAMS}
        salt = base64.b64decode(kdf["salt"], validate=True)
        header = {"format": envelope["format"], "kdf": kdf}
        plain = AESGCM(_kdf(passphrase, salt, params)).decrypt(
            base64.b64decode(envelope["nonce"], validate=True),
            base64.b64decode(envelope["data"], validate=True),
            _aad(header),
        )
        key = serialization.load_der_private_key(plain, password=None)
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise WrongPassphrase() from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise WrongPassphrase()
    return key


def _unlock_pkcs8(encrypted_key_pem: str, passphrase: str) -> ec.EllipticCurvePrivateKey:
    """A key stored before the Argon2id envelope (PKCS#8, PBKDF2)."""
    try:
        key = serialization.load_pem_private_key(
            encrypted_key_pem.encode("ascii"), password=passphrase.encode("utf-8")
        )
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase() from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise WrongPassphrase()
    return key

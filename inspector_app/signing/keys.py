"""Inspector identities: an ECDSA P-256 key pair and a self-made X.509 certificate.

The certificate names the inspector (CN), their ID number (serialNumber) and office (O), and carries
the non-repudiation (content commitment) key usage. The private key is stored encrypted under the
passphrase (PKCS#8, best available encryption); the app never keeps the passphrase.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

CERT_YEARS = 5
MIN_PASSPHRASE = 8  # characters


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


def cert_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


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
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    return Identity(
        cert_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        encrypted_key_pem=encrypted.decode("ascii"),
        cert_sha256=cert_sha256(cert),
        key_id=key_id(cert),
        subject=subject_name(cert),
    )


def load_cert(pem: str | bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode("ascii") if isinstance(pem, str) else pem)


def unlock(encrypted_key_pem: str, passphrase: str) -> ec.EllipticCurvePrivateKey:
    """The private key, decrypted in memory; raises WrongPassphrase."""
    try:
        key = serialization.load_pem_private_key(
            encrypted_key_pem.encode("ascii"), password=passphrase.encode("utf-8")
        )
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase() from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise WrongPassphrase()
    return key

"""Certificates of the office PKI: the root, enrolment requests, and issued inspector certificates.

All keys are ECDSA P-256 (DESIGN.md: ordinary PDF readers validate it). The root certificate's
SHA-256 is the fingerprint every laptop pins. An enrolment request is a PKCS#10 CSR signed by the
laptop's own key (proof of possession) naming the inspector, their employee number and the device;
the office issues a certificate for the same public key, so records signed before enrolment verify
once the key is enrolled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

from inspector_app.pki.fingerprint import grouped  # noqa: F401  (re-exported: certs.grouped)

ROOT_YEARS = 20  # the root outlives many inspector certificates; re-rooting re-enrols everyone
ISSUED_DAYS = 730  # spec/office.md: inspector and supervisor certificates are valid 2 years
ROLES = ("inspector", "supervisor")
MAX_REQUEST_BYTES = 16 * 1024  # a CSR is well under 2 kB; anything larger is not one of ours


class RequestInvalid(ValueError):
    """Not a usable enrolment request; ``code`` says why (not_a_request, bad_signature, ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class EnrolmentRequest:
    """What a CSR asks for, read and checked (its signature proves the key is held)."""

    pem: str
    name: str
    id_number: str
    office: str
    device_id: str
    key_sha256: str  # SHA-256 of the public key (SubjectPublicKeyInfo DER)


def cert_sha256(cert: x509.Certificate) -> str:
    """The certificate fingerprint: SHA-256 of its DER encoding, hex."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def key_sha256(public_key: CertificatePublicKeyTypes) -> str:
    """SHA-256 of a public key's SubjectPublicKeyInfo: the same key under two certificates matches."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def is_p256(public_key: object) -> bool:
    return isinstance(public_key, ec.EllipticCurvePublicKey) and isinstance(public_key.curve, ec.SECP256R1)


def pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load(pem_text: str | bytes) -> x509.Certificate:
    """Raises ValueError for anything but one PEM certificate."""
    data = pem_text.encode("ascii") if isinstance(pem_text, str) else pem_text
    return x509.load_pem_x509_certificate(data)


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def subject_of(cert: x509.Certificate) -> str:
    """'name / employee number / office', as people read it."""
    parts = (NameOID.COMMON_NAME, NameOID.SERIAL_NUMBER, NameOID.ORGANIZATION_NAME)
    return " / ".join(x for x in (_first(cert.subject, oid) for oid in parts) if x)


def role_of(cert: x509.Certificate) -> str:
    """The role the office wrote into an issued certificate (title), or '' for any other."""
    role = _first(cert.subject, NameOID.TITLE)
    return role if role in ROLES else ""


def _device_from_san(extensions: x509.Extensions) -> str:
    try:
        san = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ""
    for uri in san.get_values_for_type(x509.UniformResourceIdentifier):
        if uri.startswith("urn:uuid:"):
            return uri.removeprefix("urn:uuid:")
    return ""


def device_of(cert: x509.Certificate) -> str:
    """The device id an issued certificate names (from its enrolment request), or ''."""
    return _device_from_san(cert.extensions)


def _utc(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


# -- the root -----------------------------------------------------------------------------------
def create_root(
    office: str, *, now: dt.datetime | None = None
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A new root key and its self-signed CA certificate for the office ``office``."""
    now = _utc(now)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{office} 计量检查根证书"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * ROOT_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,  # the root signs trust lists and return packages
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def office_name(root: x509.Certificate) -> str:
    return _first(root.subject, NameOID.ORGANIZATION_NAME)


# -- enrolment requests -------------------------------------------------------------------------
def build_request(
    key: ec.EllipticCurvePrivateKey, *, name: str, id_number: str, office: str, device_id: str
) -> str:
    """The PEM CSR of ``key``: names the inspector and carries the device as urn:uuid."""
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, id_number, _type=_ASN1Type.UTF8String),
        ]
    )
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject)
        .add_extension(
            x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:uuid:{device_id}")]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def read_request(data: bytes | str) -> EnrolmentRequest:
    """Parse and check a CSR; raises RequestInvalid (not_a_request, bad_signature, not_p256,
    no_name, no_device)."""
    raw = data.encode("ascii", "replace") if isinstance(data, str) else data
    if len(raw) > MAX_REQUEST_BYTES:
        raise RequestInvalid("not_a_request")
    try:
        csr = x509.load_pem_x509_csr(raw)
    except ValueError:
        try:
            csr = x509.load_der_x509_csr(raw)
        except ValueError as exc:
            raise RequestInvalid("not_a_request") from exc
    if not csr.is_signature_valid:
        raise RequestInvalid("bad_signature")
    public = csr.public_key()
    if not is_p256(public):
        raise RequestInvalid("not_p256")
    name = _first(csr.subject, NameOID.COMMON_NAME)
    if not name.strip():
        raise RequestInvalid("no_name")
    device = _device_from_san(csr.extensions)
    try:
        uuid.UUID(device)
    except ValueError as exc:
        raise RequestInvalid("no_device") from exc
    return EnrolmentRequest(
        pem=csr.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        name=name,
        id_number=_first(csr.subject, NameOID.SERIAL_NUMBER),
        office=_first(csr.subject, NameOID.ORGANIZATION_NAME),
        device_id=device,
        key_sha256=key_sha256(public),
    )


def issue(
    request: EnrolmentRequest,
    *,
    role: str,
    root_key: ec.EllipticCurvePrivateKey,
    root_cert: x509.Certificate,
    now: dt.datetime | None = None,
) -> x509.Certificate:
    """The certificate of the request's key, signed by the root: 2 years, digitalSignature +
    nonRepudiation, not a CA; the role is its title. Raises ValueError for an unknown role."""
    if role not in ROLES:
        raise ValueError(role)
    now = _utc(now)
    csr = x509.load_pem_x509_csr(request.pem.encode("ascii"))
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office_name(root_cert)),
            x509.NameAttribute(NameOID.COMMON_NAME, request.name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, request.id_number, _type=_ASN1Type.UTF8String),
            x509.NameAttribute(NameOID.TITLE, role),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root_cert.subject)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=ISSUED_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:uuid:{request.device_id}")]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(csr.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_cert.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )


def chains_to(cert: x509.Certificate, root: x509.Certificate) -> bool:
    """Was ``cert`` issued by ``root`` (issuer name and signature), and is it not a CA itself?"""
    if cert_sha256(cert) == cert_sha256(root):
        return False
    try:
        cert.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature):
        return False
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return True
    return not constraints.ca

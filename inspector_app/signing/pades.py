"""PAdES signatures on the PDF record (pyHanko), and reading a record PDF back.

The signed canonical record travels inside the PDF as an embedded file; it is added in the same
incremental update that the signature covers, so changing it breaks the signature. Offline only:
no fetching of revocation data (the trust store is the app's own).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

RECORD_FILE = "inspection-record.json"

# pyHanko logs a traceback at ERROR level for an untrusted signer although validation returns
# normally (PLATFORM.md): the verdict is ours to report.
for _name in ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign.validation"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class PdfUnreadable(ValueError):
    """Not a PDF, or no embedded record in it."""


@dataclass(frozen=True)
class PadesStatus:
    signed: bool
    intact: bool
    valid: bool
    trusted: bool
    whole_file: bool
    signer_cert: x509.Certificate | None


def sign_pdf(
    pdf: bytes,
    *,
    key: ec.EllipticCurvePrivateKey,
    cert: x509.Certificate,
    attachment: bytes,
    signer_name: str,
    chain: list[x509.Certificate] | None = None,
) -> bytes:
    """Embed the signed record and add a PAdES B-B signature in one incremental update; ``chain``
    (the office root) travels in the signature so PDF readers can build the path."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    asn1_cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    asn1_key = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=asn1_cert,
        signing_key=asn1_key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [
                asn1_cert,
                *(
                    asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                    for c in chain or []
                ),
            ]
        ),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=RECORD_FILE,
            file_name=RECORD_FILE,
            embedded_data=embed.EmbeddedFileObject.from_file_data(
                writer, data=attachment, mime_type="application/json"
            ),
            description="Signed canonical inspection record",
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name="InspectorSignature",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=signer_name,
        reason="计量现场检查记录 / inspection record",
        md_algorithm="sha256",
    )
    out = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=signer, output=out)
    return out.getvalue()


def read_attachment(pdf: bytes) -> bytes:
    """The embedded signed record; raises PdfUnreadable."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(names), 2):
            if str(names[i]) == RECORD_FILE:
                return bytes(names[i + 1].get_object()["/EF"]["/F"].get_object().data)
    except (PdfReadError, KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise PdfUnreadable(str(exc)) from exc
    raise PdfUnreadable("no embedded record")


def validate(pdf: bytes, trusted: list[x509.Certificate]) -> PadesStatus:
    """Check the PDF signature against the trusted certificates; raises PdfUnreadable."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise PdfUnreadable(str(exc)) from exc
    if not signatures:
        return PadesStatus(False, False, False, False, False, None)
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(signatures[-1], context)
    except (SignatureValidationError, ValueError, KeyError) as exc:
        raise PdfUnreadable(str(exc)) from exc
    cert = x509.load_der_x509_certificate(status.signing_cert.dump()) if status.signing_cert else None
    return PadesStatus(
        signed=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer_cert=cert,
    )

"""PAdES signatures on the PDF record (pyHanko), and reading a record PDF back.

The signed canonical record travels inside the PDF as an embedded file; it is added in the same
incremental update that the signature covers, so changing it breaks the signature. Offline only:
no fetching of revocation data (the trust store is the app's own).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

RECORD_FILE = "inspection-record.json"

# pyHanko logs a traceback at ERROR level for an untrusted signer although validation returns
# normally (PLATFORM.md): the verdict is ours to report.
for _name in ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign.validation"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


MAX_RECORD = 8 * 1024 * 1024  # bytes of the decoded embedded record (a 125-package lot is ~40 kB)
EOF_WINDOW = 1024  # a PDF ends with %%EOF within its last kilobyte (ISO 32000-1 §7.5.5 readers' slack)


class PdfUnreadable(ValueError):
    """Not a PDF, or a PDF too damaged to read (truncated, broken cross-reference)."""


class NoRecord(PdfUnreadable):
    """A readable PDF without our embedded record."""


class RecordUnreadable(PdfUnreadable):
    """The embedded record is there but cannot be decoded (corrupt stream, oversized, odd filter)."""


class SignatureDamaged(ValueError):
    """The PDF reads, but its signature dictionary cannot be evaluated (broken /ByteRange or
    /Contents, a malformed signature field)."""


def looks_complete(pdf: bytes) -> bool:
    """A PDF header at the start and an end-of-file marker at the end: a truncated copy (an
    interrupted download or USB transfer) fails here before any parsing."""
    return pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-EOF_WINDOW:]


def open_pdf(pdf: bytes) -> Any:
    """A pyHanko reader over the bytes; raises PdfUnreadable for anything it cannot parse.

    The parser meets hostile input here, so every error it can raise (its own, zlib's, a
    recursion limit on nested objects, asn1crypto's) means the same thing to us: unreadable.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        reader.root  # noqa: B018 - resolves the trailer and catalogue now, not later
    except Exception as exc:
        raise PdfUnreadable(f"{type(exc).__name__}: {exc}"[:200]) from exc
    return reader


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


def read_attachment(pdf: bytes | Any) -> bytes:
    """The embedded signed record (from PDF bytes or an `open_pdf` reader).

    Raises PdfUnreadable for a PDF that cannot be parsed, NoRecord when it holds no record, and
    RecordUnreadable when the record's stream cannot be decoded or would exceed MAX_RECORD.
    """
    reader = open_pdf(pdf) if isinstance(pdf, bytes) else pdf
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        stream = None
        for i in range(0, len(names), 2):
            if str(names[i]) == RECORD_FILE:
                stream = names[i + 1].get_object()["/EF"]["/F"].get_object()
                break
    except Exception as exc:
        raise NoRecord(f"{type(exc).__name__}: {exc}"[:200]) from exc
    if stream is None:
        raise NoRecord("no embedded record")
    try:
        return _decoded(stream)
    except Exception as exc:
        raise RecordUnreadable(f"{type(exc).__name__}: {exc}"[:200]) from exc


def _decoded(stream: Any) -> bytes:
    """The stream's data, inflated with a bound: a small compressed stream cannot become gigabytes."""
    import zlib

    filters = stream.get("/Filter")
    raw = bytes(stream.encoded_data)
    if filters is None:
        data = raw
    elif str(filters) == "/FlateDecode":
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_RECORD + 1)
        if not inflater.eof and len(data) <= MAX_RECORD:
            raise ValueError("incomplete compressed stream")
    else:  # we write FlateDecode only (pyHanko's default); anything else was made elsewhere
        raise ValueError(f"unexpected filter {filters}")
    if len(data) > MAX_RECORD:
        raise ValueError(f"record larger than {MAX_RECORD} bytes")
    return data


def validate(pdf: bytes | Any, trusted: list[x509.Certificate]) -> PadesStatus:
    """Check the PDF signature against the trusted certificates (PDF bytes or an `open_pdf`
    reader); raises PdfUnreadable for an unparsable PDF, SignatureDamaged for a signature
    dictionary that cannot be evaluated."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = open_pdf(pdf) if isinstance(pdf, bytes) else pdf
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted]
    try:
        signatures = reader.embedded_signatures
        if not signatures:
            return PadesStatus(False, False, False, False, False, None)
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        status = validate_pdf_signature(signatures[-1], context)
        cert = x509.load_der_x509_certificate(status.signing_cert.dump()) if status.signing_cert else None
        padded = padding_intact(reader, signatures[-1].byte_range)
    except Exception as exc:  # hostile input: whatever pyHanko or asn1crypto raise, it is damage
        raise SignatureDamaged(f"{type(exc).__name__}: {exc}"[:200]) from exc
    return PadesStatus(
        signed=True,
        intact=bool(status.intact) and padded,
        valid=bool(status.valid) and padded,
        trusted=bool(status.trusted),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer_cert=cert,
    )


HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def padding_intact(reader: Any, byte_range: list[int]) -> bool:
    """Is the signature's /Contents, as the file holds it, a plain hex string of the DER signature
    followed by zeros only? The byte range leaves /Contents out of what is signed (ISO 32000-1
    §12.8.1), so a byte changed in its zero padding, or a space slipped in, would otherwise go
    unseen."""
    raw = reader.stream.getvalue()
    start, first, second, _length = (int(x) for x in byte_range)
    gap = raw[start + first : second]
    inner = gap[1:-1]
    if gap[:1] != b"<" or gap[-1:] != b">" or len(inner) % 2 or not set(inner) <= HEX_DIGITS:
        return False
    der = bytes.fromhex(inner.decode("ascii"))
    if len(der) < 2 or der[0] != 0x30:
        return False
    if der[1] < 0x80:
        used = 2 + der[1]
    else:
        count = der[1] & 0x7F
        used = 2 + count + int.from_bytes(der[2 : 2 + count], "big")
    return used <= len(der) and set(inner[2 * used :]) <= {ord("0")}

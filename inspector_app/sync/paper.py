"""Sync codes: the signed canonical record carried whole by the QR codes of its printed last page.

A record travels on paper when its bundle is late, lost or never comes (docs/sync.md, "Paper").
The payload is the canonical record with its signature — not the certificate, which the office
issued (a record signed before enrolment, with the laptop's own certificate, carries that one) —
deflated, split evenly over as few QR symbols as it needs, each piece base45 text in QR
alphanumeric mode behind a small header::

    IAP1:<i>/<n>:<first 16 hex of the fingerprint>:<record no>:<base45 piece>

The header only groups and orders the pieces (and names a record whose pieces are missing); it is
not trusted: the reassembled record must hash to the fingerprint prefix, carry the record number,
and verify against its signer like any bundle record. This module knows no QR symbology, no
image and no database; `pdf.sync_codes` draws the pieces, `sync.scan_import` imports them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import base45

PREFIX = "IAP1:"  # format 1; the summary QR is "IA1:" (signing.summary), a bundle "inspector-app-bundle/1"
# QR version 25 at level M holds 1,451 alphanumeric characters (ISO/IEC 18004 table 7): 117 modules,
# 56 mm wide with its quiet zone at 0.45 mm a module (pdf.sync_codes) — three fit across an A4 page.
MAX_SYMBOL_CHARS = 1451
MAX_PIECES = 99  # the header's i/n; a record needing more is not one an inspector can print
KEY_CHARS = 16  # hex characters of the fingerprint in each header: groups pieces, 64 bits
MAX_RECORD_NO = 32  # characters of the record number kept in a header (it names missing pieces)
MAX_INFLATED = 8 * 1024 * 1024  # bytes: a 125-package record is ~11 kB; more is a bomb, not a record
SIGNATURE_LEN = 64  # ECDSA P-256 r‖s (signing.record)
FLAG_CERTIFICATE = 1  # the signer's certificate follows (a record signed before enrolment)
_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]*")
_RECORD_NO = re.compile(r"[0-9A-Z\-.]{1,32}")
_HEADER = re.compile(r"IAP1:([0-9]{1,2})/([0-9]{1,2}):([0-9A-F]{16}):([0-9A-Z\-.]{0,32}):")


class PieceUnreadable(ValueError):
    """QR text that is not a sync-code piece of this format (``code`` says why)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class AssemblyFailed(ValueError):
    """Pieces that do not make a record: ``reason`` is a key of sync.refusals.REASONS."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class Piece:
    """One QR symbol's share of a record."""

    index: int  # 1-based
    total: int
    key: str  # the first KEY_CHARS hex characters of the record's fingerprint, upper case
    record_no: str
    data: bytes
    text: str = field(repr=False, compare=False, default="")


@dataclass(frozen=True)
class PaperRecord:
    """A reassembled record: the canonical text and the signature as a bundle record carries them."""

    canonical: str
    signature: dict[str, str]  # alg, cert_sha256, value (base64) — as signed at finalisation
    certificate_der: bytes | None  # only for a record signed before enrolment
    payload_sha256: str  # of the deflated payload: names this paper copy


def is_piece(text: str) -> bool:
    return text.startswith(PREFIX)


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return packer.compress(data) + packer.flush()


def _pieces_needed(payload: int, header: int) -> tuple[int, int]:
    """(number of pieces, bytes per piece) for ``payload`` deflated bytes: as few pieces as fit a
    symbol, the bytes split evenly (an even count, so base45 uses every character) so that every
    symbol comes out at the same version."""
    per_symbol = MAX_SYMBOL_CHARS - header
    # base45: 2 bytes → 3 characters, a last single byte → 2
    most = (per_symbol // 3) * 2
    total = max(1, math.ceil(payload / most))
    if total > MAX_PIECES:
        raise ValueError(f"a record of {payload} deflated bytes needs more than {MAX_PIECES} sync codes")
    size = math.ceil(payload / total)
    return total, size + (size % 2)


def encode(
    canonical: bytes,
    signature: dict[str, Any],
    *,
    record_no: str,
    certificate_der: bytes | None = None,
) -> list[str]:
    """The QR texts of a signed record, in order; raises ValueError if it is too large to print."""
    value = base64.b64decode(str(signature["value"]), validate=True)
    cert_sha = bytes.fromhex(str(signature["cert_sha256"]))
    if signature.get("alg") != "ES256" or len(value) != SIGNATURE_LEN or len(cert_sha) != 32:
        raise ValueError("sync codes carry ES256 record signatures only")
    head = bytes([FLAG_CERTIFICATE if certificate_der else 0]) + cert_sha + value
    if certificate_der:
        head += len(certificate_der).to_bytes(2, "big") + certificate_der
    payload = _deflate(head + canonical)
    key = hashlib.sha256(canonical).hexdigest()[:KEY_CHARS].upper()
    number = record_no if _RECORD_NO.fullmatch(record_no) else ""
    header_len = len(f"{PREFIX}99/99:{key}:{number}:")
    total, size = _pieces_needed(len(payload), header_len)
    return [
        f"{PREFIX}{i + 1}/{total}:{key}:{number}:"
        + base45.b45encode(payload[i * size : (i + 1) * size]).decode("ascii")
        for i in range(total)
    ]


def parse(text: str) -> Piece:
    """One piece from its QR text; raises PieceUnreadable."""
    text = text.strip()
    if not text.startswith(PREFIX):
        raise PieceUnreadable("prefix")
    match = _HEADER.match(text)
    if match is None:
        raise PieceUnreadable("header")
    index, total = int(match[1]), int(match[2])
    if not 1 <= index <= total <= MAX_PIECES:
        raise PieceUnreadable("index")
    body = text[match.end() :]
    if not _ALPHANUMERIC.fullmatch(body):
        raise PieceUnreadable("characters")
    try:
        data = base45.b45decode(body)
    except (ValueError, KeyError, IndexError) as exc:
        raise PieceUnreadable("base45") from exc
    if not data:
        raise PieceUnreadable("empty")
    return Piece(index, total, match[3], match[4], bytes(data), text)


def missing(pieces: Iterable[Piece]) -> list[int]:
    """The piece numbers (1-based) not among ``pieces`` of one record."""
    got = list(pieces)
    total = max(p.total for p in got)
    have = {p.index for p in got}
    return [i for i in range(1, total + 1) if i not in have]


def assemble(pieces: Iterable[Piece]) -> PaperRecord:
    """The record the pieces of one key carry; raises AssemblyFailed naming why not.

    Reasons: ``pieces_missing`` (with ``missing``), ``pieces_disagree`` (two readings of one piece
    differ, or the pieces give different counts), ``sync_code_damaged`` (the payload does not
    inflate or lay out), ``sync_code_mismatch`` (the record does not hash to the key). The caller
    checks the record number against the header once it has parsed the record.
    """
    got = list(pieces)
    if not got:
        raise AssemblyFailed("pieces_missing", missing=[])
    key, total = got[0].key, got[0].total
    by_index: dict[int, Piece] = {}
    for piece in got:
        if piece.key != key or piece.total != total:
            raise AssemblyFailed("pieces_disagree")
        seen = by_index.setdefault(piece.index, piece)
        if seen.data != piece.data or seen.record_no != piece.record_no:
            raise AssemblyFailed("pieces_disagree")
    gaps = missing(got)
    if gaps:
        raise AssemblyFailed("pieces_missing", missing=gaps, total=total)
    payload = b"".join(by_index[i].data for i in range(1, total + 1))
    inflater = zlib.decompressobj(-15)
    try:
        raw = inflater.decompress(payload, MAX_INFLATED)
        complete = inflater.eof and not inflater.unconsumed_tail and not inflater.unused_data
    except zlib.error as exc:
        raise AssemblyFailed("sync_code_damaged", detail="deflate") from exc
    if not complete:
        raise AssemblyFailed("sync_code_damaged", detail="length")
    record = _layout(raw)
    digest = hashlib.sha256(record.canonical.encode("utf-8")).hexdigest()
    if digest[:KEY_CHARS].upper() != key:
        raise AssemblyFailed("sync_code_mismatch", detail="fingerprint")
    return PaperRecord(
        record.canonical,
        record.signature,
        record.certificate_der,
        hashlib.sha256(payload).hexdigest(),
    )


def _layout(raw: bytes) -> PaperRecord:
    """flags, certificate SHA-256, signature, [certificate], canonical UTF-8."""
    fixed = 1 + 32 + SIGNATURE_LEN
    if len(raw) <= fixed or raw[0] & ~FLAG_CERTIFICATE:
        raise AssemblyFailed("sync_code_damaged", detail="layout")
    cert_sha, value, rest = raw[1:33], raw[33:fixed], raw[fixed:]
    certificate = None
    if raw[0] & FLAG_CERTIFICATE:
        length = int.from_bytes(rest[:2], "big")
        if len(rest) < 2 + length or length == 0:
            raise AssemblyFailed("sync_code_damaged", detail="certificate")
        certificate, rest = rest[2 : 2 + length], rest[2 + length :]
    try:
        canonical = rest.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AssemblyFailed("sync_code_damaged", detail="utf-8") from exc
    signature = {
        "alg": "ES256",
        "cert_sha256": cert_sha.hex(),
        "value": base64.b64encode(value).decode("ascii"),
    }
    return PaperRecord(canonical, signature, certificate, "")


def overdue_before(now: str, days: int) -> str:
    """The inspection day before which a record known from paper, its data still awaited, is
    overdue (the office's setting paper_overdue_days)."""
    today = dt.date.fromisoformat(now[:10])
    return (today - dt.timedelta(days=days)).isoformat()

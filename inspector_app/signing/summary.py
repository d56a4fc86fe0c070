"""The signed summary a QR code carries: small enough to scan from a printed page, verifiable alone.

Layout (then base45, for QR alphanumeric mode): UTF-8 text fields joined by '|', a zero byte, the
SHA-256 fingerprint of the canonical record (32 bytes), and an ECDSA P-256 signature (64 bytes,
r‖s) over everything before it. The text starts with the format version and the signer's key id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import base45

from forms import catalogue

if TYPE_CHECKING:
    from forms.definition import FormDefinition

PREFIX = "IA1:"  # alphanumeric-mode safe: upper case, digits and ':'
VERDICT_LETTERS = {"pass": "P", "fail": "F", "inconclusive": "I"}
MAX_ITEM = 24  # characters of the instrument serial or product kept


class SummaryUnreadable(ValueError):
    """Not a summary of this format (wrong prefix, bad base45, wrong length)."""


@dataclass(frozen=True)
class Summary:
    key_id: str
    record_no: str
    form: str
    site_code: str
    item: str
    date: str  # YYYYMMDD
    verdict: str
    figures: str
    fingerprint: bytes

    def signed_bytes(self) -> bytes:
        fields = [
            "1",
            self.key_id,
            self.record_no,
            _letter(self.form),
            self.site_code,
            self.item,
            self.date,
            VERDICT_LETTERS.get(self.verdict, "?"),
            self.figures,
        ]
        text = "|".join(f.replace("|", "/") for f in fields)
        return text.encode("utf-8") + b"\x00" + self.fingerprint


def _letter(form_id: str) -> str:
    """The procedure's QR letter, from its definition's head ('?' for one not installed here)."""
    found = catalogue.procedure(form_id)
    return found.qr_letter if found is not None else "?"


def key_figures(definition: FormDefinition, results: dict[str, Any]) -> str:
    """The one or two numbers a supervisor wants on sight, at the spec's display rounding, never
    contradicting the verdict: the procedure's own choice (its `key_figures`), none otherwise."""
    from forms.registry import hook

    figures = hook(definition.id, "key_figures")
    return "" if figures is None else str(figures(definition, results))


def build(
    record: dict[str, Any], *, key_id: str, fingerprint: bytes, definition: FormDefinition | None = None
) -> Summary:
    """The summary of a canonical record (as a dict), its figures from the definition it was
    evaluated with (default: the installed one)."""
    instrument = record.get("instrument") or {}
    lot = record.get("lot") or {}
    item = instrument.get("serial") or lot.get("product") or ""
    evaluation = record["evaluation"]
    day = str(record.get("finalised_at") or record["started_at"])[:10].replace("-", "")
    return Summary(
        key_id=key_id,
        record_no=record["record_no"],
        form=record["form"]["id"],
        site_code=record["site"]["credit_code"],
        item=str(item)[:MAX_ITEM],
        date=day,
        verdict=evaluation["verdict"],
        figures=key_figures(definition or _installed(record["form"]["id"]), evaluation.get("results", {})),
        fingerprint=fingerprint,
    )


def _installed(form_id: str) -> FormDefinition:
    from forms import load_definition

    return load_definition(form_id)


def encode(summary: Summary, signature: bytes) -> str:
    """The QR text: prefix + base45 of (signed bytes + signature)."""
    encoded: bytes = base45.b45encode(summary.signed_bytes() + signature)
    return PREFIX + encoded.decode("ascii")


def decode(text: str) -> tuple[Summary, bytes, bytes]:
    """(summary, signed bytes, signature) from QR text; raises SummaryUnreadable."""
    text = text.strip()
    if not text.startswith(PREFIX):
        raise SummaryUnreadable("prefix")
    try:
        raw = base45.b45decode(text[len(PREFIX) :])
    except (ValueError, KeyError) as exc:
        raise SummaryUnreadable("base45") from exc
    if len(raw) < 32 + 64 + 2 or b"\x00" not in raw[: -(32 + 64)]:
        raise SummaryUnreadable("length")
    signature, signed = raw[-64:], raw[:-64]
    text_part, fingerprint = signed[:-33], signed[-32:]
    if signed[-33:-32] != b"\x00":
        raise SummaryUnreadable("layout")
    try:
        fields = text_part.decode("utf-8").split("|")
    except UnicodeDecodeError as exc:
        raise SummaryUnreadable("utf-8") from exc
    if len(fields) != 9 or fields[0] != "1":
        raise SummaryUnreadable("fields")
    verdicts = {v: k for k, v in VERDICT_LETTERS.items()}
    summary = Summary(
        key_id=fields[1],
        record_no=fields[2],
        form=catalogue.form_of_letter(fields[3]) or fields[3],
        site_code=fields[4],
        item=fields[5],
        date=fields[6],
        verdict=verdicts.get(fields[7], fields[7]),
        figures=fields[8],
        fingerprint=fingerprint,
    )
    return summary, signed, signature


def signer_of(summary: Summary, signed: bytes, signature: bytes, verifier: Any) -> tuple[Any, bool]:
    """(the certificate whose key made ``signature`` or None, whether the summary names a signer
    known to ``verifier`` (a pki.trust.Verifier)).

    The key id names a certificate; a key enrolled since (same key, new certificate) or one known
    only through the trust list is found by trying the keys themselves. A summary signed before
    its key was enrolled carries the id of the laptop's own certificate, which another machine
    never saw: it still names a known signer when its record number's device prefix is that of a
    device the trust list enrols — so a tampered summary is "altered" there too, and "unknown
    signer" is left for a key id and device that match no certificate known here.
    """
    from inspector_app.signing import record as record_sig

    named = verifier.by_key_id(summary.key_id)
    others = [c for c in verifier.certificates() if c not in named]
    for cert in [*named, *others]:
        if record_sig.verify(cert, signed, signature):
            return cert, bool(named)
    return None, bool(named) or _device_enrolled(summary.record_no, verifier)


def _device_enrolled(record_no: str, verifier: Any) -> bool:
    """Does the record number's device prefix (YYYYMMDD-XXXX-NNNN, spec: record numbers) name a
    device with a certificate in the verifier's trust list?"""
    parts = record_no.split("-")
    prefix = parts[1][:4].lower() if len(parts) > 1 else ""
    if len(prefix) != 4:
        return False
    listed = getattr(verifier, "trust_list", None)
    entries = listed.entries if listed is not None else ()
    return any(e.device_id and e.device_id.lower().startswith(prefix) for e in entries)


def signed_day_end(day: str) -> str:
    """The summary carries only the signing day: revocation is judged at its end (the cautious side)."""
    shown_day = display_date(day)
    return f"{shown_day}T23:59:59.999Z" if len(shown_day) == 10 else ""


def display_date(day: str) -> str:
    try:
        return dt.datetime.strptime(day, "%Y%m%d").date().isoformat()
    except ValueError:
        return day

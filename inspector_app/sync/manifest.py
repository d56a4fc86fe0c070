"""The manifest of a bundle or package, and its signature: every member's SHA-256 and size, signed.

`manifest.sig` is JSON: the algorithm, the signer's certificate (PEM) and the ECDSA P-256 signature
(base64 r‖s) over the exact bytes of `manifest.json`.

A bundle's identity (the office's duplicate-bundle check, `office_bundles.sha256`) is the SHA-256 of
its signed manifest and signature (`identity`), not of the whole file: the manifest names every
member's SHA-256 and size, and every member is checked against it as it is read, so two files with
the same signed manifest that both pass the import hold the same members — and one whose member
differs is refused whatever its manifest (docs/decisions.md, "A bundle's identity").
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.pki import certs
from inspector_app.signing import record as record_sig
from inspector_app.sync import formats
from inspector_app.sync.refusals import Refused
from inspector_app.sync.zipcheck import SafeZip


def dump(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def sign(data: bytes, key: ec.EllipticCurvePrivateKey, cert_pem: str) -> bytes:
    signature = {
        "alg": record_sig.ALGORITHM,
        "certificate": cert_pem,
        "value": record_sig.b64(record_sig.sign(key, data)),
    }
    return json.dumps(signature, sort_keys=True, indent=1).encode("ascii")


def identity(raw: bytes, signature: bytes) -> str:
    """The SHA-256 that names a bundle or package: over the manifest's exact bytes (their length
    first, so that no other split of the same bytes names the same pair) and its signature's."""
    digest = hashlib.sha256(len(raw).to_bytes(8, "big"))
    digest.update(raw)
    digest.update(signature)
    return digest.hexdigest()


def read(zf: SafeZip, expected_format: str) -> tuple[dict[str, Any], str, x509.Certificate]:
    """(manifest, its `identity`, the certificate that signed it), after checking the format, the
    signature and that the members listed are exactly the zip's other members. Raises Refused."""
    raw = zf.read_small(formats.MANIFEST, formats.MANIFEST_MAX)
    try:
        # The standard library's json, not orjson: orjson is ~1 µs a record faster here, but its
        # transient heap peak for a 10,000-record manifest is ~45 MB (json's ~15).
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(formats.MANIFEST, "manifest_invalid", detail="JSON") from exc
    if not isinstance(manifest, dict):
        raise Refused(formats.MANIFEST, "manifest_invalid", detail="JSON")
    found = manifest.get("format")
    if found != expected_format:
        kinds = {
            formats.BUNDLE_FORMAT: ("同步包", "bundle"),
            formats.PACKAGE_FORMAT: ("回传包", "return package"),
        }
        if found in kinds and expected_format in kinds:
            (expected_zh, expected_en), (found_zh, found_en) = kinds[expected_format], kinds[found]
            raise Refused(
                "",
                "wrong_kind",
                expected_zh=expected_zh,
                expected_en=expected_en,
                found_zh=found_zh,
                found_en=found_en,
            )
        raise Refused(formats.MANIFEST, "unsupported_format", value=str(found)[:40])
    raw_sig = zf.read_small(formats.SIGNATURE, formats.SIGNATURE_MAX)
    try:
        signature = json.loads(raw_sig.decode("ascii"))
        cert = certs.load(str(signature["certificate"]))
        value = record_sig.unb64(str(signature["value"]))
        algorithm = signature.get("alg")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise Refused(formats.SIGNATURE, "manifest_signature_bad") from exc
    if algorithm != record_sig.ALGORITHM or not record_sig.verify(cert, raw, value):
        raise Refused(formats.SIGNATURE, "manifest_signature_bad")
    members = manifest.get("members")
    if not isinstance(members, dict):
        raise Refused(formats.MANIFEST, "manifest_invalid", detail="members")
    for name, entry in members.items():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("size"), int)
            and entry["size"] >= 0
            and isinstance(entry.get("sha256"), str)
            and formats.HEX64_RE.fullmatch(entry["sha256"])
        ):
            raise Refused(formats.MANIFEST, "manifest_invalid", detail=f"members[{str(name)[:60]}]")
    present = zf.names() - {formats.MANIFEST, formats.SIGNATURE}
    listed = set(members)
    for name in sorted(listed - present):
        raise Refused(name, "missing_member")
    for name in sorted(present - listed):
        raise Refused(name, "extra_member")
    for name in sorted(listed):
        if members[name]["size"] != zf.infos[name].file_size:
            raise Refused(
                name, "size_mismatch", actual=zf.infos[name].file_size, declared=members[name]["size"]
            )
    return manifest, identity(raw, raw_sig), cert

"""Writing a bundle (laptop → office): records streamed into a zip, the manifest and its signature
last. Written beside its final name and renamed only when complete, so a killed export never
leaves a half bundle on the stick under a name the office would import.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.sync import formats, manifest


class Cancelled(Exception):
    """The user cancelled; nothing was kept."""


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str  # the bundle's identity: its signed manifest's (manifest.identity)
    records: int
    requests: int


class MemberWriter:
    """Adds members to a zip, remembering each one's SHA-256 and size for the manifest."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zip = zf
        self.members: dict[str, dict[str, Any]] = {}

    def add(self, name: str, data: bytes, *, compress: bool = True) -> None:
        if name in self.members:
            return
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o600 << 16
        self._zip.writestr(info, data, compresslevel=6 if compress else None)
        self.members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def has(self, name: str) -> bool:
        return name in self.members


def write_bundle(
    final: Path,
    *,
    header: dict[str, Any],
    records: Iterable[dict[str, Any]],
    total: int,
    certificate: Callable[[str], str],
    form_text: Callable[[str], str | None],
    requests: list[tuple[str, str]],
    key: ec.EllipticCurvePrivateKey,
    cert_pem: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Written:
    """Write the bundle at ``final``; raises Cancelled (nothing left behind) or OSError.

    ``records`` yields the exported rows one at a time (id, canonical, signature JSON, pdf,
    attachments); ``certificate(sha)`` gives the PEM of a signer certificate by SHA-256.
    """
    part = final.with_name(f".{final.name}.part")
    count = 0
    try:
        with open(part, "wb") as handle:
            with zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
                out = MemberWriter(zf)
                for row in records:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    signature = json.loads(row["signature"])
                    record_json = json.dumps(
                        {"canonical": row["canonical"], "signature": signature},
                        ensure_ascii=False,
                        sort_keys=True,
                    ).encode("utf-8")
                    # Stored, not deflated: a record is ~4 kB (the PDFs are most of a bundle) and
                    # inflating every record twice was a fifth of an import's time (bench/sync.py).
                    out.add(f"records/{row['id']}.json", record_json, compress=False)
                    if row["pdf"] is not None:
                        out.add(f"records/{row['id']}.pdf", row["pdf"], compress=False)
                    for sha, data in row["attachments"]:
                        out.add(f"attachments/{sha}", data, compress=False)
                    cert_name = f"certificates/{signature['cert_sha256']}.pem"
                    if not out.has(cert_name):
                        out.add(cert_name, certificate(signature["cert_sha256"]).encode("ascii"))
                    form_name = f"forms/{row['form_hash']}.toml"
                    if not out.has(form_name):
                        text = form_text(row["form_hash"])
                        if text is not None:
                            out.add(form_name, text.encode("utf-8"))
                    count += 1
                    if progress is not None:
                        progress(count, total)
                for key_sha, pem in requests:
                    out.add(f"requests/{key_sha}.csr", pem.encode("ascii"))
                kinds = {k: 0 for k in formats.BUNDLE_MEMBERS}
                for name in out.members:
                    found = formats.kind_of(name, formats.BUNDLE_MEMBERS)
                    if found:
                        kinds[found[0]] += 1
                body = manifest.dump(
                    {**header, "format": formats.BUNDLE_FORMAT, "counts": kinds, "members": out.members}
                )
                signed = manifest.sign(body, key, cert_pem)
                zf.writestr(formats.MANIFEST, body, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(formats.SIGNATURE, signed)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    # The name the office gives this bundle too (manifest.identity): no second pass over the file.
    return Written(part, manifest.identity(body, signed), count, len(requests))


def publish(written: Written, final: Path) -> Path:
    """Give the finished bundle its name (atomic rename in the same folder)."""
    os.replace(written.path, final)
    return final

"""The two file formats: member names, limits and manifest fields (documented in docs/sync.md).

A bundle (laptop → office) and a return package (office → laptop) are both zip files whose
`manifest.json` lists every other member with its SHA-256 and size, and whose `manifest.sig` signs
the manifest's exact bytes (BagIt's payload manifest, signed).
"""

from __future__ import annotations

import re

BUNDLE_FORMAT = "inspector-app-bundle/1"
PACKAGE_FORMAT = "inspector-app-package/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"

MEMBER_MAX = 50 * 1024 * 1024  # spec/office.md: a member ≤ 50 MB
BUNDLE_MAX = 2 * 1024 * 1024 * 1024  # spec/office.md: a bundle ≤ 2 GB
MANIFEST_MAX = 64 * 1024 * 1024  # bytes: ~200 bytes a member, so ~300,000 members
SIGNATURE_MAX = 64 * 1024
MEMBERS_MAX = 400_000  # records × (json + pdf) + attachments of a very large bundle
# A deflated member may expand this much at most; JSON records reach ~10:1, photos and PDFs ~1:1.
# Checked only above RATIO_FLOOR bytes, where an expansion could hurt.
RATIO_MAX = 100
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024  # bytes read at a time when hashing a member

_HEX64 = r"[0-9a-f]{64}"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

BUNDLE_MEMBERS = {
    "record": re.compile(rf"records/({_UUID})\.json"),
    "pdf": re.compile(rf"records/({_UUID})\.pdf"),
    "attachment": re.compile(rf"attachments/({_HEX64})"),
    "certificate": re.compile(rf"certificates/({_HEX64})\.pem"),
    "form": re.compile(rf"forms/({_HEX64})\.toml"),
    "request": re.compile(rf"requests/({_HEX64})\.csr"),
}

PACKAGE_MEMBERS = {
    "root": re.compile(r"(root)\.pem"),
    "trust_list": re.compile(r"(trust_list)\.json"),
    "tasks": re.compile(r"(tasks)\.json"),
    "decision": re.compile(rf"decisions/({_UUID})\.json"),
    "form": re.compile(r"reference/forms/([a-z_]+)-([0-9A-Za-z.\-]+)\.toml"),
    "tariff": re.compile(r"reference/tariffs/([a-z0-9_\-]+)-([0-9A-Za-z.\-]+)\.toml"),
}

UUID_RE = re.compile(rf"{_UUID}")
HEX64_RE = re.compile(_HEX64)


def kind_of(name: str, patterns: dict[str, re.Pattern[str]]) -> tuple[str, tuple[str, ...]] | None:
    """(kind, captured parts) of an allowed member name, or None."""
    for kind, pattern in patterns.items():
        match = pattern.fullmatch(name)
        if match:
            return kind, match.groups()
    return None


def bundle_name(device_id: str, seq: int) -> str:
    """spec/office.md: one file per export, `<device>-<seq>.zip`."""
    return f"{device_id}-{seq}.zip"


def package_name(device_id: str, number: int) -> str:
    return f"package-{device_id}-{number}.zip"

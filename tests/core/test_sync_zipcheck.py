"""SafeZip's fast reader of small members against what zipfile itself writes: a local extra field
longer than the one read ahead, deflated and stored members, and a name that differs between the
local header and the central directory."""

from __future__ import annotations

import hashlib
import struct
import zipfile
from pathlib import Path

import pytest

from inspector_app.sync.refusals import Refused
from inspector_app.sync.zipcheck import SafeZip


def _extra(length: int) -> bytes:
    """A private extra-field block (header id 0xCAFE) of ``length`` data bytes."""
    return struct.pack("<2H", 0xCAFE, length) + bytes(range(256))[:length]


@pytest.mark.parametrize("extra", [0, 60, 200, 1000])
@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_small_members_read_whole_whatever_the_local_extra_field(tmp_path: Path, extra: int, method: int):
    path = tmp_path / "x.zip"
    data = b"record " * 500
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("records/a.json")
        info.compress_type = method
        info.extra = _extra(min(extra, 255)) * (extra // 255 + 1) if extra else b""
        zf.writestr(info, data)
        zf.writestr("records/b.json", b"next member")
    with SafeZip(path) as safe:
        got = safe.read_checked("records/a.json", size=len(data), sha256=hashlib.sha256(data).hexdigest())
        assert got == data
        sha = hashlib.sha256(b"next member").hexdigest()
        assert safe.read_checked("records/b.json", size=11, sha256=sha) == b"next member"


def test_a_local_name_that_differs_from_the_directory_is_corrupt(tmp_path: Path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("records/a.json", b"{}")
    raw = bytearray(path.read_bytes())
    at = raw.index(b"records/a.json")  # the local header's copy comes first
    raw[at + 8] = ord("b")
    path.write_bytes(bytes(raw))
    with SafeZip(path) as safe, pytest.raises(Refused) as refused:
        safe.read_checked("records/a.json", size=2, sha256=hashlib.sha256(b"{}").hexdigest())
    assert refused.value.reason == "corrupt_member"


def _patch_crc(path: Path, name: str) -> None:
    """Flip a bit of the CRC-32 the central directory records for ``name`` (the fast reader
    compares against the central directory's)."""
    raw = bytearray(path.read_bytes())
    entry = raw.index(b"PK\x01\x02")
    while raw[entry + 46 : entry + 46 + len(name)] != name.encode():
        entry = raw.index(b"PK\x01\x02", entry + 4)
    raw[entry + 16] ^= 0x01
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_member_whose_content_is_the_signed_one_needs_no_crc(tmp_path: Path, method: int):
    """The SHA-256 the signed manifest names settles a small member: its content is the signed
    one, whatever the zip's own (unsigned) CRC field says — the CRC is computed only to name
    the fault of a member whose hash differs."""
    path = tmp_path / "x.zip"
    data = b"record " * 500
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        zf.writestr("records/a.json", data)
    _patch_crc(path, "records/a.json")
    with SafeZip(path) as safe:
        assert (
            safe.read_checked("records/a.json", size=len(data), sha256=hashlib.sha256(data).hexdigest())
            == data
        )
        # Another content's hash: the CRC names the fault, as zipfile would.
        with pytest.raises(Refused) as refused:
            safe.read_checked("records/a.json", size=len(data), sha256=hashlib.sha256(b"other").hexdigest())
    assert refused.value.reason == "corrupt_member"


def test_a_changed_member_with_a_matching_crc_is_a_hash_mismatch(tmp_path: Path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("records/a.json", b"changed!")
    with SafeZip(path) as safe, pytest.raises(Refused) as refused:
        safe.read_checked("records/a.json", size=8, sha256=hashlib.sha256(b"original").hexdigest())
    assert refused.value.reason == "hash_mismatch"

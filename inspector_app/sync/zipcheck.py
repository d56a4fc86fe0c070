"""Reading a zip that may be hostile: structure first, then members streamed and hashed.

Checks before any member is decompressed: the file's size, member names (no '..', no absolute
path, no directory, no name twice), no encryption, only stored/deflated members, declared sizes
within the caps, and the compression ratio. While reading, no more than the declared size is ever
produced (zipfile stops there) and the actual size and SHA-256 must match what the manifest says.
Memory stays flat: a member is read CHUNK bytes at a time, never whole unless asked for a small one.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from inspector_app.sync import formats
from inspector_app.sync.refusals import Refused

# The fixed part of a zip local file header (APPNOTE 4.3.7): the name and extra-field lengths last.
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_EXTRA_GUESS = 64  # bytes of a local extra field read along with the header (more: a second read)


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB" if n >= 1024 * 1024 else f"{n} B"


def unsafe_name(name: str) -> bool:
    """A name that could land outside the folder it is extracted into."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or "\\" in name:
        return True
    if len(name) > 1 and name[1] == ":":  # C:... on Windows
        return True
    return any(part in ("", ".", "..") for part in name.split("/"))


class SafeZip:
    """An opened zip whose structure passed the checks; members are read through `stream`."""

    def __init__(self, path: Path, *, total_max: int = formats.BUNDLE_MAX) -> None:
        self.path = path
        try:
            size = os.stat(path).st_size
            handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 — closed in close()
        except OSError as exc:
            raise Refused("", "not_found", detail=exc.strerror or type(exc).__name__) from exc
        if size > total_max:
            handle.close()
            raise Refused("", "too_large", max=_mib(total_max))
        try:
            self._zip = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            handle.close()
            raise Refused("", "not_a_zip") from exc
        self._handle = handle
        self._fd = handle.fileno()
        try:
            self.infos = self._check_structure(total_max)
        except Refused:
            self.close()
            raise

    def _check_structure(self, total_max: int) -> dict[str, zipfile.ZipInfo]:
        infos: dict[str, zipfile.ZipInfo] = {}
        entries = self._zip.infolist()
        if len(entries) > formats.MEMBERS_MAX + 2:
            raise Refused("", "too_large", max=f"{formats.MEMBERS_MAX} members")
        total = 0
        for info in entries:
            name = info.filename
            original = info.orig_filename
            if unsafe_name(name) or (original != name and unsafe_name(original.replace("\\", "/"))):
                raise Refused(name, "path_traversal")
            if name in infos:
                raise Refused(name, "duplicate_member")
            if info.is_dir():
                raise Refused(name, "extra_member")
            if info.flag_bits & 0x1:
                raise Refused(name, "encrypted_member")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise Refused(name, "unsupported_compression")
            if info.file_size > formats.MEMBER_MAX:
                raise Refused(
                    name, "oversized_member", size=_mib(info.file_size), max=_mib(formats.MEMBER_MAX)
                )
            if info.file_size > formats.RATIO_FLOOR and info.file_size > formats.RATIO_MAX * max(
                info.compress_size, 1
            ):
                raise Refused(
                    name,
                    "zip_bomb",
                    ratio=info.file_size // max(info.compress_size, 1),
                    max=formats.RATIO_MAX,
                )
            total += info.file_size
            if total > total_max:
                raise Refused("", "too_large", max=_mib(total_max))
            infos[name] = info
        return infos

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> set[str]:
        return set(self.infos)

    def stream(self, name: str) -> Iterator[bytes]:
        """The member's bytes, CHUNK at a time; Refused(corrupt_member) on a damaged member."""
        info = self.infos.get(name)
        if info is None:
            raise Refused(name, "missing_member")
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(formats.CHUNK)
                    if not chunk:
                        return
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise Refused(name, "corrupt_member", detail=str(exc)[:80]) from exc

    def read_checked(self, name: str, *, size: int, sha256: str, keep: bool = True) -> bytes:
        """The member, whose actual size and SHA-256 must be those declared (kept in memory only
        when ``keep``: a member is at most MEMBER_MAX). Raises Refused."""
        info = self.infos.get(name)
        if info is not None and info.compress_size <= formats.CHUNK and size <= formats.CHUNK:
            return self._read_small_member(info, size, sha256)
        digest = hashlib.sha256()
        parts: list[bytes] = []
        actual = 0
        for chunk in self.stream(name):
            actual += len(chunk)
            if actual > size:
                raise Refused(name, "size_mismatch", actual=f"> {size}", declared=size)
            digest.update(chunk)
            if keep:
                parts.append(chunk)
        if actual != size:
            raise Refused(name, "size_mismatch", actual=actual, declared=size)
        if digest.hexdigest() != sha256:
            raise Refused(name, "hash_mismatch")
        return b"".join(parts)

    def _read_small_member(self, info: zipfile.ZipInfo, size: int, sha256: str) -> bytes:
        """`read_checked` of a member whose compressed form fits in memory.

        The fast path of `read_checked` for small members (records, PDFs): one seek, one read and
        one bounded inflate, instead of zipfile's per-member reader (several times slower per
        member, which is most of an import's time). It keeps zipfile's checks: the local header's
        signature and name must match the central directory, and the CRC-32 the content — except
        that a member whose size and SHA-256 are those ``sha256`` names (the signed manifest's)
        skips the CRC: its content is the signed one, which the CRC could only confirm. A member
        whose hash differs is judged as before (a bad CRC is a corrupt member).
        """
        name = info.filename
        original = info.orig_filename
        # An ASCII name (every name a bundle has) is the same bytes in both encodings; Python's
        # cp437 codec costs more than the rest of a small member's read.
        expected = original.encode("utf-8" if info.flag_bits & 0x800 or original.isascii() else "cp437")
        # One read for the local header, the name, a usual extra field and the data.
        wanted = _LOCAL_HEADER.size + len(expected) + _EXTRA_GUESS + info.compress_size
        span = self._read_at(info.header_offset, wanted)
        if len(span) < _LOCAL_HEADER.size or span[:4] != b"PK\x03\x04":
            raise Refused(name, "corrupt_member", detail="local header")
        name_length, extra_length = _LOCAL_HEADER.unpack_from(span)[-2:]
        start = _LOCAL_HEADER.size + name_length + extra_length
        if span[_LOCAL_HEADER.size : _LOCAL_HEADER.size + name_length] != expected:
            raise Refused(name, "corrupt_member", detail="name differs from the central directory")
        raw = span[start : start + info.compress_size]
        if len(raw) < info.compress_size and len(span) == wanted:  # cut short by a long extra field
            raw += self._read_at(info.header_offset + start + len(raw), info.compress_size - len(raw))
        if len(raw) != info.compress_size:
            raise Refused(name, "corrupt_member", detail="truncated")
        if info.compress_type == zipfile.ZIP_DEFLATED:
            try:
                data = zlib.decompressobj(-15).decompress(raw, size + 1)
            except zlib.error as exc:
                raise Refused(name, "corrupt_member", detail=str(exc)[:80]) from exc
        else:
            data = raw[: size + 1]
        if len(data) == size == info.file_size and hashlib.sha256(data).hexdigest() == sha256:
            return data
        if len(data) == info.file_size and zlib.crc32(data) != info.CRC:
            raise Refused(name, "corrupt_member", detail="CRC")
        if len(data) != info.file_size:
            raise Refused(name, "size_mismatch", actual=len(data), declared=info.file_size)
        if len(data) != size:
            raise Refused(
                name, "size_mismatch", actual=len(data) if len(data) <= size else f"> {size}", declared=size
            )
        raise Refused(name, "hash_mismatch")

    def _read_at(self, offset: int, n: int) -> bytes:
        """Up to ``n`` bytes at ``offset``: one `pread` where the system has it (zipfile's own
        reads seek first, so the position they keep is not disturbed)."""
        if sys.platform != "win32":
            return os.pread(self._fd, n, offset)
        self._handle.seek(offset)
        return self._handle.read(n)

    def read_small(self, name: str, cap: int) -> bytes:
        """A member not listed in the manifest (the manifest itself, its signature), capped."""
        info = self.infos.get(name)
        if info is None:
            raise Refused(name, "missing_member")
        if info.file_size > cap:
            raise Refused(name, "oversized_member", size=_mib(info.file_size), max=_mib(cap))
        data = b"".join(self.stream(name))
        if len(data) != info.file_size:
            raise Refused(name, "size_mismatch", actual=len(data), declared=info.file_size)
        return data


def file_sha256(path: Path, *, stop: Callable[[], bool] | None = None) -> str:
    """SHA-256 of a whole file, read in chunks ('' if ``stop`` says so before the end)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(formats.CHUNK), b""):
            if stop is not None and stop():
                return ""
            digest.update(chunk)
    return digest.hexdigest()

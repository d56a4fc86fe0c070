"""Hostile files: a damaged record PDF is refused with a reason (unreadable → exit 2, altered →
exit 1), never a traceback; photos are decoded whole before they are stored."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zlib

import pytest
from PIL import Image

from inspector_app.services import ValidationFailed, open_services
from tests.core.test_records import PASSPHRASE, finalised
from tests.people import pair


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """One laptop with one signed record: (database path, PDF bytes)."""
    path = tmp_path_factory.mktemp("hostile") / "laptop.sqlite"
    with open_services(path) as s:
        pair(s)
        s.records.create_identity(name="王检查", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
        _, pdf = finalised(s, "scale")
    return path, pdf


def embedded_stream_span(pdf: bytes) -> tuple[int, int]:
    start = pdf.index(b"/Type /EmbeddedFile")
    begin = pdf.index(b"stream\n", start) + len(b"stream\n")
    return begin, pdf.index(b"endstream", begin)


def forged(data: bytes, *, compress: bool = True) -> bytes:
    """A one-page PDF made elsewhere whose embedded record is ``data`` (read before any signature)."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from reportlab.pdfgen import canvas

    page = io.BytesIO()
    sheet = canvas.Canvas(page)
    sheet.drawString(100, 700, "not a record")
    sheet.save()
    writer = IncrementalPdfFileWriter(io.BytesIO(page.getvalue()), strict=False)
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string="inspection-record.json",
            file_name="inspection-record.json",
            embedded_data=embed.EmbeddedFileObject.from_file_data(writer, data=data, compress=compress),
        ),
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_zlib(pdf: bytes) -> bytes:
    begin, _ = embedded_stream_span(pdf)
    data = bytearray(pdf)
    data[begin + 40 : begin + 56] = b"\x00" * 16
    return bytes(data)


def byte_range(pdf: bytes, replacement: bytes) -> bytes:
    found = re.search(rb"/ByteRange \[[0-9 ]+\]", pdf)
    assert found
    padded = replacement.ljust(len(found.group(0)))
    return pdf[: found.start()] + padded + pdf[found.end() :]


def contents(pdf: bytes, offset: int, junk: bytes) -> bytes:
    at = pdf.index(b"/Contents <") + len(b"/Contents <") + offset
    return pdf[:at] + junk + pdf[at + len(junk) :]


MUTATIONS = {
    # (mutation, status, reason)
    "truncated-half": (lambda p: p[: len(p) // 2], "unreadable", "truncated"),
    "truncated-tail": (lambda p: p[:-7], "unreadable", "truncated"),
    "truncated-header": (lambda p: p[:5], "unreadable", "truncated"),
    "not-a-pdf": (lambda p: b"PK\x03\x04" + p[4:], "unreadable", "not_a_pdf"),
    "record-zlib-corrupt": (corrupt_zlib, "altered", "record_unreadable"),
    "record-nested-deep": (
        lambda p: forged(b"[" * 100_000 + b"]" * 100_000),
        "altered",
        "record_unreadable",
    ),
    "record-nested-20": (
        lambda p: forged(b'{"canonical": "x", "signature": ' + b"[" * 20 + b"]" * 20 + b"}"),
        "altered",
        "record_unreadable",
    ),
    "record-zip-bomb": (lambda p: forged(b"\0" * 50_000_000), "altered", "record_unreadable"),
    "record-lone-surrogate": (
        lambda p: forged(b'{"canonical": "\\ud800", "signature": {}}'),
        "altered",
        "record_unreadable",
    ),
    "record-not-json": (lambda p: forged(b"\xff\xfe not json"), "altered", "record_unreadable"),
    "byterange-too-long": (lambda p: byte_range(p, b"/ByteRange [0 10 20 99999999]"), "altered", None),
    "byterange-a-string": (
        lambda p: byte_range(p, b"/ByteRange (0 1 2 3)"),
        "altered",
        "pdf_signature_broken",
    ),
    "contents-not-hex": (lambda p: contents(p, 20, b"zzzz"), "altered", "pdf_signature_broken"),
    "contents-not-der": (lambda p: contents(p, 0, b"f" * 200), "altered", "pdf_signature_broken"),
    "contents-missing": (
        lambda p: p.replace(b"/Contents <", b"/Xontents <", 1),
        "altered",
        "pdf_signature_broken",
    ),
    "sig-type-damaged": (lambda p: p.replace(b"/Type /Sig", b"/Type /Xig", 1), "altered", None),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_damaged_record_pdf_is_refused_with_its_reason(signed, name):
    path, pdf = signed
    mutate, status, reason = MUTATIONS[name]
    damaged = mutate(pdf)
    with open_services(path, create=False) as s:
        result = s.records.verify_pdf(damaged)
    assert result.status == status, result
    if reason is not None:
        assert result.reason == reason, result
    assert result.exit_code == (2 if status == "unreadable" else 1)


def test_the_cli_says_truncated_and_damaged_with_their_exit_codes(signed, tmp_path):
    path, pdf = signed
    files = {
        "truncated.pdf": (pdf[: len(pdf) * 2 // 3], 2, "incomplete"),
        "zlib.pdf": (corrupt_zlib(pdf), 1, "damaged"),
        "sig.pdf": (contents(pdf, 0, b"f" * 200), 1, "does not match its signature"),
    }
    for name, (data, code, words) in files.items():
        (tmp_path / name).write_bytes(data)
        out = subprocess.run(
            [sys.executable, "-m", "ui.entry", "verify", "--db", str(path), str(tmp_path / name)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == code, (name, out)
        assert words in out.stdout and "Traceback" not in out.stderr, (name, out)


# -- photos ----------------------------------------------------------------------------------------
def image_bytes(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "white").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def draft(scale_draft):
    return scale_draft


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (lambda: b"this is a text file, not a photo", "not_an_image"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "not_an_image"),
        (lambda: image_bytes("JPEG", (640, 480))[:600], "not_an_image"),  # truncated
        (lambda: image_bytes("GIF"), "not_an_image"),
        (lambda: image_bytes("PNG", (10_000, 6_000), "1"), "image_too_large"),  # 60 Mpx in a few kB
    ],
    ids=["text", "png-header-only", "truncated-jpeg", "gif", "bomb"],
)
def test_photos_that_are_not_images_are_refused_before_storing(draft, data, code):
    services, iid = draft
    with pytest.raises(ValidationFailed) as info:
        services.inspections.attach(iid, "photo", data(), "image/png")
    assert info.value.errors[0].code == code
    assert "PNG" in info.value.errors[0].message("zh") or code == "image_too_large"
    assert services.inspections.attachments(iid) == []


def test_a_photo_is_stored_as_what_it_is(draft):
    services, iid = draft
    services.inspections.attach(iid, "photo", image_bytes("PNG"), "image/jpeg")  # a PNG named .jpg
    services.inspections.attach(iid, "photo", image_bytes("JPEG"), "?")
    assert sorted(a["mime"] for a in services.inspections.attachments(iid)) == ["image/jpeg", "image/png"]


def test_finalise_refuses_a_stored_photo_that_cannot_be_drawn(draft):
    """A photo stored before photos were decoded on arrival: a message, not a crash."""
    from db import inspections as repo

    services, iid = draft
    repo.add_attachment(
        services.db,
        iid,
        kind="photo",
        sha256="0" * 64,
        mime="image/png",
        data=b"not a png",
        stamp=services.inspections._stamp(),
    )
    with pytest.raises(ValidationFailed) as info:
        services.inspections.finalise(iid, sealer=services.records.sealer(PASSPHRASE))
    assert info.value.errors[0].code == "not_an_image"
    assert services.inspections.get(iid)["status"] == "draft"
    attachment = services.inspections.attachments(iid)[0]
    services.inspections.detach(iid, attachment["id"])
    assert services.inspections.finalise(iid, sealer=services.records.sealer(PASSPHRASE)).verdict


def test_zlib_bound_is_what_stops_the_bomb():
    """The bound, not luck: 50 MB of zeros compress to ~50 kB, and inflating stops at the cap."""
    from inspector_app.signing import pades

    raw = zlib.compress(b"\0" * 50_000_000)

    class Stream(dict):
        encoded_data = raw

    with pytest.raises(ValueError, match="larger than"):
        pades._decoded(Stream({"/Filter": "/FlateDecode"}))

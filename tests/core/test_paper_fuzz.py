"""Hostile paper: random and mutated QR texts, images and files never crash the scan import; the
command exits 0, 1 or 2 with a sentence (never a traceback), and only a genuine record is stored."""

from __future__ import annotations

import io
import json
import random
import shutil
import struct
import subprocess
import sys
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from inspector_app.services import open_services
from inspector_app.sync import paper, scan_import
from tests.core import fleet


# derandomised (CI runs the same inputs every time, a failure reproduces), no example database
def fuzz(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


STATUSES = {"imported", "duplicate", "conflict", "incomplete", "refused"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("paper-fuzz")
    with fleet.office(base / "office.sqlite") as o, fleet.laptop(base / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        iid = fleet.finalise(lap)
        row = lap.inspections.get(iid)
        pdf = lap.records.pdf_of(iid)
    pieces = paper.encode(row["canonical"].encode(), json.loads(row["signature"]), record_no=row["record_no"])
    return {"base": base, "row": row, "pdf": pdf, "pieces": pieces}


@pytest.fixture(scope="module")
def office(world, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz-office") / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", path)
    with open_services(path) as s:
        yield s


def take(office, texts: list[str]):
    result = office.office.paper.scan_texts(texts, source="cli")
    assert {r.status for r in result.records} <= STATUSES
    assert result.exit_code in (0, 1)
    return result


ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
prefixed = st.tuples(
    st.sampled_from(["IAP1:", "IA1:", "IAP1:1/1:", "IAP1:2/3:0123456789ABCDEF::", ""]),
    st.one_of(st.text(alphabet=ALPHANUMERIC, max_size=300), st.text(max_size=100)),
).map("".join)


@fuzz(max_examples=300)
@given(st.lists(prefixed, max_size=5))
def test_random_texts_never_crash_and_store_nothing(office, texts):
    before = office.office.store.record_count()
    result = take(office, texts)
    assert office.office.store.record_count() == before
    assert all(r.status in ("incomplete", "refused") for r in result.records)


@fuzz(max_examples=200)
@given(st.data())
def test_mutated_sync_codes_are_refused_or_incomplete_never_stored_wrong(world, office, data):
    pieces = list(world["pieces"])
    index = data.draw(st.integers(0, len(pieces) - 1))
    text = pieces[index]
    kind = data.draw(st.sampled_from(["flip", "cut", "total", "index", "drop", "swap_body"]))
    if kind == "flip":
        at = data.draw(st.integers(5, len(text) - 1))
        char = data.draw(st.sampled_from(ALPHANUMERIC))
        text = text[:at] + char + text[at + 1 :]
    elif kind == "cut":
        text = text[: data.draw(st.integers(0, len(text) - 1))]
    elif kind == "total":
        text = text.replace(f"/{len(pieces)}:", f"/{data.draw(st.integers(0, 99))}:", 1)
    elif kind == "index":
        text = text.replace(f"{index + 1}/", f"{data.draw(st.integers(0, 99))}/", 1)
    elif kind == "swap_body" and len(pieces) > 1:
        other = pieces[(index + 1) % len(pieces)]
        text = ":".join([*text.split(":", 4)[:4], other.split(":", 4)[4]])  # base45 has ':' too
    pieces[index] = text
    if kind == "drop":
        pieces.pop(index)
    result = take(office, pieces)
    stored = office.office.store.record(world["row"]["id"])
    if stored is not None:  # the mutation kept the record intact: then it is the signed one
        assert stored["canonical"] == world["row"]["canonical"]
        assert pieces == world["pieces"] or any(r.status in ("imported", "duplicate") for r in result.records)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's shape)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def noise_png(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.frombytes("L", (300, 200), rng.randbytes(300 * 200))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def hostile_files(world) -> dict[str, bytes]:
    pdf, rng = world["pdf"], random.Random(9)
    flipped = bytearray(pdf)
    for _ in range(40):
        flipped[rng.randrange(len(flipped))] ^= 0xFF
    buffer = io.BytesIO()
    Image.new("L", (40, 40), 255).save(buffer, "JPEG")
    return {
        "empty.pdf": b"",
        "random.bin": rng.randbytes(5000),
        "truncated.pdf": pdf[: len(pdf) // 3],
        "flipped.pdf": bytes(flipped),
        "header-only.pdf": b"%PDF-1.7\n%%EOF",
        "bomb.png": png_claiming(100_000, 100_000),
        "truncated.png": noise_png(1)[:500],
        "garbage.jpg": b"\xff\xd8\xff" + rng.randbytes(3000),
        "noise.png": noise_png(2),
        "blank.jpg": buffer.getvalue(),
    }


def test_hostile_files_never_crash_the_reader(world, office, tmp_path):
    paths = []
    for name, data in hostile_files(world).items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    paths.append(tmp_path / "missing.pdf")
    paths.append(tmp_path)  # a folder given as a file
    result = office.office.paper.import_scans(paths)
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in result.files}
    assert reasons["bomb.png"] == "scan_image_too_large"
    assert reasons["random.bin"] == "scan_unsupported" and reasons["empty.pdf"] == "scan_unsupported"
    assert reasons["missing.pdf"] == "scan_cannot_open"
    assert reasons["noise.png"] == "" and reasons["blank.jpg"] == ""
    assert result.exit_code == 2 and result.records == []


@pytest.mark.parametrize("name", ["random.bin", "truncated.pdf", "bomb.png", "garbage.jpg", "noise.png"])
def test_the_command_answers_hostile_files_with_a_sentence(world, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(hostile_files(world)[name])
    db = tmp_path / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", db)
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "office", "import-scan", "--db", str(db), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (1, 2)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert (proc.stdout + proc.stderr).strip(), "a sentence says what happened"


def test_no_qr_at_all_exits_1_with_a_message(world, tmp_path):
    path = tmp_path / "noise.png"
    path.write_bytes(noise_png(3))
    db = tmp_path / "office.sqlite"
    shutil.copy(world["base"] / "office.sqlite", db)
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "office", "import-scan", "--db", str(db), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "no QR code of this app found" in proc.stderr


def test_pieces_parse_or_refuse_any_text():
    for text in [
        "",
        "IAP1:",
        "IAP1:0/0:0123456789ABCDEF::",
        "IAP1:1/1:0123456789ABCDEF::",
        "IAP1:1/1:0123456789ABCDEF::Z",
    ]:
        with pytest.raises(paper.PieceUnreadable):
            paper.parse(text)
    assert scan_import.ScanResult().exit_code == 1  # nothing found is not success

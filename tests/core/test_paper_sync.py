"""Later sync from paper (issue 13): every record's last page carries it whole in QR codes; an
office scan of the pages — skewed, grainy, in any order, many records mixed — brings the signed
record into the office exactly as a bundle would; what is missing, foreign or altered is refused
with its reason and nothing of it is stored."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import ImageDraw

from db.office.engine import is_url
from inspector_app.commands import office_work
from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.readings import flatten
from inspector_app.services import create_office, open_services
from inspector_app.signing import keys
from inspector_app.signing import record as record_sig
from inspector_app.sync import paper
from tests.core import fleet, paper_scans
from tests.db.office_engines import consolidated, pg_rows
from tests.forms.helpers import answered

OFFICE_PASS = "paper-office-passphrase"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True, timeout=600
    )


def net_content_125(services, passphrase: str) -> str:
    """A net-content lot of more than 3,200 packages: 125 sampled (spec/net_content.md, table 2)."""
    rng = random.Random(125)
    site = services.registry.search("sites", limit=1)[0]["id"]
    data = {
        "quantity": "mass",
        "nominal": "1000",
        "lot_size": 5000,
        "tare": {"mode": "average", "empty": [f"{60 + rng.gauss(0, 0.6):.1f}" for _ in range(10)]},
        "samples": [{"gross": f"{1064 + rng.gauss(0, 4):.1f}"} for _ in range(125)],
        "checklist": answered("net_content"),
    }
    lot = {"product": "菜籽油", "nominal_text": "1000 g", "lot_size": 5000, "brand": "山城"}
    iid = services.inspections.start(form_id="net_content", site_id=site, lot=lot, readings=flatten(data))
    services.inspections.finalise(iid, sealer=services.records.sealer(passphrase))
    return iid


def signed_records(services) -> dict[str, dict]:
    """Every signed record of a laptop: id → its row (canonical text, signature, PDF)."""
    rows = {}
    for r in services.inspections.list_rows(limit=10_000):
        if r["status"] == "finalised":
            row = services.inspections.get(r["id"])
            pdf = services.records.pdf_of(r["id"])
            if pdf is not None:
                rows[r["id"]] = {**row, "pdf": pdf}
    return rows


def make_world(base: Path, inspections: int) -> dict:
    """A demo laptop (records signed before enrolment carry their certificate), an office that
    enrolled its key but never received a bundle, and records signed after enrolment (the
    office's certificate, none carried) including a 125-package lot; plus a foreign office's record."""
    laptop_db, office_db = base / "laptop.sqlite", base / "office.sqlite"
    with open_services(laptop_db, create=True) as lap, open_services(office_db, create=True) as o:
        seed_demo(lap, inspections=inspections, seed=13, today=dt.date(2026, 11, 20))
        before = set(signed_records(lap))
        office = create_office(o, name="重庆市渝中区市场监督管理局", passphrase=OFFICE_PASS)
        root = office.unlock(OFFICE_PASS)
        office.enrol(
            office.read_request(lap.keys.request(DEMO_PASSPHRASE).encode()), role="inspector", root=root
        )
        made = office.make_package(lap.device_id, base, root=root)
        lap.sync.apply_package(made["package"], accept_root=office.info()["root_sha256"])
        big = net_content_125(lap, DEMO_PASSPHRASE)
        scale = lap.inspections.start(
            form_id="scale",
            site_id=lap.registry.search("sites", limit=1)[0]["id"],
            readings=flatten(fleet.SCALE),
        )
        lap.inspections.finalise(scale, sealer=lap.records.sealer(DEMO_PASSPHRASE))
        records = signed_records(lap)
    with (
        fleet.office(base / "other-office.sqlite") as other,
        fleet.laptop(base / "other-laptop.sqlite") as lap2,
    ):
        fleet.enrol(other, lap2)
        foreign_id = fleet.finalise(lap2)
        foreign = signed_records(lap2)[foreign_id]
    return {
        "base": base,
        "laptop": laptop_db,
        "office": office_db,
        "records": records,
        "before_enrolment": before,
        "big": big,
        "foreign": foreign,
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("paper"), inspections=8)


@pytest.fixture(params=["sqlite", "postgresql"])
def office_db(request, world, tmp_path):
    """The office as its SQLite file or consolidated into PostgreSQL: each test runs on both."""
    path = tmp_path / "office.sqlite"
    shutil.copy(world["office"], path)
    if request.param == "postgresql":
        return consolidated(path, request.getfixturevalue("pg_url"))
    return path


def office_rows(path: Path | str, table: str = "office_records") -> dict[str, dict]:
    if is_url(path):
        return pg_rows(str(path), table)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    rows = {r[0]: dict(r) for r in conn.execute(f"SELECT * FROM {table}")}  # keyed by the first column
    conn.close()
    return rows


def decoded(image) -> list[str]:
    return [
        b.text
        for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    ]


def scan_everything(records: dict[str, dict], folder: Path, rng: random.Random) -> list[Path]:
    """Every page of every record, as the office gets them: skewed and grainy, some PNG scans,
    some JPEG photos, the rest in one scanner PDF — pages shuffled across records."""
    folder.mkdir(parents=True, exist_ok=True)
    images = [
        paper_scans.scanned(page, rng) for r in records.values() for page in paper_scans.pages(r["pdf"])
    ]
    rng.shuffle(images)
    third = len(images) // 3
    files = [paper_scans.save(img, folder / f"scan-{i:03d}.png") for i, img in enumerate(images[:third])]
    files += [
        paper_scans.save(img, folder / f"photo-{i:03d}.jpg")
        for i, img in enumerate(images[third : 2 * third])
    ]
    files.append(paper_scans.scanner_pdf(images[2 * third :], folder / "scanner.pdf"))
    rng.shuffle(files)
    return files


def assert_imported_whole(records: dict[str, dict], office_db: Path, report: dict) -> None:
    statuses = {r["record_id"]: r["status"] for r in report["records"]}
    assert statuses == {rid: "imported" for rid in records}, report
    stored = office_rows(office_db)
    for rid, row in records.items():
        assert stored[rid]["canonical"].encode("utf-8") == row["canonical"].encode("utf-8")
        assert stored[rid]["fingerprint"] == row["fingerprint"]
        assert json.loads(stored[rid]["signature"]) == json.loads(row["signature"])


# -- the whole round trip ----------------------------------------------------------------------
def test_every_record_scanned_skewed_and_noisy_imports_byte_identical(world, office_db, tmp_path):
    records = {k: v for k, v in world["records"].items()}
    assert {r["form_id"] for r in records.values()} == {
        "fuel_dispenser",
        "taxi_meter",
        "scale",
        "net_content",
    }
    files = scan_everything(records, tmp_path / "scans", random.Random(7))
    proc = cli("office", "import-scan", "--db", str(office_db), *map(str, files), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert_imported_whole(records, office_db, report)
    assert report["imported"] == len(records) and report["incomplete"] == report["refused"] == 0
    # every record's summary QR made it known from paper, and its data has arrived
    known = {k["record_no"]: k for k in report["known_from_paper"]}
    assert set(known) == {r["record_no"] for r in records.values()}
    assert {k["data"] for k in known.values()} == {"arrived"}
    # received on paper: no PDF until the bundle comes (test_paper_then_bundle_...)
    assert office_rows(office_db, "office_record_pdfs") == {}


@pytest.mark.slow
def test_every_record_of_the_full_demo_imports_from_its_scans(tmp_path):
    """The same round trip over the whole demo (60 inspections, about 45 signed records)."""
    world = make_world(tmp_path / "world", inspections=60)
    office_db = tmp_path / "office.sqlite"
    shutil.copy(world["office"], office_db)
    files = scan_everything(world["records"], tmp_path / "scans", random.Random(60))
    proc = cli("office", "import-scan", "--db", str(office_db), *map(str, files), "--json")
    assert proc.returncode == 0, proc.stderr
    assert_imported_whole(world["records"], office_db, json.loads(proc.stdout))


def test_a_125_package_lot_fits_in_at_most_four_symbols_labelled_on_its_last_page(world):
    from pypdf import PdfReader

    row = world["records"][world["big"]]
    images = paper_scans.pages(row["pdf"], dpi=200)
    texts = decoded(images[-1])
    pieces = [paper.parse(t) for t in texts if paper.is_piece(t)]
    assert 2 <= len(pieces) <= 4  # the budget; signed with the office's certificate: 3
    assert {p.total for p in pieces} == {len(pieces)} and {p.index for p in pieces} == set(
        range(1, len(pieces) + 1)
    )
    assert all(not paper.is_piece(t) for image in images[:-1] for t in decoded(image))
    last_page = " ".join(PdfReader(__import__("io").BytesIO(row["pdf"])).pages[-1].extract_text().split())
    for p in pieces:
        assert f"{p.index}/{len(pieces)} · {row['record_no']} · {row['fingerprint'][:8].upper()}" in last_page
    # the summary QR of every page stays as it was
    assert all(any(t.startswith("IA1:") for t in decoded(image)) for image in images)
    # signed before enrolment, the record carries the laptop's own certificate: still ≤ 4
    with open_services(world["laptop"]) as lap:
        [identity] = lap.records.identities()
    own = keys.cert_der(keys.load_cert(identity["cert_pem"]))
    carried = paper.encode(
        row["canonical"].encode(),
        json.loads(row["signature"]),
        record_no=row["record_no"],
        certificate_der=own,
    )
    assert len(pieces) < len(carried) <= 4
    assert paper.assemble(paper.parse(t) for t in carried).certificate_der == own


def test_sync_codes_decode_from_a_150_dpi_scan_too(world):
    row = world["records"][world["big"]]
    image = paper_scans.scanned(paper_scans.pages(row["pdf"], dpi=150)[-1], random.Random(3), max_angle=2)
    assert len([t for t in decoded(image) if paper.is_piece(t)]) == len(
        paper.encode(row["canonical"].encode(), json.loads(row["signature"]), record_no=row["record_no"])
    )


# -- what is refused, and nothing of it stored -------------------------------------------------
def last_page_without_piece(row: dict, index: int, rng: random.Random):
    """The record's last page with one sync code painted over (torn off, stained)."""
    image = paper_scans.pages(row["pdf"])[-1]
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
        if paper.is_piece(code.text) and paper.parse(code.text).index == index:
            p = code.position
            xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
            ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
            ImageDraw.Draw(image).rectangle((min(xs) - 5, min(ys) - 5, max(xs) + 5, max(ys) + 5), fill=255)
    return paper_scans.scanned(image, rng)


def test_a_missing_piece_is_reported_and_nothing_is_half_imported(world, office_db, tmp_path):
    row = world["records"][world["big"]]
    torn = paper_scans.save(last_page_without_piece(row, 2, random.Random(1)), tmp_path / "torn.png")
    proc = cli("office", "import-scan", "--db", str(office_db), str(torn), "--json")
    report = json.loads(proc.stdout)
    assert proc.returncode == 1
    [result] = report["records"]
    assert (
        result["status"] == "incomplete"
        and result["missing"] == [2]
        and result["record_no"] == row["record_no"]
    )
    assert row["id"] not in office_rows(office_db) and office_rows(office_db, "office_paper_imports") == {}
    human = cli("office", "import-scan", "--db", str(office_db), str(torn))
    assert "缺第 2 个" in human.stdout and "number 2 missing" in human.stdout
    # the whole page scanned again completes it
    whole = paper_scans.save(
        paper_scans.scanned(paper_scans.pages(row["pdf"])[-1], random.Random(2)), tmp_path / "w.png"
    )
    done = json.loads(
        cli("office", "import-scan", "--db", str(office_db), str(torn), str(whole), "--json").stdout
    )
    assert [r["status"] for r in done["records"]] == ["imported"]
    assert office_rows(office_db)[row["id"]]["canonical"] == row["canonical"]


def pieces_of(row: dict, **overrides) -> list[str]:
    return paper.encode(
        overrides.get("canonical", row["canonical"].encode("utf-8")),
        overrides.get("signature", json.loads(row["signature"])),
        record_no=row["record_no"],
    )


def scan_texts(office_db: Path, texts: list[str]):
    with open_services(office_db) as o:
        return o.office.paper.scan_texts(texts)


def test_a_sync_code_of_another_record_or_office_is_refused(world, office_db):
    rows = [r for rid, r in world["records"].items() if rid not in world["before_enrolment"]]
    a, b = rows[0], rows[1]
    a_pieces, b_pieces = pieces_of(a), pieces_of(b)
    # b's first piece among a's: b is incomplete, a is imported, nothing of b stored
    result = scan_texts(office_db, [*a_pieces, b_pieces[0]] if len(b_pieces) > 1 else [*a_pieces])
    by_no = {r.record_no: r for r in result.records}
    assert by_no[a["record_no"]].status == "imported"
    if len(b_pieces) > 1:
        assert by_no[b["record_no"]].status == "incomplete" and b["id"] not in office_rows(office_db)
    # a piece of b relabelled as a's: the pieces do not make a's record
    forged = [
        f"{paper.PREFIX}{1}/{len(a_pieces)}:{paper.parse(a_pieces[0]).key}:{a['record_no']}:"
        + b_pieces[0].split(":", 4)[4]
    ]
    refused = scan_texts(office_db, [*forged, *a_pieces[1:]]).records
    assert refused[0].status == "refused" and refused[0].reason in ("sync_code_damaged", "sync_code_mismatch")
    # a record of another office: its signer is not enrolled here
    foreign = world["foreign"]
    before = office_rows(office_db)
    result = scan_texts(office_db, pieces_of(foreign))
    assert [(r.status, r.reason) for r in result.records] == [("refused", "record_signer_unknown")]
    assert office_rows(office_db) == before


def test_an_altered_piece_fails_the_signature(world, office_db):
    row = world["records"][world["big"]]
    record = json.loads(row["canonical"])
    record["evaluation"]["verdict"] = "pass" if record["evaluation"]["verdict"] == "fail" else "fail"
    altered = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    # re-split with consistent headers: only the signature can tell
    result = scan_texts(office_db, pieces_of(row, canonical=altered))
    assert [(r.status, r.reason) for r in result.records] == [("refused", "record_signature_bad")]
    # one character of one piece changed: refused too
    texts = pieces_of(row)
    *head, body = texts[1].split(":", 4)  # base45 has ':' too: the header is the first four
    texts[1] = ":".join([*head, ("1" if body[40] != "1" else "2").join((body[:40], body[41:]))])
    result = scan_texts(office_db, texts)
    assert result.records[0].status == "refused" and row["id"] not in office_rows(office_db)
    assert office_rows(office_db, "office_paper_imports") == {}


def test_paper_then_bundle_then_conflict_follow_the_bundle_rules(world, office_db, tmp_path):
    rows = [r for rid, r in world["records"].items() if rid not in world["before_enrolment"]]
    row = rows[0]
    assert scan_texts(office_db, pieces_of(row)).records[0].status == "imported"
    assert scan_texts(office_db, pieces_of(row)).records[0].status == "duplicate"
    # the same id with other content, signed by the same key: a conflict kept beside the original
    with open_services(world["laptop"]) as lap:
        key = lap.records.sealer(DEMO_PASSPHRASE).key
    record = json.loads(row["canonical"])
    record["measures"] = ["notice_issued"]
    other = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = {**json.loads(row["signature"]), "value": record_sig.b64(record_sig.sign(key, other))}
    result = scan_texts(office_db, pieces_of(row, canonical=other, signature=signature))
    assert result.records[0].status == "conflict"
    assert office_rows(office_db)[row["id"]]["canonical"] == row["canonical"]
    # the laptop's bundle arrives later: its records are duplicates, and the PDF comes with it
    laptop_copy = tmp_path / "laptop.sqlite"
    shutil.copy(world["laptop"], laptop_copy)
    with open_services(laptop_copy) as lap, open_services(office_db) as o:
        (tmp_path / "usb").mkdir()
        bundle = lap.sync.export(tmp_path / "usb", DEMO_PASSPHRASE, full=True).path
        [imported] = o.office.import_bundles([bundle])
        assert imported.status == "accepted" and imported.completed == 1
        assert o.office.store.record_pdf(row["id"], row["fingerprint"]) == row["pdf"]


# -- the summary alone: known from paper ----------------------------------------------------------
def test_a_scanned_summary_makes_a_record_known_from_paper_until_its_data_arrives(world, office_db):
    row = world["records"][world["big"]]
    summary = next(t for t in decoded(paper_scans.pages(row["pdf"], dpi=150)[0]) if t.startswith("IA1:"))
    proc = cli("office", "scan", "--db", str(office_db), "--qr", summary, "--json")
    assert proc.returncode == 0, proc.stderr
    [known] = json.loads(proc.stdout)["known_from_paper"]
    assert known["record_no"] == row["record_no"] and known["status"] == "known" and known["new"]
    assert known["data"] in ("pending", "overdue")
    listed = json.loads(cli("office", "paper", "--db", str(office_db), "--json").stdout)
    assert [r["record_no"] for r in listed["records"]] == [row["record_no"]]
    # overdue once the setting's days have passed since the inspection
    later = (dt.date.fromisoformat(row["finalised_at"][:10]) + dt.timedelta(days=30)).isoformat()
    with open_services(office_db, clock=lambda: f"{later}T08:00:00.000Z") as o:
        assert [r["status"] for r in o.office.paper.known()] == ["overdue"]
        assert o.office.paper.counts()["overdue"] == 1
        # what the statistics add, marked: counted by procedure and the summary's verdict
        verdict = json.loads(row["canonical"])["evaluation"]["verdict"]
        awaited = o.office.paper.awaited()
        assert (awaited["records"], awaited["overdue"], awaited[verdict], awaited["attributed"]) == (
            1,
            1,
            1,
            True,
        )
        assert [(g["key"], g["total"]) for g in awaited["by_procedure"]] == [("net_content", 1)]
        day = known["date"]
        assert (
            o.office.paper.awaited({"date_from": day, "date_to": day, "form_id": "net_content"})["records"]
            == 1
        )
        assert o.office.paper.awaited({"form_id": "scale"})["records"] == 0
        before = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
        assert o.office.paper.awaited({"date_to": before})["records"] == 0
        assert o.office.paper.awaited({"date_from": later})["records"] == 0
        by_district = o.office.paper.awaited({"district": "渝中区"})
        assert by_district["records"] == 0 and not by_district["attributed"]  # a summary names none
        o.settings.set("paper_overdue_days", "60")  # the office's setting: not yet overdue
    with open_services(office_db, clock=lambda: f"{later}T08:00:00.000Z") as o:
        assert [r["status"] for r in o.office.paper.known()] == ["pending"]
        o.settings.set("paper_overdue_days", "14")
    assert cli("office", "paper", "--db", str(office_db)).returncode in (0, 1)
    assert (
        json.loads(cli("office", "paper", "--db", str(office_db), "--json").stdout)["awaited"]["records"] == 1
    )
    # the sync codes bring the data: arrived, no longer added to the statistics
    scan_texts(office_db, pieces_of(row))
    with open_services(office_db, clock=lambda: f"{later}T08:00:00.000Z") as o:
        assert [r["status"] for r in o.office.paper.known()] == ["arrived"]
        assert o.office.paper.awaited()["records"] == 0


def stats_of(office_db, *args: str) -> tuple[dict, str]:
    """`office stats --json` and `office stats` (text) with ``args``."""
    proc = cli("office", "stats", "--db", str(office_db), *args, "--json")
    assert proc.returncode == 0, proc.stderr
    text = cli("office", "stats", "--db", str(office_db), *args)
    assert text.returncode == 0, text.stderr
    return json.loads(proc.stdout), text.stdout


def test_records_known_only_from_a_scanned_page_count_in_the_statistics_marked_until_their_bundle(
    world, office_db, tmp_path
):
    """Issue 13: a record known from paper counts in `office stats` (text and JSON) beside the
    records whose data arrived, marked †; overdue by the office's setting, flagged ⚠; gone from
    the count once the laptop's bundle brings the data."""
    before, text = stats_of(office_db)
    assert before["known_from_paper"]["records"] == 0 and "†" not in text
    # the first page of the 125-package record, scanned: its summary QR only (the sync codes are on
    # the last page, not scanned)
    big = world["records"][world["big"]]
    page = paper_scans.save(
        paper_scans.scanned(paper_scans.pages(big["pdf"])[0], random.Random(13)), tmp_path / "page-1.png"
    )
    proc = cli("office", "import-scan", "--db", str(office_db), str(page), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["records"] == [] and [k["record_no"] for k in report["known_from_paper"]] == [
        big["record_no"]
    ]
    # another record, its summary typed by the USB scanner
    other = next(r for rid, r in world["records"].items() if rid != world["big"] and r["form_id"] == "scale")
    summary = next(t for t in decoded(paper_scans.pages(other["pdf"], dpi=150)[0]) if t.startswith("IA1:"))
    assert cli("office", "scan", "--db", str(office_db), "--qr", summary).returncode == 0
    verdicts = [json.loads(r["canonical"])["evaluation"]["verdict"] for r in (big, other)]
    stats, text = stats_of(office_db)
    known = stats["known_from_paper"]
    assert (known["records"], known["overdue"], known["overdue_days"], known["attributed"]) == (
        2,
        0,
        14,
        True,
    )
    assert [known[v] for v in ("pass", "fail", "inconclusive")] == [
        verdicts.count(v) for v in ("pass", "fail", "inconclusive")
    ]
    assert {g["key"]: g["total"] for g in known["by_procedure"]} == {"net_content": 1, "scale": 1}
    # beside the figures of the records whose data arrived, never inside them
    assert {k: stats[k] for k in ("total", "pass", "fail")} == {
        k: before[k] for k in ("total", "pass", "fail")
    }
    assert stats["with_paper"]["total"] == before["total"] + 2
    assert stats["with_paper"]["pass"] == before["pass"] + verdicts.count("pass")
    by_form = {g["key"]: g["total"] for g in known["by_procedure"]}
    assert sum(by_form.values()) == 2 and by_form["net_content"] >= 1
    assert "† 另有 2 份仅凭纸质记录（待数据包）" in text and "also 2 known only from a paper record" in text
    assert "⚠" not in text
    assert f"计入后 / with them {before['total'] + 2}," in text
    # overdue by the office's setting: 10 days on, not after 14 days, flagged after 7
    later = (dt.date.fromisoformat(big["finalised_at"][:10]) + dt.timedelta(days=10)).isoformat()
    with open_services(office_db, clock=lambda: f"{later}T08:00:00.000Z") as o:
        assert o.office.statistics.compute()["known_from_paper"]["overdue"] == 0
        o.settings.set("paper_overdue_days", "7")
        overdue = o.office.statistics.compute()
        assert (
            overdue["known_from_paper"]["overdue"] == 2 and overdue["known_from_paper"]["overdue_days"] == 7
        )
        text = "\n".join(office_work.stats_lines(overdue))
        assert "⚠ 其中 2 份逾期：检查后超过 7 天数据仍未到 / 2 overdue: no data 7 days after" in text
        _stats, pdf = o.office.statistics.report_pdf()  # the PDF report says it too
        report_text = "".join(
            "".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        )
        assert "†仅凭纸质记录（待数据包）2份" in report_text and "其中2份逾期" in report_text
    # the procedure filter keeps only its own; a district filter cannot attribute them, and says so
    only, _text = stats_of(office_db, "--form", "net_content", "--from", big["finalised_at"][:10])
    assert only["known_from_paper"]["records"] == 1 and only["with_paper"]["total"] == only["total"] + 1
    district, text = stats_of(office_db, "--district", "渝中区")
    assert district["known_from_paper"]["records"] == 0 and district["known_from_paper"]["unattributed"] == 2
    assert "另有 2 份仅凭纸质记录，未按区县或检查人员计" in text
    # the laptop's bundle brings both records' data: the count drops to nothing
    laptop_copy = tmp_path / "laptop.sqlite"
    shutil.copy(world["laptop"], laptop_copy)
    with open_services(laptop_copy) as lap:
        (tmp_path / "usb").mkdir()
        bundle = lap.sync.export(tmp_path / "usb", DEMO_PASSPHRASE, full=True).path
    proc = cli("office", "import", "--db", str(office_db), str(bundle))
    assert proc.returncode == 0, proc.stderr
    after, text = stats_of(office_db)
    assert after["known_from_paper"]["records"] == 0 and "†" not in text and "⚠" not in text
    assert after["total"] == after["with_paper"]["total"] > before["total"]


def test_a_summary_with_a_changed_character_or_from_another_office_is_refused(world, office_db):
    row = world["records"][world["big"]]
    summary = next(t for t in decoded(paper_scans.pages(row["pdf"], dpi=150)[0]) if t.startswith("IA1:"))
    flipped = summary[:30] + ("A" if summary[30] != "A" else "B") + summary[31:]
    foreign = next(
        t for t in decoded(paper_scans.pages(world["foreign"]["pdf"], dpi=150)[0]) if t.startswith("IA1:")
    )
    result = scan_texts(office_db, [flipped, foreign])
    assert sorted(k.status for k in result.known) == ["refused", "refused"]
    with open_services(office_db) as o:
        assert o.office.paper.known() == []


# -- the format ---------------------------------------------------------------------------------
def test_sync_code_capacity_is_qr_version_25_at_level_m():
    import qrcode.util
    from qrcode.constants import ERROR_CORRECT_M

    bits = qrcode.util.BIT_LIMIT_TABLE[ERROR_CORRECT_M][25] - 4 - 11  # mode + character count
    assert bits // 11 * 2 + (1 if bits % 11 >= 6 else 0) == paper.MAX_SYMBOL_CHARS


def test_the_fullest_sync_code_is_drawn_at_version_25_level_m_and_reads_back():
    from PIL import Image

    from inspector_app.pdf import sync_codes

    header = f"{paper.PREFIX}1/1:{'0' * 16}:20261201-AB12-0001:"
    text = header + "".join(random.Random(1).choices("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", k=2000))
    text = text[: paper.MAX_SYMBOL_CHARS]
    modules = sync_codes.qr_modules(text)
    assert len(modules) == 17 + 4 * 25  # ISO/IEC 18004: version 25 is 117 modules a side
    quiet = sync_codes.QUIET
    image = Image.new("L", (len(modules) + 2 * quiet,) * 2, 255)
    image.putdata(
        [
            0
            if 0 <= r - quiet < len(modules)
            and 0 <= c - quiet < len(modules)
            and modules[r - quiet][c - quiet]
            else 255
            for r in range(image.height)
            for c in range(image.width)
        ]
    )
    [read] = zxingcpp.read_barcodes(image.resize((image.width * 3,) * 2, Image.Resampling.NEAREST))
    assert read.text == text and read.ec_level == "M"


@pytest.mark.parametrize("size", [10, 900, 2_000, 6_000, 40_000])
def test_pieces_reassemble_in_any_order_and_report_what_is_missing(size):
    rng = random.Random(size)
    canonical = json.dumps(
        {"record_no": "X", "readings": [rng.random() for _ in range(size // 20)]}
    ).encode()[:size]
    signature = {
        "alg": "ES256",
        "cert_sha256": "ab" * 32,
        "value": base64.b64encode(rng.randbytes(64)).decode(),
    }
    texts = paper.encode(canonical, signature, record_no="20261201-AB12-0001")
    deflated = len(zlib.compress(canonical, 9))
    assert all(len(t) <= paper.MAX_SYMBOL_CHARS for t in texts)
    assert len(texts) <= deflated // 900 + 1 + 1  # as few as fit
    pieces = [paper.parse(t) for t in texts]
    rng.shuffle(pieces)
    got = paper.assemble(pieces)
    assert got.canonical.encode() == canonical and got.signature == signature
    assert hashlib.sha256(canonical).hexdigest()[:16].upper() == pieces[0].key
    if len(pieces) > 1:
        with pytest.raises(paper.AssemblyFailed) as failed:
            paper.assemble(pieces[1:])
        assert failed.value.reason == "pieces_missing" and len(failed.value.params["missing"]) == 1

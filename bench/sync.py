"""Sync by file: export and import of a 10,000-record bundle, each against a bare baseline in the
same run (DESIGN.md: import ≥ 3,000 records/s with every record signature verified, ≤ 2 × the
bare baseline; memory flat in the bundle size).

    .venv/bin/python bench/sync.py [--records 10000] [--runs 3] [--pdf-kib 8]

Records are generated and signed here (inspector_app.demo.bulk_signed: a real finalised scale
record as the template, each copy its own id and times, its canonical record signed with the
laptop's ECDSA P-256 key) with a stand-in of random bytes for each PDF (8 KiB; the app's own are
~110 KiB, `--pdf-kib`). Baselines:
- export: a zip of the same members (same bytes, same compression), from memory;
- import: sqlite3 `executemany` of the same rows in one transaction, plus one ECDSA verify and
  one SHA-256 per record (the target's baseline); and beside it the same with each record's PDF
  read from the bundle, hashed and inserted — what a bundle's bytes cost at the least, which the
  target's baseline leaves out and which, at the app's own PDF size, is most of an import.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

from forms import load_definition
from inspector_app import credit_code
from inspector_app.demo import bulk_signed
from inspector_app.pki import certs
from inspector_app.readings import flatten
from inspector_app.services import create_office, open_services
from inspector_app.signing import record as record_sig

OFFICE_PASS = "bench-office-passphrase"
LAPTOP_PASS = "bench-laptop-passphrase"
PDF_SIZE = 8 * 1024  # --pdf-kib: the app's own PDFs are ~110 KiB (embedded font subsets)
CODE = "91500103MA5U7XY1P" + credit_code.check_character("91500103MA5U7XY1P")
SCALE = {
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [{"load": str(x), "indication": str(x), "added": "2.5"} for x in (100, 5000, 15000)],
    "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
}


def world(base: Path, records: int, pdf_size: int = PDF_SIZE) -> tuple[Path, Path, str]:
    """An office and an enrolled laptop holding ``records`` signed records; returns the two
    database paths and the laptop's device id."""
    with open_services(base / "office.sqlite") as o, open_services(base / "laptop.sqlite") as lap:
        office = create_office(o, name="基准测试局", passphrase=OFFICE_PASS)
        lap.records.create_identity(name="基准", id_number="B-1", office="基准测试局", passphrase=LAPTOP_PASS)
        request = office.read_request(lap.keys.request(LAPTOP_PASS).encode())
        office.enrol(request, role="inspector", root=office.unlock(OFFICE_PASS))
        site = lap.registry.create("sites", {"name": "基准市场", "credit_code": CODE, "district": "渝中区"})
        inst = lap.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "B-1"})
        answered = {item.id: True for item in load_definition("scale").checklist}  # a complete check
        iid = lap.inspections.start(
            form_id="scale",
            site_id=site,
            instrument_id=inst,
            readings=flatten({**SCALE, "checklist": answered}),
        )
        lap.inspections.set_second_inspector(iid, "基准二", "B-2")  # the law asks for two officers
        lap.inspections.finalise(iid, sealer=lap.records.sealer(LAPTOP_PASS))
        bulk_signed(lap, iid, records - 1, LAPTOP_PASS, pdf_size=pdf_size)
        device = lap.device_id
    return base / "office.sqlite", base / "laptop.sqlite", device


def export_once(laptop: Path, out: Path) -> tuple[float, Path]:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    with open_services(laptop) as lap:
        start = time.perf_counter()
        done = lap.sync.export(out, LAPTOP_PASS, full=True)
        seconds = time.perf_counter() - start
    assert done.path is not None
    return seconds, done.path


def bare_zip(members: list[tuple[str, bytes, bool]], out: Path) -> float:
    """A zip of the same bytes with the same compression, from memory."""
    start = time.perf_counter()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data, compress in members:
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)
    return time.perf_counter() - start


def import_once(
    office: Path, bundle: Path, scratch: Path, *, trace: bool = False
) -> tuple[float, int, int, float]:
    """(seconds, records imported, Python heap peak in bytes or 0, CPU seconds of all the process's
    threads) on a fresh copy of the office. Timed runs do not trace memory (tracing slows Python
    several times); a separate run does."""
    copy = scratch / "office-copy.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(office, copy)
    with open_services(copy) as o:
        _ = o.office  # built before timing: opening is not importing
        if trace:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        [result] = o.office.import_bundles([bundle])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
        tracemalloc.stop()
    assert result.status == "accepted", result
    return seconds, result.imported, peak, cpu


def bare_import(
    rows: list[tuple[str, str, str, str]], cert_pem: str, scratch: Path, *, pdfs_from: Path | None = None
) -> tuple[float, float]:
    """(seconds, CPU seconds) of sqlite3 executemany of the same rows in one transaction + one
    ECDSA verify and one SHA-256 per record. With ``pdfs_from`` (a bundle), the same and each
    record's PDF read from it (zipfile), hashed and inserted beside the rows, one at a time: the
    bytes a bundle brings, which the target's baseline leaves out."""
    path = scratch / "bare.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    cert = certs.load(cert_pem)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE r (id TEXT PRIMARY KEY, fingerprint TEXT, canonical TEXT, signature TEXT)")
    conn.execute("CREATE TABLE p (id TEXT PRIMARY KEY, sha256 TEXT, data BLOB)")
    start, cpu = time.perf_counter(), time.process_time()
    for _id, _fp, canonical, signature in rows:
        data = canonical.encode("utf-8")
        hashlib.sha256(data).hexdigest()
        assert record_sig.verify(cert, data, record_sig.unb64(json.loads(signature)["value"]))
    with conn:
        conn.executemany("INSERT INTO r VALUES (?, ?, ?, ?)", rows)
        if pdfs_from is not None:
            with zipfile.ZipFile(pdfs_from) as zf:
                pdfs = ((i, zf.read(f"records/{i}.pdf")) for i, _fp, _c, _s in rows)
                conn.executemany(
                    "INSERT INTO p VALUES (?, ?, ?)", ((i, hashlib.sha256(d).hexdigest(), d) for i, d in pdfs)
                )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--pdf-kib", type=int, default=PDF_SIZE // 1024, help="each record's PDF stand-in (the app's ~110)"
    )
    args = parser.parse_args()
    pdf_size = args.pdf_kib * 1024
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        office, laptop, _device = world(base, args.records, pdf_size)
        # The bundle's members, read once, for the bare zip; the rows for the bare import.
        exports, bare_zips, imports, bare_imports, peaks = [], [], [], [], []
        import_cpus, bare_cpus = [], []
        with_pdfs: list[tuple[float, float]] = []
        bundle = None
        for run in range(args.runs):
            seconds, bundle = export_once(laptop, base / f"usb{run}")
            exports.append(seconds)
            with zipfile.ZipFile(bundle) as zf:
                members = [
                    (i.filename, zf.read(i), i.compress_type == zipfile.ZIP_DEFLATED) for i in zf.infolist()
                ]
            bare_zips.append(bare_zip(members, base / "bare.zip"))
        assert bundle is not None
        rows = []
        cert_pem = ""
        with zipfile.ZipFile(bundle) as zf:
            for name in zf.namelist():
                if name.startswith("records/") and name.endswith(".json"):
                    record = json.loads(zf.read(name))
                    rows.append(
                        (
                            name[8:-5],
                            hashlib.sha256(record["canonical"].encode()).hexdigest(),
                            record["canonical"],
                            json.dumps(record["signature"]),
                        )
                    )
                elif name.startswith("certificates/"):
                    cert_pem = zf.read(name).decode()
        for _ in range(args.runs):  # alternated: a change in the machine's load hits both
            seconds, imported, _, cpu = import_once(office, bundle, base)
            imports.append(seconds)
            import_cpus.append(cpu)
            seconds, cpu = bare_import(rows, cert_pem, base)
            bare_imports.append(seconds)
            bare_cpus.append(cpu)
            with_pdfs.append(bare_import(rows, cert_pem, base, pdfs_from=bundle))
        peaks.append(import_once(office, bundle, base, trace=True)[2])
        small = base / "small"
        small.mkdir()
        office_small, laptop_small, _ = world(small, max(args.records // 4, 100), pdf_size)
        _, small_bundle = export_once(laptop_small, small / "usb")
        _, small_imported, small_peak, _ = import_once(office_small, small_bundle, small, trace=True)
        size_mb = bundle.stat().st_size / 1e6
    n = args.records
    exp, bexp = statistics.median(exports), statistics.median(bare_zips)
    imp, bimp = statistics.median(imports), statistics.median(bare_imports)
    print(f"records: {n}, bundle {size_mb:.1f} MB (PDF stand-ins of {args.pdf_kib} KiB), runs: {args.runs}")
    print(f"export: {exp:.2f} s ({n / exp:,.0f} records/s); bare zip of the same bytes: {bexp:.2f} s")
    print(f"  ratio {exp / bexp:.2f}")
    print(f"import: {imp:.2f} s ({imported / imp:,.0f} records/s); bare: {bimp:.2f} s")
    print(f"  ratio {imp / bimp:.2f} (bare: executemany + one ECDSA verify + one SHA-256 per record)")
    cpu, bcpu = statistics.median(import_cpus), statistics.median(bare_cpus)
    print(f"  CPU seconds (all threads): import {cpu:.2f}, bare {bcpu:.2f}, ratio {cpu / bcpu:.2f}")
    pwall = statistics.median(w for w, _c in with_pdfs)
    pcpu = statistics.median(c for _w, c in with_pdfs)
    print(
        f"  against a bare import with the PDFs (the same, and each PDF read from the bundle, hashed and "
        f"inserted): {pwall:.2f} s, ratio {imp / pwall:.2f}; CPU {pcpu:.2f} s, ratio {cpu / pcpu:.2f}"
    )
    print(
        f"import Python heap peak: {statistics.median(peaks) / 1e6:.1f} MB for {n} records, "
        f"{small_peak / 1e6:.1f} MB for {small_imported}"
    )


if __name__ == "__main__":
    main()

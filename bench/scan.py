"""Reading scanned records: pages decoded per second by `office import-scan`'s reader against
zxing-cpp alone on the same images, in the same run.

The pages are demo records' PDFs rendered at 200 dpi, turned 1–4°, blurred and noised like an
office scan, saved as PNG. The baseline opens each file with Pillow and calls zxing-cpp once; ours
is the reader of pdf.scan (open, upright, grey, then the decode chain until the page gave a summary
and every sync code of its records) — and then the whole import (verify, plan, write) on top.

    .venv/bin/python bench/scan.py [--records 12] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

import pypdfium2
import zxingcpp
from PIL import Image, ImageChops, ImageFilter

from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.pdf import scan
from inspector_app.services import create_office, open_services
from inspector_app.sync import scan_import

OFFICE_PASS = "bench-office-passphrase"


def world(base: Path, inspections: int) -> tuple[Path, list[bytes]]:
    """An office that enrolled a demo laptop's key (no bundle), and the laptop's signed PDFs."""
    with (
        open_services(base / "laptop.sqlite", create=True) as lap,
        open_services(base / "office.sqlite") as o,
    ):
        seed_demo(lap, inspections=inspections, seed=5, today=dt.date(2026, 11, 20))
        office = create_office(o, name="重庆市渝中区市场监督管理局", passphrase=OFFICE_PASS)
        root = office.unlock(OFFICE_PASS)
        office.enrol(
            office.read_request(lap.keys.request(DEMO_PASSPHRASE).encode()), role="inspector", root=root
        )
        pdfs = [lap.records.pdf_of(r["id"]) for r in lap.inspections.list_rows(limit=10_000)]
    return base / "office.sqlite", [p for p in pdfs if p is not None]


def scanned_pages(pdfs: list[bytes], folder: Path) -> list[Path]:
    rng = random.Random(1)
    files = []
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(pdf)
        for i in range(len(document)):
            page = document[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
            angle = rng.uniform(1, 4) * rng.choice((-1, 1))
            turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
            noisy = ImageChops.add(turned, Image.effect_noise(turned.size, 18), 1.0, -128)
            path = folder / f"page-{len(files):04d}.png"
            noisy.filter(ImageFilter.GaussianBlur(0.5)).save(path)
            files.append(path)
        document.close()
    return files


QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def bare(files: list[Path]) -> set[str]:
    """zxing-cpp alone: Pillow opens the file, one decoder call looking for QR codes only (as
    ours does; zxing-cpp's default call tries every symbology and is ~2.5× slower)."""
    found: set[str] = set()
    for path in files:
        with Image.open(path) as image:
            found |= {b.text for b in zxingcpp.read_barcodes(image.convert("L"), formats=QR_ONLY)}
    return found


def ours(files: list[Path]) -> set[str]:
    found: set[str] = set()
    for path in files:
        for page in scan.pages(path):
            found |= scan.decode(page, scan_import._enough)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=12, help="demo inspections (about 3 in 4 signed)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        office, pdfs = world(base, args.records)
        (base / "scans").mkdir()
        files = scanned_pages(pdfs, base / "scans")
        times: dict[str, list[float]] = {"bare": [], "ours": [], "import": []}
        codes: dict[str, int] = {}
        imported = 0
        for run in range(args.runs):
            for name, fn in (("bare", bare), ("ours", ours)):
                start = time.perf_counter()
                codes[name] = len(fn(files))
                times[name].append(time.perf_counter() - start)
            fresh = base / f"office-{run}.sqlite"
            shutil.copy(office, fresh)
            with open_services(fresh) as o:
                start = time.perf_counter()
                result = o.office.paper.import_scans(files)
                times["import"].append(time.perf_counter() - start)
                imported = result.count("imported")
        pages = len(files)
        print(f"{len(pdfs)} signed records, {pages} scanned pages (200 dpi, skewed, noisy)")
        for name, label in (
            ("bare", "zxing-cpp alone (Pillow open + one QR-only read_barcodes call)"),
            ("ours", "pdf.scan reader (open, upright, grey, decode chain)"),
            ("import", "office import-scan: read + verify + plan + write"),
        ):
            seconds = statistics.median(times[name])
            extra = (
                f", {codes[name]} distinct QR texts" if name in codes else f", {imported} records imported"
            )
            print(f"{label}: {pages / seconds:.1f} pages/s ({seconds:.2f} s{extra})")
        ratio = statistics.median(times["ours"]) / statistics.median(times["bare"])
        print(f"ratio ours / bare (time): {ratio:.2f}")


if __name__ == "__main__":
    main()

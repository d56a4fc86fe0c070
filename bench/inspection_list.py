"""The inspection list over 200,000 records: first paint, filter, search, memory.
Targets (DESIGN.md): first paint < 100 ms, filter/search < 100 ms, memory < 250 MB.

    .venv/bin/python bench/inspection_list.py [--records 200000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from _common import CACHE, ROOT

sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import Stamp
from db import inspections as repo
from forms import load_definition
from inspector_app.demo import SITES, make_credit_code
from inspector_app.services import open_services


def seed(path: str, records: int) -> None:
    """Many inspections over a few sites, inserted in one transaction through db/."""
    rng = random.Random(5)
    with open_services(path) as s:
        if s.inspections.counts("status"):
            return
        site_ids = []
        for kind, pattern in SITES:
            name = pattern.format(d="渝北", r=rng.choice(("观音桥", "南坪", "杨家坪", "沙坪坝")))
            code = make_credit_code(rng, "渝北区")
            site_ids.append(
                (s.registry.create("sites", {"name": name, "kind": kind, "credit_code": code}), name, code)
            )
        defn = load_definition("scale")
        stamp = Stamp(device_id=s.device_id, now=Stamp.utc_now())
        rows = []
        for i in range(records):
            site_id, name, code = rng.choice(site_ids)
            day = f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            status = rng.choice(("draft", "finalised", "finalised", "approved"))
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "record_no": f"{day.replace('-', '')}-BNCH-{i:06d}",
                    "form_id": rng.choice(("fuel_dispenser", "taxi_meter", "scale", "net_content")),
                    "form_version": defn.version,
                    "form_hash": defn.sha256,
                    "status": status,
                    "site_id": site_id,
                    "site_name": name,
                    "site_code": code,
                    "instrument_label": f"SN{rng.randint(100000, 999999)}",
                    "started_at": f"{day}T09:00:00.000Z",
                    "verdict": rng.choice(("pass", "pass", "pass", "fail", "inconclusive")),
                    "canonical": "{}" if status != "draft" else None,
                }
            )
        repo.insert_many(
            s.db,
            rows,
            stamp,
            definition={
                "sha256": defn.sha256,
                "form_id": defn.id,
                "version": defn.version,
                "text": defn.text,
            },
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = str(CACHE / f"list-{args.records}.sqlite")
    partial = CACHE / f"list-{args.records}.partial.sqlite"
    if args.seed_only:
        seed(str(partial), args.records)
        return
    if not Path(path).exists():  # seed in a child process, so its memory is not counted here
        for leftover in CACHE.glob(f"{partial.name}*"):  # an interrupted earlier run
            leftover.unlink()
        subprocess.run([sys.executable, __file__, "--seed-only", "--records", str(args.records)], check=True)
        partial.replace(path)  # complete: only now does a later run find and time it

    from PySide6.QtWidgets import QApplication

    from ui.pages.inspections_page import InspectionsPage

    app = QApplication([])
    with open_services(path) as s:
        page = InspectionsPage(s.inspections)
        page.resize(1200, 800)
        page.show()
        app.processEvents()

        def timed(action) -> float:
            """Median of 5: the action (a new SQL query and model reset) plus a full repaint."""
            times = []
            for _ in range(5):
                page.model.set_filters()
                start = time.perf_counter()
                action()
                page.table.viewport().repaint()
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        first = timed(page.reload)
        rows = page.model.rowCount()
        serial = page.model.row_data(rows // 2)["instrument_label"]
        results = {
            "first paint (all records, newest first)": first,
            "filter status = draft": timed(lambda: page.model.set_filters(status="draft")),
            "filter verdict = fail": timed(lambda: page.model.set_filters(verdict="fail")),
            "full-text search 加油站 (trigram FTS5, 30 % of all rows match)": timed(
                lambda: page.model.set_filters(search="加油站")
            ),
            "full-text search of one serial number": timed(lambda: page.model.set_filters(search=serial)),
            "search 渝北 (2 characters: LIKE)": timed(lambda: page.model.set_filters(search="渝北")),
            "sort by site": timed(lambda: page.model.sort(3)),
            "scroll to the end": timed(lambda: page.table.scrollToBottom()),
        }
        print(f"{rows} inspections")
        for name, ms in results.items():
            print(f"{name}: {ms:.0f} ms")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (RSS): {rss:.0f} MB")


if __name__ == "__main__":
    main()

"""The office at work over 200,000 imported records, each figure against a bare baseline in the
same run (issue 14; DESIGN.md: statistics over 200,000 records < 1 s, review queue first paint
< 100 ms; a draw over 50,000 entities < 1 s; publication export of 10,000 rows < 2 s).

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/office.py [--runs 5]

The office database is made once under bench/.cache (git-ignored): 200,000 records written through
the office store's own `add_records` (inspector_app.office.synthetic: known rates; 10,000 of them
answer a 双随机 task), 50,000 entities in the directory, 40 enrolled inspectors. Baselines:
- statistics: the very SQL statements the statistics service ran (captured by a trace callback),
  replayed through a fresh sqlite3 connection;
- review queue: the count and first-page statements replayed the same way;
- draw: canonical JSON and SHA-256 of the entity snapshot plus `random.Random.sample` of the same
  number of entities (the least a verifiable draw must do);
- publication: XlsxWriter writing the same 10,000 rows in constant-memory mode.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from _common import ROOT, _made_once

sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OFFICE_PASS = "bench-office-passphrase"
RECORDS = 200_000
DRAWN = 10_000  # records answering a draw's task (the publication export)
ENTITIES = 50_000
INSPECTORS = 40


def make_office(path: Path) -> None:
    """The bench office (see the module docstring), through the services and the office store."""
    from cryptography.hazmat.primitives.asymmetric import ec

    from inspector_app import credit_code
    from inspector_app.office import synthetic
    from inspector_app.pki import certs
    from inspector_app.services import create_office, open_services

    with open_services(path) as services:
        office = create_office(services, name="基准测试局", passphrase=OFFICE_PASS)
        root = office.unlock(OFFICE_PASS)
        for n in range(INSPECTORS):
            pem = certs.build_request(
                ec.generate_private_key(ec.SECP256R1()),
                name=f"检查员{n:02d}",
                id_number=f"渝执 {50_000_000 + n}",
                office="基准测试局",
                device_id=str(uuid.UUID(int=n + 1, version=4)),
            )
            office.enrol(office.read_request(pem.encode()), role="inspector", root=root)
        rng = random.Random(50)
        rows = ["统一社会信用代码,名称,区县,类型,风险等级"]
        for n in range(ENTITIES):
            body = f"91500{100 + n % 20:03d}MB{n:08d}"[:17]
            code = body + credit_code.check_character(body)
            rows.append(
                f"{code},单位{n:05d},{synthetic.DISTRICTS[n % 8]},{('集贸市场', '超市', '加油站')[n % 3]},"
                f"{rng.choices('ABCD', weights=(5, 20, 50, 25))[0]}"
            )
        sites = path.with_suffix(".csv")
        sites.write_text("\n".join(rows) + "\n", encoding="utf-8")
        office.directories.import_sites(sites)
        sites.unlink()
        store = office.store
        synthetic.fill(store, synthetic.Spec(records=RECORDS - DRAWN, entities=20_000))
        # A draw whose tasks 10,000 records answer: what the publication export lists.
        plan = f'id = "BENCH-PUB"\ndate = 2025-12-01\nitem = "scale"\n[counts]\nA = {DRAWN}\nB = {DRAWN}\n'
        outcome = office.draws.run(plan, "1", root=root)
        tasks = [t["id"] for t in office.draws.tasks(outcome.draw_id)][:DRAWN]
        drawn = list(synthetic.rows(synthetic.Spec(records=len(tasks), seed=99, entities=2_000)))
        with store.transaction():
            store.add_records({**r, "task_id": task} for r, task in zip(drawn, tasks, strict=True))


def office_db() -> Path:
    return _made_once(
        f"office-{RECORDS}",
        lambda path: subprocess.run([sys.executable, __file__, "--make", str(path)], check=True, cwd=ROOT),
    )


def traced(conn: sqlite3.Connection, work) -> tuple[object, list[str]]:
    """Run ``work`` and return its result with the SELECT statements it sent to SQLite."""
    seen: list[str] = []
    conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.lstrip().upper().startswith(("SELECT", "WITH")) else None
    )
    try:
        return work(), seen
    finally:
        conn.set_trace_callback(None)


class Both(tuple):
    """A span as (wall seconds, CPU seconds): the CPU time (this process's own, plus any child's
    it waited for) is the steadier figure on the shared machine; both are printed."""

    def __new__(cls, wall: float, cpu: float) -> Both:
        return super().__new__(cls, (wall, cpu))

    @property
    def wall(self) -> float:
        return float(self[0])

    @property
    def cpu(self) -> float:
        return float(self[1])

    def __sub__(self, other: Both) -> Both:  # type: ignore[override]
        return Both(self.wall - other.wall, self.cpu - other.cpu)

    def __str__(self) -> str:
        return f"{self.wall * 1000:.0f} ms (cpu {self.cpu * 1000:.0f} ms)"

    def ratio(self, other: Both) -> str:
        return f"{self.wall / other.wall:.2f} (cpu {self.cpu / other.cpu:.2f})"


def now() -> Both:
    children = os.times()
    return Both(time.perf_counter(), time.process_time() + children.children_user + children.children_system)


def med(values: list[Both]) -> Both:
    return Both(statistics.median(v.wall for v in values), statistics.median(v.cpu for v in values))


def replay(db: Path, statements: list[str]) -> Both:
    """The time to run the same statements (parameters bound in the trace) on a fresh connection."""
    conn = sqlite3.connect(db)
    try:
        start = now()
        for sql in statements:
            conn.execute(sql).fetchall()
        return now() - start
    finally:
        conn.close()


def median(fn, runs: int) -> Both:
    values = []
    for _ in range(runs):
        start = now()
        fn()
        values.append(now() - start)
    return med(values)


def bench_statistics(db: Path, runs: int) -> dict[str, Both]:
    from inspector_app.services import open_services

    with open_services(db) as services:
        stats = services.office.statistics
        stats.compute()  # warm the page cache, as a second look would be
        service = median(stats.compute, runs)
        _result, statements = traced(services.db.conn, stats.compute)
    bare = med([replay(db, statements) for _ in range(runs)])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def cli() -> None:
        subprocess.run(
            [sys.executable, "-m", "ui.entry", "office", "stats", "--db", str(db), "--json"],
            check=True,
            cwd=ROOT,
            env=env,
            capture_output=True,
        )

    cli()
    return {"service": service, "bare": bare, "cli": median(cli, runs)}


def bench_pages(db: Path, runs: int) -> dict[str, Both]:
    """The statistics page (filters to charts on screen) and the review queue (construction to the
    queue's first completed paint), in one QApplication."""
    from PySide6.QtCore import QEvent, QObject, QThreadPool
    from PySide6.QtWidgets import QApplication

    from inspector_app.services import open_services
    from ui.office.review_page import ReviewPage
    from ui.office.statistics_page import StatisticsPage

    app = QApplication.instance() or QApplication([])

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def on_screen_drawn(page: StatisticsPage) -> bool:
        """Every chart with something on screen drawn at its laid-out size, none pending."""
        shown = [c for c in page.canvases.values() if not c.visibleRegion().isEmpty()]
        return bool(shown) and all(
            hasattr(c, "renderer") and not getattr(c, "_draw_pending", False) for c in shown
        )

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draws: list[Both] = []  # when each chart draw ended: the page's drawing counted whole
    agg_draw = FigureCanvasAgg.draw

    def counted_draw(canvas: FigureCanvasAgg) -> None:
        agg_draw(canvas)
        draws.append(now())

    FigureCanvasAgg.draw = counted_draw  # type: ignore[method-assign]
    out: dict[str, list[Both]] = {
        "stats_page": [],
        "stats_on_screen": [],
        "stats_settled": [],
        "queue_paint": [],
    }
    drawn_per_opening: list[int] = []
    with open_services(db) as services:
        office = services.office
        office.review.choices()
        # As a clerk sees it: from the page's construction to the charts on screen drawn; then
        # until it stops drawing (0.5 s without a draw): all the drawing an opening does.
        for _ in range(runs):
            draws.clear()
            start = now()
            page = StatisticsPage(office, "zh")
            page.resize(1200, 800)
            page.show()
            while len(page.canvases) < 6 or not on_screen_drawn(page):
                QThreadPool.globalInstance().waitForDone(5)
                app.processEvents()
            out["stats_on_screen"].append(now() - start)
            while now().wall - draws[-1].wall < 0.5:
                time.sleep(0.01)
                app.processEvents()
            out["stats_settled"].append(draws[-1] - start)
            drawn_per_opening.append(len(draws))
            page.close()
            page.deleteLater()
            app.processEvents()
        # The figure recorded since the first round: all six charts drawn (as if scrolled through).
        for _ in range(runs):
            start = now()
            page = StatisticsPage(office, "zh")
            page.resize(1200, 800)
            page.show()
            while len(page.canvases) < 6:
                QThreadPool.globalInstance().waitForDone(5)
                app.processEvents()
            for canvas in page.canvases.values():
                canvas.draw()
            app.processEvents()
            out["stats_page"].append(now() - start)
            page.close()
            page.deleteLater()
            app.processEvents()
        _result, queue_sql = traced(services.db.conn, lambda: office.review.page({"status": "received"}))
        for _ in range(runs):
            painted = Painted()
            start = now()
            page = ReviewPage(office, services.records, "zh")
            page.view.viewport().installEventFilter(painted)
            page.resize(1200, 800)
            page.show()
            while not painted.seen:
                app.processEvents()
            out["queue_paint"].append(now() - start)
            QThreadPool.globalInstance().waitForDone()
            page.close()
            page.deleteLater()
            app.processEvents()
    count_sql = (
        "SELECT count(*) FROM office_records r WHERE r.superseded_by IS NULL AND r.review_status = 'received'"
    )
    bare = med([replay(db, [count_sql, *queue_sql]) for _ in range(runs)])
    return {
        "stats_first": out["stats_on_screen"][0],  # this process's first: matplotlib imported
        "stats_page": med(out["stats_page"]),
        "stats_on_screen": med(out["stats_on_screen"]),
        "stats_settled": med(out["stats_settled"]),
        "charts_drawn": statistics.median(drawn_per_opening),
        "queue_paint": med(out["queue_paint"]),
        "queue_bare": bare,
    }


def bench_draw(db: Path, runs: int) -> dict[str, Any]:
    """A draw over the 50,000 entities on a copy of the office (a plan is drawn once)."""
    import shutil

    from inspector_app.office.draw import algorithm
    from inspector_app.office.draw.plan import parse_plan
    from inspector_app.office.draw.service import inputs_of
    from inspector_app.services import open_services

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "office.sqlite"
        shutil.copy(db, copy)
        with open_services(copy) as services:
            office = services.office
            root = office.unlock(OFFICE_PASS)
            entities = list(office.store.iter_sites())
            inspectors = office.draws.inspectors("2026-07-01")
            recusals = office.draws.recusal_pairs("2026-07-01")
            plans = [f'id = "BENCH-{n}"\ndate = 2026-07-01\nitem = "scale"\n' for n in range(runs)]
            full, pure = [], []
            for n in range(runs):
                plan = parse_plan(plans[n])
                start = now()
                result = algorithm.run(inputs_of(plan, str(n), entities, inspectors, recusals))
                pure.append(now() - start)
                start = now()
                outcome = office.draws.run(plans[n], str(n), root=root)
                full.append(now() - start)
            selected = len(result.selected)
            assert len(outcome.result.selected) == selected

    def bare() -> None:
        snapshot = sorted(
            ({k: str(e[k] or "") for k in algorithm.ENTITY_FIELDS} for e in entities),
            key=lambda e: e["credit_code"],
        )
        seed = hashlib.sha256(
            json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        ).digest()
        random.Random(seed).sample(snapshot, selected)

    return {
        "pure": med(pure),
        "full": med(full),
        "bare": median(bare, runs),
        "selected": selected,
        "entities": len(entities),
    }


def bench_publication(db: Path, runs: int) -> dict[str, Any]:
    import shutil

    import xlsxwriter

    from inspector_app.office import labels
    from inspector_app.office.publication import HEADER
    from inspector_app.services import open_services

    times = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(runs):
            copy = Path(folder) / f"office-{n}.sqlite"
            shutil.copy(db, copy)  # each export marks its rows published: a fresh copy each time
            with open_services(copy) as services:
                publication = services.office.publication
                start = now()
                done = publication.export(Path(folder) / f"pub-{n}.xlsx")
                times.append(now() - start)
                rows = done["rows"]
                if n == 0:
                    sample = publication.rows()
            copy.unlink()
        table = [
            [
                i,
                r["site_name"],
                r["site_code"],
                labels.inspection_item(r["form_id"]),
                "基准测试局",
                r["inspected_on"],
                labels.PUBLIC_RESULT[r["verdict"]],
                "无",
                r["record_no"],
                r["plan_id"],
            ]
            for i, r in enumerate(sample, start=1)
        ]

        def bare() -> None:
            book = xlsxwriter.Workbook(str(Path(folder) / "bare.xlsx"), {"constant_memory": True})
            sheet = book.add_worksheet()
            sheet.write_row(0, 0, HEADER)
            for r, row in enumerate(table, start=1):
                sheet.write_row(r, 0, row)
            book.close()

        return {"export": med(times), "bare": median(bare, runs), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--make", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_office(Path(args.make))
        return
    db = office_db()
    load = os.getloadavg()[0]
    print(f"office database: {RECORDS:,} records ({DRAWN:,} answering a draw's task), {ENTITIES:,} entities,")
    print(f"  {INSPECTORS} inspectors; medians of {args.runs} runs; load average {load:.1f}")
    s = bench_statistics(db, args.runs)
    print(f"statistics service: {s['service']}; the same SQL through sqlite3: {s['bare']}")
    print(f"  ratio {s['service'].ratio(s['bare'])}; `office stats --json`, whole process: {s['cli']}")
    p = bench_pages(db, args.runs)
    print(f"statistics page, built to the charts on screen drawn: {p['stats_on_screen']}")
    print(f"  the first time in the process (matplotlib imported meanwhile): {p['stats_first']}")
    print(f"  until it stops drawing: {p['stats_settled']} ({p['charts_drawn']} chart draws an opening)")
    print(f"statistics page, filters to six charts drawn: {p['stats_page']}")
    print(f"review queue, page built to first paint: {p['queue_paint']}")
    print(f"  its count and first page through sqlite3: {p['queue_bare']}")
    d = bench_draw(db, args.runs)
    print(f"draw over {d['entities']:,} entities ({d['selected']:,} drawn):")
    print(f"  algorithm {d['pure']},")
    print(f"  whole draw (sign, store, tasks) {d['full']}")
    print(f"  bare snapshot hash + random.sample: {d['bare']}")
    print(f"  ratios {d['pure'].ratio(d['bare'])} (algorithm), {d['full'].ratio(d['bare'])} (whole draw)")
    x = bench_publication(db, args.runs)
    print(f"publication export of {x['rows']:,} rows (XLSX, marked published): {x['export']}")
    print(f"  bare XlsxWriter of the same rows: {x['bare']} (ratio {x['export'].ratio(x['bare'])})")


if __name__ == "__main__":
    main()

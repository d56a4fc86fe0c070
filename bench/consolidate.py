"""Consolidation into PostgreSQL (issue 15; DESIGN.md: ≥ 0.5 × a bare COPY of the same rows;
statistics < 1 s over 1,000,000 records), with clerks importing at once.

    .venv/bin/python bench/consolidate.py [--records 1000000] [--bundle 10000] [--clerks 4]
                                          [--order laptop|mixed] [--shared-buffers 1GB]
                                          [--db postgresql://...]

Without --db the bench starts its own throw-away server (tests/pgcluster.py) on disk, durable
(fsync on), with ``--shared-buffers`` of cache (default PostgreSQL's own 128MB), and removes it
afterwards. Records are generated here (`bundles`: two years, eight districts, 40 laptops with an
inspector each, the store's query columns filled as the importer fills them), each with a
canonical record and signature of a real record's size. By default a bundle is what a laptop
sends — one laptop's records in the order they were finalised, the laptops' bundles in turn —;
``--order mixed`` is a stress case no laptop sends (every bundle mixes all laptops and days). They
go in bundle by bundle, each bundle one transaction through the office store exactly as `office
import` writes it after verification: `add_records` (COPY into the year partitions and the id key,
failed items, measures and the statistics' deltas; the staging path when a record is stored),
`add_bundle`, `note_device`, the audit entry. Rows are made before each timed write.

Baseline, in the same run on the same server: a bare COPY of the same rows (the same columns) into
an unindexed, unpartitioned table, one transaction per bundle, in COPY's default text format (the
target's figure, PostgreSQL's defaults); and beside it the same with the store's own choices —
binary format, the canonical text compressed with LZ4 — the cheapest bare COPY there is. Both are
timed by the wall clock and
by CPU: this process's own and its server process's (read from /proc when the server runs here),
so the ratio in CPU holds on a machine other programs load.

Then: `statistics` (the office's statistics: four groupings, the import lag, failed items,
measures) over all records from the monthly summary, whole, over one month and over a range with
two partial months, and the same counted from the records (`statistics_from_records`); and
`--clerks` processes each importing its own share of another set of bundles at once (records/s
for them together, against one clerk alone).

Signature verification is not part of this figure: bench/sync.py measures the importer's
verification (≥ 3,000 records/s); here is what the database side costs at a city's scale.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import ROOT

sys.path.insert(0, str(ROOT))

from db.office.postgres import PostgresOfficeStore
from db.office.queries import RECORD_COLUMNS

FORMS = ("fuel_dispenser", "taxi_meter", "scale", "net_content")
PASS_RATES = {"fuel_dispenser": 0.95, "taxi_meter": 0.9, "scale": 0.85, "net_content": 0.93}
ITEMS = ("indication_error", "seal", "repeatability", "marking")
MEASURES = ("notice_issued", "stop_use", "seal_up", "send_for_verification")
DISTRICTS = ("渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区", "渝北区", "巴南区", "北碚区")

# A real finalised scale record's canonical JSON is ~2.5 KB and its signature object ~0.3 KB:
# the synthetic rows carry text of that size (JSON-like, so TOAST compresses it as it would).
CANONICAL_PAD = (
    '{"readings":['
    + ",".join(
        f'{{"load":"{n * 500}","indication":"{n * 500 + n % 3}","added":"0.{n % 10}"}}' for n in range(40)
    )
    + "]}"
)
SIGNATURE = '{"alg":"ES256","cert_sha256":"' + "ab" * 32 + '","value":"' + "Q" * 96 + '"}'


LAPTOPS = 40  # one inspector each; ``n % LAPTOPS`` is the laptop of record number n
DAYS = 730  # two years from START
START = dt.date(2024, 1, 1)


def record(rng: random.Random, n: int, day: dt.date | None = None) -> dict[str, Any]:
    """Record number ``n`` (of laptop ``n % LAPTOPS``), inspected on ``day`` (None: any day of the
    two years), as the importer hands it to the store: each procedure passing at its own rate,
    the failed ones with an item and a measure, imported 0–14 days after the inspection."""
    form = FORMS[n % len(FORMS)]
    verdict = "pass" if rng.random() < PASS_RATES[form] else "fail"
    if day is None:
        day = START + dt.timedelta(days=rng.randrange(DAYS))
    imported = day + dt.timedelta(days=rng.randrange(15))
    record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    failed = [rng.choice(ITEMS)] if verdict == "fail" else []
    entity = rng.randrange(50_000)
    canonical = json.dumps({"id": record_id, "n": n}, sort_keys=True)[:-1] + "," + CANONICAL_PAD[1:]
    return {
        "id": record_id,
        "fingerprint": hashlib.sha256(canonical.encode()).hexdigest(),
        "record_no": f"{day:%Y%m%d}-B{n % 100:02d}-{n:07d}",
        "device_id": f"bench-{n % LAPTOPS:02d}",
        "form_id": form,
        "form_version": "1",
        "form_sha256": "",
        "verdict": verdict,
        "failed": json.dumps(failed),
        "site_code": f"9150010{entity:011d}",
        "site_name": f"检查对象{entity:05d}",
        "district": DISTRICTS[entity % len(DISTRICTS)],
        "inspector": f"检查员{n % LAPTOPS:02d}",
        "signer_sha256": "",
        "started_at": f"{day}T02:00:00Z",
        "finalised_at": f"{day}T03:00:00Z",
        "supersedes": None,
        "canonical": canonical,
        "signature": SIGNATURE,
        "bundle_sha256": "",
        "imported_at": f"{imported}T04:00:00Z",
        "inspected_on": day.isoformat(),
        "imported_on": imported.isoformat(),
        "task_id": None,
        "measures": json.dumps([rng.choice(MEASURES)] if failed else []),
        "items": failed,
    }


def bundles(records: int, size: int, *, seed: int, order: str = "laptop") -> Iterator[list[dict[str, Any]]]:
    """``records`` received records (two years of checks in eight districts by the inspectors of
    LAPTOPS laptops) in bundles of at most ``size``.

    ``laptop`` (the default): bundles as laptops send them — a bundle is one laptop's export, its
    records in the order they were finalised (sync.export, spec/office.md), and the laptops'
    bundles reach the office in turn (each laptop's first bundle, then each one's second, …).
    ``mixed`` (a stress case no laptop sends): bundles of the records in the order of their
    numbers, so every bundle mixes all the laptops and any day of the two years — the worst case
    for the date-led indexes and for the statistics' summary."""
    rng = random.Random(seed)
    if order == "mixed":
        batch: list[dict[str, Any]] = []
        for n in range(records):
            batch.append(record(rng, n))
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    counts = [-(-(records - d) // LAPTOPS) for d in range(LAPTOPS)]  # laptop d: n = d + LAPTOPS * j
    for first in range(0, max(counts, default=0), size):
        for d, count in enumerate(counts):
            if first < count:
                # Record j of a laptop's `count` is inspected on day j × DAYS / count: in order.
                yield [
                    record(rng, d + LAPTOPS * j, START + dt.timedelta(days=j * DAYS // count))
                    for j in range(first, min(first + size, count))
                ]


LZ4_AVAILABLE = "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
# Records per add_records call (--write-batch): as the importer hands them, the store's batch.
WRITE_BATCH = PostgresOfficeStore.write_batch


def write_bundle(store: PostgresOfficeStore, batch: list[dict[str, Any]], n: int, clerk: str) -> int:
    """What `office import` writes for one verified bundle, in one transaction."""
    now = batch[-1]["imported_at"]
    step = WRITE_BATCH or len(batch)
    with store.transaction():
        added = sum(store.add_records(batch[i : i + step]) for i in range(0, len(batch), step))
        store.add_bundle(
            {
                "sha256": f"{clerk}-{n:06d}",
                "device_id": batch[0]["device_id"],
                "seq": n + 1,
                "base_ack": n,
                "file_name": f"{clerk}-{n}.zip",
                "signer_sha256": "",
                "created_at": now,
                "imported_at": now,
                "records": len(batch),
                "imported": added,
                "duplicates": len(batch) - added,
                "conflicts": 0,
            }
        )
        store.note_device(device_id=batch[0]["device_id"], at=now, acknowledged_seq=n + 1)
        store.audit(
            at=now,
            device_id="bench",
            actor=clerk,
            action="import_bundle",
            entity="office_bundles",
            entity_id=f"{clerk}-{n:06d}",
            detail={"imported": added},
        )
    return added


def bare_copy(conn: Any, batch: list[dict[str, Any]], *, binary: bool = False) -> None:
    """The baseline: the rows' columns COPYed into a table without index, text format (COPY's
    default) or ``binary`` (the store's own choices: its COPY's format, and the canonical text
    compressed with LZ4 where the server has it, db/office/postgres_schema.py 0007)."""
    columns = ", ".join(RECORD_COLUMNS)
    table, options = ("bare_binary", " (FORMAT BINARY)") if binary else ("bare_records", "")
    with (
        conn.transaction(),
        conn.cursor() as cur,
        cur.copy(f"COPY {table} ({columns}) FROM STDIN{options}") as copy,
    ):
        if binary:
            copy.set_types(["text"] * len(RECORD_COLUMNS))
        for r in batch:
            copy.write_row([r.get(c) for c in RECORD_COLUMNS])


@dataclasses.dataclass
class Timing:
    store_s: float = 0.0
    bare_s: float = 0.0
    store_cpu: float = 0.0
    bare_cpu: float = 0.0
    binary_s: float = 0.0  # the same bare COPY in binary format, the canonical text in LZ4
    binary_cpu: float = 0.0
    records: int = 0


def cpu_s(conn: Any) -> float:
    """CPU seconds of this process and of ``conn``'s server process (0 for the server when its
    /proc entry cannot be read: a server on another machine)."""
    try:
        fields = Path(f"/proc/{conn.info.backend_pid}/stat").read_text().rsplit(")", 1)[1].split()
        server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, IndexError, ValueError):
        server = 0.0
    return time.process_time() + server


def main_import(store: PostgresOfficeStore, records: int, size: int, *, order: str) -> Timing:
    conn = store._conn
    for table in ("bare_records", "bare_binary"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(f"CREATE TABLE {table} ({', '.join(c + ' TEXT' for c in RECORD_COLUMNS)})")
    if conn.execute(LZ4_AVAILABLE).fetchone() is not None:
        conn.execute("ALTER TABLE bare_binary ALTER COLUMN canonical SET COMPRESSION lz4")
    timing = Timing()
    for n, batch in enumerate(bundles(records, size, seed=15, order=order)):
        start, cpu = time.perf_counter(), cpu_s(conn)
        added = write_bundle(store, batch, n, "clerk0")
        timing.store_s += time.perf_counter() - start
        timing.store_cpu += cpu_s(conn) - cpu
        start, cpu = time.perf_counter(), cpu_s(conn)
        bare_copy(conn, batch)
        timing.bare_s += time.perf_counter() - start
        timing.bare_cpu += cpu_s(conn) - cpu
        start, cpu = time.perf_counter(), cpu_s(conn)
        bare_copy(conn, batch, binary=True)
        timing.binary_s += time.perf_counter() - start
        timing.binary_cpu += cpu_s(conn) - cpu
        timing.records += added
        if n % 10 == 9:
            print(
                f"  {timing.records:>9,} records: store {timing.records / timing.store_s:,.0f}/s, "
                f"bare COPY {timing.records / timing.bare_s:,.0f}/s; ratio "
                f"{timing.bare_s / timing.store_s:.2f} wall, "
                f"{timing.bare_cpu / max(timing.store_cpu, 1e-9):.2f} CPU",
                flush=True,
            )
    return timing


def clerk_process(url: str, clerk: int, seed: int, records: int, size: int, order: str, out: Any) -> None:
    store = PostgresOfficeStore(url, migrate_schema=False)
    made = list(bundles(records, size, seed=seed, order=order))  # each clerk's own bundles
    out.put(("ready", clerk, 0, 0.0))
    start = time.perf_counter()
    added = sum(write_bundle(store, batch, n, f"clerk{clerk + 1}") for n, batch in enumerate(made))
    out.put(("done", clerk, added, time.perf_counter() - start))
    store.close()


def clerks_at_once(
    url: str, clerks: int, records: int, size: int, seed: int, order: str
) -> tuple[int, float, list[float]]:
    """``clerks`` processes, each importing ``records`` of its own; started together once each
    has made its rows. Returns (records added, wall seconds, each clerk's seconds)."""
    queue: Any = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=clerk_process, args=(url, c, seed + c, records, size, order, queue))
        for c in range(clerks)
    ]
    # Rows are made inside each process before its timer starts; the wall clock starts when the
    # last is ready (they begin writing as soon as they are ready, so this is a lower bound on
    # overlap, not a head start).
    for p in procs:
        p.start()
    ready = 0
    while ready < clerks:
        if queue.get()[0] == "ready":
            ready += 1
    start = time.perf_counter()
    added, each = 0, []
    for _ in range(clerks):
        _kind, _clerk, n, seconds = queue.get()
        added += n
        each.append(seconds)
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    return added, max(wall, max(each)), each


def median_s(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--bundle", type=int, default=10_000, help="records per bundle")
    parser.add_argument("--clerks", type=int, default=4)
    parser.add_argument("--clerk-records", type=int, default=50_000, help="records per clerk")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--db", default="", help="an empty PostgreSQL database (default: a throw-away server)"
    )
    parser.add_argument("--shared-buffers", default="128MB", help="the throw-away server's cache")
    parser.add_argument(
        "--write-batch",
        type=int,
        default=PostgresOfficeStore.write_batch,
        help="records per add_records call within a bundle's transaction (default: as the importer "
        "writes, PostgresOfficeStore.write_batch); 0: the whole bundle in one call",
    )
    parser.add_argument(
        "--order",
        choices=("laptop", "mixed"),
        default="laptop",
        help="laptop: a bundle is one laptop's records in the order they were finalised, the "
        "laptops' bundles in turn (as laptops send them); mixed: every bundle mixes all laptops "
        "and days (a stress case no laptop sends)",
    )
    args = parser.parse_args()
    global WRITE_BATCH
    WRITE_BATCH = args.write_batch  # before the clerks' processes fork

    cluster = None
    url = args.db
    if not url:
        from tests.pgcluster import Cluster

        cluster = Cluster(memory=False, durable=True, shared_buffers=args.shared_buffers).start()
        url = cluster.url("bench")
    try:
        store = PostgresOfficeStore(url)
        print(
            f"importing {args.records:,} records in bundles of {args.bundle:,} ({args.order} order) …",
            flush=True,
        )
        timing = main_import(store, args.records, args.bundle, order=args.order)
        store_rate = timing.records / timing.store_s
        bare_rate = timing.records / timing.bare_s
        print(
            f"import: {timing.records:,} records in {timing.store_s:.1f} s = {store_rate:,.0f} records/s; "
            f"bare COPY {timing.bare_s:.1f} s = {bare_rate:,.0f} records/s; "
            f"ratio {store_rate / bare_rate:.2f} × bare (target ≥ 0.5); in CPU (client and server process): "
            f"store {timing.store_cpu:.1f} s, bare {timing.bare_cpu:.1f} s, ratio "
            f"{timing.bare_cpu / max(timing.store_cpu, 1e-9):.2f}\n"
            f"against a bare COPY as the store writes (binary format, the canonical text in LZ4): "
            f"{timing.binary_s:.1f} s = {timing.records / timing.binary_s:,.0f} records/s, ratio "
            f"{timing.binary_s / timing.store_s:.2f} by the clock; CPU {timing.binary_cpu:.1f} s, ratio "
            f"{timing.binary_cpu / max(timing.store_cpu, 1e-9):.2f}"
        )
        store._conn.execute("DROP TABLE bare_records")
        store._conn.execute("DROP TABLE bare_binary")
        store._conn.execute("VACUUM ANALYZE")  # what autovacuum does after a load
        whole = median_s(lambda: store.statistics({}), args.runs)
        month = median_s(
            lambda: store.statistics({"date_from": "2025-03-01", "date_to": "2025-03-31"}), args.runs
        )
        edges = median_s(
            lambda: store.statistics({"date_from": "2025-03-02", "date_to": "2025-06-29"}), args.runs
        )
        direct = median_s(lambda: store.statistics_from_records({}), max(1, args.runs // 2))
        total = store.record_count()
        print(
            f"statistics over {total:,} records: {whole * 1000:.0f} ms whole (summary), "
            f"{month * 1000:.0f} ms one month, {edges * 1000:.0f} ms 2025-03-02..06-29 (two partial "
            f"months: the summary less 03-01 and 06-30 from the records); counted from the records "
            f"instead: {direct * 1000:.0f} ms "
            "(target < 1 s)"
        )
        store.close()

        print(f"{args.clerks} clerks at once, {args.clerk_records:,} records each …", flush=True)
        one, one_s, _ = clerks_at_once(url, 1, args.clerk_records, args.bundle, seed=200, order=args.order)
        together, wall, each = clerks_at_once(
            url, args.clerks, args.clerk_records, args.bundle, seed=100, order=args.order
        )
        print(
            f"one clerk alone: {one:,} records in {one_s:.1f} s = {one / one_s:,.0f}/s\n"
            f"{args.clerks} clerks at once: {together:,} records in {wall:.1f} s = {together / wall:,.0f}/s "
            f"together (each {', '.join(f'{s:.1f}' for s in each)} s)"
        )
        check = PostgresOfficeStore(url, migrate_schema=False)
        [(rows, ids)] = check._conn.execute(
            "SELECT (SELECT count(*) FROM office_records), (SELECT count(*) FROM office_record_ids)"
        ).fetchall()
        check.close()
        print(f"stored: {rows:,} record rows, {ids:,} record ids (no record twice: {rows == ids})")
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

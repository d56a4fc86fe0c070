"""Statistics from the monthly summary (issue 15): kept in the transaction of every import, it
gives the figures a count over the records gives — on random data with corrections arriving
before and after what they correct, repeats, unreadable dates, every kind of date filter — and
SQLite and PostgreSQL give the same figures for the same records (and the same imported
bundles, through the app)."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from db.office.postgres import PostgresOfficeStore
from db.office.queries import month_pieces, month_ranges
from inspector_app.office.dates import local_date
from inspector_app.services import open_services
from tests.core import fleet
from tests.db.office_engines import consolidated

FORMS = ("scale", "taxi_meter", "fuel_dispenser")
DISTRICTS = ("渝中区", "江北区", "南岸区")
INSPECTORS = ("王检查", "李检查", "张检查", "赵检查")
ITEMS = ("weighing", "seal", "zero", "display")
MEASURES = ("stop_use", "order_repair", "fine")


def random_records(seed: int, count: int = 400) -> list[dict]:
    """Records over 14 months, a few with unreadable dates, imports 0–20 days after (some
    before: clocks are wrong), failed items and measures with repeats, and corrections: of
    records, of corrections, twice of the same record."""
    rng = random.Random(seed)
    out: list[dict] = []
    for n in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(425))
        imported = day + dt.timedelta(days=rng.randrange(-2, 21))
        verdict = rng.choice(("pass", "pass", "fail", "inconclusive"))
        items = [rng.choice(ITEMS) for _ in range(rng.randrange(3))] if verdict == "fail" else []
        measures = [rng.choice(MEASURES) for _ in range(rng.randrange(3))] if verdict == "fail" else []
        unreadable = rng.random() < 0.03
        stamp = f"{day.isoformat()}T02:00:{n % 60:02d}Z"
        out.append(
            {
                "id": f"r{seed}-{n}",
                "fingerprint": f"f{n}",
                "record_no": f"NO-{n}",
                "device_id": f"d{n % 3}",
                "form_id": rng.choice(FORMS),
                "form_version": "1",
                "form_sha256": "",
                "verdict": verdict,
                "failed": json.dumps(items),
                "site_code": f"S{rng.randrange(30)}",
                "site_name": "场所",
                "district": rng.choice(DISTRICTS),
                "inspector": rng.choice(INSPECTORS),
                "signer_sha256": "",
                "supersedes": None,
                "canonical": "{}",
                "signature": "{}",
                "bundle_sha256": "b",
                "imported_at": f"{imported.isoformat()}T03:00:00Z",
                "started_at": stamp,
                "finalised_at": stamp,
                "inspected_on": "" if unreadable else day.isoformat(),
                "imported_on": imported.isoformat(),
                "task_id": None,
                "measures": json.dumps(measures),
                "items": items,
            }
        )
    # Corrections: a new id naming an earlier one, finalised later, with other figures.
    for n in range(count // 6):
        old = rng.choice(out)
        later = dt.datetime.fromisoformat(old["finalised_at"].replace("Z", "+00:00")) + dt.timedelta(
            days=rng.randrange(1, 40), seconds=n
        )
        day = later.date().isoformat()
        out.append(
            {
                **old,
                "id": f"c{seed}-{n}",
                "fingerprint": f"fc{n}",
                "supersedes": old["id"],
                "verdict": "pass",
                "failed": "[]",
                "items": [],
                "measures": "[]",
                "district": rng.choice(DISTRICTS),
                "finalised_at": later.isoformat().replace("+00:00", "Z"),
                "inspected_on": day,
                "imported_on": day,
            }
        )
    return out


def batches(rows: list[dict], seed: int) -> list[list[dict]]:
    """The rows shuffled into bundles of random sizes (a correction may come first), and some
    bundles sent again."""
    rng = random.Random(seed)
    rows = rows[:]
    rng.shuffle(rows)
    out: list[list[dict]] = []
    while rows:
        size = rng.randrange(1, 80)
        out.append(rows[:size])
        rows = rows[size:]
    out += [rng.choice(out) for _ in range(3)]
    return out


def random_filters(seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)

    def day() -> str:
        return (dt.date(2023, 12, 20) + dt.timedelta(days=rng.randrange(460))).isoformat()

    found: list[dict[str, str]] = [
        {},
        {"date_from": "2024-03-01", "date_to": "2024-05-31"},  # whole months only
        {"date_from": "2024-03-01"},
        {"date_to": "2024-05-31"},
        {"date_from": "2024-03-15", "date_to": "2024-03-20"},  # inside one month
        {"date_from": "2024-02-29", "date_to": "2024-03-01"},  # two edges, no whole month
        {"date_from": "2024-01-31", "date_to": "2024-12-01"},
    ]
    for _ in range(25):
        f: dict[str, str] = {}
        a, b = sorted((day(), day()))
        if rng.random() < 0.8:
            f["date_from"] = a
        if rng.random() < 0.8:
            f["date_to"] = b
        for key, values in (("form_id", FORMS), ("district", DISTRICTS), ("inspector", INSPECTORS)):
            if rng.random() < 0.3:
                f[key] = rng.choice(values)
        found.append(f)
    return found


def import_all(store, rows: list[dict], seed: int) -> None:
    for batch in batches(rows, seed):
        with store.transaction():
            store.add_records(batch)


def by_hand(rows: list[dict]) -> Counter:
    """Verdicts per procedure of the current records, counted in Python: a record is current
    unless a stored record names it as superseded."""
    stored = {r["id"]: r for r in rows}
    superseded = {r["supersedes"] for r in stored.values() if r["supersedes"]}
    return Counter((r["form_id"], r["verdict"]) for r in stored.values() if r["id"] not in superseded)


@pytest.fixture
def sqlite_store(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as services:
        yield services.office.store


@pytest.fixture
def pg_store(pg_url):
    store = PostgresOfficeStore(pg_url)
    yield store
    store.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_summary_gives_what_the_records_give_on_both_stores(sqlite_store, pg_store, seed):
    rows = random_records(seed)
    pg_store.fold_at = 1 if seed == 1 else 10**9  # deltas folded by every import, or never
    import_all(sqlite_store, rows, seed)
    import_all(pg_store, rows, seed)
    expected = by_hand(rows)
    for store in (sqlite_store, pg_store):
        assert Counter({(f, v): n for f, v, n in store.statistics({})["form"]}) == expected
    for filters in random_filters(seed):
        on_sqlite = sqlite_store.statistics(filters)
        assert on_sqlite == sqlite_store.statistics_from_records(filters), filters
        assert pg_store.statistics(filters) == pg_store.statistics_from_records(filters), filters
        assert pg_store.statistics(filters) == on_sqlite, filters
    assert sum(n for *_k, n in sqlite_store.statistics({})["month"]) == sum(expected.values())


def test_a_rebuilt_summary_is_the_same_and_repairs_a_damaged_one(sqlite_store, pg_store):
    rows = random_records(3, 150)
    for store in (sqlite_store, pg_store):
        import_all(store, rows, 3)
        before = store.statistics({})
        store._run(  # damaged behind the app's back
            "INSERT INTO office_stats (month, form_id, district, inspector, kind, value, n) "
            "VALUES ('2020-01', 'scale', '渝中区', '王检查', 'verdict', 'pass', 5)"
        )
        assert store.statistics({}) != before
        store.rebuild_statistics()
        assert store.statistics({}) == before == store.statistics_from_records({})


def test_month_ranges_split_a_filter_into_whole_months_and_edge_days():
    assert month_ranges("", "") == (("", ""), [])
    assert month_ranges("2024-03-01", "2024-05-31") == (("2024-03", "2024-05"), [])
    assert month_ranges("2024-03-02", "") == (("2024-04", ""), [("2024-03-02", "2024-03-31")])
    assert month_ranges("", "2024-02-28") == (("", "2024-01"), [("2024-02-01", "2024-02-28")])
    assert month_ranges("", "2024-02-29") == (("", "2024-02"), [])  # leap year: the month's last day
    assert month_ranges("2024-03-15", "2024-03-20") == (None, [("2024-03-15", "2024-03-20")])
    assert month_ranges("2024-03-31", "2024-04-01") == (
        None,
        [("2024-03-31", "2024-03-31"), ("2024-04-01", "2024-04-01")],
    )
    assert month_ranges("2024-12-31", "2025-02-01") == (
        ("2025-01", "2025-01"),
        [("2024-12-31", "2024-12-31"), ("2025-02-01", "2025-02-01")],
    )


def test_an_edge_month_mostly_inside_the_range_is_read_whole_less_its_days_outside():
    # 03-02..06-29: March and June whole from the summary, less March 1st and June 30th.
    assert month_pieces("2025-03-02", "2025-06-29") == (
        ("2025-03", "2025-06"),
        [("2025-03-01", "2025-03-01", -1), ("2025-06-30", "2025-06-30", -1)],
    )
    # Half a month or less inside: its days from the records, as before.
    assert month_pieces("2025-03-17", "2025-06-15") == (
        ("2025-04", "2025-05"),
        [("2025-03-17", "2025-03-31", 1), ("2025-06-01", "2025-06-15", 1)],
    )
    assert month_pieces("2025-03-16", "") == (("2025-03", ""), [("2025-03-01", "2025-03-15", -1)])
    assert month_pieces("", "2024-02-27") == (("", "2024-02"), [("2024-02-28", "2024-02-29", -1)])
    # Inside one month: the month less both ends, or the days themselves.
    assert month_pieces("2024-03-02", "2024-03-30") == (
        ("2024-03", "2024-03"),
        [("2024-03-01", "2024-03-01", -1), ("2024-03-31", "2024-03-31", -1)],
    )
    assert month_pieces("2024-03-10", "2024-03-20") == (None, [("2024-03-10", "2024-03-20", 1)])
    # No whole month between two edges: each edge month on its own terms.
    assert month_pieces("2024-03-31", "2024-04-29") == (
        ("2024-04", "2024-04"),
        [("2024-03-31", "2024-03-31", 1), ("2024-04-30", "2024-04-30", -1)],
    )
    assert month_pieces("2024-01-01", "2024-12-31") == (("2024-01", "2024-12"), [])


@pytest.fixture(scope="module")
def bundles(tmp_path_factory) -> tuple[Path, list[Path]]:
    """An office and three enrolled laptops, each with a bundle of signed records."""
    base = tmp_path_factory.mktemp("stats")
    found = []
    with fleet.office(base / "office.sqlite") as office:
        for n in range(3):
            with fleet.laptop(base / f"l{n}.sqlite", name=f"检查员{n}", id_number=f"渝执 6000000{n}") as lap:
                fleet.enrol(office, lap)
                fleet.finalise(lap, serial=f"SC-{n}")
                fleet.bulk(lap, 6, seed=n + 7)
                found.append(fleet.export(lap, base / f"usb{n}").path)
    return base / "office.sqlite", found


def test_sqlite_and_postgresql_give_the_same_statistics_for_the_same_bundles(bundles, pg_url, tmp_path):
    office_file, found = bundles
    district = tmp_path / "office.sqlite"
    shutil.copy(office_file, district)
    consolidated(district, pg_url)  # the city's database: the same office, no records yet
    with open_services(district) as on_sqlite, open_services(pg_url) as on_pg:
        on_sqlite.office.import_bundles(found)
        on_pg.office.import_bundles(found)
        # Up to today in Chongqing, where the records' inspection dates are local: the machine's own
        # date (UTC here) is the day before from 16:00 UTC, which left out every record just made.
        today = local_date(dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for filters in ({}, {"form_id": "scale"}, {"date_to": today}):
            a = on_sqlite.office.statistics.compute(filters)
            b = on_pg.office.statistics.compute(filters)
            a.pop("computed_at"), b.pop("computed_at")
            assert a == b
        assert a["total"] == 21 and a["by_procedure"]


def counted_in_python(rows: list[dict], filters: dict[str, str]) -> dict[str, list[tuple]]:
    """Every grouping of OfficeStore.statistics counted over ``rows`` in Python: the current
    records (no stored record names them as superseded) inside the filter — dates inclusive, a
    record with an unreadable date only when no date is asked —, each failed item and measure
    once per record, the import lag in days (never below 0; None when a date is unreadable)."""
    stored = {r["id"]: r for r in rows}
    superseded = {r["supersedes"] for r in stored.values() if r["supersedes"]}
    counts: Counter = Counter()
    for r in stored.values():
        day = r["inspected_on"]
        if r["id"] in superseded:
            continue
        if filters.get("date_from") and not (day and day >= filters["date_from"]):
            continue
        if filters.get("date_to") and not (day and day <= filters["date_to"]):
            continue
        if any(filters.get(k) and r[k] != filters[k] for k in ("form_id", "district", "inspector")):
            continue
        verdict = r["verdict"]
        counts["form", r["form_id"], verdict] += 1
        counts["district", r["district"], verdict] += 1
        counts["inspector", r["inspector"], verdict] += 1
        counts["month", day[:7], verdict] += 1
        lag = ""  # as the stores key it; None in their answer
        if day and r["imported_on"]:
            lag = str(max(0, (dt.date.fromisoformat(r["imported_on"]) - dt.date.fromisoformat(day)).days))
        counts["lag", lag, ""] += 1
        for item in set(json.loads(r["failed"])):
            counts["item", r["form_id"], item] += 1
        for measure in set(json.loads(r["measures"])):
            counts["measure", measure, ""] += 1
    out: dict[str, list[tuple]] = {
        g: [] for g in ("form", "district", "inspector", "month", "lag", "item", "measure")
    }
    for (g, a, b), n in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), str(kv[0][2]))):
        if g == "lag":
            out[g].append((int(a) if a else None, n))
        else:
            out[g].append((a, n) if g == "measure" else (a, b, n))
    return out


def random_ranges(seed: int, count: int = 40) -> list[dict[str, str]]:
    """Date ranges with partial months at one or both ends (and some whole ones, some open), a
    third with a procedure, district or inspector as well."""
    rng = random.Random(seed)
    found: list[dict[str, str]] = []
    for _ in range(count):
        a, b = sorted(dt.date(2023, 12, 1) + dt.timedelta(days=rng.randrange(470)) for _ in range(2))
        f = {"date_from": a.isoformat(), "date_to": b.isoformat()}
        if rng.random() < 0.15:
            f.pop(rng.choice(("date_from", "date_to")))
        if rng.random() < 0.33:
            key, values = rng.choice((("form_id", FORMS), ("district", DISTRICTS), ("inspector", INSPECTORS)))
            f[key] = rng.choice(values)
        found.append(f)
    return found


@pytest.mark.parametrize("seed", [4, 5])
def test_date_ranges_with_partial_months_give_a_python_count_on_both_stores(sqlite_store, pg_store, seed):
    rows = random_records(seed, 500)
    pg_store.fold_at = 1 if seed == 4 else 10**9
    import_all(sqlite_store, rows, seed)
    import_all(pg_store, rows, seed)
    for filters in [{}, *random_ranges(seed)]:
        expected = counted_in_python(rows, filters)
        assert sqlite_store.statistics(filters) == expected, filters
        assert pg_store.statistics(filters) == expected, filters


def test_partial_months_are_read_from_indexes_on_both_stores(sqlite_store, pg_store):
    """The days at a filter's edges are counted from covering indexes (records, failed items and
    measures) on both stores, never a scan of a table; on PostgreSQL only the edges' year
    partitions are read."""
    rows = random_records(6, 200)
    filters = {"date_from": "2024-03-02", "date_to": "2024-06-29", "district": "渝中区"}
    plans = {}
    for name, store in (("sqlite", sqlite_store), ("postgresql", pg_store)):
        import_all(store, rows, 6)
        ran: list[tuple[str, list]] = []
        real = store._values

        def spy(sql, params=(), real=real, ran=ran):
            ran.append((sql, list(params)))
            return real(sql, params)

        store._values = spy
        assert store.statistics(filters) == counted_in_python(rows, filters)
        del store._values
        [edges] = [(sql, params) for sql, params in ran if "office_record_items" in sql]
        if name == "postgresql":
            store._exec("VACUUM ANALYZE")  # as autovacuum would have by then
            store._exec("SET enable_seqscan = off")  # tiny tables: would an index serve, at scale?
            plans[name] = "\n".join(str(r[0]) for r in store._values("EXPLAIN " + edges[0], edges[1]))
            store._exec("RESET enable_seqscan")
        else:
            plans[name] = "\n".join(
                str(r[-1]) for r in store._values("EXPLAIN QUERY PLAN " + edges[0], edges[1])
            )
    sqlite, pg = plans["sqlite"], plans["postgresql"]
    assert sqlite.count("COVERING INDEX office_records_by_day") == 2, sqlite  # once for each edge
    assert sqlite.count("COVERING INDEX office_record_items_day") == 2, sqlite
    assert sqlite.count("COVERING INDEX office_record_measures_day") == 2, sqlite
    assert "SCAN r\n" not in sqlite + "\n" and "SCAN r " not in sqlite, sqlite
    assert "Seq Scan" not in pg, pg
    assert pg.count("office_record_items_day") == 2 and pg.count("office_record_measures_day") == 2, pg
    read = {line.split(" on ")[1].split()[0] for line in pg.splitlines() if " on office_records" in line}
    assert read and all(name.startswith("office_records_2024") for name in read), pg  # one partition
    assert pg.count("office_records_2024_inspected_on_form_id_district_inspector_idx") == 2, pg

"""Every office query that reads the records through an index still does on PostgreSQL after the
import's indexes were made lighter (issue 15, migration 0006_lighter_record_indexes): the review
queue's counts and pages, the corrected list, the device list, paper matching, corrections,
credit lists, publication, draws, a record by id and the stream in finalisation order.

Each query is the one the store runs (caught as it runs), EXPLAINed on a store holding records of
two years, corrections and tasks, after VACUUM ANALYZE (as autovacuum leaves a loaded table), with
sequential scans priced out as the existing statistics test does: the tables are tiny, and the
question is which index would serve at a million records, not what is cheapest at two thousand.
Partition indexes are named by their parent (`office_records_2024_finalised_at_id_idx` is
`office_records_queue`'s part for 2024)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from db.office.postgres import PostgresOfficeStore

DISTRICTS = ("渝中区", "江北区", "南岸区")


def records(count: int = 2000) -> list[dict[str, Any]]:
    """Records over two years from six laptops, a tenth answering an office task, and
    corrections of a twentieth of them."""
    rng = random.Random(15)
    out: list[dict[str, Any]] = []
    for n in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        verdict = rng.choice(("pass", "pass", "pass", "fail"))
        stamp = f"{day.isoformat()}T02:{n % 60:02d}:{n % 59:02d}Z"
        out.append(
            {
                "id": f"r-{n:05d}",
                "fingerprint": f"f-{n:05d}",
                "record_no": f"{day:%Y%m%d}-{n:05d}",
                "device_id": f"laptop-{n % 6}",
                "form_id": rng.choice(("scale", "taxi_meter", "fuel_dispenser")),
                "form_version": "1",
                "form_sha256": "",
                "verdict": verdict,
                "failed": json.dumps(["seal"] if verdict == "fail" else []),
                "site_code": f"91500100{rng.randrange(300):010d}",
                "site_name": "场所",
                "district": rng.choice(DISTRICTS),
                "inspector": f"检查员{n % 6}",
                "signer_sha256": "",
                "started_at": stamp,
                "finalised_at": stamp,
                "supersedes": None,
                "canonical": "{}",
                "signature": "{}",
                "bundle_sha256": "b",
                "imported_at": f"{day.isoformat()}T09:00:00Z",
                "inspected_on": day.isoformat(),
                "imported_on": day.isoformat(),
                "task_id": f"task-{n}" if n % 10 == 0 else None,
                "measures": json.dumps(["stop_use"] if verdict == "fail" else []),
                "items": ["seal"] if verdict == "fail" else [],
            }
        )
    for n, old in enumerate(out[: count // 20]):
        out.append(
            {
                **old,
                "id": f"c-{n:05d}",
                "fingerprint": f"fc-{n:05d}",
                "supersedes": old["id"],
                "finalised_at": old["finalised_at"].replace("T02:", "T05:"),
            }
        )
    return out


@pytest.fixture(scope="module")
def store(pg_cluster) -> Iterator[PostgresOfficeStore]:
    url = pg_cluster.url()
    s = PostgresOfficeStore(url)
    rows = records()
    for start in range(0, len(rows), 500):
        with s.transaction():
            s.add_records(rows[start : start + 500])
    s._exec("VACUUM ANALYZE")
    yield s
    s.close()
    pg_cluster.drop(url)


def parents(store: PostgresOfficeStore) -> dict[str, str]:
    """Partition index name → its parent index's name."""
    return {
        str(child): str(parent)
        for child, parent in store._tuples(
            "SELECT c.relname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_class p ON p.oid = i.inhparent WHERE c.relkind = 'i'"
        )
    }


def plans(store: PostgresOfficeStore, run: Callable[[], object]) -> list[str]:
    """The plans of the statements reading office_records that ``run`` makes the store run,
    partition indexes named by their parent."""
    ran: list[tuple[str, list[Any]]] = []
    real_rows, real_tuples = store._rows, store._tuples

    def rows_spy(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        ran.append((sql, list(params)))
        return real_rows(sql, params)

    def tuples_spy(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        ran.append((sql, list(params)))
        return real_tuples(sql, params)

    store._rows, store._tuples = rows_spy, tuples_spy  # type: ignore[method-assign]
    try:
        run()
    finally:
        del store._rows, store._tuples
    names = parents(store)
    found = []
    store._exec("SET enable_seqscan = off")
    try:
        for sql, params in ran:
            if "office_records" not in sql:
                continue
            plan = "\n".join(str(r[0]) for r in store._tuples("EXPLAIN " + sql, params))
            found.append(re.sub(r"\b(office_records_\w+)\b", lambda m: names.get(m[1], m[1]), plan))
    finally:
        store._exec("RESET enable_seqscan")
    assert found, "the store read no record"
    return found


def the_plan(store: PostgresOfficeStore, run: Callable[[], object]) -> str:
    [plan] = plans(store, run)
    assert "Seq Scan on office_records" not in plan, plan
    return plan


def sorts(plan: str) -> bool:
    """A Sort node in ``plan`` before its sub-plans (not a Merge Append's sort key: that merges
    partitions read in order)."""
    return re.search(r"(^|->)\s*Sort\s+\(cost", plan.split("SubPlan")[0], re.M) is not None


def reads_records_only_from(plan: str, *indexes: str) -> bool:
    """Every read of the records in ``plan`` is through one of ``indexes`` (in the partitions
    holding records: an empty one has no statistics to choose an index by)."""
    lines = plan.splitlines()
    used: list[str | None] = []
    for at, line in enumerate(lines):
        if not re.search(r" on office_records_202[45]\b", line):
            continue
        if found := re.search(r"Index (?:Only )?Scan(?: Backward)? using (\w+) on", line):
            used.append(found[1])
        elif "Bitmap Heap Scan" in line:  # its index is the next Bitmap Index Scan
            used.append(
                next((m[1] for x in lines[at:] if (m := re.search(r"Bitmap Index Scan on (\w+)", x))), None)
            )
        else:
            used.append(None)
    return bool(used) and all(u in indexes for u in used)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "received"},
        {"district": "渝中区"},
        {"inspector": "检查员1", "verdict": "fail", "form_id": "scale"},
        {"date_from": "2024-03-02", "date_to": "2024-06-29", "status": "approved"},
    ],
)
def test_the_review_queue_counts_current_records_from_the_statistics_index_alone(store, filters):
    plan = the_plan(store, lambda: store.review_count(filters))
    assert "Index Only Scan using office_records_stats" in plan, plan
    assert reads_records_only_from(plan, "office_records_stats"), plan


def test_the_corrected_list_is_counted_and_paged_from_its_own_index(store):
    count = the_plan(store, lambda: store.review_count({"status": "corrected"}))
    assert "Index Only Scan using office_records_corrected" in count, count
    page = the_plan(store, lambda: store.review_page({"status": "corrected"}, offset=0, limit=50))
    assert reads_records_only_from(page, "office_records_corrected"), page
    assert not sorts(page), page  # read in the page's order
    assert len(store.review_page({"status": "corrected"}, offset=0, limit=500)) == 100


@pytest.mark.parametrize("filters", [{}, {"district": "南岸区"}, {"status": "received", "form_id": "scale"}])
def test_a_review_page_is_read_in_its_order_from_the_queue_index(store, filters):
    plan = the_plan(store, lambda: store.review_page(filters, offset=20, limit=50))
    assert reads_records_only_from(plan, "office_records_queue"), plan
    assert not sorts(plan), plan  # no sort of the matching records
    rows = store.review_page(filters, offset=0, limit=70)
    assert [(r["finalised_at"], r["id"]) for r in rows] == sorted(
        ((r["finalised_at"], r["id"]) for r in rows), key=lambda k: (k[0], k[1]), reverse=False
    )[::-1] or rows == []


def test_the_device_list_counts_records_from_the_device_index(store):
    [plan] = plans(store, store.devices)
    assert reads_records_only_from(plan, "office_records_device"), plan


def test_records_known_from_paper_are_matched_by_number(store):
    store.note_paper_known(
        {
            "fingerprint": "f-00007",
            "record_no": store.record("r-00007")["record_no"],
            "form_id": "scale",
            "site_code": "x",
            "item": "",
            "inspected_on": "2024-01-01",
            "verdict": "pass",
            "figures": "{}",
            "signer_sha256": "",
            "signer": "",
            "summary": "",
            "source": "qr",
            "seen_at": "2024-01-02T00:00:00Z",
        }
    )
    plan = the_plan(store, lambda: store.paper_known(overdue_before="2024-01-01"))
    assert reads_records_only_from(plan, "office_records_record_no"), plan


def test_a_sites_credit_list_reads_its_records_from_the_site_index(store):
    site = store.record("r-00011")["site_code"]
    plan = the_plan(store, lambda: list(store.entity_checks(since="2024-01-01", credit_code=site)))
    assert reads_records_only_from(plan, "office_records_site"), plan


def test_publication_and_draws_find_a_tasks_record_from_the_task_index(store):
    publication = the_plan(store, lambda: store.publication_rows(date_from="2024-01-01"))
    assert reads_records_only_from(publication, "office_records_task"), publication
    draw = the_plan(store, lambda: store.draw_tasks("draw-1"))
    assert reads_records_only_from(draw, "office_records_task"), draw


def test_a_record_its_review_and_its_corrections_are_found_by_id(store):
    plan = the_plan(store, lambda: store.record("r-00042"))
    assert reads_records_only_from(plan, "office_records_pkey"), plan
    names = parents(store)
    store._exec("SET enable_seqscan = off")
    try:
        for sql in (
            "UPDATE office_records SET review_status = 'approved' WHERE id = 'r-00042'",
            "UPDATE office_records o SET superseded_by = 'c-00001' WHERE o.id = 'r-00001'",
        ):
            plan = "\n".join(str(r[0]) for r in store._tuples("EXPLAIN " + sql))
            plan = re.sub(r"\b(office_records_\w+)\b", lambda m: names.get(m[1], m[1]), plan)
            assert "Seq Scan" not in plan and "office_records_pkey" in plan, plan
    finally:
        store._exec("RESET enable_seqscan")


def test_the_records_stream_in_finalisation_order_from_the_queue_index(store):
    names = parents(store)
    store._exec("SET enable_seqscan = off")
    try:
        plan = "\n".join(
            str(r[0]) for r in store._tuples("EXPLAIN SELECT * FROM office_records ORDER BY finalised_at")
        )
    finally:
        store._exec("RESET enable_seqscan")
    plan = re.sub(r"\b(office_records_\w+)\b", lambda m: names.get(m[1], m[1]), plan)
    assert not sorts(plan) and reads_records_only_from(plan, "office_records_queue"), plan
    streamed = [r["finalised_at"] for r in store.iter_records()]
    assert streamed == sorted(streamed) and len(streamed) == 2100

"""Office queries on SQLite that must find their records from the right index, each caught as
the store runs it and EXPLAINed (docs/performance.md, session 6):

- publication (公开) over a date range: the draws' tasks lead and each task's records come from
  the task index, the dates tested on them. Before, SQLite read the whole date range of
  `office_records_by_day` again for every task — tasks × records: on a 200,000-record office with
  12,982 tasks, four months' publication did not answer in ten minutes;
- the review queue's 已更正 list: from `office_records_corrected` (migration 0007), not a walk of
  every record in finalisation order (about a second at 200,000 records, even with none to show)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.core import fleet
from tests.db.test_office_postgres_plans import records

FROM, TO = "2024-03-01", "2024-09-30"


def the_plan(store: Any, run: Callable[[], Any]) -> tuple[Any, list[str]]:
    """What ``run`` returns, and the EXPLAIN QUERY PLAN steps of the one query it made the store
    run (caught as the store ran it)."""
    ran: list[tuple[str, list[Any]]] = []
    real = store._all

    def spy(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        ran.append((sql, list(params)))
        return real(sql, params)

    store._all = spy
    try:
        result = run()
    finally:
        store._all = real
    [(sql, params)] = ran
    return result, [str(r[-1]) for r in store._db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_publication_over_dates_finds_each_tasks_records_from_the_task_index(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as services:
        store = services.office.store
        rows = records(1200)  # two years; a tenth answer a task; a twentieth corrected
        with store.transaction():
            store.add_records(rows)
        store.add_draw(
            {
                "id": "draw-1", "plan_id": "plan-1", "plan_name": "2024 年衡器抽查",
                "plan_date": "2024-01-02", "form_id": "scale", "witness": "见证人", "seed": "s",
                "algorithm": "a", "entities_sha256": "e", "inspectors_sha256": "i", "population": 100,
                "selected": 10, "assigned": 10, "document": b"{}", "created_at": "2024-01-02T00:00:00Z",
            }
        )  # fmt: skip
        tasks = sorted({r["task_id"] for r in rows if r["task_id"]})
        task = {"device_id": "laptop-0", "payload": "{}", "created_at": "2024-01-02", "draw_id": "draw-1"}
        store.add_tasks({**task, "task_id": t} for t in tasks)
        got, plan = the_plan(store, lambda: store.publication_rows(date_from=FROM, date_to=TO))

    assert any("SCAN t" in step for step in plan), plan
    [records_step] = [step for step in plan if step.startswith("SEARCH r ")]
    assert "office_records_task (task_id=?)" in records_step, plan
    superseded = {r["supersedes"] for r in rows if r["supersedes"]}
    current = [r for r in rows if r["task_id"] and r["id"] not in superseded]
    expected = {r["id"] for r in current if FROM <= r["inspected_on"] <= TO}
    assert expected and {g["id"] for g in got} == expected
    assert [g["inspected_on"] for g in got] == sorted(g["inspected_on"] for g in got)


def test_the_corrected_list_reads_the_corrected_records_index(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as services:
        store = services.office.store
        rows = records(1200)
        with store.transaction():
            store.add_records(rows)
        filters = {"status": "corrected"}
        page, plan = the_plan(store, lambda: store.review_page(filters, offset=0, limit=20))
        count = store.review_count(filters)
    assert plan[0] == "SCAN r USING INDEX office_records_corrected", plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # the index's order, no sort
    named = {r["supersedes"] for r in rows if r["supersedes"]}
    superseded = sorted((r for r in rows if r["id"] in named), key=lambda r: r["id"])
    newest_first = sorted(superseded, key=lambda r: r["finalised_at"], reverse=True)  # then by id
    assert count == len(superseded) == 60
    assert [p["id"] for p in page] == [r["id"] for r in newest_first[:20]]

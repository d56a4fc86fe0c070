"""Statistics (spec/office.md, "Statistics") agree with a direct count of the records, on
generated data whose rates are known; superseded records count once; filters, failed items,
measures and the import delay; the charts are real matplotlib figures and the PDF carries them."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal

import pytest

from inspector_app.office import synthetic
from inspector_app.office.dates import local_date
from tests.core import fleet

N = 4000
SPEC = synthetic.Spec(records=N, days=400, entities=300, inconclusive_every=0)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    path = tmp_path_factory.mktemp("stats") / "office.sqlite"
    with fleet.office(path) as services:
        assert synthetic.fill(services.office.store, SPEC) == N
    return path


@pytest.fixture
def services(office):
    from inspector_app.services import open_services

    with open_services(office) as services:
        yield services


def direct(rows, key):
    """The count done by hand: verdicts per key over the generated rows."""
    out: dict[str, Counter] = {}
    for r in rows:
        out.setdefault(key(r), Counter())[r["verdict"]] += 1
    return out


def test_known_rates_are_found(services):
    stats = services.office.statistics.compute()
    assert stats["total"] == N
    rates = {row["key"]: row["pass_rate"] for row in stats["by_procedure"]}
    # The generator passes exactly the given share of each procedure's 1,000 records.
    assert rates == {
        "fuel_dispenser": "95.00",
        "taxi_meter": "90.00",
        "scale": "85.00",
        "net_content": "93.00",
    }
    assert stats["pass_rate"] == "90.75"  # (950 + 900 + 850 + 930) / 4000
    net = next(r for r in stats["by_procedure"] if r["key"] == "net_content")
    assert net["reference_rate"] == "93" and "93 %" in net["reference"]


@pytest.mark.parametrize(
    ("group", "key"),
    [
        ("by_procedure", lambda r: r["form_id"]),
        ("by_district", lambda r: r["district"]),
        ("by_month", lambda r: r["inspected_on"][:7]),
        ("by_inspector", lambda r: r["inspector"]),
    ],
)
def test_every_grouping_equals_a_direct_count(services, group, key):
    expected = direct(synthetic.rows(SPEC), key)
    stats = services.office.statistics.compute()
    got = {
        row["key"]: Counter({v: row[v] for v in ("pass", "fail", "inconclusive") if row[v]})
        for row in stats[group]
    }
    assert got == expected
    for row in stats[group]:
        assert Decimal(row["pass_rate"]) == (Decimal(row["pass"]) * 100 / row["total"]).quantize(
            Decimal("0.01")
        )


def test_filters_equal_a_direct_count(services):
    rows = [
        r
        for r in synthetic.rows(SPEC)
        if r["district"] == "渝中区" and "2024-03-01" <= r["inspected_on"] <= "2024-08-31"
    ]
    stats = services.office.statistics.compute(
        {"district": "渝中区", "date_from": "2024-03-01", "date_to": "2024-08-31"}
    )
    assert stats["total"] == len(rows) > 0
    assert stats["fail"] == sum(r["verdict"] == "fail" for r in rows)
    assert {r["key"] for r in stats["by_district"]} == {"渝中区"}


def test_failed_items_measures_and_delay_equal_a_direct_count(services):
    rows = list(synthetic.rows(SPEC))
    items = Counter((r["form_id"], i) for r in rows for i in json.loads(r["failed"]))
    measures = Counter(m for r in rows for m in json.loads(r["measures"]))
    stats = services.office.statistics.compute()
    assert [(r["form_id"], r["item"], r["records"]) for r in stats["top_failed_items"]] == [
        (f, i, n) for (f, i), n in sorted(items.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    assert {r["measure"]: r["records"] for r in stats["measures"]} == dict(measures)
    delays = sorted(
        (dt.date.fromisoformat(local_date(r["imported_at"])) - dt.date.fromisoformat(r["inspected_on"])).days
        for r in rows
    )
    delay = stats["import_delay"]
    assert (delay["records"], delay["max_days"], delay["median_days"]) == (
        N,
        delays[-1],
        delays[(N + 1) // 2 - 1],
    )
    assert Decimal(delay["mean_days"]) == (Decimal(sum(delays)) / N).quantize(Decimal("0.1"))


def test_a_correction_counts_once(tmp_path):
    """A record and the correction that supersedes it are one check: the correction's verdict."""
    with fleet.office(tmp_path / "o.sqlite") as services:
        store = services.office.store
        first, second = list(
            synthetic.rows(synthetic.Spec(records=2, pass_rates=tuple((f, 0.0) for f in synthetic.FORMS)))
        )
        second = {
            **second,
            "form_id": first["form_id"],
            "supersedes": first["id"],
            "verdict": "pass",
            "items": [],
            "failed": "[]",
            "measures": "[]",
        }
        with store.transaction():
            store.add_records([first])
        assert services.office.statistics.compute()["fail"] == 1
        with store.transaction():
            store.add_records([second])
        stats = services.office.statistics.compute()
        assert (stats["total"], stats["pass"], stats["fail"], stats["top_failed_items"]) == (1, 1, 0, [])
        # The review queue shows the old record as corrected, the new one as received.
        assert services.office.review.count({"status": "corrected"}) == 1
        [row] = services.office.review.page({"status": "corrected"})
        assert (row["id"], row["loop"], row["corrected_by"]) == (first["id"], "corrected", second["id"])


def test_a_record_arriving_after_its_correction_is_history(tmp_path):
    with fleet.office(tmp_path / "o.sqlite") as services:
        store = services.office.store
        first, second = synthetic.rows(synthetic.Spec(records=2))
        second = {**second, "supersedes": first["id"]}
        with store.transaction():
            store.add_records([second])
            store.add_records([first])
        assert services.office.statistics.compute()["total"] == 1


def test_bad_filters_are_refused(services):
    from inspector_app.services import ValidationFailed

    with pytest.raises(ValidationFailed) as caught:
        services.office.statistics.compute({"date_from": "2024-13-01"})
    assert caught.value.errors[0].field == "date_from"
    with pytest.raises(ValidationFailed):
        services.office.statistics.compute({"date_from": "2025-01-01", "date_to": "2024-01-01"})


def test_the_report_pdf_has_the_charts_and_the_reference_line(services):
    import io

    import pypdf

    from inspector_app.office import charts

    stats = services.office.statistics.compute()
    figures = charts.figures(stats)
    assert set(figures) == {"procedure", "district", "month", "inspector", "items", "measures"}
    # The 93 % reference is drawn on the procedure chart: a dashed line at x = 93 across the
    # net-content bar, labelled.
    ax = figures["procedure"].axes[0]
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and set(dashed[0].get_xdata()) == {93.0}
    assert any("93" in t.get_text() for t in ax.texts)
    _stats, pdf = services.office.statistics.report_pdf()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "计量监督检查统计报告" in text and "90.75 %" in text and "定量包装商品净含量" in text
    images = sum(len(page.images) for page in reader.pages)
    assert images == 6


def test_the_filter_choices_are_the_distinct_values_of_current_records(services):
    """The 审核 and 统计 filter boxes (a loose index scan, one seek per value) offer exactly the
    distinct districts, inspectors and procedures of the current records, sorted."""
    store = services.office.store
    conn = services.conn
    expected = {
        column: [
            v
            for (v,) in conn.execute(
                f"SELECT DISTINCT {column} FROM office_records "
                f"WHERE superseded_by IS NULL AND {column} <> '' ORDER BY {column}"
            )
        ]
        for column in ("district", "inspector", "form_id")
    }
    assert all(len(values) > 1 for values in expected.values())
    assert store.review_choices() == expected


def test_a_rate_below_its_own_target_is_never_drawn_green():
    """定量包装商品净含量 at 91.67 % under its 93 % target line was drawn green (the fixed 90 %
    threshold); each bar's colour now follows its own target, exactly at it is green."""
    from matplotlib.colors import to_hex

    from inspector_app.office import charts

    rows = [
        {"key": "net_content", "label": "定量包装商品净含量", "total": 12, "pass_rate": "91.67"},
        {"key": "scale", "label": "集贸市场/超市衡器", "total": 16, "pass_rate": "93.00"},
        {"key": "taxi_meter", "label": "出租车计价器", "total": 8, "pass_rate": "75.00"},
        {"key": "fuel_dispenser", "label": "加油机", "total": 8, "pass_rate": "91.67"},
    ]
    targets = {"net_content": "93", "scale": "93", "taxi_meter": "95"}
    fig = charts.rate_bars(rows, title="按检查项目的合格率", references=targets)
    colours = [to_hex(bar.get_facecolor()) for bar in fig.axes[0].patches]
    assert colours == [charts.INCONCLUSIVE, charts.PASS, charts.FAIL, charts.PASS]

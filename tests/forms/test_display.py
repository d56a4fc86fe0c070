"""Display rounding (spec README, "Product decisions: General"): GB/T 8170 once, half-even on the
absolute value; a shown value never contradicts its verdict — more digits until the side of the
limit is visible."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import load_definition
from forms.display import cell_text, shown, shown_pair

AT_MOST_010 = lambda x: x <= Decimal("0.10")  # noqa: E731 - repeatability ≤ 0.10 % (README)
WITHIN_030 = lambda x: abs(x) <= Decimal("0.30")  # noqa: E731 - indication error ±0.30 %


@pytest.mark.parametrize(
    ("value", "quantum", "expected"),
    [
        ("0.125", "0.01", "0.12"),  # half to even
        ("0.135", "0.01", "0.14"),
        ("-0.125", "0.01", "-0.12"),  # on the absolute value
        ("0.12501", "0.01", "0.13"),  # once, from the full value
        ("-0.004", "0.01", "0.00"),  # never "-0.00"
        ("49.958959", "0.001", "49.959"),
        ("7.0", "0.5", "7.0"),  # a quantum of 0.1e = 0.5 g
        ("7.25", "0.5", "7.0"),  # 14.5 → 14: half to even
        ("7.75", "0.5", "8.0"),
    ],
)
def test_gbt8170_once_half_even_on_the_absolute_value(value, quantum, expected):
    assert shown(Decimal(value), quantum) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.1025", "0.1025"),  # the spec's example: failed, never "0.10" under "≤ 0.10 %"
        ("0.102514792899408284023668639053254437869", "0.1025"),  # 0.173225/1.69-ish: guard digit
        ("0.10001", "0.10001"),
        ("0.1000000001", "0.1000000001"),
        ("0.1", "0.10"),  # on the limit: passes, shown at the resolution
        ("0.0999", "0.10"),  # passes, and "0.10" is on the limit, which passes
        ("0.1049", "0.1049"),  # 0.105 shows the side; one guard digit more
        ("0.13", "0.13"),
    ],
)
def test_a_failed_value_never_shows_on_the_passing_side(value, expected):
    assert shown(value, "0.01", AT_MOST_010) == expected


@pytest.mark.parametrize(
    ("value", "truth", "expected"),
    [
        ("0.300004", None, "+0.300004"),  # fails: "+0.30" would read as on the limit
        ("-0.30000000000000000001", None, "-0.30000000000000000001"),
        ("0.2999", None, "+0.30"),  # passes: on the limit passes
        ("0.3", None, "+0.30"),
        ("0.30", False, "+0.30"),  # a verdict the display cannot show (rounded mode): full value
    ],
)
def test_indication_error_with_sign(value, truth, expected):
    assert shown(value, "0.01", WITHIN_030, truth, sign=True) == expected


def test_the_verdict_decides_which_side_is_shown():
    """limit_comparison = rounded: 0.304 % passes (rounded 0.30); its display agrees at 0.30."""
    assert shown("0.304", "0.01", WITHIN_030, True) == "0.30"
    assert shown("0.304", "0.01", WITHIN_030, False) == "0.304"


@pytest.mark.parametrize(
    ("mean", "limit", "passed", "expected"),
    [
        ("494.3641", "494.3642", False, ("494.3641", "494.3642")),  # 494.36 ≥ 494.36 would read pass
        ("494.3643", "494.3642", True, ("494.36", "494.36")),  # equal shown values pass: consistent
        ("501.730769", "494.364214", True, ("501.73", "494.36")),  # NC-1
    ],
)
def test_a_mean_and_its_limit_shown_on_the_side_of_the_verdict(mean, limit, passed, expected):
    assert shown_pair(mean, limit, "0.01", lambda a, b: a >= b, passed) == expected


def test_cells_of_each_procedure_use_the_spec_resolution_and_limit():
    fuel = load_definition("fuel_dispenser")
    run = {"v_b": Decimal("49.93"), "v_bt": Decimal("49.958959"), "error_pct": Decimal("0.300004")}
    assert cell_text(fuel, "flow_points[].runs[]", "v_bt", run, {}) == "49.959"
    assert (
        cell_text(fuel, "flow_points[].runs[]", "error_pct", {**run, "exceeds_mpe": True}, {}) == "+0.300004"
    )
    taxi = load_definition("taxi_meter")
    test = {"error_pct": Decimal("1.000040"), "verdict": "fail"}
    assert cell_text(taxi, "distance_tests[]", "error_pct", test, {}) == "+1.00004"
    assert cell_text(
        taxi, "distance_tests[]", "error_pct", {"error_pct": "-0.5964", "verdict": "pass"}, {}
    ) == ("-0.60")
    scale = load_definition("scale")
    weighing = {"p": "15012.5", "error": "12.5", "corrected_error": "15.05", "mpe": "15.0", "verdict": "fail"}
    assert cell_text(scale, "weighings[]", "corrected_error", weighing, {"e": "5"}) == "+15.05"
    assert cell_text(scale, "weighings[]", "p", weighing, {"e": "5"}) == "15012.5"
    net = load_definition("net_content")
    package = {"shortage": "15.04", "class": "t1"}
    assert cell_text(net, "packages[]", "shortage", package, {"t": "15.0"}) == "15.04"
    assert (
        cell_text(net, "packages[]", "shortage", {"shortage": "14.96", "class": "ok"}, {"t": "15.0"})
        == "15.0"
    )


def test_a_lots_figures_read_as_its_summary_table_prints_them():
    """A lot of 300 at 5 kg (net_content.md §B.3, §B.5): the plan before any sample, unjudged;
    the mean judged only once evaluated, ✗ when it fails (36 packages short by more than T)."""
    import forms
    from forms.display import figures
    from forms.errors import Incomplete
    from inspector_app.evaluation import jsonable

    defn = load_definition("net_content")
    lot = {"form": "net_content", "quantity": "mass", "nominal": "5000", "lot_size": "300"}
    with pytest.raises(Incomplete) as info:
        forms.evaluate({**lot, "samples": []})
    plan = jsonable(info.value.partial)
    got = figures(defn, ("sample_size", "t", "two_t", "lambda", "mean"), plan, (), "zh", lambda _p: "mass")
    assert [(f.name, f.text, f.verdict) for f in got] == [
        ("样本量 n", "50", None),
        ("允许短缺量 T (g)", "75", None),
        ("2T (g)", "150", None),
        ("λ", "0.379", None),
    ]  # no mean before the samples
    done = forms.evaluate({**lot, "samples": [{"net": str(4920 + i % 7)} for i in range(50)]})
    results, failed = jsonable(done.results), done.failed
    got = {
        f.key: f
        for f in figures(defn, ("k1", "mean", "s", "mean_limit"), results, failed, "zh", evaluated=True)
    }
    assert (got["k1"].text, got["k1"].verdict) == ("36", "fail")
    assert (got["mean"].name, got["mean"].text, got["mean"].verdict) == ("平均实际含量", "4922.94", "fail")
    assert got["s"].verdict is None and got["mean_limit"].verdict is None

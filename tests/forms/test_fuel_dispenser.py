"""Fuel dispensers, JJG 443-2023: fuel_dispenser.md §2.4–2.6 and the spec README decisions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import InputError
from forms.numbers import CONTEXT
from tests.forms.examples import F1_RUNS
from tests.forms.helpers import D, close, run


def check(runs, **extra):
    return {
        "form": "fuel_dispenser",
        "fuel": extra.pop("fuel", "gasoline"),
        "measure_material": extra.pop("measure_material", "stainless_steel"),
        "flow_points": [{"runs": runs}],
        **extra,
    }


def no_temp(v_j: str, v_b: str) -> dict[str, str]:
    return {"v_j": v_j, "v_b": v_b}


def test_f1_pass_with_temperature_correction():
    """F1: V_Bt, E per run, mean and repeatability as printed in §2.6."""
    r = run(check(F1_RUNS))
    point = r.results["flow_points"][0]
    assert [run_["v_bt"] for run_ in point["runs"]] == [D("49.9589594"), D("49.97372625"), D("49.9834812")]
    assert [
        close(x["error_pct"], e) for x, e in zip(point["runs"], ("0.0821", "0.0526", "0.0731"), strict=True)
    ] == [True] * 3
    assert close(point["mean_error_pct"], "0.0693")
    assert close(point["repeatability_pct"], "0.0175")
    assert (r.verdict, r.failed) == ("pass", [])


def test_f1_from_neck_readings_gives_the_same_volumes():
    """F1 variant: 50.000 L at h_0 = 100.0 mm, d = 5.0 mL/mm; 86/90/92 mm → 49.930/49.950/49.960."""
    neck = {"v0": "50.000", "h0_mm": "100.0", "d_ml_per_mm": "5.0"}
    r = run(check([{"v_j": "50.00", "neck": {**neck, "h_mm": h}} for h in ("86.0", "90.0", "92.0")]))
    assert [x["v_b"] for x in r.results["flow_points"][0]["runs"]] == [D("49.93"), D("49.95"), D("49.96")]


def test_f0_published_example_recomputed():
    """F0: V_B = 19.938 L, factor 1.00135, V_Bt = 19.964916 L, E = +0.1757 % (not the forum's −0.05)."""
    r = run(
        check(
            [
                {
                    "v_j": "20.00",
                    "t_j": "24",
                    "t_b": "23",
                    "neck": {"v0": "20.00", "h0_mm": "69", "d_ml_per_mm": "2", "h_mm": "38"},
                }
            ]
        )
    )
    run0 = r.results["flow_points"][0]["runs"][0]
    assert run0["v_b"] == D("19.938")
    assert close(run0["v_bt"], "19.964916", 6)
    assert close(run0["error_pct"], "0.1757")
    assert r.results["flow_points"][0]["repeatability_pct"] is None  # one run: no repeatability
    assert r.verdict == "pass"


def test_f0b_exam_example_fails_error_and_repeatability():
    """F0b: no temperature correction; mean +0.4585 %, E_r 0.1305 % → both items fail."""
    neck = {"v0": "19.75", "h0_mm": "68.3", "d_ml_per_mm": "2.1"}
    r = run(
        check(
            [
                {"v_j": v, "neck": {**neck, "h_mm": h}}
                for v, h in (("19.77", "37.4"), ("19.82", "67.6"), ("20.00", "132.2"))
            ]
        )
    )
    point = r.results["flow_points"][0]
    assert [x["v_b"] for x in point["runs"]] == [D("19.68511"), D("19.74853"), D("19.88419")]
    assert [
        close(x["error_pct"], e) for x, e in zip(point["runs"], ("0.4312", "0.3619", "0.5824"), strict=True)
    ] == [True] * 3
    assert close(point["mean_error_pct"], "0.4585")
    assert close(point["repeatability_pct"], "0.1305")
    assert r.failed == ["indication_error", "repeatability"]


def test_f3a_error_exactly_on_the_limit_passes():
    """F3a: 20.06 against 20.00 is +0.300 % exactly: the limit passes."""
    r = run(check([no_temp("20.06", "20.00")]))
    assert r.results["flow_points"][0]["mean_error_pct"] == D("0.3")
    assert r.verdict == "pass"


@pytest.mark.parametrize(
    ("v_j", "v_b", "verdict"),
    [
        ("19.94", "20.00", "pass"),  # −0.300 % exactly, the other sign
        ("20.07", "20.00", "fail"),  # +0.35 %
        ("19.93", "20.00", "fail"),  # −0.35 %
        ("100.29", "100.00", "pass"),  # just inside
        ("100.31", "100.00", "fail"),  # just outside
    ],
)
def test_indication_error_limit_both_signs(v_j, v_b, verdict):
    assert run(check([no_temp(v_j, v_b)])).verdict == verdict


def test_f3b_just_below_limit_passes_under_both_comparisons():
    """F3b: 100.31 against V_Bt 100.01 is +0.29997 %: passes full and rounded."""
    for mode in ("full", "rounded"):
        r = run(check([no_temp("100.31", "100.01")]), limit_comparison=mode)
        assert close(r.results["flow_points"][0]["mean_error_pct"], "0.29997", 5)
        assert r.verdict == "pass"


def test_comparison_setting_flips_a_value_just_over_the_limit():
    """+0.30100… % fails on full precision, passes when the recorded 0.30 % is compared (§2.5)."""
    data = check([no_temp("100.30", "99.999")])
    assert run(data).verdict == "fail"
    assert run(data, limit_comparison="rounded").verdict == "pass"
    assert run({**data, "options": {"limit_comparison": "rounded"}}).verdict == "pass"


def test_f3d_repeatability_exactly_on_the_limit_passes():
    """F3d: errors 0.000, +0.100, +0.169 % → E_r = 0.169/1.69 = 0.1000 % → pass. A dispenser
    shows V_J to 0.01 L (§2.2 step 4), so on a 1000 L measure: errors 0.000, −0.100, −0.169 %."""
    r = run(check([no_temp("1000.00", "1000"), no_temp("999.00", "1000"), no_temp("998.31", "1000")]))
    assert r.results["flow_points"][0]["repeatability_pct"] == D("0.1")
    assert r.verdict == "pass"


def test_f4_repeatability_fails_with_errors_in_band():
    """F4: −0.12, +0.05, +0.08 % → mean +0.0033 %, E_r 0.1183 % → repeatability fails."""
    r = run(check([no_temp("99.88", "100"), no_temp("100.05", "100"), no_temp("100.08", "100")]))
    point = r.results["flow_points"][0]
    assert close(point["mean_error_pct"], "0.0033")
    assert close(point["repeatability_pct"], "0.1183")
    assert r.failed == ["repeatability"]


def test_point_error_rule_mean_each_run_both():
    """A run at +0.32 % in a point whose mean is +0.29 %: flagged; fails only under each_run/both."""
    data = check([no_temp("100.32", "100"), no_temp("100.30", "100"), no_temp("100.25", "100")])
    r = run(data)
    assert r.verdict == "pass"
    assert [x["exceeds_mpe"] for x in r.results["flow_points"][0]["runs"]] == [True, False, False]
    assert run(data, point_error_rule="each_run").failed == ["indication_error"]
    assert run(data, point_error_rule="both").failed == ["indication_error"]


@pytest.mark.parametrize(
    ("n", "coefficient"),
    [(3, "1.69"), (4, "2.06"), (5, "2.33"), (6, "2.53"), (7, "2.70"), (8, "2.85"), (9, "2.97")],
)
def test_repeatability_uses_the_range_coefficient_of_the_number_of_runs(n, coefficient):
    """README "Fuel dispenser": E_r = (E_max − E_min)/C_n with C_n by n (JJF 1059.1). A range of
    exactly 0.10 × C_n % is on the limit and passes; 0.001 % more fails (issue 12: 1.69 was used
    whatever n)."""
    limit_range = Decimal("0.1") * Decimal(coefficient)  # in %; on V_B = 1000 L, E % = (V_J − 1000)/10
    for extra, verdict in ((Decimal(0), "pass"), (Decimal("0.001"), "fail")):
        low = Decimal(1000) - 10 * (limit_range + extra)  # V_J to 0.01 L (§2.2 step 4)
        runs = [no_temp("1000", "1000"), no_temp(str(low), "1000")] + [no_temp("999.50", "1000")] * (n - 2)
        r = run(check(runs))
        point = r.results["flow_points"][0]
        assert point["repeatability_coefficient"] == D(coefficient)
        assert point["repeatability_pct"] == CONTEXT.divide(limit_range + extra, Decimal(coefficient))
        assert ("repeatability" in r.failed) == (verdict == "fail")


def test_more_than_nine_runs_at_a_point_is_invalid_input():
    runs = [no_temp("100.05", "100")] * 10
    with pytest.raises(InputError) as info:
        run(check(runs))
    assert (info.value.field, info.value.code) == ("flow_points[0].runs", "too_many")
    assert info.value.params["max"] == 9
    assert run(check(runs[:9])).results["flow_points"][0]["repeatability_coefficient"] == D("2.97")


def test_two_runs_give_no_repeatability_verdict():
    r = run(check([no_temp("100.0", "100"), no_temp("100.25", "100")]))
    assert r.results["flow_points"][0]["repeatability_pct"] is None
    assert "repeatability" not in r.failed and r.verdict == "pass"


@pytest.mark.parametrize(
    "fuel,material,factor",
    [
        ("diesel", "carbon_steel", "1.000966"),  # 1 + 0.0009·1 + 0.000033·2
        ("kerosene", "stainless_steel", "1.001"),  # 1 + 0.0009·1 + 0.00005·2
        ("gasoline", "carbon_steel", "1.001266"),  # 1 + 0.0012·1 + 0.000033·2
    ],
)
def test_beta_values_per_fuel_and_measure(fuel, material, factor):
    """β_Y and β_B of §2.4-2: t_J − t_B = 1 °C, t_B − 20 = 2 °C."""
    r = run(
        check([{"v_j": "20", "v_b": "20", "t_j": "23", "t_b": "22"}], fuel=fuel, measure_material=material)
    )
    assert r.results["flow_points"][0]["runs"][0]["v_bt"] == D("20") * D(factor)


def test_f6_payment_within_increment():
    """F6: 7.86 × 35.47 = 278.7942; display 278.79 → ΔP = −0.0042 → pass; 235.80 exact."""
    r = run(
        check(
            [no_temp("20", "20")],
            payment=[
                {"unit_price": "7.86", "volume": "35.47", "amount": "278.79"},
                {"unit_price": "7.86", "volume": "30.00", "amount": "235.80"},
            ],
        )
    )
    assert r.results["payment"][0]["computed"] == D("278.7942")
    assert r.results["payment"][0]["difference"] == D("-0.0042")
    assert r.results["payment"][1]["difference"] == 0
    assert r.verdict == "pass"


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [
        ("278.80", "pass"),  # +0.0058
        ("278.79", "pass"),  # −0.0042
        ("278.81", "fail"),  # +0.0158
        ("278.77", "fail"),  # −0.0242
    ],
)
def test_payment_increment_boundaries(amount, verdict):
    r = run(
        check([no_temp("20", "20")], payment=[{"unit_price": "7.86", "volume": "35.47", "amount": amount}])
    )
    assert r.verdict == verdict


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [("235.81", "pass"), ("235.79", "pass"), ("235.82", "fail"), ("235.78", "fail")],
)
def test_payment_exactly_one_increment_off_passes(amount, verdict):
    """F6: U·V_J = 7.86 × 30.00 = 235.80 元; a displayed amount (to 0.01 元, §2.5) one increment
    off is on the limit and passes, two are beyond it."""
    r = run(
        check([no_temp("20", "20")], payment=[{"unit_price": "7.86", "volume": "30.00", "amount": amount}])
    )
    assert r.verdict == verdict


def test_payment_preset_by_amount_is_not_judged():
    """§2.4-6: a delivery preset by amount stops on the amount; it is not a payment test."""
    r = run(
        check(
            [no_temp("20", "20")],
            payment=[{"unit_price": "7.86", "volume": "25.44", "amount": "200.00", "preset": "amount"}],
        )
    )
    assert r.verdict == "pass" and r.results["payment"][0]["verdict"] is None


def test_a_failed_checklist_item_fails_the_instrument():
    r = run(check([no_temp("20", "20")], checklist={"seal_encoder": False, "self_lock": True}))
    assert (r.verdict, r.failed) == ("fail", ["seal_encoder"])


@pytest.mark.parametrize(
    ("run_", "field", "code"),
    [
        ({"v_j": "20", "v_b": "-1"}, "flow_points[0].runs[0].v_b", "out_of_range"),
        ({"v_j": "20", "v_b": "0"}, "flow_points[0].runs[0].v_b", "out_of_range"),
        ({"v_j": "abc", "v_b": "20"}, "flow_points[0].runs[0].v_j", "not_a_number"),
        ({"v_j": "20", "v_b": "20", "t_j": "21"}, "flow_points[0].runs[0].t_b", "required"),
        ({"v_j": "20"}, "flow_points[0].runs[0].v_b", "required"),
        ({"v_j": "20", "v_b": "20", "t_j": "99", "t_b": "20"}, "flow_points[0].runs[0].t_j", "out_of_range"),
    ],
)
def test_invalid_runs_name_the_field(run_, field, code):
    with pytest.raises(InputError) as info:
        run(check([run_]))
    assert (info.value.field, info.value.code) == (field, code)


def test_unknown_fuel_and_option_are_refused():
    with pytest.raises(InputError) as info:
        run(check([no_temp("20", "20")], fuel="petrol"))
    assert info.value.field == "fuel" and "gasoline" in info.value.params["choices"]
    with pytest.raises(InputError) as info:
        run(check([no_temp("20", "20")]), point_error_rule="median")
    assert info.value.field == "options.point_error_rule"


def test_results_never_use_binary_floats():
    r = run(check([no_temp("20.06", "20.00")]))
    assert isinstance(r.results["flow_points"][0]["mean_error_pct"], Decimal)

"""Verdicts decided exactly (spec README, "A verdict is decided exactly"): a compared value that is
exactly on its limit passes even when it is reached through repeating decimals, and one step
beyond fails, whatever the decimal context would have rounded."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms import InputError
from tests.forms.helpers import D, run


def fuel(*runs: tuple[str, str]) -> dict:
    return {
        "form": "fuel_dispenser",
        "fuel": "gasoline",
        "measure_material": "stainless_steel",
        "flow_points": [{"runs": [{"v_j": v_j, "v_b": v_b} for v_j, v_b in runs]}],
    }


@pytest.mark.parametrize(
    ("runs", "mean"),
    [
        # errors −16/15 %, +4/15 %, −0.1 %: mean exactly −0.30 % (README "Fuel dispenser": ±0.30 %)
        ((("14.84", "15.00"), ("15.04", "15.00"), ("19.98", "20.00")), "-0.3"),
        # errors −4/3 %, +1/3 %, +1.9 %: mean exactly +0.30 %
        ((("2.96", "3.00"), ("3.01", "3.00"), ("20.38", "20.00")), "0.3"),
    ],
)
def test_fuel_mean_exactly_on_the_limit_through_repeating_errors_passes(runs, mean):
    r = run(fuel(*runs))
    point = r.results["flow_points"][0]
    assert point["mean_error_pct"] == D(mean) and point["mean_within_mpe"] is True
    assert "indication_error" not in r.failed
    # one hundredth of a litre further out on the third run: beyond the limit, fails
    v_j, v_b = runs[2]
    step = Decimal("-0.01") if mean.startswith("-") else Decimal("0.01")
    beyond = run(fuel(runs[0], runs[1], (str(Decimal(v_j) + step), v_b)))
    assert "indication_error" in beyond.failed


def test_fuel_repeatability_exactly_on_the_limit_through_repeating_errors_passes():
    """E = +0.958333… %, +0.8 %, +0.789333… %: range exactly 0.169 %, E_r = 0.169/1.69 = 0.10 %
    (§2.4-5), with V_J as the dispenser shows it (0.01 L) and V_B to 0.001 L (§2.5)."""
    r = run(fuel(("24.23", "24.000"), ("50.40", "50.000"), ("94.49", "93.750")))
    assert r.results["flow_points"][0]["repeatability_pct"] == D("0.1")
    assert "repeatability" not in r.failed
    beyond = run(fuel(("24.23", "24.000"), ("50.40", "50.000"), ("94.48", "93.750")))
    assert "repeatability" in beyond.failed


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["3.00", "6.00", "7.00", "9.00", "11.00", "13.00", "21.00", "15.00", "30.00"]),
    st.sampled_from(["3.00", "6.00", "7.00", "9.00", "11.00", "13.00", "21.00", "15.00", "30.00"]),
    st.integers(min_value=-20, max_value=20),
    st.integers(min_value=-20, max_value=20),
    st.sampled_from(["10.00", "20.00", "25.00", "40.00", "50.00", "100.00"]),
    st.sampled_from([1, -1]),
)
def test_any_fuel_mean_exactly_on_the_limit_passes_and_the_next_hundredth_fails(vb1, vb2, d1, d2, vb3, sign):
    """Whatever the repeating errors of the first two runs, a third run that puts the mean
    exactly on ±0.30 % passes, and 0.01 L further out fails."""
    v_j1 = str(Decimal(vb1) + Decimal(d1) / 100)
    v_j2 = str(Decimal(vb2) + Decimal(d2) / 100)
    e1 = (Fraction(Decimal(v_j1)) / Fraction(Decimal(vb1)) - 1) * 100
    e2 = (Fraction(Decimal(v_j2)) / Fraction(Decimal(vb2)) - 1) * 100
    e3 = Fraction(9, 10) * sign - e1 - e2
    v_j3 = Fraction(Decimal(vb3)) * (1 + e3 / 100)
    if (v_j3 * 100).denominator != 1 or v_j3 <= 0:
        return  # the third reading would need more than two decimals
    v_j3_text = str(Decimal(v_j3.numerator) / Decimal(v_j3.denominator))
    on_limit = run(fuel((v_j1, vb1), (v_j2, vb2), (v_j3_text, vb3)))
    assert "indication_error" not in on_limit.failed
    beyond = str(Decimal(v_j3_text) + Decimal("0.01") * sign)
    assert "indication_error" in run(fuel((v_j1, vb1), (v_j2, vb2), (beyond, vb3))).failed


def volume_lot(rho: str, k: str, nominal: str, shift: str = "0") -> dict:
    """Ten packages whose mean net volume is exactly Qn − λ·s: masses M ± 3k, ± 3k, 0 … (sample sd of
    the masses exactly 2k), M = ρ·Qn − λ·2k, net q = (G − t)/ρ repeating (README "Net content")."""
    lam = Decimal("1.028")  # n = 10 for a lot of 40 (net_content.md §B.3.3)
    m = Decimal(rho) * Decimal(nominal) - lam * 2 * Decimal(k) + Decimal(shift)
    z = [3, -3, 3, -3, 0, 0, 0, 0, 0, 0]
    return {
        "form": "net_content",
        "quantity": "volume",
        "nominal": nominal,
        "lot_size": 40,
        "density_g_per_ml": rho,
        "samples": [{"gross": str(m + 30 + zi * Decimal(k)), "tare": "30"} for zi in z],
    }


@pytest.mark.parametrize(
    ("rho", "k", "nominal"), [("1.1", "0.5", "500"), ("1.3", "1", "250"), ("0.9", "0.25", "1000")]
)
def test_net_content_mean_exactly_on_its_limit_passes(rho, k, nominal):
    """q̄ = Qn − λ·s exactly (both repeating, s a rational here) passes: "大于或者等于" (§B.5)."""
    r = run(volume_lot(rho, k, nominal))
    assert "mean" not in r.failed and r.verdict == "pass"
    assert run(volume_lot(rho, k, nominal, shift="-0.001")).failed == ["mean"]


def test_tare_sd_exactly_a_quarter_t_allows_average_tare():
    """s_t = 0.25 T exactly allows the average tare (README "Net content"); just above, it does not.

    T = 15 g (Qn = 500 g), 0.25 T = 3.75 g; empties 10 ± 5.625 (four) and 10 (six): Σ(t − t̄)² =
    4 × 5.625² = 126.5625 = 9 × 3.75², so s_t = 3.75 exactly."""
    empties = [str(Decimal("10") + Decimal("5.625") * s) for s in (1, -1, 1, -1, 0, 0, 0, 0, 0, 0)]
    data = {
        "form": "net_content",
        "quantity": "mass",
        "nominal": "500",
        "lot_size": 8,
        "tare": {"mode": "average", "empty": empties},
        "samples": [{"gross": "510"}] * 8,
    }
    r = run(data)
    assert r.results["tare_sd"] == D("3.75") and r.verdict == "pass"
    wider = ["15.626", *empties[1:]]
    with pytest.raises(InputError) as info:
        run({**data, "tare": {"mode": "average", "empty": wider}})
    assert info.value.code == "tare_not_uniform"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.decimals(min_value="-1e6", max_value="1e6", places=4), min_size=2, max_size=30),
    st.booleans(),
)
def test_exact_variance_is_the_definition(values, as_fractions):
    """s² from two sums is the same rational as Σ(q − q̄)²/(n − 1), for decimals and fractions."""
    from forms.numbers import exact_variance

    items = [Fraction(v) / 3 for v in values] if as_fractions else values
    exact_items = [Fraction(v) for v in items]
    mean = sum(exact_items, Fraction(0)) / len(exact_items)
    assert exact_variance(items) == sum((q - mean) ** 2 for q in exact_items) / (len(items) - 1)

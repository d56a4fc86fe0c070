"""The scale rules of the spec README ("Scale"), from its words, on both sides of every boundary:
the marked class, an unknown class, Min per class, ΔL in repeatability, e = d on price scales, the
tare test, and the price rounded to a multiple of the price interval (scale.md §A.3.1–A.3.4)."""

from __future__ import annotations

import pytest

from forms import Incomplete, InputError
from tests.forms.helpers import D, run


def scale(**extra):
    return {"form": "scale", "control": "in_service", "max": "15000", "e": "5", **extra}


def at(load: str, indication: str | None = None, e: str = "5") -> dict:
    """A flash-point weighing whose E = I − L (ΔL = 0.5e, so P = I)."""
    return {"load": load, "indication": indication or load, "added": str(D(e) / 2)}


# -- the class: the marked one, always ---------------------------------------------------------


def test_the_marked_class_is_used_even_where_another_fits():
    """README: "the marked class, always, for the MPE". 600 g / 0.1 g fits II and III (n = 6000);
    marked II, the class II MPE applies (±0.5e to 5000e: 300 g is 3000e → 0.1 g in service)."""
    data = {"form": "scale", "accuracy_class": "II", "max": "600", "e": "0.1", "weighings": [at("300")]}
    r = run(data)
    assert r.results["accuracy_class"] == "II" and r.results["weighings"][0]["mpe"] == D("0.1")
    as_iii = run({**data, "accuracy_class": "III"})  # 3000e is in III's ±1.5e band: ×2 → 0.3 g
    assert as_iii.results["weighings"][0]["mpe"] == D("0.3")
    assert "class_note" not in r.results and "class_note" not in as_iii.results


def test_a_marked_class_that_does_not_fit_is_a_note_and_its_mpe_still_applies():
    """README: a marked class not fitting n and e → `class_note`, not a verdict; no silent swap.
    15 kg / 5 g (n = 3000) marked IIII (n ≤ 1000): IIII's MPE at 2500 g = 500e is ±1.5e × 2."""
    r = run(scale(accuracy_class="IIII", weighings=[at("2500")]))
    assert r.results["accuracy_class"] == "IIII"
    assert r.results["class_note"] == "marked_class_does_not_fit" and r.results["class_fits"] == ["III"]
    assert r.results["weighings"][0]["mpe"] == D("15.0")  # III would give 5.0
    assert r.failed == [] and r.verdict == "pass"


@pytest.mark.parametrize(
    ("max_", "e", "fits"),
    [("600", "0.1", ["II", "III"]), ("3000", "5", ["III", "IIII"]), ("1000", "50", [])],  # n = 20: none
)
def test_no_class_inferable_fails_only_class_and_judges_no_load(max_, e, fits):
    """README: none or several fits fail `class`, `accuracy_class` is null, the MPE columns empty,
    no load judged; the only failed item is `class` — even with a load far out of any MPE."""
    load = str(D(max_) / 2)
    far = str(D(load) + 100 * D(e))
    r = run(
        {
            "form": "scale",
            "max": max_,
            "e": e,
            "weighings": [at(load, far, e)],
            "eccentricity": {"load": load, "positions": [{"indication": far, "added": "0"}]},
            "repeatability": {"load": load, "runs": [{"indication": load}, {"indication": far}] * 2},
        }
    )
    assert r.failed == ["class"] and r.verdict == "fail"
    assert r.results["accuracy_class"] is None and r.results["class_fits"] == fits
    w = r.results["weighings"][0]
    assert (w["mpe"], w["verdict"]) == (None, None)
    assert r.results["eccentricity"]["positions"][0]["mpe"] is None
    assert (r.results["repeatability"]["mpe"], r.results["repeatability"]["verdict"]) == (None, None)
    assert run({"form": "scale", "max": max_, "e": e}).failed == ["class"]  # a verdict by itself


def test_exactly_one_fit_is_used_and_reported():
    r = run(scale(weighings=[at("15000")]))
    assert r.results["accuracy_class"] == "III" and r.results["class_inferred"] is True


# -- Min: loads below it are shown and not judged ----------------------------------------------


@pytest.mark.parametrize(
    ("cls", "max_", "e", "min_load"),
    [
        ("III", "15000", "5", "100"),  # 20e
        ("IIII", "5000", "50", "500"),  # 10e
        ("II", "200", "0.01", "0.20"),  # 20e for 0.001 g ≤ e ≤ 0.05 g
        ("II", "6000", "0.1", "5.0"),  # 50e for e ≥ 0.1 g
        ("I", "200", "0.001", "0.100"),  # 100e
    ],
)
def test_loads_below_min_are_shown_not_judged_and_min_is_judged(cls, max_, e, min_load):
    """README: Min = 20e (III), 10e (IIII), 20e/50e (II), 100e (I) (§A.3.1); below: not judged."""
    below = str(D(min_load) - D(e))
    far = str(D(below) + 50 * D(e))  # far out of any MPE: would fail if judged
    r = run({"form": "scale", "accuracy_class": cls, "max": max_, "e": e, "weighings": [
        at(below, far, e), at(min_load, None, e)]})  # fmt: skip
    assert r.results["min_load"] == D(min_load)
    first, second = r.results["weighings"]
    assert (first["below_min"], first["verdict"]) == (True, None)
    assert first["error"] == D(far) - D(below)  # shown
    assert (second["below_min"], second["verdict"]) == (False, "pass")
    assert r.verdict == "pass"
    at_min_far = run({**scale(), "accuracy_class": cls, "max": max_, "e": e, "weighings": [
        at(min_load, str(D(min_load) + 50 * D(e)), e)]})  # fmt: skip
    assert at_min_far.failed == ["weighing"]  # Min itself is judged


def test_only_loads_below_min_is_incomplete():
    """README "Minimum content": a scale needs ≥ 1 weighing at or above Min once its class is known."""
    with pytest.raises(Incomplete) as info:
        run(scale(accuracy_class="III", weighings=[at("95"), at("50")]))
    assert info.value.missing == ["weighing_at_min"] and info.value.params["min_load"] == "100"
    with pytest.raises(Incomplete):
        run(scale(accuracy_class="III"))
    assert run(scale(accuracy_class="III", weighings=[at("100")])).verdict == "pass"


# -- repeatability: ΔL for every run or for none -----------------------------------------------


def test_repeatability_with_delta_l_for_every_run_uses_the_flash_point():
    """P = I + 0.5e − ΔL per run; R = P_max − P_min (§A.4). ΔL = 0 is a value, not a missing one."""
    runs = [
        {"indication": "15005", "added": "0"},
        {"indication": "15005", "added": "4.5"},
        {"indication": "15005", "added": "2.0"},
    ]
    r = run(
        scale(accuracy_class="III", weighings=[at("15000")], repeatability={"load": "15000", "runs": runs})
    )
    assert r.results["repeatability"]["p"] == [D("15007.5"), D("15003.0"), D("15005.5")]
    assert r.results["repeatability"]["range"] == D("4.5")


def test_repeatability_without_delta_l_uses_the_indications():
    """None given: P = I (README)."""
    runs = [{"indication": "15005"}, {"indication": "15010"}, {"indication": "15000"}]
    r = run(
        scale(accuracy_class="III", weighings=[at("15000")], repeatability={"load": "15000", "runs": runs})
    )
    assert r.results["repeatability"]["p"] == [D("15005"), D("15010"), D("15000")]
    assert r.results["repeatability"]["range"] == D(10)


@pytest.mark.parametrize("missing_at", [0, 1, 2])
def test_repeatability_mixing_delta_l_and_none_is_invalid(missing_at):
    runs = [{"indication": "15005", "added": "0"} for _ in range(3)]
    runs[missing_at] = {"indication": "15005"}
    with pytest.raises(InputError) as info:
        run(
            scale(
                accuracy_class="III", weighings=[at("15000")], repeatability={"load": "15000", "runs": runs}
            )
        )
    assert (info.value.field, info.value.code) == (f"repeatability.runs[{missing_at}].added", "added_mixed")


@pytest.mark.parametrize(("spread", "verdict"), [("15.0", "pass"), ("15.5", "fail")])
def test_repeatability_range_on_both_sides_of_mpe(spread, verdict):
    """R ≤ |MPE(L)|: 15 kg in service, III → 15 g (§A.3.2); 15.0 passes, 15.5 fails."""
    runs = [
        {"indication": "15000", "added": "17.5"},
        {"indication": "15000", "added": str(D("17.5") - D(spread))},
    ]
    runs.append({"indication": "15000", "added": "10"})
    r = run(
        scale(accuracy_class="III", weighings=[at("15000")], repeatability={"load": "15000", "runs": runs})
    )
    assert (
        r.results["repeatability"]["range"] == D(spread) and r.results["repeatability"]["verdict"] == verdict
    )


# -- price scales: e must equal d --------------------------------------------------------------

# W = 1.230 kg: a weight both a d = 2 g and an e = 5 g display can show (§A.4)
PRICE = [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.230", "displayed": "15.74"}]


@pytest.mark.parametrize(("d", "failed"), [("5", []), ("2", ["marking"]), (None, [])])
def test_e_not_equal_to_d_on_a_price_scale_fails_marking(d, failed):
    """README: price scales must have e = d (§A.5, scale.md step 1); e ≠ d fails `marking`."""
    extra = {} if d is None else {"d": d}
    r = run(scale(accuracy_class="III", weighings=[at("15000")], price=PRICE, **extra))
    assert r.failed == failed


def test_e_not_equal_to_d_without_price_tests_is_not_marking():
    r = run(scale(accuracy_class="III", d="2", weighings=[at("15000")]))
    assert "marking" not in r.failed and r.verdict == "pass"


# -- tare (verification only, ±0.25e) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("added", "error", "verdict"),
    [
        # E_T = I + 0.5e − ΔL moves in the 0.1e = 0.5 g steps of the small weights (§A.4), so
        # ±0.25e = ±1.25 g lies between two of them: ±1.0 g is the last inside, ±1.5 g the first out
        ("1.5", "1.0", "pass"),  # 0 + 2.5 − 1.5
        ("3.5", "-1.0", "pass"),
        ("1.0", "1.5", "fail"),  # just beyond +0.25e
        ("4.0", "-1.5", "fail"),
    ],
)
def test_tare_setting_within_a_quarter_e_in_verification(added, error, verdict):
    """README: tare (verification only, when tested): error within ±0.25e, item `tare` (§A.3.3)."""
    data = scale(control="verification", accuracy_class="III", weighings=[at("15000")],
                 tare={"indication": "0", "added": added})  # fmt: skip
    r = run(data)
    assert r.results["tare"]["error"] == D(error) and r.results["tare"]["limit"] == D("1.25")
    assert r.results["tare"]["verdict"] == verdict
    assert ("tare" in r.failed) == (verdict == "fail")
    in_service = run({**data, "control": "in_service"})
    assert in_service.results["tare"]["verdict"] is None and "tare" not in in_service.failed


def test_tare_needs_the_small_weights():
    with pytest.raises(InputError) as info:
        run(scale(accuracy_class="III", weighings=[at("15000")], tare={"indication": "0"}))
    assert (info.value.field, info.value.code) == ("tare.added", "required")


# -- price: half-up to a multiple of the price interval ----------------------------------------


@pytest.mark.parametrize(
    ("unit_price", "per", "weight", "interval", "computed"),
    [
        ("12.80", "kg", "1.235", "0.01", "15.81"),  # 15.808
        ("12.80", "kg", "1.235", "0.02", "15.80"),  # 15.808 / 0.02 = 790.4 → 790
        ("12.00", "kg", "1.235", "0.02", "14.82"),  # 14.82 exactly
        ("10.00", "kg", "1.0150", "0.02", "10.16"),  # 10.15 / 0.02 = 507.5: half-up → 508
        ("12.80", "kg", "1.235", "0.05", "15.80"),  # 316.16 → 316
        ("9.90", "kg", "1.250", "0.05", "12.40"),  # 12.375 / 0.05 = 247.5 → 248
        ("12.374", "kg", "1.000", "0.05", "12.35"),  # 247.48 → 247
        ("12.80", "kg", "1.235", "0.10", "15.80"),  # 158.08 → 158
        ("10.00", "kg", "1.235", "0.1", "12.4"),  # 123.5 → 124 (half-up, not half-even)
        ("12.80", "kg", "1.235", "0.5", "16.0"),  # 31.616 → 32
        ("10.00", "kg", "1.225", "0.5", "12.5"),  # 24.5 → 25
        ("12.24", "kg", "1.000", "0.5", "12.0"),  # 24.48 → 24
        ("12.80", "kg", "1.235", "1", "16"),  # 15.808 → 16
        ("3.00", "500g", "2.5", "1", "15"),  # 元/500 g doubled per kg: 15 exactly
        ("8.00", "500g", "1.235", "0.01", "19.76"),  # SC-6f
        ("8.00", "500g", "1.235", "0.05", "19.75"),  # 19.76 / 0.05 = 395.2 → 395
    ],
)
def test_price_rounds_half_up_to_a_multiple_of_the_interval(unit_price, per, weight, interval, computed):
    """README: round_half_up(U × W / interval) × interval must equal the displayed amount (§A.3.4)."""
    entry = {"unit_price": unit_price, "per": per, "weight_kg": weight, "interval": interval}
    r = run(scale(accuracy_class="III", weighings=[at("15000")], price=[{**entry, "displayed": computed}]))
    assert r.results["price"][0]["computed"] == D(computed) and r.verdict == "pass"
    step = D(interval)
    off = run(scale(accuracy_class="III", weighings=[at("15000")],
                    price=[{**entry, "displayed": str(D(computed) + step)}]))  # fmt: skip
    assert off.failed == ["price"]


@pytest.mark.parametrize("interval", ["0.03", "0.25", "0.15", "3"])
def test_a_price_interval_is_one_two_or_five_times_a_power_of_ten(interval):
    entry = {"unit_price": "10", "per": "kg", "weight_kg": "1", "displayed": "10", "interval": interval}
    with pytest.raises(InputError) as info:
        run(scale(accuracy_class="III", weighings=[at("15000")], price=[entry]))
    assert (info.value.field, info.value.code) == ("price[0].interval", "not_a_price_interval")

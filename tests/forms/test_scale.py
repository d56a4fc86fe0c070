"""Scales, JJG 539-2016 / OIML R76 and retail re-weighing: scale.md §A.3–A.6, README decisions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import InputError
from tests.forms.helpers import D, run

ZERO = {"load": "50", "indication": "50", "added": "2.0"}
SC1_WEIGHINGS = [
    {"load": "100", "indication": "100", "added": "1.5"},
    {"load": "2500", "indication": "2505", "added": "3.5"},
    {"load": "10000", "indication": "10005", "added": "1.0"},
    {"load": "15000", "indication": "15010", "added": "0.5"},
]


# One weighing at Max with no error: the minimum content of a scale check (README "Minimum content")
# for the tests that are about something else.
AT_MAX = [{"load": "15000", "indication": "15000", "added": "2.5"}]


def scale(control="in_service", **extra):
    return {
        "form": "scale",
        "control": control,
        "accuracy_class": "III",
        "max": "15000",
        "e": "5",
        "d": "5",
        "weighings": AT_MAX,
        **extra,
    }


def test_sc1_in_service_passes_with_all_intermediate_values():
    """SC-1: P, E, Ec and the doubled MPE per load; E0 = +0.5 g."""
    r = run(scale(zero=ZERO, weighings=SC1_WEIGHINGS))
    w = r.results["weighings"]
    assert r.results["zero"]["error"] == D("0.5")
    assert [x["error"] for x in w] == [D("1.0"), D("4.0"), D("6.5"), D("12.0")]
    assert [x["corrected_error"] for x in w] == [D("0.5"), D("3.5"), D("6.0"), D("11.5")]
    assert [x["mpe"] for x in w] == [D(5), D(5), D(10), D(15)]
    assert (r.verdict, r.results["accuracy_class"]) == ("pass", "III")


def test_sc1_as_verification_fails():
    """SC-1: the same readings fail a verification (MPE 2.5 / 5 / 7.5 g)."""
    r = run(scale("verification", zero=ZERO, weighings=SC1_WEIGHINGS))
    assert [x["mpe"] for x in r.results["weighings"]] == [D("2.5"), D("2.5"), D("5.0"), D("7.5")]
    assert [x["verdict"] for x in r.results["weighings"]] == ["pass", "fail", "fail", "fail"]
    assert r.failed == ["weighing"]


def test_sc3_eccentricity_position_at_limit_passes_and_position_4_fails():
    """SC-3: L = 5 kg; position 3 Ec = −5.0 (on the verification limit), position 4 +10.5."""
    positions = [
        {"indication": "5000", "added": "2.5"},
        {"indication": "5005", "added": "3.0"},
        {"indication": "5000", "added": "1.0"},
        {"indication": "4995", "added": "2.0"},
        {"indication": "5010", "added": "1.5"},
    ]
    for control, mpe in (("verification", D("5.0")), ("in_service", D("10.0"))):
        r = run(scale(control, zero=ZERO, eccentricity={"load": "5000", "positions": positions}))
        got = r.results["eccentricity"]["positions"]
        assert [p["corrected_error"] for p in got] == [D("-0.5"), D("4.0"), D("1.0"), D("-5.0"), D("10.5")]
        assert got[3]["mpe"] == mpe
        assert got[3]["verdict"] == "pass" and got[4]["verdict"] == "fail"
        assert "eccentricity" in r.failed


def test_sc4_repeatability_range_within_mpe():
    """SC-4: P = 15005.5, 15008.5, 15007.0 → R = 3.0 g ≤ 7.5 g (verification)."""
    r = run(
        scale(
            "verification",
            repeatability={
                "load": "15000",
                "runs": [
                    {"indication": "15005", "added": "2.0"},
                    {"indication": "15010", "added": "4.0"},
                    {"indication": "15005", "added": "0.5"},
                ],
            },
        )
    )
    assert r.results["repeatability"]["range"] == D("3.0")
    assert r.results["repeatability"]["mpe"] == D("7.5")
    assert r.verdict == "pass"


def test_repeatability_range_over_mpe_fails_and_needs_three_runs():
    r = run(
        scale(
            "verification",
            repeatability={
                "load": "15000",
                "runs": [{"indication": "15000"}, {"indication": "15010"}, {"indication": "15000"}],
            },
        )
    )
    assert r.results["repeatability"]["range"] == D(10) and r.failed == ["repeatability"]
    with pytest.raises(InputError) as info:
        run(scale(repeatability={"load": "15000", "runs": [{"indication": "15000"}] * 2}))
    assert (info.value.code, info.value.params["needed"]) == ("too_few", 3)


@pytest.mark.parametrize(("changed", "verdict"), [(True, "pass"), (False, "fail")])
def test_sc5_discrimination(changed, verdict):
    """SC-5: 1.4d = 7 g must change the indication."""
    r = run(scale(discrimination=[{"load": "15000", "changed": changed}]))
    assert r.verdict == verdict and r.results["discrimination"][0]["added"] == D("7.0")


@pytest.mark.parametrize(
    ("unit_price", "per", "weight", "displayed", "computed"),
    [
        ("12.80", "kg", "1.235", "15.81", "15.81"),  # SC-6a: 15.808
        ("6.50", "kg", "0.455", "2.96", "2.96"),  # SC-6b: 2.9575
        ("8.00", "500g", "1.235", "19.76", "19.76"),  # SC-6f: 元/500 g doubled
        ("10.70", "kg", "0.25", "2.68", "2.68"),  # exact tie 2.675: half-up (a float gives 2.67)
    ],
)
def test_sc6_price_computation(unit_price, per, weight, displayed, computed):
    r = run(
        scale(price=[{"unit_price": unit_price, "per": per, "weight_kg": weight, "displayed": displayed}])
    )
    assert r.results["price"][0]["computed"] == D(computed)
    assert r.verdict == "pass"


def test_price_mismatch_fails():
    r = run(scale(price=[{"unit_price": "10.70", "per": "kg", "weight_kg": "0.25", "displayed": "2.67"}]))
    assert r.failed == ["price"]


def test_sc7_reweighing_short_weight_both_methods():
    """SC-7: pork, category 2, B = 1500 g, A = 1489 g → 11 g > 5 g; equal accuracy 10 g → still short."""
    r = run(
        scale(
            reweighing=[
                {"category": "2", "settled_g": "1500", "actual_g": "1489", "method": "reference"},
                {"category": "2", "settled_g": "1500", "actual_g": "1489", "method": "equal_accuracy"},
            ]
        )
    )
    assert [x["shortage"] for x in r.results["reweighing"]] == [D(11), D(11)]
    assert [x["limit"] for x in r.results["reweighing"]] == [D(5), D(10)]
    assert r.failed == ["reweighing"]


@pytest.mark.parametrize(
    ("category", "settled", "actual", "limit", "verdict"),
    [
        ("2", "2500", "2495", "5", "pass"),  # shortage exactly the deviation: not 超差
        ("2", "2501", "2491", "10", "pass"),  # next band
        ("2", "15000", "14984", "15", "fail"),  # top band, 16 g short
        ("1", "1000", "980", "20", "pass"),
        ("1", "25000", "24899", "100", "fail"),
        ("3", "6000", "5994", "6", "pass"),
        ("4", "500", "499", "1", "pass"),
        ("4", "501", "498", "2", "fail"),
        ("gold", "10.00", "9.99", "0.01", "pass"),
        ("silver", "50.0", "49.8", "0.1", "fail"),
    ],
)
def test_reweighing_table_bands(category, settled, actual, limit, verdict):
    r = run(
        scale(
            reweighing=[
                {"category": category, "settled_g": settled, "actual_g": actual, "method": "own_scale"}
            ]
        )
    )
    assert r.results["reweighing"][0]["limit"] == D(limit)
    assert r.verdict == verdict


def test_reweighing_above_category_2_top_needs_the_setting():
    entry = {"category": "2", "settled_g": "20000", "actual_g": "19990", "method": "reference"}
    with pytest.raises(InputError) as info:
        run(scale(reweighing=[entry]))
    assert info.value.code == "out_of_range" and info.value.params["max"] == "15000"
    r = run(scale(reweighing=[entry]), category2_upper_g="25000")
    assert r.results["reweighing"][0]["limit"] == D(15) and r.verdict == "pass"


@pytest.mark.parametrize(
    ("load", "verification", "in_service"),
    [
        ("2500", "2.5", "5.0"),  # 500e: the upper bound belongs to the ±0.5e band
        ("2505", "5.0", "10.0"),  # 501e
        ("10000", "5.0", "10.0"),  # 2000e
        ("10005", "7.5", "15.0"),  # 2001e
    ],
)
def test_mpe_band_boundaries_class_iii(load, verification, in_service):
    for control, mpe in (("verification", verification), ("in_service", in_service)):
        r = run(scale(control, weighings=[{"load": load, "indication": load, "added": "2.5"}]))
        assert r.results["weighings"][0]["mpe"] == D(mpe)


def test_mpe_bands_class_iiii():
    """IIII, e = 50 g: 50e / 200e / 1000e (§A.3.2)."""
    data = {
        "form": "scale",
        "control": "verification",
        "accuracy_class": "IIII",
        "max": "50000",
        "e": "50",
        "weighings": [
            {"load": x, "indication": x, "added": "25"} for x in ("2500", "2550", "10000", "10050")
        ],
    }
    r = run(data)
    assert [w["mpe"] for w in r.results["weighings"]] == [D(25), D(50), D(50), D(75)]


@pytest.mark.parametrize(
    ("indication", "verdict"),
    [
        ("100", "pass"),  # |E| = 0 ≤ MPE − 0.5e = 2.5
        ("105", "inconclusive"),  # 2.5 < 5 ≤ 7.5: ask for the flash-point test
        ("110", "fail"),  # 10 > MPE + 0.5e = 7.5
        ("95", "inconclusive"),
    ],
)
def test_reading_without_small_weights_decides_only_when_clear(indication, verdict):
    r = run(scale(weighings=[{"load": "100", "indication": indication}]))
    assert r.verdict == verdict
    assert r.results["weighings"][0]["corrected_error"] is None
    if verdict == "inconclusive":
        assert r.inconclusive == ["weighing"] and r.next_steps == ["weighing.flash_point"]


def test_load_below_min_is_not_judged():
    r = run(scale(weighings=[{"load": "50", "indication": "70"}, *AT_MAX]))
    assert r.results["weighings"][0]["verdict"] is None and r.verdict == "pass"
    assert r.results["weighings"][0]["below_min"] is True


@pytest.mark.parametrize(
    ("control", "load", "added", "verdict"),
    [
        # E0 = I + 0.5e − ΔL − L0 with ΔL in 0.1e steps (§A.4); a load of 49.75 g reaches 0.25e
        ("verification", "49.75", "1.5", "pass"),  # E0 = 50 + 2.5 − 1.5 − 49.75 = 1.25 = 0.25e exactly
        ("verification", "50", "1.0", "fail"),  # E0 = 1.5
        ("verification", "50", "0.5", "fail"),  # E0 = 2.0
        ("in_service", "50", "0.5", "pass"),  # zero-setting is judged in verification only
    ],
)
def test_zero_setting_accuracy(control, load, added, verdict):
    r = run(scale(control, zero={"load": load, "indication": "50", "added": added}))
    assert r.verdict == verdict


@pytest.mark.parametrize(
    ("max_", "e", "fits"),
    [
        ("15000", "5", "III"),  # n = 3000
        ("100000", "50", "III"),  # n = 2000: IIII allows n ≤ 1000
        ("600", "0.1", None),  # n = 6000: II and III both fit
        ("3000", "5", None),  # n = 600: III and IIII both fit
        ("5000", "50", "IIII"),  # n = 100: III needs n ≥ 500 for e ≥ 5 g
        ("220", "0.001", "II"),  # n = 220000? no: e ≤ 0.05 allows n ≤ 100000; see below
    ],
)
def test_class_inferred_from_max_and_e(max_, e, fits):
    if max_ == "220":  # n = 220000 exceeds II (≤ 100000): only class I (n ≥ 50000) fits
        fits = "I"
    load = str(Decimal(max_) / 2)
    r = run({"form": "scale", "max": max_, "e": e, "weighings": [{"load": load, "indication": load}]})
    if fits:
        assert (r.results["accuracy_class"], r.verdict) == (fits, "pass")
    else:
        assert r.failed == ["class"]


def test_marked_class_inconsistent_with_max_e_is_a_note_not_a_verdict():
    """README "Scale": a marked class that does not fit n and e is reported, not a verdict."""
    r = run({"form": "scale", "accuracy_class": "IIII", "max": "15000", "e": "5", "weighings": AT_MAX})
    assert r.failed == [] and r.results["accuracy_class"] == "IIII"
    assert r.results["class_note"] == "marked_class_does_not_fit" and r.results["class_fits"] == ["III"]


def test_bad_scale_input():
    with pytest.raises(InputError) as info:
        run({"form": "scale", "max": "15000", "e": "0"})
    assert info.value.field == "e"
    with pytest.raises(InputError) as info:
        run({"form": "scale", "max": "15000", "e": "5", "control": "yearly"})
    assert info.value.field == "control"


def test_indication_before_rounding_is_reported():
    """SC-1 first load: P = I + 0.5e − ΔL = 100 + 2.5 − 1.5 = 101.0; none without small weights."""
    r = run(scale(weighings=[SC1_WEIGHINGS[0], {"load": "100", "indication": "100"}]))
    assert [w["p"] for w in r.results["weighings"]] == [D("101.0"), None]

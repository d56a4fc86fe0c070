"""Net content, JJF 1070-2023: net_content.md §B.3–B.6 and the spec README decisions."""

from __future__ import annotations

import pytest

from forms import Incomplete, InputError, load_definition
from forms.net_content.evaluator import plan_for, tolerable_deficiency
from tests.forms.examples import NC1_EMPTY, NC1_GROSS
from tests.forms.helpers import D, close, run


def lot(nominal, lot_size, nets, quantity="mass", **extra):
    return {
        "form": "net_content",
        "quantity": quantity,
        "nominal": nominal,
        "lot_size": lot_size,
        "samples": [{"net": q} for q in nets],
        **extra,
    }


def test_nc1_passes_with_average_tare():
    """NC-1: t̄ = 5.00, s_t = 0.1155; q̄ = 501.7308, s = 6.6460, limit 494.3642; k1 = 1 ≤ 1."""
    r = run(
        {
            "form": "net_content",
            "quantity": "mass",
            "nominal": "500",
            "lot_size": 80,
            "tare": {"mode": "average", "empty": NC1_EMPTY},
            "samples": [{"gross": g} for g in NC1_GROSS],
        }
    )
    res = r.results
    assert (res["t"], res["two_t"], res["sample_size"], res["lambda"], res["c1"]) == (
        D("15.0"),
        D("30.0"),
        13,
        D("0.848"),
        1,
    )
    assert res["tare_mean"] == D("5.0") and close(res["tare_sd"], "0.1155")
    assert res["net"][7] == D("482.0")
    assert close(res["mean"], "501.7308") and close(res["s"], "6.6460")
    assert close(res["lambda_s"], "5.6358") and close(res["mean_limit"], "494.3642")
    assert (res["k1"], res["k2"], r.verdict) == (1, 0, "pass")


def test_nc2_fails_on_the_mean():
    """NC-2: q̄ = 497.0846 < 498.7854; no package beyond T."""
    nets = [
        "496.1",
        "498.3",
        "495.0",
        "497.2",
        "499.0",
        "494.8",
        "496.5",
        "498.0",
        "497.7",
        "495.9",
        "496.8",
        "499.5",
        "497.3",
    ]
    r = run(lot("500", 80, nets))
    assert close(r.results["mean"], "497.0846") and close(r.results["s"], "1.4323")
    assert close(r.results["lambda_s"], "1.2146") and close(r.results["mean_limit"], "498.7854")
    assert (r.results["k1"], r.results["k2"]) == (0, 0)
    assert (r.verdict, r.failed) == ("fail", ["mean"])


def test_nc5_volume_by_density_full_precision_statistics():
    """NC-5: q = (G − t)/1.180 per bottle; statistics on full precision (README): q̄ = 504.6864."""
    pairs = [
        ("634.6", "38.4"),
        ("633.9", "39.1"),
        ("636.3", "38.8"),
        ("632.1", "38.2"),
        ("635.1", "39.5"),
        ("637.0", "38.9"),
        ("631.3", "38.6"),
        ("635.9", "39.0"),
        ("632.5", "38.3"),
        ("634.1", "38.7"),
    ]
    r = run(
        {
            "form": "net_content",
            "quantity": "volume",
            "nominal": "500",
            "lot_size": 40,
            "density_g_per_ml": "1.180",
            "tare": {"mode": "individual"},
            "samples": [{"gross": g, "tare": t} for g, t in pairs],
        }
    )
    res = r.results
    assert close(res["net"][0], "505.254", 3) and close(res["net"][6], "502.288", 3)
    assert close(res["mean"], "504.6864") and close(res["s"], "1.4349")
    assert close(res["lambda_s"], "1.4751") and close(res["mean_limit"], "498.5249")
    assert (res["sample_size"], res["lambda"], r.verdict) == (10, D("1.028"), "pass")


def test_nc6_small_lot_shortage_exactly_t_is_not_counted():
    """NC-6: Qn = 250 g, N = 8: all inspected, no mean test; 241.0 is short by 9.0 = T."""
    nets = ["251.2", "248.9", "241.0", "252.3", "249.5", "250.8", "247.7", "253.1"]
    r = run(lot("250", 8, nets))
    assert (r.results["t"], r.results["sample_size"], r.results["k1"]) == (D("9.0"), 8, 0)
    assert r.results["mean_limit"] is None and r.results["lambda"] is None
    assert r.verdict == "pass"


def test_shortage_exactly_2t_counts_as_t1_not_t2():
    nets = ["470.0"] + ["500"] * 12  # short by 30.0 = 2T
    r = run(lot("500", 80, nets))
    assert (r.results["k1"], r.results["k2"]) == (1, 0)
    nets = ["469.9"] + ["500"] * 12  # short by 30.1 > 2T
    r = run(lot("500", 80, nets))
    assert (r.results["k2"], r.failed) == (1, ["t2_count"])


def test_t1_count_over_allowance_fails():
    nets = ["484", "484"] + ["505"] * 11  # two packages in (T, 2T], c1 = 1
    r = run(lot("500", 80, nets))
    assert r.results["k1"] == 2 and "t1_count" in r.failed


def test_mean_exactly_on_the_limit_passes():
    """All packages exactly Qn: s = 0, the limit is Qn and the mean equals it (≥ passes)."""
    r = run(lot("500", 40, ["500.0"] * 10))
    assert r.results["mean"] == r.results["mean_limit"] == D(500)
    assert r.verdict == "pass"


@pytest.mark.parametrize(
    ("nominal", "t"),
    [
        ("10", "0.9"),
        ("40", "3.6"),
        ("50", "4.5"),
        ("100", "4.5"),
        ("150", "6.8"),
        ("200", "9.0"),
        ("250", "9.0"),
        ("300", "9.0"),
        ("350", "10.5"),
        ("500", "15.0"),
        ("1000", "15.0"),
        ("2500", "38"),
        ("5000", "75"),
        ("10000", "150"),
        ("12500", "150"),
        ("15000", "150"),
        ("20000", "200"),
        ("50000", "500"),
    ],
)
def test_t_table_golden_values(nominal, t):
    """§B.3.1 worked T values and every band boundary (the table is continuous)."""
    defn = load_definition("net_content")
    assert tolerable_deficiency(defn, "mass", D(nominal)) == D(t)
    assert str(tolerable_deficiency(defn, "volume", D(nominal))) == t


@pytest.mark.parametrize(
    ("nominal", "two_step", "direct", "half_even"),
    [
        ("101", "4.6", "4.5", "4.5"),  # 4.545: 0.01 → 4.55, then 0.1 → 4.6
        ("1033", "16", "15", "15"),  # 15.495: 0.1 → 15.5, then 1 → 16
        ("2500", "38", "38", "38"),  # 37.5: a tie at the last digit
        ("1100", "17", "17", "16"),  # 16.5: half-up 17, half-even 16
    ],
)
def test_t_rounding_modes(nominal, two_step, direct, half_even):
    defn = load_definition("net_content")
    for mode, expected in (("two_step", two_step), ("direct", direct), ("half_even", half_even)):
        assert tolerable_deficiency(defn, "mass", D(nominal), mode) == D(expected)


@pytest.mark.parametrize(
    ("quantity", "nominal", "t"),
    [
        ("length", "10", "0.2"),
        ("length", "5", "0"),
        ("length", "5.5", "0.11"),
        ("area", "2", "0.06"),
        ("count", "60", "1"),
        ("count", "100", "1"),
        ("count", "150", "2"),
        ("count", "50", "0"),
        ("count", "51", "1"),
        ("count", "250", "3"),
    ],
)
def test_t_for_length_area_count(quantity, nominal, t):
    """§B.3.2: length ≤ 5 m and count ≤ 50 allow no shortage; count rounds 1 % up."""
    assert tolerable_deficiency(load_definition("net_content"), quantity, D(nominal)) == D(t)


def test_t_zero_any_shortage_is_beyond_2t():
    """Count 30 pcs, N = 20 → n = 10: one package with 29 pieces fails the lot (§B.5)."""
    r = run(lot("30", 20, ["30"] * 9 + ["29"], quantity="count"))
    assert (r.results["t"], r.results["k2"], r.failed) == (D(0), 1, ["t2_count"])
    assert run(lot("30", 20, ["30"] * 10, quantity="count")).verdict == "pass"


@pytest.mark.parametrize(
    ("lot_size", "n", "lam", "c1"),
    [
        (1, 1, None, 0),
        (10, 10, None, 0),
        (11, 10, "1.028", 0),
        (50, 10, "1.028", 0),
        (51, 13, "0.848", 1),
        (99, 13, "0.848", 1),
        (100, 50, "0.379", 3),
        (500, 50, "0.379", 3),
        (501, 80, "0.295", 5),
        (3200, 80, "0.295", 5),
        (3201, 125, "0.234", 7),
        (1_000_000, 125, "0.234", 7),
    ],
)
def test_sampling_plan_rows(lot_size, n, lam, c1):
    plan = plan_for(load_definition("net_content"), lot_size)
    assert (plan.sample_size, plan.lam, plan.c1) == (n, None if lam is None else D(lam), c1)


def test_largest_lot_with_125_packages():
    r = run(lot("500", 5000, ["501.5"] * 124 + ["484.0"]))
    assert (r.results["sample_size"], r.results["k1"], r.verdict) == (125, 1, "pass")


def test_fewer_samples_than_the_plan_is_incomplete_and_says_how_many():
    """README "Minimum content": net content needs the plan's sample count; less is no verdict."""
    with pytest.raises(Incomplete) as info:
        run(lot("500", 80, ["500"] * 12))
    assert (info.value.field, info.value.missing) == ("samples", ["samples"])
    assert (info.value.params["needed"], info.value.params["given"]) == (13, 12)
    with pytest.raises(Incomplete):
        run(lot("500", 80, []))
    assert run(lot("500", 80, ["500"] * 13)).verdict == "pass"


def test_more_samples_than_the_plan_is_invalid_and_says_how_many():
    with pytest.raises(InputError) as info:
        run(lot("500", 80, ["500"] * 14))
    assert (info.value.field, info.value.code) == ("samples", "sample_count")
    assert (info.value.params["needed"], info.value.params["given"]) == (13, 14)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"lot_size": 0}, "lot_size", "out_of_range"),
        ({"lot_size": "ten"}, "lot_size", "not_a_number"),
        ({"lot_size": "10.5"}, "lot_size", "not_an_integer"),
        ({"nominal": "60000"}, "nominal", "out_of_range"),
        ({"nominal": "-5"}, "nominal", "out_of_range"),
        ({"quantity": "weight"}, "quantity", "unknown_choice"),
    ],
)
def test_invalid_lot_input(data, field, code):
    base = lot("500", 8, ["500"] * 8)
    with pytest.raises(InputError) as info:
        run({**base, **data})
    assert (info.value.field, info.value.code) == (field, code)


def test_average_tare_needs_ten_uniform_empties():
    samples = [{"gross": "505"}] * 8
    base = {"form": "net_content", "quantity": "mass", "nominal": "500", "lot_size": 8, "samples": samples}
    with pytest.raises(InputError) as info:
        run({**base, "tare": {"mode": "average", "empty": ["5.0"] * 9}})
    assert (info.value.code, info.value.params["needed"]) == ("too_few", 10)
    with pytest.raises(InputError) as info:  # s_t far above 0.25 T = 3.75 g
        run({**base, "tare": {"mode": "average", "empty": ["5", "15"] * 5}})
    assert info.value.code == "tare_not_uniform"
    with pytest.raises(InputError) as info:  # individual tare: each sample needs its own
        run({**base, "tare": {"mode": "individual"}})
    assert info.value.field == "samples[0].tare"


def test_gross_below_tare_is_refused():
    with pytest.raises(InputError) as info:
        run(
            {
                "form": "net_content",
                "quantity": "mass",
                "nominal": "500",
                "lot_size": 1,
                "samples": [{"gross": "3", "tare": "5"}],
            }
        )
    assert info.value.code == "below_tare"


def test_an_unweighed_lot_still_gives_its_plan_and_average_tare():
    """The plan and T stand on Qn and N alone (§B.3), the average tare on the empties (README):
    an incomplete lot carries them as `partial`, for the inspector to weigh by, never a verdict."""
    empties = {"mode": "average", "empty": NC1_EMPTY}
    with pytest.raises(Incomplete) as info:
        run(lot("5000", 300, ["5001"] * 12, tare=empties))
    partial = info.value.partial
    assert partial is not None
    assert (partial["sample_size"], partial["t"], partial["two_t"]) == (50, D("75"), D("150"))
    assert (partial["lambda"], partial["c1"]) == (D("0.379"), 3)
    assert close(partial["tare_mean"], "5.0")
    assert "mean" not in partial and "k1" not in partial
    with pytest.raises(InputError) as too_many:  # more samples than the plan: the plan still shown
        run(lot("5000", 300, ["5001"] * 51))
    assert too_many.value.code == "sample_count" and too_many.value.partial["sample_size"] == 50
    with pytest.raises(Incomplete) as few_empties:  # an average of 3 empties is no average tare
        run(lot("5000", 300, [], tare={"mode": "average", "empty": NC1_EMPTY[:3]}))
    assert "tare_mean" not in few_empties.value.partial


def test_a_package_is_shown_from_what_is_stored_each_time():
    """Each package as shown (q, q − Qn = −shortage, its verdict: within T passes, §B.5) follows
    its stored texts on every call, though the texts' answers are kept between edits; each call
    gets packages of its own to add to."""
    from forms.net_content.evaluator import shown_results

    defn = load_definition("net_content")
    stored = {"net": ["501.0", "480.0"], "packages": [{"shortage": "-1.0", "class": "ok"}]}
    stored["packages"].append({"shortage": "20.0", "class": "t1"})
    first = shown_results(defn, stored)["packages"]
    assert first == [
        {"shortage": "-1.0", "class": "ok", "net": "501.0", "verdict": "pass", "deviation": "1.0"},
        {"shortage": "20.0", "class": "t1", "net": "480.0", "verdict": "fail", "deviation": "-20.0"},
    ]
    first[0]["note"] = "added by a caller"
    stored = {"net": ["501.0", "499.0"], "packages": [{"shortage": "-1.0", "class": "ok"}]}
    stored["packages"].append({"shortage": "1.0", "class": "ok"})  # the second package re-weighed
    again = shown_results(defn, stored)["packages"]
    assert again == [
        {"shortage": "-1.0", "class": "ok", "net": "501.0", "verdict": "pass", "deviation": "1.0"},
        {"shortage": "1.0", "class": "ok", "net": "499.0", "verdict": "pass", "deviation": "-1.0"},
    ]

"""Taxi meter evaluator (JJG 517-2016, installed meter in service): distance, time and fare.

Formulas: taxi_meter.md §3.4 (δ = (L_J − L_B)/L_B × 100 %; fare from the tariff model §3.4-6).
Pure: no Qt, no database; tariffs come in as data (inline, or by id from `tariffs/`). Errors are
exact rationals, so a value exactly on −4 % or +1 % passes whatever its decimal expansion.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from forms.definition import FormDefinition
from forms.display import number, shown, size, verdict_side, within
from forms.errors import Incomplete, InputError
from forms.numbers import (
    HUNDRED,
    ONE,
    ZERO,
    Exact,
    add,
    floor_exact,
    mul,
    quotient,
    result,
    round_half_up,
    round_to_step,
    sub,
)
from forms.taxi_meter.tariffs import load_tariffs
from forms.verdict import FAIL, PASS, Judge, compared, items_of, magnitude, object_of, option, state


def _tariff(defn: FormDefinition, data: Mapping[str, Any]) -> dict[str, Decimal]:
    raw = data.get("tariff")
    if raw is None:
        raise InputError("tariff", "required")
    if isinstance(raw, str):  # a tariff file by id, the period chosen by the check's date
        tariffs = load_tariffs()
        if raw not in tariffs:
            raise InputError("tariff", "unknown_choice", value=raw, choices=sorted(tariffs))
        day = str(data.get("date", ""))
        period = (
            tariffs[raw].period_on(day)
            if day
            else (tariffs[raw].periods[0] if len(tariffs[raw].periods) == 1 else None)
        )
        if period is None:
            raise InputError("date", "no_tariff_period", tariff=raw, value=day)
        raw = period
    raw = object_of(raw, "tariff")
    keys: list[str] = defn.limits["tariff_keys"].value
    return {k: defn.parse(k, raw.get(k), f"tariff.{k}") for k in keys}


def fare(tariff: Mapping[str, Decimal], distance_km: Decimal, waiting_s: Decimal, night: bool) -> Decimal:
    """The fare the tariff asks for (taxi_meter.md §3.4-6), rounded half-up to the fare step.

    F_dist = B·m + max(0, min(D, D_L) − D_0)·r·m + max(0, D − D_L)·r·(1 + s)·m
    F_wait = ⌊T_wait / T_u⌋·W·m (partial units free)
    """
    m = tariff["night_multiplier"] if night else ONE
    d_l, d_0, r = tariff["long_km"], tariff["included_km"], tariff["per_km"]
    f_dist = (
        tariff["flag_fall"] * m
        + max(ZERO, min(distance_km, d_l) - d_0) * r * m
        + max(ZERO, distance_km - d_l) * r * (ONE + tariff["long_surcharge"]) * m
    )
    units = floor_exact(quotient(waiting_s, tariff["wait_unit_s"]))
    f_wait = Decimal(units) * tariff["wait_charge"] * m
    return round_to_step(f_dist + f_wait, tariff["fare_step"])


def percent_error(indicated: Decimal, reference: Decimal) -> Exact:
    """(indicated − reference)/reference × 100 %, exact (reference > 0 by its field's range)."""
    return mul(quotient(indicated - reference, reference), HUNDRED)


def configured_limit(defn: FormDefinition, options: Mapping[str, Any], key: str) -> Decimal | None:
    """A limit no regulation text fixed (§3.3): the option, else the definition's value, else none.

    None means the error is computed and shown but not judged (README "Taxi meter").
    """
    raw = options.get(key)
    if raw in (None, "") and key in defn.limits:
        raw = defn.limits[key].value
    if raw in (None, ""):
        return None
    return defn.parse(key, raw, f"options.{key}")  # type: ignore[no-any-return]


def k_adjustment(k_old: Decimal, error_pct: Exact, target_pct: Decimal) -> dict[str, Decimal]:
    """The meter constant that puts the error at ``target_pct`` (informative, §3.4-5, T-B).

    w = k_old·(1 + δ) is the vehicle's true signals per km; k_new = w/(1 + δ*); the meter takes an
    integer, rounded half-up, whose expected error is w/k − 1.
    """
    w = mul(k_old, quotient(add(HUNDRED, error_pct), HUNDRED))
    k_new = quotient(w, quotient(HUNDRED + target_pct, HUNDRED))
    k_set = round_half_up(k_new, ONE)
    return {
        "k_suggested": result(k_new),
        "k_rounded": k_set,
        "expected_error_pct": result(mul(sub(quotient(w, k_set), ONE), HUNDRED)),
    }


def _unjudged(verdict: str | None) -> dict[str, str]:
    """Why a test has no verdict: no limit is configured (README "Taxi meter": computed, shown)."""
    return {"note": "no_limit"} if verdict is None else {}


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    comparison = option(options, "limit_comparison", ("full", "rounded"), "full")
    quantum: Decimal = defn.limit("error_resolution_pct")
    low: Decimal = defn.limit("distance_error_min_pct")
    high: Decimal = defn.limit("distance_error_max_pct")

    distance_out = []
    for i, test in enumerate(items_of(data, "distance_tests", "distance_tests")):
        path = f"distance_tests[{i}]"
        test = object_of(test, path)
        l_j = defn.parse("meter_m", test.get("meter_m"), f"{path}.meter_m")
        l_b = defn.parse("reference_m", test.get("reference_m"), f"{path}.reference_m")
        error = percent_error(l_j, l_b)  # δ = (L_J − L_B)/L_B × 100 % (§3.4-1)
        value = compared(error, comparison, quantum)
        ok = low <= value <= high  # both limits inclusive (§3.5)
        judge.record("distance_error", state(ok))
        entry: dict[str, Any] = {"error_pct": result(error), "verdict": PASS if ok else FAIL}
        if test.get("k") is not None:  # meter constant given: suggest the mid-band k (§3.4-5)
            k_old = defn.parse("k", test["k"], f"{path}.k")
            entry.update(k_adjustment(k_old, error, (low + high) * Decimal("0.5")))
        distance_out.append(entry)

    # Bench (本机) distance, §3.4-2: δ = (k·Q − N)/N; judged only with a configured limit (T-E).
    bench_limit = configured_limit(defn, options, "bench_limit_pct")
    bench_out = []
    for i, test in enumerate(items_of(data, "bench_tests", "bench_tests")):
        path = f"bench_tests[{i}]"
        test = object_of(test, path)
        k = defn.parse("k", test.get("k"), f"{path}.k")
        q = defn.parse("q_km", test.get("q_km"), f"{path}.q_km")
        n = defn.parse("n", test.get("n"), f"{path}.n")
        error = percent_error(k * q, n)
        verdict = None
        if bench_limit is not None:
            ok = magnitude(compared(error, comparison, quantum)) <= bench_limit
            judge.record("bench_distance_error", state(ok))
            verdict = PASS if ok else FAIL
        bench_out.append(
            {"error_pct": result(error), "limit_pct": bench_limit, "verdict": verdict, **_unjudged(verdict)}
        )

    time_limit = configured_limit(defn, options, "time_limit_pct")
    time_out = []
    for i, test in enumerate(items_of(data, "time_tests", "time_tests")):
        path = f"time_tests[{i}]"
        test = object_of(test, path)
        t_j = defn.parse("meter_s", test.get("meter_s"), f"{path}.meter_s")
        t_b = defn.parse("reference_s", test.get("reference_s"), f"{path}.reference_s")
        error = percent_error(t_j, t_b)  # δ_t = (T_J − T_B)/T_B × 100 % (§3.4-4)
        verdict = None
        if time_limit is not None:  # judged only with a configured limit (README)
            ok = magnitude(compared(error, comparison, quantum)) <= time_limit
            judge.record("time_error", state(ok))
            verdict = PASS if ok else FAIL
        time_out.append(
            {"error_pct": result(error), "limit_pct": time_limit, "verdict": verdict, **_unjudged(verdict)}
        )

    fare_out = []
    fare_tests = items_of(data, "fare_tests", "fare_tests")
    if fare_tests:
        tariff = _tariff(defn, data)
        for i, test in enumerate(fare_tests):
            path = f"fare_tests[{i}]"
            test = object_of(test, path)
            distance = defn.parse("distance_km", test.get("distance_km"), f"{path}.distance_km")
            waiting = defn.parse("waiting_s", test.get("waiting_s", "0"), f"{path}.waiting_s")
            night = defn.parse("night", test.get("night", False), f"{path}.night")
            displayed = defn.parse("displayed", test.get("displayed"), f"{path}.displayed")
            computed = fare(tariff, distance, waiting, night)
            ok = displayed == computed  # must equal the tariff's fare (README "Taxi meter")
            judge.record("fare", state(ok))
            fare_out.append({"computed": computed, "verdict": PASS if ok else FAIL})

    # Minimum content for a verdict: at least one distance or fare test (README).
    if not (distance_out or fare_out):
        raise Incomplete("distance_tests", ["distance_or_fare_test"])
    return {
        "distance_tests": distance_out,
        "time_tests": time_out,
        "fare_tests": fare_out,
        "bench_tests": bench_out,
    }


# -- display (forms.display asks these first) --------------------------------------------------

# The single results a row's texts depend on besides the row (forms.display.row_context):
# none, a row is shown from itself and the definition.
ROW_CONTEXT: tuple[str, ...] = ()


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str | None:
    """Errors to 0.01 % (§3.5): a distance error within −4 % … +1 % as its verdict says; a time
    or bench error against its configured limit, if any."""
    value = entry[key]
    if key == "error_pct":
        if where.startswith("distance_tests"):
            low = defn.limit("distance_error_min_pct")
            high = defn.limit("distance_error_max_pct")
            return shown(value, "0.01", lambda x: low <= x <= high, verdict_side(entry), sign=True)
        category = within(entry["limit_pct"]) if entry.get("limit_pct") is not None else None
        return shown(value, "0.01", category, verdict_side(entry) if category else None, sign=True)
    if key == "expected_error_pct":
        return shown(value, "0.01", sign=True)
    return None


def key_figures(defn: FormDefinition, results: Mapping[str, Any]) -> str:
    """The QR's figure: the worst distance error (D−0.60%)."""
    tests = [t for t in results.get("distance_tests", []) if number(t.get("error_pct")) is not None]
    if not tests:
        return ""
    worst = max(tests, key=lambda t: size(t["error_pct"]))
    return f"D{cell_text(defn, 'distance_tests[]', 'error_pct', worst, results)}%"

"""Fuel dispenser evaluator (JJG 443-2023): readings → corrected volumes, errors, verdict.

Pure: exact arithmetic in, 40-digit results out; no Qt, no database. Formulas are
fuel_dispenser.md §2.4; the choices (mean per point, the range coefficient C_n of the number of runs,
full-precision comparison) are the spec README's. Errors, means and repeatability are exact
rationals, so a mean exactly on ±0.30 % reached through repeating run errors passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from forms.definition import FormDefinition
from forms.display import number, shown, size, verdict_side, within
from forms.errors import Incomplete, InputError
from forms.numbers import HUNDRED, ONE, Exact, exact_mean, mul, quotient, result, sub
from forms.verdict import FAIL, PASS, Judge, compared, items_of, magnitude, object_of, option, state

POINT_ERROR_RULES = ("mean", "each_run", "both")


def _reference_volume(defn: FormDefinition, run: Mapping[str, Any], path: str) -> Decimal:
    """V_B typed, or from the measure's neck: V_B = V_0 + (h − h_0)·d/1000 (§2.4-1)."""
    if run.get("v_b") is not None:
        return defn.parse("v_b", run["v_b"], f"{path}.v_b")  # type: ignore[no-any-return]
    neck = run.get("neck")
    if neck is None:
        raise InputError(f"{path}.v_b", "required")
    neck = object_of(neck, f"{path}.neck")
    v0 = defn.parse("neck_v0", neck.get("v0"), f"{path}.neck.v0")
    h0 = defn.parse("neck_h0", neck.get("h0_mm"), f"{path}.neck.h0_mm")
    d = defn.parse("neck_d", neck.get("d_ml_per_mm"), f"{path}.neck.d_ml_per_mm")
    h = defn.parse("neck_h", neck.get("h_mm"), f"{path}.neck.h_mm")
    v_b: Decimal = v0 + (h - h0) * d * Decimal("0.001")
    if v_b <= 0:
        raise InputError(f"{path}.neck.h_mm", "not_positive_result", value=str(v_b))
    return v_b


def range_coefficient(defn: FormDefinition, runs: int, path: str) -> Decimal | None:
    """C_n of the range method for n runs (spec README "Fuel dispenser"; JJF 1059.1): None under
    the minimum (no repeatability verdict); InputError above the largest n in the table."""
    if "repeatability_coefficients" in defn.limits:
        table: dict[str, Decimal] = defn.limit("repeatability_coefficients")
    else:  # a definition stored before C_n by n (1.0.0): its one divisor, as it was recorded
        table = {str(runs): defn.limit("repeatability_divisor")}
        if runs < defn.limit("repeatability_min_runs"):
            return None
    if runs < min(int(n) for n in table):
        return None
    if str(runs) not in table:
        raise InputError(path, "too_many", max=max(int(n) for n in table), given=runs)
    return table[str(runs)]


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    comparison = option(options, "limit_comparison", ("full", "rounded"), "full")
    rule = option(options, "point_error_rule", POINT_ERROR_RULES, "mean")
    fuel = defn.parse("fuel", data.get("fuel"), "fuel")
    material = defn.parse("measure_material", data.get("measure_material"), "measure_material")
    beta_y: Decimal = defn.limit("beta_fuel")[fuel]
    beta_b: Decimal = defn.limit("beta_measure")[material]
    t_ref: Decimal = defn.limit("reference_temperature")
    mpe: Decimal = defn.limit("indication_error_pct")
    rep_limit: Decimal = defn.limit("repeatability_pct")
    quantum: Decimal = defn.limit("error_resolution_pct")

    # Minimum content for a verdict: at least one flow point with at least one run (README).
    points = items_of(data, "flow_points", "flow_points")
    if not points:
        raise Incomplete("flow_points", ["flow_points"])
    points_out = []
    judge.record("indication_error", PASS)
    for i, point in enumerate(points):
        ppath = f"flow_points[{i}]"
        runs = items_of(object_of(point, ppath), "runs", f"{ppath}.runs")
        if not runs:
            raise Incomplete(f"{ppath}.runs", ["flow_points"])
        coefficient = range_coefficient(defn, len(runs), f"{ppath}.runs")
        runs_out = []
        errors: list[Exact] = []
        for j, run in enumerate(runs):
            rpath = f"{ppath}.runs[{j}]"
            run = object_of(run, rpath)
            v_j = defn.parse("v_j", run.get("v_j"), f"{rpath}.v_j")
            v_b = _reference_volume(defn, run, rpath)
            has_tj, has_tb = run.get("t_j") is not None, run.get("t_b") is not None
            if has_tj != has_tb:  # a correction needs both temperatures (§2.4-2)
                missing = "t_b" if has_tj else "t_j"
                raise InputError(f"{rpath}.{missing}", "required")
            if has_tj:
                t_j = defn.parse("t_j", run["t_j"], f"{rpath}.t_j")
                t_b = defn.parse("t_b", run["t_b"], f"{rpath}.t_b")
                # V_Bt = V_B·[1 + β_Y(t_J − t_B) + β_B(t_B − 20)], linearised as regulated (§2.4-2)
                v_bt = v_b * (ONE + beta_y * (t_j - t_b) + beta_b * (t_b - t_ref))
            else:
                v_bt = v_b  # no temperatures, no correction (spec README)
            if v_bt <= 0:
                raise InputError(f"{rpath}.t_j", "not_positive_result", value=str(v_bt))
            # E_V = (V_J − V_Bt)/V_Bt × 100 % (§2.4-3), exact
            error = mul(quotient(sub(v_j, v_bt), v_bt), HUNDRED)
            errors.append(error)
            run_ok = magnitude(compared(error, comparison, quantum)) <= mpe
            runs_out.append(  # a run beyond the MPE is flagged on screen and in the record (README)
                {
                    "v_b": v_b,
                    "v_bt": result(v_bt),
                    "error_pct": result(error),
                    "exceeds_mpe": not run_ok,
                    "verdict": state(run_ok),
                }
            )
            if rule in ("each_run", "both") and not run_ok:
                judge.record("indication_error", FAIL)
        point_mean = exact_mean(errors)  # a flow point's error is the mean of its runs (§2.4-4)
        mean_ok = magnitude(compared(point_mean, comparison, quantum)) <= mpe
        if rule in ("mean", "both"):
            judge.record("indication_error", state(mean_ok))
        repeatability = None
        repeatability_ok = None
        if coefficient is not None:
            # E_r = (E_max − E_min)/C_n, C_n by the number of runs (§2.4-5; README)
            repeatability = quotient(sub(max(errors), min(errors)), coefficient)
            repeatability_ok = compared(repeatability, comparison, quantum) <= rep_limit
            judge.record("repeatability", state(repeatability_ok))
        point_ok = (mean_ok or rule == "each_run") and repeatability_ok is not False
        points_out.append(
            {
                "verdict": state(point_ok),
                "runs": runs_out,
                "mean_error_pct": result(point_mean),
                "mean_within_mpe": mean_ok,
                "repeatability_pct": None if repeatability is None else result(repeatability),
                "repeatability_coefficient": coefficient,
                "repeatability_within_limit": repeatability_ok,
            }
        )

    increment_raw = data.get("payment_increment", options.get("payment_increment"))
    increment: Decimal = (
        defn.limit("payment_increment")
        if increment_raw is None
        else defn.parse("payment_increment", increment_raw, "payment_increment")
    )
    payments_out = []
    for i, pay in enumerate(items_of(data, "payment", "payment")):
        ppath = f"payment[{i}]"
        pay = object_of(pay, ppath)
        price = defn.parse("unit_price", pay.get("unit_price"), f"{ppath}.unit_price")
        volume = defn.parse("volume", pay.get("volume"), f"{ppath}.volume")
        amount = defn.parse("amount", pay.get("amount"), f"{ppath}.amount")
        computed = price * volume
        difference = amount - computed  # ΔP = P_J − U·V_J, |ΔP| ≤ δP_min (§2.4-6)
        preset_by_amount = pay.get("preset") == "amount"
        ok = abs(difference) <= increment
        if not preset_by_amount:  # not judged on a delivery preset by amount (§2.4-6 edge case)
            judge.record("payment", state(ok))
        payments_out.append(
            {
                "computed": result(computed),
                "difference": result(difference),
                "limit": increment,
                "verdict": None if preset_by_amount else (PASS if ok else FAIL),
                **({"note": "preset_by_amount"} if preset_by_amount else {}),
            }
        )

    return {"flow_points": points_out, "payment": payments_out}


# -- display (forms.display asks these first) --------------------------------------------------

# The single results a row's texts depend on besides the row (forms.display.row_context):
# none, a row is shown from itself and the definition.
ROW_CONTEXT: tuple[str, ...] = ()


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str | None:
    """Errors to 0.01 % and volumes to 0.001 L (§2.5), never contradicting the run's flag, the
    point's mean or its repeatability; ΔP against the increment in force (§2.4-6)."""
    value = entry[key]
    if key in ("v_b", "v_bt"):
        return shown(value, "0.001")
    if key == "error_pct":
        ok = None if "exceeds_mpe" not in entry else not entry["exceeds_mpe"]
        return shown(value, "0.01", within(defn.limit("indication_error_pct")), ok, sign=True)
    if key == "mean_error_pct":
        mpe = defn.limit("indication_error_pct")
        return shown(value, "0.01", within(mpe), entry.get("mean_within_mpe"), sign=True)
    if key == "repeatability_pct":
        limit = defn.limit("repeatability_pct")
        return shown(value, "0.01", lambda x: x <= limit, entry.get("repeatability_within_limit"))
    if key in ("computed", "difference"):
        limit = entry.get("limit")
        category = within(limit) if key == "difference" and limit is not None else None
        truth = verdict_side(entry) if category else None
        return shown(value, "0.01", category, truth, sign=key == "difference")
    return None


def key_figures(defn: FormDefinition, results: Mapping[str, Any]) -> str:
    """The QR's figure: the worst flow point's mean error (E+0.07%)."""
    points = [p for p in results.get("flow_points", []) if number(p.get("mean_error_pct")) is not None]
    if not points:
        return "E"
    worst = max(points, key=lambda p: size(p["mean_error_pct"]))
    mpe = defn.limit("indication_error_pct")
    within_mpe = worst.get("mean_within_mpe")
    return f"E{shown(worst['mean_error_pct'], '0.01', lambda x: abs(x) <= mpe, within_mpe, sign=True)}%"

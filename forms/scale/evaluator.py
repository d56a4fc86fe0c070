"""Scale evaluator (JJG 539-2016 / OIML R76 and retail re-weighing): errors, MPEs, verdict.

Flash-point method (scale.md §A.4): P = I + 0.5e − ΔL, E = P − L, Ec = E − E0, |Ec| ≤ MPE.
Without small weights the reading E = I − L decides only when clear (README "Scale"). The class is
the marked one, always; a scale whose class cannot be known fails `class` and no load is judged
against a guessed one. Loads below Min are shown and not judged. Pure, exact arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from forms.definition import FormDefinition, scope
from forms.display import number, shown, size, verdict_side, within
from forms.errors import Incomplete, InputError
from forms.numbers import ZERO, mul, quotient, result, round_half_up
from forms.verdict import (
    FAIL,
    INCONCLUSIVE,
    PASS,
    Judge,
    items_of,
    object_of,
    option,
    state,
)

HALF = Decimal("0.5")
CONTROLS = ("in_service", "verification")


def _bound(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def fitting_classes(defn: FormDefinition, max_: Decimal, e: Decimal) -> list[dict[str, Any]]:
    """Rows of the class table (§A.3.1) whose e range and n = Max/e range admit this scale."""
    n = Fraction(max_) / Fraction(e)
    rows = []
    for row in defn.limits["classes"].value:
        n_lo, n_hi = _bound(row["n_min"]), _bound(row["n_max"])
        if not _e_in_range(row, e):
            continue
        if (n_lo is not None and n < n_lo) or (n_hi is not None and n > n_hi):
            continue
        rows.append(row)
    return rows


def _e_in_range(row: Mapping[str, Any], e: Decimal) -> bool:
    """Whether a class-table row's range of e (§A.3.1) holds this e."""
    e_lo, e_hi = _bound(row["e_min"]), _bound(row["e_max"])
    return (e_lo is None or e >= e_lo) and (e_hi is None or e <= e_hi)


def class_row(defn: FormDefinition, cls: str, e: Decimal) -> dict[str, Any]:
    """The table row of a named class for this e (class II has two, with Min 20e or 50e).

    An e outside every row of the class takes the row of the nearest e range below it (else the
    first): the marked class is used whatever e says, which the class note reports (README).
    """
    rows = [dict(r) for r in defn.limits["classes"].value if r["class"] == cls]
    for row in rows:
        if _e_in_range(row, e):
            return row
    below = [r for r in rows if _bound(r["e_min"]) is not None and _bound(r["e_min"]) <= e]  # type: ignore[operator]
    return below[-1] if below else rows[0]


def mpe(defn: FormDefinition, row: Mapping[str, Any], load: Decimal, e: Decimal, control: str) -> Decimal:
    """MPE at a load: the band of m = L/e (upper bounds inclusive), × 2 in service (§A.3.2)."""
    m = Fraction(load) / Fraction(e)
    factors = [Decimal(f) for f in defn.limits["mpe_factors"].value]
    factor = factors[-1]
    for bound, band_factor in zip(row["mpe"], factors, strict=True):
        if not bound or m <= Decimal(bound):
            factor = band_factor
            break
    if control == "in_service":
        factor = factor * defn.limit("in_service_factor")
    return factor * e


def _price_interval(defn: FormDefinition, raw: Any, path: str) -> Decimal:
    """A price interval: 1, 2 or 5 × 10^k 元 (0.01, 0.02, 0.05, 0.10, 0.50, 1 元 …; README "Scale")."""
    interval: Decimal = defn.parse("interval", raw, path)
    if interval.normalize().as_tuple().digits not in ((1,), (2,), (5,)):
        raise InputError(path, "not_a_price_interval", value=str(raw))
    return interval


def _unjudged(verdict: str | None, below_min: bool = False) -> dict[str, str]:
    """Why a load has no verdict: below Min (§A.5), or no class to take an MPE from (README)."""
    if verdict is not None:
        return {}
    return {"note": "below_min" if below_min else "class_unknown"}


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    control = option(options, "control", CONTROLS, "in_service")
    verification = control == "verification"
    max_ = defn.parse("max", data.get("max"), "max")
    e = defn.parse("e", data.get("e"), "e")
    d = defn.parse("d", data["d"], "d") if data.get("d") is not None else e
    if e > max_:
        raise defn.fields["e"].out_of_range(e, "e", high=max_)

    # Class (README "Scale"): the marked one, always; a marked class that does not fit n and e is a
    # note, not a verdict. Unmarked: exactly one fit is used; none or several fail `class`, and no
    # load is judged against a guessed class.
    fits = sorted({r["class"] for r in fitting_classes(defn, max_, e)}, key=len)
    marked = data.get("accuracy_class")
    row: Mapping[str, Any] | None = None
    results: dict[str, Any] = {"control": control, "e": e, "d": d, "n": result(quotient(max_, e))}
    if marked is not None and marked != "":
        marked = defn.parse("accuracy_class", marked, "accuracy_class")
        row = class_row(defn, marked, e)
        judge.record("class", PASS)
        results["accuracy_class"] = marked
        if marked not in fits:
            results["class_note"] = "marked_class_does_not_fit"
            results["class_fits"] = fits
    elif len(fits) == 1:
        row = class_row(defn, fits[0], e)
        judge.record("class", PASS)
        results.update(accuracy_class=fits[0], class_inferred=True)
    else:
        judge.record("class", FAIL)
        results.update(accuracy_class=None, class_fits=fits)
    min_load = None if row is None else Decimal(row["min_e"]) * e
    results["min_load"] = min_load

    def flash(entry: Mapping[str, Any], path: str, load: Decimal) -> tuple[Decimal, Decimal | None]:
        """(E, P) — P only when small weights were added (flash-point method)."""
        within = scope(entry, data)  # I a multiple of d (or e), ΔL of 0.1e (§A.4)
        indication = defn.parse("indication", entry.get("indication"), f"{path}.indication", within)
        if entry.get("added") is None:
            return indication - load, None
        added = defn.parse("added", entry["added"], f"{path}.added", within)
        p = indication + HALF * e - added  # P = I + 0.5e − ΔL (§A.4)
        return p - load, p

    def setting_test(code: str, limit_key: str) -> Decimal | None:
        """Zero-setting (E0 = P0 − L0, 10e on the pan) or tare (after taring, no load: E_T = P):
        |E| ≤ 0.25e, judged in verification only (§A.2 steps 5 and 7; README "Scale")."""
        entry = data.get(code)
        if entry is None:
            return None
        entry = object_of(entry, code)
        load = defn.parse("load", entry.get("load"), f"{code}.load") if code == "zero" else ZERO
        if entry.get("added") is None:  # the flash point needs the small weights
            raise InputError(f"{code}.added", "required")
        error, _ = flash(entry, code, load)
        limit = defn.limit(limit_key if limit_key in defn.limits else "zero_limit_e") * e
        ok = abs(error) <= limit
        if verification:
            judge.record(code, state(ok))
        results[code] = {
            "error": error,
            "limit": limit,
            "verdict": (PASS if ok else FAIL) if verification else None,
            **({} if verification else {"note": "verification_only"}),
        }
        return error

    e0 = setting_test("zero", "zero_limit_e") or ZERO
    setting_test("tare", "tare_limit_e")

    def judge_error(code: str, error: Decimal, corrected: Decimal | None, limit: Decimal) -> str:
        if corrected is not None:
            return PASS if abs(corrected) <= limit else FAIL
        # Reading without small weights: ±0.5e rounding unknown, decide only when clear.
        if abs(error) <= limit - HALF * e:
            return PASS
        if abs(error) > limit + HALF * e:
            return FAIL
        judge.ask(f"{code}.flash_point")
        return INCONCLUSIVE

    weighings_out = []
    judged_loads = 0
    for i, entry in enumerate(items_of(data, "weighings", "weighings")):
        path = f"weighings[{i}]"
        entry = object_of(entry, path)
        load = defn.parse("load", entry.get("load"), f"{path}.load")
        error, p = flash(entry, path, load)
        corrected = None if p is None else error - e0
        limit = None if row is None else mpe(defn, row, load, e, control)
        below_min = min_load is not None and load < min_load
        verdict = None
        if limit is not None and not below_min:  # below Min: shown, not judged (§A.5)
            verdict = judge_error("weighing", error, corrected, limit)
            judge.record("weighing", verdict)
            judged_loads += 1
        weighings_out.append(
            {
                "p": p,
                "error": error,
                "corrected_error": corrected,
                "mpe": limit,
                "below_min": below_min,
                "verdict": verdict,
                **_unjudged(verdict, below_min),
            }
        )
    results["weighings"] = weighings_out
    # Minimum content (README): once the class is known, at least one weighing at or above Min.
    if row is not None and judged_loads == 0:
        raise Incomplete("weighings", ["weighing_at_min"], min_load=str(min_load), unit="g")

    ecc = data.get("eccentricity")
    if ecc is not None:
        ecc = object_of(ecc, "eccentricity")
        load = defn.parse("load", ecc.get("load"), "eccentricity.load")
        limit = None if row is None else mpe(defn, row, load, e, control)
        positions = []
        for i, entry in enumerate(items_of(ecc, "positions", "eccentricity.positions", required=True)):
            path = f"eccentricity.positions[{i}]"
            error, p = flash(object_of(entry, path), path, load)
            corrected = None if p is None else error - e0
            verdict = None
            if limit is not None:
                verdict = judge_error("eccentricity", error, corrected, limit)
                judge.record("eccentricity", verdict)
            positions.append(
                {
                    "p": p,
                    "error": error,
                    "corrected_error": corrected,
                    "mpe": limit,
                    "verdict": verdict,
                    **_unjudged(verdict),
                }
            )
        results["eccentricity"] = {"load": load, "positions": positions}

    rep = data.get("repeatability")
    if rep is not None:
        rep = object_of(rep, "repeatability")
        load = defn.parse("load", rep.get("load"), "repeatability.load")
        runs = [
            object_of(entry, f"repeatability.runs[{i}]")
            for i, entry in enumerate(items_of(rep, "runs", "repeatability.runs", required=True))
        ]
        needed: int = defn.limit("repeatability_min_runs")
        if len(runs) < needed:
            raise InputError("repeatability.runs", "too_few", needed=needed, given=len(runs))
        # ΔL for every run or for none (then P = I); a series mixing the two is invalid (README).
        with_added = [entry.get("added") is not None for entry in runs]
        if any(with_added) and not all(with_added):
            i = with_added.index(False)
            raise InputError(f"repeatability.runs[{i}].added", "added_mixed")
        values = []
        for i, entry in enumerate(runs):
            path = f"repeatability.runs[{i}]"
            within = scope(entry, data)
            indication = defn.parse("indication", entry.get("indication"), f"{path}.indication", within)
            if entry.get("added") is None:
                values.append(indication)
            else:
                added = defn.parse("added", entry["added"], f"{path}.added", within)
                values.append(indication + HALF * e - added)
        spread = max(values) - min(values)  # R = P_max − P_min ≤ |MPE(L)| (§A.4)
        limit = None if row is None else mpe(defn, row, load, e, control)
        verdict = None
        if limit is not None:
            verdict = state(spread <= limit)
            judge.record("repeatability", verdict)
        results["repeatability"] = {
            "p": values,
            "range": spread,
            "mpe": limit,
            "verdict": verdict,
            **_unjudged(verdict),
        }

    disc_out = []
    for i, entry in enumerate(items_of(data, "discrimination", "discrimination")):
        path = f"discrimination[{i}]"
        entry = object_of(entry, path)
        defn.parse("load", entry.get("load"), f"{path}.load")
        changed = defn.parse("changed", entry.get("changed"), f"{path}.changed")
        judge.record("discrimination", state(changed))  # 1.4 d must change the indication
        disc_out.append(
            {"added": defn.limit("discrimination_factor_d") * d, "verdict": PASS if changed else FAIL}
        )
    results["discrimination"] = disc_out

    price_out = []
    prices = items_of(data, "price", "price")
    if prices:  # a price-computing scale: e must equal d (§A.5; README "Scale")
        judge.record("marking", state(e == d))
        results["marking"] = {"e_equals_d": e == d}
    for i, entry in enumerate(prices):
        path = f"price[{i}]"
        entry = object_of(entry, path)
        unit_price = defn.parse("unit_price", entry.get("unit_price"), f"{path}.unit_price")
        per = defn.parse("per", entry.get("per", "kg"), f"{path}.per")
        within = scope(entry, data)  # W as the scale shows it (d), the amount in price intervals
        weight = defn.parse("weight_kg", entry.get("weight_kg"), f"{path}.weight_kg", within)
        interval = (
            _price_interval(defn, entry["interval"], f"{path}.interval")
            if entry.get("interval") is not None
            else defn.limit("price_interval")
        )
        displayed = defn.parse("displayed", entry.get("displayed"), f"{path}.displayed", within)
        exact_amount = unit_price * weight * (2 if per == "500g" else 1)  # 元/500 g doubled per kg
        # round_half_up(U × W / interval) × interval: a multiple of the interval (§A.3.4; README)
        computed = round_half_up(exact_amount, interval)
        ok = displayed == computed
        judge.record("price", state(ok))
        price_out.append(
            {"exact": result(exact_amount), "computed": computed, "verdict": PASS if ok else FAIL}
        )
    results["price"] = price_out

    reweigh_out = []
    upper_raw = options.get("category2_upper_g")
    category2_upper: Decimal = (
        defn.limit("category2_upper_g")
        if upper_raw in (None, "")
        else defn.parse("settled_g", upper_raw, "options.category2_upper_g")
    )
    for i, entry in enumerate(items_of(data, "reweighing", "reweighing")):
        path = f"reweighing[{i}]"
        entry = object_of(entry, path)
        category = defn.parse("category", str(entry.get("category")), f"{path}.category")
        settled = defn.parse("settled_g", entry.get("settled_g"), f"{path}.settled_g")
        actual = defn.parse("actual_g", entry.get("actual_g"), f"{path}.actual_g")
        method = defn.parse("method", entry.get("method"), f"{path}.method")
        deviation = None
        bands = defn.limits["reweighing"].value[category]
        for upper, dev in bands:
            upper_g = category2_upper if upper == "category2_upper_g" else Decimal(upper)
            if settled <= upper_g:
                deviation = Decimal(dev)
                break
        if deviation is None:
            top = bands[-1][0]
            top_g = category2_upper if top == "category2_upper_g" else Decimal(top)
            raise defn.fields["settled_g"].out_of_range(settled, f"{path}.settled_g", high=top_g)
        limit_g = mul(deviation, Decimal(defn.limits["reweighing_factor"].value[method]))
        shortage = settled - actual  # Δ = B − A; not 超差 when equal to the limit (§A.5)
        ok = shortage <= limit_g
        judge.record("reweighing", state(ok))
        reweigh_out.append(
            {"shortage": shortage, "deviation": deviation, "limit": limit_g, "verdict": PASS if ok else FAIL}
        )
    results["reweighing"] = reweigh_out
    return results


# -- display (forms.display asks these first) --------------------------------------------------

# The single results a row's texts depend on besides the row (forms.display.row_context):
# e, P, E and Ec are shown to 0.1e (§A.4).
ROW_CONTEXT: tuple[str, ...] = ("e",)


def _error_side(entry: Mapping[str, Any], e: Decimal) -> Callable[[Decimal], Hashable]:
    """The side of an error without small weights: clear pass, clear fail, or undecided (±0.5e)."""
    limit = number(entry.get("mpe"))

    def side(x: Decimal) -> Hashable:
        if limit is None:
            return None
        if abs(x) <= limit - e / 2:
            return PASS
        return FAIL if abs(x) > limit + e / 2 else INCONCLUSIVE

    return side


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str | None:
    """P, E and Ec to 0.1e (§A.4), never on the other side of the MPE than the verdict."""
    value = entry[key]
    e = number(results.get("e")) or Decimal(1)
    tenth = e / 10
    if key == "corrected_error":
        return shown(value, tenth, within(entry.get("mpe")), verdict_side(entry), sign=True)
    if key == "error":
        if entry.get("corrected_error") is None and entry.get("verdict") is not None:
            return shown(value, tenth, _error_side(entry, e), entry["verdict"], sign=True)
        if where in ("zero", "tare") and entry.get("limit") is not None:
            return shown(value, tenth, within(entry["limit"]), verdict_side(entry), sign=True)
        return shown(value, tenth, sign=True)
    if key == "range" and entry.get("mpe") is not None:
        return shown(value, tenth, within(entry["mpe"]), verdict_side(entry))
    if key in ("p", "range"):
        return shown(value, tenth)
    return None


def key_figures(defn: FormDefinition, results: Mapping[str, Any]) -> str:
    """The QR's figure: the worst weighing error, corrected where small weights were used (E+3.5g)."""

    def key(w: Mapping[str, Any]) -> str:
        return "corrected_error" if w.get("corrected_error") is not None else "error"

    weighings = [w for w in results.get("weighings", []) if number(w.get(key(w))) is not None]
    if not weighings:
        return ""
    worst = max(weighings, key=lambda w: size(w[key(w)]))
    return f"E{cell_text(defn, 'weighings[]', key(worst), worst, results)}g"

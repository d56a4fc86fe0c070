"""Scale evaluator (JJG 539-2016 / OIML R76 and retail re-weighing): errors, MPEs, verdict.

Flash-point method (scale.md §A.4): P = I + 0.5e − ΔL, E = P − L, Ec = E − E0, |Ec| ≤ MPE.
Without small weights the reading E = I − L decides only when clear (README "Scale"). Pure code.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from forms.definition import FormDefinition
from forms.errors import InputError
from forms.numbers import ZERO, round_half_up
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
    n = max_ / e
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


def _class_row(defn: FormDefinition, cls: str, e: Decimal) -> dict[str, Any] | None:
    """The table row of a named class whose e range holds e (class II has two)."""
    for row in defn.limits["classes"].value:
        if row["class"] == cls and _e_in_range(row, e):
            return dict(row)
    return None


def mpe(defn: FormDefinition, row: Mapping[str, Any], load: Decimal, e: Decimal, control: str) -> Decimal:
    """MPE at a load: the band of m = L/e (upper bounds inclusive), × 2 in service (§A.3.2)."""
    m = load / e
    factors = [Decimal(f) for f in defn.limits["mpe_factors"].value]
    factor = factors[-1]
    for bound, band_factor in zip(row["mpe"], factors, strict=True):
        if not bound or m <= Decimal(bound):
            factor = band_factor
            break
    if control == "in_service":
        factor = factor * defn.limit("in_service_factor")
    return factor * e


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    control = option(options, "control", CONTROLS, "in_service")
    max_ = defn.parse("max", data.get("max"), "max")
    e = defn.parse("e", data.get("e"), "e")
    d = defn.parse("d", data["d"], "d") if data.get("d") is not None else e
    if e > max_:
        raise defn.fields["e"].out_of_range(e, "e", high=max_)

    # Class: the marked one; if none is marked, exactly one fit of n = Max/e and e (README "Scale").
    fits = fitting_classes(defn, max_, e)
    marked = data.get("accuracy_class")
    row: Mapping[str, Any] | None
    if marked is not None:
        marked = defn.parse("accuracy_class", marked, "accuracy_class")
        row = _class_row(defn, marked, e)
        consistent = any(r["class"] == marked for r in fits)
        judge.record("class", state(consistent))
        if row is None:  # e outside the marked class: judge against the least strict possible
            row = fits[-1] if fits else None
    else:
        classes = {r["class"] for r in fits}
        judge.record("class", state(len(classes) == 1))
        row = fits[-1] if fits else None  # several: the least strict, for information (§A.5)
    if row is None:  # none fits: the least strict class whose e range admits e, for information
        by_e = [r for r in defn.limits["classes"].value if _e_in_range(r, e)]
        row = by_e[-1] if by_e else defn.limits["classes"].value[0]
    min_load = Decimal(row["min_e"]) * e
    results: dict[str, Any] = {
        "accuracy_class": row["class"],
        "control": control,
        "n": max_ / e,
        "min_load": min_load,
    }

    def flash(entry: Mapping[str, Any], path: str, load: Decimal) -> tuple[Decimal, Decimal | None]:
        """(E, P) — P only when small weights were added (flash-point method)."""
        indication = defn.parse("indication", entry.get("indication"), f"{path}.indication")
        if entry.get("added") is None:
            return indication - load, None
        added = defn.parse("added", entry["added"], f"{path}.added")
        p = indication + HALF * e - added  # P = I + 0.5e − ΔL (§A.4)
        return p - load, p

    # Zero-setting: E0 = P0 − L0, |E0| ≤ 0.25e, judged in verification only (README).
    e0 = ZERO
    zero = data.get("zero")
    if zero is not None:
        zero = object_of(zero, "zero")
        load0 = defn.parse("load", zero.get("load"), "zero.load")
        if zero.get("added") is None:
            raise InputError("zero.added", "required")
        e0, _ = flash(zero, "zero", load0)
        ok = abs(e0) <= defn.limit("zero_limit_e") * e
        if control == "verification":
            judge.record("zero", state(ok))
        results["zero"] = {
            "error": e0,
            "limit": defn.limit("zero_limit_e") * e,
            "verdict": (PASS if ok else FAIL) if control == "verification" else None,
        }

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
    for i, entry in enumerate(items_of(data, "weighings", "weighings")):
        path = f"weighings[{i}]"
        entry = object_of(entry, path)
        load = defn.parse("load", entry.get("load"), f"{path}.load")
        error, p = flash(entry, path, load)
        corrected = None if p is None else error - e0
        limit = mpe(defn, row, load, e, control)
        if load < min_load:  # below Min: no accuracy verdict (§A.5)
            verdict = None
        else:
            verdict = judge_error("weighing", error, corrected, limit)
            judge.record("weighing", verdict)
        weighings_out.append(
            {"p": p, "error": error, "corrected_error": corrected, "mpe": limit, "verdict": verdict}
        )
    results["weighings"] = weighings_out

    ecc = data.get("eccentricity")
    if ecc is not None:
        ecc = object_of(ecc, "eccentricity")
        load = defn.parse("load", ecc.get("load"), "eccentricity.load")
        limit = mpe(defn, row, load, e, control)
        positions = []
        for i, entry in enumerate(items_of(ecc, "positions", "eccentricity.positions", required=True)):
            path = f"eccentricity.positions[{i}]"
            error, p = flash(object_of(entry, path), path, load)
            corrected = None if p is None else error - e0
            verdict = judge_error("eccentricity", error, corrected, limit)
            judge.record("eccentricity", verdict)
            positions.append(
                {"p": p, "error": error, "corrected_error": corrected, "mpe": limit, "verdict": verdict}
            )
        results["eccentricity"] = {"load": load, "positions": positions}

    rep = data.get("repeatability")
    if rep is not None:
        rep = object_of(rep, "repeatability")
        load = defn.parse("load", rep.get("load"), "repeatability.load")
        runs = items_of(rep, "runs", "repeatability.runs", required=True)
        needed: int = defn.limit("repeatability_min_runs")
        if len(runs) < needed:
            raise InputError("repeatability.runs", "too_few", needed=needed, given=len(runs))
        values = []
        for i, entry in enumerate(runs):
            path = f"repeatability.runs[{i}]"
            entry = object_of(entry, path)
            indication = defn.parse("indication", entry.get("indication"), f"{path}.indication")
            added = (
                defn.parse("added", entry["added"], f"{path}.added")
                if entry.get("added") is not None
                else ZERO
            )
            values.append(indication + HALF * e - added)
        spread = max(values) - min(values)  # R = P_max − P_min ≤ |MPE(L)| (§A.4)
        limit = mpe(defn, row, load, e, control)
        judge.record("repeatability", state(spread <= limit))
        results["repeatability"] = {
            "range": spread,
            "mpe": limit,
            "verdict": PASS if spread <= limit else FAIL,
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
    for i, entry in enumerate(items_of(data, "price", "price")):
        path = f"price[{i}]"
        entry = object_of(entry, path)
        unit_price = defn.parse("unit_price", entry.get("unit_price"), f"{path}.unit_price")
        per = defn.parse("per", entry.get("per", "kg"), f"{path}.per")
        weight = defn.parse("weight_kg", entry.get("weight_kg"), f"{path}.weight_kg")
        displayed = defn.parse("displayed", entry.get("displayed"), f"{path}.displayed")
        interval = (
            defn.parse("interval", entry["interval"], f"{path}.interval")
            if entry.get("interval") is not None
            else defn.limit("price_interval")
        )
        exact = unit_price * weight * (2 if per == "500g" else 1)  # 元/500 g doubled per kg
        computed = round_half_up(exact, interval)  # round_half_up(U × W, interval) (§A.3.4)
        ok = displayed == computed
        judge.record("price", state(ok))
        price_out.append({"exact": exact, "computed": computed, "verdict": PASS if ok else FAIL})
    results["price"] = price_out

    reweigh_out = []
    category2_upper = Decimal(str(options.get("category2_upper_g", defn.limit("category2_upper_g"))))
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
        limit = deviation * Decimal(defn.limits["reweighing_factor"].value[method])
        shortage = settled - actual  # Δ = B − A; not 超差 when equal to the limit (§A.5)
        ok = shortage <= limit
        judge.record("reweighing", state(ok))
        reweigh_out.append(
            {"shortage": shortage, "deviation": deviation, "limit": limit, "verdict": PASS if ok else FAIL}
        )
    results["reweighing"] = reweigh_out
    return results

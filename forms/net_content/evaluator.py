"""Net-content evaluator (JJF 1070-2023): T, plan, tare, net contents, k1, k2, mean test, verdict.

Formulas: net_content.md §B.4; plan §B.3.3; T §B.3.1–B.3.2 with the README's rounding. Statistics
are computed on exact net contents (the mean test compares squares, so it is exact although s is
a square root); only T is rounded; s, λ·s and Qn − λ·s are shown at 40 digits. Pure code.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from forms.definition import FormDefinition
from forms.display import number, shown, shown_pair
from forms.errors import Incomplete, InputError
from forms.numbers import (
    CONTEXT,
    HUNDRED,
    ZERO,
    Exact,
    ceil_integer,
    exact,
    exact_mean,
    exact_variance,
    quotient,
    result,
    round_gbt8170,
    sqrt_result,
    sub,
)
from forms.verdict import FAIL, PASS, Judge, items_of, object_of, option, state

QUANTITIES = ("mass", "volume", "length", "area", "count")
T_ROUNDINGS = ("two_step", "direct", "half_even")


@dataclass(frozen=True)
class Plan:
    sample_size: int
    lam: Decimal | None
    c1: int


def plan_for(defn: FormDefinition, lot_size: int) -> Plan:
    """The sampling-plan row for a lot (§B.3.3); lots of 1–10 are inspected whole."""
    for row in defn.limits["plan"].value:
        if lot_size >= row["lot_min"] and (row["lot_max"] == 0 or lot_size <= row["lot_max"]):
            n = row["n"] or lot_size
            return Plan(n, Decimal(row["lambda"]) if row["lambda"] else None, row["c1"])
    raise defn.fields["lot_size"].out_of_range(lot_size, "lot_size", high=None)


def _round_t(raw: Decimal, final: Decimal, mode: str) -> Decimal:
    """Round T as the Chinese note says (§B.3.1): at the digit below ``final``, half-up.

    two_step (default, §B.3.1 "round to 0.01, then half-up to 0.1"): first to one digit below
    the final one, then half-up; direct: half-up once; half_even: GB/T 8170 once.
    """
    if mode == "two_step":
        first = raw.quantize(final / 10, rounding=ROUND_HALF_UP, context=CONTEXT)
        return Decimal(first.quantize(final, rounding=ROUND_HALF_UP, context=CONTEXT))
    rounding = ROUND_HALF_UP if mode == "direct" else ROUND_HALF_EVEN
    return Decimal(raw.quantize(final, rounding=rounding, context=CONTEXT))


def tolerable_deficiency(
    defn: FormDefinition, quantity: str, nominal: Decimal, mode: str = "two_step"
) -> Decimal:
    """T for a nominal quantity (§B.3.1 mass/volume, §B.3.2 length/area/count)."""
    if quantity in ("mass", "volume"):
        for row in defn.limits["t_table"].value:
            if nominal <= Decimal(row["upper"]):
                raw = nominal * Decimal(row["pct"]) / HUNDRED if "pct" in row else Decimal(row["fixed"])
                break
        else:
            raise defn.fields["nominal"].out_of_range(
                nominal, "nominal", high=defn.limit("nominal_max_mass_volume"), unit="g / mL"
            )
        final = Decimal("0.1") if nominal <= defn.limit("t_rounding_threshold") else Decimal(1)
        return _round_t(raw, final, mode)
    if quantity == "length":
        if nominal <= defn.limit("length_no_shortage_max"):
            return ZERO  # no shortage allowed (不允许出现短缺量)
        return Decimal(nominal * defn.limit("length_pct") / HUNDRED)
    if quantity == "area":
        return Decimal(nominal * defn.limit("area_pct") / HUNDRED)
    if nominal != nominal.to_integral_value():
        raise InputError("nominal", "not_an_integer", value=str(nominal))
    if nominal <= defn.limit("count_no_shortage_max"):
        return ZERO
    return ceil_integer(nominal * defn.limit("count_pct") / HUNDRED)  # 1 %, rounded up


def _tare(defn: FormDefinition, data: Mapping[str, Any], t: Decimal, results: dict[str, Any]) -> Exact | None:
    """The average tare (None: each package's own or none), its figures put into ``results``.

    Average of ≥ 10 empties if s_t ≤ 0.25 T, otherwise each package's own tare (README)."""
    tare_mean: Exact | None = None
    tare_spec = data.get("tare")
    tare_mode = "none"
    if tare_spec is not None:
        tare_spec = object_of(tare_spec, "tare")
        tare_mode = str(tare_spec.get("mode"))
        if tare_mode == "average":
            empties: list[Exact] = [
                defn.parse("tare", v, f"tare.empty[{i}]")
                for i, v in enumerate(items_of(tare_spec, "empty", "tare.empty", required=True))
            ]
            needed: int = defn.limit("average_tare_min_count")
            if len(empties) < needed:
                raise InputError("tare.empty", "too_few", needed=needed, given=len(empties))
            tare_mean = exact_mean(empties)
            tare_variance = exact_variance(empties)
            sd_limit = defn.limit("average_tare_sd_factor") * t
            results.update(
                tare_mean=result(tare_mean), tare_sd=sqrt_result(tare_variance), tare_sd_limit=sd_limit
            )
            if tare_variance > exact(sd_limit) ** 2:  # s_t ≤ 0.25 T, compared as squares (exact)
                raise InputError(
                    "tare.empty",
                    "tare_not_uniform",
                    sd=str(round_gbt8170(results["tare_sd"], Decimal("0.0001"))),
                    limit=str(sd_limit),
                )
        elif tare_mode != "individual":
            raise InputError(
                "tare.mode", "unknown_choice", value=tare_mode, choices=["average", "individual"]
            )
    results["tare_mode"] = tare_mode

    return tare_mean


def evaluate(
    defn: FormDefinition, data: Mapping[str, Any], options: Mapping[str, Any], judge: Judge
) -> dict[str, Any]:
    t_mode = option(options, "t_rounding", T_ROUNDINGS, "two_step")
    quantity = defn.parse("quantity", data.get("quantity"), "quantity")
    nominal = defn.parse("nominal", data.get("nominal"), "nominal")
    lot_size = defn.parse("lot_size", data.get("lot_size"), "lot_size")
    t = tolerable_deficiency(defn, quantity, nominal, t_mode)
    plan = plan_for(defn, lot_size)
    density = (
        defn.parse("density_g_per_ml", data["density_g_per_ml"], "density_g_per_ml")
        if data.get("density_g_per_ml") is not None
        else None
    )
    if density is not None and quantity != "volume":
        raise InputError("density_g_per_ml", "only_for_volume")

    samples = items_of(data, "samples", "samples")
    results: dict[str, Any] = {
        "t": t,
        "two_t": 2 * t,
        "sample_size": plan.sample_size,
        "lambda": plan.lam,
        "c1": plan.c1,
        "c2": 0,
    }
    if len(samples) != plan.sample_size:
        # No verdict yet (README "Minimum content") or too many samples; the plan (n, T, 2T, λ,
        # c1) and the average tare stand without the samples: the inspector needs them to weigh.
        partial = dict(results)
        with suppress(InputError):
            _tare(defn, data, t, partial)
        missing = len(samples) < plan.sample_size
        exc = (
            Incomplete("samples", ["samples"], needed=plan.sample_size, given=len(samples), lot_size=lot_size)
            if missing
            else InputError(
                "samples", "sample_count", needed=plan.sample_size, given=len(samples), lot_size=lot_size
            )
        )
        exc.partial = partial
        raise exc
    tare_mean = _tare(defn, data, t, results)

    nets: list[Exact] = []
    for i, sample in enumerate(samples):
        path = f"samples[{i}]"
        sample = object_of(sample, path)
        if sample.get("net") is not None:
            nets.append(defn.parse("net", sample["net"], f"{path}.net"))
            continue
        if quantity not in ("mass", "volume") or (quantity == "volume" and density is None):
            raise InputError(f"{path}.net", "required")
        gross = defn.parse("gross", sample.get("gross"), f"{path}.gross")
        tare: Exact
        if sample.get("tare") is not None:
            tare = defn.parse("tare", sample["tare"], f"{path}.tare")
        elif tare_mean is not None:
            tare = tare_mean
        else:
            raise InputError(f"{path}.tare", "required")
        mass = sub(gross, tare)  # q = G − t (§B.4)
        if mass < 0:
            raise InputError(f"{path}.gross", "below_tare", gross=str(gross), tare=str(result(tare)))
        nets.append(quotient(mass, density) if density is not None else mass)  # q = (G − t)/ρ20

    shortages = [sub(nominal, q) for q in nets]
    two_t = 2 * t
    k1 = sum(1 for d in shortages if t < d <= two_t)  # T < d ≤ 2T (§B.5: exactly 2T is k1)
    k2 = sum(1 for d in shortages if d > two_t)  # T = 0: any shortage at all (§B.5)
    judge.record("t1_count", state(k1 <= plan.c1))
    judge.record("t2_count", state(k2 == 0))
    q_mean = exact_mean(nets)
    variance = exact_variance(nets) if len(nets) >= 2 else None
    s = None if variance is None else sqrt_result(variance)
    mean_limit = None
    mean_ok = None
    lambda_s = None
    if plan.lam is not None and variance is not None and s is not None:  # no mean test for N ≤ 10
        # q̄ ≥ Qn − λ·s, equality passes (§B.5), decided exactly: λ·s ≥ Qn − q̄, i.e. Qn − q̄ ≤ 0 or
        # λ²·s² ≥ (Qn − q̄)² (s is irrational in general; its square is not)
        gap = exact(nominal) - exact(q_mean)
        mean_ok = gap <= 0 or exact(plan.lam) ** 2 * variance >= gap**2
        judge.record("mean", state(mean_ok))
        lambda_s = CONTEXT.multiply(plan.lam, s)
        mean_limit = CONTEXT.subtract(nominal, lambda_s)
    results.update(
        k1=k1,
        k2=k2,
        mean=result(q_mean),
        s=s,
        lambda_s=lambda_s,
        mean_limit=mean_limit,
        mean_within_limit=mean_ok,
        net=[result(q) for q in nets],
        # each package: its shortage and class (§B.5); its q is in `net`, its q − Qn is −shortage
        # and its verdict its class (`shown_results` adds them for the screen and the paper: a
        # 125-package record stores nothing twice, so it fits the paper sync codes' budget)
        packages=[
            {"shortage": result(d), "class": "ok" if d <= t else ("t1" if d <= two_t else "t2")}
            for d in shortages
        ],
    )
    return results


# -- display (forms.display asks these first) --------------------------------------------------

# The single results a row's texts depend on besides the row (forms.display.row_context):
# T, a package's values are shown on the side of T its class says (§B.5).
ROW_CONTEXT: tuple[str, ...] = ("t",)


def shown_results(defn: FormDefinition, results: Mapping[str, Any]) -> Mapping[str, Any]:
    """Each package as it is shown: with its q (from `net`), q − Qn (−shortage) and its verdict
    (within T passes, §B.5), derived here rather than stored twice in the signed record."""
    packages, nets = results.get("packages"), results.get("net")
    if not isinstance(packages, list) or not isinstance(nets, list):
        return results
    shown_packages = []
    for package, q in zip(packages, nets, strict=False):
        if not isinstance(package, dict) or "shortage" not in package:
            shown_packages.append(package)
            continue
        key = (package["shortage"], package.get("class"), q)
        if len(package) == 2 and type(key[0]) is str and type(q) is str:  # as stored: by its texts
            kept = _SHOWN.get(key)
            if kept is None:
                if len(_SHOWN) >= 4096:
                    _SHOWN.clear()
                kept = _SHOWN[key] = _shown_package(package, q)
            shown_packages.append(dict(kept))  # a copy: the caller may add to it
        else:
            shown_packages.append(_shown_package(package, q))
    return {**results, "packages": shown_packages}


# A package as shown, by its stored texts (shortage, class, q): every edit shows all 125 again.
_SHOWN: dict[tuple[Any, Any, Any], dict[str, Any]] = {}


def _shown_package(package: dict[str, Any], q: Any) -> dict[str, Any]:
    shortage = number(package["shortage"])
    extra: dict[str, Any] = {"net": q, "verdict": PASS if package.get("class") == "ok" else FAIL}
    if shortage is not None:
        extra["deviation"] = str(shortage.copy_negate())  # exact, no context
    return {**package, **extra}


def package_class(shortage: Any, t: Any) -> str:
    """ok: within T; t1: above T up to 2T; t2: above 2T (§B.5); '' when either is missing."""
    s, limit = number(shortage), number(t)
    if s is None or limit is None:
        return ""
    return "ok" if s <= limit else ("t1" if s <= 2 * limit else "t2")


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str | None:
    """A package's q, q − Qn and shortage to 0.1, never showing another class than its own (§B.5);
    the mean and its limit to 0.01, on the side of each other the verdict says."""
    value = entry[key]
    t = results.get("t")
    klass = entry.get("class")
    if key == "shortage" and number(t) is not None:
        return shown(value, "0.1", lambda x: package_class(x, t), klass)
    if key == "deviation" and number(t) is not None:
        return shown(value, "0.1", lambda x: package_class(-x, t), klass, sign=True)
    if key == "net" and number(t) is not None and "deviation" in entry:
        nominal = number(value) - number(entry["deviation"])  # type: ignore[operator]
        return shown(value, "0.1", lambda x: package_class(nominal - x, t), klass)
    if key in ("mean", "mean_limit") and results.get("mean_limit") is not None:
        holds = results.get("mean_within_limit") is not False
        mean, limit = shown_pair(results["mean"], results["mean_limit"], "0.01", lambda a, b: a >= b, holds)
        return mean if key == "mean" else limit
    if key == "mean":
        return shown(value, "0.01")
    return None


def key_figures(defn: FormDefinition, results: Mapping[str, Any]) -> str:
    """The QR's figures: k1/k2 and the mean (K1/0 M501.7)."""
    mean, limit = number(results.get("mean")), number(results.get("mean_limit"))
    shown_mean = ""
    if mean is not None:
        judged = None if limit is None else (lambda x: x >= limit)
        shown_mean = f" M{shown(mean, '0.1', judged)}"
    return f"K{results.get('k1', '')}/{results.get('k2', '')}{shown_mean}"

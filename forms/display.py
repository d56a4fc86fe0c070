"""Display rounding that never contradicts a verdict (spec README, "Product decisions: General").

A compared value is shown rounded once by GB/T 8170 (half-even on the absolute value) to its
recorded resolution. Where that rounded value would sit on, or across, its limit while the verdict
says otherwise (0.1025 % shown as "0.10 %" under "≤ 0.10 %" and failed), more digits are shown, one
at a time, until the side of the limit is visible, then one guard digit more, so the deciding digit
is not itself a rounding ("0.1025 %"). The record keeps full precision; this is for people.

`cell_text` applies the spec's resolution and limit to every computed column of the procedures,
for the wizard's grids and the PDF alike. Pure: no Qt, no PDF library.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from forms.definition import FormDefinition
from forms.numbers import round_gbt8170

MAX_EXTRA_DIGITS = 20  # never more digits than this beyond the recorded resolution
Category = Callable[[Decimal], Hashable]  # the side of the limit a value is on (pass/fail/...)


def number(value: Any) -> Decimal | None:
    """A result value (Decimal, full-precision string, int, Fraction) as a Decimal; None if blank."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def _text(value: Decimal, sign: bool) -> str:
    if value.is_zero():
        value = abs(value)  # "−0.00" is no reading
    text = format(value, "f")
    return f"+{text}" if sign and value > 0 else text


def shown(
    value: Any,
    quantum: Decimal | str,
    category: Category | None = None,
    truth: Hashable | None = None,
    *,
    sign: bool = False,
) -> str:
    """``value`` rounded by GB/T 8170 to ``quantum``, with more digits where the rounded value
    would be on the other side of its limit than ``truth`` (default: the side of the full value,
    as ``category`` tells). Blank for a missing value."""
    full = number(value)
    if full is None:
        return "" if value is None else str(value)
    step = Decimal(quantum)
    if category is None:
        return _text(round_gbt8170(full, step), sign)
    want = category(full) if truth is None else truth
    for _ in range(MAX_EXTRA_DIGITS + 1):
        rounded = round_gbt8170(full, step)
        if category(rounded) == want:
            if rounded != full and step != Decimal(quantum):  # a guard digit after extending
                finer = round_gbt8170(full, step / 10)
                if category(finer) == want:
                    rounded = finer
            return _text(rounded, sign)
        step = step / 10
    return _text(full, sign)


def shown_pair(
    a: Any, b: Any, quantum: Decimal | str, holds: Callable[[Decimal, Decimal], bool], truth: bool
) -> tuple[str, str]:
    """Two compared values (a mean and its limit), rounded alike, with more digits until the
    relation ``holds(a, b)`` of the shown values agrees with the verdict ``truth``."""
    x, y = number(a), number(b)
    if x is None or y is None:
        return shown(a, quantum), shown(b, quantum)
    step = Decimal(quantum)
    for _ in range(MAX_EXTRA_DIGITS + 1):
        rx, ry = round_gbt8170(x, step), round_gbt8170(y, step)
        if holds(rx, ry) == truth:
            return _text(rx, False), _text(ry, False)
        step = step / 10
    return _text(x, False), _text(y, False)


def _within(limit: Any) -> Category:
    bound = number(limit)
    return lambda x: bound is None or abs(x) <= bound


def _verdict_side(entry: Mapping[str, Any]) -> Hashable | None:
    verdict = entry.get("verdict")
    return None if verdict is None else verdict == "pass"


def _scale_error(entry: Mapping[str, Any], e: Decimal) -> Category:
    """The side of an error without small weights: clear pass, clear fail, or undecided (±0.5e)."""
    mpe = number(entry.get("mpe"))

    def side(x: Decimal) -> Hashable:
        if mpe is None:
            return None
        if abs(x) <= mpe - e / 2:
            return "pass"
        return "fail" if abs(x) > mpe + e / 2 else "inconclusive"

    return side


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str:
    """The text of one computed value ``entry[key]`` of the results list at ``where`` (a grid
    pattern such as ``flow_points[].runs[]``), at the spec's resolution and never contradicting
    the entry's verdict."""
    value = entry.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    form = defn.id
    if form == "fuel_dispenser":
        if key in ("v_b", "v_bt"):  # measure-derived volumes to 0.001 L (§2.5)
            return shown(value, "0.001")
        if key == "error_pct":  # errors to 0.01 % (§2.5), against ±MPE, with sign
            within = None if "exceeds_mpe" not in entry else not entry["exceeds_mpe"]
            return shown(value, "0.01", _within(defn.limit("indication_error_pct")), within, sign=True)
        if key == "mean_error_pct":  # a flow point's mean against ±MPE (§2.4-4)
            mpe = defn.limit("indication_error_pct")
            return shown(value, "0.01", _within(mpe), entry.get("mean_within_mpe"), sign=True)
        if key == "repeatability_pct":  # E_r ≤ 0.10 % (§2.3)
            limit = defn.limit("repeatability_pct")
            return shown(value, "0.01", lambda x: x <= limit, entry.get("repeatability_within_limit"))
        if key in ("computed", "difference"):  # money to 0.01 元; ΔP against the increment (§2.4-6)
            limit = entry.get("limit")
            category = _within(limit) if key == "difference" and limit is not None else None
            truth = _verdict_side(entry) if category else None
            return shown(value, "0.01", category, truth, sign=key == "difference")
    if form == "taxi_meter" and key == "error_pct":
        if where.startswith("distance_tests"):  # −4 % ≤ δ ≤ +1 % (§3.5)
            low = defn.limit("distance_error_min_pct")
            high = defn.limit("distance_error_max_pct")
            return shown(value, "0.01", lambda x: low <= x <= high, _verdict_side(entry), sign=True)
        category = _within(entry["limit_pct"]) if entry.get("limit_pct") is not None else None
        return shown(value, "0.01", category, _verdict_side(entry) if category else None, sign=True)
    if form == "taxi_meter" and key == "expected_error_pct":
        return shown(value, "0.01", sign=True)
    if form == "scale":
        e = number(results.get("e")) or Decimal(1)
        tenth = e / 10  # P, E, Ec to 0.1e (§A.4)
        if key == "corrected_error":
            return shown(value, tenth, _within(entry.get("mpe")), _verdict_side(entry), sign=True)
        if key == "error":
            if entry.get("corrected_error") is None and entry.get("verdict") is not None:
                return shown(value, tenth, _scale_error(entry, e), entry["verdict"], sign=True)
            if where in ("zero", "tare") and entry.get("limit") is not None:
                return shown(value, tenth, _within(entry["limit"]), _verdict_side(entry), sign=True)
            return shown(value, tenth, sign=True)
        if key in ("p", "range"):
            if key == "range" and entry.get("mpe") is not None:
                return shown(value, tenth, _within(entry["mpe"]), _verdict_side(entry))
            return shown(value, tenth)
    if form == "net_content" and key == "shortage":  # the package's class decides (§B.5)
        t = number(results.get("t"))
        if t is not None:
            return shown(value, "0.1", lambda x: _package_class(x, t), entry.get("class"))
    return plain_text(value)


def _package_class(shortage: Decimal, t: Decimal) -> str:
    """ok: within T; t1: above T up to 2T; t2: above 2T (net_content.md §B.5)."""
    return "ok" if shortage <= t else ("t1" if shortage <= 2 * t else "t2")


def package_class(shortage: Any, t: Any) -> str:
    """The class of a package by its shortage and T (for a shown net content or error)."""
    s, limit = number(shortage), number(t)
    return "" if s is None or limit is None else _package_class(s, limit)


def plain_text(value: Any) -> str:
    """A value no limit is compared with: as computed up to 4 decimals (15.81, 5.0), else rounded
    to 4 decimals by GB/T 8170."""
    full = number(value)
    if full is None:
        return "" if value is None else str(value)
    exponent = full.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -4:
        return _text(full, False)
    return _text(round_gbt8170(full, Decimal("0.0001")), False)

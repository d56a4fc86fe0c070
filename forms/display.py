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

import re
from collections.abc import Callable, Collection, Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from forms.definition import FormDefinition, ReportColumn
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


def size(value: Any) -> Decimal:
    """|value| as a Decimal, 0 for a blank one (to find the worst of several results)."""
    found = number(value)
    return Decimal(0) if found is None else abs(found)


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


def within(limit: Any) -> Category:
    """The side of ±limit a value is on (True: within); no limit, always within."""
    bound = number(limit)
    return lambda x: bound is None or abs(x) <= bound


def verdict_side(entry: Mapping[str, Any]) -> Hashable | None:
    """The side of its limit a row's verdict says its value is on (None: not judged)."""
    verdict = entry.get("verdict")
    return None if verdict is None else verdict == "pass"


def shown_results(defn: FormDefinition, results: Mapping[str, Any]) -> Mapping[str, Any]:
    """The results as the screen and the paper show them: the procedure's `shown_results` may add
    values each row shows that the signed record does not store twice (a package's q − Qn)."""
    from forms.registry import hook

    own = hook(defn.id, "shown_results")
    return results if own is None else own(defn, results)


def row_context(defn: FormDefinition, results: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The single values of the results that a row's texts depend on besides the row itself (the
    procedure's ``ROW_CONTEXT``, e.g. the scale's e; without one, every single value): a row
    whose results and context are as they were shows the same texts."""
    from forms.registry import attribute

    names = attribute(defn.id, "ROW_CONTEXT")
    if names is None:
        return [(k, v) for k, v in results.items() if not isinstance(v, dict | list)]
    return [(k, results.get(k)) for k in names]


def cell_text(
    defn: FormDefinition, where: str, key: str, entry: Mapping[str, Any], results: Mapping[str, Any]
) -> str:
    """The text of one computed value ``entry[key]`` of the results list at ``where`` (a grid
    pattern such as ``flow_points[].runs[]``), at the spec's resolution and never contradicting
    the entry's verdict.

    The procedure's own `cell_text` decides first (its module, e.g. the scale's 0.1e); otherwise
    the definition's declaration of the result: its resolution, its sign and the ±limit it is
    compared with (the row's verdict, or its ``flag``, saying on which side it is).
    """
    value = entry.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    from forms.registry import hook  # the procedure's module, imported once when first needed

    own = hook(defn.id, "cell_text")
    if own is not None:
        text = own(defn, where, key, entry, results)
        if text is not None:
            return str(text)
    spec = defn.results.get(key)
    if spec is not None and spec.resolution is None and spec.unit == "元":  # a fare, a price
        return money(value)
    if spec is None or spec.resolution is None:
        return plain_text(value)
    category = within(defn.limit(spec.limit)) if spec.limit in defn.limits else None
    truth: Hashable | None = None
    if category is not None:
        truth = entry.get(spec.flag) if spec.flag else verdict_side(entry)
        if truth is None:
            category = None
    return shown(value, spec.resolution, category, truth, sign=spec.sign)


def money(value: Any) -> str:
    """An amount of money in 元 with 2 decimals ("157" → "157.00", "0" → "0.00"); an amount typed
    or computed with more decimals keeps them (nothing is hidden). Blank for a missing value."""
    full = number(value)
    if full is None:
        return "" if value is None else str(value)
    exponent = full.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return _text(full.quantize(Decimal("0.01")), False)
    return _text(full, False)


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


# -- one text per computed value, on screen and on paper ---------------------------------------


_PRINTED: dict[tuple[str, str, str], list[ReportColumn] | None] = {}  # by (text's hash, id, where)


def printed_columns(defn: FormDefinition, where: str) -> list[ReportColumn] | None:
    """The computed columns the record prints for the rows at ``where`` (a grid's results
    pattern, e.g. ``weighings[]``), in the order printed; None when no table prints those rows.
    The wizard's grid shows these columns, so what is on screen is what is signed on paper.
    Kept per definition text (a redraw asks it for every cell)."""
    key = (defn.sha256, defn.id, where)
    if defn.sha256 and key in _PRINTED:
        return _PRINTED[key]
    found = _printed_columns(defn, where)
    if defn.sha256:
        _PRINTED[key] = found
    return found


def _printed_columns(defn: FormDefinition, where: str) -> list[ReportColumn] | None:
    for table in defn.report:
        if table.kind == "summary" or table.entries or table.scalar:
            continue
        if (table.results or table.rows) == where:
            return [col for col in table.columns if col.kind == "result"]
    return None


def printed_column(defn: FormDefinition, where: str, key: str) -> ReportColumn | None:
    """The printed column of the rows at ``where`` that shows the result ``key``, if any."""
    for col in printed_columns(defn, where) or ():
        if any(k.rpartition(".")[2] == key for k in col.keys):
            return col
    return None


def result_text(
    defn: FormDefinition,
    where: str,
    key: str,
    entry: Mapping[str, Any],
    results: Mapping[str, Any],
    lang: str,
) -> str:
    """The text of the computed value ``entry[key]`` wherever it is shown (the wizard's grids, the
    summary step, the PDF): a coded value by its label (a package's "≤ T"), a number by
    `cell_text`, with the prefix its printed column declares ("±" before an MPE). Blank if absent."""
    value = entry.get(key)
    if value is None or isinstance(value, bool | dict | list):
        return ""
    spec = defn.results.get(key)
    label = None if spec is None else spec.value_label(value, lang)
    text = label if label is not None else cell_text(defn, where, key, entry, results)
    if not text:
        return ""
    col = printed_column(defn, where, key)
    return (col.prefix if col is not None else "") + text


def choice_unit(defn: FormDefinition, field_id: str, chosen: Any) -> str:
    """The unit of the choice made in a choice field (a lot's quantity: g, mL, m …); '' if none."""
    spec = defn.fields.get(field_id)
    found = [c.unit for c in (spec.choices if spec else ()) if c.value == str(chosen)]
    return found[0] if found else ""


def unit_of(unit: str, chosen: Callable[[str], Any], defn: FormDefinition) -> str:
    """A declared unit with its ``{unit.FIELD}`` placeholders filled by the unit of the choice made
    in FIELD (``chosen(path)`` gives the stored value); '' for a unit the record cannot tell yet."""
    if "{" not in unit:
        return unit

    def fill(match: re.Match[str]) -> str:
        source, _, path = match.group(1).partition(".")
        return choice_unit(defn, path.rsplit(".", 1)[-1], chosen(path)) if source == "unit" else ""

    return re.sub(r"\{([^{}]*)\}", fill, unit)


def result_label(defn: FormDefinition, where: str, key: str, lang: str) -> str:
    """The name of the result ``key`` shown at ``where``: its printed column's, else its own (one
    vocabulary on screen and on paper: a package's 短缺分类, not 判定)."""
    col = printed_column(defn, where, key)
    label = "" if col is None else col.zh if lang == "zh" else col.en
    spec = defn.results.get(key)
    return label or ("" if spec is None else spec.label(lang))


def result_unit(
    defn: FormDefinition, where: str, key: str, chosen: Callable[[str], Any] = lambda _p: None
) -> str:
    """The unit of the result ``key`` shown at ``where``: its printed column's, else its own (one
    unit on screen and on paper)."""
    col = printed_column(defn, where, key)
    spec = defn.results.get(key)
    unit = col.unit if col is not None and col.unit is not None else (spec.unit if spec else "")
    return unit_of(unit, chosen, defn)


def input_unit(
    defn: FormDefinition, where: str, field_id: str, chosen: Callable[[str], Any] = lambda _p: None
) -> str:
    """The unit of a typed value in the rows at ``where``: the field's own, else the unit its
    printed column gives it (a package's q typed directly is in the lot's g or mL)."""
    spec = defn.fields.get(field_id)
    if spec is not None and spec.unit:
        return spec.unit
    for table in defn.report:
        if table.kind == "summary" or where not in (table.rows, table.results):
            continue
        for col in table.columns:
            if col.unit is not None and (
                (col.kind == "input" and col.keys[0].rsplit(".", 1)[-1] == field_id) or col.typed == field_id
            ):
                return unit_of(col.unit, chosen, defn)
    return ""


# -- a check's single figures (a lot's n, T, q̄ …), on screen as the record's summary prints them --


@dataclass(frozen=True)
class Figure:
    """One single result as shown: its name with its unit, its text as the record prints it, and
    the verdict of the item it decides ("pass", "fail"; None when it decides none or is not
    judged yet)."""

    key: str
    name: str
    text: str
    verdict: str | None


def figures(
    defn: FormDefinition,
    keys: tuple[str, ...],
    results: Mapping[str, Any],
    failed: Collection[str],
    lang: str,
    chosen: Callable[[str], Any] = lambda _p: None,
    *,
    evaluated: bool = False,
) -> list[Figure]:
    """The single results ``keys`` (a step's `figures`) present in ``results``: each named and
    united as the record's summary table heads it, its text as that table prints it (the same
    `result_text`, the column's prefix, its "—" for a value the check has none of), and the
    verdict of the item its column decides (``failed``: the evaluation's failed items; a pass
    only once ``evaluated``, and for a result with a ``flag`` once its flag is set). Results not
    computed yet are left out."""
    table = next((t for t in defn.report if t.kind == "summary"), None)
    printed = table.columns if table is not None else ()
    columns = {col.keys[0].rpartition(".")[2]: col for col in printed if col.kind == "result"}
    out = []
    for key in keys:
        if key not in results:
            continue
        spec = defn.results[key]
        col = columns.get(key)
        value = results.get(key)
        if value is None or isinstance(value, bool | dict | list):
            if col is None or value is not None:
                continue
            text = col.absent_zh if lang == "zh" else col.absent_en
            if not text:
                continue
        else:
            text = result_text(defn, "", key, results, results, lang)
            prefix = col.prefix if col is not None else ""
            text = text if text.startswith(prefix) else prefix + text
        unit = col.unit if col is not None and col.unit is not None else spec.unit
        unit = unit_of(unit, chosen, defn)
        label = (col.zh if lang == "zh" else col.en) if col is not None else ""
        label = label or spec.label(lang)
        verdict = None
        if col is not None and col.item and value is not None:
            if col.item in failed:
                verdict = "fail"
            elif evaluated and (not spec.flag or results.get(spec.flag) is not None):
                verdict = "pass"
        out.append(Figure(key, f"{label} ({unit})" if unit else label, text, verdict))
    return out

"""Names people read for the codes records carry: procedures, failed items, measures, results.

From the current form definitions (their own zh/en labels); an unknown code is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from forms import form_ids, load_definition
from forms.display import unit_of
from inspector_app import vocabulary

# 一公开 result wording (spec/office.md, "Publication"): a pass is 合格, a fail 不合格; a check
# whose data could not decide (inconclusive) established no non-conformity: 未发现问题.
PUBLIC_RESULT = {"pass": "合格", "fail": "不合格", "inconclusive": "未发现问题"}


@cache
def _definitions() -> dict[str, object]:
    return {form_id: load_definition(form_id) for form_id in form_ids()}


def procedure(form_id: str, lang: str = "zh") -> str:
    defn = _definitions().get(form_id)
    if defn is None:
        return form_id
    return str(defn.zh if lang == "zh" else defn.en)  # type: ignore[attr-defined]


def inspection_item(form_id: str) -> str:
    """The inspection item as published: the procedure in Chinese (spec/office.md)."""
    return f"{procedure(form_id)}计量监督检查"


def item(form_id: str, code: str, lang: str = "zh") -> str:
    defn = _definitions().get(form_id)
    items = getattr(defn, "items", {}) or {}
    zh, en = items.get(code, (code, code))
    return str(zh if lang == "zh" else en)


@cache
def _measures() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for defn in _definitions().values():
        for m in getattr(defn, "measures", ()):
            found.setdefault(m.id, (m.zh, m.en))
    return found


def measure(code: str, lang: str = "zh") -> str:
    zh, en = _measures().get(code, (code, code))
    return zh if lang == "zh" else en


def verdict(code: str, lang: str = "zh") -> str:
    """The verdict's words from the one vocabulary (an unknown code as it is)."""
    return vocabulary.verdict(code, lang)


def _step_of(defn: object, pattern: str) -> Any:
    """The step whose grid (or the grid's parent, for its header fields) has this pattern."""
    for step in getattr(defn, "steps", ()):
        grid = getattr(step, "grid", "")
        if grid and (grid == pattern or grid.rsplit(".", 1)[0] == pattern):
            return step
    return None


def _unit(defn: Any, field_id: str, readings: Mapping[str, Any]) -> str:
    """A field's unit: its own, else the one its printed column gives it from a choice the record
    made (a lot's Qn in its quantity's g or mL, as the PDF beside it heads it)."""
    spec = defn.fields[field_id]
    if spec.unit:
        return str(spec.unit)
    for table in defn.report:
        for col in table.columns:
            if col.unit and (
                (col.kind == "input" and col.keys[0].rsplit(".", 1)[-1] == field_id) or col.typed == field_id
            ):
                return unit_of(col.unit, lambda p: readings.get(p, ""), defn)
    return ""


def reading(
    form_id: str, path: str, value: object, lang: str = "zh", readings: Mapping[str, Any] | None = None
) -> tuple[str, str]:
    """A stored reading (``samples[3].gross``, ``checklist.seal``) as the supervisor reads it
    beside the PDF: the field's name in the form (with its step and row) and the value with its
    unit (one the record's other ``readings`` decide, too), choice label or yes/no. An unknown
    path or field is shown as it is."""
    zh = lang == "zh"
    yes_no = {"true": "是" if zh else "yes", "false": "否" if zh else "no"}
    defn = _definitions().get(form_id)
    text = str(value).lower() if isinstance(value, bool) else str(value)
    if defn is None:
        return path, text
    if path.startswith("checklist."):
        code = path.removeprefix("checklist.")
        for entry in getattr(defn, "checklist", ()):
            if entry.id == code:
                return (entry.zh if zh else entry.en), yes_no.get(text, text)
        code = code.removesuffix(".number")
        return item(form_id, code, lang), text
    parts = path.split(".")
    shape = [p.split("[")[0] + ("[]" if "[" in p else "") for p in parts]
    rows = [int(p.split("[")[1].rstrip("]")) + 1 for p in parts if "[" in p]
    step = _step_of(defn, ".".join(shape[:-1])) if len(parts) > 1 else None
    field_id = parts[-1].split("[")[0]
    scalar = _step_of(defn, ".".join(shape)) if "[" in parts[-1] else None
    if scalar is not None and getattr(scalar, "scalar", False):  # a grid of plain values (tare.empty[i])
        step, field_id = scalar, scalar.fields[0]
    spec = getattr(defn, "fields", {}).get(field_id)
    if spec is None:
        return path, text
    label = spec.zh if zh else spec.en
    if step is not None:
        where = (step.zh if zh else step.en) + (" " + "-".join(map(str, rows)) if rows else "")
        label = f"{where} · {label}"
    choices = {c.value: (c.zh if zh else c.en) for c in spec.choices}
    if text in choices:
        return label, choices[text]
    if spec.type == "boolean":
        return label, yes_no.get(text, text)
    return label, f"{text} {_unit(defn, field_id, readings or {})}".strip()

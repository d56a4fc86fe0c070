"""One typed value against its field: what is stored for a typed text, what is shown for a stored
value, and whether the value may stand (the GUI's per-cell rules, in the core so every screen and
the finalise check apply the same ones).

Choice and yes/no fields store codes (``false``, ``kg``) and show labels (否, 元/kg); a label, a code
or an obvious synonym typed in any case is taken. Text that matches nothing is stored as typed and
reported, never dropped: what is on screen is what is stored.
"""

from __future__ import annotations

from decimal import Context, Decimal, InvalidOperation

from forms import InputError
from forms.definition import FieldSpec
from inspector_app.messages import FieldError

# Words people type for yes and no (Chinese, English, ticks), all mapped to the stored codes.
_YES = ("是", "有", "y", "yes", "true", "1", "✓", "√")
_NO = ("否", "无", "n", "no", "false", "0", "✗", "×")
_BOOLEAN_SHOWN = {"true": ("是", "Yes"), "false": ("否", "No")}
CODED = frozenset(("boolean", "choice"))  # field types stored as a code and shown by its label


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def stored(spec: FieldSpec, text: str) -> str:
    """What to store for ``text`` typed into a field of this spec ('' clears it)."""
    text = text.strip()
    if not text:
        return ""
    key = _key(text)
    if spec.type == "boolean":
        if key in _YES:
            return "true"
        if key in _NO:
            return "false"
        return text
    if spec.type == "choice":
        for choice in spec.choices:
            if key in (_key(choice.value), _key(choice.zh), _key(choice.en)):
                return choice.value
        starts = [c.value for c in spec.choices if _key(c.zh).startswith(key) or _key(c.en).startswith(key)]
        return starts[0] if len(starts) == 1 else text
    return text


def shown(spec: FieldSpec, value: str, lang: str) -> str:
    """The text shown for a stored value: the label of a code, the value itself otherwise."""
    index = 0 if lang == "zh" else 1
    if spec.type == "boolean" and value in _BOOLEAN_SHOWN:
        return _BOOLEAN_SHOWN[value][index]
    if spec.type == "choice":
        for choice in spec.choices:
            if choice.value == value:
                return choice.zh if lang == "zh" else choice.en
    return value


def problem(spec: FieldSpec, value: str, path: str) -> FieldError | None:
    """Why a stored (non-empty) value cannot stand, or None.

    Besides the field's own rule (type, range, choices), a number finer than the field's
    resolution is an error until corrected: the instrument cannot show it, so it is a slip
    (2011.03000 typed after 2011.0), not a reading.
    """
    labels = {"label_zh": spec.zh, "label_en": spec.en}
    if spec.type in ("text", "tariff"):
        return None
    try:
        value_parsed = spec.parse(value, path)
    except InputError as exc:
        params = {**labels, **exc.params}
        if exc.code == "unknown_choice":
            params["choices_zh"] = [c.zh for c in spec.choices]
            params["choices_en"] = [c.en for c in spec.choices]
        return FieldError(path, exc.code, params)
    if isinstance(value_parsed, Decimal) and spec.resolution and not _multiple(value_parsed, spec.resolution):
        return FieldError(
            path,
            "finer_than_resolution",
            {**labels, "value": value, "resolution": str(spec.resolution), "unit": spec.unit},
        )
    return None


_WIDE = Context(prec=100)  # typed numbers have at most 20 significant digits and exponents within ±20


def _multiple(value: Decimal, step: Decimal) -> bool:
    try:
        return _WIDE.remainder(value, step).is_zero()
    except InvalidOperation:
        return True  # a value too large to divide is judged by its range, not here

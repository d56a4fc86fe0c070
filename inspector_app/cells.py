"""One typed value against its field: what is stored for a typed text, what is shown for a stored
value, and whether the value may stand (the GUI's per-cell rules, in the core so every screen and
the finalise check apply the same ones as `evaluate`: the rules themselves are the forms').

Choice and yes/no fields store codes (``false``, ``kg``) and show labels (否, 元/kg); a label, a code
or an obvious synonym typed in any case is taken. Text that matches nothing is stored as typed and
reported, never dropped: what is on screen is what is stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from forms import InputError
from forms.definition import Context, FieldSpec
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


def problem(
    spec: FieldSpec, value: str, path: str, readings: Mapping[str, str] | None = None
) -> FieldError | None:
    """Why a stored (non-empty) value cannot stand, or None: the field's rule in the core
    (`FieldSpec.parse`: type, range, choices, and the step a reading is a multiple of), measured
    against the other ``readings`` of the check (a scale's d and e) as `evaluate` measures it."""
    labels = {"label_zh": spec.zh, "label_en": spec.en}
    if spec.type in ("text", "tariff"):
        return None
    try:
        spec.parse(value, path, None if readings is None else context(readings, path))
    except InputError as exc:
        params = {**labels, **exc.params}
        if exc.code == "unknown_choice":
            params["choices_zh"] = [c.zh for c in spec.choices]
            params["choices_en"] = [c.en for c in spec.choices]
        return FieldError(path, exc.code, params)
    return None


def context(readings: Mapping[str, str], path: str) -> Context:
    """The readings a value at ``path`` is measured against, by field id: its own row's first
    (a price row's interval), then the check's (a scale's d and e)."""
    row = path.rsplit(".", 1)[0] + "." if "." in path else ""

    def lookup(name: str) -> str | None:
        return readings.get(row + name) or readings.get(name) or None

    return lookup

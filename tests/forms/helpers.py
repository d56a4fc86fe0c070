"""Small helpers for the rule tests: evaluate a dict, read a Decimal result."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import forms
from forms import Evaluation


def run(data: dict[str, Any], **defaults: Any) -> Evaluation:
    return forms.evaluate(data, defaults=defaults)


def D(text: str | int) -> Decimal:
    return Decimal(str(text))


def close(value: Decimal, expected: str, places: int = 4) -> bool:
    """Equal to the spec's printed value at its number of places (the spec rounds its prints)."""
    q = Decimal(1).scaleb(-places)
    return value.quantize(q) == Decimal(expected).quantize(q)


def answered(form_id: str, **answers: bool) -> dict[str, bool]:
    """Every checklist item of a form answered 'yes' (some overridden): finalising needs them all
    answered (spec README, "Minimum content")."""
    return {item.id: answers.get(item.id, True) for item in forms.load_definition(form_id).checklist}

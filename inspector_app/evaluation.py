"""The `evaluate` use case: JSON text in, JSON-ready dict out, as the spec README's contract says."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from forms import Evaluation, InputError, evaluate
from forms.numbers import plain
from inspector_app.messages import bilingual


def jsonable(value: Any) -> Any:
    """Decimals become full-precision strings; everything else keeps its JSON shape."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Mapping):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def evaluation_json(result: Evaluation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "form": result.form,
        "form_version": result.form_version,
        "regulation": result.regulation,
        "verdict": result.verdict,
        "failed": result.failed,
        "results": jsonable(result.results),
    }
    if result.inconclusive:
        out["inconclusive"] = result.inconclusive
        out["next_steps"] = result.next_steps
    return out


def parse_check(text: str) -> Any:
    """Parse the check's JSON with exact decimals (never binary floats); raises InputError."""
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError("", "invalid_json", detail=f"line {exc.lineno} column {exc.colno}") from exc


def evaluate_text(text: str, *, defaults: Mapping[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    """Evaluate a check given as JSON text: (exit code, JSON-ready output).

    0 with the result when evaluated, whatever the verdict; 2 with {"error": {field, message}}
    for invalid input. Never raises for bad input.
    """
    try:
        data = parse_check(text)
        if not isinstance(data, dict):
            raise InputError("", "not_an_object")
        return 0, evaluation_json(evaluate(data, defaults=defaults))
    except InputError as exc:
        return 2, {
            "error": {
                "field": exc.field,
                "code": exc.code,
                "message": bilingual(exc.field, exc.code, exc.params),
            }
        }

"""The `evaluate` use case: JSON text in, JSON-ready dict out, as the spec README's contract says."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from forms import Evaluation, InputError, evaluate
from forms.numbers import plain
from inspector_app.messages import bilingual

_PLAIN = frozenset((str, int, bool, float, type(None)))


def jsonable(value: Any) -> Any:
    """Decimals become full-precision strings; everything else keeps its JSON shape.

    The exact types first: every edit converts a whole evaluation (~25,000 values for 125
    packages), and an ``isinstance`` against ``Mapping`` costs several times a type lookup."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:  # leaves answered in place: a call each for 125 packages' texts adds up
        return {k: v if type(v) in _PLAIN else jsonable(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _PLAIN else jsonable(v) for v in value]
    if kind is Decimal or isinstance(value, Decimal):
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


MAX_DEPTH = 16  # nesting of a check: the deepest contract field (scale eccentricity) is 4 levels
MAX_INT_DIGITS = 30  # longer JSON integers stay exact as Decimal (Python's int() refuses 4,300+)


def _parse_int(text: str) -> int | Decimal:
    return int(text) if len(text) <= MAX_INT_DIGITS else Decimal(text)


def parse_check(text: str) -> Any:
    """Parse the check's JSON with exact decimals (never binary floats); raises InputError.

    Refuses what would otherwise crash later: nesting deeper than MAX_DEPTH, and text holding a
    lone surrogate (``"\\ud800"`` is valid JSON but no character; it cannot be printed or stored).
    Integers of any length parse; the field's own rules judge their size.
    """
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError("", "invalid_json", detail=f"line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:  # the C scanner recurses per level; thousands of '[' end here
        raise InputError("", "too_deep", max=MAX_DEPTH) from exc
    check_shape(data)
    return data


def check_shape(data: Any, max_depth: int = MAX_DEPTH) -> None:
    """Walk parsed JSON without recursion: nesting within ``max_depth`` and text without lone
    surrogates, checked before anything else reads it; raises InputError naming the place."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > max_depth:
            raise InputError(path, "too_deep", max=max_depth)
        if isinstance(value, dict):
            for key, item in value.items():
                if _has_surrogate(key):
                    raise InputError(path, "not_text")
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str) and _has_surrogate(value):
            raise InputError(path, "not_text")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def evaluate_text(text: str, *, defaults: Mapping[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    """Evaluate a check given as JSON text: (exit code, JSON-ready output).

    0 with the result when evaluated, whatever the verdict; 2 with {"error": {field, message}}
    for invalid input. Never raises for bad input.
    """
    try:
        data = parse_check(text)
        if not isinstance(data, dict):
            raise InputError("", "not_an_object")
        try:
            return 0, evaluation_json(evaluate(data, defaults=defaults))
        except ArithmeticError as exc:  # a number no rule bounded: refuse it rather than crash
            raise InputError("", "not_computable", detail=type(exc).__name__) from exc
    except InputError as exc:
        return 2, {
            "error": {
                "field": exc.field,
                "code": exc.code,
                "message": bilingual(exc.field, exc.code, exc.params),
            }
        }

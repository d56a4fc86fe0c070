"""The procedures this build knows: their definitions and evaluators, and one `evaluate` for all.

A new instrument type is a new folder beside the four here plus one line in `_EVALUATORS`.
`evaluate` implements the common part of the contract in the spec README: the form id, `control`,
`options` (over the caller's defaults, i.e. the settings), checklist items, and Decimal context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import localcontext
from functools import cache
from pathlib import Path
from typing import Any

from forms.definition import FormDefinition, load_definition_file, parse_definition
from forms.errors import InputError
from forms.fuel_dispenser import evaluator as fuel_dispenser
from forms.net_content import evaluator as net_content
from forms.numbers import EXACT
from forms.scale import evaluator as scale
from forms.taxi_meter import evaluator as taxi_meter
from forms.verdict import Evaluation, Judge, object_of, state

Evaluator = Callable[[FormDefinition, Mapping[str, Any], Mapping[str, Any], Judge], dict[str, Any]]

_EVALUATORS: dict[str, Evaluator] = {
    "fuel_dispenser": fuel_dispenser.evaluate,
    "taxi_meter": taxi_meter.evaluate,
    "scale": scale.evaluate,
    "net_content": net_content.evaluate,
}
FORM_IDS: tuple[str, ...] = tuple(_EVALUATORS)
CONTROLS = ("in_service", "verification")
FORMS_DIR = Path(__file__).parent


@cache
def load_definition(form_id: str) -> FormDefinition:
    """The current definition of a procedure; raises InputError('form') for an unknown id."""
    if form_id not in _EVALUATORS:
        raise InputError("form", "unknown_choice", value=str(form_id), choices=list(FORM_IDS))
    return load_definition_file(FORMS_DIR / form_id / "definition.toml")


def definition_from_text(text: str) -> FormDefinition:
    """A stored (possibly older) definition, so an old record re-evaluates as it was recorded."""
    return parse_definition(text)


def checklist_answers(defn: FormDefinition, data: Mapping[str, Any]) -> dict[str, bool]:
    """The checklist items answered in ``data`` (true/false); unanswered items are absent.

    Raises InputError naming the item for an answer that is neither true nor false.
    """
    answers = object_of(data.get("checklist") or {}, "checklist")
    out = {}
    for item in defn.checklist:
        answer = answers.get(item.id)
        if answer is None:
            continue
        value = answer.get("ok") if isinstance(answer, Mapping) else answer
        if value is None or value == "":  # a seal number typed, the answer not yet given
            continue
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            value = value.strip().lower() == "true"
        if not isinstance(value, bool):
            raise InputError(f"checklist.{item.id}", "not_a_boolean", value=str(value))
        out[item.id] = value
    return out


def _checklist(defn: FormDefinition, data: Mapping[str, Any], judge: Judge) -> dict[str, Any]:
    out = checklist_answers(defn, data)
    for item_id, ok in out.items():
        judge.record(item_id, state(ok))
    return out


def evaluate(
    data: Mapping[str, Any],
    *,
    defaults: Mapping[str, Any] | None = None,
    definition: FormDefinition | None = None,
) -> Evaluation:
    """Evaluate one check (the `evaluate` JSON contract) with exact decimals.

    ``defaults`` are the settings (limit_comparison, point_error_rule, ...); the input's own
    ``options`` override them. Raises InputError naming the field for any invalid input.
    """
    data = object_of(data, "")
    form_id = data.get("form")
    defn = definition or load_definition(str(form_id))
    if definition is None and form_id is None:
        raise InputError("form", "required")
    options = dict(defaults or {})
    options.update(object_of(data.get("options") or {}, "options"))
    control = data.get("control", options.get("control", "in_service"))
    if control not in CONTROLS:
        raise InputError("control", "unknown_choice", value=str(control), choices=list(CONTROLS))
    options["control"] = control
    judge = Judge()
    with localcontext(EXACT):  # every inexact operation raises: verdicts are exact
        results = _EVALUATORS[defn.id](defn, data, options, judge)
        results["checklist"] = _checklist(defn, data, judge)
    return Evaluation(
        form=defn.id,
        form_version=defn.version,
        regulation=defn.regulation,
        verdict=judge.verdict,
        failed=judge.failed,
        inconclusive=judge.undecided,
        next_steps=judge.next_steps,
        results=results,
    )

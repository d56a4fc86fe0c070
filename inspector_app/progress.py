"""How far each step of an inspection has come — not begun, done, still missing something, failed,
undecided, or holding input that cannot stand — for the wizard's step list and summary. Pure: it
reads the definition, the stored readings and the live evaluation (`LiveEvaluation.as_json()` and
its refusal), never a widget or the database.

A step owns the reading paths it edits (its fields, its grid, its header fields; the checklist
step every ``checklist.*``), the item codes named like it (the step ``weighings`` judges the item
``weighing``, ``time`` judges ``time_error``; a checklist item is judged in the checklist step) or
like a computed value of its rows (a flow point's ``repeatability_pct`` is the item
``repeatability``), and the rows of its results: a failing row marks its step failed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from forms.definition import FormDefinition, Step
from inspector_app.messages import FieldError
from inspector_app.sheets import reading_problems

EMPTY, DONE, MISSING, FAILED, INCONCLUSIVE = "empty", "done", "missing", "failed", "inconclusive"
INVALID = "invalid"  # a reading its field refuses ("1,5", "abc"): nothing there is judged
OPTIONAL = "optional"  # not begun, and this type of control may leave it out (`Step.optional`)


@dataclass(frozen=True)
class StepState:
    """One step's state, the item codes that failed in it, what it still lacks (texts as the
    live evaluation words them, in both languages) and the input it holds that cannot stand."""

    step_id: str
    state: str
    failed: tuple[str, ...] = ()
    missing: tuple[dict[str, str], ...] = ()
    invalid: tuple[FieldError, ...] = ()


@functools.lru_cache(maxsize=4096)  # asked of every reading on every edit; the paths repeat
def _root(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def step_of_path(definition: FormDefinition, path: str) -> str | None:
    """The step whose widgets edit ``path`` (a reading, or the field a missing entry names)."""
    if path.startswith("checklist"):
        return next((s.id for s in definition.steps if s.kind == "checklist"), None)
    root = _root(path)
    for step in definition.steps:
        if (_root(step.grid) == root) if step.grid else root in step.fields:
            return step.id
    return None


def _named_like(code: str, name: str) -> bool:
    """An item code and a step or result name that are the same word (weighing / weighings,
    time_error / time, repeatability / repeatability_pct)."""
    name = _root(name)
    return bool(name) and (code == name or code.startswith(name + "_") or name.startswith(code))


def _rows(results: Any, pattern: str) -> list[Any]:
    """Every entry at a results pattern such as ``flow_points[].runs[]`` (groups flattened)."""
    nodes = [results]
    for part in pattern.split("."):
        name, listed = part.removesuffix("[]"), part.endswith("[]")
        found: list[Any] = []
        for node in nodes:
            value = node.get(name) if isinstance(node, dict) else None
            if listed and isinstance(value, list):
                found.extend(value)
            elif not listed and value is not None:
                found.append(value)
        nodes = found
    return nodes


def results_of(step: Step, results: Mapping[str, Any]) -> tuple[list[Any], list[Any]]:
    """(rows, groups) of a step's computed values: the entries at its results pattern, and for a
    two-level grid the group entries (a flow point, holding its mean and repeatability)."""
    pattern = step.results or step.grid
    if not pattern:
        return [], []
    rows = _rows(results, pattern)
    groups = _rows(results, pattern.split("[]", 1)[0] + "[]") if pattern.count("[]") == 2 else []
    return rows, groups


def item_step(definition: FormDefinition, code: str, results: Mapping[str, Any]) -> str | None:
    """The step that judges an item code, or None when no step is named like it (the summary
    then shows it alone)."""
    if any(item.id == code for item in definition.checklist):
        return next((s.id for s in definition.steps if s.kind == "checklist"), None)
    for step in definition.steps:
        if step.kind != "summary" and (
            _named_like(code, step.id) or (step.grid and _named_like(code, step.grid))
        ):
            return step.id
    for step in definition.steps:
        rows, groups = results_of(step, results)
        for entry in [*groups, *rows]:
            if isinstance(entry, dict) and any(_named_like(code, key) for key in entry):
                return step.id
    return None


def _row_failed(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    if entry.get("verdict") == "fail" or entry.get("exceeds_mpe") is True:
        return True
    if entry.get("class") in ("t1", "t2"):
        return True
    return any(v is False for k, v in entry.items() if k.endswith(("_within_limit", "_within_mpe")))


def invalid_input(
    definition: FormDefinition, readings: Mapping[str, str], error: FieldError | None = None
) -> list[FieldError]:
    """Every reading its field refuses (a comma, a full-width digit, a word where a number goes),
    then the evaluation's own refusal (``error``, a rule across fields) if it is another: the
    evaluation stops at the first, the inspector needs to see them all."""
    found = reading_problems(definition, dict(readings))
    if error is not None and error.code != "required" and all(e.field != error.field for e in found):
        found.append(error)
    return found


def step_states(
    definition: FormDefinition,
    readings: Mapping[str, str],
    live: Mapping[str, Any],
    error: FieldError | None = None,
    control: str | None = None,
) -> list[StepState]:
    """The state of every step, in the definition's order (``error``: the live evaluation's
    refusal, `LiveEvaluation.error`; ``control``: the inspection's type of control).

    invalid: it holds input that cannot stand (`invalid_input`), so nothing there is judged; it
    wins over every other state, so a step is never shown done over a refused cell (the summary
    is invalid when any step is); failed: an item judged there failed, or a row of its results
    did; missing: something listed as still missing belongs there (a checklist item unanswered,
    a grid below its minimum, a required field); inconclusive: an item judged there needs a
    further test; done: it holds readings (or, for the summary, the check is complete); optional:
    nothing entered, and this type of control may leave it out (an in-service scale's tare);
    empty: nothing entered yet.
    """
    results = live.get("results") or {}
    failed = list(live.get("failed") or [])
    next_items = {code.split(".")[0] for code in live.get("next_steps") or []}
    missing = list(live.get("missing") or [])
    by_step_missing: dict[str, list[dict[str, str]]] = {}
    for entry in missing:
        owner = step_of_path(definition, str(entry.get("field", "")))
        by_step_missing.setdefault(owner or "", []).append(entry)
    # The steps holding readings, found once by each reading's root name (not per step: one
    # walk of 125 packages instead of one per step on every edit).
    with_input = {step_of_path(definition, root) for root in {_root(path) for path in readings}}
    refused: dict[str, list[FieldError]] = {}
    every_refused = invalid_input(definition, readings, error)
    for problem in every_refused:
        refused.setdefault(step_of_path(definition, problem.field) or "", []).append(problem)
    states = []
    for step in definition.steps:
        if step.kind == "summary" and every_refused:
            states.append(StepState(step.id, INVALID, tuple(failed), tuple(missing), tuple(every_refused)))
            continue
        if step.kind == "summary":
            state = (
                DONE
                if live.get("verdict") in ("pass", "fail", "inconclusive") and not missing
                else (MISSING if missing else EMPTY)
            )
            if live.get("verdict") == "fail":
                state = FAILED
            states.append(StepState(step.id, state, tuple(failed), tuple(missing)))
            continue
        own_failed = tuple(c for c in failed if item_step(definition, c, results) == step.id)
        rows, groups = results_of(step, results)
        has_input = step.id in with_input
        own_missing = tuple(by_step_missing.get(step.id, ()))
        own_refused = tuple(refused.get(step.id, ()))
        if own_refused:
            state = INVALID
        elif own_failed or any(_row_failed(e) for e in [*rows, *groups]):
            state = FAILED
        elif own_missing:
            state = MISSING
        elif any(item_step(definition, c, results) == step.id for c in next_items):
            state = INCONCLUSIVE
        elif has_input:
            state = DONE
        elif control is not None and control in step.optional:
            state = OPTIONAL
        else:
            state = EMPTY
        states.append(StepState(step.id, state, own_failed, own_missing, own_refused))
    return states

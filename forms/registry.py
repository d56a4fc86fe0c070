"""The procedures this installation has (`forms.catalogue` finds them), their definitions and
evaluators, and one `evaluate` for all.

A new instrument type is a new folder (definition + evaluator): nothing here names a procedure.
Definitions are parsed once per text (by its SHA-256); a procedure's evaluator module is imported
when first used. `evaluate` implements the common part of the contract in the spec README: the form
id, `control`, `options` (over the caller's defaults, i.e. the settings), checklist items, and the
Decimal context.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import localcontext
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from forms import catalogue
from forms.definition import FormDefinition, parse_definition
from forms.errors import DefinitionError, Incomplete, InputError
from forms.numbers import EXACT
from forms.verdict import Evaluation, Judge, object_of, state

Evaluator = Callable[[FormDefinition, Mapping[str, Any], Mapping[str, Any], Judge], dict[str, Any]]
CONTROLS = ("in_service", "verification")
FORMS_DIR = catalogue.BUILTIN_DIR


def form_ids() -> tuple[str, ...]:
    """Every procedure this installation has (shipped and from `INSPECTOR_APP_FORMS`)."""
    return catalogue.form_ids()


def _unknown(form_id: object) -> InputError:
    return InputError("form", "unknown_choice", value=str(form_id), choices=list(catalogue.form_ids()))


def load_definition(form_id: str) -> FormDefinition:
    """The current definition of a procedure; raises InputError('form') for an unknown id."""
    proc = catalogue.procedure(str(form_id))
    if proc is None:
        raise _unknown(form_id)
    return _load_file(proc.folder / "definition.toml")


@cache
def _load_file(path: Path) -> FormDefinition:
    return definition_from_text(path.read_text(encoding="utf-8"))


def definition_from_text(text: str) -> FormDefinition:
    """A definition from its text (a stored, possibly older one: an old record re-evaluates as
    it was recorded), parsed once per text. A text written before definitions declared their
    presentation (results, report tables, vocabulary) borrows it from the installed procedure of
    the same id; its rules and limits stay its own. Raises DefinitionError."""
    return _parsed(hashlib.sha256(text.encode("utf-8")).hexdigest(), text)


@lru_cache(maxsize=64)
def _parsed(sha256: str, text: str) -> FormDefinition:
    defn = parse_definition(text)
    if defn.report or defn.id not in catalogue.procedures():
        return defn
    current = load_definition(defn.id)
    if current.sha256 == defn.sha256:
        return defn
    return replace(
        defn,
        subject=current.subject,
        qr_letter=current.qr_letter,
        items={code: current.items.get(code, item) for code, item in defn.items.items()},
        results=current.results,
        report=current.report,
        next_steps=current.next_steps,
        missing=current.missing,
        notes=current.notes,
    )


def procedure_module(form_id: str) -> ModuleType:
    """The module of a procedure's formulas (`evaluate`, optional display hooks), imported once.

    Raises InputError('form') for a procedure this installation does not have.
    """
    proc = catalogue.procedure(form_id)
    if proc is None:
        raise _unknown(form_id)
    return _import(proc.id, proc.folder, proc.builtin)


@cache
def _import(form_id: str, folder: Path, builtin: bool) -> ModuleType:
    if builtin:
        return importlib.import_module(f"forms.{form_id}.evaluator")
    name = f"inspector_app_forms.{form_id}"  # a procedure from a forms path, by its file
    spec = importlib.util.spec_from_file_location(name, folder / "evaluator.py")
    if spec is None or spec.loader is None:
        raise DefinitionError(f"{folder}: no evaluator.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except FileNotFoundError as exc:
        del sys.modules[name]
        raise DefinitionError(f"{folder}: no evaluator.py") from exc
    if not callable(getattr(module, "evaluate", None)):
        raise DefinitionError(f"{folder}/evaluator.py: no evaluate(definition, data, options, judge)")
    return module


def hook(form_id: str, name: str) -> Callable[..., Any] | None:
    """An optional function of a procedure's module (`cell_text`, `key_figures`), or None."""
    found = attribute(form_id, name)
    return found if callable(found) else None


def attribute(form_id: str, name: str) -> Any:
    """An optional name of a procedure's module, or None; found once per forms path (the grid
    asks for every cell it shows)."""
    return _attribute(form_id, name, catalogue.forms_paths())


@lru_cache(maxsize=256)
def _attribute(form_id: str, name: str, paths: tuple[Path, ...]) -> Any:
    try:
        return getattr(procedure_module(form_id), name, None)
    except InputError:
        return None


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


def _name_missing(defn: FormDefinition, exc: Incomplete) -> None:
    """Say what an incomplete check lacks in the definition's words (``missing_zh``/``missing_en``,
    one per code of ``missing``), its parameters filled in (Min = 100 g)."""
    for index, lang in enumerate(("zh", "en")):
        texts = []
        for code in exc.missing:
            template = defn.missing.get(code, (code, code))[index]
            try:
                texts.append(template.format(**exc.params))
            except (KeyError, IndexError, ValueError):
                texts.append(template)
        exc.params[f"missing_{lang}"] = texts


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
        evaluator: Evaluator = procedure_module(defn.id).evaluate
        try:
            results = evaluator(defn, data, options, judge)
        except Incomplete as exc:
            _name_missing(defn, exc)
            raise
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

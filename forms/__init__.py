"""Check procedures: declarative definitions plus pure evaluators (stdlib only, Decimal throughout).

This package imports nothing of ours and nothing outside the standard library, so the rules can be
tested, reviewed and reused without the GUI or the database. Its names are imported when first
used: naming the procedures (`forms.catalogue`) costs no parsing and no arithmetic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.definition import FormDefinition
    from forms.errors import DefinitionError, Incomplete, InputError
    from forms.registry import checklist_answers, definition_from_text, evaluate, form_ids, load_definition
    from forms.verdict import FAIL, INCONCLUSIVE, PASS, Evaluation

_WHERE = {
    "FormDefinition": "forms.definition",
    "DefinitionError": "forms.errors",
    "Incomplete": "forms.errors",
    "InputError": "forms.errors",
    "checklist_answers": "forms.registry",
    "definition_from_text": "forms.registry",
    "evaluate": "forms.registry",
    "form_ids": "forms.registry",
    "load_definition": "forms.registry",
    "FAIL": "forms.verdict",
    "INCONCLUSIVE": "forms.verdict",
    "PASS": "forms.verdict",
    "Evaluation": "forms.verdict",
}

__all__ = [
    "FAIL",
    "INCONCLUSIVE",
    "PASS",
    "DefinitionError",
    "Evaluation",
    "FormDefinition",
    "Incomplete",
    "InputError",
    "checklist_answers",
    "definition_from_text",
    "evaluate",
    "form_ids",
    "load_definition",
]


def __getattr__(name: str) -> object:
    """A name of the package, from the module that defines it (imported on first use)."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'forms' has no attribute '{name}'")
    value = getattr(import_module(where), name)
    globals()[name] = value
    return value

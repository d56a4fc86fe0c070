"""Check procedures: declarative definitions plus pure evaluators (stdlib only, Decimal throughout).

This package imports nothing of ours and nothing outside the standard library, so the rules can be
tested, reviewed and reused without the GUI or the database.
"""

from forms.definition import FormDefinition
from forms.errors import DefinitionError, Incomplete, InputError
from forms.registry import FORM_IDS, checklist_answers, definition_from_text, evaluate, load_definition
from forms.verdict import FAIL, INCONCLUSIVE, PASS, Evaluation

__all__ = [
    "FAIL",
    "FORM_IDS",
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
    "load_definition",
]

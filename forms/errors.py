"""Why a check's input cannot be evaluated, as a code plus parameters (never a sentence).

The core renders the code in the user's language (`inspector_app.messages`); the field is a path into
the `evaluate` input such as ``flow_points[0].runs[2].t_b`` so the GUI can put the message beside the
cell that caused it.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Input that cannot be evaluated: names the field, the rule broken and its parameters.

    ``partial`` holds the results an evaluator could compute before it stopped, when they stand
    on their own (a lot's sampling plan and T while its samples are still being weighed): shown
    to the inspector, never a verdict."""

    partial: dict[str, Any] | None = None

    def __init__(self, field: str, code: str, **params: Any) -> None:
        super().__init__(f"{field}: {code} {params}")
        self.field = field
        self.code = code
        self.params = params


class DefinitionError(ValueError):
    """A form definition that does not satisfy the schema; the message names the key."""


class Incomplete(InputError):
    """Less than the spec's minimum content for a verdict (spec README, "Minimum content"): names
    what is missing (``missing``: input paths or item codes), so it is never taken for a pass."""

    def __init__(self, field: str, missing: list[str], **params: Any) -> None:
        super().__init__(field, "incomplete", missing=list(missing), **params)
        self.missing = list(missing)

"""Verdicts and the helpers every evaluator shares: item states, limit comparison, input walking.

An item is `pass`, `fail` or `inconclusive`; the check fails if any item fails, is inconclusive if
none fails but one cannot be decided, and passes otherwise (spec README, "Product decisions").
A value exactly on a limit passes, decided on exact values (a Decimal or a Fraction, never a value
rounded by a context's precision). The comparison is on full precision unless the setting
`limit_comparison = rounded` asks for the recorded (rounded) value (GB/T 8170 §4.3, both methods).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from forms.errors import InputError
from forms.numbers import Exact, exact, round_gbt8170

PASS = "pass"
FAIL = "fail"
INCONCLUSIVE = "inconclusive"

LIMIT_COMPARISONS = ("full", "rounded")


@dataclass
class Judge:
    """Collects item states in the order the procedure meets them; a worse state never improves."""

    states: dict[str, str] = field(default_factory=dict)
    next_steps: list[str] = field(default_factory=list)

    def record(self, code: str, state: str) -> None:
        rank = {PASS: 0, INCONCLUSIVE: 1, FAIL: 2}
        old = self.states.get(code, PASS)
        self.states[code] = state if rank[state] > rank[old] else old

    def ask(self, step: str) -> None:
        """Say what to measure next for an inconclusive item (a code the GUI translates)."""
        if step not in self.next_steps:
            self.next_steps.append(step)

    @property
    def failed(self) -> list[str]:
        return [c for c, s in self.states.items() if s == FAIL]

    @property
    def undecided(self) -> list[str]:
        return [c for c, s in self.states.items() if s == INCONCLUSIVE]

    @property
    def verdict(self) -> str:
        if self.failed:
            return FAIL
        if self.undecided:
            return INCONCLUSIVE
        return PASS


@dataclass(frozen=True)
class Evaluation:
    """The outcome of one evaluation: verdict, failed item codes and every computed value."""

    form: str
    form_version: str
    regulation: str
    verdict: str
    failed: list[str]
    inconclusive: list[str]
    next_steps: list[str]
    results: dict[str, Any]


def compared(value: Exact, comparison: str, quantum: Decimal) -> Exact:
    """The value to compare with a limit: itself (exact), or its recorded value rounded by GB/T 8170."""
    return round_gbt8170(value, quantum) if comparison == "rounded" else value


def magnitude(value: Exact) -> Fraction:
    """|value| as an exact rational, to compare with a limit of any type."""
    return abs(exact(value))


def state(ok: bool) -> str:
    return PASS if ok else FAIL


def option(options: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    value = options.get(key, default)
    if value not in allowed:
        raise InputError(f"options.{key}", "unknown_choice", value=str(value), choices=list(allowed))
    return str(value)


def items_of(data: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> list[Any]:
    """A list member of the input; raises InputError if present but not a list, or required."""
    value = data.get(key)
    if value is None:
        if required:
            raise InputError(path, "required")
        return []
    if not isinstance(value, list):
        raise InputError(path, "not_a_list")
    return value


def object_of(value: Any, path: str) -> Mapping[str, Any]:
    if type(value) is dict:  # as parsed: the exact type first (an ABC check is ~10× dearer)
        return value
    if not isinstance(value, Mapping):
        raise InputError(path, "not_an_object")
    return value

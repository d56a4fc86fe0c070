"""Exact decimal arithmetic for measured values: parsing typed text, the regulated rounding rules.

Every measured value enters as text (or a JSON number parsed as Decimal) and stays a `Decimal`;
binary floats never take part, because a product that should end in an exact 5 may be stored just
below it (spec README, "Product decisions: General"). Rounding happens only where the spec says.
"""

from __future__ import annotations

import re
from decimal import (
    ROUND_CEILING,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
)
from typing import Any

from forms.errors import InputError

# 40 significant digits, as the spec's worked examples were computed ("exact decimal arithmetic, 40
# digits", fuel_dispenser.md §2.6); far beyond any instrument's resolution.
CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN)

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def to_decimal(value: Any, field: str) -> Decimal:
    """Parse typed text or a JSON number into a Decimal.

    Raises InputError("not_a_number") for text that is not a plain decimal number, booleans,
    NaN and infinities; a float is taken by its shortest repr, never its binary expansion.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(field, "not_a_number", value=str(value))
        return value
    if isinstance(value, bool) or value is None:
        raise InputError(field, "not_a_number", value=str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        text = value.strip().replace("，", ".").replace(",", ".")
        if _NUMBER.match(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
                pass
    raise InputError(field, "not_a_number", value=str(value))


def round_gbt8170(value: Decimal, quantum: Decimal) -> Decimal:
    """Round once, half to even on the absolute value (GB/T 8170-2008, 四舍六入五成双)."""
    return value.quantize(quantum, rounding=ROUND_HALF_EVEN, context=CONTEXT)


def round_half_up(value: Decimal, quantum: Decimal) -> Decimal:
    """Round half away from zero (四舍五入), for money and the T table note."""
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=CONTEXT)


def round_to_step(value: Decimal, step: Decimal) -> Decimal:
    """Round half-up to a multiple of ``step`` (a fare step of 0.5 元, say), keeping its exponent."""
    units = CONTEXT.divide(value, step).quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT)
    return units * step


def ceil_integer(value: Decimal) -> Decimal:
    """Round up to the next integer ("进位到下一个紧邻的整数", net_content.md §B.3.2)."""
    return value.quantize(ONE, rounding=ROUND_CEILING, context=CONTEXT)


def plain(value: Decimal) -> str:
    """Full-precision text without exponent; negative zero is written as zero."""
    if value.is_zero():
        value = abs(value)
    return format(value, "f")


def mean(values: list[Decimal]) -> Decimal:
    """Arithmetic mean at full precision (caller guarantees a non-empty list)."""
    return CONTEXT.divide(sum(values, ZERO), Decimal(len(values)))


def sample_sd(values: list[Decimal]) -> Decimal:
    """Sample standard deviation with n − 1 in the denominator (caller guarantees n ≥ 2)."""
    m = mean(values)
    squares = sum(((v - m) * (v - m) for v in values), ZERO)
    return CONTEXT.sqrt(CONTEXT.divide(squares, Decimal(len(values) - 1)))

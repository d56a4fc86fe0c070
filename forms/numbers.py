"""Exact arithmetic for measured values: parsing numbers as typed, exact verdict arithmetic, rounding.

Every measured value enters as text (or a JSON number parsed as Decimal) through `to_decimal`, the
one parser for GUI cells, CLI/JSON strings and JSON numbers alike: a plain decimal with a dot, an
optional sign and exponent; a comma is refused, and at most 20 significant digits with a decimal
exponent within ±20 (spec README, "Numbers as typed"). Binary floats never take part.

Verdicts are decided exactly (spec README, "A verdict is decided exactly"): the evaluators run in
`EXACT`, a Decimal context that traps every inexact operation, so sums, differences and products
of bounded inputs are exact or raise; a quotient is taken by `quotient`, which gives a Decimal when
it terminates and a `fractions.Fraction` otherwise. Results leave the evaluators through `result`
at 40 significant digits, for display and the record only. Rounding happens only where the spec
says.
"""

from __future__ import annotations

import functools
import re
from decimal import (
    ROUND_CEILING,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Underflow,
)
from fractions import Fraction
from typing import Any

from forms.errors import InputError

# 40 significant digits for results shown and recorded, as the spec's worked examples were computed
# ("exact decimal arithmetic, 40 digits", fuel_dispenser.md §2.6); far beyond any instrument.
CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN)

# The evaluators' context: every inexact result raises instead of rounding. Inputs carry at most
# MAX_DIGITS significant digits between 10^(MAX_EXPONENT+1) and 10^(−MAX_EXPONENT−MAX_DIGITS), so
# one input spans at most 60 digit positions, a product of the four factors the formulas multiply at
# most 4 × 60, and a sum of such terms no more: 400 digits can never round. The trap proves it at run
# time as well: a verdict is never decided on a rounded value.
EXACT = Context(
    prec=400,
    rounding=ROUND_HALF_EVEN,
    traps=[Inexact, InvalidOperation, DivisionByZero, Overflow, Underflow],
)

# Rounding on purpose (quantize to a recorded resolution): the same precision, only nonsense trapped.
EXACT_ROUNDING = Context(prec=400, traps=[InvalidOperation, Overflow])

MAX_DIGITS = 20  # significant digits of a typed number (spec README, "Numbers as typed")
MAX_EXPONENT = 20  # |decimal exponent| of a typed number, in scientific notation
MAX_TEXT = 100  # characters of a typed number; longer text is refused before it is read

_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_COMMA = re.compile("[,，､、﹐٫]")  # any comma, ASCII, full-width, ideographic or Arabic

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

Exact = Decimal | Fraction  # an exact value: a terminating decimal, or a rational that is not one


def _shown(text: str) -> str:
    """The offending text for a message, cut short: a message never repeats 5,000 digits."""
    return text if len(text) <= 32 else text[:24] + "…"


def to_decimal(value: Any, field: str) -> Decimal:
    """Parse a number as typed (text, JSON number, int) into a Decimal of bounded size.

    Raises InputError naming ``field``: "decimal_comma" for any comma (never read as a decimal or
    thousands separator), "not_a_number" for anything but a plain ASCII decimal (booleans, NaN,
    infinities, full-width digits), "too_long", "too_many_digits" (over 20 significant digits after
    dropping trailing zeros) or "exponent_out_of_range" (a magnitude outside 10^−20 … 10^20).
    A float is taken by its shortest repr, never its binary expansion.
    """
    if isinstance(value, bool) or value is None:
        raise InputError(field, "not_a_number", value=str(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(field, "not_a_number", value=str(value))
        return _bounded(value, field, lambda: _shown(str(value)))
    if isinstance(value, int):
        return _bounded(Decimal(value), field, lambda: _shown(format(Decimal(value), "E")))
    if isinstance(value, float):
        value = repr(value)
    if not isinstance(value, str):
        raise InputError(field, "not_a_number", value=_shown(str(value)))
    return _text_to_decimal(value, field)


@functools.lru_cache(maxsize=8192)  # every edit parses every reading again; a Decimal is immutable
def _text_to_decimal(value: str, field: str) -> Decimal:
    """`to_decimal` of a text (the cache keeps answers, never errors: those are raised again)."""
    text = value.strip()
    if _COMMA.search(text):
        raise InputError(field, "decimal_comma", value=_shown(text))
    if len(text) > MAX_TEXT:
        raise InputError(field, "too_long", value=_shown(text), max=MAX_TEXT)
    if not _NUMBER.fullmatch(text):
        raise InputError(field, "not_a_number", value=_shown(text))
    try:
        number = Decimal(text)
    except InvalidOperation:  # an exponent beyond what Decimal can hold
        raise InputError(
            field, "exponent_out_of_range", value=_shown(text), max_exponent=MAX_EXPONENT
        ) from None
    return _bounded(number, field, lambda: _shown(text))


def _bounded(number: Decimal, field: str, shown: Any) -> Decimal:
    """The number if it fits the limits, else InputError; its exponent kept unless too long."""
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    if not any(digits):  # zero: no significant digits, no magnitude; keep a sane exponent
        return number if -MAX_EXPONENT <= exponent <= MAX_EXPONENT else Decimal(0)
    significant = len(digits)
    while digits[significant - 1] == 0:
        significant -= 1
    if significant > MAX_DIGITS:
        raise InputError(field, "too_many_digits", value=shown(), max_digits=MAX_DIGITS)
    if not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise InputError(field, "exponent_out_of_range", value=shown(), max_exponent=MAX_EXPONENT)
    if len(digits) <= MAX_DIGITS:
        return number  # as typed: "15.0" stays 15.0
    dropped = len(digits) - significant  # trailing zeros beyond 20 digits: keep the value only
    return Decimal((sign, digits[:significant], exponent + dropped))


def exact(value: Exact | int) -> Fraction:
    """The exact rational of a value (a Decimal converts without loss)."""
    return value if isinstance(value, Fraction) else Fraction(value)


def quotient(a: Exact | int, b: Exact | int) -> Exact:
    """a / b exactly: a Decimal (with Decimal's ideal exponent) when it terminates, else a Fraction.

    Raises ZeroDivisionError for b = 0 (callers check their ranges first).
    """
    if isinstance(a, Decimal | int) and isinstance(b, Decimal | int):
        if b == 0:
            raise ZeroDivisionError("quotient by zero")
        try:
            return EXACT.divide(Decimal(a), Decimal(b))
        except Inexact:
            pass
    return exact(a) / exact(b)


def add(a: Exact | int, b: Exact | int) -> Exact:
    """a + b exactly, a Decimal while both are."""
    if type(a) is Decimal and type(b) is Decimal:  # most of all: a lot's 125 packages
        return EXACT.add(a, b)
    if isinstance(a, Decimal | int) and isinstance(b, Decimal | int):
        return EXACT.add(Decimal(a), Decimal(b))
    return exact(a) + exact(b)


def sub(a: Exact | int, b: Exact | int) -> Exact:
    """a − b exactly, a Decimal while both are."""
    if type(a) is Decimal and type(b) is Decimal:
        return EXACT.subtract(a, b)
    if isinstance(a, Decimal | int) and isinstance(b, Decimal | int):
        return EXACT.subtract(Decimal(a), Decimal(b))
    return exact(a) - exact(b)


def mul(a: Exact | int, b: Exact | int) -> Exact:
    """a × b exactly, a Decimal while both are."""
    if type(a) is Decimal and type(b) is Decimal:
        return EXACT.multiply(a, b)
    if isinstance(a, Decimal | int) and isinstance(b, Decimal | int):
        return EXACT.multiply(Decimal(a), Decimal(b))
    return exact(a) * exact(b)


def total(values: list[Exact]) -> Exact:
    """The exact sum of a list (0 for an empty one)."""
    out: Exact = ZERO
    for value in values:
        out = add(out, value)
    return out


def result(value: Exact | int) -> Decimal:
    """A value for the results: exact when it terminates in 40 digits, else rounded to 40 (display
    and record only; verdicts use the exact value).

    Asked of every package of a lot on every edit: a Decimal is taken as it is (it is immutable),
    and its text, never longer than its digits, answers for almost all before ``as_tuple``
    (~30× dearer) must count them."""
    if type(value) is Decimal:
        number = value
    elif isinstance(value, Fraction):
        return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    else:
        number = Decimal(value)
    if len(str(number)) <= CONTEXT.prec or len(number.as_tuple().digits) <= CONTEXT.prec:
        return number
    return CONTEXT.plus(number)


def round_exact(value: Exact, quantum: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """Round an exact value once to a multiple of ``quantum`` (which need not be a power of ten),
    on its absolute value; ties by ``rounding`` (half-even, GB/T 8170, or half-up, 四舍五入)."""
    units = exact(value) / exact(quantum)
    magnitude = abs(units)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    twice = 2 * rest
    if twice > magnitude.denominator or (
        twice == magnitude.denominator and (rounding == ROUND_HALF_UP or whole % 2 == 1)
    ):
        whole += 1
    if units < 0:
        whole = -whole
    return EXACT.multiply(Decimal(whole), quantum)


def floor_exact(value: Exact) -> int:
    """The largest integer not above an exact value."""
    f = exact(value)
    return f.numerator // f.denominator


def round_gbt8170(value: Exact, quantum: Decimal) -> Decimal:
    """Round once, half to even on the absolute value (GB/T 8170-2008, 四舍六入五成双)."""
    if isinstance(value, Decimal) and quantum.as_tuple().digits == (1,):
        return value.quantize(quantum, rounding=ROUND_HALF_EVEN, context=EXACT_ROUNDING)
    return round_exact(value, quantum, ROUND_HALF_EVEN)


def round_half_up(value: Exact, quantum: Decimal) -> Decimal:
    """Round half away from zero (四舍五入), for money and the T table note."""
    if isinstance(value, Decimal) and quantum.as_tuple().digits == (1,):
        return value.quantize(quantum, rounding=ROUND_HALF_UP, context=EXACT_ROUNDING)
    return round_exact(value, quantum, ROUND_HALF_UP)


def round_to_step(value: Exact, step: Decimal) -> Decimal:
    """Round half-up to a multiple of ``step`` (a fare step of 0.5 元, a price interval of 0.05 元)."""
    return round_exact(value, step, ROUND_HALF_UP)


def ceil_integer(value: Decimal) -> Decimal:
    """Round up to the next integer ("进位到下一个紧邻的整数", net_content.md §B.3.2)."""
    return value.quantize(ONE, rounding=ROUND_CEILING, context=EXACT_ROUNDING)


_WIDE = Context(prec=100)  # typed numbers: at most 20 significant digits, exponents within ±20


def is_multiple(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is an exact multiple of ``step`` (remainder zero: 50.15 of 0.01, not 50.151)."""
    try:
        return _WIDE.remainder(value, step).is_zero()
    except InvalidOperation:
        return True  # a value too large to divide is judged by its range, not here


def times(factor: Decimal, value: Decimal) -> Decimal:
    """An exact product of two typed numbers (a step of 0.1 e), whatever the caller's context."""
    return _WIDE.multiply(factor, value)


def plain(value: Decimal) -> str:
    """Full-precision text without exponent; negative zero is written as zero."""
    if value.is_zero():
        value = abs(value)
    text = str(value)  # the same text unless it has an exponent, and ~5× cheaper than format
    return text if "E" not in text else format(value, "f")


def exact_mean(values: list[Exact]) -> Exact:
    """The exact arithmetic mean (caller guarantees a non-empty list)."""
    return quotient(total(values), len(values))


def exact_variance(values: list[Exact]) -> Fraction:
    """The exact sample variance s² = Σ(q − q̄)²/(n − 1) (n ≥ 2): compare squares, not roots.

    Computed as (Σq² − (Σq)²/n)/(n − 1), the same rational; the sums stay Decimal while the values
    are (exact in the trapping context), so 125 packages cost two sums, not 125 fractions.
    """
    n = len(values)
    if all(isinstance(v, Decimal) for v in values):
        decimals = [v for v in values if isinstance(v, Decimal)]
        total_, squares = ZERO, ZERO
        for v in decimals:
            total_ = EXACT.add(total_, v)
            squares = EXACT.add(squares, EXACT.multiply(v, v))
        return (Fraction(squares) - Fraction(total_) ** 2 / n) / (n - 1)
    fractions = [exact(v) for v in values]
    sum_f = sum(fractions, Fraction(0))
    return (sum((f * f for f in fractions), Fraction(0)) - sum_f * sum_f / n) / (n - 1)


def sqrt_result(value: Exact) -> Decimal:
    """√value at 40 digits, for display and the record only."""
    return CONTEXT.sqrt(result(value))

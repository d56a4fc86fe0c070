"""Decimal parsing and the regulated rounding rules (GB/T 8170, half-up money)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import InputError
from forms.numbers import (
    ceil_integer,
    plain,
    round_gbt8170,
    round_half_up,
    round_to_step,
    to_decimal,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.50", "1.50"),
        (" 2 ", "2"),
        (3, "3"),
        (0.1, "0.1"),
        ("1,5", "1.5"),
        ("-0.25", "-0.25"),
        (Decimal("7.86"), "7.86"),
        ("1e3", "1E+3"),
    ],
)
def test_to_decimal_accepts_typed_numbers(raw, value):
    assert to_decimal(raw, "x") == Decimal(value)


@pytest.mark.parametrize("raw", ["", "abc", "1.2.3", None, True, "nan", "inf", "Infinity", [1]])
def test_to_decimal_refuses_non_numbers(raw):
    with pytest.raises(InputError) as info:
        to_decimal(raw, "flow_points[0].runs[0].v_j")
    assert info.value.field == "flow_points[0].runs[0].v_j" and info.value.code == "not_a_number"


def test_float_is_taken_by_its_repr_not_its_binary_value():
    assert to_decimal(2.675, "x") == Decimal("2.675")


@pytest.mark.parametrize(
    ("value", "quantum", "expected"),
    [
        ("0.125", "0.01", "0.12"),
        ("0.135", "0.01", "0.14"),
        ("-0.125", "0.01", "-0.12"),
        ("0.12501", "0.01", "0.13"),
        ("2.5", "1", "2"),
        ("3.5", "1", "4"),
    ],
)
def test_gbt8170_half_even_once_on_the_absolute_value(value, quantum, expected):
    assert round_gbt8170(Decimal(value), Decimal(quantum)) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "quantum", "expected"),
    [
        ("2.675", "0.01", "2.68"),
        ("2.665", "0.01", "2.67"),
        ("-2.675", "0.01", "-2.68"),
        ("35.2", "1", "35"),
        ("35.5", "1", "36"),
    ],
)
def test_half_up(value, quantum, expected):
    assert round_half_up(Decimal(value), Decimal(quantum)) == Decimal(expected)


def test_round_to_step_and_ceil():
    assert round_to_step(Decimal("35.2"), Decimal("0.5")) == Decimal("35.0")
    assert round_to_step(Decimal("35.25"), Decimal("0.5")) == Decimal("35.5")
    assert round_to_step(Decimal("35.2"), Decimal("1")) == Decimal("35")
    assert ceil_integer(Decimal("1.01")) == 2 and ceil_integer(Decimal("1")) == 1


def test_plain_never_uses_exponents_or_negative_zero():
    assert plain(Decimal("1E+3")) == "1000"
    assert plain(Decimal("1E-7")) == "0.0000001"
    assert plain(Decimal("-0.0")) == "0.0"

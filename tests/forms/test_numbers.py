"""Decimal parsing and the regulated rounding rules (GB/T 8170, half-up money)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from forms import InputError
from forms.numbers import (
    ceil_integer,
    plain,
    result,
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


# Numbers as typed (spec README, "Numbers as typed"): a dot, no comma; ≤ 20 significant digits and
# an exponent within ±20 after normalising; anything else is invalid input naming the field.


@pytest.mark.parametrize("raw", ["15,000", "1,5", "15，000", "1、5", "1,000.5", ","])
def test_a_comma_is_refused_never_read_as_a_separator(raw):
    with pytest.raises(InputError) as info:
        to_decimal(raw, "max")
    assert (info.value.field, info.value.code) == ("max", "decimal_comma")


@pytest.mark.parametrize(
    "raw",
    [
        "12345678901234567890",  # 20 significant digits
        "1.2345678901234567890",
        "-0.00000012345678901234567890",
        "1.000000000000000000000000",  # 25 digits typed, 1 significant after normalising
        "100000000000000000000",  # 1e20: 21 digits typed, 1 significant
        "1e20",
        "9.9999999999999999999e20",
        "1e-20",
        "-1E-20",
        12345678901234567890,
        Decimal("1e20"),
    ],
)
def test_twenty_significant_digits_and_exponents_to_20_are_accepted(raw):
    value = to_decimal(raw, "x")
    assert value == Decimal(str(raw))
    assert len(value.as_tuple().digits) <= 20


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("123456789012345678901", "too_many_digits"),  # 21 significant digits
        ("1.23456789012345678901", "too_many_digits"),
        pytest.param((10**5000 - 1) // 9 * 7, "too_many_digits", id="int-of-5000-sevens"),
        pytest.param(10**5000, "exponent_out_of_range", id="int-1e5000"),
        ("1" * 100, "too_many_digits"),
        ("1" * 101, "too_long"),
        ("1e21", "exponent_out_of_range"),
        ("10000000000000000000000", "exponent_out_of_range"),  # 1e22 written out
        ("1e-21", "exponent_out_of_range"),
        ("0.000000000000000000001", "exponent_out_of_range"),
        (Decimal("1e-999999"), "exponent_out_of_range"),  # a JSON number 1e-999999
        ("1e99999999999999999999", "exponent_out_of_range"),  # beyond what Decimal can hold
        (1e-300, "exponent_out_of_range"),
        ("１２", "not_a_number"),  # full-width digits are not a plain decimal
        ("1.5.", "not_a_number"),
        ("1 000", "not_a_number"),
    ],
)
def test_longer_numbers_are_invalid_input_naming_the_field(raw, code):
    with pytest.raises(InputError) as info:
        to_decimal(raw, "weighings[0].load")
    assert (info.value.field, info.value.code) == ("weighings[0].load", code)
    assert len(str(info.value.params.get("value", ""))) <= 32  # the message never repeats 5,000 digits


def test_a_zero_with_a_huge_exponent_is_a_plain_zero():
    assert plain(to_decimal("0e-999999", "x")) == "0"
    assert plain(to_decimal("0.00", "x")) == "0.00"


def test_trailing_zeros_beyond_twenty_digits_keep_the_value_only():
    value = to_decimal("1." + "0" * 60, "x")
    assert value == 1 and len(plain(value)) <= 22


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("501.0"), "501.0"),  # a typed value, as typed (trailing zero kept)
        (Decimal("-0.00"), "-0.00"),
        (Decimal("1" * 40), "1" * 40),  # 40 digits: kept whole
        (Decimal("-0.0000" + "1" * 40), "-0.0000" + "1" * 40),  # a text of 47 characters, 40 digits
        (Decimal("1" * 41), "1.111111111111111111111111111111111111111E+40"),  # 41: rounded to 40
        (Decimal("0." + "6" * 45), "0." + "6" * 39 + "7"),
        (Decimal("1E+50"), "1E+50"),
        (7, "7"),
        (Fraction(1, 3), "0." + "3" * 40),
    ],
)
def test_a_result_keeps_forty_digits(value, expected):
    """`result`: exact while it has at most 40 digits (the text may be longer: a sign, a point,
    leading zeros), else rounded half-even to 40; a fraction divided out to 40."""
    assert str(result(value)) == expected

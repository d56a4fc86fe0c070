"""The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) and its check.

Characters are the digits and the capital letters except I, O, Z, S and V (31 symbols); the 18th
is a check character: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # GB 32100 table 3
LENGTH = 18


@dataclass(frozen=True)
class CreditCodeProblem:
    """Why a code is invalid, as a message code and its parameters."""

    code: str
    params: dict[str, object]


def check_character(body: str) -> str:
    """The check character for the first 17 characters (which must be in ALPHABET)."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise(text: str) -> str:
    """Upper case without spaces: what an inspector copies from a licence is often spaced."""
    return "".join(text.split()).upper()


def problem(text: str) -> CreditCodeProblem | None:
    """None for a valid code, else the first problem found (length, a character, the check)."""
    code = normalise(text)
    if len(code) != LENGTH:
        return CreditCodeProblem("credit_code_length", {"length": len(code)})
    for i, char in enumerate(code, start=1):
        if char not in ALPHABET:
            return CreditCodeProblem("credit_code_character", {"position": i, "char": char})
    expected = check_character(code[:17])
    if code[17] != expected:
        return CreditCodeProblem("credit_code_check", {"expected": expected, "actual": code[17]})
    return None


def is_valid(text: str) -> bool:
    return problem(text) is None

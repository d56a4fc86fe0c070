"""GB 32100-2015 unified social credit codes: the check character and every kind of mistake."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector_app import credit_code

body = st.text(alphabet=credit_code.ALPHABET, min_size=17, max_size=17)


def test_published_codes_validate():
    # Codes printed on public business licences (Alibaba, Tencent, Huawei).
    for code in ("91330100799655058B", "9144030071526726XG", "914403001922038216"):
        assert credit_code.is_valid(code), code


def test_known_check_character():
    assert credit_code.check_character("91330100799655058") == "B"


@given(body)
def test_generated_codes_validate(b):
    assert credit_code.is_valid(b + credit_code.check_character(b))


@given(body, st.integers(min_value=0, max_value=17), st.sampled_from(credit_code.ALPHABET))
def test_any_single_substitution_is_detected(b, position, char):
    code = b + credit_code.check_character(b)
    changed = code[:position] + char + code[position + 1 :]
    assert credit_code.is_valid(changed) == (changed == code)


def test_problems_name_the_rule():
    assert credit_code.problem("9133010079965505").code == "credit_code_length"
    bad_char = credit_code.problem("91330100799655O58B")
    assert bad_char.code == "credit_code_character" and bad_char.params["position"] == 15
    wrong = credit_code.problem("91330100799655058C")
    assert wrong.code == "credit_code_check" and wrong.params["expected"] == "B"


def test_spaces_and_lower_case_are_normalised():
    assert credit_code.is_valid(" 91330100 799655058b ")

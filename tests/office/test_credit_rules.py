"""Credit lists (spec/office.md, "Credit lists"): the black list for a cheating or seal finding or
two failed checks within 12 months, left after 24 months without a failure; the red list for at
least 3 checks over at least 24 months, none failed; both over the last 36 months. Boundaries on
both sides."""

from __future__ import annotations

import pytest

from inspector_app.office.credit import BLACK, NONE, RED, Check, Rules, standing
from inspector_app.settings import BLACK_ITEMS

RULES = Rules(black_items=frozenset(BLACK_ITEMS.split()))


def check(
    date: str, verdict: str = "pass", failed: tuple[str, ...] = (), form: str = "scale", no: str = ""
) -> Check:
    return Check(no or f"id-{date}", no or f"R-{date}", date, form, verdict, failed, ())


def test_a_seal_finding_blacklists_at_once():
    result = standing([check("2026-01-10", "fail", ("seal",), no="R1")], RULES, "2026-02-01")
    assert (result.name, result.since) == (BLACK, "2026-01-10")
    assert result.reasons[0]["rule"] == "severe_item" and result.reasons[0]["records"] == ["R1"]


def test_the_item_must_belong_to_the_procedure():
    # "seal" is a scale item; a fuel dispenser's plain indication error is not severe.
    assert (
        standing(
            [check("2026-01-10", "fail", ("indication_error",), "fuel_dispenser")], RULES, "2026-02-01"
        ).name
        == NONE
    )
    assert (
        standing([check("2026-01-10", "fail", ("self_lock",), "fuel_dispenser")], RULES, "2026-02-01").name
        == BLACK
    )
    assert (
        standing([check("2026-01-10", "fail", ("seal",), "fuel_dispenser")], RULES, "2026-02-01").name == NONE
    )


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("2026-12-31", BLACK),
        ("2027-01-01", BLACK),
        ("2027-01-02", NONE),
    ],  # within 12 months, the day itself counts
)
def test_two_failures_within_twelve_months(second, expected):
    checks = [check("2026-01-01", "fail", ("weighing",), no="R1"), check(second, "fail", ("price",), no="R2")]
    result = standing(checks, RULES, "2027-02-01")
    assert result.name == expected
    if expected == BLACK:
        assert result.reasons[0]["records"] == ["R1", "R2"]


@pytest.mark.parametrize(("on", "expected"), [("2028-01-09", BLACK), ("2028-01-10", NONE)])
def test_leaving_the_black_list_after_24_months_without_failure(on, expected):
    checks = [check("2026-01-10", "fail", ("no_cheating",)), check("2027-03-01", "pass")]
    assert standing(checks, RULES, on).name == expected


def test_a_later_failure_keeps_the_entity_listed():
    checks = [check("2026-01-10", "fail", ("seal",)), check("2027-06-01", "fail", ("weighing",))]
    assert standing(checks, RULES, "2028-06-01").name == BLACK  # 24 months from the last failure
    assert standing(checks, RULES, "2029-06-01").name == NONE


@pytest.mark.parametrize(
    ("last", "expected"),
    [("2026-01-14", NONE), ("2026-01-15", RED)],  # exactly 24 months between the first and the last
)
def test_red_list_needs_three_checks_over_24_months(last, expected):
    checks = [check("2024-01-15"), check("2025-02-01"), check(last)]
    assert standing(checks, RULES, "2026-02-01").name == expected


def test_red_needs_three_checks_and_no_failure():
    assert standing([check("2024-01-15"), check("2026-02-01")], RULES, "2026-03-01").name == NONE
    checks = [check("2024-01-15"), check("2025-02-01", "fail", ("weighing",)), check("2026-02-01")]
    assert standing(checks, RULES, "2026-03-01").name == NONE  # one failure: neither list
    inconclusive = [check("2024-01-15"), check("2025-02-01", "inconclusive"), check("2026-02-01")]
    assert standing(inconclusive, RULES, "2026-03-01").name == RED  # inconclusive is not a failure


def test_only_the_last_36_months_count():
    old_failure = [
        check("2022-01-01", "fail", ("seal",)),
        check("2024-06-01"),
        check("2025-03-01"),
        check("2026-07-01"),
    ]
    assert standing(old_failure, RULES, "2026-08-01").name == RED  # the 2022 failure is outside the window
    assert standing(old_failure, RULES, "2024-12-31").name == NONE


def test_rules_come_from_the_settings(tmp_path):
    from tests.core import fleet

    with fleet.office(tmp_path / "o.sqlite") as services:
        services.settings.set("credit_black_failures", "3")
        services.settings.set("credit_black_items", "scale:no_cheating")
        rules = services.office.credit.rules()
    assert rules.black_failures == 3 and rules.black_items == frozenset({"scale:no_cheating"})
    two = [check("2026-01-01", "fail", ("seal",)), check("2026-02-01", "fail", ("weighing",))]
    assert standing(two, rules, "2026-03-01").name == NONE
    assert standing([*two, check("2026-02-15", "fail", ("price",))], rules, "2026-03-01").name == BLACK

"""Working days for the publication deadline (spec/office.md, "Publication": 20 working days,
Saturdays and Sundays excluded, official holidays from a settings list)."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.office.dates import PUBLICATION_WORKING_DAYS, WorkingCalendar, local_date, parse_dates
from inspector_app.settings import HOLIDAYS_2025, WORKING_WEEKENDS_2025

D = dt.date.fromisoformat


def test_twenty_working_days_skip_weekends():
    # Monday 2026-03-02 + 20 working days = four whole weeks later, Monday 2026-03-30.
    assert WorkingCalendar().add(D("2026-03-02"), PUBLICATION_WORKING_DAYS) == D("2026-03-30")
    # From a Friday: the weekend is not counted; the 20th working day is Friday four weeks on.
    assert WorkingCalendar().add(D("2026-03-06"), 20) == D("2026-04-03")
    # From a Saturday (an inspection may fall on one): the next Monday is day 1.
    assert WorkingCalendar().add(D("2026-03-07"), 1) == D("2026-03-09")


def test_national_day_2025_with_its_working_weekends():
    """Worked by hand: inspection Friday 2025-09-26. Sun 09-28 is a working day (调休) → 1,
    09-29 → 2, 09-30 → 3, 10-01…10-08 holidays, 10-09 → 4, 10-10 → 5, Sat 10-11 working → 6,
    10-13…17 → 7–11, 10-20…24 → 12–16, 10-27…30 → 17–20: the deadline is Thursday 2025-10-30."""
    calendar = WorkingCalendar(parse_dates(HOLIDAYS_2025), parse_dates(WORKING_WEEKENDS_2025))
    assert calendar.add(D("2025-09-26"), 20) == D("2025-10-30")
    assert calendar.is_working(D("2025-09-28")) and not calendar.is_working(D("2025-10-01"))
    # Without the holiday list the same inspection is due earlier: weekends only.
    assert WorkingCalendar().add(D("2025-09-26"), 20) == D("2025-10-24")


def test_between_counts_the_days_left():
    calendar = WorkingCalendar([D("2026-03-04")])
    assert calendar.between(D("2026-03-02"), D("2026-03-06")) == 3  # Tue, (Wed holiday), Thu, Fri
    assert calendar.between(D("2026-03-06"), D("2026-03-02")) == 0


def test_the_local_day_of_a_utc_time():
    assert local_date("2026-06-30T23:30:00Z") == "2026-07-01"  # 07:30 in Chongqing
    assert local_date("2026-07-01T15:59:59Z") == "2026-07-01"
    assert local_date("2026-07-01T16:00:00Z") == "2026-07-02"
    assert local_date("not a time") == ""


@pytest.mark.parametrize("text", ["2026-13-01", "2026/01/01", "tomorrow"])
def test_a_bad_holiday_list_names_the_entry(text):
    with pytest.raises(ValueError) as caught:
        parse_dates(f"2026-01-01, {text}")
    assert str(caught.value) == text


def test_holiday_settings_are_validated(tmp_path):
    from inspector_app.services import ValidationFailed, open_services

    with open_services(tmp_path / "o.sqlite") as services:
        services.settings.set("office_holidays", "2026-01-01 2026-01-02")
        with pytest.raises(ValidationFailed) as caught:
            services.settings.set("office_holidays", "2026-01-01 2026-02-30")
        assert "2026-02-30" in caught.value.errors[0].message("zh")
        with pytest.raises(ValidationFailed):
            services.settings.set("credit_black_failures", "1")  # below the range 2–20
        with pytest.raises(ValidationFailed):
            services.settings.set("credit_black_items", "scale:seal; drop table")

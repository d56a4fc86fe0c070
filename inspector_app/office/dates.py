"""Dates as the office counts them: the local calendar day of a UTC time, and working days.

Chongqing keeps China Standard Time (UTC+8, no daylight saving): an inspection signed at 07:30 on
1 July in Chongqing is 23:30 UTC on 30 June, and belongs to 1 July. Working days (企业信息公示暂行条例
art. 6: publication within 20 working days) exclude Saturdays, Sundays and the official holidays of
the settings list, and count the weekend days declared working days (调休上班) as working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

LOCAL_OFFSET = dt.timedelta(hours=8)  # China Standard Time, all year
PUBLICATION_WORKING_DAYS = 20  # 企业信息公示暂行条例 art. 6 (spec/office.md, "Publication")


def parse_utc(text: str) -> dt.datetime:
    """An ISO 8601 time ('Z' or an offset; naive means UTC); raises ValueError."""
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def local_date(utc_text: str) -> str:
    """The calendar day (YYYY-MM-DD) in Chongqing of a UTC time; '' for an unreadable one."""
    try:
        return (parse_utc(utc_text).astimezone(dt.UTC) + LOCAL_OFFSET).date().isoformat()
    except ValueError:
        return ""


def parse_dates(text: str) -> list[dt.date]:
    """Dates from a settings list: ISO dates separated by commas, spaces, semicolons or new lines.

    Raises ValueError naming the first entry that is not a date.
    """
    found = []
    for part in text.replace(",", " ").replace(";", " ").replace("，", " ").replace("、", " ").split():
        try:
            found.append(dt.date.fromisoformat(part))
        except ValueError as exc:
            raise ValueError(part) from exc
    return found


class WorkingCalendar:
    """Working days: Monday–Friday, less the holidays, plus the declared working weekend days."""

    def __init__(self, holidays: Iterable[dt.date] = (), working_weekends: Iterable[dt.date] = ()) -> None:
        self._holidays = frozenset(holidays)
        self._working = frozenset(working_weekends)

    def is_working(self, day: dt.date) -> bool:
        if day in self._working:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def add(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
        if days < 0:
            raise ValueError(days)
        day = start
        left = days
        while left:
            day += dt.timedelta(days=1)
            if self.is_working(day):
                left -= 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return count

"""Times as people in Chongqing read them: China Standard Time (UTC+8, no daylight saving), to the
minute. The database keeps UTC (ISO 8601, ``Z``); records and screens show this."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")


def local(stamp: str | None, *, seconds: bool = False) -> str:
    """'2026-11-23T01:05:09.123Z' → '2026-11-23 09:05' (Beijing time); a date alone, an empty or
    unreadable value is returned as it is."""
    if not stamp or len(stamp) <= 10:
        return stamp or ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_day(stamp: str | None) -> str:
    """The calendar day in Beijing of a UTC stamp (a check at 01:00 local on the 2nd is 17:00 UTC
    on the 1st)."""
    return local(stamp)[:10]

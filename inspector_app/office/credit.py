"""Credit lists (红黑名单) and an entity's integrity file (诚信计量档案), spec/office.md.

The rules are data (settings, defaults from the spec), evaluated over the checks of the last
``credit_window_months`` (36) months, current revisions only, each list entry with its reasons —
the record numbers that put it there:

- **Black list** (严重失信/重点监管): a failed check with a cheating or seal item
  (``credit_black_items``), or ``credit_black_failures`` (2) failed checks within
  ``credit_black_within_months`` (12) months. It leaves the list once ``credit_black_leave_months``
  (24) months have passed without a failed check.
- **Red list** (守信): at least ``credit_red_min_checks`` (3) checks spanning at least
  ``credit_red_min_months`` (24) months, none failed.
- Everything in between: no list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.office import OfficeStore
from inspector_app.office import labels
from inspector_app.office.draw.service import months_before
from inspector_app.services.errors import FieldError, ValidationFailed

BLACK, RED, NONE = "black", "red", ""
LIST_NAMES = {BLACK: ("黑名单", "black list"), RED: ("红名单", "red list"), NONE: ("无", "none")}


@dataclass(frozen=True)
class Rules:
    window_months: int = 36
    black_items: frozenset[str] = frozenset()  # "form:item" or "item"
    black_failures: int = 2
    black_within_months: int = 12
    black_leave_months: int = 24
    red_min_checks: int = 3
    red_min_months: int = 24

    def severe(self, form_id: str, items: Iterable[str]) -> list[str]:
        return [i for i in items if f"{form_id}:{i}" in self.black_items or i in self.black_items]


@dataclass(frozen=True)
class Check:
    record_id: str
    record_no: str
    date: str  # local inspection date
    form_id: str
    verdict: str
    failed: tuple[str, ...]
    measures: tuple[str, ...]


@dataclass
class Standing:
    """An entity's list as of a day, and why."""

    name: str  # black | red | "" (no list)
    since: str = ""
    reasons: list[dict[str, Any]] = field(default_factory=list)


def standing(checks: list[Check], rules: Rules, on: str) -> Standing:
    """The list an entity is on at day ``on``, judged on its checks up to that day within the window."""
    since = months_before(on, rules.window_months)
    window = [c for c in checks if since <= c.date <= on]
    failures = [c for c in window if c.verdict == "fail"]
    triggers: list[dict[str, Any]] = []
    for c in failures:
        severe = rules.severe(c.form_id, c.failed)
        if severe:
            triggers.append(
                {"rule": "severe_item", "date": c.date, "records": [c.record_no], "items": severe}
            )
    for i, c in enumerate(failures):
        start = months_before(c.date, rules.black_within_months)
        recent = [f for f in failures[: i + 1] if f.date >= start]  # "within": the day itself counts
        if len(recent) >= rules.black_failures:
            triggers.append(
                {
                    "rule": "repeated_failures",
                    "date": c.date,
                    "months": rules.black_within_months,
                    "records": [f.record_no for f in recent[-rules.black_failures :]],
                }
            )
    if triggers and failures:
        last_failure = max(f.date for f in failures)
        if months_before(on, rules.black_leave_months) < last_failure:
            triggers.sort(key=lambda t: (t["date"], t["rule"]))
            return Standing(BLACK, triggers[0]["date"], triggers)
    if not failures and len(window) >= rules.red_min_checks:
        first, last = window[0].date, window[-1].date
        if months_before(last, rules.red_min_months) >= first:
            return Standing(
                RED,
                last,
                [
                    {
                        "rule": "no_failures",
                        "date": last,
                        "records": [c.record_no for c in window],
                        "checks": len(window),
                    }
                ],
            )
    return Standing(NONE)


def _check(row: dict[str, Any]) -> Check:
    failed = row["failed"]
    measures = row["measures"]
    return Check(
        record_id=row["id"],
        record_no=row["record_no"],
        date=row["inspected_on"],
        form_id=row["form_id"],
        verdict=row["verdict"],
        failed=tuple(json.loads(failed)) if failed and failed != "[]" else (),
        measures=tuple(json.loads(measures)) if measures and measures != "[]" else (),
    )


class CreditService:
    """`office credit`, `office entity` and the 信用名单 page."""

    def __init__(
        self, store: OfficeStore, *, clock: Callable[[], str], setting: Callable[[str], str]
    ) -> None:
        self.store = store
        self._clock = clock
        self._setting = setting

    def rules(self) -> Rules:
        def number(key: str) -> int:
            return int(self._setting(key))

        return Rules(
            window_months=number("credit_window_months"),
            black_items=frozenset(self._setting("credit_black_items").replace(",", " ").split()),
            black_failures=number("credit_black_failures"),
            black_within_months=number("credit_black_within_months"),
            black_leave_months=number("credit_black_leave_months"),
            red_min_checks=number("credit_red_min_checks"),
            red_min_months=number("credit_red_min_months"),
        )

    def today(self) -> str:
        from inspector_app.office.dates import local_date

        return local_date(self._clock())

    def lists(self, *, on: str = "") -> dict[str, Any]:
        """The red and black lists on day ``on`` (default today): entries with their reasons."""
        day = on or self.today()
        rules = self.rules()
        since = months_before(day, rules.window_months)
        entries: dict[str, list[dict[str, Any]]] = {BLACK: [], RED: []}
        current: list[Check] = []
        code = name = district = ""

        def flush() -> None:
            if not current:
                return
            result = standing(current, rules, day)
            if result.name:
                entries[result.name].append(
                    {
                        "credit_code": code,
                        "name": name,
                        "district": district,
                        "list": result.name,
                        "since": result.since,
                        "reasons": result.reasons,
                        "records": sorted({r for reason in result.reasons for r in reason["records"]}),
                    }
                )

        for row in self.store.entity_checks(since=since):
            if row["site_code"] != code:
                flush()
                current = []
                code, name, district = row["site_code"], row["site_name"], row["district"]
            if row["inspected_on"] <= day:
                current.append(_check(row))
        flush()
        return {
            "on": day,
            "rules": {
                "window_months": rules.window_months,
                "black_items": sorted(rules.black_items),
                "black_failures": rules.black_failures,
                "black_within_months": rules.black_within_months,
                "black_leave_months": rules.black_leave_months,
                "red_min_checks": rules.red_min_checks,
                "red_min_months": rules.red_min_months,
            },
            "black": entries[BLACK],
            "red": entries[RED],
        }

    def export(self, target: Path, *, on: str = "") -> dict[str, Any]:
        """Write the lists as .xlsx (one sheet per list) or .csv (one table, a column for the list);
        raises ValidationFailed for another suffix."""
        from inspector_app.office.tables import write_csv, write_xlsx

        data = self.lists(on=on)
        header = ["名单", "统一社会信用代码", "名称", "区县", "列入依据日期", "原因", "记录编号"]

        def rows(which: str) -> list[list[str]]:
            return [
                [
                    LIST_NAMES[which][0],
                    e["credit_code"],
                    e["name"],
                    e["district"],
                    e["since"],
                    "；".join(reason_text(r) for r in e["reasons"]),
                    "、".join(e["records"]),
                ]
                for e in data[which]
            ]

        suffix = target.suffix.lower()
        if suffix == ".xlsx":
            widths = [8, 22, 30, 10, 12, 50, 40]
            write_xlsx(
                target,
                [("黑名单", header, rows(BLACK)), ("红名单", header, rows(RED))],
                widths={"黑名单": widths, "红名单": widths},
            )
        elif suffix == ".csv":
            write_csv(target, header, rows(BLACK) + rows(RED))
        else:
            raise ValidationFailed(
                [FieldError("-o", "unknown_choice", {"value": suffix, "choices": [".xlsx", ".csv"]})]
            )
        return {"file": str(target), "on": data["on"], "black": len(data[BLACK]), "red": len(data[RED])}

    def entity(self, credit_code: str) -> dict[str, Any]:
        """The integrity file of one entity: its directory row, every check (all time) with its
        verdict, failed items and measures, and its list after each check and today. Raises
        ValidationFailed when the office knows nothing of the code."""
        from inspector_app import credit_code as uscc

        code = uscc.normalise(credit_code)
        rules = self.rules()
        rows = list(self.store.entity_checks(since="0000-00-00", credit_code=code))
        site = self.store.site(code)
        if not rows and site is None:
            raise ValidationFailed([FieldError("credit_code", "not_found", {"value": code})])
        checks = [_check(r) for r in rows]
        history = []
        for i, (row, c) in enumerate(zip(rows, checks, strict=True)):
            after = standing(checks[: i + 1], rules, c.date)
            history.append(
                {
                    "record_id": c.record_id,
                    "record_no": c.record_no,
                    "date": c.date,
                    "form_id": c.form_id,
                    "procedure": labels.procedure(c.form_id),
                    "verdict": c.verdict,
                    "failed": [{"item": f, "label": labels.item(c.form_id, f)} for f in c.failed],
                    "measures": [{"measure": m, "label": labels.measure(m)} for m in c.measures],
                    "review_status": row["review_status"],
                    "drawn": bool(row.get("task_id")),
                    "list_after": after.name,
                }
            )
        today = self.today()
        now = standing(checks, rules, today)
        name = site["name"] if site else rows[-1]["site_name"]
        district = site["district"] if site else rows[-1]["district"]
        return {
            "credit_code": code,
            "name": name,
            "district": district,
            "directory": site,
            "checks": history,
            "list": now.name,
            "list_since": now.since,
            "reasons": now.reasons,
            "on": today,
        }


def reason_text(reason: dict[str, Any], lang: str = "zh") -> str:
    records = "、".join(reason["records"]) if lang == "zh" else ", ".join(reason["records"])
    if reason["rule"] == "severe_item":
        return (
            f"{reason['date']} 不合格且含作弊/封印项目（{records}）"
            if lang == "zh"
            else f"{reason['date']} failed with a cheating/seal item ({records})"
        )
    if reason["rule"] == "repeated_failures":
        return (
            f"{reason['date']} 前 {reason['months']} 个月内多次不合格（{records}）"
            if lang == "zh"
            else f"{reason['date']} repeated failures within {reason['months']} months ({records})"
        )
    return (
        f"{reason['checks']} 次检查全部合格（{records}）"
        if lang == "zh"
        else f"{reason['checks']} checks, none failed ({records})"
    )

"""Publication (一公开, spec/office.md "Publication"): the 双随机 results the office makes public,
and their deadline — 20 working days after the inspection (企业信息公示暂行条例 art. 6).

Published: every current, finalised record answering a draw's task, except one the supervisor
returned (its correction will be published instead). The export writes XLSX (XlsxWriter) or CSV
(UTF-8 with BOM) and marks its records published in the same transaction; the office view shows
each record as published, due (deadline not passed) or overdue.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.office import OfficeStore
from inspector_app.office import labels
from inspector_app.office.dates import PUBLICATION_WORKING_DAYS, WorkingCalendar, local_date, parse_dates
from inspector_app.services.errors import FieldError, ValidationFailed

HEADER = (
    "序号",
    "检查对象名称",
    "统一社会信用代码",
    "检查事项",
    "检查机关",
    "检查日期",
    "检查结果",
    "处理措施",
    "记录编号",
    "抽查计划",
)
WIDTHS = (6, 32, 22, 28, 28, 12, 10, 30, 22, 28)
PUBLISHED, DUE, OVERDUE = "published", "due", "overdue"


class PublicationService:
    """`office publish` and the 公示 page."""

    def __init__(
        self,
        store: OfficeStore,
        *,
        clock: Callable[[], str],
        device_id: str,
        actor: Callable[[], str],
        setting: Callable[[str], str],
    ) -> None:
        self.store = store
        self._clock = clock
        self._device_id = device_id
        self._actor = actor
        self._setting = setting

    def calendar(self) -> WorkingCalendar:
        """Working days from the settings (holidays, working weekend days)."""
        try:
            return WorkingCalendar(
                parse_dates(self._setting("office_holidays")),
                parse_dates(self._setting("office_working_weekends")),
            )
        except ValueError as exc:
            raise ValidationFailed(
                [FieldError("office_holidays", "not_a_date", {"value": str(exc)})]
            ) from exc

    def holiday_years(self) -> list[int]:
        """The years the holiday list covers (the page warns when this year is missing)."""
        return sorted({d.year for d in parse_dates(self._setting("office_holidays"))})

    def rows(
        self, *, date_from: str = "", date_to: str = "", unpublished_only: bool = False
    ) -> list[dict[str, Any]]:
        """Every publishable record with its deadline and state (published, due, overdue)."""
        calendar = self.calendar()
        today = dt.date.fromisoformat(local_date(self._clock()))
        deadlines: dict[str, tuple[dt.date, int]] = {}  # per inspection day: many records share one

        def deadline_of(day: str) -> tuple[dt.date, int]:
            if day not in deadlines:
                deadline = calendar.add(dt.date.fromisoformat(day), PUBLICATION_WORKING_DAYS)
                deadlines[day] = (deadline, calendar.between(today, deadline))
            return deadlines[day]

        out = []
        for row in self.store.publication_rows(
            date_from=date_from, date_to=date_to, unpublished_only=unpublished_only
        ):
            deadline, left = deadline_of(row["inspected_on"])
            state = PUBLISHED if row["published_at"] else OVERDUE if today > deadline else DUE
            out.append(
                {
                    **row,
                    "measures": json.loads(row["measures"] or "[]"),
                    "deadline": deadline.isoformat(),
                    "working_days_left": left if state == DUE else 0,
                    "state": state,
                }
            )
        return out

    def summary(self) -> dict[str, int]:
        counts = {PUBLISHED: 0, DUE: 0, OVERDUE: 0, "awaiting_review": 0}
        for row in self.rows():
            counts[row["state"]] += 1
            if row["state"] != PUBLISHED and row["review_status"] == "received":
                counts["awaiting_review"] += 1
        return counts

    def export(
        self, target: Path, *, date_from: str = "", date_to: str = "", include_published: bool = False
    ) -> dict[str, Any]:
        """Write the disclosure list (.xlsx or .csv) — the unpublished records, or all in the range
        with ``include_published`` — and mark them published, all or nothing. Raises
        ValidationFailed for another suffix or a missing folder."""
        suffix = target.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise ValidationFailed(
                [FieldError("-o", "unknown_choice", {"value": suffix, "choices": [".xlsx", ".csv"]})]
            )
        if not target.parent.is_dir():
            raise ValidationFailed([FieldError("-o", "no_folder", {"value": str(target.parent)})])
        rows = self.rows(date_from=date_from, date_to=date_to, unpublished_only=not include_published)
        authority = (self.store.office() or {}).get("name", "")
        table = [
            [
                n,
                r["site_name"],
                r["site_code"],
                labels.inspection_item(r["form_id"]),
                authority,
                r["inspected_on"],
                labels.PUBLIC_RESULT.get(r["verdict"], r["verdict"]),
                "；".join(labels.measure(m) for m in r["measures"]) or "无",
                r["record_no"],
                f"{r['plan_name']}（{r['plan_id']}）",
            ]
            for n, r in enumerate(rows, start=1)
        ]
        now = self._clock()
        with self.store.transaction():
            marked = self.store.mark_published(
                ((r["id"], r["fingerprint"]) for r in rows), at=now, file_name=target.name
            )
            if suffix == ".xlsx":
                from inspector_app.office.tables import write_xlsx

                write_xlsx(
                    target, [("双随机抽查结果公示", HEADER, table)], widths={"双随机抽查结果公示": WIDTHS}
                )
            else:
                from inspector_app.office.tables import write_csv

                write_csv(target, HEADER, table)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="publish",
                entity="office_publications",
                entity_id=target.name,
                detail={"rows": len(rows), "newly_published": marked, "from": date_from, "to": date_to},
            )
        return {
            "file": str(target),
            "rows": len(rows),
            "newly_published": marked,
            "overdue_published": sum(1 for r in rows if r["state"] == OVERDUE),
        }

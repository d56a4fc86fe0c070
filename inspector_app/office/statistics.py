"""Statistics (spec/office.md, "Statistics"): pass rates by procedure, district, month and
inspector; the most frequent failed items; counts per measure taken; time from inspection to
import. Counts come from one SQL statement of the office store (current revisions only); rates and
the import delay are derived here, exactly.

A pass rate is passes ÷ checks with a verdict (inconclusive checks count as checks, not passes),
given to two decimals (half-even) as text; the counts are always given beside it.

Records known only from paper (a scanned summary QR, their data not yet arrived — issue 13) count
beside these figures, marked, never inside them: their signed summary gives procedure, day and
verdict but no district or inspector, so adding them to the totals would make the groupings
disagree with each other and with a count of the records. ``known_from_paper`` gives them (the
overdue ones among them, by the office's setting) and ``with_paper`` the totals they make.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from db.office import OfficeStore
from inspector_app.office import labels
from inspector_app.services.errors import FieldError, ValidationFailed

# The plan's own indicator: 定量包装商品净含量抽查合格率 93 % at the end of 2020 (the Chongqing
# metrology development plan, as issue 14 cites it), drawn as a reference line on the chart.
REFERENCES = {
    "net_content": (Decimal(93), "重庆市计量发展规划：2020 年末定量包装商品净含量抽查合格率 ≥ 93 %")
}
FILTERS = ("date_from", "date_to", "form_id", "district", "inspector")
TOP_ITEMS = 10


def rate(passed: int, total: int) -> str | None:
    """passes / total as a percentage with two decimals (None when there is nothing to rate)."""
    if total == 0:
        return None
    value = Decimal(passed) * 100 / Decimal(total)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))


def _groups(rows: list[tuple[Any, ...]], label: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    by: dict[str, dict[str, int]] = defaultdict(lambda: {"pass": 0, "fail": 0, "inconclusive": 0})
    for key, verdict, n in rows:
        by[str(key)][str(verdict) if verdict in ("pass", "fail", "inconclusive") else "inconclusive"] += n
    out = []
    for key in sorted(by):
        counts = by[key]
        total = sum(counts.values())
        out.append(
            {
                "key": key,
                **({"label": label(key)} if label else {}),
                "total": total,
                **counts,
                "pass_rate": rate(counts["pass"], total),
            }
        )
    return out


def _lag(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Days from the inspection's local date to the import's (UTC) date, as the store counts
    them (``lag`` rows: days or None, n): mean, median, 90th percentile, maximum, and a
    histogram."""
    histogram: dict[int, int] = defaultdict(int)
    for days, n in rows:
        if days is not None:
            histogram[max(0, int(days))] += n
    total = sum(histogram.values())
    if not total:
        return {
            "records": 0,
            "mean_days": None,
            "median_days": None,
            "p90_days": None,
            "max_days": None,
            "histogram": [],
        }
    ordered = sorted(histogram.items())

    def percentile(p: int) -> int:
        rank = max(1, -(-total * p // 100))  # nearest-rank method: ceil(p/100 × N)
        seen = 0
        for days, n in ordered:
            seen += n
            if seen >= rank:
                return days
        return ordered[-1][0]

    mean = Decimal(sum(d * n for d, n in ordered)) / Decimal(total)
    return {
        "records": total,
        "mean_days": str(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)),
        "median_days": percentile(50),
        "p90_days": percentile(90),
        "max_days": ordered[-1][0],
        "histogram": [{"days": d, "records": n} for d, n in ordered],
    }


def clean(filters: dict[str, str] | None) -> dict[str, str]:
    out = {k: str(v).strip() for k, v in (filters or {}).items() if k in FILTERS and v}
    for key in ("date_from", "date_to"):
        if key in out:
            try:
                out[key] = dt.date.fromisoformat(out[key]).isoformat()
            except ValueError as exc:
                raise ValidationFailed([FieldError(key, "not_a_date", {"value": out[key]})]) from exc
    if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
        raise ValidationFailed(
            [FieldError("date_to", "before_date_from", {"value": out["date_to"], "date": out["date_from"]})]
        )
    return out


class StatisticsService:
    """`office stats` and the 统计 page: one computation, JSON-ready."""

    def __init__(
        self,
        store: OfficeStore,
        *,
        clock: Callable[[], str],
        awaited: Callable[[dict[str, str]], dict[str, Any]] | None = None,
        overdue_days: Callable[[], int] | None = None,
    ) -> None:
        self.store = store
        self._clock = clock
        self._awaited = awaited  # PaperService.awaited: records known only from paper
        self._overdue_days = overdue_days

    def _paper(self, chosen: dict[str, str]) -> dict[str, Any]:
        """The records known only from paper within ``chosen``; with a district or inspector
        filter none can be attributed (a summary names neither): ``unattributed`` says how many
        the other filters would count."""
        empty = {"records": 0, "pass": 0, "fail": 0, "inconclusive": 0, "overdue": 0, "by_procedure": []}
        if self._awaited is None:
            return {**empty, "attributed": True, "unattributed": 0, "overdue_days": None}
        found = self._awaited(chosen)
        unattributed = 0
        if not found["attributed"]:
            rest = {k: v for k, v in chosen.items() if k not in ("district", "inspector")}
            unattributed = int(self._awaited(rest)["records"])
        return {
            **found,
            "unattributed": unattributed,
            "overdue_days": self._overdue_days() if self._overdue_days else None,
        }

    def compute(self, filters: dict[str, str] | None = None) -> dict[str, Any]:
        """Every figure for ``filters`` (date_from, date_to, form_id, district, inspector);
        raises ValidationFailed for a bad date."""
        chosen = clean(filters)
        raw = self.store.statistics(chosen)
        by_form = _groups(raw["form"], labels.procedure)
        totals = {"pass": 0, "fail": 0, "inconclusive": 0}
        for row in by_form:
            for k in totals:
                totals[k] += row[k]
        total = sum(totals.values())
        for row in by_form:
            if row["key"] in REFERENCES:
                target, source = REFERENCES[row["key"]]
                row["reference_rate"] = str(target)
                row["reference"] = source
        paper = self._paper(chosen)
        on_paper = {g["key"]: g for g in paper["by_procedure"]}
        for row in by_form:
            row["paper"] = on_paper.get(row["key"], {}).get("total", 0)
        with_paper = {k: totals[k] + paper[k] for k in totals}
        items = sorted(raw["item"], key=lambda r: (-r[2], r[0], r[1]))[:TOP_ITEMS]
        measures = sorted(raw["measure"], key=lambda r: (-r[1], r[0]))
        return {
            "filters": chosen,
            "computed_at": self._clock(),
            "total": total,
            **totals,
            "pass_rate": rate(totals["pass"], total),
            "by_procedure": by_form,
            "by_district": _groups(raw["district"]),
            "by_month": _groups(raw["month"]),
            "by_inspector": _groups(raw["inspector"]),
            "top_failed_items": [
                {
                    "form_id": f,
                    "item": i,
                    "label": labels.item(f, i),
                    "label_en": labels.item(f, i, "en"),
                    "records": n,
                }
                for f, i, n in items
            ],
            "measures": [
                {"measure": m, "label": labels.measure(m), "label_en": labels.measure(m, "en"), "records": n}
                for m, n in measures
            ],
            "import_delay": _lag(raw["lag"]),
            "references": {k: {"pass_rate": str(v[0]), "source": v[1]} for k, v in REFERENCES.items()},
            "known_from_paper": paper,
            "with_paper": {
                "total": total + paper["records"],
                **with_paper,
                "pass_rate": rate(with_paper["pass"], total + paper["records"]),
            },
        }

    def report_pdf(
        self, filters: dict[str, str] | None = None, *, office: str = ""
    ) -> tuple[dict[str, Any], bytes]:
        """The statistics and their PDF report (charts by matplotlib, embedded as PNG)."""
        from inspector_app.office import charts
        from inspector_app.pdf.office_reports import render_stats

        stats = self.compute(filters)
        pngs = {name: charts.png(figure) for name, figure in charts.figures(stats).items()}
        return stats, render_stats(stats, pngs, office=office or (self.store.office() or {}).get("name", ""))

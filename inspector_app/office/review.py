"""Review (审核): the queue of received records, what a supervisor reads, and the decision.

The queue is paged in SQL (the 200,000-record office paints its first page at once); each row says
where the record is in the review loop: received → approved, or returned → (decision sent to the
laptop) → corrected by a new revision, which arrives as received. Decisions are signed by the
supervisor's own key (enrolled with the supervisor role) and travel in the next return package.
"""

from __future__ import annotations

import json
from typing import Any

from db.office import OfficeStore
from inspector_app.services.errors import FieldError, ValidationFailed

FILTER_KEYS = ("district", "form_id", "verdict", "inspector", "status", "date_from", "date_to", "search")
STATUSES = ("received", "approved", "returned", "corrected")
PAGE = 200  # rows per query of the queue


def loop_state(row: dict[str, Any]) -> str:
    """Where the record is in the review loop: received, approved, returned, returned_sent
    (the decision left in a package), corrected (a new revision supersedes it)."""
    if row.get("corrected_by"):
        return "corrected"
    if row["review_status"] == "returned" and row.get("decision_sent"):
        return "returned_sent"
    return str(row["review_status"])


def clean_filters(filters: dict[str, str] | None) -> dict[str, str]:
    """Only the known keys, trimmed; raises ValidationFailed for an unknown status or a bad date."""
    import datetime as dt

    out = {k: str(v).strip() for k, v in (filters or {}).items() if k in FILTER_KEYS and v}
    if out.get("status") and out["status"] not in STATUSES:
        raise ValidationFailed(
            [FieldError("status", "unknown_choice", {"value": out["status"], "choices": list(STATUSES)})]
        )
    for key in ("date_from", "date_to"):
        if key in out:
            try:
                out[key] = dt.date.fromisoformat(out[key]).isoformat()
            except ValueError as exc:
                raise ValidationFailed([FieldError(key, "not_a_date", {"value": out[key]})]) from exc
    return out


def figures(canonical: str) -> dict[str, Any]:
    """What a supervisor compares with the PDF: the record's identity, the instrument or lot, the
    verdict with its failed items, the measures and the computed results, from the signed text."""
    record = json.loads(canonical)
    evaluation = record.get("evaluation") or {}
    return {
        "record_no": record.get("record_no", ""),
        "form": record.get("form") or {},
        "control": record.get("control", ""),
        "site": record.get("site") or {},
        "instrument": record.get("instrument"),
        "lot": record.get("lot") or {},
        "verdict": evaluation.get("verdict", ""),
        "failed": evaluation.get("failed", []),
        "results": evaluation.get("results", {}),
        "measures": record.get("measures", []),
        "inspector": record.get("inspector", ""),
        "signer": record.get("signer") or {},
        "started_at": record.get("started_at", ""),
        "finalised_at": record.get("finalised_at", ""),
        "supersedes": record.get("supersedes"),
        "task_id": record.get("task_id"),
        "readings": record.get("readings", {}),
    }


class ReviewService:
    """The 审核 page and `office review`: queue, detail, decide."""

    def __init__(self, office: Any) -> None:
        self._office = office
        self.store: OfficeStore = office.store

    def count(self, filters: dict[str, str] | None = None) -> int:
        return self.store.review_count(clean_filters(filters))

    def page(
        self, filters: dict[str, str] | None = None, *, offset: int = 0, limit: int = PAGE
    ) -> list[dict[str, Any]]:
        rows = self.store.review_page(clean_filters(filters), offset=offset, limit=limit)
        for row in rows:
            row["failed"] = json.loads(row["failed"] or "[]")
            row["loop"] = loop_state(row)
        return rows

    def choices(self) -> dict[str, list[str]]:
        return self.store.review_choices()

    def detail(self, record_id: str) -> dict[str, Any]:
        """The record, its figures, its decisions and whether a correction replaced it; raises
        ValidationFailed for an id the office never received."""
        row = self.store.record(record_id)
        if row is None:
            raise ValidationFailed([FieldError("record", "not_found", {"value": record_id})])
        corrected = self.store.superseding([record_id]).get(record_id)
        return {
            "id": row["id"],
            "record_no": row["record_no"],
            "fingerprint": row["fingerprint"],
            "device_id": row["device_id"],
            "review_status": row["review_status"],
            "review_reason": row["review_reason"],
            "imported_at": row["imported_at"],
            "corrected_by": corrected,
            "figures": figures(row["canonical"]),
            "decisions": self.store.decisions_of(record_id),
        }

    def pdf(self, record_id: str) -> bytes | None:
        """The signed PDF as received (None when the laptop sent none)."""
        row = self.store.record(record_id)
        return None if row is None else self.store.record_pdf(record_id, row["fingerprint"])

    def decide(self, record_id: str, *, decision: str, reason: str, key: Any) -> dict[str, Any]:
        """Approve or return (with a reason) under the supervisor's unlocked key; raises
        ValidationFailed (see OfficeService.decide), also for a record a correction replaced."""
        if self.store.superseding([record_id]).get(record_id):
            raise ValidationFailed([FieldError("record", "record_superseded", {"value": record_id})])
        decision_id = self._office.decide(record_id, decision=decision, reason=reason, key=key)
        row = self.store.record(record_id) or {}
        return {
            "decision_id": decision_id,
            "record_id": record_id,
            "record_no": row.get("record_no", ""),
            "device_id": row.get("device_id", ""),
            "decision": decision,
            "reason": reason.strip(),
        }

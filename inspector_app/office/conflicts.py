"""The conflict queue (spec/office.md, "the bundle"): records that arrived with the id of a stored
record but other content, or correcting a record that is no longer the current revision. Both
versions are kept; the arriving one waits here until a supervisor has compared the two and said
what happens next. Nothing stored is overwritten: resolving marks the conflict done and audits the
decision with its reason (who, when, what, why) in the office's hash-chained audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from db.office import OfficeStore
from inspector_app.services.errors import FieldError, ValidationFailed

# keep_stored: the stored record stays the current one, the arriving version is history;
# correction_requested: the inspector is asked to send a correction of the stored record.
RESOLUTIONS = ("keep_stored", "correction_requested")
NOTE_MAX = 500
ENTITY = "office_conflicts"
ACTION = "resolve_conflict"
RESOLUTION_LABELS = {  # zh, en
    "keep_stored": ("保留已存记录", "keep the stored record"),
    "correction_requested": ("要求检查员更正", "ask the inspector for a correction"),
}
_CONFLICT = {"label_zh": "冲突记录", "label_en": "Conflict"}
_NOTE = {"label_zh": "处理说明", "label_en": "Reason"}


@dataclass(frozen=True)
class Difference:
    """One field whose value differs between the stored and the arriving record."""

    path: str  # e.g. readings.weighings[1].indication
    stored: str  # '' when the stored record lacks the field
    arriving: str


def _key(record_id: str, fingerprint: str) -> str:
    return f"{record_id}/{fingerprint}"


def _flatten(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k in sorted(value):
            yield from _flatten(value[k], f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _flatten(item, f"{path}[{i}]")
    else:
        yield path, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def differences(stored_canonical: str, arriving_canonical: str) -> list[Difference]:
    """Every leaf field whose value differs, in path order."""
    stored = dict(_flatten(json.loads(stored_canonical)))
    arriving = dict(_flatten(json.loads(arriving_canonical)))
    return [
        Difference(path, stored.get(path, ""), arriving.get(path, ""))
        for path in sorted(stored.keys() | arriving.keys())
        if stored.get(path) != arriving.get(path)
    ]


def _error(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed([FieldError(field, code, {**_CONFLICT, **params})])


class ConflictQueue:
    """List, compare and resolve the queued conflicts (shared by the CLI and the office page)."""

    def __init__(
        self, store: OfficeStore, *, clock: Callable[[], str], device_id: str, actor: Callable[[], str]
    ) -> None:
        self.store = store
        self._clock = clock
        self._device_id = device_id
        self._actor = actor

    def list(self, *, open_only: bool = True) -> list[dict[str, Any]]:
        """The conflicts, oldest first; a resolved one carries ``resolution``, ``note`` and
        ``resolved_by`` from its audit entry ('' while open)."""
        audited = self.store.conflict_resolutions() if not open_only else {}
        rows = []
        for row in self.store.conflicts(open_only=open_only):
            done = (audited.get(_key(row["id"], row["fingerprint"])) or [{}])[-1]
            rows.append(
                {
                    **row,
                    "resolution": str(done.get("resolution", "")),
                    "note": str(done.get("note", "")),
                    "resolved_by": str(done.get("actor", "")),
                }
            )
        return rows

    def stored_counterpart(self, conflict: dict[str, Any]) -> dict[str, Any] | None:
        """The stored record the arriving one conflicts with: the same id; for a correction of a
        superseded record, the correction stored in its place (the current revision)."""
        if conflict["reason"] == "superseded_not_current" and conflict["supersedes"]:
            current = self.store.superseding([conflict["supersedes"]]).get(conflict["supersedes"])
            return self.store.record(current) if current else None
        return self.store.record(conflict["id"])

    def detail(self, record_id: str, fingerprint: str) -> dict[str, Any]:
        """The conflict (whole), the stored counterpart and the fields that differ. Raises
        ValidationFailed if there is no such conflict."""
        conflict = self.store.conflict(record_id, fingerprint)
        if conflict is None:
            raise _error("conflict", "not_found", value=_key(record_id, fingerprint))
        stored = self.stored_counterpart(conflict)
        found = differences(stored["canonical"], conflict["canonical"]) if stored else []
        return {"conflict": conflict, "stored": stored, "differences": found}

    def resolve(self, record_id: str, fingerprint: str, *, resolution: str, note: str) -> str:
        """Mark the conflict resolved, auditing the decision and its reason; returns the time.

        Raises ValidationFailed: no such conflict, already resolved, an unknown resolution, no
        reason given or one longer than NOTE_MAX characters.
        """
        note = note.strip()
        errors = []
        if resolution not in RESOLUTIONS:
            errors.append(
                FieldError(
                    "resolution",
                    "unknown_choice",
                    {
                        "value": resolution,
                        "choices": list(RESOLUTIONS),
                        "choices_zh": [f"{code}（{zh}）" for code, (zh, _en) in RESOLUTION_LABELS.items()],
                        "label_zh": "处理方式",
                        "label_en": "Resolution",
                    },
                )
            )
        if not note:
            errors.append(FieldError("note", "required", dict(_NOTE)))
        elif len(note) > NOTE_MAX:
            errors.append(FieldError("note", "too_long", {"max": NOTE_MAX, **_NOTE}))
        if errors:
            raise ValidationFailed(errors)
        conflict = self.store.conflict(record_id, fingerprint)
        if conflict is None:
            raise _error("conflict", "not_found", value=_key(record_id, fingerprint))
        if conflict["resolved_at"]:
            raise _error(
                "conflict", "already_resolved", value=conflict["record_no"], at=conflict["resolved_at"]
            )
        now = self._clock()
        actor = self._actor()
        with self.store.transaction():
            if self.store.resolve_conflict(record_id, fingerprint, at=now) != 1:
                raise _error("conflict", "already_resolved", value=conflict["record_no"], at=now)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=actor,
                action=ACTION,
                entity=ENTITY,
                entity_id=_key(record_id, fingerprint),
                detail={
                    "resolution": resolution,
                    "note": note,
                    "actor": actor,
                    "reason": conflict["reason"],
                    "record_no": conflict["record_no"],
                    "device_id": conflict["device_id"],
                },
            )
        return now

"""Inspections and their readings: drafts autosave here; finalised rows are frozen by triggers.

Readings are rows (one per measured value, keyed by its path in the check's input, e.g.
``flow_points[0].runs[1].v_j``), so they can be queried and validated one by one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from db import audit
from db.connection import Stamp, new_id
from db.errors import FrozenRecord, NotFound

if TYPE_CHECKING:
    from sqlite_utils import Database


def _frozen(exc: sqlite3.DatabaseError) -> bool:
    return "frozen" in str(exc)


@contextlib.contextmanager
def _draft_write(db: Database, inspection_id: str) -> Iterator[None]:
    """One transaction on an inspection: the database's refusal to change a finalised record (its
    triggers say "frozen") is raised as FrozenRecord; any other error as it is."""
    try:
        with db.atomic():
            yield
    except sqlite3.DatabaseError as exc:
        if _frozen(exc):
            raise FrozenRecord(inspection_id) from exc
        raise


def _update_draft(db: Database, inspection_id: str, sets: str, params: list[Any]) -> None:
    """``UPDATE inspections SET <sets>`` of a draft; NotFound for an unknown id, FrozenRecord once
    it is no longer a draft."""
    cur = db.execute(
        f"UPDATE inspections SET {sets} WHERE id = ? AND status = 'draft'", [*params, inspection_id]
    )
    if cur.rowcount == 0:
        get(db, inspection_id)  # NotFound if missing
        raise FrozenRecord(inspection_id)


def ensure_definition(db: Database, *, sha256: str, form_id: str, version: str, text: str, now: str) -> None:
    """Keep the exact definition text an inspection was recorded under (by its hash)."""
    db.execute(
        "INSERT OR IGNORE INTO form_definitions (sha256, form_id, version, text, "
        "created_at) VALUES (?, ?, ?, ?, ?)",
        [sha256, form_id, version, text, now],
    )


def definition_text(db: Database, sha256: str) -> str:
    row = db.execute("SELECT text FROM form_definitions WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise NotFound(sha256)
    return str(row[0])


def next_record_no(db: Database, stamp: Stamp, day: str) -> str:
    """A record number people can read aloud: date, device prefix, running number of the day.

    The running number comes from a counter that never goes back (record_counters, written in
    the caller's transaction): a deleted draft's number is not given again (issue 12). A number
    stored above the counter (a record received back from a sync) is skipped too."""
    day = day[:10].replace("-", "")
    prefix = f"{day}-{stamp.device_id[:4].upper()}-"
    counted = db.execute("SELECT last FROM record_counters WHERE prefix = ?", [prefix]).fetchone()
    row = db.execute(
        "SELECT max(record_no) FROM inspections WHERE record_no LIKE ?", [prefix + "%"]
    ).fetchone()
    stored = int(row[0].rsplit("-", 1)[1]) if row and row[0] else 0
    number = max(counted[0] if counted else 0, stored) + 1
    db.execute(
        "INSERT INTO record_counters (prefix, last) VALUES (?, ?) "
        "ON CONFLICT (prefix) DO UPDATE SET last = excluded.last",
        [prefix, number],
    )
    return f"{prefix}{number:04d}"


def create(
    db: Database,
    values: dict[str, Any],
    stamp: Stamp,
    *,
    actor: str = "",
    definition: dict[str, str],
    readings: dict[str, str] | None = None,
    standard_ids: tuple[str, ...] = (),
) -> str:
    """Create a draft (its readings and the standards used) in one transaction; returns its id."""
    row_id = values.get("id") or new_id()
    with db.atomic():
        ensure_definition(db, now=stamp.now, **definition)
        row = {
            "id": row_id,
            "record_no": values.get("record_no")
            or next_record_no(db, stamp, str(values.get("started_at") or stamp.now)),
            "status": "draft",
            **{k: v for k, v in values.items() if k != "id"},
            "created_at": stamp.now,
            "updated_at": stamp.now,
            "device_id": stamp.device_id,
        }
        db.table("inspections").insert(row)
        for path, value in (readings or {}).items():
            _put_reading(db, row_id, path, value, stamp)
        for standard_id in standard_ids:
            db.execute("INSERT INTO inspection_standards VALUES (?, ?)", [row_id, standard_id])
        audit.append(
            db,
            stamp,
            actor=actor,
            action="create",
            entity="inspections",
            entity_id=row_id,
            detail={"form_id": values.get("form_id"), "supersedes": values.get("supersedes")},
        )
    return str(row_id)


def _put_reading(db: Database, inspection_id: str, path: str, value: str, stamp: Stamp) -> None:
    if value == "":
        db.execute("DELETE FROM readings WHERE inspection_id = ? AND path = ?", [inspection_id, path])
        return
    db.execute(
        "INSERT INTO readings (id, inspection_id, path, value, created_at, updated_at, "
        "device_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(inspection_id, path) DO UPDATE "
        "SET value = excluded.value, updated_at = excluded.updated_at",
        [new_id(), inspection_id, path, value, stamp.now, stamp.now, stamp.device_id],
    )


def insert_many(
    db: Database,
    rows: list[dict[str, Any]],
    stamp: Stamp,
    *,
    definition: dict[str, str],
    pdfs: dict[str, bytes] | None = None,
) -> int:
    """Insert many inspection rows (and signed PDFs by inspection id) in one transaction (imports,
    benchmarks); returns the count.

    Rows must carry every NOT NULL column but the stamp columns; nothing is inserted on error.
    """
    if not rows:
        return 0
    columns = list(rows[0])
    sql = (
        f"INSERT INTO inspections ({', '.join(columns)}, created_at, updated_at, device_id) "
        f"VALUES ({', '.join('?' * len(columns))}, ?, ?, ?)"
    )
    with db.atomic():
        ensure_definition(db, now=stamp.now, **definition)
        db.conn.executemany(
            sql, ([*(r[c] for c in columns), stamp.now, stamp.now, stamp.device_id] for r in rows)
        )
        db.conn.executemany(
            "INSERT INTO record_pdfs (inspection_id, sha256, data, created_at, updated_at, device_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                (iid, hashlib.sha256(pdf).hexdigest(), pdf, stamp.now, stamp.now, stamp.device_id)
                for iid, pdf in (pdfs or {}).items()
            ),
        )
    return len(rows)


def put_readings(
    db: Database,
    inspection_id: str,
    values: dict[str, str],
    stamp: Stamp,
    *,
    evaluation: dict[str, Any] | None = None,
    ui_state: dict[str, Any] | None = None,
) -> None:
    """Autosave: set (or clear, with '') readings and store the fresh evaluation, atomically.

    Raises FrozenRecord if the inspection is no longer a draft.
    """
    with _draft_write(db, inspection_id):
        for path, value in values.items():
            _put_reading(db, inspection_id, path, value, stamp)
        sets: list[str] = ["updated_at = ?"]
        params: list[Any] = [stamp.now]
        if evaluation is not None:
            sets += ["verdict = ?", "failed = ?", "results = ?"]
            params += [
                evaluation.get("verdict"),
                json.dumps(evaluation.get("failed", [])),
                json.dumps(evaluation.get("results", {}), ensure_ascii=False),
            ]
        if ui_state is not None:
            sets.append("ui_state = ?")
            params.append(json.dumps(ui_state, ensure_ascii=False))
        _update_draft(db, inspection_id, ", ".join(sets), params)


DRAFT_FIELDS = ("inspectors", "correction_reason", "measures")  # what a draft may set besides readings


def set_draft_fields(
    db: Database,
    inspection_id: str,
    values: dict[str, Any],
    stamp: Stamp,
    *,
    actor: str = "",
    detach_kind: str | None = None,
) -> None:
    """Set who inspects, a correction's reason or the measures taken on a draft (lists stored as
    JSON), with an audit entry, in one transaction; with ``detach_kind``, the attachments of that
    kind go in the same transaction (a replaced officer's signature). Raises FrozenRecord once
    finalised, NotFound for an unknown id, ValueError for any other column."""
    unknown = set(values) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"not a draft field: {sorted(unknown)}")
    stored = {k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in values.items()}
    with _draft_write(db, inspection_id):
        sets = ", ".join(f"{k} = ?" for k in stored)
        _update_draft(db, inspection_id, f"{sets}, updated_at = ?", [*stored.values(), stamp.now])
        detached: list[str] = []
        if detach_kind:
            where = "FROM attachments WHERE inspection_id = ? AND kind = ?"
            detached = [r[0] for r in db.execute(f"SELECT id {where}", [inspection_id, detach_kind])]
            db.execute(f"DELETE {where}", [inspection_id, detach_kind])
        audit.append(
            db,
            stamp,
            actor=actor,
            action="update",
            entity="inspections",
            entity_id=inspection_id,
            detail={**values, "detached": detached} if detached else values,
        )


def superseded_by(db: Database, inspection_id: str) -> dict[str, Any] | None:
    """The finalised record that supersedes this one (its id, number and finalisation time), or
    None while nothing does (a correction still a draft does not count)."""
    row = db.execute(
        "SELECT id, record_no, finalised_at FROM inspections WHERE supersedes = ? AND status <> 'draft' "
        "ORDER BY finalised_at LIMIT 1",
        [inspection_id],
    ).fetchone()
    return None if row is None else {"id": row[0], "record_no": row[1], "finalised_at": row[2]}


def standards_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    """The standards used for an inspection, by serial number."""
    return list(
        db.query(
            "SELECT s.id, s.name, s.kind, s.serial, s.grade, s.cert_no, s.cert_expiry "
            "FROM standards s JOIN inspection_standards i ON i.standard_id = s.id "
            "WHERE i.inspection_id = ? ORDER BY s.serial",
            [inspection_id],
        )
    )


def attachment_hashes(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    """Kind, SHA-256 and type of each attachment (what the signed record lists)."""
    sql = "SELECT kind, sha256, mime FROM attachments WHERE inspection_id = ? ORDER BY kind, sha256"
    return [dict(r) for r in db.query(sql, [inspection_id])]


def sealed_rows(db: Database) -> Iterator[dict[str, Any]]:
    """Every inspection that was finalised, all columns, in record-number order (selfcheck
    re-derives them from the signed record): past draft, or carrying a canonical record, a signed
    PDF or a finalisation in the audit log — a row set back to 'draft' behind the app's back is
    still a finalised record."""
    yield from db.query(
        "SELECT * FROM inspections WHERE status <> 'draft' OR canonical IS NOT NULL "
        "OR id IN (SELECT inspection_id FROM record_pdfs) "
        "OR id IN (SELECT entity_id FROM audit_log WHERE entity = 'inspections' AND action = 'finalise') "
        "ORDER BY record_no"
    )


def stored_parts(db: Database, inspection_id: str) -> dict[str, Any]:
    """What the store holds beside an inspection's row: its readings, the standards' ids, its
    attachments with the SHA-256 of their data as stored, and its signed PDF (or None)."""
    attachments = [
        {
            "kind": r[0],
            "sha256": r[1],
            "mime": r[2],
            "data_sha256": hashlib.sha256(bytes(r[3])).hexdigest(),
        }
        for r in db.execute(
            "SELECT kind, sha256, mime, data FROM attachments WHERE inspection_id = ? ORDER BY kind, sha256",
            [inspection_id],
        )
    ]
    pdf = db.execute(
        "SELECT sha256, data FROM record_pdfs WHERE inspection_id = ?", [inspection_id]
    ).fetchone()
    return {
        "readings": readings(db, inspection_id),
        "standard_ids": sorted(
            str(r[0])
            for r in db.execute(
                "SELECT standard_id FROM inspection_standards WHERE inspection_id = ?", [inspection_id]
            )
        ),
        "attachments": attachments,
        "pdf": None if pdf is None else (str(pdf[0]), bytes(pdf[1])),
    }


def finalised_fingerprints(db: Database) -> list[tuple[str, str | None, str | None]]:
    """(record number, canonical text, fingerprint) of every record past draft, for selfcheck."""
    return [
        (r[0], r[1], r[2])
        for r in db.execute(
            "SELECT record_no, canonical, fingerprint FROM inspections WHERE status <> 'draft'"
        )
    ]


def successor_of(db: Database, record_no: str) -> dict[str, Any] | None:
    """The finalised record that corrects the record numbered ``record_no`` (its number and
    finalisation time), or None when none does or this laptop does not hold it."""
    row = db.execute(
        "SELECT c.record_no, c.finalised_at FROM inspections o JOIN inspections c ON c.supersedes = o.id "
        "WHERE o.record_no = ? AND c.status <> 'draft' ORDER BY c.finalised_at LIMIT 1",
        [record_no],
    ).fetchone()
    return None if row is None else {"record_no": row[0], "finalised_at": row[1]}


def fingerprint_of(db: Database, record_no: str) -> str | None:
    """The fingerprint of a finalised record by its number, or None if this laptop lacks it."""
    row = db.execute(
        "SELECT fingerprint FROM inspections WHERE record_no = ? AND status <> 'draft'", [record_no]
    ).fetchone()
    return None if row is None else row[0]


def add_attachment(
    db: Database,
    inspection_id: str,
    *,
    kind: str,
    sha256: str,
    mime: str,
    data: bytes,
    stamp: Stamp,
    replace_kind: bool = False,
) -> str:
    """Store evidence on a draft (a signature replaces the previous one of its kind).

    Raises FrozenRecord if the inspection is finalised.
    """
    row_id = new_id()
    with _draft_write(db, inspection_id):
        if replace_kind:
            db.execute("DELETE FROM attachments WHERE inspection_id = ? AND kind = ?", [inspection_id, kind])
        db.execute(
            "INSERT INTO attachments (id, inspection_id, kind, sha256, mime, data, created_at, "
            "updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row_id, inspection_id, kind, sha256, mime, data, stamp.now, stamp.now, stamp.device_id],
        )
        audit.append(
            db,
            stamp,
            action="attach",
            actor="",
            entity="inspections",
            entity_id=inspection_id,
            detail={"kind": kind, "sha256": sha256},
        )
    return row_id


def remove_attachment(db: Database, inspection_id: str, attachment_id: str, stamp: Stamp) -> None:
    with _draft_write(db, inspection_id):
        db.execute(
            "DELETE FROM attachments WHERE id = ? AND inspection_id = ?", [attachment_id, inspection_id]
        )
        audit.append(
            db,
            stamp,
            action="detach",
            actor="",
            entity="inspections",
            entity_id=inspection_id,
            detail={"attachment": attachment_id},
        )


def attachment_list(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    sql = (
        "SELECT id, kind, sha256, mime, created_at FROM attachments WHERE inspection_id = ? "
        "ORDER BY created_at"
    )
    return list(db.query(sql, [inspection_id]))


def attachment_data(db: Database, inspection_id: str, attachment_id: str) -> bytes:
    """The bytes of one attachment of an inspection; raises NotFound."""
    row = db.execute(
        "SELECT data FROM attachments WHERE id = ? AND inspection_id = ?", [attachment_id, inspection_id]
    ).fetchone()
    if row is None:
        raise NotFound(attachment_id)
    return bytes(row[0])


def attachments(db: Database, inspection_id: str) -> list[tuple[str, bytes]]:
    """(kind, data) of each attachment, in a stable order."""
    sql = "SELECT kind, data FROM attachments WHERE inspection_id = ? ORDER BY kind, sha256"
    return [(r[0], bytes(r[1])) for r in db.execute(sql, [inspection_id])]


def readings(db: Database, inspection_id: str) -> dict[str, str]:
    return {
        p: v
        for p, v in db.execute(
            "SELECT path, value FROM readings WHERE inspection_id = ? ORDER BY path", [inspection_id]
        )
    }


def get(db: Database, inspection_id: str) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM inspections WHERE id = ?", [inspection_id]))
    if not rows:
        raise NotFound(inspection_id)
    return rows[0]


def task_of(db: Database, inspection_id: str) -> str | None:
    """The task an inspection answers: its own, or that of the record it corrects (and so on up
    the chain of corrections); None for an inspection started without a task."""
    row = db.execute(
        """WITH RECURSIVE chain(id, depth) AS (
               SELECT ?, 0
               UNION ALL
               SELECT i.supersedes, chain.depth + 1 FROM inspections i JOIN chain ON i.id = chain.id
               WHERE i.supersedes IS NOT NULL AND chain.depth < 1000)
           SELECT t.id FROM chain JOIN tasks t ON t.inspection_id = chain.id
           ORDER BY chain.depth LIMIT 1""",
        [inspection_id],
    ).fetchone()
    return None if row is None else str(row[0])


def finalise(
    db: Database,
    inspection_id: str,
    values: dict[str, Any],
    stamp: Stamp,
    *,
    actor: str = "",
    pdf: bytes | None = None,
) -> None:
    """Freeze a draft: status 'finalised', the canonical record, verdict and the signed PDF (if
    any), in one transaction."""
    with _draft_write(db, inspection_id):
        sets = ", ".join(f"{k} = ?" for k in values)
        _update_draft(
            db,
            inspection_id,
            f"{sets}, status = 'finalised', finalised_at = ?, updated_at = ?",
            [*values.values(), stamp.now, stamp.now],
        )
        if pdf is not None:
            db.execute(
                "INSERT INTO record_pdfs (inspection_id, sha256, data, created_at, updated_at, "
                "device_id) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    inspection_id,
                    hashlib.sha256(pdf).hexdigest(),
                    pdf,
                    stamp.now,
                    stamp.now,
                    stamp.device_id,
                ],
            )
        audit.append(
            db,
            stamp,
            actor=actor,
            action="finalise",
            entity="inspections",
            entity_id=inspection_id,
            detail={"verdict": values.get("verdict"), "fingerprint": values.get("fingerprint")},
        )


def delete_draft(db: Database, inspection_id: str, stamp: Stamp, *, actor: str = "") -> None:
    with _draft_write(db, inspection_id):
        db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])
        audit.append(db, stamp, actor=actor, action="delete", entity="inspections", entity_id=inspection_id)

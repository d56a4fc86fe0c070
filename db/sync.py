"""The laptop's side of sync by file: the pinned office root, trust lists, exports, packages applied,
enrolment requests, review decisions and reference files received.

Applying a return package is one transaction (`apply_package`); everything it writes is insert-or-
ignore on a natural key, so applying the same package twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from db import audit
from db.connection import Stamp, new_id


# -- the office anchor and trust lists --------------------------------------------------------------
def anchor(db: Database) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM office_anchor WHERE id = 1"))
    return rows[0] if rows else None


def trust_list_documents(db: Database, *, limit: int = 5) -> list[bytes]:
    """The newest trust list documents first (each still to be verified against the root)."""
    return [
        bytes(r[0])
        for r in db.execute("SELECT document FROM trust_lists ORDER BY version DESC LIMIT ?", [limit])
    ]


def trust_list_info(db: Database) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT version, issued_at, expires_at, applied_at FROM trust_lists ORDER BY version DESC LIMIT 1"
        )
    )
    return rows[0] if rows else None


def set_office_cert(db: Database, identity_id: str, pem: str) -> None:
    db.execute("UPDATE identities SET office_cert_pem = ? WHERE id = ?", [pem, identity_id])


# -- enrolment requests ------------------------------------------------------------------------------
def add_request(db: Database, *, key_sha256: str, identity_id: str, pem: str, stamp: Stamp) -> None:
    """Keep an enrolment request until the office's certificate for that key arrives."""
    with db.atomic():
        db.execute(
            "INSERT INTO enrolment_requests (key_sha256, identity_id, pem, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key_sha256) DO UPDATE SET pem = excluded.pem, created_at = excluded.created_at",
            [key_sha256, identity_id, pem, stamp.now],
        )
        audit.append(
            db,
            stamp,
            actor="",
            action="request",
            entity="identities",
            entity_id=identity_id,
            detail={"key_sha256": key_sha256},
        )


def pending_requests(db: Database) -> list[dict[str, Any]]:
    """Requests whose identity has no office certificate yet."""
    return list(
        db.query(
            "SELECT r.* FROM enrolment_requests r JOIN identities i ON i.id = r.identity_id "
            "WHERE i.office_cert_pem IS NULL ORDER BY r.created_at"
        )
    )


# -- exports ----------------------------------------------------------------------------------------------
def last_seq(db: Database) -> int:
    return int(db.execute("SELECT coalesce(max(seq), 0) FROM sync_exports").fetchone()[0])


def acknowledged_seq(db: Database) -> int:
    """The highest bundle seq the office has acknowledged (through the packages applied)."""
    return int(db.execute("SELECT coalesce(max(acknowledged_seq), 0) FROM sync_packages").fetchone()[0])


def last_export(db: Database) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sync_exports ORDER BY seq DESC LIMIT 1"))
    return rows[0] if rows else None


_EXPORTABLE = "FROM inspections i WHERE i.status <> 'draft' AND i.signature IS NOT NULL"
_NOT_ACKNOWLEDGED = (
    " AND NOT EXISTS (SELECT 1 FROM sync_export_records e WHERE e.inspection_id = i.id AND e.seq <= ?)"
)


def count_pending(db: Database, ack: int) -> int:
    """Signed records not yet acknowledged by the office."""
    return int(db.execute(f"SELECT count(*) {_EXPORTABLE}{_NOT_ACKNOWLEDGED}", [ack]).fetchone()[0])


def count_unsigned(db: Database) -> int:
    """Finalised records without a signature: they cannot travel to the office."""
    return int(
        db.execute(
            "SELECT count(*) FROM inspections WHERE status <> 'draft' AND signature IS NULL"
        ).fetchone()[0]
    )


def exportable_ids(db: Database, *, ack: int, full: bool) -> list[str]:
    """Ids of the records a bundle carries, oldest first (a correction after what it corrects)."""
    where = _EXPORTABLE + ("" if full else _NOT_ACKNOWLEDGED)
    params = [] if full else [ack]
    return [r[0] for r in db.execute(f"SELECT i.id {where} ORDER BY i.finalised_at, i.id", params)]


def export_rows(db: Database, ids: list[str]) -> Iterator[dict[str, Any]]:
    """The signed record, its PDF and attachments, one record at a time (memory stays flat)."""
    for inspection_id in ids:
        row = db.execute(
            "SELECT i.id, i.canonical, i.signature, i.fingerprint, i.form_hash, p.data "
            "FROM inspections i LEFT JOIN record_pdfs p ON p.inspection_id = i.id WHERE i.id = ?",
            [inspection_id],
        ).fetchone()
        if row is None:
            continue
        attachments = [
            (str(sha), bytes(data))
            for sha, data in db.execute(
                "SELECT sha256, data FROM attachments WHERE inspection_id = ? ORDER BY sha256",
                [inspection_id],
            )
        ]
        yield {
            "id": row[0],
            "canonical": row[1],
            "signature": row[2],
            "fingerprint": row[3],
            "form_hash": row[4],
            "pdf": None if row[5] is None else bytes(row[5]),
            "attachments": attachments,
        }


def definition_text(db: Database, sha256: str) -> str | None:
    row = db.execute("SELECT text FROM form_definitions WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else str(row[0])


def record_export(db: Database, row: dict[str, Any], inspection_ids: list[str], stamp: Stamp) -> None:
    """Remember a bundle written (its seq, base acknowledgement, hash) and the records it holds."""
    with db.atomic():
        db.execute(
            "INSERT INTO sync_exports (seq, base_ack, file_name, sha256, records, requests, full_export, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                row["seq"],
                row["base_ack"],
                row["file_name"],
                row["sha256"],
                row["records"],
                row["requests"],
                int(row["full"]),
                stamp.now,
            ],
        )
        db.conn.executemany(
            "INSERT INTO sync_export_records (seq, inspection_id) VALUES (?, ?)",
            ((row["seq"], i) for i in inspection_ids),
        )
        audit.append(
            db,
            stamp,
            actor="",
            action="export",
            entity="sync_exports",
            entity_id=str(row["seq"]),
            detail={"records": row["records"], "sha256": row["sha256"]},
        )


# -- return packages ------------------------------------------------------------------------------------
def package(db: Database, number: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sync_packages WHERE number = ?", [number]))
    return rows[0] if rows else None


def last_package(db: Database) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sync_packages ORDER BY number DESC LIMIT 1"))
    return rows[0] if rows else None


def _upsert_site(db: Database, site: dict[str, Any], stamp: Stamp) -> str:
    """The laptop's row for an office site: matched by credit code, added if missing."""
    row = db.execute("SELECT id FROM sites WHERE credit_code = ?", [site["credit_code"]]).fetchone()
    if row:
        return str(row[0])
    columns = ("name", "kind", "address", "district", "credit_code", "contact", "phone")
    values = {c: str(site.get(c) or "") for c in columns}
    site_id = str(site.get("id") or new_id())
    db.execute(
        f"INSERT INTO sites (id, {', '.join(columns)}, created_at, updated_at, device_id) "
        f"VALUES (?, {', '.join('?' * len(columns))}, ?, ?, ?)",
        [site_id, *values.values(), stamp.now, stamp.now, stamp.device_id],
    )
    return site_id


def _upsert_instrument(db: Database, site_id: str, inst: dict[str, Any], stamp: Stamp) -> str:
    row = db.execute(
        "SELECT id FROM instruments WHERE kind = ? AND maker = ? AND serial = ?",
        [inst["kind"], inst.get("maker") or "", inst["serial"]],
    ).fetchone()
    if row:
        return str(row[0])
    columns = (
        "kind",
        "maker",
        "model",
        "serial",
        "accuracy_class",
        "max_capacity",
        "e_interval",
        "q_max",
        "q_min",
        "cert_no",
        "cert_expiry",
    )
    values = [str(inst.get(c) or "") for c in columns]
    inst_id = str(inst.get("id") or new_id())
    db.execute(
        f"INSERT INTO instruments (id, site_id, {', '.join(columns)}, details, created_at, updated_at, "
        f"device_id) VALUES (?, ?, {', '.join('?' * len(columns))}, ?, ?, ?, ?)",
        [
            inst_id,
            site_id,
            *values,
            json.dumps(inst.get("details") or {}, ensure_ascii=False),
            stamp.now,
            stamp.now,
            stamp.device_id,
        ],
    )
    return inst_id


def apply_package(
    db: Database,
    *,
    number: int,
    sha256: str,
    created_at: str,
    acknowledged_seq: int,
    anchor_row: dict[str, Any] | None,
    trust_list: dict[str, Any] | None,
    office_certs: list[tuple[str, str]],
    tasks: list[dict[str, Any]],
    decisions: list[dict[str, Any]],
    references: list[dict[str, Any]],
    summary: dict[str, Any],
    stamp: Stamp,
) -> None:
    """Apply a checked return package in one transaction.

    ``anchor_row`` pins the office root on first contact; ``office_certs`` are (identity id, PEM of
    the office certificate for its key); decisions are applied to the matching finalised record
    (same id and fingerprint) and always kept.
    """
    with db.atomic():
        if anchor_row is not None:
            db.execute(
                "INSERT INTO office_anchor (id, root_sha256, root_pem, office, adopted_at) "
                "VALUES (1, ?, ?, ?, ?)",
                [anchor_row["root_sha256"], anchor_row["root_pem"], anchor_row["office"], stamp.now],
            )
        if trust_list is not None:
            db.execute(
                "INSERT OR IGNORE INTO trust_lists (version, document, issued_at, expires_at, applied_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    trust_list["version"],
                    trust_list["document"],
                    trust_list["issued_at"],
                    trust_list["expires_at"],
                    stamp.now,
                ],
            )
        for identity_id, pem in office_certs:
            set_office_cert(db, identity_id, pem)
        for task in tasks:
            site_id = _upsert_site(db, task["site"], stamp)
            inst_id = (
                _upsert_instrument(db, site_id, task["instrument"], stamp) if task.get("instrument") else None
            )
            db.execute(
                "INSERT OR IGNORE INTO tasks (id, site_id, instrument_id, form_id, due_date, status, "
                "note, source, created_at, updated_at, device_id) "
                "VALUES (?, ?, ?, ?, ?, 'open', ?, 'office', ?, ?, ?)",
                [
                    task["id"],
                    site_id,
                    inst_id,
                    task["form_id"],
                    task.get("due_date") or "",
                    task.get("note") or "",
                    stamp.now,
                    stamp.now,
                    stamp.device_id,
                ],
            )
        for d in decisions:
            cur = db.execute(
                "INSERT OR IGNORE INTO review_decisions (id, inspection_id, fingerprint, decision, reason, "
                "supervisor, decided_at, document, package, applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [
                    d["id"],
                    d["record_id"],
                    d["fingerprint"],
                    d["decision"],
                    d["reason"],
                    d["supervisor"],
                    d["decided_at"],
                    d["document"],
                    number,
                ],
            )
            if cur.rowcount == 0:
                continue
            updated = db.execute(
                "UPDATE inspections SET status = ?, review_comment = ?, reviewed_at = ?, updated_at = ? "
                "WHERE id = ? AND fingerprint = ? AND status <> 'draft' "
                "AND (reviewed_at IS NULL OR reviewed_at <= ?)",
                [
                    d["decision"],
                    d["reason"],
                    d["decided_at"],
                    stamp.now,
                    d["record_id"],
                    d["fingerprint"],
                    d["decided_at"],
                ],
            )
            if updated.rowcount:
                db.execute("UPDATE review_decisions SET applied = 1 WHERE id = ?", [d["id"]])
        for ref in references:
            db.execute(
                "INSERT OR IGNORE INTO reference_files (kind, ref_id, version, effective_from, sha256, text, "
                "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    ref["kind"],
                    ref["ref_id"],
                    ref["version"],
                    ref["effective_from"],
                    ref["sha256"],
                    ref["text"],
                    stamp.now,
                ],
            )
        db.execute(
            "INSERT INTO sync_packages (number, sha256, created_at, applied_at, acknowledged_seq, summary) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                number,
                sha256,
                created_at,
                stamp.now,
                acknowledged_seq,
                json.dumps(summary, ensure_ascii=False, sort_keys=True),
            ],
        )
        audit.append(
            db,
            stamp,
            actor="",
            action="apply_package",
            entity="sync_packages",
            entity_id=str(number),
            detail={"sha256": sha256, **summary},
        )


# -- what the sync page shows ------------------------------------------------------------------------------
def returned_records(db: Database) -> list[dict[str, Any]]:
    """Records the office returned, with the supervisor's reason, newest first."""
    return list(
        db.query(
            "SELECT i.id, i.record_no, i.site_name, i.form_id, i.review_comment, i.reviewed_at, "
            "(SELECT count(*) FROM inspections c WHERE c.supersedes = i.id) AS corrections "
            "FROM inspections i WHERE i.status = 'returned' ORDER BY i.reviewed_at DESC"
        )
    )


def office_tasks(db: Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT t.id, t.form_id, t.due_date, t.note, t.inspection_id, s.name AS site_name "
            "FROM tasks t JOIN sites s ON s.id = t.site_id WHERE t.source = 'office' "
            "ORDER BY t.due_date, t.id"
        )
    )


def reference_files(db: Database, kind: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM reference_files WHERE kind = ? ORDER BY ref_id, effective_from, version", [kind]
        )
    )

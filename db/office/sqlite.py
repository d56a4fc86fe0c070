"""The office store on SQLite (the embedded default: one office, one desktop).

Lives in the same file as the app's own tables. Bulk inserts stream their rows through
`executemany` inside the caller's transaction, so a 10,000-record bundle never sits in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from db.connection import Reader, Stamp

if TYPE_CHECKING:
    from sqlite_utils import Database

RECORD_COLUMNS = (
    "id",
    "fingerprint",
    "record_no",
    "device_id",
    "form_id",
    "form_version",
    "form_sha256",
    "verdict",
    "failed",
    "site_code",
    "site_name",
    "district",
    "inspector",
    "signer_sha256",
    "started_at",
    "finalised_at",
    "supersedes",
    "canonical",
    "signature",
    "bundle_sha256",
    "imported_at",
    "inspected_on",
    "imported_on",
    "task_id",
    "measures",
)
CONFLICT_COLUMNS = (
    "id",
    "fingerprint",
    "reason",
    "device_id",
    "record_no",
    "supersedes",
    "canonical",
    "signature",
    "signer_sha256",
    "bundle_sha256",
    "received_at",
)
# A current revision: no stored record supersedes it (a corrected record is history).
_CURRENT = "r.superseded_by IS NULL"
_SUPERSEDED = "r.superseded_by IS NOT NULL"
# A bundle's verified records wait here between verify and write (OfficeStore.stage_records): a
# TEMP table, private to this connection, spilled to a temporary file rather than kept in memory.
# Each row is kept whole (JSON), whatever columns the records and conflicts have.
_STAGE_TABLE = "CREATE TEMP TABLE IF NOT EXISTS import_stage (seq INTEGER PRIMARY KEY, row BLOB NOT NULL)"
CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit


def is_office(db: Reader) -> bool:
    """Does this database hold an office (its root made by `office init`)? Plain SQL: every start
    asks, before sqlite-utils is imported."""
    return office_heading(db) is not None


def office_heading(db: Reader) -> tuple[str, str] | None:
    """The office's name and root fingerprint, or None on a laptop's database. Plain SQL, read
    at every start: the office window's first frame shows them (title, status bar) before the
    office store (sqlite-utils) is built."""
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office'").fetchone()
    if not row:
        return None
    rows = db.execute("SELECT name, root_sha256 FROM office").fetchall()
    return (rows[0][0], rows[0][1]) if len(rows) == 1 else None


def migrate_office(db: Database) -> list[str]:
    """Create or update the office tables; returns the migrations applied."""
    from db.office.sqlite_schema import OFFICE_MIGRATIONS  # sqlite-utils: not for `is_office`

    pending = [m.name for m in OFFICE_MIGRATIONS.pending(db)]
    if pending:
        OFFICE_MIGRATIONS.apply(db)
    return pending


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items))


class SQLiteOfficeStore:
    """OfficeStore over a sqlite-utils Database (see db.office.store for the contract)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        migrate_office(db)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return list(self._db.query(sql, list(params)))

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        with self._db.atomic():
            yield

    def transaction(self) -> AbstractContextManager[None]:
        return self._atomic()

    def audit(
        self,
        *,
        at: str,
        device_id: str,
        actor: str,
        action: str,
        entity: str,
        entity_id: str,
        detail: dict[str, Any],
    ) -> None:
        from db import audit  # here: `is_office` runs at every start, and audit pulls hashlib (~4 ms)

        audit.append(
            self._db,
            Stamp(device_id=device_id, now=at),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )

    # -- the office ---------------------------------------------------------------------------
    def office(self) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office WHERE id = 1")
        return rows[0] if rows else None

    def create_office(
        self, *, name: str, root_sha256: str, root_pem: str, encrypted_key_pem: str, created_at: str
    ) -> None:
        self._db.execute(
            "INSERT INTO office (id, name, root_sha256, root_pem, encrypted_key_pem, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [name, root_sha256, root_pem, encrypted_key_pem, created_at],
        )

    # -- certificates ---------------------------------------------------------------------------
    def add_certificate(self, row: dict[str, Any]) -> None:
        columns = (
            "cert_sha256",
            "key_sha256",
            "pem",
            "role",
            "device_id",
            "subject",
            "not_after",
            "issued_at",
        )
        self._db.execute(
            f"INSERT OR IGNORE INTO office_certificates ({', '.join(columns)}) "
            f"VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def certificates(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT c.*, r.revoked_at, r.reason FROM office_certificates c "
            "LEFT JOIN office_revocations r ON r.cert_sha256 = c.cert_sha256 ORDER BY c.issued_at"
        )

    def add_revocation(self, *, cert_sha256: str, revoked_at: str, reason: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO office_revocations (cert_sha256, revoked_at, reason) VALUES (?, ?, ?)",
            [cert_sha256, revoked_at, reason],
        )

    def add_trust_list(self, *, version: int, document: bytes, issued_at: str, expires_at: str) -> None:
        self._db.execute(
            "INSERT INTO office_trust_lists (version, document, issued_at, expires_at) VALUES (?, ?, ?, ?)",
            [version, document, issued_at, expires_at],
        )

    def trust_lists(self, *, limit: int = 5) -> list[dict[str, Any]]:
        rows = self._rows("SELECT * FROM office_trust_lists ORDER BY version DESC LIMIT ?", [limit])
        return [{**r, "document": bytes(r["document"])} for r in rows]

    # -- requests ---------------------------------------------------------------------------------
    def add_requests(self, rows: Iterable[dict[str, Any]]) -> None:
        columns = ("key_sha256", "pem", "name", "id_number", "office", "device_id", "source", "received_at")
        self._db.conn.executemany(
            f"INSERT OR IGNORE INTO office_requests ({', '.join(columns)}) VALUES ({_marks(list(columns))})",
            ([r[c] for c in columns] for r in rows),
        )

    def requests(self, *, status: str = "") -> list[dict[str, Any]]:
        if status:
            return self._rows("SELECT * FROM office_requests WHERE status = ? ORDER BY received_at", [status])
        return self._rows("SELECT * FROM office_requests ORDER BY received_at")

    def set_request_status(self, key_sha256: str, status: str) -> None:
        self._db.execute("UPDATE office_requests SET status = ? WHERE key_sha256 = ?", [status, key_sha256])

    # -- devices and bundles ----------------------------------------------------------------------
    def device(self, device_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_devices WHERE device_id = ?", [device_id])
        return rows[0] if rows else None

    def devices(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT ids.device_id, d.first_seen, d.last_bundle_at,
                      coalesce(d.acknowledged_seq, 0) AS acknowledged_seq,
                      (SELECT max(seq) FROM office_bundles b WHERE b.device_id = ids.device_id) AS last_seq,
                      (SELECT count(*) FROM office_records r WHERE r.device_id = ids.device_id) AS records,
                      (SELECT max(number) FROM office_packages p WHERE p.device_id = ids.device_id)
                          AS last_package,
                      (SELECT group_concat(subject, '; ') FROM office_certificates c
                          WHERE c.device_id = ids.device_id) AS inspectors
               FROM (SELECT device_id FROM office_devices UNION
                     SELECT device_id FROM office_certificates) ids
               LEFT JOIN office_devices d ON d.device_id = ids.device_id
               ORDER BY ids.device_id"""
        )

    def bundle(self, sha256: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_bundles WHERE sha256 = ?", [sha256])
        return rows[0] if rows else None

    def bundle_seqs(self, device_id: str) -> list[int]:
        return [
            int(r[0])
            for r in self._db.execute(
                "SELECT DISTINCT seq FROM office_bundles WHERE device_id = ? ORDER BY seq", [device_id]
            )
        ]

    def add_bundle(self, row: dict[str, Any]) -> None:
        columns = (
            "sha256",
            "device_id",
            "seq",
            "base_ack",
            "file_name",
            "signer_sha256",
            "created_at",
            "imported_at",
            "records",
            "imported",
            "duplicates",
            "conflicts",
        )
        self._db.execute(
            f"INSERT OR IGNORE INTO office_bundles ({', '.join(columns)}) VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_bundles ORDER BY imported_at DESC, seq DESC LIMIT ?", [limit])

    def note_device(self, *, device_id: str, at: str, acknowledged_seq: int) -> None:
        self._db.execute(
            "INSERT INTO office_devices (device_id, first_seen, last_bundle_at, acknowledged_seq) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET "
            "last_bundle_at = excluded.last_bundle_at, "
            "acknowledged_seq = max(acknowledged_seq, excluded.acknowledged_seq)",
            [device_id, at, at, acknowledged_seq],
        )

    # -- records ------------------------------------------------------------------------------------
    def fingerprints(self, ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in _chunks(ids):
            found.update(
                self._db.execute(
                    f"SELECT id, fingerprint FROM office_records WHERE id IN ({_marks(part)})", part
                ).fetchall()
            )
        return found

    def conflict_keys(self, ids: list[str]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for part in _chunks(ids):
            found.update(
                (str(a), str(b))
                for a, b in self._db.execute(
                    f"SELECT id, fingerprint FROM office_conflicts WHERE id IN ({_marks(part)})", part
                )
            )
        return found

    def superseding(self, ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in _chunks(ids):
            found.update(
                self._db.execute(
                    f"SELECT supersedes, id FROM office_records WHERE supersedes IN ({_marks(part)})", part
                ).fetchall()
            )
        return found

    def add_records(self, rows: Iterable[dict[str, Any]]) -> int:
        items: list[tuple[str, ...]] = []
        measures: list[tuple[str, ...]] = []
        corrections: list[tuple[str, str]] = []
        received: list[str] = []

        def values() -> Iterator[list[Any]]:
            for r in rows:
                received.append(r["id"])
                if r.get("supersedes"):
                    corrections.append((r["id"], r["supersedes"]))
                keys = (r["form_id"], r["district"], r["inspector"], r["inspected_on"])
                items.extend((r["id"], item, *keys) for item in r.get("items", ()))
                measures.extend((r["id"], m, *keys) for m in json.loads(r.get("measures") or "[]"))
                yield [r.get(c) for c in RECORD_COLUMNS]

        # Ignored only when the id is stored already (the natural key): a row missing a required
        # column raises and the import rolls back, never a record silently left out.
        cur = self._db.conn.executemany(
            f"INSERT INTO office_records ({', '.join(RECORD_COLUMNS)}) "
            f"VALUES ({_marks(list(RECORD_COLUMNS))}) ON CONFLICT(id) DO NOTHING",
            values(),
        )
        added = int(cur.rowcount)
        for table, column, rows_of in (("items", "item", items), ("measures", "measure", measures)):
            self._db.conn.executemany(
                f"INSERT OR IGNORE INTO office_record_{table} (record_id, {column}, form_id, district, "
                "inspector, inspected_on) VALUES (?, ?, ?, ?, ?, ?)",
                rows_of,
            )
        # A correction makes the record it names history (by primary key: no scan)…
        self._db.conn.executemany(
            "UPDATE office_records SET superseded_by = ? WHERE id = ? AND EXISTS "
            "(SELECT 1 FROM office_records n WHERE n.id = ? AND n.supersedes = office_records.id)",
            [(new, old, new) for new, old in corrections],
        )
        self._mark_superseded([old for _new, old in corrections])
        # …and a record arriving after its correction is history from the start.
        for part in _chunks(received):
            late = self._db.execute(
                f"SELECT supersedes, id FROM office_records WHERE supersedes IN ({_marks(part)}) "
                "ORDER BY finalised_at",
                part,
            ).fetchall()
            self._db.conn.executemany(
                "UPDATE office_records SET superseded_by = ? WHERE id = ?", [(new, old) for old, new in late]
            )
            self._mark_superseded([old for old, _new in late])
        return added

    def _mark_superseded(self, ids: list[str]) -> None:
        """The failed items and measures of records a correction superseded stop counting."""
        for table in ("items", "measures"):
            self._db.conn.executemany(
                f"UPDATE office_record_{table} SET superseded = 1 WHERE record_id = ? AND EXISTS "
                "(SELECT 1 FROM office_records r WHERE r.id = ? AND r.superseded_by IS NOT NULL)",
                [(i, i) for i in ids],
            )

    @contextmanager
    def _scratch(self) -> Iterator[None]:
        """A transaction that writes only the TEMP schema (a deferred BEGIN: the database's write
        lock is not taken), or the caller's transaction if one is open."""
        conn = self._db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.execute("COMMIT")

    def stage_records(self, rows: Iterable[dict[str, Any]]) -> None:
        import orjson  # here, not at start-up: the first paint imports this module (~15–45 ms)

        with self._scratch():
            self._db.conn.execute(_STAGE_TABLE)
            self._db.conn.execute("DELETE FROM temp.import_stage")
            self._db.conn.executemany(
                "INSERT INTO temp.import_stage (row) VALUES (?)", ((orjson.dumps(r),) for r in rows)
            )

    def staged_records(self) -> Iterator[dict[str, Any]]:
        import orjson

        for (row,) in self._db.conn.execute("SELECT row FROM temp.import_stage ORDER BY seq"):
            yield orjson.loads(row)

    def clear_stage(self) -> None:
        with self._scratch():
            self._db.conn.execute("DROP TABLE IF EXISTS temp.import_stage")

    def add_record_pdfs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_record_pdfs (record_id, fingerprint, sha256, data) "
            "VALUES (?, ?, ?, ?)",
            ((r["record_id"], r["fingerprint"], r["sha256"], r["data"]) for r in rows),
        )

    def add_conflicts(self, rows: Iterable[dict[str, Any]]) -> int:
        cur = self._db.conn.executemany(
            f"INSERT OR IGNORE INTO office_conflicts ({', '.join(CONFLICT_COLUMNS)}) "
            f"VALUES ({_marks(list(CONFLICT_COLUMNS))})",
            ([r[c] for c in CONFLICT_COLUMNS] for r in rows),
        )
        return int(cur.rowcount)

    def add_attachments(self, rows: Iterable[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_attachments (sha256, size, data) VALUES (?, ?, ?)",
            ((r["sha256"], len(r["data"]), r["data"]) for r in rows),
        )

    def add_forms(self, rows: Iterable[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_forms (sha256, text) VALUES (?, ?)",
            ((r["sha256"], r["text"]) for r in rows),
        )

    def add_signer_certs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_signer_certs (cert_sha256, key_sha256, pem) VALUES (?, ?, ?)",
            ((r["cert_sha256"], r["key_sha256"], r["pem"]) for r in rows),
        )

    def signer_certs(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_signer_certs")

    def record(self, record_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_records WHERE id = ?", [record_id])
        return rows[0] if rows else None

    def record_pdf(self, record_id: str, fingerprint: str) -> bytes | None:
        row = self._db.execute(
            "SELECT data FROM office_record_pdfs WHERE record_id = ? AND fingerprint = ?",
            [record_id, fingerprint],
        ).fetchone()
        return None if row is None else bytes(row[0])

    def record_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM office_records").fetchone()[0])

    def conflicts(self, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = " WHERE resolved_at IS NULL" if open_only else ""
        return self._rows(
            "SELECT id, fingerprint, reason, device_id, record_no, supersedes, bundle_sha256, received_at, "
            f"resolved_at FROM office_conflicts{where} ORDER BY received_at"
        )

    def conflict(self, record_id: str, fingerprint: str) -> dict[str, Any] | None:
        rows = self._rows(
            "SELECT * FROM office_conflicts WHERE id = ? AND fingerprint = ?", [record_id, fingerprint]
        )
        return rows[0] if rows else None

    def resolve_conflict(self, record_id: str, fingerprint: str, *, at: str) -> int:
        cur = self._db.execute(
            "UPDATE office_conflicts SET resolved_at = ? "
            "WHERE id = ? AND fingerprint = ? AND resolved_at IS NULL",
            [at, record_id, fingerprint],
        )
        return int(cur.rowcount)

    def conflict_resolutions(self) -> dict[str, list[dict[str, Any]]]:
        from db import audit

        return audit.entries_for(self._db, "office_conflicts", "resolve_conflict")

    def iter_records(self, *, device_id: str = "") -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM office_records"
        params: list[Any] = []
        if device_id:
            sql += " WHERE device_id = ?"
            params.append(device_id)
        yield from self._db.query(sql + " ORDER BY finalised_at", params)

    def without_pdf(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(ids):
            found.update(
                str(r[0])
                for r in self._db.execute(
                    f"""SELECT r.id FROM office_records r WHERE r.id IN ({_marks(part)}) AND NOT EXISTS
                        (SELECT 1 FROM office_record_pdfs p
                         WHERE p.record_id = r.id AND p.fingerprint = r.fingerprint)""",
                    part,
                )
            )
        return found

    def set_review(self, record_id: str, *, status: str, reason: str) -> None:
        self._db.execute(
            "UPDATE office_records SET review_status = ?, review_reason = ? WHERE id = ?",
            [status, reason, record_id],
        )

    # -- packages -------------------------------------------------------------------------------------
    def packages(self, device_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_packages WHERE device_id = ? ORDER BY number", [device_id])

    def add_package(self, row: dict[str, Any]) -> None:
        columns = ("device_id", "number", "sha256", "trust_list_version", "acknowledged_seq", "created_at")
        self._db.execute(
            f"INSERT INTO office_packages ({', '.join(columns)}) VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def add_task(
        self,
        *,
        task_id: str,
        device_id: str,
        payload: str,
        created_at: str,
        draw_id: str | None = None,
        credit_code: str = "",
        inspectors: tuple[str, ...] = (),
    ) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO office_tasks (id, device_id, payload, created_at, draw_id, credit_code) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [task_id, device_id, payload, created_at, draw_id, credit_code],
        )
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_task_inspectors (task_id, employee_no) VALUES (?, ?)",
            [(task_id, e) for e in inspectors],
        )

    def add_tasks(self, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_tasks (id, device_id, payload, created_at, draw_id, credit_code) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    r["task_id"],
                    r["device_id"],
                    r["payload"],
                    r["created_at"],
                    r.get("draw_id"),
                    r.get("credit_code", ""),
                )
                for r in rows
            ],
        )
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_task_inspectors (task_id, employee_no) VALUES (?, ?)",
            [(r["task_id"], e) for r in rows for e in r.get("inspectors", ())],
        )

    def tasks_for(self, device_id: str) -> list[dict[str, Any]]:
        # A draw's task goes to every laptop of the team it sends, not only the lead's.
        return self._rows(
            """SELECT * FROM office_tasks WHERE device_id = ? OR id IN (
                   SELECT ti.task_id FROM office_task_inspectors ti
                   JOIN office_requests q ON q.id_number = ti.employee_no
                   JOIN office_certificates c ON c.key_sha256 = q.key_sha256 AND c.role = 'inspector'
                   WHERE c.device_id = ?)
               ORDER BY created_at, id""",
            [device_id, device_id],
        )

    def add_decision(self, row: dict[str, Any]) -> None:
        columns = (
            "id",
            "record_id",
            "fingerprint",
            "device_id",
            "decision",
            "reason",
            "supervisor",
            "decided_at",
            "document",
        )
        self._db.execute(
            f"INSERT OR IGNORE INTO office_decisions ({', '.join(columns)}) VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def decisions_for(self, device_id: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT * FROM office_decisions WHERE device_id = ? ORDER BY decided_at, id", [device_id]
        )
        return [{**r, "document": bytes(r["document"])} for r in rows]

    def add_reference_file(self, row: dict[str, Any]) -> None:
        columns = ("kind", "ref_id", "version", "effective_from", "sha256", "text", "created_at")
        self._db.execute(
            f"INSERT OR IGNORE INTO office_reference_files ({', '.join(columns)}) "
            f"VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def reference_files(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_reference_files ORDER BY kind, ref_id, version")

    # == the office at work ==========================================================================
    # -- review ----------------------------------------------------------------------------------------
    def _review_where(self, filters: dict[str, str]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for key in ("district", "form_id", "verdict", "inspector"):
            if filters.get(key):
                clauses.append(f"r.{key} = ?")
                params.append(filters[key])
        if filters.get("date_from"):
            clauses.append("r.inspected_on >= ?")
            params.append(filters["date_from"])
        if filters.get("date_to"):
            clauses.append("r.inspected_on <= ?")
            params.append(filters["date_to"])
        status = filters.get("status", "")
        if status == "corrected":
            clauses.append(_SUPERSEDED)
        else:
            clauses.append(_CURRENT)
            if status:
                clauses.append("r.review_status = ?")
                params.append(status)
        search = filters.get("search", "").strip()
        if search:
            clauses.append("(r.record_no LIKE ? OR r.site_name LIKE ? OR r.site_code LIKE ?)")
            params.extend([f"%{search}%"] * 3)
        return " WHERE " + " AND ".join(clauses), params

    def review_count(self, filters: dict[str, str]) -> int:
        where, params = self._review_where(filters)
        return int(self._db.execute(f"SELECT count(*) FROM office_records r{where}", params).fetchone()[0])

    def review_page(self, filters: dict[str, str], *, offset: int, limit: int) -> list[dict[str, Any]]:
        where, params = self._review_where(filters)
        return self._rows(
            f"""SELECT r.id, r.record_no, r.form_id, r.verdict, r.failed, r.site_code, r.site_name,
                       r.district, r.inspector, r.inspected_on, r.finalised_at, r.imported_at,
                       r.review_status, r.review_reason, r.supersedes, r.fingerprint, r.device_id,
                       r.superseded_by AS corrected_by,
                       EXISTS (SELECT 1 FROM office_packages p WHERE p.device_id = r.device_id
                               AND p.created_at >= (SELECT max(d.decided_at) FROM office_decisions d
                                                    WHERE d.record_id = r.id)) AS decision_sent
                FROM office_records r{where}
                ORDER BY r.finalised_at DESC, r.id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )

    def review_choices(self) -> dict[str, list[str]]:
        def distinct(column: str) -> list[str]:
            # A loose index scan: one seek per distinct value in the covering index led by
            # (superseded_by, column), not a walk over every record's entry (~100 ms at 200,000,
            # paid by the 审核 and 统计 pages before their first paint). Portable SQL.
            least = f"SELECT min({column}) FROM office_records r WHERE {_CURRENT} AND {column} >"
            sql = f"""WITH RECURSIVE v(value) AS (
                    {least} '' UNION ALL SELECT ({least} v.value) FROM v WHERE v.value IS NOT NULL)
                SELECT value FROM v WHERE value IS NOT NULL"""
            return [str(v) for (v,) in self._db.execute(sql)]

        return {
            "district": distinct("district"),
            "inspector": distinct("inspector"),
            "form_id": distinct("form_id"),
        }

    def decisions_of(self, record_id: str) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, record_id, fingerprint, decision, reason, supervisor, decided_at "
            "FROM office_decisions WHERE record_id = ? ORDER BY decided_at, id",
            [record_id],
        )

    # -- directories -----------------------------------------------------------------------------------
    def upsert_sites(self, rows: Iterable[dict[str, Any]], *, source_sha256: str, at: str) -> tuple[int, int]:
        added = updated = 0
        columns = ("credit_code", "name", "district", "type", "risk", "last_inspected", "address")
        for row in rows:
            exists = self._db.execute(
                "SELECT 1 FROM office_sites WHERE credit_code = ?", [row["credit_code"]]
            ).fetchone()
            self._db.execute(
                f"INSERT INTO office_sites ({', '.join(columns)}, source_sha256, updated_at) "
                f"VALUES ({_marks(list(columns))}, ?, ?) ON CONFLICT(credit_code) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in (*columns[1:], "source_sha256", "updated_at")),
                [*(row[c] for c in columns), source_sha256, at],
            )
            if exists:
                updated += 1
            else:
                added += 1
        return added, updated

    def _site_where(self, search: str) -> tuple[str, list[Any]]:
        if not search.strip():
            return "", []
        like = f"%{search.strip()}%"
        return " WHERE name LIKE ? OR credit_code LIKE ? OR district LIKE ?", [like, like, like]

    def sites(self, *, search: str = "", limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        where, params = self._site_where(search)
        return self._rows(
            f"SELECT * FROM office_sites{where} ORDER BY credit_code LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def site_count(self, *, search: str = "") -> int:
        where, params = self._site_where(search)
        return int(self._db.execute(f"SELECT count(*) FROM office_sites{where}", params).fetchone()[0])

    def site(self, credit_code: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_sites WHERE credit_code = ?", [credit_code])
        return rows[0] if rows else None

    def iter_sites(self) -> Iterator[dict[str, Any]]:
        cursor = self._db.execute("SELECT * FROM office_sites ORDER BY credit_code")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def inspector_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT c.cert_sha256, c.key_sha256, c.subject, c.device_id, c.not_after, c.issued_at,
                      v.revoked_at, coalesce(q.id_number, '') AS employee_no, coalesce(q.name, '') AS name,
                      coalesce(i.district, '') AS district, coalesce(i.available, 1) AS available,
                      coalesce(i.note, '') AS note
               FROM office_certificates c
               LEFT JOIN office_revocations v ON v.cert_sha256 = c.cert_sha256
               LEFT JOIN office_requests q ON q.key_sha256 = c.key_sha256
               LEFT JOIN office_inspectors i ON i.employee_no = q.id_number
               WHERE c.role = 'inspector'
               ORDER BY employee_no, c.issued_at"""
        )

    def set_inspector(self, *, employee_no: str, district: str, available: bool, note: str, at: str) -> None:
        self._db.execute(
            "INSERT INTO office_inspectors (employee_no, district, available, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(employee_no) DO UPDATE SET district = excluded.district, "
            "available = excluded.available, note = excluded.note, updated_at = excluded.updated_at",
            [employee_no, district, int(available), note, at],
        )

    def recusals(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_recusals ORDER BY employee_no, credit_code")

    def add_recusal(self, *, employee_no: str, credit_code: str, reason: str, at: str) -> None:
        self._db.execute(
            "INSERT INTO office_recusals (employee_no, credit_code, reason, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(employee_no, credit_code) DO UPDATE SET reason = excluded.reason",
            [employee_no, credit_code, reason, at],
        )

    def remove_recusal(self, *, employee_no: str, credit_code: str) -> int:
        cur = self._db.execute(
            "DELETE FROM office_recusals WHERE employee_no = ? AND credit_code = ?",
            [employee_no, credit_code],
        )
        return int(cur.rowcount)

    def inspected_pairs(self, *, date_from: str, date_to: str) -> set[tuple[str, str]]:
        rows = self._db.execute(
            """SELECT q.id_number, r.site_code FROM office_records r
               JOIN office_signer_certs s ON s.cert_sha256 = r.signer_sha256
               JOIN office_requests q ON q.key_sha256 = s.key_sha256
               WHERE r.inspected_on >= ? AND r.inspected_on <= ?
               UNION
               SELECT ti.employee_no, r.site_code FROM office_records r
               JOIN office_task_inspectors ti ON ti.task_id = r.task_id
               WHERE r.inspected_on >= ? AND r.inspected_on <= ?""",
            [date_from, date_to, date_from, date_to],
        )
        return {(str(a), str(b)) for a, b in rows}

    # -- draws -----------------------------------------------------------------------------------------
    def add_draw(self, row: dict[str, Any]) -> None:
        columns = (
            "id",
            "plan_id",
            "plan_name",
            "plan_date",
            "form_id",
            "witness",
            "seed",
            "algorithm",
            "entities_sha256",
            "inspectors_sha256",
            "population",
            "selected",
            "assigned",
            "document",
            "created_at",
        )
        self._db.execute(
            f"INSERT INTO office_draws ({', '.join(columns)}) VALUES ({_marks(list(columns))})",
            [row[c] for c in columns],
        )

    def draw(self, draw_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_draws WHERE id = ?", [draw_id])
        return {**rows[0], "document": bytes(rows[0]["document"])} if rows else None

    def draw_for_plan(self, plan_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT id FROM office_draws WHERE plan_id = ?", [plan_id])
        return self.draw(rows[0]["id"]) if rows else None

    def draws(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, plan_id, plan_name, plan_date, form_id, witness, seed, algorithm, population, "
            "selected, assigned, created_at FROM office_draws ORDER BY created_at DESC"
        )

    def draw_tasks(self, draw_id: str) -> list[dict[str, Any]]:
        return self._rows(
            f"""SELECT t.id, t.device_id, t.credit_code, t.payload, t.created_at,
                       r.id AS record_id, r.record_no, r.verdict, r.inspected_on
                FROM office_tasks t
                LEFT JOIN office_records r ON r.task_id = t.id AND {_CURRENT}
                WHERE t.draw_id = ? ORDER BY t.created_at, t.id""",
            [draw_id],
        )

    # -- statistics ------------------------------------------------------------------------------------
    def statistics(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        clauses = [_CURRENT]
        params: list[Any] = []
        for key in ("form_id", "district", "inspector"):
            if filters.get(key):
                clauses.append(f"r.{key} = ?")
                params.append(filters[key])
        if filters.get("date_from"):
            clauses.append("r.inspected_on >= ?")
            params.append(filters["date_from"])
        if filters.get("date_to"):
            clauses.append("r.inspected_on <= ?")
            params.append(filters["date_to"])
        where = " AND ".join(clauses)
        # One statement per grouping, each led by the index that starts with its key (no sort).
        groups = {
            "form": "r.form_id, r.verdict",
            "district": "r.district, r.verdict",
            "inspector": "r.inspector, r.verdict",
            "day": "r.inspected_on, r.imported_on, r.verdict",
        }
        out: dict[str, list[tuple[Any, ...]]] = {}
        for kind, keys in groups.items():
            sql = f"SELECT {keys}, count(*) FROM office_records r WHERE {where} GROUP BY {keys}"
            out[kind] = [(*row[:-1], int(row[-1])) for row in self._db.execute(sql, params)]
        # Failed items and measures carry the filter columns themselves (few rows: no record read).
        side = where.replace("r.superseded_by IS NULL", "r.superseded = 0")
        out["item"] = [
            (a, b, int(n))
            for a, b, n in self._db.execute(
                f"SELECT r.form_id, r.item, count(*) FROM office_record_items r WHERE {side} "
                "GROUP BY r.form_id, r.item",
                params,
            )
        ]
        out["measure"] = [
            (a, int(n))
            for a, n in self._db.execute(
                f"SELECT r.measure, count(*) FROM office_record_measures r WHERE {side} GROUP BY r.measure",
                params,
            )
        ]
        return out

    # -- credit lists and the integrity file --------------------------------------------------------------
    def entity_checks(self, *, since: str, credit_code: str = "") -> Iterator[dict[str, Any]]:
        sql = f"""SELECT r.id, r.record_no, r.site_code, r.site_name, r.district, r.form_id,
                         r.inspected_on, r.verdict, r.failed, r.measures, r.review_status, r.task_id
                  FROM office_records r WHERE {_CURRENT} AND r.inspected_on >= ?"""
        params: list[Any] = [since]
        if credit_code:
            sql += " AND r.site_code = ?"
            params.append(credit_code)
        cursor = self._db.execute(sql + " ORDER BY r.site_code, r.inspected_on, r.finalised_at", params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    # -- publication -----------------------------------------------------------------------------------
    def publication_rows(
        self, *, date_from: str = "", date_to: str = "", unpublished_only: bool = False
    ) -> list[dict[str, Any]]:
        clauses = [_CURRENT, "r.review_status <> 'returned'", "t.draw_id IS NOT NULL"]
        params: list[Any] = []
        if date_from:
            clauses.append("r.inspected_on >= ?")
            params.append(date_from)
        if date_to:
            clauses.append("r.inspected_on <= ?")
            params.append(date_to)
        if unpublished_only:
            clauses.append("p.record_id IS NULL")
        return self._rows(
            f"""SELECT r.id, r.fingerprint, r.record_no, r.site_code, r.site_name, r.district, r.form_id,
                       r.inspected_on, r.verdict, r.measures, r.review_status, t.draw_id,
                       d.plan_id, d.plan_name, p.published_at, p.file_name
                FROM office_records r
                JOIN office_tasks t ON t.id = r.task_id
                JOIN office_draws d ON d.id = t.draw_id
                LEFT JOIN office_publications p ON p.record_id = r.id
                WHERE {" AND ".join(clauses)}
                ORDER BY r.inspected_on, r.record_no""",
            params,
        )

    def mark_published(self, rows: Iterable[tuple[str, str]], *, at: str, file_name: str) -> int:
        cur = self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_publications (record_id, fingerprint, published_at, file_name) "
            "VALUES (?, ?, ?, ?)",
            ((rid, fp, at, file_name) for rid, fp in rows),
        )
        return int(cur.rowcount)

    # -- paper: known from the summary QR, received by sync codes ---------------------------------
    def note_paper_known(self, row: dict[str, Any]) -> bool:
        columns = PAPER_KNOWN_COLUMNS
        cur = self._db.execute(
            f"INSERT INTO office_paper_known ({', '.join(columns)}, first_seen_at, last_seen_at, seen) "
            f"VALUES ({_marks(list(columns))}, ?, ?, 1) ON CONFLICT(fingerprint) DO UPDATE SET "
            "last_seen_at = max(last_seen_at, excluded.last_seen_at), seen = seen + 1 "
            "RETURNING seen",
            [*(row[c] for c in columns), row["seen_at"], row["seen_at"]],
        )
        return bool(cur.fetchone()[0] == 1)

    def paper_known(
        self, *, overdue_before: str, status: str = "", limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        where = " WHERE status = ?" if status else ""
        return self._rows(
            f"SELECT * FROM ({_PAPER_STATUS}){where} ORDER BY inspected_on DESC, record_no LIMIT ? OFFSET ?",
            [overdue_before, *([status] if status else []), limit, offset],
        )

    def paper_known_counts(self, *, overdue_before: str) -> dict[str, int]:
        return {
            str(k): int(n)
            for k, n in self._db.execute(
                f"SELECT status, count(*) FROM ({_PAPER_STATUS}) GROUP BY status", [overdue_before]
            )
        }

    def paper_awaited(
        self, filters: dict[str, str], *, overdue_before: str
    ) -> list[tuple[str, str, str, int]]:
        clauses, params = ["status IN ('pending', 'overdue')"], [overdue_before]
        for key, clause in (
            ("form_id", "form_id = ?"),
            ("date_from", "inspected_on >= ?"),
            ("date_to", "inspected_on <= ?"),
        ):
            if filters.get(key):
                clauses.append(clause)
                params.append(filters[key])
        sql = (
            f"SELECT form_id, verdict, status, count(*) FROM ({_PAPER_STATUS}) "
            f"WHERE {' AND '.join(clauses)} GROUP BY form_id, verdict, status"
        )
        return [(str(f), str(v), str(st), int(n)) for f, v, st, n in self._db.execute(sql, params)]

    def paper_status(self, fingerprints: list[str], *, overdue_before: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in _chunks(fingerprints):
            found.update(
                self._db.execute(
                    f"SELECT fingerprint, status FROM ({_PAPER_STATUS}) "
                    f"WHERE fingerprint IN ({_marks(part)})",
                    [overdue_before, *part],
                ).fetchall()
            )
        return found

    def add_paper_imports(self, rows: Iterable[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_paper_imports "
            "(record_id, fingerprint, payload_sha256, pieces, sources, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    r["record_id"],
                    r["fingerprint"],
                    r["payload_sha256"],
                    r["pieces"],
                    r["sources"],
                    r["imported_at"],
                )
                for r in rows
            ),
        )

    def paper_imports(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for part in _chunks(ids):
            for row in self._rows(
                f"SELECT * FROM office_paper_imports WHERE record_id IN ({_marks(part)})", part
            ):
                found[row["record_id"]] = row
        return found


PAPER_KNOWN_COLUMNS = (
    "fingerprint",
    "record_no",
    "form_id",
    "site_code",
    "item",
    "inspected_on",
    "verdict",
    "figures",
    "signer_sha256",
    "signer",
    "summary",
    "source",
)
# What became of a record known from paper (one parameter: the day before which a record still
# waiting is overdue): its data arrived (by bundle or sync codes), sits in the conflict queue, a
# record of that number arrived with other content, or it is still awaited.
_PAPER_STATUS = """SELECT p.*, CASE
    WHEN EXISTS (SELECT 1 FROM office_records r WHERE r.fingerprint = p.fingerprint) THEN 'arrived'
    WHEN EXISTS (SELECT 1 FROM office_conflicts c WHERE c.fingerprint = p.fingerprint) THEN 'conflict'
    WHEN EXISTS (SELECT 1 FROM office_records r WHERE r.record_no = p.record_no) THEN 'differs'
    WHEN p.inspected_on < ? THEN 'overdue'
    ELSE 'pending' END AS status
    FROM office_paper_known p"""


def is_unique_violation(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)

"""The office store on PostgreSQL (psycopg 3): a city or province consolidating many offices.

Same contract as db.office.sqlite (see db.office.store); what differs is how records arrive. A
bundle's records are COPYed into a session's temporary staging table, then inserted-or-skipped in
one statement: first into `office_record_ids` (the id's global key), then into the year-partitioned
`office_records` for the ids that were new. A record someone else stored meanwhile under the same
id with other content goes to the conflict table — never lost, never stored twice (unique keys,
not the order clerks happen to work in). Different bundles touch different keys, so clerks
importing at once do not wait for each other; only the audit log's hash chain is appended one
at a time (a transaction-scoped advisory lock, held from the append to the commit).

The connection runs in autocommit; `transaction()` is psycopg's transaction block (a savepoint
when nested), so a bundle is all or nothing.
"""

from __future__ import annotations

import itertools
import json
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from db.office import postgres_schema

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
STAGED = (*RECORD_COLUMNS, "year", "items")
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
# Columns older writers may leave out (what the table's own defaults would be).
_DEFAULTS: dict[str, Any] = {"inspected_on": "", "imported_on": "", "measures": "[]", "task_id": None}
_CURRENT = "r.superseded_by IS NULL"
_SUPERSEDED = "r.superseded_by IS NOT NULL"
AUDIT_LOCK = 0x1A5D17  # pg_advisory_xact_lock key: one audit append at a time
MIGRATE_LOCK = 0x1A5D18
OTHER_YEAR = 0
COPY_SLICE = 2000  # records per COPY into staging  # records without a readable date: the default partition


def year_of(row: dict[str, Any]) -> int:
    """The partition key: the year of the local inspection date (else of finalisation)."""
    for key in ("inspected_on", "finalised_at"):
        text = str(row.get(key) or "")
        if len(text) >= 4 and text[:4].isdigit():
            return int(text[:4])
    return OTHER_YEAR


def connect(url: str) -> psycopg.Connection[Any]:
    """An autocommit connection; ``postgresql://`` alone takes everything from the PG* variables."""
    conninfo = "" if url.rstrip("/") in ("postgresql:", "postgres:") else url
    return psycopg.connect(conninfo, autocommit=True)


def migrate(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply the pending numbered migrations (one transaction each; concurrent callers wait for
    one another); returns the names applied."""
    applied_now: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATE_LOCK])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS office_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ "
            "NOT NULL DEFAULT now())"
        )
        done = {r[0] for r in conn.execute("SELECT name FROM office_migrations")}
        for name, make in postgres_schema.pending(done):
            for sql in make():
                conn.execute(sql)  # our own DDL text
            conn.execute("INSERT INTO office_migrations (name) VALUES (%s)", [name])
            applied_now.append(name)
    return applied_now


def pending_migrations(conn: psycopg.Connection[Any]) -> list[str]:
    exists = conn.execute("SELECT to_regclass('office_migrations') IS NOT NULL").fetchone()
    done = (
        {r[0] for r in conn.execute("SELECT name FROM office_migrations")} if exists and exists[0] else set()
    )
    return [name for name, _make in postgres_schema.pending(done)]


class PostgresOfficeStore:
    """OfficeStore over one PostgreSQL database (see db.office.store for the contract)."""

    def __init__(self, url: str, *, migrate_schema: bool = True) -> None:
        self.url = url
        self._conn = connect(url)
        self._lock = threading.RLock()
        if migrate_schema:
            migrate(self._conn)

    def close(self) -> None:
        self._conn.close()

    # -- plumbing ------------------------------------------------------------------------------
    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._conn.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, list(params))
            return list(cur.fetchall())

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        cur = self._conn.execute(sql, list(params))
        return max(cur.rowcount, 0)

    def _many(self, sql: str, params: Iterable[Iterable[Any]]) -> None:
        batch = [list(p) for p in params]
        if batch:
            with self._conn.cursor() as cur:
                cur.executemany(sql, batch)

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def transaction(self) -> AbstractContextManager[None]:
        return self._atomic()

    # -- this database's own settings ----------------------------------------------------------
    def device_id(self) -> str:
        """The id this office database writes in its audit entries (made once)."""
        self._exec(
            "INSERT INTO office_settings (key, value) VALUES ('device_id', %s) ON CONFLICT DO NOTHING",
            [str(uuid.uuid4())],
        )
        row = self._conn.execute("SELECT value FROM office_settings WHERE key = 'device_id'").fetchone()
        return str(row[0]) if row else ""

    def settings_all(self) -> dict[str, str]:
        """The app's settings as this office database keeps them (shared by every desktop)."""
        rows = self._conn.execute("SELECT key, value FROM office_settings WHERE key LIKE 'setting.%%'")
        return {str(k)[len("setting.") :]: str(v) for k, v in rows}

    def setting_put(self, key: str, value: str) -> None:
        self._exec(
            "INSERT INTO office_settings (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [f"setting.{key}", value],
        )

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
        from db.audit import GENESIS, entry_hash

        text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_LOCK])
            row = self._conn.execute("SELECT hash FROM office_audit ORDER BY seq DESC LIMIT 1").fetchone()
            prev = str(row[0]) if row else GENESIS
            digest = entry_hash(prev, at, device_id, actor, action, entity, entity_id, text)
            self._conn.execute(
                "INSERT INTO office_audit (at, device_id, actor, action, entity, entity_id, detail, "
                "prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [at, device_id, actor, action, entity, entity_id, text, prev, digest],
            )

    def audit_entries(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_audit ORDER BY seq")

    # -- the office ----------------------------------------------------------------------------
    def office(self) -> dict[str, Any] | None:
        return self._one("SELECT * FROM office WHERE id = 1")

    def create_office(
        self, *, name: str, root_sha256: str, root_pem: str, encrypted_key_pem: str, created_at: str
    ) -> None:
        self._exec(
            "INSERT INTO office (id, name, root_sha256, root_pem, encrypted_key_pem, created_at) "
            "VALUES (1, %s, %s, %s, %s, %s)",
            [name, root_sha256, root_pem, encrypted_key_pem, created_at],
        )

    # -- certificates ----------------------------------------------------------------------------
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
        self._insert("office_certificates", columns, [[row[c] for c in columns]])

    def _insert(self, table: str, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
        columns = list(columns)
        self._many(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
            "ON CONFLICT DO NOTHING",
            rows,
        )

    def certificates(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT c.*, r.revoked_at, r.reason FROM office_certificates c "
            "LEFT JOIN office_revocations r ON r.cert_sha256 = c.cert_sha256 ORDER BY c.issued_at"
        )

    def add_revocation(self, *, cert_sha256: str, revoked_at: str, reason: str) -> None:
        self._insert(
            "office_revocations", ("cert_sha256", "revoked_at", "reason"), [[cert_sha256, revoked_at, reason]]
        )

    def add_trust_list(self, *, version: int, document: bytes, issued_at: str, expires_at: str) -> None:
        self._exec(
            "INSERT INTO office_trust_lists (version, document, issued_at, expires_at) "
            "VALUES (%s, %s, %s, %s)",
            [version, document, issued_at, expires_at],
        )

    def trust_lists(self, *, limit: int = 5) -> list[dict[str, Any]]:
        rows = self._rows("SELECT * FROM office_trust_lists ORDER BY version DESC LIMIT %s", [limit])
        return [{**r, "document": bytes(r["document"])} for r in rows]

    # -- requests ----------------------------------------------------------------------------------
    def add_requests(self, rows: Iterable[dict[str, Any]]) -> None:
        columns = ("key_sha256", "pem", "name", "id_number", "office", "device_id", "source", "received_at")
        self._insert("office_requests", columns, ([r[c] for c in columns] for r in rows))

    def requests(self, *, status: str = "") -> list[dict[str, Any]]:
        if status:
            return self._rows(
                "SELECT * FROM office_requests WHERE status = %s ORDER BY received_at", [status]
            )
        return self._rows("SELECT * FROM office_requests ORDER BY received_at")

    def set_request_status(self, key_sha256: str, status: str) -> None:
        self._exec("UPDATE office_requests SET status = %s WHERE key_sha256 = %s", [status, key_sha256])

    # -- devices and bundles -----------------------------------------------------------------------
    def device(self, device_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM office_devices WHERE device_id = %s", [device_id])

    def devices(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT ids.device_id, d.first_seen, d.last_bundle_at,
                      coalesce(d.acknowledged_seq, 0) AS acknowledged_seq,
                      (SELECT max(seq) FROM office_bundles b WHERE b.device_id = ids.device_id) AS last_seq,
                      (SELECT count(*) FROM office_records r WHERE r.device_id = ids.device_id) AS records,
                      (SELECT max(number) FROM office_packages p WHERE p.device_id = ids.device_id)
                          AS last_package,
                      (SELECT string_agg(subject, '; ') FROM office_certificates c
                          WHERE c.device_id = ids.device_id) AS inspectors
               FROM (SELECT device_id FROM office_devices UNION
                     SELECT device_id FROM office_certificates) ids
               LEFT JOIN office_devices d ON d.device_id = ids.device_id
               ORDER BY ids.device_id"""
        )

    def bundle(self, sha256: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM office_bundles WHERE sha256 = %s", [sha256])

    def bundle_seqs(self, device_id: str) -> list[int]:
        return [
            int(r[0])
            for r in self._conn.execute(
                "SELECT DISTINCT seq FROM office_bundles WHERE device_id = %s ORDER BY seq", [device_id]
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
        self._insert("office_bundles", columns, [[row[c] for c in columns]])

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM office_bundles ORDER BY imported_at DESC, seq DESC LIMIT %s", [limit]
        )

    def note_device(self, *, device_id: str, at: str, acknowledged_seq: int) -> None:
        self._exec(
            "INSERT INTO office_devices (device_id, first_seen, last_bundle_at, acknowledged_seq) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE SET "
            "last_bundle_at = excluded.last_bundle_at, "
            "acknowledged_seq = greatest(office_devices.acknowledged_seq, excluded.acknowledged_seq)",
            [device_id, at, at, acknowledged_seq],
        )

    # -- records -------------------------------------------------------------------------------------
    def fingerprints(self, ids: list[str]) -> dict[str, str]:
        rows = self._conn.execute("SELECT id, fingerprint FROM office_record_ids WHERE id = ANY(%s)", [ids])
        return {str(a): str(b) for a, b in rows}

    def conflict_keys(self, ids: list[str]) -> set[tuple[str, str]]:
        rows = self._conn.execute("SELECT id, fingerprint FROM office_conflicts WHERE id = ANY(%s)", [ids])
        return {(str(a), str(b)) for a, b in rows}

    def superseding(self, ids: list[str]) -> dict[str, str]:
        rows = self._conn.execute(
            "SELECT supersedes, id FROM office_supersessions WHERE supersedes = ANY(%s) "
            "ORDER BY supersedes, finalised_at",
            [ids],
        )
        return {str(a): str(b) for a, b in rows}

    def add_records(self, rows: Iterable[dict[str, Any]]) -> int:
        """COPY into staging, then insert-or-skip by id (see the module's docstring); a staged
        record whose id is stored with another fingerprint becomes a conflict. Returns how many
        records were added."""
        columns = ", ".join(STAGED)
        with self._lock, self._conn.transaction():
            self._conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS office_staging ("
                + ", ".join(f"{c} {'INTEGER' if c == 'year' else 'TEXT'}" for c in STAGED)
                + ") ON COMMIT DELETE ROWS"
            )
            self._conn.execute("TRUNCATE office_staging")
            # In slices: ``rows`` may read this connection itself (staged_records) between them,
            # which it cannot while a COPY is open.
            for part in _slices(rows, COPY_SLICE):
                with (
                    self._conn.cursor() as cur,
                    cur.copy(f"COPY office_staging ({columns}) FROM STDIN") as copy,
                ):
                    for r in part:
                        copy.write_row(
                            [
                                *(r.get(c, _DEFAULTS.get(c)) for c in RECORD_COLUMNS),
                                year_of(r),
                                json.dumps(list(r.get("items") or ()), ensure_ascii=False),
                            ]
                        )
            record_columns = ", ".join(("year", *RECORD_COLUMNS))
            side = "s.form_id, s.district, s.inspector, s.inspected_on"
            added = self._conn.execute(
                f"""WITH fresh AS (
                        INSERT INTO office_record_ids (id, fingerprint, year)
                        SELECT DISTINCT ON (id) id, fingerprint, year FROM office_staging
                        ORDER BY id, fingerprint
                        ON CONFLICT (id) DO NOTHING RETURNING id, fingerprint),
                    kept AS (
                        INSERT INTO office_records ({record_columns})
                        SELECT {", ".join("s." + c for c in ("year", *RECORD_COLUMNS))}
                        FROM office_staging s JOIN fresh f ON f.id = s.id AND f.fingerprint = s.fingerprint
                        RETURNING id),
                    corrections AS (
                        INSERT INTO office_supersessions (supersedes, id, finalised_at)
                        SELECT s.supersedes, s.id, s.finalised_at
                        FROM office_staging s JOIN fresh f ON f.id = s.id AND f.fingerprint = s.fingerprint
                        WHERE s.supersedes IS NOT NULL ON CONFLICT DO NOTHING),
                    items AS (
                        INSERT INTO office_record_items (record_id, item, form_id, district, inspector,
                                                         inspected_on)
                        SELECT s.id, j.value, {side}
                        FROM office_staging s JOIN fresh f ON f.id = s.id AND f.fingerprint = s.fingerprint
                        CROSS JOIN LATERAL jsonb_array_elements_text(s.items::jsonb) j
                        ON CONFLICT DO NOTHING),
                    measures AS (
                        INSERT INTO office_record_measures (record_id, measure, form_id, district, inspector,
                                                            inspected_on)
                        SELECT s.id, j.value, {side}
                        FROM office_staging s JOIN fresh f ON f.id = s.id AND f.fingerprint = s.fingerprint
                        CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.measures, '[]')::jsonb) j
                        ON CONFLICT DO NOTHING)
                    SELECT count(*) FROM kept"""
            ).fetchone()
            # Stored meanwhile (another clerk, another bundle) with other content: a conflict.
            self._conn.execute(
                f"""INSERT INTO office_conflicts ({", ".join(CONFLICT_COLUMNS)})
                    SELECT DISTINCT ON (s.id, s.fingerprint) s.id, s.fingerprint, 'different_content',
                           s.device_id, s.record_no, s.supersedes, s.canonical, s.signature,
                           s.signer_sha256, s.bundle_sha256, s.imported_at
                    FROM office_staging s JOIN office_record_ids i ON i.id = s.id
                    WHERE i.fingerprint <> s.fingerprint
                    ON CONFLICT DO NOTHING"""
            )
            self._supersede()
        return int(added[0]) if added else 0

    def _supersede(self) -> None:
        """A stored correction makes the record it names history, whichever arrived first: every
        record named by the staged rows (as an id or as superseded) gets its newest correction."""
        self._conn.execute(
            """WITH named AS (
                   SELECT id FROM office_staging UNION
                   SELECT supersedes FROM office_staging WHERE supersedes IS NOT NULL),
               latest AS (
                   SELECT DISTINCT ON (c.supersedes) c.supersedes, c.id
                   FROM office_supersessions c JOIN named n ON n.id = c.supersedes
                   JOIN office_record_ids i ON i.id = c.id
                   ORDER BY c.supersedes, c.finalised_at DESC),
               changed AS (
                   UPDATE office_records o SET superseded_by = l.id FROM latest l
                   WHERE o.id = l.supersedes AND o.superseded_by IS DISTINCT FROM l.id
                   RETURNING o.id),
               items AS (
                   UPDATE office_record_items SET superseded = 1
                   WHERE record_id IN (SELECT id FROM changed) AND superseded = 0)
               UPDATE office_record_measures SET superseded = 1
               WHERE record_id IN (SELECT id FROM changed) AND superseded = 0"""
        )

    def add_record_pdfs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._insert(
            "office_record_pdfs",
            ("record_id", "fingerprint", "sha256", "data"),
            ((r["record_id"], r["fingerprint"], r["sha256"], r["data"]) for r in rows),
        )

    def add_conflicts(self, rows: Iterable[dict[str, Any]]) -> int:
        batch = [[r[c] for c in CONFLICT_COLUMNS] for r in rows]
        if not batch:
            return 0
        before = self._count("office_conflicts")
        self._insert("office_conflicts", CONFLICT_COLUMNS, batch)
        return self._count("office_conflicts") - before

    def _count(self, table: str) -> int:
        row = self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def add_attachments(self, rows: Iterable[dict[str, Any]]) -> None:
        self._insert(
            "office_attachments",
            ("sha256", "size", "data"),
            ((r["sha256"], len(r["data"]), r["data"]) for r in rows),
        )

    def add_forms(self, rows: Iterable[dict[str, Any]]) -> None:
        self._insert("office_forms", ("sha256", "text"), ((r["sha256"], r["text"]) for r in rows))

    def add_signer_certs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._insert(
            "office_signer_certs",
            ("cert_sha256", "key_sha256", "pem"),
            ((r["cert_sha256"], r["key_sha256"], r["pem"]) for r in rows),
        )

    def signer_certs(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_signer_certs")

    def _record_out(self, row: dict[str, Any]) -> dict[str, Any]:
        row.pop("year", None)
        return row

    def record(self, record_id: str) -> dict[str, Any] | None:
        row = self._one(
            "SELECT r.* FROM office_records r JOIN office_record_ids i ON i.id = r.id AND i.year = r.year "
            "WHERE i.id = %s",
            [record_id],
        )
        return None if row is None else self._record_out(row)

    def record_pdf(self, record_id: str, fingerprint: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT data FROM office_record_pdfs WHERE record_id = %s AND fingerprint = %s",
            [record_id, fingerprint],
        ).fetchone()
        return None if row is None else bytes(row[0])

    def record_count(self) -> int:
        return self._count("office_record_ids")

    def conflicts(self, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = " WHERE resolved_at IS NULL" if open_only else ""
        return self._rows(
            "SELECT id, fingerprint, reason, device_id, record_no, supersedes, bundle_sha256, received_at, "
            f"resolved_at FROM office_conflicts{where} ORDER BY received_at"
        )

    def iter_records(self, *, device_id: str = "") -> Iterator[dict[str, Any]]:
        """Streamed through a server-side cursor on a connection of its own (memory flat)."""
        sql = "SELECT * FROM office_records"
        params: list[Any] = []
        if device_id:
            sql += " WHERE device_id = %s"
            params.append(device_id)
        with (
            psycopg.connect(self._conn.info.dsn or "", autocommit=False) as conn,
            conn.cursor(name="office_records_stream", row_factory=dict_row) as cur,
        ):
            cur.execute(sql + " ORDER BY finalised_at", params)
            for row in cur:
                yield self._record_out(row)

    def without_pdf(self, ids: list[str]) -> set[str]:
        rows = self._conn.execute(
            """SELECT i.id FROM office_record_ids i WHERE i.id = ANY(%s) AND NOT EXISTS
               (SELECT 1 FROM office_record_pdfs p
                WHERE p.record_id = i.id AND p.fingerprint = i.fingerprint)""",
            [ids],
        )
        return {str(r[0]) for r in rows}

    # -- a bundle's verified rows between verify and write (see OfficeStore.stage_records) --------
    def stage_records(self, rows: Iterable[dict[str, Any]]) -> None:
        """Into a TEMP table of this session (no office table touched), COPYed; if ``rows``
        raises, the stage is left empty."""
        import orjson

        with self._lock, self._conn.transaction():
            self._conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS import_stage (seq BIGSERIAL PRIMARY KEY, row BYTEA NOT NULL)"
            )
            self._conn.execute("TRUNCATE import_stage")
            with self._conn.cursor() as cur, cur.copy("COPY import_stage (row) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row([orjson.dumps(r)])

    def staged_records(self) -> Iterator[dict[str, Any]]:
        """Read back in pages (keyset on seq): memory stays flat, any transaction state works."""
        import orjson

        last = 0
        while True:
            page = self._conn.execute(
                "SELECT seq, row FROM import_stage WHERE seq > %s ORDER BY seq LIMIT 2000", [last]
            ).fetchall()
            if not page:
                return
            for _seq, row in page:
                yield orjson.loads(bytes(row))
            last = int(page[-1][0])

    def clear_stage(self) -> None:
        self._exec("DROP TABLE IF EXISTS import_stage")

    def conflict(self, record_id: str, fingerprint: str) -> dict[str, Any] | None:
        return self._one(
            "SELECT * FROM office_conflicts WHERE id = %s AND fingerprint = %s", [record_id, fingerprint]
        )

    def resolve_conflict(self, record_id: str, fingerprint: str, *, at: str) -> int:
        return self._exec(
            "UPDATE office_conflicts SET resolved_at = %s WHERE id = %s AND fingerprint = %s "
            "AND resolved_at IS NULL",
            [at, record_id, fingerprint],
        )

    def conflict_resolutions(self) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        rows = self._conn.execute(
            "SELECT entity_id, detail FROM office_audit WHERE entity = 'office_conflicts' "
            "AND action = 'resolve_conflict' ORDER BY seq"
        )
        for entity_id, detail in rows:
            try:
                value = json.loads(detail)
            except ValueError:
                value = {}
            found.setdefault(str(entity_id), []).append(value if isinstance(value, dict) else {})
        return found

    def set_review(self, record_id: str, *, status: str, reason: str) -> None:
        self._exec(
            "UPDATE office_records SET review_status = %s, review_reason = %s WHERE id = %s",
            [status, reason, record_id],
        )

    # -- packages --------------------------------------------------------------------------------------
    def packages(self, device_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_packages WHERE device_id = %s ORDER BY number", [device_id])

    def add_package(self, row: dict[str, Any]) -> None:
        columns = ("device_id", "number", "sha256", "trust_list_version", "acknowledged_seq", "created_at")
        self._exec(
            f"INSERT INTO office_packages ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",
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
        self.add_tasks(
            [
                {
                    "task_id": task_id,
                    "device_id": device_id,
                    "payload": payload,
                    "created_at": created_at,
                    "draw_id": draw_id,
                    "credit_code": credit_code,
                    "inspectors": inspectors,
                }
            ]
        )

    def add_tasks(self, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        self._insert(
            "office_tasks",
            ("id", "device_id", "payload", "created_at", "draw_id", "credit_code"),
            (
                (
                    r["task_id"],
                    r["device_id"],
                    r["payload"],
                    r["created_at"],
                    r.get("draw_id"),
                    r.get("credit_code", ""),
                )
                for r in rows
            ),
        )
        self._insert(
            "office_task_inspectors",
            ("task_id", "employee_no"),
            ((r["task_id"], e) for r in rows for e in r.get("inspectors", ())),
        )

    def tasks_for(self, device_id: str) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT * FROM office_tasks WHERE device_id = %s OR id IN (
                   SELECT ti.task_id FROM office_task_inspectors ti
                   JOIN office_requests q ON q.id_number = ti.employee_no
                   JOIN office_certificates c ON c.key_sha256 = q.key_sha256 AND c.role = 'inspector'
                   WHERE c.device_id = %s)
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
        self._insert("office_decisions", columns, [[row[c] for c in columns]])

    def decisions_for(self, device_id: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT * FROM office_decisions WHERE device_id = %s ORDER BY decided_at, id", [device_id]
        )
        return [{**r, "document": bytes(r["document"])} for r in rows]

    def add_reference_file(self, row: dict[str, Any]) -> None:
        columns = ("kind", "ref_id", "version", "effective_from", "sha256", "text", "created_at")
        self._insert("office_reference_files", columns, [[row[c] for c in columns]])

    def reference_files(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_reference_files ORDER BY kind, ref_id, version")

    # -- paper: known from the summary QR, received by sync codes --------------------------------
    def note_paper_known(self, row: dict[str, Any]) -> bool:
        columns = PAPER_KNOWN_COLUMNS
        found = self._conn.execute(
            f"INSERT INTO office_paper_known ({', '.join(columns)}, first_seen_at, last_seen_at, seen) "
            f"VALUES ({', '.join(['%s'] * len(columns))}, %s, %s, 1) ON CONFLICT (fingerprint) DO UPDATE SET "
            "last_seen_at = greatest(office_paper_known.last_seen_at, excluded.last_seen_at), "
            "seen = office_paper_known.seen + 1 RETURNING seen",
            [*(row[c] for c in columns), row["seen_at"], row["seen_at"]],
        ).fetchone()
        return bool(found and found[0] == 1)

    def paper_known(
        self, *, overdue_before: str, status: str = "", limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        where = " WHERE status = %s" if status else ""
        return self._rows(
            f"SELECT * FROM ({_PAPER_STATUS}) k{where} "
            "ORDER BY inspected_on DESC, record_no LIMIT %s OFFSET %s",
            [overdue_before, *([status] if status else []), limit, offset],
        )

    def paper_known_counts(self, *, overdue_before: str) -> dict[str, int]:
        rows = self._conn.execute(
            f"SELECT status, count(*) FROM ({_PAPER_STATUS}) k GROUP BY status", [overdue_before]
        )
        return {str(k): int(n) for k, n in rows}

    def paper_awaited(
        self, filters: dict[str, str], *, overdue_before: str
    ) -> list[tuple[str, str, str, int]]:
        clauses, params = ["status IN ('pending', 'overdue')"], [overdue_before]
        for key, clause in (
            ("form_id", "form_id = %s"),
            ("date_from", "inspected_on >= %s"),
            ("date_to", "inspected_on <= %s"),
        ):
            if filters.get(key):
                clauses.append(clause)
                params.append(filters[key])
        rows = self._conn.execute(
            f"SELECT form_id, verdict, status, count(*) FROM ({_PAPER_STATUS}) k "
            f"WHERE {' AND '.join(clauses)} GROUP BY form_id, verdict, status",
            params,
        )
        return [(str(f), str(v), str(st), int(n)) for f, v, st, n in rows]

    def paper_status(self, fingerprints: list[str], *, overdue_before: str) -> dict[str, str]:
        rows = self._conn.execute(
            f"SELECT fingerprint, status FROM ({_PAPER_STATUS}) k WHERE fingerprint = ANY(%s)",
            [overdue_before, fingerprints],
        )
        return {str(a): str(b) for a, b in rows}

    def add_paper_imports(self, rows: Iterable[dict[str, Any]]) -> None:
        columns = ("record_id", "fingerprint", "payload_sha256", "pieces", "sources", "imported_at")
        self._insert("office_paper_imports", columns, ([r[c] for c in columns] for r in rows))

    def paper_imports(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self._rows("SELECT * FROM office_paper_imports WHERE record_id = ANY(%s)", [ids])
        return {row["record_id"]: row for row in rows}

    # == the office at work ===========================================================================
    # -- review -----------------------------------------------------------------------------------------
    def _review_where(self, filters: dict[str, str]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for key in ("district", "form_id", "verdict", "inspector"):
            if filters.get(key):
                clauses.append(f"r.{key} = %s")
                params.append(filters[key])
        clauses_dates, params_dates = _date_clauses(filters)
        clauses += clauses_dates
        params += params_dates
        status = filters.get("status", "")
        if status == "corrected":
            clauses.append(_SUPERSEDED)
        else:
            clauses.append(_CURRENT)
            if status:
                clauses.append("r.review_status = %s")
                params.append(status)
        search = filters.get("search", "").strip()
        if search:
            clauses.append("(r.record_no LIKE %s OR r.site_name LIKE %s OR r.site_code LIKE %s)")
            params.extend([f"%{search}%"] * 3)
        return " WHERE " + " AND ".join(clauses), params

    def review_count(self, filters: dict[str, str]) -> int:
        where, params = self._review_where(filters)
        row = self._conn.execute(f"SELECT count(*) FROM office_records r{where}", params).fetchone()
        return int(row[0]) if row else 0

    def review_page(self, filters: dict[str, str], *, offset: int, limit: int) -> list[dict[str, Any]]:
        where, params = self._review_where(filters)
        return self._rows(
            f"""SELECT r.id, r.record_no, r.form_id, r.verdict, r.failed, r.site_code, r.site_name,
                       r.district, r.inspector, r.inspected_on, r.finalised_at, r.imported_at,
                       r.review_status, r.review_reason, r.supersedes, r.fingerprint, r.device_id,
                       r.superseded_by AS corrected_by,
                       EXISTS (SELECT 1 FROM office_packages p WHERE p.device_id = r.device_id
                               AND p.created_at >= (SELECT max(d.decided_at) FROM office_decisions d
                                                    WHERE d.record_id = r.id))::int AS decision_sent
                FROM office_records r{where}
                ORDER BY r.finalised_at DESC, r.id LIMIT %s OFFSET %s""",
            [*params, limit, offset],
        )

    def review_choices(self) -> dict[str, list[str]]:
        def distinct(column: str) -> list[str]:
            return [
                str(v)
                for (v,) in self._conn.execute(
                    f"SELECT DISTINCT r.{column} FROM office_records r WHERE {_CURRENT} "
                    f"AND r.{column} <> '' ORDER BY 1"
                )
            ]

        return {
            "district": distinct("district"),
            "inspector": distinct("inspector"),
            "form_id": distinct("form_id"),
        }

    def decisions_of(self, record_id: str) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, record_id, fingerprint, decision, reason, supervisor, decided_at "
            "FROM office_decisions WHERE record_id = %s ORDER BY decided_at, id",
            [record_id],
        )

    # -- directories -------------------------------------------------------------------------------------
    def upsert_sites(self, rows: Iterable[dict[str, Any]], *, source_sha256: str, at: str) -> tuple[int, int]:
        added = updated = 0
        columns = ("credit_code", "name", "district", "type", "risk", "last_inspected", "address")
        sets = ", ".join(f"{c} = excluded.{c}" for c in (*columns[1:], "source_sha256", "updated_at"))
        with self._conn.transaction():
            for row in rows:
                # xmax = 0: the row was inserted, not updated (PostgreSQL's upsert tell-tale).
                found = self._conn.execute(
                    f"INSERT INTO office_sites ({', '.join(columns)}, source_sha256, updated_at) "
                    f"VALUES ({', '.join(['%s'] * (len(columns) + 2))}) "
                    "ON CONFLICT (credit_code) DO UPDATE SET "
                    f"{sets} RETURNING (xmax = 0)",
                    [*(row[c] for c in columns), source_sha256, at],
                ).fetchone()
                if found and found[0]:
                    added += 1
                else:
                    updated += 1
        return added, updated

    def _site_where(self, search: str) -> tuple[str, list[Any]]:
        if not search.strip():
            return "", []
        like = f"%{search.strip()}%"
        return " WHERE name LIKE %s OR credit_code LIKE %s OR district LIKE %s", [like, like, like]

    def sites(self, *, search: str = "", limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        where, params = self._site_where(search)
        return self._rows(
            f"SELECT * FROM office_sites{where} ORDER BY credit_code LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )

    def site_count(self, *, search: str = "") -> int:
        where, params = self._site_where(search)
        row = self._conn.execute(f"SELECT count(*) FROM office_sites{where}", params).fetchone()
        return int(row[0]) if row else 0

    def site(self, credit_code: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM office_sites WHERE credit_code = %s", [credit_code])

    def iter_sites(self) -> Iterator[dict[str, Any]]:
        yield from self._rows("SELECT * FROM office_sites ORDER BY credit_code")

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
        self._exec(
            "INSERT INTO office_inspectors (employee_no, district, available, note, updated_at) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (employee_no) DO UPDATE SET "
            "district = excluded.district, "
            "available = excluded.available, note = excluded.note, updated_at = excluded.updated_at",
            [employee_no, district, int(available), note, at],
        )

    def recusals(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM office_recusals ORDER BY employee_no, credit_code")

    def add_recusal(self, *, employee_no: str, credit_code: str, reason: str, at: str) -> None:
        self._exec(
            "INSERT INTO office_recusals (employee_no, credit_code, reason, created_at) "
            "VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (employee_no, credit_code) DO UPDATE SET reason = excluded.reason",
            [employee_no, credit_code, reason, at],
        )

    def remove_recusal(self, *, employee_no: str, credit_code: str) -> int:
        return self._exec(
            "DELETE FROM office_recusals WHERE employee_no = %s AND credit_code = %s",
            [employee_no, credit_code],
        )

    def inspected_pairs(self, *, date_from: str, date_to: str) -> set[tuple[str, str]]:
        rows = self._conn.execute(
            """SELECT q.id_number, r.site_code FROM office_records r
               JOIN office_signer_certs s ON s.cert_sha256 = r.signer_sha256
               JOIN office_requests q ON q.key_sha256 = s.key_sha256
               WHERE r.inspected_on >= %s AND r.inspected_on <= %s
               UNION
               SELECT ti.employee_no, r.site_code FROM office_records r
               JOIN office_task_inspectors ti ON ti.task_id = r.task_id
               WHERE r.inspected_on >= %s AND r.inspected_on <= %s""",
            [date_from, date_to, date_from, date_to],
        )
        return {(str(a), str(b)) for a, b in rows}

    # -- draws ---------------------------------------------------------------------------------------------
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
        self._exec(
            f"INSERT INTO office_draws ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",
            [row[c] for c in columns],
        )

    def draw(self, draw_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT * FROM office_draws WHERE id = %s", [draw_id])
        return None if row is None else {**row, "document": bytes(row["document"])}

    def draw_for_plan(self, plan_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT id FROM office_draws WHERE plan_id = %s", [plan_id])
        return None if row is None else self.draw(row["id"])

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
                WHERE t.draw_id = %s ORDER BY t.created_at, t.id""",
            [draw_id],
        )

    # -- statistics ----------------------------------------------------------------------------------------
    def statistics(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        """All four groupings in one pass (GROUPING SETS) over the partial covering index of
        current records; the date filter also prunes the year partitions."""
        clauses = [_CURRENT]
        params: list[Any] = []
        for key in ("form_id", "district", "inspector"):
            if filters.get(key):
                clauses.append(f"r.{key} = %s")
                params.append(filters[key])
        dates, date_params = _date_clauses(filters)
        clauses += dates
        params += date_params
        where = " AND ".join(clauses)
        out: dict[str, list[tuple[Any, ...]]] = {"form": [], "district": [], "inspector": [], "day": []}
        rows = self._conn.execute(
            f"""SELECT GROUPING(r.form_id, r.district, r.inspector, r.inspected_on) AS g,
                       r.form_id, r.district, r.inspector, r.inspected_on, r.imported_on, r.verdict, count(*)
                FROM office_records r WHERE {where}
                GROUP BY GROUPING SETS (
                    (r.form_id, r.verdict), (r.district, r.verdict), (r.inspector, r.verdict),
                    (r.inspected_on, r.imported_on, r.verdict))""",
            params,
        )
        # GROUPING's bits, first argument highest: 0b0111 = only form_id grouped, and so on.
        for g, form, district, inspector, day, imported, verdict, n in rows:
            if g == 0b0111:
                out["form"].append((form, verdict, int(n)))
            elif g == 0b1011:
                out["district"].append((district, verdict, int(n)))
            elif g == 0b1101:
                out["inspector"].append((inspector, verdict, int(n)))
            else:
                out["day"].append((day, imported, verdict, int(n)))
        side = " AND ".join(["r.superseded = 0", *clauses[1:]])  # the side tables carry the filters
        side_params = params
        out["item"] = [
            (a, b, int(n))
            for a, b, n in self._conn.execute(
                f"SELECT r.form_id, r.item, count(*) FROM office_record_items r WHERE {side} "
                "GROUP BY r.form_id, r.item",
                side_params,
            )
        ]
        out["measure"] = [
            (a, int(n))
            for a, n in self._conn.execute(
                f"SELECT r.measure, count(*) FROM office_record_measures r WHERE {side} GROUP BY r.measure",
                side_params,
            )
        ]
        return out

    # -- credit lists and the integrity file ---------------------------------------------------------------
    def entity_checks(self, *, since: str, credit_code: str = "") -> Iterator[dict[str, Any]]:
        sql = f"""SELECT r.id, r.record_no, r.site_code, r.site_name, r.district, r.form_id,
                         r.inspected_on, r.verdict, r.failed, r.measures, r.review_status, r.task_id
                  FROM office_records r WHERE {_CURRENT} AND r.inspected_on >= %s"""
        params: list[Any] = [since]
        if credit_code:
            sql += " AND r.site_code = %s"
            params.append(credit_code)
        yield from self._rows(sql + " ORDER BY r.site_code, r.inspected_on, r.finalised_at", params)

    # -- publication -----------------------------------------------------------------------------------------
    def publication_rows(
        self, *, date_from: str = "", date_to: str = "", unpublished_only: bool = False
    ) -> list[dict[str, Any]]:
        clauses = [_CURRENT, "r.review_status <> 'returned'", "t.draw_id IS NOT NULL"]
        params: list[Any] = []
        if date_from:
            clauses.append("r.inspected_on >= %s")
            params.append(date_from)
        if date_to:
            clauses.append("r.inspected_on <= %s")
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
        batch = [(rid, fp, at, file_name) for rid, fp in rows]
        if not batch:
            return 0
        before = self._count("office_publications")
        self._insert("office_publications", ("record_id", "fingerprint", "published_at", "file_name"), batch)
        return self._count("office_publications") - before


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
# As db.office.sqlite's: what became of a record known from paper (one parameter: the day before
# which a record still waiting is overdue).
_PAPER_STATUS = """SELECT p.*, CASE
    WHEN EXISTS (SELECT 1 FROM office_record_ids r WHERE r.fingerprint = p.fingerprint) THEN 'arrived'
    WHEN EXISTS (SELECT 1 FROM office_conflicts c WHERE c.fingerprint = p.fingerprint) THEN 'conflict'
    WHEN EXISTS (SELECT 1 FROM office_records r WHERE r.record_no = p.record_no) THEN 'differs'
    WHEN p.inspected_on < %s THEN 'overdue'
    ELSE 'pending' END AS status
    FROM office_paper_known p"""


def _slices(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """``rows`` in lists of ``size`` (itertools.batched, which Python 3.11 lacks)."""
    it = iter(rows)
    while part := list(itertools.islice(it, size)):
        yield part


def _date_clauses(filters: dict[str, str]) -> tuple[list[str], list[Any]]:
    """The inspection-date filter (local dates, inclusive)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.get("date_from"):
        clauses.append("r.inspected_on >= %s")
        params.append(filters["date_from"])
    if filters.get("date_to"):
        clauses.append("r.inspected_on <= %s")
        params.append(filters["date_to"])
    return clauses, params


def is_unique_violation(exc: BaseException) -> bool:
    return isinstance(exc, psycopg.errors.UniqueViolation)

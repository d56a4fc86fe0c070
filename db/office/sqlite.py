"""The office store on SQLite (the embedded default: one office, one desktop).

Lives in the same file as the app's own tables. Bulk inserts stream their rows inside the
caller's transaction (`executemany`; records, their failed items and measures by multi-row INSERTs
of ROWS_PER_INSERT, see `_insert_many`), so a 10,000-record bundle never sits in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from db.connection import Reader, Stamp
from db.office.queries import (
    CHUNK,
    CONFLICT_COLUMNS,
    CURRENT,
    RECORD_COLUMNS,
    SQLITE,
    OfficeQueries,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


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


# A new office database's page size (docs/decisions.md, "64 KiB pages for a new office database"):
# an import writes ~8 kB of signed PDF and ~4 kB of record per record, which on 4 KiB pages are
# chains of overflow pages, each its own WAL frame at the commit.
OFFICE_PAGE_SIZE = 65536


def use_office_pages(conn: sqlite3.Connection) -> bool:
    """Rewrite the database that `office init` is about to make an office with OFFICE_PAGE_SIZE
    pages (VACUUM: SQLite changes the page size of a WAL database only out of WAL mode); True if it
    has them. Only at `office init` — an existing office keeps its pages — and only when this is
    the one connection: with another open, the database is left as it is (False)."""
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    if size == OFFICE_PAGE_SIZE:
        return True
    if conn.in_transaction:
        return False
    try:
        (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError:  # "database is locked": another connection has it open
        return False
    try:
        if mode != "delete":
            return False
        conn.execute(f"PRAGMA page_size = {OFFICE_PAGE_SIZE}")
        conn.execute("VACUUM")
    finally:
        conn.execute("PRAGMA journal_mode = WAL")
    return bool(conn.execute("PRAGMA page_size").fetchone()[0] == OFFICE_PAGE_SIZE)


def migrate_office(db: Database) -> list[str]:
    """Create or update the office tables; returns the migrations applied."""
    from db.office.sqlite_schema import OFFICE_MIGRATIONS  # sqlite-utils: not for `is_office`

    pending = [m.name for m in OFFICE_MIGRATIONS.pending(db)]
    if pending:
        OFFICE_MIGRATIONS.apply(db)
    return pending


# Rows a multi-row INSERT writes at once (SQLiteOfficeStore._insert_many): a store's whole call
# (write_batch), 25 columns × 128 rows, far under SQLite's 32,766 parameters. Each statement
# journals every page it changes (see _insert_many): at 64 rows a statement an import of 10,000
# records wrote 622 MB in all, at 128 480 MB (docs/performance.md).
ROWS_PER_INSERT = 128


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items))


class SQLiteOfficeStore(OfficeQueries):
    """OfficeStore over a sqlite-utils Database (see db.office.store for the contract); the
    queries both engines share are db.office.queries'."""

    dialect = SQLITE
    # One multi-row INSERT a call (ROWS_PER_INSERT); 128 a call keeps the batch's id lookups cheap.
    write_batch = 128

    def __init__(self, db: Database) -> None:
        self._db = db
        migrate_office(db)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return list(self._db.query(sql, list(params)))

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, list(params)).fetchall()

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self._db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        return int(self._db.execute(sql, list(params)).rowcount)

    def _many(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        self._db.conn.executemany(sql, params)

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

    # -- records ------------------------------------------------------------------------------------
    def superseding(self, ids: list[str]) -> dict[str, str]:
        sql = "SELECT supersedes, id FROM office_records WHERE supersedes {ids}"
        return {str(a): str(b) for a, b in self._values_in(sql, ids)}

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
                listed = r.get("measures")
                if listed and listed != "[]":
                    measures.extend((r["id"], m, *keys) for m in json.loads(listed))
                yield [r.get(c) for c in RECORD_COLUMNS]

        # Ignored only when the id is stored already (the natural key): a row missing a required
        # column raises and the import rolls back, never a record silently left out.
        added = self._insert_many(
            f"INSERT INTO office_records ({', '.join(RECORD_COLUMNS)}) VALUES",
            len(RECORD_COLUMNS),
            values(),
            "ON CONFLICT(id) DO NOTHING",
        )
        for table, column, rows_of in (("items", "item", items), ("measures", "measure", measures)):
            self._insert_many(
                f"INSERT OR IGNORE INTO office_record_{table} (record_id, {column}, form_id, district, "
                "inspector, inspected_on) VALUES",
                6,
                rows_of,
            )
        self._supersede(corrections, received)
        return added

    def _insert_many(self, head: str, width: int, rows: Iterable[Sequence[Any]], tail: str = "") -> int:
        """``head`` VALUES (…), (…) … ``tail``: ROWS_PER_INSERT rows a statement; returns the rows
        inserted. Not `executemany`: a statement that fires triggers (the statistics') inside a
        transaction keeps a statement journal of every page it changes, and with 64 KiB pages a
        record's ~15 pages cost ~100 µs a row to journal one row at a time, ~2 µs a row by 64."""
        conn = self._db.conn
        one = f"({_marks([0] * width)})"
        full = f"{head} {', '.join([one] * ROWS_PER_INSERT)} {tail}"
        added = 0
        params: list[Any] = []
        count = 0
        for row in rows:
            params.extend(row)
            count += 1
            if count == ROWS_PER_INSERT:
                added += conn.execute(full, params).rowcount
                params, count = [], 0
        if count:
            added += conn.execute(f"{head} {', '.join([one] * count)} {tail}", params).rowcount
        return added

    def _supersede(self, corrections: list[tuple[str, str]], received: list[str]) -> None:
        """Corrections (new id, id it supersedes) and the ids just received make records history."""
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

    def _mark_superseded(self, ids: list[str]) -> None:
        """The failed items and measures of records a correction superseded stop counting."""
        for table in ("items", "measures"):
            self._db.conn.executemany(
                f"UPDATE office_record_{table} SET superseded = 1 WHERE record_id = ? AND EXISTS "
                "(SELECT 1 FROM office_records r WHERE r.id = ? AND r.superseded_by IS NOT NULL)",
                [(i, i) for i in ids],
            )

    def add_conflicts(self, rows: Iterable[dict[str, Any]]) -> int:
        cur = self._db.conn.executemany(
            f"INSERT OR IGNORE INTO office_conflicts ({', '.join(CONFLICT_COLUMNS)}) "
            f"VALUES ({_marks(list(CONFLICT_COLUMNS))})",
            ([r[c] for c in CONFLICT_COLUMNS] for r in rows),
        )
        return int(cur.rowcount)

    def record(self, record_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM office_records WHERE id = ?", [record_id])
        return rows[0] if rows else None

    def record_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM office_records").fetchone()[0])

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

    # -- review, directories --------------------------------------------------------------------------
    def review_choices(self) -> dict[str, list[str]]:
        def distinct(column: str) -> list[str]:
            # A loose index scan: one seek per distinct value in the covering index led by
            # (superseded_by, column), not a walk over every record's entry (~100 ms at 200,000,
            # paid by the 审核 and 统计 pages before their first paint). Portable SQL.
            least = f"SELECT min({column}) FROM office_records r WHERE {CURRENT} AND {column} >"
            sql = f"""WITH RECURSIVE v(value) AS (
                    {least} '' UNION ALL SELECT ({least} v.value) FROM v WHERE v.value IS NOT NULL)
                SELECT value FROM v WHERE value IS NOT NULL"""
            return [str(v) for (v,) in self._db.execute(sql)]

        return {
            "district": distinct("district"),
            "inspector": distinct("inspector"),
            "form_id": distinct("form_id"),
        }

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

    def mark_published(self, rows: Iterable[tuple[str, str]], *, at: str, file_name: str) -> int:
        cur = self._db.conn.executemany(
            "INSERT OR IGNORE INTO office_publications (record_id, fingerprint, published_at, file_name) "
            "VALUES (?, ?, ?, ?)",
            ((rid, fp, at, file_name) for rid, fp in rows),
        )
        return int(cur.rowcount)


def is_unique_violation(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)

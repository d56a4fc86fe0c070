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

import datetime as dt
import functools
import itertools
import json
import operator
import re
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from db.office import postgres_schema
from db.office.queries import (
    CONFLICT_COLUMNS,
    CURRENT,
    POSTGRESQL,
    RECORD_COLUMNS,
    STATS_COLUMNS,
    STATS_KEY,
    OfficeQueries,
)

STAGED = (*RECORD_COLUMNS, "year", "items")
# Columns older writers may leave out (what the table's own defaults would be).
_DEFAULTS: dict[str, Any] = {"inspected_on": "", "imported_on": "", "measures": "[]", "task_id": None}
AUDIT_LOCK = 0x1A5D17  # pg_advisory_xact_lock key: one audit append at a time
MIGRATE_LOCK = 0x1A5D18
# Statistics' delta rows that make an import fold them into the summary. Reads scan the deltas
# (no index: inserts stay cheap), so this bounds what a read adds to the summary's rows: at
# 200,000 an import of 1,000,000 records spent ~7 % less CPU, but one month's statistics took
# 589 ms instead of 14 (docs/performance.md).
FOLD_AT = 20_000
COUNTED_UP_TO = 1_000  # a smaller fold_at is checked by counting the deltas (tests), a larger
# one from the server's running count of the table's rows (no scan)
STATS_LOCK = 0x1A5D19  # one import at a time folds the statistics' deltas (others skip)
OTHER_YEAR = 0  # records without a readable date: the default partition
COPY_SLICE = 2000  # records per COPY into staging
_RECORD_VALUES = operator.itemgetter(*RECORD_COLUMNS)
_RECORD_TYPES = ["int4", *("text" for _ in RECORD_COLUMNS)]  # the year, then every column
_DAY_AT, _IMPORTED_AT, _FORM_AT, _DISTRICT_AT, _INSPECTOR_AT, _VERDICT_AT, _MEASURES_AT = (
    RECORD_COLUMNS.index(c)
    for c in ("inspected_on", "imported_on", "form_id", "district", "inspector", "verdict", "measures")
)
_SUPERSEDES_AT, _FINALISED_AT = RECORD_COLUMNS.index("supersedes"), RECORD_COLUMNS.index("finalised_at")


def _record_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """The RECORD_COLUMNS of ``row`` (a column an older writer left out: its default)."""
    try:
        return _RECORD_VALUES(row)  # type: ignore[no-any-return]
    except KeyError:
        return tuple(row.get(c, _DEFAULTS.get(c)) for c in RECORD_COLUMNS)


def year_of(row: dict[str, Any]) -> int:
    """The partition key: the year of the local inspection date (else of finalisation)."""
    for key in ("inspected_on", "finalised_at"):
        text = str(row.get(key) or "")
        if len(text) >= 4 and text[:4].isdigit():
            return int(text[:4])
    return OTHER_YEAR


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@functools.lru_cache(maxsize=1 << 14)
def lag_days(inspected_on: str, imported_on: str) -> str:
    """POSTGRESQL.lag in Python (the statistics' import lag of a record): whole days from the
    inspection to the import, at least 0; '' when a date is unreadable. Cached: a bundle's
    records share a few pairs of days."""
    if not (_DAY.fullmatch(inspected_on) and _DAY.fullmatch(imported_on)):
        return ""
    try:
        days = (dt.date.fromisoformat(imported_on) - dt.date.fromisoformat(inspected_on)).days
    except ValueError:
        return ""
    return str(max(0, days))


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


BYTE_ORDER = ("C", "POSIX")  # collations that compare text byte by byte (as SQLite does)


def collation(conn: psycopg.Connection[Any]) -> str:
    """The database's collation: 'C' (or 'POSIX') compares text byte by byte, as SQLite does; any
    other sorts lists otherwise than a SQLite office and slows every index on text
    (docs/postgresql.md, "Create the database")."""
    row = conn.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()").fetchone()
    return str(row[0]) if row else ""


def pending_migrations(conn: psycopg.Connection[Any]) -> list[str]:
    exists = conn.execute("SELECT to_regclass('office_migrations') IS NOT NULL").fetchone()
    done = (
        {r[0] for r in conn.execute("SELECT name FROM office_migrations")} if exists and exists[0] else set()
    )
    return [name for name, _make in postgres_schema.pending(done)]


class PostgresOfficeStore(OfficeQueries):
    """OfficeStore over one PostgreSQL database (see db.office.store for the contract); the
    queries both engines share are db.office.queries'."""

    dialect = POSTGRESQL
    # Each call pays a savepoint, two COPYs and a probe of the ids: at 128 records a call that
    # was a third of the import's CPU (docs/performance.md); 2,048 rows wait in ~8 MB.
    write_batch = 2048

    def __init__(self, url: str, *, migrate_schema: bool = True) -> None:
        self.url = url
        self._conn = connect(url)
        # The import's staging table (TEMP) held in this session's memory, not written to disk:
        # a 10,000-record bundle is ~30 MB of rows (the default is 8 MB).
        self._conn.execute("SET temp_buffers = '64MB'")
        self._lock = threading.RLock()
        self.fold_at = FOLD_AT
        # The statistics' deltas of the records added inside an open transaction(), written once
        # when it commits (an import adds its records a batch at a time: one bundle's deltas
        # summed over all its batches are fewer rows, written by one COPY, folded by one check).
        self._depth = 0
        self._pending: Counter[tuple[str, ...]] = Counter()
        self._added = False  # records were added in the open transaction (its deltas to fold)
        if migrate_schema:
            migrate(self._conn)

    def close(self) -> None:
        self._conn.close()

    # -- plumbing ------------------------------------------------------------------------------
    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._conn.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, list(params))
            return list(cur.fetchall())

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, list(params)).fetchall()

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        yield from self._rows(sql, params)

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        cur = self._conn.execute(sql, list(params))
        return max(cur.rowcount, 0)

    def _many(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        batch = [list(p) for p in params]
        if batch:
            with self._conn.cursor() as cur:
                cur.executemany(sql, batch)

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        saved = self._pending.copy()
        try:
            with self._conn.transaction():
                self._depth += 1
                try:
                    yield
                    if self._depth == 1:
                        self._write_deltas()
                finally:
                    self._depth -= 1
        except BaseException:
            self._pending = saved  # the records of what was undone are gone with their deltas
            raise
        finally:
            if self._depth == 0:
                self._added = False

    def _write_deltas(self) -> None:
        """The pending statistics' deltas appended, and folded when enough wait (after an import:
        the staging path appends its deltas in SQL)."""
        deltas, self._pending = self._pending, Counter()
        self._copy("office_stats_delta", STATS_COLUMNS, [(*key, n) for key, n in deltas.items() if n])
        if self._added:
            self._fold_statistics()

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

    # -- records ----------------------------------------------------------------------------------
    def superseding(self, ids: list[str]) -> dict[str, str]:
        rows = self._conn.execute(
            "SELECT supersedes, id FROM office_supersessions WHERE supersedes = ANY(%s) "
            "ORDER BY supersedes, finalised_at",
            [ids],
        )
        return {str(a): str(b) for a, b in rows}

    def add_records(self, rows: Iterable[dict[str, Any]]) -> int:
        """Store new records, insert-or-skip by id and fingerprint (see the module's docstring);
        returns how many were added. Tried first straight into the record tables inside a
        savepoint (the usual case: every id new); a unique key refusing any of them (a record
        stored before, or by another clerk meanwhile) undoes that and takes the staging path,
        where each record is inserted or skipped on its own."""
        batch = rows if isinstance(rows, Sequence) else list(rows)
        return self._add_records(lambda: batch)

    def _add_records(self, rows: Callable[[], Iterable[dict[str, Any]]]) -> int:
        """``rows`` gives the rows each time it is called (the fallback reads them again)."""
        with self._lock, self._atomic():
            self._added = True
            try:
                with self._conn.transaction():  # a savepoint
                    added, deltas = self._copy_records(rows())
                self._pending.update(deltas)
            except (psycopg.errors.UniqueViolation, psycopg.errors.DeadlockDetected, TypeError):
                # A record stored before or meanwhile; or two clerks' COPYs each waiting on a
                # record the other is writing (the staging path takes ids in order: no cycle);
                # or a value that is not text (TypeError from the binary COPY: an older writer's
                # number), which the staging path's text COPY writes as text.
                added = self._add_through_staging(rows())
        return added

    def _copy_records(self, rows: Iterable[dict[str, Any]]) -> tuple[int, Counter[tuple[str, ...]]]:
        """COPY straight into the year partitions and the global id key, with the failed items,
        measures, corrections and the statistics' deltas counted here (what the staging path
        computes in SQL; the deltas are returned, for the transaction to write); a stored id makes
        the key refuse the COPY (UniqueViolation)."""
        record_columns = ", ".join(("year", *RECORD_COLUMNS))
        ids: list[tuple[str, str, int]] = []
        items: list[tuple[str, str, str, str, str, str]] = []
        measures: list[tuple[str, str, str, str, str, str]] = []
        corrections: list[tuple[str, str, str]] = []
        # Records per (month, procedure, district, inspector, verdict, import lag): a laptop's
        # bundle fills a few such cells, expanded into verdict and lag deltas after the loop.
        facts: Counter[tuple[str, ...]] = Counter()
        deltas: Counter[tuple[str, ...]] = Counter()
        for part in _slices(rows, COPY_SLICE):  # see _add_through_staging: ``rows`` may read
            with (
                self._conn.cursor() as cur,
                cur.copy(f"COPY office_records ({record_columns}) FROM STDIN (FORMAT BINARY)") as copy,
            ):
                # Binary: no text to escape here nor to parse on the server (a quarter less CPU
                # for both than the text COPY of the same rows, docs/performance.md).
                copy.set_types(_RECORD_TYPES)
                write = copy.write_row
                for r in part:
                    row = _record_row(r)
                    day = row[_DAY_AT] or ""
                    year = int(day[:4]) if len(day) >= 4 and day[:4].isdigit() else year_of(r)
                    write((year, *row))
                    record_id = row[0]
                    ids.append((record_id, row[1], year))
                    form_id, district, inspector = row[_FORM_AT], row[_DISTRICT_AT], row[_INSPECTOR_AT]
                    lag = lag_days(day, row[_IMPORTED_AT] or "")
                    facts[(day[:7], form_id, district, inspector, row[_VERDICT_AT], lag)] += 1
                    failed = r.get("items")
                    taken = row[_MEASURES_AT]
                    if failed or (taken and taken != "[]"):
                        side = (form_id, district, inspector, day)
                        cell = (day[:7], form_id, district, inspector)
                        for item in dict.fromkeys(str(i) for i in failed or ()):
                            items.append((record_id, item, *side))
                            deltas[(*cell, "item", item)] += 1
                        for measure in dict.fromkeys(str(m) for m in json.loads(taken or "[]")):
                            measures.append((record_id, measure, *side))
                            deltas[(*cell, "measure", measure)] += 1
                    if row[_SUPERSEDES_AT]:
                        corrections.append((row[_SUPERSEDES_AT], record_id, row[_FINALISED_AT]))
        for (month, form_id, district, inspector, verdict, lag), n in facts.items():
            deltas[(month, form_id, district, inspector, "verdict", verdict)] += n
            deltas[(month, form_id, district, inspector, "lag", lag)] += n
        if not ids:
            return 0, deltas
        self._copy("office_record_ids", ("id", "fingerprint", "year"), ids, types=("text", "text", "int4"))
        side_columns = ("form_id", "district", "inspector", "inspected_on")
        self._copy("office_record_items", ("record_id", "item", *side_columns), items)
        self._copy("office_record_measures", ("record_id", "measure", *side_columns), measures)
        self._copy("office_supersessions", ("supersedes", "id", "finalised_at"), corrections)
        named = [record_id for record_id, _fp, _year in ids] + [c[0] for c in corrections]
        if corrections or self._conn.execute(  # the ids as a binary array: a third of the text's CPU
            "SELECT EXISTS (SELECT 1 FROM office_supersessions WHERE supersedes = ANY(%b))", [named]
        ).fetchone() == (True,):
            self._supersede("SELECT unnest(%s::text[]) AS id", [named])
        return len(ids), deltas

    def _copy(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, types: Sequence[str] = ()
    ) -> None:
        """COPY ``rows`` into ``table``; binary when the columns' ``types`` are given."""
        if rows:
            binary = " (FORMAT BINARY)" if types else ""
            with (
                self._conn.cursor() as cur,
                cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN{binary}") as copy,
            ):
                if types:
                    copy.set_types(list(types))
                for row in rows:
                    copy.write_row(row)

    def _add_through_staging(self, rows: Iterable[dict[str, Any]]) -> int:
        """COPY into staging, then insert-or-skip by id (see the module's docstring); a staged
        record whose id is stored with another fingerprint becomes a conflict."""
        columns = ", ".join(STAGED)
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
                    RETURNING id, fingerprint),
                counted AS (
                    INSERT INTO office_stats_delta ({", ".join(STATS_COLUMNS)})
                    {_stats_added()}),
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
        self._supersede(
            "SELECT id FROM office_staging UNION "
            "SELECT supersedes FROM office_staging WHERE supersedes IS NOT NULL"
        )
        return int(added[0]) if added else 0

    def _fold_statistics(self) -> None:
        """Add the statistics' deltas into the summary once there are ``fold_at`` of them (a
        summary row is upserted once for many imports' deltas, and statistics read at most that
        many besides the summary), unless another import is folding (it holds the lock to its
        commit): folds never wait, and never meet on a summary row."""
        if self.fold_at <= COUNTED_UP_TO:
            waiting = self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM office_stats_delta LIMIT %s) d", [self.fold_at]
            ).fetchone()
        else:  # the server's running count of the table's rows (as transactions end): no scan
            waiting = self._conn.execute(
                "SELECT n_live_tup FROM pg_stat_user_tables WHERE relid = 'office_stats_delta'::regclass"
            ).fetchone()
        if not waiting or int(waiting[0] or 0) < self.fold_at:
            return
        got = self._conn.execute("SELECT pg_try_advisory_xact_lock(%s)", [STATS_LOCK]).fetchone()
        if not (got and got[0]):
            return
        key = ", ".join(STATS_KEY)
        self._conn.execute(
            f"""WITH gone AS (DELETE FROM office_stats_delta RETURNING {", ".join(STATS_COLUMNS)})
                INSERT INTO office_stats AS t ({key}, n)
                SELECT {key}, sum(n) FROM gone GROUP BY {key}
                ON CONFLICT ({key}) DO UPDATE SET n = t.n + excluded.n"""
        )

    def _stats_source(self) -> str:
        columns = ", ".join(STATS_COLUMNS)
        return f"(SELECT {columns} FROM office_stats UNION ALL SELECT {columns} FROM office_stats_delta)"

    def rebuild_statistics(self) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", [STATS_LOCK])
            self._conn.execute("DELETE FROM office_stats_delta")
            super().rebuild_statistics()

    def _supersede(self, named: str, params: Sequence[Any] = ()) -> None:
        """A stored correction makes the record it names history, whichever arrived first: every
        record ``named`` (SQL giving the ids of the records just stored and of those they
        supersede) gets its newest correction; the statistics stop counting a record that was
        current."""
        self._conn.execute(
            f"""WITH named AS ({named}),
               latest AS (
                   SELECT DISTINCT ON (c.supersedes) c.supersedes, c.id
                   FROM office_supersessions c JOIN named n ON n.id = c.supersedes
                   JOIN office_record_ids i ON i.id = c.id
                   ORDER BY c.supersedes, c.finalised_at DESC),
               changed AS (
                   UPDATE office_records o SET superseded_by = l.id FROM latest l
                   WHERE o.id = l.supersedes AND o.superseded_by IS DISTINCT FROM l.id
                   RETURNING o.id),
               gone AS (
                   SELECT o.* FROM office_records o JOIN latest l ON l.supersedes = o.id
                   WHERE o.superseded_by IS NULL),
               uncounted AS (
                   INSERT INTO office_stats_delta ({", ".join(STATS_COLUMNS)})
                   {_stats_removed()}),
               items AS (
                   UPDATE office_record_items SET superseded = 1
                   WHERE record_id IN (SELECT id FROM changed) AND superseded = 0)
               UPDATE office_record_measures SET superseded = 1
               WHERE record_id IN (SELECT id FROM changed) AND superseded = 0""",
            list(params),
        )

    def add_conflicts(self, rows: Iterable[dict[str, Any]]) -> int:
        batch = [[r[c] for c in CONFLICT_COLUMNS] for r in rows]
        if not batch:
            return 0
        before = self._count("office_conflicts")
        self._put("office_conflicts", CONFLICT_COLUMNS, batch, ignore=True)
        return self._count("office_conflicts") - before

    def _count(self, table: str) -> int:
        row = self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def _record_out(self, row: dict[str, Any]) -> dict[str, Any]:
        row.pop("year", None)
        return row

    def record(self, record_id: str) -> dict[str, Any] | None:
        rows = self._rows(
            "SELECT r.* FROM office_records r JOIN office_record_ids i ON i.id = r.id AND i.year = r.year "
            "WHERE i.id = %s",
            [record_id],
        )
        return self._record_out(rows[0]) if rows else None

    def record_count(self) -> int:
        return self._count("office_record_ids")

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

    def review_choices(self) -> dict[str, list[str]]:
        def distinct(column: str) -> list[str]:
            return [
                str(v)
                for (v,) in self._conn.execute(
                    f"SELECT DISTINCT r.{column} FROM office_records r WHERE {CURRENT} "
                    f"AND r.{column} <> '' ORDER BY 1"
                )
            ]

        return {
            "district": distinct("district"),
            "inspector": distinct("inspector"),
            "form_id": distinct("form_id"),
        }

    # -- review, directories ----------------------------------------------------------------------------
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

    # -- publication -----------------------------------------------------------------------------------------
    def mark_published(self, rows: Iterable[tuple[str, str]], *, at: str, file_name: str) -> int:
        batch = [(rid, fp, at, file_name) for rid, fp in rows]
        if not batch:
            return 0
        before = self._count("office_publications")
        columns = ("record_id", "fingerprint", "published_at", "file_name")
        self._put("office_publications", columns, batch, ignore=True)
        return self._count("office_publications") - before


def _slices(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """``rows`` in lists of ``size`` (itertools.batched, which Python 3.11 lacks)."""
    it = iter(rows)
    while part := list(itertools.islice(it, size)):
        yield part


def _stats_added() -> str:
    """The summary's rows (STATS_COLUMNS) the records just stored add: the staged rows ``s`` of
    the ids ``kept``, their verdicts and import lags, their failed items and measures (one each
    per record, as the side tables keep them)."""
    keys = "substr(s.inspected_on, 1, 7), s.form_id, s.district, s.inspector"
    source = "office_staging s JOIN kept k ON k.id = s.id AND k.fingerprint = s.fingerprint"
    side = (
        "CROSS JOIN LATERAL (SELECT DISTINCT j.value FROM "
        "jsonb_array_elements_text(coalesce(s.{column}, '[]')::jsonb) j) v GROUP BY 1, 2, 3, 4, 5, 6"
    )
    return f"""SELECT {keys}, f.kind, f.value, count(*) FROM {source}
               CROSS JOIN LATERAL (VALUES ('verdict', s.verdict), ('lag', {POSTGRESQL.lag("s")}))
                   f(kind, value)
               GROUP BY 1, 2, 3, 4, 5, 6
               UNION ALL SELECT {keys}, 'item', v.value, count(*) FROM {source}
                   {side.format(column="items")}
               UNION ALL SELECT {keys}, 'measure', v.value, count(*) FROM {source}
                   {side.format(column="measures")}"""


def _stats_removed() -> str:
    """The summary's rows (STATS_COLUMNS, negative) of the current records ``gone`` (superseded
    now): their verdicts and import lags, and their failed items and measures as stored."""
    keys = "substr({a}.inspected_on, 1, 7), {a}.form_id, {a}.district, {a}.inspector"
    side = """UNION ALL SELECT {keys}, '{column}', i.{column}, -count(*) FROM office_record_{table} i
              JOIN gone g ON g.id = i.record_id WHERE i.superseded = 0 GROUP BY 1, 2, 3, 4, 5, 6"""
    return f"""SELECT {keys.format(a="g")}, f.kind, f.value, -count(*) FROM gone g
               CROSS JOIN LATERAL (VALUES ('verdict', g.verdict), ('lag', {POSTGRESQL.lag("g")}))
                   f(kind, value)
               GROUP BY 1, 2, 3, 4, 5, 6
               {side.format(keys=keys.format(a="i"), column="item", table="items")}
               {side.format(keys=keys.format(a="i"), column="measure", table="measures")}"""


def is_unique_violation(exc: BaseException) -> bool:
    return isinstance(exc, psycopg.errors.UniqueViolation)

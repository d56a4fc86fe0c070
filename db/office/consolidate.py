"""Move a district office's SQLite database into the city's (or province's) PostgreSQL one.

Idempotent: every row goes in insert-or-skip on its natural key, records through the store's own
import path (COPY, staging, insert-or-skip by id and fingerprint; a record held under the same id
with other content becomes a conflict, never an overwrite). Running it twice adds nothing and
writes nothing (not even an audit entry). One transaction: a failure leaves the city database as
it was. The district's file is only read.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from db.office.postgres import PostgresOfficeStore
from db.office.queries import RECORD_COLUMNS

# In foreign-key order. The trust lists are the root's own history: taken only when the city
# database holds no office yet or the same one (versions of two roots would collide).
TABLES = (
    "office_certificates",
    "office_revocations",
    "office_trust_lists",
    "office_requests",
    "office_devices",
    "office_bundles",
    "office_signer_certs",
    "office_record_pdfs",
    "office_conflicts",
    "office_attachments",
    "office_forms",
    "office_packages",
    "office_draws",
    "office_tasks",
    "office_task_inspectors",
    "office_decisions",
    "office_reference_files",
    "office_sites",
    "office_inspectors",
    "office_recusals",
    "office_publications",
    "office_paper_known",
    "office_paper_imports",
)
CHUNK = 20_000

Progress = Callable[[str, int], None]


def _columns(source: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in source.execute(f"PRAGMA table_info({table})")]


def _target_columns(store: PostgresOfficeStore, table: str) -> list[str]:
    rows = store._conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [str(r[0]) for r in rows]


def _copy_table(source: sqlite3.Connection, store: PostgresOfficeStore, table: str) -> int:
    """Insert-or-skip every row of ``table`` (the columns both sides have) via COPY into a
    temporary twin; returns how many rows were new."""
    have = set(_target_columns(store, table))
    columns = [c for c in _columns(source, table) if c in have]
    if not columns:
        return 0
    names = ", ".join(columns)
    conn = store._conn
    conn.execute(f"CREATE TEMP TABLE consolidate_{table} (LIKE {table}) ON COMMIT DROP")
    with conn.cursor() as cur, cur.copy(f"COPY consolidate_{table} ({names}) FROM STDIN") as copy:
        for row in source.execute(f"SELECT {names} FROM {table}"):
            copy.write_row(row)
    added = conn.execute(
        f"INSERT INTO {table} ({names}) SELECT {names} FROM consolidate_{table} ON CONFLICT DO NOTHING"
    ).rowcount
    conn.execute(f"DROP TABLE consolidate_{table}")
    return max(added, 0)


def _records(source: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    have = _columns(source, "office_records")
    names = [c for c in RECORD_COLUMNS if c in have]
    cursor = source.execute(f"SELECT {', '.join(names)} FROM office_records ORDER BY finalised_at, id")
    for row in cursor:
        record = dict(zip(names, row, strict=True))
        try:
            items = json.loads(record.get("failed") or "[]")
        except ValueError:
            items = []
        record["items"] = [str(i) for i in items] if isinstance(items, list) else []
        yield record


def consolidate(
    source: sqlite3.Connection,
    store: PostgresOfficeStore,
    *,
    at: str,
    device_id: str,
    actor: str = "",
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Copy the district office in ``source`` into ``store``; returns what was added per table."""
    office = source.execute(
        "SELECT name, root_sha256, root_pem, encrypted_key_pem, created_at FROM office WHERE id = 1"
    ).fetchone()
    if office is None:
        raise ValueError("not_office")
    added: dict[str, int] = {}
    with store.transaction():
        target = store.office()
        if target is None:
            store.create_office(
                name=office[0],
                root_sha256=office[1],
                root_pem=office[2],
                encrypted_key_pem=office[3],
                created_at=office[4],
            )
            added["office"] = 1
        same_root = target is None or target["root_sha256"] == office[1]
        for table in TABLES:
            if table == "office_trust_lists" and not same_root:
                continue
            if source.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is None:
                continue
            if table == "office_record_pdfs":  # after the records they belong to
                added["office_records"] = _copy_records(source, store, progress)
            added[table] = _copy_table(source, store, table)
            if progress is not None:
                progress(table, added[table])
        added["reviews"] = _copy_reviews(source, store)
        if any(added.values()):
            store.audit(
                at=at,
                device_id=device_id,
                actor=actor,
                action="consolidate",
                entity="office",
                entity_id=office[1],
                detail={"from": office[0], "added": {k: v for k, v in added.items() if v}},
            )
    return {
        "office": office[0],
        "root_sha256": office[1],
        "same_root": same_root,
        "added": added,
        "records": store.record_count(),
    }


def _copy_records(source: sqlite3.Connection, store: PostgresOfficeStore, progress: Progress | None) -> int:
    total = 0
    batch: list[dict[str, Any]] = []
    for record in _records(source):
        batch.append(record)
        if len(batch) >= CHUNK:
            total += store.add_records(batch)
            batch = []
            if progress is not None:
                progress("office_records", total)
    if batch:
        total += store.add_records(batch)
    return total


def _copy_reviews(source: sqlite3.Connection, store: PostgresOfficeStore) -> int:
    """Review decisions already taken in the district (approved / returned) reach the records
    still 'received' here; a decision taken here is never overwritten."""
    reviewed = source.execute(
        "SELECT id, fingerprint, review_status, review_reason FROM office_records "
        "WHERE review_status <> 'received'"
    ).fetchall()
    if not reviewed:
        return 0
    conn = store._conn
    conn.execute(
        "CREATE TEMP TABLE consolidate_reviews (id TEXT, fingerprint TEXT, status TEXT, reason TEXT) "
        "ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy("COPY consolidate_reviews FROM STDIN") as copy:
        for row in reviewed:
            copy.write_row(row)
    changed = conn.execute(
        """UPDATE office_records r SET review_status = c.status, review_reason = c.reason
           FROM consolidate_reviews c WHERE r.id = c.id AND r.fingerprint = c.fingerprint
           AND r.review_status = 'received'"""
    ).rowcount
    conn.execute("DROP TABLE consolidate_reviews")
    return max(changed, 0)

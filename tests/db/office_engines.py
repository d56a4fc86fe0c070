"""Helpers for running the office tests against both stores: a PostgreSQL office made from a
SQLite one (through `office consolidate`, the path a city takes), and a digest of its tables."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import psycopg

from db.connection import Stamp
from inspector_app.office import consolidation


def consolidated(source: Path, url: str) -> str:
    """The PostgreSQL database at ``url`` holding a copy of the office file ``source``."""
    consolidation.consolidate(source, url, clock=Stamp.utc_now)
    return url


def pg_tables(conn: psycopg.Connection[Any]) -> list[str]:
    """The office tables (partitions read through their parent) and the audit log."""
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
            "AND c.relname LIKE 'office%' AND c.relname <> 'office_migrations' ORDER BY c.relname"
        )
    ]


def pg_dump(url: str) -> str:
    """A digest of every office table: equal digests, nothing changed."""
    digest = hashlib.sha256()
    with psycopg.connect(url) as conn:
        for table in pg_tables(conn):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def pg_execute(url: str, sql: str, params: list[Any]) -> None:
    with psycopg.connect(url) as conn:
        conn.execute(sql, params)


def pg_select(url: str, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def pg_rows(url: str, table: str) -> dict[str, dict[str, Any]]:
    """A table's rows keyed by their first column, as the SQLite tests read theirs (without the
    partition key, which SQLite has not)."""
    from psycopg.rows import dict_row

    with psycopg.connect(url, row_factory=dict_row) as conn:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        row.pop("year", None)
        out[str(next(iter(row.values())))] = row
    return out

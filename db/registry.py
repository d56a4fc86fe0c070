"""Registries: sites, instruments, standards and tasks — insert, update, get, search.

The services validate; this module stores. Unique keys surface as `UniqueViolation` naming the
column, so the user can be told which field clashes.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from db import audit
from db.connection import Stamp, new_id
from db.errors import NotFound, UniqueViolation

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLES = ("sites", "instruments", "standards", "tasks")
# Columns searched by the registry pages' search box (LIKE, so two Chinese characters match).
SEARCH_COLUMNS = {
    "sites": ("name", "address", "district", "credit_code", "contact"),
    "instruments": ("kind", "maker", "model", "serial", "cert_no"),
    "standards": ("name", "kind", "serial", "cert_no"),
    "tasks": ("form_id", "note", "due_date"),
}
UNIQUE_COLUMNS = {"sites": "credit_code", "instruments": "serial", "standards": "serial"}


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"not a registry table: {table}")


def insert(db: Database, table: str, values: dict[str, Any], stamp: Stamp, *, actor: str = "") -> str:
    """Insert one row (id made here unless given) and its audit entry; returns the id."""
    _check_table(table)
    row = {
        "id": values.get("id") or new_id(),
        **values,
        "created_at": stamp.now,
        "updated_at": stamp.now,
        "device_id": stamp.device_id,
    }
    try:
        with db.atomic():
            db.table(table).insert(row)
            audit.append(
                db,
                stamp,
                actor=actor,
                action="create",
                entity=table,
                entity_id=row["id"],
                detail={k: v for k, v in values.items() if k != "id"},
            )
    except sqlite3.IntegrityError as exc:
        column = UNIQUE_COLUMNS.get(table, "id")
        if "UNIQUE" in str(exc):
            raise UniqueViolation(column, str(values.get(column, ""))) from exc
        raise
    return str(row["id"])


def update(
    db: Database, table: str, row_id: str, values: dict[str, Any], stamp: Stamp, *, actor: str = ""
) -> None:
    """Update the given columns of one row, with its audit entry; raises NotFound."""
    _check_table(table)
    try:
        with db.atomic():
            cur = db.execute(
                f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ? WHERE id = ?",
                [*values.values(), stamp.now, row_id],
            )
            if cur.rowcount == 0:
                raise NotFound(row_id)
            audit.append(
                db, stamp, actor=actor, action="update", entity=table, entity_id=row_id, detail=values
            )
    except sqlite3.IntegrityError as exc:
        column = UNIQUE_COLUMNS.get(table, "id")
        if "UNIQUE" in str(exc):
            raise UniqueViolation(column, str(values.get(column, ""))) from exc
        raise


def get(db: Database, table: str, row_id: str) -> dict[str, Any]:
    _check_table(table)
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    if not rows:
        raise NotFound(row_id)
    return rows[0]


def search(
    db: Database,
    table: str,
    *,
    text: str = "",
    where: dict[str, Any] | None = None,
    order_by: str = "updated_at DESC",
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Rows whose searchable columns contain ``text`` and whose columns equal ``where``."""
    _check_table(table)
    clauses, params = [], []
    if text:
        like = f"%{text}%"
        clauses.append("(" + " OR ".join(f"{c} LIKE ?" for c in SEARCH_COLUMNS[table]) + ")")
        params += [like] * len(SEARCH_COLUMNS[table])
    for column, value in (where or {}).items():
        clauses.append(f"{column} = ?")
        params.append(value)
    sql = f"SELECT * FROM {table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    if not all(part.strip().split(" ")[0] in _columns(db, table) for part in order_by.split(",")):
        raise ValueError(f"cannot order by {order_by!r}")
    sql += f" ORDER BY {order_by} LIMIT ?"
    return list(db.query(sql, [*params, limit]))


def _columns(db: Database, table: str) -> set[str]:
    return set(db[table].columns_dict)


def count(db: Database, table: str) -> int:
    _check_table(table)
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

"""The inspection list's queries: keys in display order, their count, rows a page at a time, and
the draft to reopen at start-up. Read-only, so they take the plain sqlite3 connection as well as
sqlite-utils' wrapper (`Reader`): the GUI's first screen reads through this module alone.
"""

from __future__ import annotations

from typing import Any

from db.connection import Reader, dict_rows

SORTABLE = ("started_at", "status", "form_id", "site_name", "verdict", "record_no", "instrument_label")
LIST_COLUMNS = (
    "id",
    "record_no",
    "status",
    "form_id",
    "site_name",
    "site_code",
    "instrument_label",
    "started_at",
    "verdict",
    "inspector",
)
# The record that corrects a row (finalised, not a draft), by number: one lookup per listed row in
# the partial index of migration 0007.
SUPERSEDED_BY = (
    "(SELECT c.record_no FROM inspections c WHERE c.supersedes = inspections.id "
    "AND c.status <> 'draft' LIMIT 1) AS superseded_by"
)
FTS_MIN_CHARS = 3  # trigram tokens: shorter queries fall back to LIKE


OPEN_DRAFT_SQL = (  # the partial index of migration 0006: its WHERE, verbatim; the planner would
    # rather scan every draft by status, so it is named
    "SELECT * FROM inspections INDEXED BY inspections_open_draft "
    "WHERE status = 'draft' AND json_extract(ui_state, '$.open') = 1 ORDER BY updated_at DESC LIMIT 1"
)


def open_draft(db: Reader) -> dict[str, Any] | None:
    """The most recently touched draft whose editor was open (ui_state.open), or None."""
    found = dict_rows(db.execute(OPEN_DRAFT_SQL))
    return found[0] if found else None


def _filters(*, search: str, status: str, form_id: str, verdict: str) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    text = search.strip()
    if text:
        if len(text) >= FTS_MIN_CHARS:
            clauses.append("rowid IN (SELECT rowid FROM inspections_fts WHERE inspections_fts MATCH ?)")
            params.append('"' + text.replace('"', '""') + '"')
        else:
            # One or two characters (a district, a short name) are too short for trigrams:
            # match the small sites table, then filter through the covering list index.
            clauses.append(  # "+site_id": walk the covering list index, not the site index
                "+site_id IN (SELECT id FROM sites WHERE name LIKE ? OR credit_code LIKE ? "
                "OR district LIKE ?)"
            )
            params += [f"%{text}%"] * 3
    for column, value in (("status", status), ("form_id", form_id), ("verdict", verdict)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(order_by: str, descending: bool) -> str:
    column = order_by if order_by in SORTABLE else "started_at"
    direction = "DESC" if descending else "ASC"
    # Ties by date, then rowid: the same order the (column, started_at) indexes hold, so SQLite
    # walks an index instead of sorting 200,000 rows.
    then = "" if column == "started_at" else f", started_at {direction}"
    return f" ORDER BY {column} {direction}{then}, rowid {direction}"


def list_keys(
    db: Reader,
    *,
    search: str = "",
    status: str = "",
    form_id: str = "",
    verdict: str = "",
    order_by: str = "started_at",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """Row keys (local rowids) in display order, filtered and sorted in SQL; the first ``limit``
    only if given (the first screen: the rest is read after it is painted).

    The list model holds only these: rowids come straight out of the covering list indexes, so
    200,000 of them cost tens of milliseconds (UUIDs would need a table lookup each). Rowids never
    leave the machine; every row still carries its UUID.
    """
    where, params = _filters(search=search, status=status, form_id=form_id, verdict=verdict)
    table = "inspections"
    if where and order_by == "started_at" and 0 < len(search.strip()) < FTS_MIN_CHARS:
        table += " INDEXED BY inspections_list"  # without statistics SQLite would pick a row scan
    sql = f"SELECT rowid FROM {table}{where}{_order(order_by, descending)}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [r[0] for r in db.execute(sql, params)]


def count(db: Reader, *, search: str = "", status: str = "", form_id: str = "", verdict: str = "") -> int:
    """How many inspections match (the list's row count before all its keys are read)."""
    where, params = _filters(search=search, status=status, form_id=form_id, verdict=verdict)
    return int(db.execute(f"SELECT count(*) FROM inspections{where}", params).fetchone()[0])


def rows_by_keys(db: Reader, keys: list[int]) -> dict[int, dict[str, Any]]:
    """List rows for a page of keys (the model fetches lazily, a page at a time)."""
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    columns = f"{', '.join(LIST_COLUMNS)}, {SUPERSEDED_BY}"
    sql = f"SELECT rowid, {columns} FROM inspections WHERE rowid IN ({marks})"
    return {r["rowid"]: r for r in dict_rows(db.execute(sql, keys))}


def list_rows(
    db: Reader,
    *,
    search: str = "",
    status: str = "",
    form_id: str = "",
    verdict: str = "",
    limit: int = 1000,
) -> list[dict[str, Any]]:
    where, params = _filters(search=search, status=status, form_id=form_id, verdict=verdict)
    columns = f"{', '.join(LIST_COLUMNS)}, {SUPERSEDED_BY}"
    sql = f"SELECT {columns} FROM inspections{where}{_order('started_at', True)} LIMIT ?"
    return dict_rows(db.execute(sql, [*params, limit]))


def count_by(db: Reader, column: str) -> dict[str, int]:
    if column not in ("status", "form_id", "verdict"):
        raise ValueError(column)
    return {
        str(k): int(n) for k, n in db.execute(f"SELECT {column}, count(*) FROM inspections GROUP BY {column}")
    }

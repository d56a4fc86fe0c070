"""A city or province on PostgreSQL: its schema (`office migrate`) and the consolidation of a
district office's SQLite database into it (`office consolidate`). docs/postgresql.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.services.errors import FieldError, ValidationFailed


def migrate(url: str) -> dict[str, Any]:
    """Apply the pending numbered migrations; returns those applied, the full list, the
    database's collation and a warning when it is not byte order (C): lists would sort otherwise
    than on a SQLite office, and imports are slower (docs/postgresql.md)."""
    from db.office import postgres, postgres_schema

    conn = postgres.connect(url)
    try:
        applied = postgres.migrate(conn)
        collation = postgres.collation(conn)
    finally:
        conn.close()
    warnings = [] if collation in postgres.BYTE_ORDER else ["collation_not_c"]
    return {
        "applied": applied,
        "migrations": postgres_schema.names(),
        "collation": collation,
        "warnings": warnings,
    }


def consolidate(
    source: Path,
    url: str,
    *,
    clock: Callable[[], str],
    actor: str = "",
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, Any]:
    """Copy the office database ``source`` (SQLite) into the PostgreSQL one at ``url``; running it
    again adds nothing. Raises ValidationFailed when ``source`` is not an office database."""
    from db.office import consolidate as engine
    from db.office.postgres import PostgresOfficeStore
    from inspector_app.services import open_services

    # Opened as the app opens it (its own migrations applied, with a backup first), then read.
    with open_services(source, create=False) as district:
        if district.office is None:
            raise ValidationFailed([FieldError("--from", "not_office", {})])
        store = PostgresOfficeStore(url)
        try:
            return engine.consolidate(
                district.conn,
                store,
                at=clock(),
                device_id=store.device_id(),
                actor=actor,
                progress=progress,
            )
        finally:
            store.close()

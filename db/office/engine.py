"""Which engine a --db argument names, decided without importing any driver (every start asks)."""

from __future__ import annotations


def is_url(value: object) -> bool:
    """A ``postgresql://`` (or ``postgres://``) URL names a PostgreSQL office database; anything
    else is a SQLite file. ``postgresql://`` alone takes host, user and database from the PG*
    environment variables, as libpq does."""
    return str(value).startswith(("postgresql:", "postgres:"))

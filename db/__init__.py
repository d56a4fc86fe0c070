"""The database layer: SQLite through sqlite-utils, the only place in the app that holds SQL.

Imports nothing of ours. Repository functions take a `Database`, keyword-only options, and return
plain rows (dicts); multi-step writes run in one transaction. Reads that the GUI's first screen
makes (`listing`, `kv.settings_all`, which migrations are applied) also take the plain sqlite3
connection (`connection.Reader`): sqlite-utils is imported only where a `Database` is made
(`connection.wrap`, db/store.py) or migrations are applied.
"""

from db.connection import Stamp, open_database
from db.errors import FrozenRecord, NotFound, UniqueViolation
from db.migrations import MIGRATIONS, migrate, schema_version

__all__ = [
    "MIGRATIONS",
    "FrozenRecord",
    "NotFound",
    "Stamp",
    "UniqueViolation",
    "migrate",
    "open_database",
    "schema_version",
]

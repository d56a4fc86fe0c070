"""Use cases shared by the GUI and the CLI, over one database; built by `open_services`.

Opening is cheap by design: the file is opened with plain sqlite3 and only checked (migrations
pending? device id made? an office?); each service, and with it sqlite-utils and the forms, is
built on first use over that same connection. The GUI's first screen reads the list and the
language only, so its first paint pays for neither (bench/startup.py, docs/performance.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import MIGRATIONS, Stamp, kv, migrate
from db.backup import backup_file_if_stale, backup_if_stale
from db.connection import BUSY_TIMEOUT_MS, connect, device_id, open_database, stored_device_id, wrap
from db.errors import StoreBusy
from db.office.engine import is_url
from db.office.sqlite import office_heading
from inspector_app import settings as settings_decl
from inspector_app.paths import default_db_path, in_data_dir
from inspector_app.services.listing import InspectionList

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.durability import WalFlusher
    from inspector_app.services.errors import DatabaseMissing, FieldError, RecordFrozen, ValidationFailed
    from inspector_app.services.inspections import InspectionService, LiveEvaluation
    from inspector_app.services.keys import KeyService
    from inspector_app.services.records import RecordService
    from inspector_app.services.registry import RegistryService
    from inspector_app.services.settings import SettingsService
    from inspector_app.sync.laptop import SyncService

__all__ = [
    "DatabaseMissing",
    "FieldError",
    "LiveEvaluation",
    "RecordFrozen",
    "Services",
    "StoreBusy",
    "ValidationFailed",
    "attach_office",
    "copy_database",
    "create_office",
    "is_url",
    "open_services",
    "retire_database",
]

_ERRORS = ("DatabaseMissing", "FieldError", "RecordFrozen", "ValidationFailed")


def __getattr__(name: str) -> object:
    """The errors and LiveEvaluation, imported when first asked for (the first screen needs none)."""
    if name in _ERRORS:
        from inspector_app.services import errors

        return getattr(errors, name)
    if name == "LiveEvaluation":
        from inspector_app.services.inspections import LiveEvaluation

        return LiveEvaluation
    raise AttributeError(name)


class Services:
    """Everything the GUI and the CLI need, wired to one database connection and one clock."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, *, clock: Callable[[], str] = Stamp.utc_now
    ) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.inspection_list = InspectionList(conn)
        self._office_db = False
        self.office_heading: tuple[str, str] | None = None  # (name, root SHA-256) in office mode
        self.office_url = ""  # a PostgreSQL office database (the app's own tables stay in ``conn``)
        self._flusher: WalFlusher | None = None

    @cached_property
    def office_store(self) -> Any:
        """The office store: the PostgreSQL database named by --db, else this SQLite file's."""
        if self.office_url:
            from db.office.postgres import PostgresOfficeStore

            return PostgresOfficeStore(self.office_url)
        from db.office.sqlite import SQLiteOfficeStore

        return SQLiteOfficeStore(self.db)

    def prepare(self, *, backup: bool = True) -> None:
        """Migrate (backing up first) if anything is pending, make the device id once, and the
        daily backup unless the caller makes it later (the GUI does, after its first paint)."""
        if MIGRATIONS.pending(self.conn):
            migrate(self.db, self.path)
        if stored_device_id(self.conn) is None:
            device_id(self.db)
        if backup and self.path is not None:
            backup_if_stale(self.conn, self.path)
        if self.office_url:
            office = self.office_store.office()
            self.office_heading = (str(office["name"]), str(office["root_sha256"])) if office else None
        else:
            self.office_heading = office_heading(self.conn)
        self._office_db = self.office_heading is not None

    def daily_backup(self) -> Path | None:
        """The daily backup through a connection of its own: safe on a worker thread."""
        return None if self.path is None else backup_file_if_stale(self.path)

    def language(self) -> str:
        """The interface language setting, read without building the settings service."""
        return settings_decl.resolve(kv.settings_all(self.conn))["language"]

    @property
    def office_mode(self) -> bool:
        """Opened on an office database: the app shows the office's pages."""
        return self._office_db

    @cached_property
    def office(self) -> Any:
        """The OfficeService (inspector_app.office.service) in office mode, else None."""
        return _office_service(self) if self._office_db else None

    @cached_property
    def db(self) -> Database:
        return wrap(self.conn, self.path or "")

    @cached_property
    def device_id(self) -> str:
        if self.office_url:  # the office database's own id, not this run's scratch file's
            return str(self.office_store.device_id())
        return device_id(self.db)

    def stamp(self) -> Stamp:
        return Stamp(device_id=self.device_id, now=self.clock())

    def actor(self) -> str:
        return self.settings.get("inspector_name")

    def team(self) -> list[dict[str, str]]:
        """Who inspects by default (the settings): this laptop's inspector, the lead, then the usual
        second inspector while one is named."""
        get = self.settings.get
        lead = {"name": get("inspector_name").strip(), "id_number": get("inspector_id").strip()}
        second = {"name": get("partner_name").strip(), "id_number": get("partner_id").strip()}
        return [lead, second] if second["name"] else [lead]

    def verifier(self) -> Any:
        """The verification source (pki.trust.Verifier) of this database."""
        from inspector_app.pki.source import laptop_verifier

        return self.office.verifier() if self.office is not None else laptop_verifier(self.db)

    @cached_property
    def settings(self) -> SettingsService:
        from inspector_app.services.settings import SettingsService

        return SettingsService(self.db, self.clock, self.office_store if self.office_url else None)

    @cached_property
    def registry(self) -> RegistryService:
        from inspector_app.services.registry import RegistryService

        return RegistryService(self.db, self.stamp, self.actor)

    @cached_property
    def inspections(self) -> InspectionService:
        from inspector_app.services.inspections import InspectionService

        return InspectionService(
            self.db,
            self.stamp,
            self.actor,
            self.settings.evaluation_defaults,
            self.flusher(),
            team=self.team,
        )

    def flusher(self) -> WalFlusher | None:
        """The thread that puts autosaves on the disk (db/durability.py), made on first use;
        none without a file."""
        if self._flusher is None and self.path is not None and not self.office_url:
            from db.durability import WalFlusher

            self._flusher = WalFlusher(self.path)
        return self._flusher

    @cached_property
    def records(self) -> RecordService:
        from inspector_app.services.records import RecordService

        return RecordService(self.db, self.stamp, self.settings, self.verifier)

    @cached_property
    def sync(self) -> SyncService:
        from inspector_app.sync.laptop import SyncService

        return SyncService(self.db, self.stamp, self.records, self.verifier)

    @cached_property
    def keys(self) -> KeyService:
        from inspector_app.services.keys import KeyService

        return KeyService(self.db, self.stamp)

    def close(self) -> None:
        if self._flusher is not None:
            self._flusher.close()
            self._flusher = None
        if self.office_url and "office_store" in self.__dict__:
            self.office_store.close()
        self.conn.close()


def _office_service(services: Services) -> Any:
    """The office's service over this database's office store (SQLite here; the composition root
    is the one place that picks an engine)."""
    from inspector_app.office.service import OfficeService

    return OfficeService(
        services.office_store,
        clock=services.clock,
        device_id=services.device_id,
        actor=lambda: services.settings.get("inspector_name"),
        setting=services.settings.get,
    )


def attach_office(services: Services) -> Any:
    """Switch the services to office mode over this database's office store."""
    services.office = _office_service(services)
    services._office_db = True
    services.office_heading = office_heading(services.conn)
    return services.office


def create_office(services: Services, *, name: str, passphrase: str) -> Any:
    """`office init`: make this database an office (root key, certificate, first trust list).

    Raises ValidationFailed if it already is one, or holds a laptop's finalised records.
    """
    from db.inspections import finalised_fingerprints
    from inspector_app.office.service import OfficeService
    from inspector_app.services.errors import FieldError, ValidationFailed

    if services.office is not None:
        raise ValidationFailed([FieldError("db", "already_office", {})])
    if finalised_fingerprints(services.db):
        raise ValidationFailed([FieldError("db", "laptop_database", {})])
    if not services.office_url and services.path is not None:
        from db.office.sqlite import use_office_pages

        use_office_pages(services.conn)  # a new office's pages: 64 KiB (docs/decisions.md)
    OfficeService.create(
        services.office_store,
        name=name,
        passphrase=passphrase,
        clock=services.clock,
        device_id=services.device_id,
    )
    return attach_office(services)


@contextmanager
def open_services(
    path: Path | str | None = None,
    *,
    create: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    clock: Callable[[], str] = Stamp.utc_now,
    backup: bool = True,
    local: Path | None = None,
) -> Iterator[Services]:
    """Open the database at ``path`` (default: the per-user one) and yield the services.

    A ``postgresql://`` URL opens an office database on a PostgreSQL server (docs/postgresql.md):
    the office's data live there; the app's own tables (settings, keys: a supervisor's signing
    key stays on the supervisor's desktop) in the SQLite file ``local`` (made when missing; the
    GUI passes the per-user database), else in a scratch in-memory database for this run.

    With ``create=False`` a missing file raises DatabaseMissing instead of becoming a new, empty
    database (a mistyped --db must not look like a sound, empty store). The per-user data folder
    is made owner-only. ``backup=False`` leaves the daily backup to the caller (`daily_backup`).
    """
    if path is not None and is_url(path):
        if local is not None and in_data_dir(local):
            from inspector_app.paths import ensure_private_dir

            ensure_private_dir(local.parent)
        conn = connect(local if local is not None else ":memory:", busy_timeout_ms=busy_timeout_ms)
        services = Services(conn, local, clock=clock)
        services.office_url = str(path)
        try:
            services.prepare(backup=False)
            yield services
        finally:
            services.close()
        return
    db_path = Path(path) if path else default_db_path()
    if not create and not db_path.is_file():
        from inspector_app.services.errors import DatabaseMissing

        raise DatabaseMissing(str(db_path))
    if in_data_dir(db_path):
        from inspector_app.paths import ensure_private_dir

        ensure_private_dir(db_path.parent)
    services = Services(connect(db_path, busy_timeout_ms=busy_timeout_ms), db_path, clock=clock)
    try:
        services.prepare(backup=backup)
        yield services
    finally:
        services.close()


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of a database, read without writing it (db.backup.copy_database)."""
    from db.backup import copy_database as copy

    return copy(source, target)


def retire_database(path: Path) -> Path:
    """Move an existing database out of the way (`demo --force`): a consistent copy is kept in
    its backups folder first, then the file and its journal are removed. Returns the copy."""
    from db.backup import make_backup

    db = open_database(path)
    try:
        kept = make_backup(db, path, reason="replaced")
    finally:
        db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return kept

"""Use cases shared by the GUI and the CLI, over one database; built by `open_services`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db import Stamp, migrate, open_database
from db.backup import backup_if_stale
from db.connection import BUSY_TIMEOUT_MS, device_id
from db.errors import StoreBusy
from db.office.sqlite import is_office
from inspector_app.paths import data_dir, default_db_path, ensure_private_dir
from inspector_app.services.errors import DatabaseMissing, FieldError, RecordFrozen, ValidationFailed
from inspector_app.services.inspections import InspectionService, LiveEvaluation
from inspector_app.services.keys import KeyService
from inspector_app.services.records import RecordService
from inspector_app.services.registry import RegistryService
from inspector_app.services.settings import SettingsService

__all__ = [
    "DatabaseMissing",
    "FieldError",
    "LiveEvaluation",
    "RecordFrozen",
    "Services",
    "StoreBusy",
    "ValidationFailed",
    "attach_office",
    "create_office",
    "open_services",
    "retire_database",
]


@dataclass
class Services:
    """Everything the GUI and the CLI need, wired to one database and one clock."""

    db: Database
    path: Path | None
    device_id: str
    registry: RegistryService
    inspections: InspectionService
    settings: SettingsService
    records: RecordService
    keys: KeyService
    sync: Any = None  # inspector_app.sync.laptop.SyncService
    office: Any = None  # inspector_app.office.service.OfficeService in office mode, else None
    clock: Callable[[], str] = Stamp.utc_now

    @property
    def office_mode(self) -> bool:
        """Opened on an office database: the app shows the office's pages."""
        return self.office is not None

    def verifier(self) -> Any:
        """The verification source (pki.trust.Verifier) of this database."""
        from inspector_app.pki.source import laptop_verifier

        return self.office.verifier() if self.office is not None else laptop_verifier(self.db)

    def close(self) -> None:
        self.db.close()


def build_services(db: Database, path: Path | None, *, clock: Callable[[], str] = Stamp.utc_now) -> Services:
    """Migrate (backing up first), make the daily backup, and wire the services."""
    migrate(db, path)
    if path is not None:
        backup_if_stale(db, path)
    device = device_id(db)
    settings = SettingsService(db, clock)

    def stamp() -> Stamp:
        return Stamp(device_id=device, now=clock())

    def actor() -> str:
        return settings.get("inspector_name")

    holder: list[Services] = []
    services = Services(
        db=db,
        path=path,
        device_id=device,
        registry=RegistryService(db, stamp, actor),
        inspections=InspectionService(db, stamp, actor, settings.evaluation_defaults),
        settings=settings,
        records=RecordService(db, stamp, settings, lambda: holder[0].verifier()),
        keys=KeyService(db, stamp),
        clock=clock,
    )
    holder.append(services)
    from inspector_app.sync.laptop import SyncService

    services.sync = SyncService(db, stamp, services.records, lambda: holder[0].verifier())
    if is_office(db):
        attach_office(services)
    return services


def attach_office(services: Services) -> Any:
    """Switch the services to office mode over this database's office store (SQLite here; the
    composition root is the one place that picks an engine)."""
    from db.office.sqlite import SQLiteOfficeStore
    from inspector_app.office.service import OfficeService

    services.office = OfficeService(
        SQLiteOfficeStore(services.db),
        clock=services.clock,
        device_id=services.device_id,
        actor=lambda: services.settings.get("inspector_name"),
    )
    return services.office


def create_office(services: Services, *, name: str, passphrase: str) -> Any:
    """`office init`: make this database an office (root key, certificate, first trust list).

    Raises ValidationFailed if it already is one, or holds a laptop's finalised records.
    """
    from db.inspections import finalised_fingerprints
    from db.office.sqlite import SQLiteOfficeStore
    from inspector_app.office.service import OfficeService

    if services.office is not None:
        raise ValidationFailed([FieldError("db", "already_office", {})])
    if finalised_fingerprints(services.db):
        raise ValidationFailed([FieldError("db", "laptop_database", {})])
    OfficeService.create(
        SQLiteOfficeStore(services.db),
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
) -> Iterator[Services]:
    """Open the database at ``path`` (default: the per-user one) and yield the services.

    With ``create=False`` a missing file raises DatabaseMissing instead of becoming a new, empty
    database (a mistyped --db must not look like a sound, empty store). The per-user data folder
    is made owner-only.
    """
    db_path = Path(path) if path else default_db_path()
    if not create and not db_path.is_file():
        raise DatabaseMissing(str(db_path))
    if db_path.parent == data_dir():
        ensure_private_dir(db_path.parent)
    services = build_services(open_database(db_path, busy_timeout_ms=busy_timeout_ms), db_path, clock=clock)
    try:
        yield services
    finally:
        services.close()


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

"""Use cases shared by the GUI and the CLI, over one database; built by `open_services`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db import Stamp, migrate, open_database
from db.backup import backup_if_stale
from db.connection import device_id
from inspector_app.paths import default_db_path
from inspector_app.services.errors import FieldError, RecordFrozen, ValidationFailed
from inspector_app.services.inspections import InspectionService, LiveEvaluation
from inspector_app.services.records import RecordService
from inspector_app.services.registry import RegistryService
from inspector_app.services.settings import SettingsService

__all__ = ["FieldError", "LiveEvaluation", "RecordFrozen", "Services", "ValidationFailed", "open_services"]


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

    return Services(
        db=db,
        path=path,
        device_id=device,
        registry=RegistryService(db, stamp, actor),
        inspections=InspectionService(db, stamp, actor, settings.evaluation_defaults),
        settings=settings,
        records=RecordService(db, stamp, settings),
    )


@contextmanager
def open_services(
    path: Path | str | None = None, *, clock: Callable[[], str] = Stamp.utc_now
) -> Iterator[Services]:
    """Open the database at ``path`` (default: the per-user one) and yield the services."""
    db_path = Path(path) if path else default_db_path()
    services = build_services(open_database(db_path), db_path, clock=clock)
    try:
        yield services
    finally:
        services.close()

"""Registry use cases (sites, instruments, standards): validate, then store in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db import NotFound, Stamp, UniqueViolation
from db import registry as repo
from inspector_app import registries
from inspector_app.services.errors import FieldError, ValidationFailed

if TYPE_CHECKING:
    from sqlite_utils import Database


class RegistryService:
    """Create, edit, find registry rows; every refusal names the field and the rule."""

    def __init__(self, db: Database, stamp: Callable[[], Stamp], actor: Callable[[], str]) -> None:
        self._db = db
        self._stamp = stamp
        self._actor = actor

    def _validated(self, table: str, values: dict[str, Any], *, partial: bool) -> dict[str, str]:
        clean, errors = registries.validate(table, values, partial=partial)
        if clean.get("site_id"):
            try:
                repo.get(self._db, "sites", clean["site_id"])
            except NotFound:
                errors.append(
                    (
                        "site_id",
                        "not_found",
                        {"value": clean["site_id"], "label_zh": "所属单位", "label_en": "Site"},
                    )
                )
        if errors:
            raise ValidationFailed([FieldError(f, c, p) for f, c, p in errors])
        if clean.get("instrument_id") == "":  # an optional reference is NULL, not ''
            clean["instrument_id"] = None  # type: ignore[assignment]
        return clean

    def _unique(self, table: str, exc: UniqueViolation) -> ValidationFailed:
        f = registries.field(table, exc.column)
        return ValidationFailed(
            [FieldError(exc.column, "duplicate", {"value": exc.value, "label_zh": f.zh, "label_en": f.en})]
        )

    def create(self, table: str, values: dict[str, Any]) -> str:
        """Store a new row; raises ValidationFailed (nothing stored) on any bad field."""
        clean = self._validated(table, values, partial=False)
        extra = {k: v for k, v in values.items() if k == "details"}
        try:
            return repo.insert(self._db, table, {**clean, **extra}, self._stamp(), actor=self._actor())
        except UniqueViolation as exc:
            raise self._unique(table, exc) from exc

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        """Change the given fields of one row; raises ValidationFailed, NotFound."""
        clean = self._validated(table, values, partial=True)
        if not clean:
            return
        try:
            repo.update(self._db, table, row_id, clean, self._stamp(), actor=self._actor())
        except UniqueViolation as exc:
            raise self._unique(table, exc) from exc

    def get(self, table: str, row_id: str) -> dict[str, Any]:
        return repo.get(self._db, table, row_id)

    def search(
        self, table: str, text: str = "", *, limit: int = 500, order_by: str = "updated_at DESC", **where: Any
    ) -> list[dict[str, Any]]:
        """Rows containing ``text`` in a searchable column and equal to ``where``."""
        return repo.search(self._db, table, text=text, where=where, limit=limit, order_by=order_by)

    def count(self, table: str) -> int:
        return repo.count(self._db, table)

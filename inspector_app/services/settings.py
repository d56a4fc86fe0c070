"""Settings use cases: read the resolved values, change one (validated), evaluator defaults."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from db import kv
from inspector_app import settings
from inspector_app.services.errors import FieldError, ValidationFailed

if TYPE_CHECKING:
    from sqlite_utils import Database


class SharedSettings(Protocol):
    """Settings kept by an office database on a server (db.office.postgres), not in this file."""

    def settings_all(self) -> dict[str, str]: ...

    def setting_put(self, key: str, value: str) -> None: ...


class SettingsService:
    def __init__(self, db: Database, now: Callable[[], str], shared: SharedSettings | None = None) -> None:
        """``shared``: where the settings live instead of ``db`` (an office on PostgreSQL)."""
        self._db = db
        self._now = now
        self._shared = shared

    def values(self) -> dict[str, str]:
        if self._shared is not None:
            return settings.resolve(self._shared.settings_all())
        return settings.resolve(kv.settings_all(self._db))

    def get(self, key: str) -> str:
        return self.values()[key]

    def set(self, key: str, value: str) -> None:
        """Store one setting; raises ValidationFailed naming it if the value is not allowed."""
        problem = settings.validate(key, value)
        if problem:
            s = settings.BY_KEY.get(key)
            params = {**problem[1], "label_zh": s.zh if s else key, "label_en": s.en if s else key}
            raise ValidationFailed([FieldError(key, problem[0], params)])
        if self._shared is not None:
            self._shared.setting_put(key, value)
            return
        kv.setting_put(self._db, key, value, now=self._now())

    def evaluation_defaults(self) -> dict[str, Any]:
        values = self.values()
        return {s.key: values[s.key] for s in settings.SETTINGS if s.evaluation_option}

    def language(self) -> str:
        return self.values()["language"]

    # Editor drafts: what a user typed but has not yet made valid survives a crash.
    def save_draft(self, key: str, value: str) -> None:
        kv.draft_put(self._db, key, value, now=self._now())

    def load_draft(self, key: str) -> str | None:
        return kv.draft_get(self._db, key)

    def clear_draft(self, key: str) -> None:
        kv.draft_delete(self._db, key)

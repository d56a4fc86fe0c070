"""Settings use cases: read the resolved values, change one (validated), evaluator defaults."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db import kv
from inspector_app import settings
from inspector_app.services.errors import FieldError, ValidationFailed

if TYPE_CHECKING:
    from sqlite_utils import Database


class SettingsService:
    def __init__(self, db: Database, now: Callable[[], str]) -> None:
        self._db = db
        self._now = now

    def values(self) -> dict[str, str]:
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

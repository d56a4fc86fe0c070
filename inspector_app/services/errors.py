"""Errors services raise for people: each names a field and a message code with parameters."""

from __future__ import annotations

from inspector_app.messages import FieldError

__all__ = ["FieldError", "RecordFrozen", "ValidationFailed"]


class ValidationFailed(Exception):
    """Input refused; ``errors`` lists every field at fault (nothing was written)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message("en") for e in errors))
        self.errors = errors


class RecordFrozen(Exception):
    """The inspection is finalised: a correction must be a new inspection that supersedes it."""


class DatabaseMissing(Exception):
    """No database file at ``path`` and the caller may not create one (a mistyped --db)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

"""What the store refuses, as exceptions the services translate into codes for people."""

from __future__ import annotations


class FrozenRecord(Exception):
    """A write touched a finalised inspection (or its readings): the store forbids it."""


class NotFound(Exception):
    """No row with that id."""


class UniqueViolation(Exception):
    """A unique key (credit code, instrument serial) already exists; ``column`` names it."""

    def __init__(self, column: str, value: str) -> None:
        super().__init__(f"{column}={value!r} exists")
        self.column = column
        self.value = value

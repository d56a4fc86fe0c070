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


class StoreBusy(Exception):
    """Another process holds the database's write lock past the busy timeout; ``holders`` says
    who, as far as the operating system tells ('pid 4242 (sqlite3 inspector.sqlite)')."""

    def __init__(self, path: str, holders: list[str]) -> None:
        super().__init__(f"{path} is locked by {', '.join(holders) or 'another program'}")
        self.path = path
        self.holders = holders

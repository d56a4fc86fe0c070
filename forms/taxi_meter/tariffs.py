"""Taxi tariffs as data: one TOML file per city, with periods and their effective dates.

Tariffs are set by local price authorities, never by JJG 517 (taxi_meter.md §3.1), so the app
ships no real tariff in code: adding a city is adding one file to this folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TARIFF_DIR = Path(__file__).with_name("tariffs")


@dataclass(frozen=True)
class Tariff:
    id: str
    city_zh: str
    city_en: str
    example: bool
    periods: tuple[dict[str, Any], ...]

    def period_on(self, day: str) -> dict[str, Any] | None:
        """The period in force on an ISO date (YYYY-MM-DD), or None."""
        for period in self.periods:
            start = period.get("effective_from", "")
            end = period.get("effective_to", "")
            if start <= day and (not end or day <= end):
                return period
        return None


def tariff_from_text(text: str) -> Tariff:
    """One tariff file's content (shipped, or sent by the office); raises tomllib.TOMLDecodeError
    or KeyError when it is not a tariff."""
    data = tomllib.loads(text)
    return Tariff(
        id=data["id"],
        city_zh=data.get("city_zh", ""),
        city_en=data.get("city_en", ""),
        example=bool(data.get("example", False)),
        periods=tuple(data.get("periods", [])),
    )


def load_tariffs(folder: Path = TARIFF_DIR) -> dict[str, Tariff]:
    tariffs = {}
    for path in sorted(folder.glob("*.toml")):
        tariff = tariff_from_text(path.read_text(encoding="utf-8"))
        tariffs[tariff.id] = tariff
    return tariffs

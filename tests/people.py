"""The enforcement officers of test inspections: an inspection is made by two (the law asks for
two; a record names and is signed by both), so test laptops name a usual second inspector."""

from __future__ import annotations

from typing import Any

SECOND = {"name": "王强", "id_number": "渝执 50012388"}


def pair(services: Any, second: dict[str, str] = SECOND) -> Any:
    """Name the laptop's usual second inspector (new inspections take them); returns the services."""
    services.settings.set("partner_name", second["name"])
    services.settings.set("partner_id", second["id_number"])
    return services

"""An office and its laptops on real database files, for the PKI and sync tests.

Records are made the way an inspector makes them: a draft through the services, then finalised
with the laptop's key (real signature, real PDF).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from inspector_app import credit_code
from inspector_app.readings import flatten
from inspector_app.services import Services, create_office, open_services
from tests.forms.helpers import answered

OFFICE_PASS = "office-root-passphrase"
LAPTOP_PASS = "laptop-passphrase-1"
OFFICE_NAME = "重庆市渝中区市场监督管理局"
CODE = "91500103MA5U7XY1P" + credit_code.check_character("91500103MA5U7XY1P")
SCALE = {
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [
        {"load": "100", "indication": "100", "added": "1.5"},
        {"load": "15000", "indication": "15010", "added": "0.5"},
    ],
    "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
    "checklist": answered("scale"),  # every item answered: finalising needs them all
}


@contextlib.contextmanager
def office(path, **kwargs) -> Iterator[Services]:
    with open_services(path, **kwargs) as services:
        if services.office is None:
            create_office(services, name=OFFICE_NAME, passphrase=OFFICE_PASS)
        yield services


@contextlib.contextmanager
def laptop(path, name: str = "王检查", id_number: str = "渝执 50000001", **kwargs) -> Iterator[Services]:
    with open_services(path, **kwargs) as services:
        if not services.records.identities():
            services.settings.set("inspector_name", name)
            services.records.create_identity(
                name=name, id_number=id_number, office=OFFICE_NAME, passphrase=LAPTOP_PASS
            )
        yield services


def site(services: Services) -> str:
    found = services.registry.search("sites", credit_code=CODE)
    if found:
        return str(found[0]["id"])
    return str(
        services.registry.create(
            "sites", {"name": "解放碑农贸市场", "credit_code": CODE, "district": "渝中区"}
        )
    )


def finalise(services: Services, *, serial: str = "SC-0001", readings: dict | None = None) -> str:
    """One signed scale record; returns its inspection id."""
    site_id = site(services)
    found = services.registry.search("instruments", serial=serial)
    instrument = (
        found[0]["id"]
        if found
        else services.registry.create(
            "instruments", {"site_id": site_id, "kind": "scale", "serial": serial, "maker": "凯丰"}
        )
    )
    iid = services.inspections.start(
        form_id="scale", site_id=site_id, instrument_id=instrument, readings=flatten(readings or SCALE)
    )
    services.inspections.finalise(iid, sealer=services.records.sealer(LAPTOP_PASS))
    return iid


def enrol(office_services: Services, laptop_services: Services, *, role: str = "inspector", name: str = ""):
    """The laptop's key request, enrolled by the office; returns the Issued certificate."""
    pem = laptop_services.keys.request(LAPTOP_PASS, name=name)
    office_service = office_services.office
    request = office_service.read_request(pem.encode())
    return office_service.enrol(request, role=role, root=office_service.unlock(OFFICE_PASS))

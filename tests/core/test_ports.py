"""The screens' ports (inspector_app/services/ports.py) are what the services offer: every method
a port names exists on its service with the same parameters (names, kinds, defaults), so a page
typed with a port can be handed the service. mypy checks the same at the composition root; this
also catches a port left behind when a service's signature changes."""

from __future__ import annotations

import inspect
from typing import Protocol

import pytest

from inspector_app.office.service import OfficeService
from inspector_app.services import Services, ports
from inspector_app.services.inspections import InspectionService
from inspector_app.services.keys import KeyService
from inspector_app.services.records import RecordService
from inspector_app.services.registry import RegistryService
from inspector_app.services.settings import SettingsService
from inspector_app.sync.laptop import SyncService

SERVED_BY = {
    ports.Registers: RegistryService,
    ports.SettingReader: SettingsService,
    ports.FormDrafts: SettingsService,
    ports.SettingsEditing: SettingsService,
    ports.TaskStarting: InspectionService,
    ports.Evidence: InspectionService,
    ports.DraftEditing: InspectionService,
    ports.Sealing: RecordService,
    ports.Signers: RecordService,
    ports.Verifying: RecordService,
    ports.IdentityMaking: RecordService,
    ports.KeyKeeping: KeyService,
    ports.LaptopSync: SyncService,
    ports.InspectionStarting: InspectionService,
    ports.StartingServices: Services,
    ports.EvidenceServices: Services,
    ports.DraftServices: Services,
    ports.Unlocking: OfficeService,
    ports.Enrolling: OfficeService,
    ports.ConflictResolving: OfficeService,
    ports.Packaging: OfficeService,
    ports.Importing: OfficeService,
    ports.Drawing: OfficeService,
    ports.Reviewing: OfficeService,
    ports.Counting: OfficeService,
    ports.CreditListing: OfficeService,
    ports.Publishing: OfficeService,
    ports.PaperScanning: OfficeService,
}


def members(port: type) -> dict[str, inspect.Signature | None]:
    """The methods (with their signatures) and properties (None) a port declares, its own and
    those of the ports it extends."""
    out: dict[str, inspect.Signature | None] = {}
    for klass in reversed(port.__mro__):
        if klass in (object, Protocol) or not getattr(klass, "_is_protocol", False):
            continue
        for name, value in vars(klass).items():
            if inspect.isfunction(value) and not name.startswith("_"):
                out[name] = inspect.signature(value)
            elif isinstance(value, property):
                out[name] = None
    return out


def shape(signature: inspect.Signature) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


def test_every_port_is_listed():
    declared = {
        value
        for value in vars(ports).values()
        if isinstance(value, type)
        and getattr(value, "_is_protocol", False)
        and value.__module__ == ports.__name__
    }
    assert declared == set(SERVED_BY)


@pytest.mark.parametrize("port", list(SERVED_BY), ids=lambda p: p.__name__)
def test_the_service_offers_every_method_of_its_port(port):
    service = SERVED_BY[port]
    wanted = members(port)
    assert wanted, f"{port.__name__} declares nothing"
    for name, signature in wanted.items():
        offered = getattr(service, name, None)
        assert offered is not None, f"{service.__name__} has no {name} ({port.__name__} needs it)"
        if signature is None:  # a property: the service has it as an attribute it computes
            assert not callable(offered) or isinstance(offered, property), f"{service.__name__}.{name}"
            continue
        assert callable(offered), f"{service.__name__}.{name} is not a method"
        assert shape(inspect.signature(offered)) == shape(signature), f"{service.__name__}.{name}"

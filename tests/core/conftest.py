"""Core test fixtures shared by several files."""

from __future__ import annotations

import pytest

from inspector_app.readings import flatten
from inspector_app.services import open_services
from tests.core.test_records import CHECKS, CODE, PASSPHRASE
from tests.people import pair


@pytest.fixture
def scale_draft(tmp_path):
    """A laptop with a key (PASSPHRASE) and one complete scale draft: (services, inspection id)."""
    with open_services(tmp_path / "draft.sqlite") as s:
        pair(s)
        s.records.create_identity(name="王检查", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
        site = s.registry.create("sites", {"name": "集贸市场", "credit_code": CODE})
        inst = s.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S1"})
        iid = s.inspections.start(
            form_id="scale", site_id=site, instrument_id=inst, readings=flatten(CHECKS["scale"])
        )
        yield s, iid

"""`set_readings` says what a write changed (issue 9 §2), so the screen redraws only that: the
reading paths whose stored value changed and the top-level results whose values did."""

from __future__ import annotations

import pytest

from inspector_app.services import open_services
from tests.core.test_records import CODE


@pytest.fixture
def lot(tmp_path):
    """A 10-package net-content draft (mass, Qn 500 g, a lot of 50: n = 10): (services, id)."""
    with open_services(tmp_path / "changes.sqlite") as s:
        site = s.registry.create("sites", {"name": "包装厂", "credit_code": CODE})
        readings = {"quantity": "mass", "nominal": "500", "lot_size": "50"}
        readings.update({f"samples[{i}].net": "501.0" for i in range(10)})
        iid = s.inspections.start(
            form_id="net_content", site_id=site, lot={"product": "糖"}, readings=readings
        )
        s.inspections.set_readings(iid, {})
        yield s, iid


def test_a_changed_reading_names_itself_and_the_results_it_moved(lot):
    services, iid = lot
    live = services.inspections.set_readings(iid, {"samples[3].net": "497.0"})
    assert live.changes.readings == {"samples[3].net"}
    assert {"packages", "net", "mean"} <= live.changes.results
    assert not {"t", "two_t", "sample_size", "k1"} & live.changes.results  # unmoved


def test_a_value_written_again_changes_nothing(lot):
    services, iid = lot
    services.inspections.set_readings(iid, {"samples[3].net": "497.0"})
    live = services.inspections.set_readings(iid, {"samples[3].net": "497.0", "samples[4].net": "501.0"})
    assert live.changes.readings == frozenset() and live.changes.results == frozenset()


def test_a_cleared_reading_and_a_new_nominal_are_changes(lot):
    services, iid = lot
    live = services.inspections.set_readings(iid, {"samples[9].net": "", "nominal": "450"})
    assert live.changes.readings == {"samples[9].net", "nominal"}
    assert {"t", "packages"} <= live.changes.results  # T follows Qn (net_content.md §B.3)

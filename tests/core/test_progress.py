"""Each step's state for the wizard's step list (issue 9 §3): not begun, done, missing, failed,
undecided — computed from real drafts through the inspection service."""

from __future__ import annotations

import copy

import pytest

from inspector_app.progress import (
    DONE,
    EMPTY,
    FAILED,
    INCONCLUSIVE,
    INVALID,
    MISSING,
    item_step,
    step_states,
)
from inspector_app.readings import flatten
from inspector_app.services import open_services
from tests.core.test_records import CHECKS, CODE
from tests.people import pair


@pytest.fixture
def services(tmp_path):
    with open_services(tmp_path / "progress.sqlite") as s:
        pair(s)
        s.site = s.registry.create("sites", {"name": "观音桥农贸市场", "credit_code": CODE})
        yield s


def states(services, form_id: str, data: dict) -> dict[str, str]:
    iid = services.inspections.start(form_id=form_id, site_id=services.site, readings=flatten(data))
    live = services.inspections.set_readings(iid, {})
    defn = services.inspections.definition_of(iid)
    return {s.step_id: s.state for s in step_states(defn, live.readings, live.as_json())}


def test_a_scale_with_only_its_data_marks_the_rest_missing_or_not_begun(services):
    got = states(services, "scale", {"accuracy_class": "III", "max": "15000", "e": "5"})
    assert got["identification"] == DONE
    assert got["checklist"] == MISSING  # every item must be answered
    assert got["weighings"] == MISSING  # below the minimum content: no weighing at or above Min
    assert got["eccentricity"] == EMPTY and got["price"] == EMPTY
    assert got["summary"] == MISSING


def test_a_complete_passing_scale_marks_its_steps_done(services):
    got = states(services, "scale", CHECKS["scale"])
    assert got["identification"] == got["checklist"] == got["weighings"] == got["price"] == DONE
    assert got["zero"] == DONE and got["eccentricity"] == EMPTY
    assert got["summary"] == DONE


def test_a_failing_row_marks_its_step_failed_and_only_that_step(services):
    data = copy.deepcopy(CHECKS["scale"])
    data["weighings"][1]["indication"] = "15050"  # E = +50 g against MPE 15 g (in service)
    got = states(services, "scale", data)
    assert got["weighings"] == FAILED
    assert got["price"] == DONE and got["summary"] == FAILED


def test_a_failed_checklist_answer_marks_the_checklist_failed(services):
    data = copy.deepcopy(CHECKS["scale"])
    data["checklist"]["seal"] = False
    assert states(services, "scale", data)["checklist"] == FAILED


def test_repeatability_of_a_flow_point_belongs_to_the_indication_error_step(services):
    data = copy.deepcopy(CHECKS["fuel_dispenser"])
    runs = data["flow_points"][0]["runs"]
    runs[0]["v_b"], runs[2]["v_b"] = "49.85", "50.02"  # errors spread: E_r above 0.10 %
    iid = services.inspections.start(form_id="fuel_dispenser", site_id=services.site, readings=flatten(data))
    live = services.inspections.set_readings(iid, {}).as_json()
    assert "repeatability" in live["failed"]
    defn = services.inspections.definition_of(iid)
    assert item_step(defn, "repeatability", live["results"]) == "indication_error"
    got = {s.step_id: s for s in step_states(defn, {}, live)}
    assert got["indication_error"].state == FAILED and "repeatability" in got["indication_error"].failed
    assert got["payment"].state == EMPTY  # no readings given to step_states: nothing begun


def test_an_undecided_weighing_marks_its_step_inconclusive(services):
    data = copy.deepcopy(CHECKS["scale"])
    for w in data["weighings"]:
        w.pop("added")
    data["weighings"][1]["indication"] = "15015"  # |E| = 15 = MPE: neither clear pass nor clear fail
    got = states(services, "scale", data)
    assert got["weighings"] == INCONCLUSIVE


def test_taxi_items_are_judged_in_their_own_steps(services):
    iid = services.inspections.start(
        form_id="taxi_meter", site_id=services.site, readings=flatten(CHECKS["taxi_meter"])
    )
    defn = services.inspections.definition_of(iid)
    assert item_step(defn, "distance_error", {}) == "distance"
    assert item_step(defn, "time_error", {}) == "time"
    assert item_step(defn, "fare", {}) == "fare"
    assert item_step(defn, "seals", {}) == "checklist"
    live = services.inspections.set_readings(iid, {})
    got = {s.step_id: s.state for s in step_states(defn, live.readings, live.as_json())}
    assert got["distance"] == FAILED  # 1000 m shown on 974 m: +2.7 %, above +1 %
    assert got["fare"] == DONE


def test_a_refused_reading_marks_its_step_invalid_and_names_it(services):
    """A comma in a weighing (scale.md: a reading is a number with a point): the step holds input
    that cannot stand, never "done"; the summary too; every refused cell is named, not only the
    first the evaluation stopped at."""
    data = copy.deepcopy(CHECKS["scale"])
    data["weighings"][1]["indication"] = "15,010"
    data["price"][0]["displayed"] = "abc"
    iid = services.inspections.start(form_id="scale", site_id=services.site, readings=flatten(data))
    live = services.inspections.set_readings(iid, {})
    defn = services.inspections.definition_of(iid)
    got = {s.step_id: s for s in step_states(defn, live.readings, live.as_json(), live.error)}
    assert got["weighings"].state == INVALID and got["price"].state == INVALID
    assert [e.field for e in got["weighings"].invalid] == ["weighings[1].indication"]
    assert got["weighings"].invalid[0].code == "decimal_comma"
    assert [e.field for e in got["price"].invalid] == ["price[0].displayed"]
    assert got["identification"].state == DONE
    assert got["summary"].state == INVALID and len(got["summary"].invalid) == 2

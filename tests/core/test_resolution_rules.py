"""A reading finer than its instrument can show is refused by one rule in the core (issue 9 §1):
`evaluate` exits 2 naming the field and the step, and the services (the GUI's path) refuse the
same cell with the same words. A value exactly on the step is taken. Each rule cites its section.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from inspector_app.evaluation import evaluate_text
from inspector_app.messages import bilingual
from inspector_app.readings import flatten
from inspector_app.services import open_services
from tests.core.test_records import CODE
from tests.forms.helpers import answered
from tests.people import pair

FUEL = {
    "form": "fuel_dispenser",
    "fuel": "gasoline",
    "measure_material": "stainless_steel",
    "flow_points": [{"runs": [{"v_j": "50.00", "v_b": "49.93", "t_j": "22.4", "t_b": "22.0"}]}],
    "payment": [{"unit_price": "7.86", "volume": "35.47", "amount": "278.79"}],
}
SCALE = {
    "form": "scale",
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "d": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [{"load": "100", "indication": "100", "added": "1.5"}],
    "repeatability": {"load": "15000", "runs": [{"indication": "15005", "added": "2.0"} for _ in range(3)]},
    "eccentricity": {"load": "5000", "positions": [{"indication": "5000", "added": "2.5"}]},
    "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
}
TAXI = {"form": "taxi_meter", "distance_tests": [{"meter_m": "1000", "reference_m": "1006"}]}

# (check, path, on the step, finer than the step, the step as the message gives it, the spec)
CASES = [
    (FUEL, "flow_points[0].runs[0].v_j", "50.15", "50.151", "0.01 L", "fuel_dispenser.md §2.2 step 4"),
    (FUEL, "flow_points[0].runs[0].v_b", "49.931", "49.9305", "0.001 L", "fuel_dispenser.md §2.5"),
    (FUEL, "flow_points[0].runs[0].t_j", "22.5", "22.45", "0.1 °C", "fuel_dispenser.md §2.5"),
    (FUEL, "payment[0].volume", "35.47", "35.475", "0.01 L", "fuel_dispenser.md §2.2 step 4"),
    (FUEL, "payment[0].amount", "278.80", "278.795", "0.01 元", "fuel_dispenser.md §2.5"),
    (SCALE, "weighings[0].indication", "105", "101", "5 g", "scale.md §A.4: I as displayed"),
    (SCALE, "weighings[0].added", "1.0", "1.3", "0.5 g", "scale.md §A.4: ΔL to 0.1e"),
    (SCALE, "zero.indication", "55", "52", "5 g", "scale.md §A.4"),
    (SCALE, "zero.added", "2.5", "2.2", "0.5 g", "scale.md §A.2 step 5: 0.1e small weights"),
    (SCALE, "repeatability.runs[1].added", "0.5", "0.25", "0.5 g", "scale.md §A.4"),
    (SCALE, "eccentricity.positions[0].indication", "5005", "5002", "5 g", "scale.md §A.4"),
    (SCALE, "price[0].weight_kg", "1.240", "1.2375", "0.005 kg", "scale.md §A.2 step 11, §A.4"),
    (SCALE, "price[0].displayed", "15.80", "15.805", "0.01 元", "README Scale: the price interval"),
    (TAXI, "distance_tests[0].meter_m", "1001", "1000.5", "1 m", "taxi_meter.md §3.5"),
    (TAXI, "distance_tests[0].reference_m", "990.1", "990.06", "0.1 m", "taxi_meter.md §3.5"),
]
IDS = [f"{case[0]['form']}:{case[1]}" for case in CASES]


def put(check: dict[str, Any], path: str, value: str) -> dict[str, Any]:
    """A copy of ``check`` with the value at a reading path replaced."""
    out = copy.deepcopy(check)
    node: Any = out
    parts = path.replace("]", "").replace("[", ".").split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    node[parts[-1]] = value
    return out


def refusal(check: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return evaluate_text(json.dumps(check))


@pytest.mark.parametrize(("check", "path", "good", "bad", "step", "source"), CASES, ids=IDS)
def test_evaluate_takes_a_value_on_the_step_and_refuses_a_finer_one(check, path, good, bad, step, source):
    code, out = refusal(put(check, path, good))
    assert code == 0, (source, out)
    code, out = refusal(put(check, path, bad))
    assert code == 2, (source, out)
    assert out["error"]["field"] == path
    assert out["error"]["code"] == "finer_than_resolution"
    assert f"{bad} 比分度值 {step} 更细" in out["error"]["message"]
    assert f"finer than the step {step}" in out["error"]["message"]


def test_the_step_follows_d_or_e_and_the_price_interval():
    """scale.md §A.4: I a multiple of d — or of e where d is not given —, ΔL of 0.1e; the displayed
    amount a multiple of the price interval (README "Scale"), 0.01 元 when none is given."""
    no_d = {k: v for k, v in SCALE.items() if k != "d"}
    e10 = {**no_d, "e": "10", "zero": {"load": "100", "indication": "100", "added": "4"}}
    e10 = {**e10, "weighings": [{"load": "200", "indication": "210", "added": "1"}]}
    e10 = {k: v for k, v in e10.items() if k not in ("repeatability", "eccentricity", "price")}
    assert refusal(e10)[0] == 0
    code, out = refusal(put(e10, "weighings[0].indication", "205"))  # a multiple of 5, not of e = 10
    assert (code, out["error"]["field"]) == (2, "weighings[0].indication") and "10 g" in out["error"][
        "message"
    ]
    code, out = refusal(put(e10, "weighings[0].added", "0.5"))  # 0.1e = 1 g
    assert (code, out["error"]["field"]) == (2, "weighings[0].added") and "1 g" in out["error"]["message"]
    d1 = {**e10, "d": "1", "weighings": [{"load": "200", "indication": "203", "added": "1"}]}
    assert refusal(d1)[0] == 0  # d = 1 g: 203 is an indication the scale can show
    interval = put(SCALE, "price[0].displayed", "15.80")
    interval["price"][0]["interval"] = "0.05"
    assert refusal(interval)[0] == 0
    code, out = refusal(put(interval, "price[0].displayed", "15.81"))
    assert (code, out["error"]["field"]) == (2, "price[0].displayed") and "0.05 元" in out["error"]["message"]


@pytest.fixture
def services(tmp_path):
    with open_services(tmp_path / "rules.sqlite") as s:
        yield pair(s)


def draft(services, check: dict[str, Any]) -> str:
    form_id = check["form"]
    site = services.registry.create("sites", {"name": "测试单位", "credit_code": CODE})
    inst = services.registry.create("instruments", {"site_id": site, "kind": form_id, "serial": "R-1"})
    readings = {k: v for k, v in check.items() if k != "form"}
    readings["checklist"] = answered(form_id)
    return services.inspections.start(
        form_id=form_id, site_id=site, instrument_id=inst, readings=flatten(readings)
    )


@pytest.mark.parametrize(("check", "path", "good", "bad", "step", "source"), CASES, ids=IDS)
def test_the_services_refuse_the_same_cell_with_the_same_words(
    services, check, path, good, bad, step, source
):
    """The live evaluation of a draft (what the GUI shows beside the cell) stops at the same field
    with the same rule as `evaluate`; the value on the step is taken."""
    iid = draft(services, check)
    live = services.inspections.set_readings(iid, {path: good})
    assert live.error is None, (source, live.error)
    live = services.inspections.set_readings(iid, {path: bad})
    assert live.error is not None and (live.error.field, live.error.code) == (path, "finer_than_resolution")
    _code, out = refusal(put(check, path, bad))
    expected = bilingual(path, "finer_than_resolution", live.error.params)
    assert out["error"]["message"] == expected  # word for word, field label included

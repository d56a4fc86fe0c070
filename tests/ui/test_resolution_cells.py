"""A value typed into a grid cell finer than the instrument can show is marked with the message
`evaluate` gives for the same reading (issue 9 §1: the rule lives in the core, not the widget)."""

from __future__ import annotations

import json

import pytest

from inspector_app.evaluation import evaluate_text
from inspector_app.readings import flatten
from tests.ui.drive import click_cell, enter, open_window, start, step_of

SCALE = {"accuracy_class": "III", "max": "15000", "e": "5", "d": "5"}
FUEL = {"fuel": "gasoline", "measure_material": "stainless_steel"}


def evaluate_says(check: dict) -> str:
    """The rule part of `evaluate`'s Chinese message (after the field's name)."""
    code, out = evaluate_text(json.dumps(check))
    assert code == 2 and out["error"]["code"] == "finer_than_resolution"
    return out["error"]["message"].split(" / ")[0].split("：", 1)[1]


@pytest.mark.parametrize(
    ("form_id", "fixed", "step_id", "cells", "check"),
    [
        # scale.md §A.4: ΔL to 0.1e (0.5 g with e = 5 g); I as displayed, a multiple of d
        (
            "scale",
            SCALE,
            "weighings",
            [(0, 0, "100"), (0, 1, "100"), (0, 2, "1.3")],
            {**SCALE, "weighings": [{"load": "100", "indication": "100", "added": "1.3"}]},
        ),
        (
            "scale",
            SCALE,
            "weighings",
            [(0, 0, "100"), (0, 1, "101")],
            {**SCALE, "weighings": [{"load": "100", "indication": "101"}]},
        ),
        # fuel_dispenser.md §2.2 step 4: V_J to 0.01 L
        (
            "fuel_dispenser",
            FUEL,
            "indication_error",
            [(0, 0, "1"), (0, 2, "49.93"), (0, 1, "50.151")],
            {**FUEL, "flow_points": [{"runs": [{"v_j": "50.151", "v_b": "49.93"}]}]},
        ),
    ],
    ids=["scale-added", "scale-indication", "fuel-v_j"],
)
def test_a_finer_value_typed_shows_evaluates_message(services, qtbot, form_id, fixed, step_id, cells, check):
    window = open_window(qtbot, services, start(services, form_id, readings=flatten(fixed)))
    step = step_of(window, step_id)
    for row, column, text in cells:
        click_cell(qtbot, step.grid, row, column)
        enter(qtbot, text)
    row, column, text = cells[-1]
    click_cell(qtbot, step.grid, row, column)  # back on the refused cell: its reason is the status
    expected = evaluate_says({"form": form_id, **check})
    assert text in expected
    assert expected in step.model.problems[(row, column)]
    assert expected in step.status.text()

"""The demonstration data obeys the rules a real inspection does (issue 9 §1): every reading is one
the instrument can show — V_J to 0.01 L, I a multiple of d, ΔL of 0.1e (scale.md §A.4), W as the
scale shows it —, so a supervisor checking a printed table by hand finds its arithmetic right."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

import forms
from inspector_app.demo import (
    fuel_readings,
    net_content_readings,
    scale_readings,
    seed_demo,
    taxi_readings,
)
from inspector_app.readings import flatten
from inspector_app.services import open_services
from inspector_app.sheets import reading_problems

SCALES = ((15000, 5), (30000, 10), (6000, 2))  # the demo's scales (Max, e)


def demo_checks(seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    out = [("fuel_dispenser", fuel_readings(rng)), ("taxi_meter", taxi_readings(rng, "2026-11-23"))]
    out += [("scale", scale_readings(rng, max_g, e)) for max_g, e in SCALES]
    out.append(("net_content", net_content_readings(rng, dt.date(2026, 11, 23))[1]))
    return out


@pytest.mark.parametrize("seed", range(30))
def test_every_demo_reading_passes_the_cores_validation(seed):
    for form_id, data in demo_checks(seed):
        definition = forms.load_definition(form_id)
        assert reading_problems(definition, flatten(data)) == [], form_id
        if form_id != "taxi_meter":  # a taxi check names its tariff; the store resolves it
            forms.evaluate({"form": form_id, **data})  # raises InputError on any refused reading


@pytest.mark.parametrize("seed", range(30))
def test_demo_scale_readings_are_flash_point_readings(seed):
    """§A.4: I as displayed (a multiple of e = d), ΔL a multiple of 0.1e between 0 and e, and
    P = I + 0.5e − ΔL within 0.1e of the load plus its error: the printed P adds up by hand."""
    rng = random.Random(seed)
    for max_g, e in SCALES:
        data = scale_readings(rng, max_g, e)
        rows = [data["zero"], *data["weighings"], *data["eccentricity"]["positions"]]
        rows += data["repeatability"]["runs"]
        for row in rows:
            indication, added = Decimal(row["indication"]), Decimal(row["added"])
            assert indication % e == 0 and added % (Decimal(e) / 10) == 0 and 0 <= added <= e
        assert (Decimal(data["price"][0]["weight_kg"]) * 1000) % e == 0


def test_the_seeded_demo_database_holds_no_refused_reading(tmp_path):
    with open_services(tmp_path / "demo.sqlite") as s:
        seed_demo(s, inspections=24, seed=3, sign=False)
        rows = s.inspections.list_rows(limit=1000)
        assert len(rows) == 24
        for row in rows:
            definition = s.inspections.definition_of(row["id"])
            assert reading_problems(definition, s.inspections.readings(row["id"])) == [], row["form_id"]

"""Measures taken come from the definition's list: the CLI, the GUI and the PDF read the same list,
and a signed record never carries free text as a measure."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from forms import load_definition
from forms.definition import parse_definition
from forms.measures import STANDARD_MEASURES
from inspector_app.services import ValidationFailed, open_services
from tests.core.test_records import PASSPHRASE


def test_every_definition_lists_the_standard_measures_unless_it_names_its_own():
    for form_id in ("fuel_dispenser", "taxi_meter", "scale", "net_content"):
        assert load_definition(form_id).measures == STANDARD_MEASURES
    text = load_definition("scale").text + '\n[[measures]]\nid = "warn"\nzh = "警告"\nen = "Warning"\n'
    assert [m.id for m in parse_definition(text).measures] == ["warn"]


@pytest.fixture
def draft(scale_draft):
    return scale_draft


def test_a_measure_outside_the_list_is_refused_and_nothing_is_signed(draft):
    services, iid = draft
    with pytest.raises(ValidationFailed) as info:
        services.inspections.finalise(iid, measures=["stop_use", "罚款一万元"])
    error = info.value.errors[0]
    assert error.code == "unknown_choice" and error.params["value"] == "罚款一万元"
    assert "stop_use" in error.message("en") and "case_filed" in error.message("en")
    assert services.inspections.get(iid)["status"] == "draft"
    done = services.inspections.finalise(iid, measures=["seal_up", "stop_use", "seal_up"])
    assert services.inspections.get(done.inspection_id)["measures"] == '["seal_up", "stop_use"]'


def test_cli_finalise_refuses_a_made_up_measure(draft):
    services, iid = draft
    path = str(services.path)
    services.close()
    run = subprocess.run(
        [sys.executable, "-m", "ui.entry", "finalise", "--db", path, iid, "--measure", "anything at all"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "INSPECTOR_APP_PASSPHRASE": PASSPHRASE},
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "anything at all" in run.stderr and "send_for_verification" in run.stderr
    with open_services(path) as s:
        assert s.inspections.get(iid)["status"] == "draft"

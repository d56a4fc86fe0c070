"""A value that leaves a cell leaves the store, the reopened window, the signed record and its PDF
(issue 8 §2): by Delete on a range, Backspace, a pasted blank, undo of the typing, redo of a clear.

Everything goes through real key events on the focused widget; the store, a second window and
the finalised record are then read back independently.
"""

from __future__ import annotations

import io
import json
import re

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.services import open_services
from tests.ui.drive import (
    CTRL,
    SHIFT,
    click_cell,
    enter,
    key,
    open_window,
    shown_rows,
    start,
    step_of,
)


@pytest.fixture
def signed_services(tmp_path):
    with open_services(tmp_path / "cleared.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)
        yield s


def type_taxi_readings(qtbot, window) -> None:
    """A distance test (kept) and a time test (to be cleared), typed with Enter."""
    distance = step_of(window, "distance")
    click_cell(qtbot, distance.grid, 0, 0)
    enter(qtbot, "1000")
    enter(qtbot, "1006")
    time = step_of(window, "time")
    click_cell(qtbot, time.grid, 0, 0)
    enter(qtbot, "60.0")
    enter(qtbot, "61.5")


def clear_time_row(qtbot, window, how: str) -> None:
    time = step_of(window, "time")
    grid = time.grid
    if how == "delete_range":
        click_cell(qtbot, grid, 0, 0)
        click_cell(qtbot, grid, 0, 1, SHIFT)
        key(qtbot, Qt.Key.Key_Delete)
    elif how == "backspace_each":
        click_cell(qtbot, grid, 0, 0)
        key(qtbot, Qt.Key.Key_Backspace)
        enter(qtbot)
        click_cell(qtbot, grid, 0, 1)
        key(qtbot, Qt.Key.Key_F2)
        for _ in "61.5":
            key(qtbot, Qt.Key.Key_Backspace)
        enter(qtbot)
    elif how == "paste_blanks":
        click_cell(qtbot, grid, 0, 0)
        QGuiApplication.clipboard().setText("\t\n")
        key(qtbot, Qt.Key.Key_V, CTRL)
    elif how == "undo_typing":
        key(qtbot, Qt.Key.Key_Z, CTRL)
        key(qtbot, Qt.Key.Key_Z, CTRL)
    elif how == "redo_of_clear":
        click_cell(qtbot, grid, 0, 0)
        click_cell(qtbot, grid, 0, 1, SHIFT)
        key(qtbot, Qt.Key.Key_Delete)
        key(qtbot, Qt.Key.Key_Z, CTRL)
        assert shown_rows(time) == [["60.0", "61.5"]]  # the undo brought it back, on screen too
        key(qtbot, Qt.Key.Key_Y, CTRL)
    else:  # pragma: no cover
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how", ["delete_range", "backspace_each", "paste_blanks", "undo_typing", "redo_of_clear"]
)
def test_a_cleared_reading_is_gone_everywhere(signed_services, qtbot, how):
    iid = start(signed_services, "taxi_meter", answered=True)
    window = open_window(qtbot, signed_services, iid)
    type_taxi_readings(qtbot, window)
    assert signed_services.inspections.readings(iid)["time_tests[0].reference_s"] == "61.5"

    clear_time_row(qtbot, window, how)

    assert shown_rows(step_of(window, "time")) == []
    stored = signed_services.inspections.readings(iid)
    assert not any(path.startswith("time_tests") for path in stored), stored
    assert stored["distance_tests[0].reference_m"] == "1006"
    window.close()

    again = open_window(qtbot, signed_services, iid)
    assert shown_rows(step_of(again, "time")) == []
    assert shown_rows(step_of(again, "distance")) == [["1000", "1006"]]
    assert again.finalise_with(DEMO_PASSPHRASE), again.notice.text()

    record = json.loads(signed_services.inspections.get(iid)["canonical"])
    assert not any(path.startswith("time_tests") for path in record["readings"])
    assert record["evaluation"]["results"]["time_tests"] == []
    pdf = pypdf.PdfReader(io.BytesIO(signed_services.records.pdf_of(iid)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    assert "1006" in text and "计时误差" not in text and "61.5" not in text


def test_redo_redraws_the_grid(signed_services, qtbot):
    """Ctrl+Y must show what it stores (issue 12: the screen kept the old values)."""
    iid = start(signed_services, "taxi_meter")
    window = open_window(qtbot, signed_services, iid)
    distance = step_of(window, "distance")
    click_cell(qtbot, distance.grid, 0, 0)
    enter(qtbot, "1000")
    enter(qtbot, "1006")
    click_cell(qtbot, distance.grid, 0, 1)
    enter(qtbot, "1003")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert shown_rows(distance) == [["1000", "1006"]]
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert signed_services.inspections.readings(iid)["distance_tests[0].reference_m"] == "1003"
    assert shown_rows(distance) == [["1000", "1003"]]

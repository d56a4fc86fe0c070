"""300 real edits in a 125-package net-content grid (issue 8 §1): the process survives (PySide6
6.12.0 on Python 3.11 aborted after ~8), every edit is stored, and ``None``'s reference count does
not drift (each edit makes thousands of calls that return nothing)."""

from __future__ import annotations

import random
import sys

from PySide6.QtCore import Qt

from tests.ui.drive import click_cell, enter, key, open_window, shown_rows, start, step_of

PACKAGES = 125  # the largest sample of the plan (JJF 1070-2023 Annex B, lots above 3,200)


def test_300_typed_edits_in_a_125_package_grid(services, qtbot):
    iid = start(services, "net_content", answered=True)
    services.inspections.set_readings(iid, {"quantity": "mass", "nominal": "500", "lot_size": "5000"})
    services.inspections.set_readings(iid, {f"samples[{i}].net": "501.5" for i in range(PACKAGES)})
    window = open_window(qtbot, services, iid)
    samples = step_of(window, "samples")
    rng = random.Random(8)
    intended = {i: "501.5" for i in range(PACKAGES)}
    click_cell(qtbot, samples.grid, 0, 2)
    before = sys.getrefcount(None)
    for n in range(300):
        row = rng.randrange(PACKAGES)
        value = f"{rng.randint(4900, 5100) / 10:.1f}"
        samples.grid.go_to(row, 2)  # where a click or the arrows would leave the cursor
        enter(qtbot, value)
        intended[row] = value
        if n % 50 == 0:
            key(qtbot, Qt.Key.Key_Up)  # and some moving around between edits
    lost = before - sys.getrefcount(None)
    assert lost < 1000, f"None lost {lost} references over 300 edits"  # a leaky binding: ~400,000
    stored = services.inspections.readings(iid)
    assert {i: stored[f"samples[{i}].net"] for i in range(PACKAGES)} == intended
    assert [row[2] for row in shown_rows(samples)] == [intended[i] for i in range(PACKAGES)]
    assert window.live["verdict"] in ("pass", "fail"), window.banner.text()
    assert window.live["results"]["sample_size"] == PACKAGES

"""One edit in a 125-package net-content grid, whole: the wizard's edit → autosave and re-evaluate
→ the screen redrawn and painted (issue 9 §2, target < 5 ms whole), and its parts: the autosave
alone, the grid's per-row result lookup and the redraw of the grid step. Offscreen Qt, a real
database. Each figure is the median of many edits, in CPU time (this process, every thread: what
the machine's load does not inflate much) and wall time (what the inspector waits, load and disk
included); a bare baseline timed in the same run — one cell of a plain 125-row QTableWidget set
and painted — gives the ratio.

    .venv/bin/python bench/grid_edit.py [--root PATH]   (--root: the tree whose code is timed)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import ROOT

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PACKAGES = 125  # the largest sample of the plan (JJF 1070-2023 annex B, lots above 3,200)


def medians(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(CPU ms, wall ms): medians over ``runs`` calls."""
    cpu, wall = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def bare(app: object, runs: int) -> tuple[float, float]:
    """The floor: one cell of a plain 125 × 4 QTableWidget set and painted, nothing stored."""
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    assert isinstance(app, QApplication)
    rng = random.Random(1)
    table = QTableWidget(PACKAGES, 4)
    for r in range(PACKAGES):
        for c in range(4):
            table.setItem(r, c, QTableWidgetItem(f"{500 + rng.gauss(2, 2):.1f}"))
    table.resize(1000, 700)
    table.show()
    app.processEvents()

    def one() -> None:
        table.item(rng.randrange(20), 0).setText(f"{500 + rng.gauss(2, 2):.1f}")  # a visible row
        app.processEvents()

    one()
    figures = medians(one, runs)
    table.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(ROOT), help="the source tree to time (default: this one)")
    parser.add_argument("--runs", type=int, default=201)
    args = parser.parse_args()
    sys.path.insert(0, args.root)

    from PySide6.QtWidgets import QApplication

    from inspector_app import credit_code
    from inspector_app.services import open_services
    from ui.inspection.steps import GridStep
    from ui.inspection.window import InspectionWindow

    app = QApplication([])
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as tmp, open_services(Path(tmp) / "grid.sqlite") as s:
        body = "91500112MA5U7XY1P"
        site = s.registry.create(
            "sites", {"name": "包装厂", "credit_code": body + credit_code.check_character(body)}
        )
        readings = {"quantity": "mass", "nominal": "500", "lot_size": "5000"}
        readings.update({f"samples[{i}].net": f"{500 + rng.gauss(2, 2):.1f}" for i in range(PACKAGES)})
        iid = s.inspections.start(form_id="net_content", site_id=site, readings=readings)
        window = InspectionWindow(s, iid, "zh")
        window.show()
        index = next(i for i, w in enumerate(window.steps) if w.step.id == "samples")
        window.go(index)
        grid = window.steps[index]
        assert isinstance(grid, GridStep)
        app.processEvents()

        def value() -> str:
            return f"{500 + rng.gauss(2, 2):.1f}"

        def whole() -> None:  # as Enter in a cell does: one undoable edit, stored, redrawn
            window.edit({f"samples[{rng.randrange(PACKAGES)}].net": value()})
            app.processEvents()

        def autosave() -> None:
            s.inspections.set_readings(iid, {f"samples[{rng.randrange(PACKAGES)}].net": value()})

        def redraw() -> None:  # the grid step brought up to the readings and evaluation
            grid.refresh()
            getattr(grid, "show_live", grid.show)(window.live, None)  # `show` before the rename

        for fn in (whole, autosave, redraw):
            fn()
        figures = {
            "bare: one cell of a 125-row QTableWidget set and painted": bare(app, args.runs),
            "whole edit (edit, store, evaluate, redraw, paint)": medians(whole, args.runs),
            "autosave alone (store + evaluate)": medians(autosave, args.runs),
            "redraw of the 125-row grid step": medians(redraw, args.runs),
        }
        lookup = getattr(sys.modules["ui.inspection.steps"], "results_by_row", None)
        if lookup is not None:
            results, keys = window.live.get("results", {}), grid.model.table.keys
            figures["per-row result lookup (125 rows)"] = medians(
                lambda: lookup(results, "packages[]", keys), args.runs
            )
        window.close()
    floor = next(iter(figures.values()))
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.runs}; CPU ms / wall ms (× bare)")
    for name, (cpu, wall) in figures.items():
        print(f"{name}: {cpu:.2f} / {wall:.2f} ms  ({cpu / floor[0]:.1f} / {wall / floor[1]:.1f} × bare)")


if __name__ == "__main__":
    main()

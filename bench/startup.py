"""Start-up: process start to the main window's first completed paint (database opened, list
painted), against a bare PySide6 QMainWindow of the main window's size (1280 × 696, ui/screen.py)
timed the same way, on the demo database and on 200,000 inspections, and in office mode on the
demo office and on an office holding 200,000 imported records. Target (DESIGN.md, issue 9 §4):
≤ 1.5 × bare on each.

    .venv/bin/python bench/startup.py [--runs 11] [--records 200000] [--only laptop|office]

Both sides are spawned alike and timed from spawn to their first stdout line, which each prints
from `ui.first_paint.after_first_paint` (the window's Paint event seen by an application event
filter, then a zero-timer: the first frame is on screen). Process exit is not part of start-up.
Runs alternate (bare, demo, large, bare, …) so machine load hits all alike; the ratio is of
medians. The databases are made once under bench/.cache (git-ignored): `inspector-app demo` and
the inspection-list bench's 200,000 records; `inspector-app demo --office` and bench/office.py's
office (200,000 records, 50,000 entities).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, demo_db, demo_office_db, list_db

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from ui.first_paint import after_first_paint
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 696); w.show()  # the main window's size (ui/screen.py)
def ready():
    print(f"ready cpu_ms={time.process_time() * 1000:.1f}", flush=True)
    app.quit()
after_first_paint(w, ready)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from spawning the process to its first line on stdout, and the CPU time the
    process had used by then (its own `time.process_time()`, in that line)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    line = proc.stdout.readline().decode()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait()
    if "cpu_ms=" not in line:
        raise RuntimeError(f"{cmd[:3]} printed {line!r}")
    return elapsed, float(line.split("cpu_ms=")[1].split()[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--only", choices=("laptop", "office"), help="one mode's databases only")
    args = parser.parse_args()
    databases = {}
    if args.only != "office":
        databases["demo database"] = demo_db()
        databases[f"{args.records:,} inspections"] = list_db(args.records)
    if args.only != "laptop":
        from office import RECORDS, office_db  # bench/office.py's office

        databases["demo office"] = demo_office_db()
        databases[f"office, {RECORDS:,} records"] = office_db()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed
    env.update(QT_QPA_PLATFORM="offscreen", INSPECTOR_APP_EXIT_WHEN_IDLE="1")
    commands = {"bare QMainWindow": [sys.executable, "-c", BARE]}
    for name, db in databases.items():
        commands[f"inspector-app, {name}"] = [sys.executable, "-m", "ui.entry", "--db", str(db)]
    for cmd in commands.values():  # warm the file cache and the daily backup once
        timed(cmd, env)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            elapsed, used = timed(cmd, env)
            wall[name].append(elapsed)
            cpu[name].append(used)
    bare_wall = statistics.median(wall["bare QMainWindow"])
    bare_cpu = statistics.median(cpu["bare QMainWindow"])
    print(f"process start -> first completed paint, median of {args.runs} alternated runs")
    print("(wall clock; in brackets the CPU time the process used by then, less sensitive to load)")
    for name in commands:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        line = f"{name}: {w:.0f} ms (min {min(wall[name]):.0f}) [cpu {c:.0f} ms]"
        if not name.startswith("bare"):
            line += f"  ratio {w / bare_wall:.2f} [cpu {c / bare_cpu:.2f}] (target <= 1.5)"
        print(line)


if __name__ == "__main__":
    main()

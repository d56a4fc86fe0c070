"""Start-up: process start to a shown, idle main window (database opened, list painted), against a
bare PySide6 QMainWindow in the same run. Target (DESIGN.md): ≤ 1.5 × bare.

    .venv/bin/python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, demo_db

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
def ready():
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """From spawning the process to its first line on stdout (printed once the window is shown,
    painted and the event loop idle); the process's exit is not part of start-up."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait()
    if not line.strip():
        raise RuntimeError(f"{cmd[:3]} printed nothing")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inspections", type=int, default=2000)
    args = parser.parse_args()
    db = demo_db(args.inspections)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_EXIT_WHEN_IDLE": "1"}
    app_cmd = [sys.executable, "-m", "ui.entry", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    timed(app_cmd, env)  # warm the file cache once
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so machine load hits both alike
        bare.append(timed(bare_cmd, env))
        app.append(timed(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare QMainWindow: {b:.0f} ms (median of {args.runs})")
    print(f"inspector-app, {args.inspections} inspections: {a:.0f} ms")
    print(f"ratio: {a / b:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()

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
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, capture_output=True)
    return (time.perf_counter() - start) * 1000


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

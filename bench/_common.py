"""Shared bench helpers: medians of repeated runs, and a demo database made once per size."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def demo_db(inspections: int) -> Path:
    """A demo database with this many inspections, made with `inspector-app demo` and kept."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{inspections}.sqlite"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ui.entry",
                "demo",
                "--db",
                str(path),
                "--inspections",
                str(inspections),
                "--no-sign",
            ],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
    return path

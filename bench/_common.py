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
    """A demo database with this many inspections, made with `inspector-app demo` on first use and
    kept in bench/.cache (untracked). Made under a temporary name and renamed when complete, so an
    interrupted run never leaves a half-made database that later runs would time."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{inspections}.sqlite"
    if not path.exists():
        partial = CACHE / f"demo-{inspections}.partial.sqlite"
        for leftover in CACHE.glob(f"demo-{inspections}.partial.sqlite*"):
            leftover.unlink()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ui.entry",
                "demo",
                "--db",
                str(partial),
                "--inspections",
                str(inspections),
                "--no-sign",
            ],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        partial.replace(path)  # the demo command closed it: no journal is left beside it
    return path

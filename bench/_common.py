"""Shared bench helpers: medians of repeated runs, and the databases the benches run on, made once
per size under bench/.cache (git-ignored)."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
import uuid
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


def _made_once(name: str, make: Callable[[Path], object]) -> Path:
    """bench/.cache/NAME.sqlite, made by ``make`` on first use and kept (untracked). Made under a
    temporary name and renamed when complete, so an interrupted run never leaves a half-made
    database that later runs would time."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}.sqlite"
    if not path.exists():
        partial = CACHE / f"{name}.partial.sqlite"
        for leftover in CACHE.glob(f"{partial.name}*"):
            leftover.unlink()
        make(partial)
        partial.replace(path)  # the maker closed it: no journal is left beside it
    return path


def demo_db(inspections: int | None = None) -> Path:
    """The demo database as `inspector-app demo` makes it (signed records; its default size when
    ``inspections`` is None)."""
    size = [] if inspections is None else ["--inspections", str(inspections)]
    return _made_once(
        f"demo-{inspections or 'default'}",
        lambda path: subprocess.run(
            [sys.executable, "-m", "ui.entry", "demo", "--db", str(path), *size],
            check=True,
            cwd=ROOT,
            capture_output=True,
        ),
    )


def demo_office_db() -> Path:
    """The office database `inspector-app demo --office` makes beside its laptop (root, enrolled
    inspectors, the laptop's records imported and reviewed, a draw, a package)."""

    def make(path: Path) -> None:
        laptop = path.with_name(path.stem + "-laptop.sqlite")
        subprocess.run(
            [sys.executable, "-m", "ui.entry", "demo", "--db", str(laptop), "--office", str(path)],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{laptop}{suffix}").unlink(missing_ok=True)

    return _made_once("demo-office", make)


def list_db(records: int) -> Path:
    """A database with ``records`` inspections over a few sites (a quarter of them drafts), seeded
    in a child process so its memory is not counted by the bench that asks."""
    return _made_once(
        f"list-{records}",
        lambda path: subprocess.run(
            [sys.executable, __file__, str(path), str(records)], check=True, cwd=ROOT
        ),
    )


def _seed(path: str, records: int) -> None:
    """Many inspections over a few sites, inserted in one transaction through db/."""
    sys.path.insert(0, str(ROOT))
    from db import Stamp
    from db import inspections as repo
    from forms import load_definition
    from inspector_app.demo import SITES, make_credit_code
    from inspector_app.services import open_services

    rng = random.Random(5)
    with open_services(path) as s:
        if s.inspections.counts("status"):
            return
        site_ids = []
        for kind, pattern in SITES:
            name = pattern.format(d="渝北", r=rng.choice(("观音桥", "南坪", "杨家坪", "沙坪坝")))
            code = make_credit_code(rng, "渝北区")
            site_ids.append(
                (s.registry.create("sites", {"name": name, "kind": kind, "credit_code": code}), name, code)
            )
        defn = load_definition("scale")
        stamp = Stamp(device_id=s.device_id, now=Stamp.utc_now())
        rows = []
        for i in range(records):
            site_id, name, code = rng.choice(site_ids)
            day = f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            status = rng.choice(("draft", "finalised", "finalised", "approved"))
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "record_no": f"{day.replace('-', '')}-BNCH-{i:06d}",
                    "form_id": rng.choice(("fuel_dispenser", "taxi_meter", "scale", "net_content")),
                    "form_version": defn.version,
                    "form_hash": defn.sha256,
                    "status": status,
                    "site_id": site_id,
                    "site_name": name,
                    "site_code": code,
                    "instrument_label": f"SN{rng.randint(100000, 999999)}",
                    "started_at": f"{day}T09:00:00.000Z",
                    "verdict": rng.choice(("pass", "pass", "pass", "fail", "inconclusive")),
                    "canonical": "{}" if status != "draft" else None,
                }
            )
        repo.insert_many(
            s.db,
            rows,
            stamp,
            definition={
                "sha256": defn.sha256,
                "form_id": defn.id,
                "version": defn.version,
                "text": defn.text,
            },
        )


if __name__ == "__main__":  # list_db's child: python bench/_common.py PATH RECORDS
    _seed(sys.argv[1], int(sys.argv[2]))

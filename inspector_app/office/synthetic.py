"""Synthetic received records with known rates, for the office benchmarks and the statistics tests.

Rows go through the office store's own `add_records` (the path the bundle import writes through),
so statistics, credit lists and publication read them exactly as they read imported records. They
carry no real signature: never use them where a record is verified. The app itself never calls
this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from db.office import OfficeStore
from inspector_app import credit_code
from inspector_app.office.dates import local_date

FORMS = ("fuel_dispenser", "taxi_meter", "scale", "net_content")
DISTRICTS = ("渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区", "渝北区", "巴南区", "北碚区")
INSPECTORS = tuple(f"检查员{n:02d}" for n in range(1, 41))
ITEMS = {
    "fuel_dispenser": ("indication_error", "seal_transducer", "repeatability", "payment"),
    "taxi_meter": ("distance_error", "fare", "seals"),
    "scale": ("weighing", "eccentricity", "price", "seal", "no_cheating"),
    "net_content": ("mean", "t1_count", "t2_count", "marking"),
}
MEASURES = ("notice_issued", "stop_use", "seal_up", "send_for_verification", "case_filed")


def entity_code(n: int) -> str:
    body = f"91500{100 + n % 20:03d}MA{n:08d}"[:17]
    return body + credit_code.check_character(body)


@dataclass(frozen=True)
class Spec:
    """What to generate: ``pass_rates`` per form (exact fractions of each form's records, in
    order), the rest failing (one item each), except every ``inconclusive_every``-th."""

    records: int
    start: dt.date = dt.date(2024, 1, 1)
    days: int = 730
    entities: int = 20_000
    pass_rates: tuple[tuple[str, float], ...] = (
        ("fuel_dispenser", 0.95),
        ("taxi_meter", 0.9),
        ("scale", 0.85),
        ("net_content", 0.93),
    )
    inconclusive_every: int = 0
    seed: int = 14


def rows(spec: Spec) -> Iterator[dict[str, Any]]:
    """The records of ``spec``; the verdicts follow the rates exactly (a fixed pattern per form),
    every other field is drawn from a seeded random generator."""
    rng = random.Random(spec.seed)
    rates = dict(spec.pass_rates)
    seen: dict[str, int] = {f: 0 for f in FORMS}
    passed: dict[str, int] = {f: 0 for f in FORMS}
    bundle = hashlib.sha256(b"synthetic").hexdigest()
    for n in range(spec.records):
        form = FORMS[n % len(FORMS)]
        seen[form] += 1
        # Bresenham-style: pass while the running share is below the rate — exact over any prefix.
        if passed[form] < rates[form] * seen[form] - 1e-9:
            verdict = "pass"
            passed[form] += 1
        else:
            verdict = "fail"
        if spec.inconclusive_every and n % spec.inconclusive_every == spec.inconclusive_every - 1:
            verdict = "inconclusive"
        failed = [rng.choice(ITEMS[form])] if verdict == "fail" else []
        measures = [rng.choice(MEASURES)] if verdict == "fail" else []
        day = spec.start + dt.timedelta(days=rng.randrange(spec.days))
        finalised = dt.datetime.combine(day, dt.time(1 + rng.randrange(9), rng.randrange(60)), dt.UTC)
        imported = finalised + dt.timedelta(days=rng.randrange(15), hours=2)
        entity = rng.randrange(spec.entities)
        record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        canonical = json.dumps({"id": record_id, "synthetic": True}, sort_keys=True)
        yield {
            "id": record_id,
            "fingerprint": hashlib.sha256(canonical.encode()).hexdigest(),
            "record_no": f"{day:%Y%m%d}-SYN{n % 100:02d}-{n:06d}",
            "device_id": f"synthetic-{n % 40:02d}",
            "form_id": form,
            "form_version": "1",
            "form_sha256": "",
            "verdict": verdict,
            "failed": json.dumps(failed),
            "site_code": entity_code(entity),
            "site_name": f"检查对象{entity:05d}",
            "district": DISTRICTS[entity % len(DISTRICTS)],
            "inspector": INSPECTORS[n % len(INSPECTORS)],
            "signer_sha256": "",
            "started_at": finalised.isoformat().replace("+00:00", "Z"),
            "finalised_at": finalised.isoformat().replace("+00:00", "Z"),
            "supersedes": None,
            "canonical": canonical,
            "signature": "{}",
            "bundle_sha256": bundle,
            "imported_at": imported.isoformat().replace("+00:00", "Z"),
            "inspected_on": local_date(finalised.isoformat()),
            "imported_on": local_date(imported.isoformat()),
            "task_id": None,
            "measures": json.dumps(measures),
            "items": failed,
        }


def fill(store: OfficeStore, spec: Spec) -> int:
    """Write the records of ``spec`` in one transaction; returns how many were added."""
    with store.transaction():
        return store.add_records(rows(spec))

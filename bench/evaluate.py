"""Live re-evaluation: one changed reading in a 125-package net-content lot, evaluated again.
Target (DESIGN.md): < 5 ms. Measures the pure evaluator and the autosave path (write + evaluate).

    .venv/bin/python bench/evaluate.py
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from _common import ROOT, median_ms

sys.path.insert(0, str(ROOT))

import forms
from inspector_app.readings import flatten
from inspector_app.services import open_services


def lot(rng: random.Random) -> dict[str, object]:
    return {
        "form": "net_content",
        "quantity": "mass",
        "nominal": "500",
        "lot_size": 5000,
        "tare": {"mode": "average", "empty": [f"{5 + rng.random() / 10:.1f}" for _ in range(10)]},
        "samples": [{"gross": f"{505 + rng.gauss(0, 3):.1f}"} for _ in range(125)],
    }


def main() -> None:
    rng = random.Random(1)
    data = lot(rng)
    samples = data["samples"]
    assert isinstance(samples, list)

    def once() -> None:
        samples[rng.randrange(125)] = {"gross": f"{505 + rng.gauss(0, 3):.1f}"}
        forms.evaluate(data)

    once()
    pure = median_ms(once, runs=51)
    print(f"evaluate a 125-package lot after one change: {pure:.2f} ms (median of 51; target < 5)")

    with tempfile.TemporaryDirectory() as tmp, open_services(Path(tmp) / "b.sqlite") as s:
        from inspector_app import credit_code

        body = "91500112MA5U7XY1P"
        site = s.registry.create(
            "sites", {"name": "包装厂", "credit_code": body + credit_code.check_character(body)}
        )
        flat = flatten({k: v for k, v in data.items() if k != "form"})
        iid = s.inspections.start(form_id="net_content", site_id=site, readings=flat)

        def autosave() -> None:
            i = rng.randrange(125)
            s.inspections.set_readings(iid, {f"samples[{i}].gross": f"{505 + rng.gauss(0, 3):.1f}"})

        autosave()
        saved = median_ms(autosave, runs=51)
        print(f"autosave one reading + re-evaluate + store (synchronous=FULL): {saved:.2f} ms")


if __name__ == "__main__":
    main()

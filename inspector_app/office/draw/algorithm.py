"""The 双随机 draw, version ``inspector-app-draw/1``: pure, deterministic, re-computable by anyone
holding its inputs (spec/office.md, "双随机 — the random draw"; docs/draw.md says it in words).

Inputs: the plan, the entity directory, the inspector directory, the recusal pairs and the witness
number. Nothing here reads a clock, a database or a system random source; the same inputs give the
same bytes on every machine, today and in ten years.

1. **Snapshots.** Each directory is canonical JSON (UTF-8, sorted keys, no whitespace) of its rows
   sorted by credit code / employee number; its SHA-256 names it. Row order in the source file
   therefore changes nothing, and any changed row changes the hash.
2. **Seed** = SHA-256 of the canonical JSON array
   ``[ALGORITHM, plan id, plan date, witness, entities SHA-256, inspectors SHA-256]``.
3. **Random stream.** Block *i* of the stream labelled *L* is SHA-256(seed ‖ L ‖ 0x00 ‖ i as 8
   bytes big-endian); its first 8 bytes, big-endian, are one 64-bit number. A number below *n* is
   taken by rejection (numbers at or above the largest multiple of *n* below 2^64 are skipped), so
   no index is favoured by a modulo.
4. **Entities.** Per risk level A, B, C, D: the entities in the plan's scope, sorted by credit
   code; *k* = the plan's count, or ⌈percent × N / 100⌉ (rounded up, at least 1 when N > 0), never more
   than N. The first *k* places of a Fisher–Yates shuffle (stream ``entities/<level>``) are drawn,
   in draw order.
5. **Inspectors.** For each drawn entity in order (A's first): the available inspectors, sorted by
   employee number, less those recused for that entity (inspected it in the last 12 months, or on
   the recusal list), less those at the plan's cap of visits; the first ``per_visit`` places of a
   Fisher–Yates shuffle of them (stream ``inspectors/<credit code>``). Fewer eligible than needed:
   the entity is listed as unassigned, with the reason.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

ALGORITHM = "inspector-app-draw/1"
LEVELS = ("A", "B", "C", "D")  # risk levels, A the highest (spec/office.md)
ENTITY_FIELDS = ("credit_code", "name", "district", "type", "risk", "last_inspected", "address")
INSPECTOR_FIELDS = ("employee_no", "name", "district", "available")
_TWO_64 = 1 << 64


def canonical(value: Any) -> bytes:
    """Deterministic JSON bytes: sorted keys, no whitespace, UTF-8 (not ASCII escapes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SORTED_FIELDS = tuple(sorted(ENTITY_FIELDS))  # dicts built in key order dump as sort_keys would


def entity_snapshot(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """The entity directory as the draw sees it: its fields as text, sorted by credit code (then
    by every other field: a total order, whatever the source's row order)."""
    snap = [{k: str(r.get(k) or "") for k in _SORTED_FIELDS} for r in rows]
    return sorted(snap, key=lambda r: tuple(r[k] for k in ENTITY_FIELDS))


def entity_snapshot_of_text_rows(rows: Iterable[tuple[str, ...]]) -> list[dict[str, str]]:
    """`entity_snapshot` of rows that are already text tuples in ``ENTITY_FIELDS`` order (the
    store's `site_snapshot_rows`, read as plain tuples: a dict per row read and another per row
    converted cost ~0.3 s over 50,000 entities). The same snapshot: tuples sort as its key does,
    whatever order the rows come in."""
    return [dict(zip(ENTITY_FIELDS, row, strict=True)) for row in sorted(rows)]


def inspector_snapshot(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The inspector directory as the draw sees it, sorted by employee number."""
    snap = [
        {
            "employee_no": str(r["employee_no"]),
            "name": str(r.get("name") or ""),
            "district": str(r.get("district") or ""),
            "available": bool(r.get("available", True)),
        }
        for r in rows
    ]
    return sorted(snap, key=lambda r: (r["employee_no"], r["name"], r["district"], r["available"]))


def snapshot_sha256(snapshot: Sequence[dict[str, Any]]) -> str:
    return sha256(canonical(list(snapshot)))


def seed_of(
    *, plan_id: str, plan_date: str, witness: str, entities_sha256: str, inspectors_sha256: str
) -> str:
    """The draw's seed (hex): spec/office.md — over the plan id, its date, the witness number and
    the hash of each directory snapshot (and the algorithm's name, so versions never collide)."""
    return sha256(canonical([ALGORITHM, plan_id, plan_date, witness, entities_sha256, inspectors_sha256]))


class Stream:
    """Uniform integers from the seed, one labelled stream per use (see the module docstring)."""

    def __init__(self, seed_hex: str, label: str) -> None:
        self._prefix = bytes.fromhex(seed_hex) + label.encode("utf-8") + b"\x00"
        self._counter = 0

    def next64(self) -> int:
        block = hashlib.sha256(self._prefix + self._counter.to_bytes(8, "big")).digest()
        self._counter += 1
        return int.from_bytes(block[:8], "big")

    def below(self, n: int) -> int:
        """A uniform integer in [0, n), by rejection sampling; n ≥ 1."""
        if n < 1:
            raise ValueError(n)
        limit = _TWO_64 - _TWO_64 % n
        while True:
            value = self.next64()
            if value < limit:
                return value % n


def partial_shuffle(items: Sequence[Any], k: int, stream: Stream) -> list[Any]:
    """The first ``k`` places of a Fisher–Yates shuffle of ``items``: a uniform random ordered
    selection of k distinct items."""
    pool = list(items)
    k = min(k, len(pool))
    for i in range(k):
        j = i + stream.below(len(pool) - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def level_count(population: int, *, percent: Decimal | None, count: int | None) -> int:
    """How many entities of one level to draw: a fixed count, else the ratio rounded up, at least
    one from a non-empty level (spec/office.md: "at least one entity per level … Rounding: up");
    never more than there are."""
    if population <= 0:
        return 0
    if count is not None:
        return min(count, population)
    assert percent is not None
    wanted = math.ceil(Fraction(percent) * population / 100)  # exact rational, then the ceiling
    return min(population, max(1, wanted))


@dataclass(frozen=True)
class DrawInputs:
    """Everything the result depends on (and nothing else)."""

    plan_id: str
    plan_date: str
    witness: str
    form_id: str
    ratios: dict[str, Decimal]  # level -> percent (30 for 30 %)
    counts: dict[str, int]  # level -> fixed count (overrides the ratio)
    per_visit: int
    max_visits: int  # 0: no cap
    districts: tuple[str, ...]  # scope; empty: every district
    types: tuple[str, ...]  # scope; empty: every type
    same_district: bool  # inspectors only from the entity's district
    entities: list[dict[str, str]]  # entity_snapshot
    inspectors: list[dict[str, Any]]  # inspector_snapshot
    recusals: frozenset[tuple[str, str]]  # (employee_no, credit_code)


@dataclass
class DrawResult:
    seed: str
    entities_sha256: str
    inspectors_sha256: str
    recusals_sha256: str
    levels: list[dict[str, Any]] = field(default_factory=list)
    selected: list[dict[str, Any]] = field(default_factory=list)
    unassigned: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "algorithm": ALGORITHM,
            "seed": self.seed,
            "entities_sha256": self.entities_sha256,
            "inspectors_sha256": self.inspectors_sha256,
            "recusals_sha256": self.recusals_sha256,
            "levels": self.levels,
            "selected": self.selected,
            "unassigned": self.unassigned,
        }


def recusal_list(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [list(p) for p in sorted(set(pairs))]


def run(inputs: DrawInputs, *, entities_sha256: str = "") -> DrawResult:
    """The draw. Deterministic in ``inputs``; see the module docstring for every step.
    ``entities_sha256``: the snapshot's hash when the caller has just computed it."""
    entities_sha = entities_sha256 or snapshot_sha256(inputs.entities)
    inspectors_sha = snapshot_sha256(inputs.inspectors)
    seed = seed_of(
        plan_id=inputs.plan_id,
        plan_date=inputs.plan_date,
        witness=inputs.witness,
        entities_sha256=entities_sha,
        inspectors_sha256=inspectors_sha,
    )
    result = DrawResult(
        seed=seed,
        entities_sha256=entities_sha,
        inspectors_sha256=inspectors_sha,
        recusals_sha256=sha256(canonical(recusal_list(inputs.recusals))),
    )
    in_scope = [
        e
        for e in inputs.entities  # the snapshot: sorted by credit code
        if (not inputs.districts or e["district"] in inputs.districts)
        and (not inputs.types or e["type"] in inputs.types)
    ]
    drawn: list[dict[str, str]] = []
    for level in LEVELS:
        population = [e for e in in_scope if e["risk"] == level]
        k = level_count(len(population), percent=inputs.ratios.get(level), count=inputs.counts.get(level))
        picked = partial_shuffle(population, k, Stream(seed, f"entities/{level}"))
        result.levels.append(
            {
                "level": level,
                "population": len(population),
                "percent": str(inputs.ratios[level]) if level in inputs.ratios else None,
                "count": inputs.counts.get(level),
                "drawn": len(picked),
            }
        )
        drawn.extend(picked)
    pool = [i for i in inputs.inspectors if i["available"]]  # the snapshot: by employee number
    visits: dict[str, int] = {}
    for order, entity in enumerate(drawn, start=1):
        code = entity["credit_code"]
        eligible = [
            i
            for i in pool
            if (i["employee_no"], code) not in inputs.recusals
            and (not inputs.same_district or i["district"] == entity["district"])
            and (not inputs.max_visits or visits.get(i["employee_no"], 0) < inputs.max_visits)
        ]
        row: dict[str, Any] = {"order": order, **entity}
        if len(eligible) < inputs.per_visit:
            result.unassigned.append({**row, "reason": "too_few_inspectors", "eligible": len(eligible)})
            result.selected.append({**row, "inspectors": []})
            continue
        team = partial_shuffle(eligible, inputs.per_visit, Stream(seed, f"inspectors/{code}"))
        for member in team:
            visits[member["employee_no"]] = visits.get(member["employee_no"], 0) + 1
        result.selected.append({**row, "inspectors": [m["employee_no"] for m in team]})
    return result

"""Running, storing and checking 双随机 draws at the office.

A draw is final once run: the plan is refused if it was drawn before (no second try for a
better result). The draw record — plan, directory snapshots, recusal pairs, witness, seed,
algorithm and result — is signed by the office root, stored (never changed), printable, and its
entities become tasks, carried to the laptops of both inspectors of each visit by their next
return packages (the first inspector leads; the note names both).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from db.office import OfficeStore
from inspector_app.office.draw import algorithm
from inspector_app.office.draw.plan import RECUSAL_MONTHS, Plan, normalise_witness, parse_plan
from inspector_app.pki import certs, envelope
from inspector_app.services.errors import FieldError, ValidationFailed

FORMAT = "inspector-app-draw-record/1"
_SPLICE = "entities-" + "9f1c2d3e-snapshot-splice"  # a placeholder no real value can equal


@dataclass(frozen=True)
class DrawOutcome:
    """A draw as run and stored."""

    draw_id: str
    plan: Plan
    witness: str
    result: algorithm.DrawResult
    document: bytes  # the signed draw record (DRAW.json)
    tasks: int


@dataclass(frozen=True)
class DrawCheck:
    """`office draw --verify`: identical means the signature holds and a re-computation from the
    record's own inputs gives the same snapshots, seed and result."""

    identical: bool
    problems: list[str]
    draw_id: str
    plan_id: str
    root_sha256: str
    seed: str
    selected: int


@cache
def months_before(day: str, months: int) -> str:
    """The same calendar day ``months`` earlier (the last day of a shorter month)."""
    d = dt.date.fromisoformat(day)
    total = d.year * 12 + d.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate in range(d.day, 27, -1):
        try:
            return dt.date(year, month, candidate).isoformat()
        except ValueError:
            continue
    return dt.date(year, month, min(d.day, 28)).isoformat()


def inputs_of(
    plan: Plan,
    witness: str,
    entities: list[dict[str, Any]],
    inspectors: list[dict[str, Any]],
    recusals: set[tuple[str, str]],
    *,
    snapshot: list[dict[str, str]] | None = None,
) -> algorithm.DrawInputs:
    """The draw's inputs; ``snapshot``: the entity snapshot when already made (then
    ``entities`` is not read)."""
    return algorithm.DrawInputs(
        plan_id=plan.id,
        plan_date=plan.date,
        witness=witness,
        form_id=plan.item,
        ratios=dict(plan.ratios),
        counts=dict(plan.counts),
        per_visit=plan.per_visit,
        max_visits=plan.max_visits,
        districts=plan.districts,
        types=plan.types,
        same_district=plan.same_district,
        entities=snapshot if snapshot is not None else algorithm.entity_snapshot(entities),
        inspectors=algorithm.inspector_snapshot(inspectors),
        recusals=frozenset(recusals),
    )


def _err(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed([FieldError(field, code, params)])


class DrawService:
    """The 双随机 page and `office draw`: run a draw, list draws, their documents and tasks."""

    def __init__(
        self, store: OfficeStore, *, clock: Callable[[], str], device_id: str, actor: Callable[[], str]
    ) -> None:
        self.store = store
        self._clock = clock
        self._device_id = device_id
        self._actor = actor

    # -- inputs ------------------------------------------------------------------------------
    def inspectors(self, on: str) -> list[dict[str, Any]]:
        """The inspector directory on day ``on``: one row per employee number with a certificate
        valid that day and not revoked (the newest, for its device)."""
        rows: dict[str, dict[str, Any]] = {}
        for r in self.store.inspector_rows():
            if not r["employee_no"] or r["revoked_at"] or r["not_after"][:10] < on:
                continue
            rows[r["employee_no"]] = {
                "employee_no": r["employee_no"],
                "name": r["name"] or r["subject"],
                "district": r["district"],
                "available": bool(r["available"]),
                "device_id": r["device_id"],
            }
        return [rows[k] for k in sorted(rows)]

    def recusal_pairs(self, plan_date: str) -> set[tuple[str, str]]:
        """Who may not go where on ``plan_date``: inspected in the 12 months before, or listed."""
        since = months_before(plan_date, RECUSAL_MONTHS)
        pairs = self.store.inspected_pairs(date_from=since, date_to=plan_date)
        pairs |= {(r["employee_no"], r["credit_code"]) for r in self.store.recusals()}
        return pairs

    # -- the draw ------------------------------------------------------------------------------
    def run(self, plan_text: str, witness: str, *, root: Any) -> DrawOutcome:
        """Draw, sign with the unlocked office root, store, and make the tasks — one transaction.

        Raises ValidationFailed: the plan's faults, a bad witness number, a plan already drawn, an
        empty entity directory or no inspector.
        """
        plan = parse_plan(plan_text)
        witness = normalise_witness(witness)
        earlier = self.store.draw_for_plan(plan.id)
        if earlier is not None:
            raise _err("plan.id", "plan_drawn", value=plan.id, at=earlier["created_at"][:16])
        # The directory as plain text tuples, snapshot made from them directly (sorted here, as
        # the algorithm defines, not by the database's collation).
        snapshot = algorithm.entity_snapshot_of_text_rows(self.store.site_snapshot_rows())
        if not snapshot:
            raise _err("sites", "no_sites")
        inspectors = self.inspectors(plan.date)
        if not inspectors:
            raise _err("inspectors", "no_inspectors")
        recusals = self.recusal_pairs(plan.date)
        inputs = inputs_of(plan, witness, [], inspectors, recusals, snapshot=snapshot)
        entities_json = algorithm.canonical(inputs.entities)  # once: hash and record
        entities_text = entities_json.decode("utf-8")
        result = algorithm.run(inputs, entities_sha256=algorithm.sha256(entities_json))
        now = self._clock()
        draw_id = str(uuid.uuid4())
        office = self.store.office() or {}
        payload = {
            "draw_id": draw_id,
            "algorithm": algorithm.ALGORITHM,
            "drawn_at": now,
            "office": {"name": office.get("name", ""), "root_sha256": certs.cert_sha256(root.cert)},
            "root_certificate": certs.pem(root.cert),
            "plan": {**plan.as_json(), "text": plan.text, "sha256": plan.sha256},
            "witness": witness,
            "entities": _SPLICE,
            "inspectors": inputs.inspectors,
            "recusals": algorithm.recusal_list(recusals),
            "result": result.as_json(),
        }
        # The same canonical JSON as json.dumps(payload, sort_keys=True), the 50,000-row snapshot
        # spliced in rather than serialised a second time.
        text = algorithm.canonical(payload).decode("utf-8").replace(f'"{_SPLICE}"', entities_text, 1)
        document = envelope.seal_text(FORMAT, text, root.key)
        by_no = {i["employee_no"]: i for i in inspectors}
        site_rows = {e["credit_code"]: e for e in snapshot}  # the sites as the signed record has them
        task_rows: list[dict[str, Any]] = []
        with self.store.transaction():
            self.store.add_draw(
                {
                    "id": draw_id,
                    "plan_id": plan.id,
                    "plan_name": plan.name,
                    "plan_date": plan.date,
                    "form_id": plan.item,
                    "witness": witness,
                    "seed": result.seed,
                    "algorithm": algorithm.ALGORITHM,
                    "entities_sha256": result.entities_sha256,
                    "inspectors_sha256": result.inspectors_sha256,
                    "population": sum(level["population"] for level in result.levels),
                    "selected": len(result.selected),
                    "assigned": sum(1 for s in result.selected if s["inspectors"]),
                    "document": document,
                    "created_at": now,
                }
            )
            for chosen in result.selected:
                if not chosen["inspectors"]:
                    continue
                team = [by_no[e] for e in chosen["inspectors"]]
                site = site_rows[chosen["credit_code"]]
                task_id = str(uuid.uuid4())
                names = "、".join(m["name"] for m in team)
                number = f"{plan.id}，第 {chosen['order']} 号"
                task = {
                    "id": task_id,
                    "site": {
                        "name": site["name"],
                        "credit_code": site["credit_code"],
                        "district": site["district"],
                        "address": site.get("address", ""),
                        "kind": site["type"],
                    },
                    "instrument": None,
                    "form_id": plan.item,
                    "due_date": plan.due,
                    "note": f"双随机抽查 {plan.name}（{number}）；检查人员：{names}",
                    "draw_id": draw_id,
                    "plan_id": plan.id,
                    "inspectors": [{"employee_no": m["employee_no"], "name": m["name"]} for m in team],
                }
                task_rows.append(
                    {
                        "task_id": task_id,
                        "device_id": team[0]["device_id"],
                        "payload": json.dumps(task, ensure_ascii=False),
                        "created_at": now,
                        "draw_id": draw_id,
                        "credit_code": site["credit_code"],
                        "inspectors": tuple(m["employee_no"] for m in team),
                    }
                )
            self.store.add_tasks(task_rows)
            tasks = len(task_rows)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="draw",
                entity="office_draws",
                entity_id=draw_id,
                detail={
                    "plan_id": plan.id,
                    "witness": witness,
                    "seed": result.seed,
                    "selected": len(result.selected),
                    "tasks": tasks,
                },
            )
        return DrawOutcome(draw_id, plan, witness, result, document, tasks)

    # -- what was drawn --------------------------------------------------------------------------
    def draws(self) -> list[dict[str, Any]]:
        return self.store.draws()

    def document(self, draw_id: str) -> bytes:
        """The signed draw record; raises ValidationFailed for an unknown draw (id or plan id)."""
        row = self.store.draw(draw_id) or self.store.draw_for_plan(draw_id)
        if row is None:
            raise _err("draw", "not_found", value=draw_id)
        return bytes(row["document"])

    def tasks(self, draw_id: str) -> list[dict[str, Any]]:
        return self.store.draw_tasks(draw_id)

    def pdf(self, draw_id: str) -> bytes:
        """The draw record as a printable PDF (reads the signed document, nothing else)."""
        from inspector_app.pdf.office_reports import render_draw

        return render_draw(read_payload(self.document(draw_id)))


def read_payload(document: bytes) -> dict[str, Any]:
    """The draw record's payload (signature not checked: see `verify`); raises ValidationFailed."""
    try:
        payload, _signed, _sig = envelope.open_unverified(FORMAT, document)
    except envelope.EnvelopeInvalid as exc:
        raise _err("draw", "draw_not_a_record", detail=exc.code) from exc
    return payload


def verify(document: bytes, *, root_sha256: str = "") -> DrawCheck:
    """Check a draw record: the root's signature over it (and, given ``root_sha256``, that it is
    that office's root), then re-compute the draw from the inputs it carries. Never raises for a
    bad record: ``identical`` is False and ``problems`` say why."""
    problems: list[str] = []
    try:
        payload, _signed, _sig = envelope.open_unverified(FORMAT, document)
    except envelope.EnvelopeInvalid as exc:
        return DrawCheck(False, [f"not_a_draw_record:{exc.code}"], "", "", "", "", 0)
    draw_id = str(payload.get("draw_id", ""))
    try:
        root = certs.load(str(payload["root_certificate"]))
        root_sha = certs.cert_sha256(root)
    except (KeyError, ValueError):
        return DrawCheck(False, ["root_certificate_invalid"], draw_id, "", "", "", 0)
    try:
        envelope.open_signed(FORMAT, document, root)
    except envelope.EnvelopeInvalid:
        problems.append("signature_bad")
    if root_sha256 and root_sha != root_sha256:
        problems.append("foreign_office")
    recorded = payload.get("result") or {}
    try:
        plan = parse_plan(str(payload["plan"]["text"]))
        inputs = inputs_of(
            plan,
            normalise_witness(str(payload["witness"])),
            list(payload["entities"]),
            list(payload["inspectors"]),
            {(str(a), str(b)) for a, b in payload["recusals"]},
        )
        again = algorithm.run(inputs).as_json()
    except (KeyError, TypeError, ValueError, ValidationFailed):
        return DrawCheck(False, [*problems, "inputs_invalid"], draw_id, plan_id_of(payload), root_sha, "", 0)
    if inputs.entities != payload["entities"] or inputs.inspectors != payload["inspectors"]:
        problems.append("snapshot_not_canonical")
    if payload.get("algorithm") != algorithm.ALGORITHM:
        problems.append("algorithm_unknown")
    for key in (
        "seed",
        "entities_sha256",
        "inspectors_sha256",
        "recusals_sha256",
        "levels",
        "selected",
        "unassigned",
    ):
        if algorithm.canonical(again.get(key)) != algorithm.canonical(recorded.get(key)):
            problems.append(f"{key}_differs")
    return DrawCheck(
        not problems, problems, draw_id, plan.id, root_sha, str(again["seed"]), len(again["selected"])
    )


def plan_id_of(payload: dict[str, Any]) -> str:
    plan = payload.get("plan")
    return str(plan.get("id", "")) if isinstance(plan, dict) else ""

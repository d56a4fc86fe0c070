"""A draw plan (抽查计划) as the office writes it: a small TOML file, checked whole.

See `examples/draw-plan.toml`. Every figure has a default from spec/office.md (ratios A 30 %,
B 10 %, C 2 %, D 1 %; two inspectors per visit); every fault is a FieldError naming the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from forms import form_ids
from inspector_app.office.draw.algorithm import LEVELS
from inspector_app.registries import DISTRICTS, SITE_KINDS
from inspector_app.services.errors import FieldError, ValidationFailed

DEFAULT_RATIOS = {"A": Decimal(30), "B": Decimal(10), "C": Decimal(2), "D": Decimal(1)}  # %, spec/office.md
DEFAULT_PER_VISIT = 2  # inspectors per visit (spec/office.md; provincial practice)
MAX_PER_VISIT = 6
PLAN_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.\-]{0,63}")
WITNESS = re.compile(r"[0-9]{1,40}")
RECUSAL_MONTHS = 12  # spec/office.md: not sent where inspected in the last 12 months
KNOWN_KEYS = {
    "id",
    "name",
    "date",
    "item",
    "due",
    "inspectors_per_visit",
    "max_visits_per_inspector",
    "same_district",
    "scope",
    "ratios",
    "counts",
}


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    date: str
    item: str
    due: str
    per_visit: int
    max_visits: int
    same_district: bool
    districts: tuple[str, ...]
    types: tuple[str, ...]
    ratios: dict[str, Decimal]  # percent per level
    counts: dict[str, int]
    text: str  # the file as given, kept verbatim in the draw record
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "date": self.date,
            "item": self.item,
            "due": self.due,
            "inspectors_per_visit": self.per_visit,
            "max_visits_per_inspector": self.max_visits,
            "same_district": self.same_district,
            "scope": {"districts": list(self.districts), "types": list(self.types)},
            "ratios": {k: str(v) for k, v in self.ratios.items()},
            "counts": dict(self.counts),
        }


def _err(field: str, code: str, **params: Any) -> FieldError:
    return FieldError(f"plan.{field}", code, params)


def _date(data: dict[str, Any], key: str, errors: list[FieldError], *, required: bool) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            errors.append(_err(key, "required"))
        return ""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        errors.append(_err(key, "not_a_date", value=str(value)))
        return ""


def _int(data: dict[str, Any], key: str, default: int, low: int, high: int, errors: list[FieldError]) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(_err(key, "not_an_integer", value=str(value)))
        return default
    if not low <= value <= high:
        errors.append(_err(key, "out_of_range", value=value, min=low, max=high))
        return default
    return value


def _percent(level: str, value: Any, errors: list[FieldError]) -> Decimal | None:
    if isinstance(value, bool):
        errors.append(_err(f"ratios.{level}", "not_a_number", value=str(value)))
        return None
    text = str(value).strip().removesuffix("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors.append(_err(f"ratios.{level}", "not_a_number", value=str(value)))
        return None
    if not number.is_finite() or not Decimal(0) < number <= Decimal(100):
        errors.append(
            _err(
                f"ratios.{level}", "out_of_range", value=str(value), min="0", max="100 %", min_exclusive=True
            )
        )
        return None
    return number


def parse_plan(text: str) -> Plan:
    """The plan in ``text``; raises ValidationFailed listing every fault (key by key)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationFailed([FieldError("plan", "plan_not_toml", {"detail": str(exc)[:160]})]) from exc
    errors: list[FieldError] = []
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        errors.append(_err(unknown[0], "unknown_key", value=unknown[0], choices=sorted(KNOWN_KEYS)))
    plan_id = str(data.get("id", ""))
    if not plan_id:
        errors.append(_err("id", "required"))
    elif not PLAN_ID.fullmatch(plan_id):
        errors.append(_err("id", "plan_id_invalid", value=plan_id))
    name = str(data.get("name", "")).strip()
    if len(name) > 200:
        errors.append(_err("name", "too_long", max=200))
    date = _date(data, "date", errors, required=True)
    due = _date(data, "due", errors, required=False)
    if date and due and due < date:
        errors.append(_err("due", "before_plan_date", value=due, date=date))
    item = str(data.get("item", ""))
    if item not in form_ids():
        errors.append(_err("item", "unknown_choice", value=item, choices=list(form_ids())))
    per_visit = _int(data, "inspectors_per_visit", DEFAULT_PER_VISIT, 1, MAX_PER_VISIT, errors)
    max_visits = _int(data, "max_visits_per_inspector", 0, 0, 10_000, errors)
    same_district = data.get("same_district", False)
    if not isinstance(same_district, bool):
        errors.append(_err("same_district", "not_a_boolean", value=str(same_district)))
        same_district = False
    scope = data.get("scope", {})
    if not isinstance(scope, dict):
        errors.append(_err("scope", "not_an_object"))
        scope = {}
    districts = tuple(str(d) for d in scope.get("districts", []) or [])
    for d in districts:
        if d not in DISTRICTS:
            errors.append(_err("scope.districts", "unknown_choice", value=d, choices=list(DISTRICTS)))
    kinds = [k[0] for k in SITE_KINDS]
    types = tuple(str(t) for t in scope.get("types", []) or [])
    for t in types:
        if t not in kinds:
            errors.append(_err("scope.types", "unknown_choice", value=t, choices=kinds))
    ratios_in = data.get("ratios", None)
    ratios: dict[str, Decimal] = dict(DEFAULT_RATIOS)
    if ratios_in is not None:
        if not isinstance(ratios_in, dict):
            errors.append(_err("ratios", "not_an_object"))
        else:
            for level, value in ratios_in.items():
                if level not in LEVELS:
                    errors.append(
                        _err(f"ratios.{level}", "unknown_choice", value=level, choices=list(LEVELS))
                    )
                    continue
                number = _percent(level, value, errors)
                if number is not None:
                    ratios[level] = number
    counts: dict[str, int] = {}
    counts_in = data.get("counts", {})
    if not isinstance(counts_in, dict):
        errors.append(_err("counts", "not_an_object"))
        counts_in = {}
    for level, value in counts_in.items():
        if level not in LEVELS:
            errors.append(_err(f"counts.{level}", "unknown_choice", value=level, choices=list(LEVELS)))
        elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
            errors.append(_err(f"counts.{level}", "not_an_integer", value=str(value)))
        else:
            counts[level] = value
    if errors:
        raise ValidationFailed(errors)
    return Plan(
        id=plan_id,
        name=name or plan_id,
        date=date,
        item=item,
        due=due,
        per_visit=per_visit,
        max_visits=max_visits,
        same_district=bool(same_district),
        districts=districts,
        types=types,
        ratios=ratios,
        counts=counts,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def normalise_witness(text: str) -> str:
    """The witness number as drawn in public (spaces and dashes between digits allowed); raises
    ValidationFailed when it is not 1–40 digits."""
    digits = "".join(c for c in str(text) if c not in " -\u3000")
    if not WITNESS.fullmatch(digits):
        raise ValidationFailed([FieldError("witness", "witness_invalid", {"value": str(text)})])
    return digits

"""Form definitions: the declarative half of a check procedure, loaded from TOML and hashed.

A definition carries what a regulation fixes (limits with their source, field ranges, item codes,
steps and checklist items with zh/en labels); the evaluator next to it carries only the formulas.
The SHA-256 of the file is stored with every inspection, so an old record can be re-evaluated with
the very definition it was recorded under.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from forms.errors import DefinitionError, InputError
from forms.measures import STANDARD_MEASURES, Measure
from forms.numbers import to_decimal

FIELD_TYPES = ("decimal", "integer", "boolean", "choice", "text", "date", "tariff")
STEP_KINDS = ("fields", "checklist", "grid", "summary")


@dataclass(frozen=True)
class Choice:
    value: str
    zh: str
    en: str


@dataclass(frozen=True)
class FieldSpec:
    """One typed input: its labels, unit, type and the range the regulation or physics allows."""

    id: str
    zh: str
    en: str
    type: str = "decimal"
    unit: str = ""
    min: Decimal | None = None
    max: Decimal | None = None
    min_exclusive: bool = False
    required: bool = True
    resolution: Decimal | None = None
    choices: tuple[Choice, ...] = ()
    help_zh: str = ""
    help_en: str = ""

    def parse(self, raw: Any, path: str) -> Any:
        """Validate one raw value; raises InputError naming ``path`` and the allowed range."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise InputError(path, "required", label_zh=self.zh, label_en=self.en)
        if self.type in ("decimal", "integer"):
            try:
                value = to_decimal(raw, path)
            except InputError as exc:  # name the field as people know it, not only its path
                raise InputError(path, exc.code, **exc.params, label_zh=self.zh, label_en=self.en) from None
            if self.type == "integer" and value != value.to_integral_value():
                raise InputError(path, "not_an_integer", value=str(raw))
            self.check_range(value, path)
            return int(value) if self.type == "integer" else value
        if self.type == "boolean":
            if isinstance(raw, bool):
                return raw
            if isinstance(raw, str) and raw.strip().lower() in ("true", "false", "1", "0"):
                return raw.strip().lower() in ("true", "1")
            raise InputError(path, "not_a_boolean", value=str(raw))
        if self.type == "choice":
            allowed = [c.value for c in self.choices]
            if str(raw) not in allowed:
                raise InputError(path, "unknown_choice", value=str(raw), choices=allowed)
            return str(raw)
        return str(raw)

    def check_range(self, value: Decimal, path: str) -> None:
        low_bad = self.min is not None and (value <= self.min if self.min_exclusive else value < self.min)
        high_bad = self.max is not None and value > self.max
        if low_bad or high_bad:
            raise self.out_of_range(value, path)

    def out_of_range(
        self, value: Any, path: str, *, high: Any = "field", unit: str | None = None
    ) -> InputError:
        """The error for a value outside this field's range, or outside a range the rules narrow
        further (``high``: the upper bound in force; None for unbounded)."""
        upper = self.max if high == "field" else high
        return InputError(
            path,
            "out_of_range",
            value=str(value),
            min=None if self.min is None else str(self.min),
            max=None if upper is None else str(upper),
            min_exclusive=self.min_exclusive,
            unit=self.unit if unit is None else unit,
            label_zh=self.zh,
            label_en=self.en,
        )


@dataclass(frozen=True)
class ChecklistItem:
    """A yes/no observation (a seal intact, a certificate valid); a 'no' fails the instrument."""

    id: str
    zh: str
    en: str
    number_zh: str = ""  # label of an optional number to record (seal number), empty for none
    number_en: str = ""


@dataclass(frozen=True)
class Step:
    id: str
    zh: str
    en: str
    kind: str
    fields: tuple[str, ...] = ()
    grid: str = ""  # the input path the grid fills, e.g. "flow_points[].runs[]"
    min_rows: int = 0
    max_rows: int = 0
    header: tuple[str, ...] = ()  # fields of the grid's parent object (eccentricity.load)
    scalar: bool = False  # grid rows are plain values (tare.empty[i]), not objects
    results: str = ""  # where the grid's computed rows are in the results, if not at `grid`
    group_zh: str = ""  # two-level grids: what a group is called (流量点), for the column and messages
    group_en: str = ""


@dataclass(frozen=True)
class Limit:
    value: Any
    source: str


@dataclass(frozen=True)
class FormDefinition:
    """A loaded, schema-checked definition; ``sha256`` identifies the exact text it came from."""

    id: str
    version: str
    regulation: str
    edition: str
    zh: str
    en: str
    instrument_kind: str
    items: dict[str, tuple[str, str]]
    fields: dict[str, FieldSpec]
    steps: tuple[Step, ...]
    checklist: tuple[ChecklistItem, ...]
    limits: dict[str, Limit]
    text: str = field(repr=False)
    sha256: str = ""
    measures: tuple[Measure, ...] = STANDARD_MEASURES  # what may be recorded as done (forms.measures)

    def limit(self, key: str) -> Any:
        """A limit's value, converted to Decimal where it is a number written as a string."""
        value = self.limits[key].value
        return _decimalise(value)

    def parse(self, field_id: str, raw: Any, path: str) -> Any:
        return self.fields[field_id].parse(raw, path)


def _decimalise(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if isinstance(value, Mapping):
        return {k: _decimalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimalise(v) for v in value]
    return value


def _dec(data: Mapping[str, Any], key: str, where: str) -> Decimal | None:
    if key not in data:
        return None
    try:
        return Decimal(str(data[key]))
    except ArithmeticError as exc:
        raise DefinitionError(f"{where}.{key}: not a decimal") from exc


def _need(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise DefinitionError(f"{where}: missing key '{key}'")
    if not isinstance(data[key], kind):
        raise DefinitionError(f"{where}.{key}: expected {kind.__name__}")
    return data[key]


def parse_definition(text: str) -> FormDefinition:
    """Build a definition from TOML text, checking it against the schema.

    Raises DefinitionError naming the first key that breaks the schema.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"not TOML: {exc}") from exc
    for key in ("id", "version", "regulation", "edition", "zh", "en", "instrument_kind"):
        _need(data, key, str, "definition")

    items = {}
    for code, labels in _need(data, "items", dict, "definition").items():
        items[code] = (_need(labels, "zh", str, f"items.{code}"), _need(labels, "en", str, f"items.{code}"))

    fields: dict[str, FieldSpec] = {}
    for fid, spec in _need(data, "fields", dict, "definition").items():
        where = f"fields.{fid}"
        ftype = spec.get("type", "decimal")
        if ftype not in FIELD_TYPES:
            raise DefinitionError(f"{where}.type: '{ftype}' is not one of {FIELD_TYPES}")
        choices = tuple(
            Choice(str(_need(c, "value", str, where)), _need(c, "zh", str, where), _need(c, "en", str, where))
            for c in spec.get("choices", [])
        )
        if ftype == "choice" and not choices:
            raise DefinitionError(f"{where}: a choice field needs choices")
        fields[fid] = FieldSpec(
            id=fid,
            zh=_need(spec, "zh", str, where),
            en=_need(spec, "en", str, where),
            type=ftype,
            unit=spec.get("unit", ""),
            min=_dec(spec, "min", where),
            max=_dec(spec, "max", where),
            min_exclusive=bool(spec.get("min_exclusive", False)),
            required=bool(spec.get("required", True)),
            resolution=_dec(spec, "resolution", where),
            choices=choices,
            help_zh=spec.get("help_zh", ""),
            help_en=spec.get("help_en", ""),
        )

    steps = []
    for i, step in enumerate(_need(data, "steps", list, "definition")):
        where = f"steps[{i}]"
        kind = _need(step, "kind", str, where)
        if kind not in STEP_KINDS:
            raise DefinitionError(f"{where}.kind: '{kind}' is not one of {STEP_KINDS}")
        step_fields = tuple(step.get("fields", []))
        for fid in (*step_fields, *step.get("header", [])):
            if fid not in fields:
                raise DefinitionError(f"{where}.fields: unknown field '{fid}'")
        if kind == "grid" and not step.get("grid"):
            raise DefinitionError(f"{where}: a grid step needs 'grid'")
        steps.append(
            Step(
                id=_need(step, "id", str, where),
                zh=_need(step, "zh", str, where),
                en=_need(step, "en", str, where),
                kind=kind,
                fields=step_fields,
                grid=step.get("grid", ""),
                header=tuple(step.get("header", [])),
                scalar=bool(step.get("scalar", False)),
                results=step.get("results", ""),
                group_zh=step.get("group_zh", ""),
                group_en=step.get("group_en", ""),
                min_rows=int(step.get("min_rows", 0)),
                max_rows=int(step.get("max_rows", 0)),
            )
        )

    checklist = tuple(
        ChecklistItem(
            id=_need(c, "id", str, "checklist"),
            zh=_need(c, "zh", str, "checklist"),
            en=_need(c, "en", str, "checklist"),
            number_zh=c.get("number_zh", ""),
            number_en=c.get("number_en", ""),
        )
        for c in data.get("checklist", [])
    )
    for c in checklist:
        if c.id not in items:
            raise DefinitionError(f"checklist.{c.id}: no entry in [items] for its code")

    limits = {}
    for key, limit in _need(data, "limits", dict, "definition").items():
        where = f"limits.{key}"
        if "value" not in limit:
            raise DefinitionError(f"{where}: missing key 'value'")
        limits[key] = Limit(value=limit["value"], source=_need(limit, "source", str, where))

    measures = (
        tuple(
            Measure(
                id=_need(m, "id", str, "measures"),
                zh=_need(m, "zh", str, "measures"),
                en=_need(m, "en", str, "measures"),
            )
            for m in data["measures"]
        )
        if "measures" in data
        else STANDARD_MEASURES
    )

    return FormDefinition(
        measures=measures,
        id=data["id"],
        version=data["version"],
        regulation=data["regulation"],
        edition=data["edition"],
        zh=data["zh"],
        en=data["en"],
        instrument_kind=data["instrument_kind"],
        items=items,
        fields=fields,
        steps=tuple(steps),
        checklist=checklist,
        limits=limits,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def load_definition_file(path: Path) -> FormDefinition:
    return parse_definition(path.read_text(encoding="utf-8"))

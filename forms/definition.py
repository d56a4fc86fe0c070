"""Form definitions: the declarative half of a check procedure, loaded from TOML and hashed.

A definition carries what a regulation fixes (limits with their source, field ranges, item codes,
steps and checklist items with zh/en labels); the evaluator next to it carries only the formulas.
The SHA-256 of the file is stored with every inspection, so an old record can be re-evaluated with
the very definition it was recorded under.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from forms.errors import DefinitionError, InputError
from forms.measures import STANDARD_MEASURES, Measure
from forms.numbers import is_multiple, plain, times, to_decimal

# What a value of a field may be measured against: the other readings of the check by field id
# (the row's own first, then the check's), returning the raw value or None when not given.
Context = Callable[[str], Any]

FIELD_TYPES = ("decimal", "integer", "boolean", "choice", "text", "date", "tariff")
STEP_KINDS = ("fields", "checklist", "grid", "summary")
SUBJECTS = ("instrument", "product_lot")
# What an item code is about. The office's credit lists read "seal" and "cheating" findings
# (spec/office.md, "Credit lists"); statistics may group by the others.
ITEM_CATEGORIES = ("measurement", "seal", "cheating", "document", "marking", "function", "software")
COLUMN_KINDS = ("group", "index", "input", "result", "verdict", "entry")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Choice:
    value: str
    zh: str
    en: str
    unit: str = ""  # the unit the choice implies (a lot measured by mass: g), for {unit.FIELD}


_PARSED_KEPT = 4096  # texts kept per field (a lot's 125 packages, a session's edits)


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
    resolution_from: tuple[str, ...] = ()
    resolution_factor: Decimal = Decimal(1)
    choices: tuple[Choice, ...] = ()
    help_zh: str = ""
    help_en: str = ""
    # Values parsed from a text, by the text: the answer depends on nothing else for a field not
    # measured against another, and every edit parses all 125 packages of a lot again.
    _parsed: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def step(self, context: Context | None = None) -> Decimal | None:
        """The step every value of this field is a multiple of, or None for any value.

        ``resolution_factor`` × the first field of ``resolution_from`` given in ``context`` (a
        scale's indication: d, or e where d is absent; ΔL: 0.1 × e), else the fixed ``resolution``
        (a dispenser's V_J: 0.01 L). A step field that is given but not a positive number sets no
        step here: its own message says what is wrong with it.
        """
        if context is not None:
            for name in self.resolution_from:
                raw = context(name)
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                try:
                    base = to_decimal(raw, name)
                except InputError:
                    return None
                return times(self.resolution_factor, base) if base > 0 else None
        return self.resolution

    def parse(self, raw: Any, path: str, context: Context | None = None) -> Any:
        """Validate one raw value; raises InputError naming ``path`` and the allowed range, or
        the step it must be a multiple of (``step``: the instrument cannot show a finer value,
        so a finer one is a slip — 2011.03000 typed after 2011.0 —, not a reading)."""
        if type(raw) is str and not self.resolution_from:
            try:
                return self._parsed[raw]
            except KeyError:
                value = self._parse(raw, path, context)  # a refusal raises: never kept
                if len(self._parsed) >= _PARSED_KEPT:
                    self._parsed.clear()
                self._parsed[raw] = value
                return value
        return self._parse(raw, path, context)

    def _parse(self, raw: Any, path: str, context: Context | None) -> Any:
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
            self.check_step(value, raw, path, context)
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

    def check_step(self, value: Decimal, raw: Any, path: str, context: Context | None) -> None:
        step = self.step(context)
        if step is not None and not is_multiple(value, step):
            raise InputError(
                path,
                "finer_than_resolution",
                value=str(raw),
                resolution=plain(step.normalize()),
                unit=self.unit,
                label_zh=self.zh,
                label_en=self.en,
            )

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
    # Single results shown under the step as soon as they are computed, each as the record prints
    # it (a lot's n, T, 2T, λ, c1 on the lot step; the average tare on the tare step).
    figures: tuple[str, ...] = ()
    # A grid whose number of rows a result decides (a lot's sample size n): the line saying how
    # many are needed and how many are entered, "{needed}" and "{given}" filled in.
    count: str = ""
    count_zh: str = ""
    count_en: str = ""
    # The types of control for which the step may be left out (the scale's tare or eccentricity
    # in an in-service check: scale.md §A.2, the ★ subset), so not doing it is no gap.
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Limit:
    value: Any
    source: str


@dataclass(frozen=True)
class ResultSpec:
    """A computed value as people read it: its label and unit, and how it is displayed.

    ``resolution`` is the recorded resolution (GB/T 8170 display rounding), ``sign`` shows a '+';
    ``limit`` names a limit the value is compared with as ±limit, so the display never contradicts
    the row's verdict; ``flag`` names the result key saying whether the value is within its limit;
    ``values`` labels coded values (a package's class ok/t1/t2). Only declared results are shown.
    """

    key: str
    zh: str
    en: str
    unit: str = ""
    resolution: Decimal | None = None
    sign: bool = False
    limit: str = ""
    flag: str = ""
    values: dict[str, tuple[str, str]] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def value_label(self, code: Any, lang: str) -> str | None:
        found = self.values.get(str(code))
        return None if found is None else found[0 if lang == "zh" else 1]


@dataclass(frozen=True)
class ReportColumn:
    """One column of a printed table (or one cell of a summary table).

    ``kind``: ``group`` (the group number of a two-level grid), ``index`` (the row's number within
    its group or table), ``input`` (a typed value: ``keys`` names the field), ``result`` (a computed
    value: the first of ``keys`` present), ``verdict`` (the row's verdict, or why it was not
    judged), ``entry`` (the name of an entry of an entries table). The header is ``zh``/``en`` if
    given, else the field's or result's label; its unit ``unit`` if given, else the field's or
    result's, which may name the unit of a choice made (``{unit.quantity}``: a lot's g or mL).
    ``absent_zh``/``absent_en`` is printed for a missing value. ``item``: the item code whose
    failure this figure shows (a summary cell is marked failed when the record failed it).
    ``typed``: the input this result is when it was typed rather than computed (a package's net
    content weighed directly), so that reading is on paper here and not listed again.
    """

    kind: str
    keys: tuple[str, ...] = ()
    zh: str = ""
    en: str = ""
    unit: str | None = None
    prefix: str = ""
    absent_zh: str = ""
    absent_en: str = ""
    item: str = ""
    typed: str = ""


@dataclass(frozen=True)
class ReportEntry:
    path: str
    zh: str
    en: str


@dataclass(frozen=True)
class ReportTable:
    """A table the record prints, declared by the procedure.

    ``rows`` is a grid path of the input (``flow_points[].runs[]``), or an object path printed as one
    row (``repeatability``); ``results`` where the rows' computed values are, if not at ``rows``;
    ``entries`` instead lists objects printed one per row (zero, tare). ``scalar`` rows are plain
    values (a grid of ``scalar`` step: the empties' tares), printed under the table's one input
    column. ``kind = "summary"`` prints
    ``columns`` as label–value pairs, two per line. Titles may hold placeholders filled from the
    definition the record was evaluated with: ``{limit.KEY}``, ``{input.PATH}``, ``{result.PATH}``,
    ``{control}``; ``{SOURCE.PATH:text with %|text if absent}`` puts the value where ``%`` is.
    """

    zh: str
    en: str
    rows: str = ""
    results: str = ""
    entries: tuple[ReportEntry, ...] = ()
    columns: tuple[ReportColumn, ...] = ()
    kind: str = "rows"
    group_zh: str = ""
    group_en: str = ""
    scalar: bool = False

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


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
    subject: str = "instrument"  # "instrument" or "product_lot" (a lot of prepackaged goods)
    qr_letter: str = ""  # the procedure's letter in a record's QR summary
    item_categories: dict[str, str] = field(default_factory=dict)  # item code → ITEM_CATEGORIES
    results: dict[str, ResultSpec] = field(default_factory=dict)
    report: tuple[ReportTable, ...] = ()
    next_steps: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (zh, en)
    missing: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (zh, en) templates
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)  # why a row was not judged

    def item_label(self, code: str, lang: str) -> str:
        zh, en = self.items.get(code, (code, code))
        return zh if lang == "zh" else en

    def items_in(self, *categories: str) -> list[str]:
        """The item codes of these categories (the office's credit lists ask "seal", "cheating")."""
        return [code for code, cat in self.item_categories.items() if cat in categories]

    def text_of(self, table: Mapping[str, tuple[str, str]], code: str, lang: str) -> str:
        found = table.get(code)
        return code if found is None else found[0 if lang == "zh" else 1]

    def limit(self, key: str) -> Any:
        """A limit's value, converted to Decimal where it is a number written as a string."""
        value = self.limits[key].value
        return _decimalise(value)

    def parse(self, field_id: str, raw: Any, path: str, context: Context | None = None) -> Any:
        return self.fields[field_id].parse(raw, path, context)


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


def _names(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    names = data.get(key, [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DefinitionError(f"{where}.{key}: expected a list of field ids")
    return tuple(names)


def scope(*objects: Any) -> Context:
    """A context for `FieldSpec.step`: a name's value in the first of ``objects`` (the row, then
    the check) that gives it."""

    def lookup(name: str) -> Any:
        for obj in objects:
            if isinstance(obj, Mapping) and obj.get(name) not in (None, ""):
                return obj[name]
        return None

    return lookup


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
    categories = {}
    for code, labels in _need(data, "items", dict, "definition").items():
        items[code] = (_need(labels, "zh", str, f"items.{code}"), _need(labels, "en", str, f"items.{code}"))
        if "category" in labels:
            category = _need(labels, "category", str, f"items.{code}")
            if category not in ITEM_CATEGORIES:
                raise DefinitionError(f"items.{code}.category: '{category}' is not one of {ITEM_CATEGORIES}")
            categories[code] = category
    subject = data.get("subject", "product_lot" if data["instrument_kind"] == "product_lot" else "instrument")
    if subject not in SUBJECTS:
        raise DefinitionError(f"definition.subject: '{subject}' is not one of {SUBJECTS}")
    qr_letter = data.get("qr_letter", "")
    if qr_letter and not re.fullmatch(r"[A-Z]", str(qr_letter)):
        raise DefinitionError("definition.qr_letter: one capital letter A–Z")

    fields: dict[str, FieldSpec] = {}
    for fid, spec in _need(data, "fields", dict, "definition").items():
        where = f"fields.{fid}"
        ftype = spec.get("type", "decimal")
        if ftype not in FIELD_TYPES:
            raise DefinitionError(f"{where}.type: '{ftype}' is not one of {FIELD_TYPES}")
        choices = tuple(
            Choice(
                str(_need(c, "value", str, where)),
                _need(c, "zh", str, where),
                _need(c, "en", str, where),
                str(c.get("unit", "")),
            )
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
            resolution_from=_names(spec, "resolution_from", where),
            resolution_factor=_dec(spec, "resolution_factor", where) or Decimal(1),
            choices=choices,
            help_zh=spec.get("help_zh", ""),
            help_en=spec.get("help_en", ""),
        )

    for fid, fspec in fields.items():
        for name in fspec.resolution_from:
            if name not in fields:
                raise DefinitionError(f"fields.{fid}.resolution_from: unknown field '{name}'")

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
                figures=tuple(step.get("figures", [])),
                count=step.get("count", ""),
                count_zh=step.get("count_zh", ""),
                count_en=step.get("count_en", ""),
                optional=tuple(step.get("optional", [])),
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

    results = _results(data.get("results", {}))
    for i, step in enumerate(steps):
        for key in (*step.figures, *([step.count] if step.count else [])):
            if key not in results:
                raise DefinitionError(f"steps[{i}].figures: '{key}' is not a declared result")
    report = _report(data.get("report", {}), fields, results, limits)

    return FormDefinition(
        subject=subject,
        qr_letter=qr_letter,
        item_categories=categories,
        results=results,
        report=report,
        next_steps=_texts(data, "next_steps"),
        missing=_texts(data, "missing"),
        notes=_texts(data, "notes"),
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


def _texts(data: Mapping[str, Any], key: str) -> dict[str, tuple[str, str]]:
    """A table of codes → {zh, en} (next steps, missing content, notes)."""
    out = {}
    for code, labels in _need(data, key, dict, "definition").items() if key in data else ():
        where = f"{key}.{code}"
        out[code] = (_need(labels, "zh", str, where), _need(labels, "en", str, where))
    return out


def _results(data: Any) -> dict[str, ResultSpec]:
    if not isinstance(data, dict):
        raise DefinitionError("results: expected a table")
    out = {}
    for key, spec in data.items():
        where = f"results.{key}"
        if not isinstance(spec, dict):
            raise DefinitionError(f"{where}: expected a table")
        values = {}
        for code, labels in spec.get("values", {}).items():
            values[str(code)] = (
                _need(labels, "zh", str, f"{where}.values"),
                _need(labels, "en", str, f"{where}.values"),
            )
        out[key] = ResultSpec(
            key=key,
            zh=_need(spec, "zh", str, where),
            en=_need(spec, "en", str, where),
            unit=spec.get("unit", ""),
            resolution=_dec(spec, "resolution", where),
            sign=bool(spec.get("sign", False)),
            limit=spec.get("limit", ""),
            flag=spec.get("flag", ""),
            values=values,
        )
    return out


def _report(
    data: Any, fields: dict[str, FieldSpec], results: dict[str, ResultSpec], limits: dict[str, Limit]
) -> tuple[ReportTable, ...]:
    """The printed tables, each column checked against the fields and results it names."""
    if not isinstance(data, dict):
        raise DefinitionError("report: expected a table")
    tables = []
    for i, table in enumerate(data.get("tables", [])):
        where = f"report.tables[{i}]"
        kind = table.get("kind", "rows")
        if kind not in ("rows", "summary"):
            raise DefinitionError(f"{where}.kind: '{kind}' is not rows or summary")
        zh, en = _need(table, "zh", str, where), _need(table, "en", str, where)
        for title in (zh, en):
            for ref in _PLACEHOLDER.findall(title):
                source, _, rest = ref.partition(".")
                key = rest.split(":")[0].split("|")[0]
                if source == "limit" and key not in limits:
                    raise DefinitionError(f"{where}: title names an unknown limit '{key}'")
                if source not in ("limit", "input", "result") and ref != "control":
                    raise DefinitionError(
                        f"{where}: title placeholder '{{{ref}}}' is not limit, input, result or control"
                    )
        entries = tuple(
            ReportEntry(_need(e, "path", str, where), _need(e, "zh", str, where), _need(e, "en", str, where))
            for e in table.get("entries", [])
        )
        rows = table.get("rows", "")
        if kind == "rows" and not rows and not entries:
            raise DefinitionError(f"{where}: a table needs 'rows' or 'entries'")
        scalar = table.get("scalar", False)
        if not isinstance(scalar, bool):
            raise DefinitionError(f"{where}.scalar: expected true or false")
        columns = []
        for j, col in enumerate(_need(table, "columns", list, where)):
            cwhere = f"{where}.columns[{j}]"
            found = [k for k in COLUMN_KINDS if k in col]
            if len(found) != 1:
                raise DefinitionError(f"{cwhere}: exactly one of {COLUMN_KINDS}")
            ckind = found[0]
            raw = col[ckind]
            keys = tuple(raw) if isinstance(raw, list) else (raw,) if isinstance(raw, str) else ()
            for key in keys:  # a path below the row (the input's root for a summary): its last name
                name = key.rsplit(".", 1)[-1]
                if ckind == "input" and name not in fields:
                    raise DefinitionError(f"{cwhere}: unknown field '{key}'")
                if ckind == "result" and name not in results:
                    raise DefinitionError(f"{cwhere}: result '{key}' is not declared in [results]")
            if ckind in ("input", "result") and not keys:
                raise DefinitionError(f"{cwhere}: '{ckind}' names a field or result")
            columns.append(
                ReportColumn(
                    kind=ckind,
                    keys=keys,
                    zh=col.get("zh", ""),
                    en=col.get("en", ""),
                    unit=col.get("unit"),
                    prefix=col.get("prefix", ""),
                    absent_zh=col.get("absent_zh", ""),
                    absent_en=col.get("absent_en", ""),
                    item=str(col.get("item", "")),
                    typed=str(col.get("typed", "")),
                )
            )
        if scalar and (not rows or [c.kind for c in columns].count("input") != 1):
            raise DefinitionError(f"{where}: a scalar table needs 'rows' and exactly one input column")
        tables.append(
            ReportTable(
                zh=zh,
                en=en,
                rows=rows,
                results=table.get("results", ""),
                entries=entries,
                columns=tuple(columns),
                kind=kind,
                group_zh=table.get("group_zh", ""),
                group_en=table.get("group_en", ""),
                scalar=scalar,
            )
        )
    return tuple(tables)


def load_definition_file(path: Path) -> FormDefinition:
    return parse_definition(path.read_text(encoding="utf-8"))

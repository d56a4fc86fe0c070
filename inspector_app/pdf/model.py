"""The frozen report model: what a record's PDF shows, built from the canonical record alone.

Values are formatted for display here (rounded where the spec says, GB/T 8170); the evaluation
in the record keeps full precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from forms import FormDefinition
from forms.definition import FieldSpec, ReportColumn, ReportTable
from forms.display import choice_unit, money, plain_text, result_text, shown_results, unit_of
from forms.numbers import round_gbt8170
from inspector_app import cells, vocabulary
from inspector_app.local_time import local
from inspector_app.pdf.glyphs import FAIL_MARK
from inspector_app.readings import at, entries, split
from inspector_app.registries import SITE_KINDS
from inspector_app.sheets import place_of, spec_at

LANG = "zh"  # the record is printed in Chinese (the law's language); the definitions carry both
SITE_KIND_NAMES = {code: zh for code, zh, _en in SITE_KINDS}


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    row_verdicts: list[Any] = field(default_factory=list)  # "pass"/"fail"/None: colours the last cell
    kind: str = "rows"  # "summary": rows of label, value, label, value


@dataclass(frozen=True)
class ReportModel:
    office: str
    title: str
    record_no: str
    regulation: str
    control: str
    blocks: list[tuple[str, list[tuple[str, str]]]]  # (heading, [(label, value)])
    tables: list[Table]
    verdict: str
    verdict_text: str
    failed: list[str]
    next_steps: list[str]
    measures: list[str]
    inspector: str
    finalised_at: str  # local time (Beijing), as printed
    fingerprint: str
    supersedes: str | None  # the replaced record's number (a correction), as printed
    signatures: dict[str, bytes]  # "inspector" / "partner" (the second officer) / "site" → PNG
    photos: list[bytes]
    inspectors: list[str] = field(default_factory=list)  # both officers, "name（ID）", the lead first
    refusal: str = ""  # why the site's representative did not sign (signed with the record)


def _d(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def fmt(value: Any, quantum: str | Decimal | None = None, *, sign: bool = False) -> str:
    """Display text: rounded once by GB/T 8170 to ``quantum``; blank for missing values."""
    number = _d(value)
    if number is None:
        return "" if value is None else str(value)
    if quantum is not None:
        number = round_gbt8170(number, Decimal(str(quantum)))
    text = format(number, "f")
    return f"+{text}" if sign and number > 0 else text


# -- the procedure's tables, as its definition declares them -----------------------------------


def _input_text(spec: FieldSpec | None, value: Any, record: dict[str, Any] | None = None) -> str:
    """A typed value as people read it: a choice's or a yes/no's label, an amount of money in 元
    with 2 decimals, a tariff by its name with its id ("白天标准（day）"), else as typed."""
    if value is None or value == "":
        return ""
    text = "true" if value is True else "false" if value is False else str(value)
    if spec is None:
        return text
    if spec.type == "tariff":
        tariff = (record or {}).get("tariff") or {}
        name = tariff.get("name_zh") if LANG == "zh" else tariff.get("name_en")
        if not name or name == text:
            return text
        # Its id in brackets, unless the name has brackets of its own ("示例（虚构运价）· id"):
        # brackets in brackets, inside a table title's brackets, read as noise.
        return f"{name} · {text}" if "（" in name or "(" in name else f"{name}（{text}）"
    if spec.unit.startswith("元") and spec.type == "decimal":
        return money(text)
    return cells.shown(spec, text, LANG)


def _header(
    defn: FormDefinition, table: ReportTable, col: ReportColumn, record: dict[str, Any] | None = None
) -> str:
    label, unit = col.zh if LANG == "zh" else col.en, ""
    if col.kind == "group":
        label = label or (table.group_zh if LANG == "zh" else table.group_en) or "组"
    elif col.kind == "verdict":
        label = label or "结果"
    elif col.kind == "input":
        spec = defn.fields.get(col.keys[0].rsplit(".", 1)[-1])
        label = label or ("" if spec is None else spec.zh if LANG == "zh" else spec.en)
        unit = "" if spec is None else spec.unit
    elif col.kind == "result":
        result = defn.results.get(col.keys[0].rsplit(".", 1)[-1])
        label = label or ("" if result is None else result.label(LANG))
        unit = "" if result is None else result.unit
    unit = unit if col.unit is None else col.unit
    if record is not None:  # a unit the record decides (a lot's g or mL), as the screen fills it
        unit = unit_of(unit, lambda path: at(record["input"], path), defn)
    return f"{label} ({unit})" if unit else label


def _result_text(
    defn: FormDefinition, where: str, col: ReportColumn, entry: Any, results: dict[str, Any]
) -> str:
    """The first of the column's results present, as the wizard shows it (`result_text`)."""
    for path in col.keys:
        holder = at(entry, path.rpartition(".")[0]) if "." in path else entry
        key = path.rpartition(".")[2]
        if not isinstance(holder, dict) or holder.get(key) is None:
            continue
        text = result_text(defn, where, key, holder, results, LANG)
        if text:
            return text if text.startswith(col.prefix) else col.prefix + text
    return col.absent_zh if LANG == "zh" else col.absent_en


def _cell(
    defn: FormDefinition,
    table: ReportTable,
    col: ReportColumn,
    row: tuple[tuple[int, ...], Any, Any, str],
    results: dict[str, Any],
    where: str,
    record: dict[str, Any] | None = None,
) -> str:
    index, given, entry, name = row
    if col.kind == "group":
        return str(index[0] + 1) if index else ""
    if col.kind == "index":
        return str(index[-1] + 1) if index else "1"
    if col.kind == "entry":
        return name
    if col.kind == "input":
        path = col.keys[0]
        value = at(given, path)
        text = _input_text(defn.fields.get(path.rsplit(".", 1)[-1]), value, record)
        return text or (col.absent_zh if LANG == "zh" else col.absent_en)
    if col.kind == "result":
        return _result_text(defn, where, col, entry, results)
    return vocabulary.row_outcome(defn, entry, LANG) or "—"


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def title(defn: FormDefinition, template: str, record: dict[str, Any], results: dict[str, Any]) -> str:
    """A table's title with its placeholders filled from the record and its definition."""

    def fill(match: re.Match[str]) -> str:
        ref = match.group(1)
        if ref == "control":
            return vocabulary.control(record.get("control"), LANG)
        source, _, rest = ref.partition(".")  # SOURCE.PATH[:text with %][|text if absent]
        shape, _, absent = rest.partition("|")
        path, colon, present = shape.partition(":")
        if source == "limit":
            value: Any = defn.limits[path].value if path in defn.limits else None
            text = "" if value in (None, "") else str(value)
        elif source == "input":
            text = _input_text(defn.fields.get(path.rsplit(".", 1)[-1]), at(record["input"], path), record)
        elif source == "unit":  # the unit of the choice made (a lot's quantity: g, mL, m …)
            text = choice_unit(defn, path.rsplit(".", 1)[-1], at(record["input"], path))
        else:
            text = plain_text(at(results, path)) if at(results, path) is not None else ""
        if not text:
            return absent
        return present.replace("%", text) if colon else text

    return _PLACEHOLDER.sub(fill, template)


def procedure_tables(record: dict[str, Any], defn: FormDefinition) -> list[Table]:
    """The tables the record's definition declares, filled from its readings and evaluation."""
    results = {**shown_results(defn, record["evaluation"].get("results", {}))}
    readings = record["input"]
    if "e" not in results and readings.get("e") is not None:
        results["e"] = readings["e"]  # the scale's e, for its display resolution
    tables = []
    for table in defn.report:
        heading = title(defn, table.title(LANG), record, results)
        if table.kind == "summary":
            failed = set(record["evaluation"].get("failed", []))
            pairs, bad = [], []
            for col in table.columns:
                text = _cell(defn, table, col, ((), readings, results, ""), results, "", record)
                judged = bool(col.item) and col.item in failed  # the figure that failed its item
                pairs.append((_header(defn, table, col, record), f"{FAIL_MARK} {text}" if judged else text))
                bad.append(judged)
            rows = [
                [*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))]
                for i in range(0, len(pairs), 2)
            ]
            marks = ["fail" if any(bad[i : i + 2]) else None for i in range(0, len(pairs), 2)]
            tables.append(Table(heading, ["项目", "数值", "项目", "数值"], rows, marks, kind="summary"))
            continue
        found: list[tuple[tuple[int, ...], Any, Any, str]] = []
        places: list[str] = []  # where each row's results are (a grid pattern or an entry's path)
        if table.entries:
            for e in table.entries:
                entry = at(results, e.path)
                if isinstance(entry, dict):
                    found.append(((), at(readings, e.path), entry, e.zh if LANG == "zh" else e.en))
                    places.append(e.path)
        elif table.scalar:  # plain values, each under the table's one input column
            [key] = [col.keys[0] for col in table.columns if col.kind == "input"]
            for index, value in entries(readings, table.rows):
                if value not in (None, ""):
                    found.append((index, {key: value}, {}, ""))
                    places.append(table.rows)
        else:
            where = table.results or table.rows
            given = dict(entries(readings, table.rows))
            for index, entry in entries(results, where):
                if isinstance(entry, dict):
                    found.append((index, given.get(index, {}), entry, ""))
                    places.append(where)
        if not found:
            continue
        # A reading no row was given is not a column of the record: a lot weighed against its
        # average tare has no package's tare, a lot typed net no gross — a column of "—" only.
        columns = [
            col
            for col in table.columns
            if col.kind != "input" or any(at(row[1], col.keys[0]) not in (None, "") for row in found)
        ]
        header = [_header(defn, table, col, record) for col in columns]
        rows = [
            [_cell(defn, table, col, row, results, place, record) for col in columns]
            for row, place in zip(found, places, strict=True)
        ]
        verdicts = [vocabulary.row_verdict(row[2]) for row in found]
        tables.append(Table(heading, header, rows, verdicts))
    return tables


# Every stored reading is printed (issue 12: the scale PDF once left out the zero check, the
# discrimination tests and the repeatability readings, though they were stored and signed): what
# the procedure's own tables print is read from its definition; the rest under 其他记录项.
IN_CHECKLIST = r"checklist\.[^.]+(\.(ok|number))?"
REFUSAL = "signatures.refusal"  # printed under the site's signature


def _pattern(path: str) -> str:
    """A reading path pattern of a definition (``a[].b``) as a regex over stored paths."""
    return re.escape(path).replace(r"\[\]", r"\[\d+\]")


def printed_readings(definition: FormDefinition) -> list[str]:
    """Regexes of the reading paths the definition's tables print: their input columns under their
    rows (or entries) and the inputs their titles name."""
    found = []
    for table in definition.report:
        bases = [e.path for e in table.entries] if table.entries else [table.rows]
        if table.scalar:  # the values are the rows themselves
            found.append(_pattern(table.rows))
            continue
        for col in table.columns:
            if col.kind != "input" and not col.typed:
                continue
            key = col.keys[0] if col.kind == "input" else col.typed
            for base in bases:
                found.append(_pattern(f"{base}.{key}" if base else key))
        for title in (table.zh, table.en):
            for ref in _PLACEHOLDER.findall(title):
                if ref.startswith("input."):
                    found.append(_pattern(ref[6:].split(":")[0].split("|")[0]))
    return found


def printed_results(definition: FormDefinition) -> list[str]:
    """Regexes of the result paths the definition's tables print: their result columns under their
    rows (or entries) and the results their titles name. A reading at one of these paths is on
    paper there when its result holds the reading itself (a V_B typed, not worked out from the
    measure's neck; the marked class; the eccentricity test's load)."""
    found = []
    for table in definition.report:
        bases = [e.path for e in table.entries] if table.entries else [table.results or table.rows]
        for col in table.columns:
            if col.kind == "result":
                found += [_pattern(f"{base}.{key}" if base else key) for base in bases for key in col.keys]
        for title in (table.zh, table.en):
            for ref in _PLACEHOLDER.findall(title):
                if ref.startswith("result."):
                    found.append(_pattern(ref[7:].split(":")[0].split("|")[0]))
    return found


def _value_at(node: Any, path: str) -> Any:
    """The value at a reading path (``a[0].b``) below nested results (None if missing)."""
    for key in split(path):
        if isinstance(key, int):
            node = node[key] if isinstance(node, list) and key < len(node) else None
        else:
            node = node.get(key) if isinstance(node, dict) else None
    return node


def _same(result: Any, reading: str) -> bool:
    """Whether a result is the reading itself: the same number (19.98 = 19.980) or the same text."""
    if result is None or isinstance(result, (dict, list)):
        return False
    number, typed = _d(result), _d(reading)
    if number is not None and typed is not None:
        return number == typed
    return str(result) == reading


def _step_of(definition: FormDefinition, path: str) -> tuple[int, str, str]:
    """(index, name, path prefix) of the step a reading belongs to; the last step if none."""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    for index, step in enumerate(definition.steps):
        grid = step.grid or ""
        parent = grid.split("[", 1)[0]
        if "[" in grid:  # a grid's header fields live under its parent ("repeatability.load")
            parent = parent.rsplit(".", 1)[0] if "." in parent else ""
        if (
            (parent and path.startswith(parent + "."))
            or (not grid and path in step.fields)
            or (grid and re.split(r"[.\[]", grid, maxsplit=1)[0] == head)
        ):
            return index, step.zh, parent
    return len(definition.steps), "", ""


def _natural(path: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path)]


def _other_entries(
    definition: FormDefinition, readings: dict[str, str], results: dict[str, Any]
) -> Table | None:
    """Every stored reading no table prints, by the name people know it, with its unit, in the
    order of the steps: not one a table above shows already, as typed or as its own result."""
    shown = re.compile("|".join((*printed_readings(definition), IN_CHECKLIST, re.escape(REFUSAL))))
    as_result = re.compile("|".join(printed_results(definition)) or r"(?!)")
    found = []
    for path, value in readings.items():
        if shown.fullmatch(path) or value == "":
            continue
        if as_result.fullmatch(path) and _same(_value_at(results, path), value):
            continue
        spec = spec_at(definition, path)
        text = _input_text(spec, value) if spec is not None else value
        if spec is not None and spec.unit and spec.type not in ("choice", "boolean", "tariff"):
            text = f"{text} {spec.unit}"
        name = place_of(definition, path, "zh")
        index, step, parent = _step_of(definition, path)
        if parent and step not in name:  # "载荷 L" of 重复性, not of the weighing test
            name = f"{step}：{name}"
        base, _, field_id = path.rpartition(".")
        fields = definition.steps[index].fields if index < len(definition.steps) else ()
        order = fields.index(field_id) if field_id in fields else len(fields)
        found.append(((index, _natural(base), order, path), [name, text]))
    rows = [row for _key, row in sorted(found, key=lambda e: e[0])]
    return Table("其他记录项", ["项目", "记录值"], rows) if rows else None


def _marked(table: Table) -> Table:
    """A table whose failing rows all carry the fail mark (in their last cell unless a cell has
    it already): the mark, not only the colour, says which row failed."""
    rows = []
    for i, row in enumerate(table.rows):
        failing = i < len(table.row_verdicts) and table.row_verdicts[i] == "fail"
        if failing and not any(FAIL_MARK in cell for cell in row):
            row = [*row[:-1], f"{FAIL_MARK} {row[-1]}".rstrip()]
        rows.append(row)
    return Table(table.title, table.header, rows, table.row_verdicts, table.kind)


def _certificate(number: str, expiry: str) -> str:
    """The verification certificate as printed: its number and validity, what is known of them;
    blank (printed —) when neither is, not a bare "（有效期至 ）"."""
    if number and expiry:
        return f"{number}（有效期至 {expiry}）"
    return number or (f"有效期至 {expiry}" if expiry else "")


def build_model(
    record: dict[str, Any],
    definition: FormDefinition,
    *,
    office: str,
    fingerprint: str,
    signatures: dict[str, bytes] | None = None,
    photos: list[bytes] | None = None,
) -> ReportModel:
    """The report model of a canonical record (with its readings nested as ``record['input']``)."""
    site, inst, lot = record["site"], record.get("instrument"), record.get("lot") or {}
    evaluation = record["evaluation"]
    team = [p for p in record.get("inspectors") or [] if p.get("name")]
    people = [f"{p['name']}（{p['id_number']}）" if p.get("id_number") else p["name"] for p in team]
    if not people and record.get("inspector"):
        people = [str(record["inspector"])]
    district, address = site.get("district", ""), site.get("address", "")
    place = (address if district in address else district + address) or site["name"]
    inspection = [
        ("检查时间", local(record.get("started_at"))),
        ("定稿时间", local(record.get("finalised_at"))),
        ("检查地点", place),
        ("检查类别", vocabulary.control(record.get("control"), LANG)),
        ("检查人员", "、".join(people)),
    ]
    if record.get("supersedes"):
        inspection += [
            ("更正记录", f"取代记录 {record.get('supersedes_record_no') or record['supersedes']}"),
            ("更正原因", record.get("correction_reason", "")),
        ]
    blocks = [
        ("检查信息（北京时间）", inspection),
        (
            "受检单位",
            [
                ("单位名称", site["name"]),
                ("统一社会信用代码", site["credit_code"]),
                ("地址", site.get("address", "")),
                ("区县", site.get("district", "")),
                ("类型", SITE_KIND_NAMES.get(site.get("kind", ""), site.get("kind", ""))),
                ("负责人", site.get("contact", "")),
            ],
        ),
    ]
    if inst:
        # the class marked on the instrument, as read at the inspection, if the register has none
        marked_class = _input_text(
            definition.fields.get("accuracy_class"), record["input"].get("accuracy_class")
        )
        blocks.append(
            (
                "计量器具",
                [
                    ("器具", definition.zh),
                    ("制造单位", inst.get("maker", "")),
                    ("型号", inst.get("model", "")),
                    ("出厂编号", inst.get("serial", "")),
                    ("准确度等级", inst.get("accuracy_class") or marked_class),
                    ("检定证书", _certificate(inst.get("cert_no") or "", inst.get("cert_expiry") or "")),
                    *([("车牌号", str(inst["plate"]))] if inst.get("plate") else []),
                ],
            )
        )
    elif lot:
        # The nominal and the lot size as evaluated (the wizard's lot step may have changed what
        # 新建检查 noted): the block never contradicts the results below it.
        given = record["input"]
        nominal = str(given.get("nominal") or "")
        unit = choice_unit(definition, "quantity", given.get("quantity"))
        nominal_text = f"{nominal} {unit}".strip() if nominal else str(lot.get("nominal_text", ""))
        blocks.append(
            (
                "检验批",
                [
                    ("商品名称", lot.get("product", "")),
                    ("商标", lot.get("brand", "")),
                    ("标注净含量", nominal_text),
                    ("检验批量", str(given.get("lot_size") or lot.get("lot_size", ""))),
                    ("批号", str(lot.get("batch", ""))),
                    ("生产日期", str(lot.get("production_date", ""))),
                ],
            )
        )
    standards = record.get("standards") or []
    tables = []
    if standards:
        tables.append(
            Table(
                "使用的标准器",
                ["名称", "编号", "等级", "证书有效期至"],
                [[s["name"], s["serial"], s.get("grade", ""), s.get("cert_expiry", "")] for s in standards],
            )
        )
    checklist = evaluation.get("results", {}).get("checklist", {})
    if checklist:
        inputs = record["input"].get("checklist", {})
        rows, verdicts = [], []
        for item in definition.checklist:
            if item.id not in checklist:
                continue
            answer = inputs.get(item.id)
            number = answer.get("number", "") if isinstance(answer, dict) else ""
            answer_code = "true" if checklist[item.id] else "false"
            mark = vocabulary.verdict_mark("pass" if checklist[item.id] else "fail")
            rows.append([item.zh, number, f"{mark} {vocabulary.answer(answer_code, LANG)}"])
            verdicts.append("pass" if checklist[item.id] else "fail")
        tables.append(Table("检查项目", ["项目", "编号/说明", "结果"], rows, verdicts))
    tables += procedure_tables(record, definition)
    flat = {str(k): str(v) for k, v in (record.get("readings") or {}).items()}
    other = _other_entries(definition, flat, evaluation.get("results", {}))
    if other is not None:
        tables.append(other)
    tables = [_marked(t) for t in tables]
    verdict = evaluation["verdict"]
    return ReportModel(
        office=office,
        title=f"{definition.zh}现场计量检查记录",
        record_no=record["record_no"],
        regulation=f"{definition.regulation}（{definition.zh}检查表 第 {definition.version} 版）",
        control=vocabulary.control(record.get("control"), LANG),
        blocks=blocks,
        tables=tables,
        verdict=verdict,
        verdict_text=vocabulary.verdict(verdict, LANG),
        failed=[vocabulary.item(definition, code, LANG) for code in evaluation.get("failed", [])],
        next_steps=[vocabulary.next_step(definition, c, LANG) for c in evaluation.get("next_steps", [])],
        measures=[vocabulary.measure(definition, m, LANG) for m in record.get("measures", [])],
        inspector=record.get("inspector", ""),
        finalised_at=local(record.get("finalised_at", ""), seconds=True),
        fingerprint=fingerprint,
        supersedes=(record.get("supersedes_record_no") or record.get("supersedes"))
        if record.get("supersedes")
        else None,
        inspectors=people,
        signatures=signatures or {},
        photos=photos or [],
        refusal=flat.get(REFUSAL, ""),
    )

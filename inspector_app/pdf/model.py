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
from forms.display import cell_text, package_class, shown, shown_pair
from forms.numbers import round_gbt8170
from inspector_app import cells
from inspector_app.sheets import place_of, spec_at

CONTROL_ZH = {"in_service": "使用中检查", "verification": "检定"}
VERDICT_ZH = {"pass": "合格", "fail": "不合格", "inconclusive": "待定（需补测）", None: "未评定"}
NEXT_STEPS_ZH = {
    "weighing.flash_point": "称量测试：加 0.1e 小砝码用闪变点法复测",
    "eccentricity.flash_point": "偏载测试：加 0.1e 小砝码用闪变点法复测",
    "distance_tests": "至少做一次计程误差测试",
}
SITE_KIND_ZH = {
    "petrol_station": "加油站",
    "taxi_company": "出租汽车公司",
    "market": "集贸市场",
    "supermarket": "超市",
    "packer": "定量包装生产企业",
    "warehouse": "仓库/批发",
}


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    row_verdicts: list[Any] = field(default_factory=list)  # "pass"/"fail"/None: colours the last cell


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
    finalised_at: str
    fingerprint: str
    supersedes: str | None
    signatures: dict[str, bytes]  # "inspector" / "site" → PNG
    photos: list[bytes]
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


def _verdict_cell(v: str | None) -> str:
    return {"pass": "✓ 合格", "fail": "✗ 不合格", "inconclusive": "? 待定"}.get(v or "", "—")


def _fuel(record: dict[str, Any], evaluation: dict[str, Any], defn: FormDefinition) -> list[Table]:
    readings, res = record["input"], evaluation.get("results", {})
    rows, verdicts = [], []
    for i, (point_in, point) in enumerate(
        zip(readings.get("flow_points", []), res["flow_points"], strict=False)
    ):
        for j, (run_in, run) in enumerate(zip(point_in.get("runs", []), point["runs"], strict=False)):
            rows.append(
                [
                    str(i + 1),
                    str(j + 1),
                    run_in.get("v_j", ""),
                    cell_text(defn, "flow_points[].runs[]", "v_b", run, res),
                    run_in.get("t_j", ""),
                    run_in.get("t_b", ""),
                    cell_text(defn, "flow_points[].runs[]", "v_bt", run, res),
                    cell_text(defn, "flow_points[].runs[]", "error_pct", run, res),
                    "超差" if run.get("exceeds_mpe") else "",
                ]
            )
            verdicts.append("fail" if run.get("exceeds_mpe") else None)
        rep = point.get("repeatability_pct")
        rows.append(
            [
                str(i + 1),
                "平均/重复性",
                "",
                "",
                "",
                "",
                "",
                # at 0.01 %, with more digits where that would contradict the verdict (README)
                cell_text(defn, "flow_points[]", "mean_error_pct", point, res),
                "E_r " + cell_text(defn, "flow_points[]", "repeatability_pct", point, res) + "%"
                if rep is not None
                else "E_r —",
            ]
        )
        verdicts.append("pass" if point.get("mean_within_mpe") else "fail")
    tables = [
        Table(
            "示值误差与重复性（MPE ±0.30 %，重复性 ≤ 0.10 %）",
            ["流量点", "次", "V_J (L)", "V_B (L)", "t_J (°C)", "t_B (°C)", "V_Bt (L)", "E_V (%)", "备注"],
            rows,
            verdicts,
        )
    ]
    pay_rows = [
        [
            p_in.get("unit_price", ""),
            p_in.get("volume", ""),
            p_in.get("amount", ""),
            cell_text(defn, "payment[]", "computed", p, res),
            cell_text(defn, "payment[]", "difference", p, res),
            _verdict_cell(p.get("verdict")),
        ]
        for p_in, p in zip(readings.get("payment", []), res.get("payment", []), strict=False)
    ]
    if pay_rows:
        tables.append(
            Table(
                "付费金额",
                ["单价 (元/L)", "V_J (L)", "P_J (元)", "U·V_J (元)", "ΔP (元)", "结果"],
                pay_rows,
                [p.get("verdict") for p in res["payment"]],
            )
        )
    return tables


def _taxi(record: dict[str, Any], evaluation: dict[str, Any], defn: FormDefinition) -> list[Table]:
    readings, res = record["input"], evaluation.get("results", {})
    tables = []
    rows = [
        [
            t_in.get("meter_m", ""),
            t_in.get("reference_m", ""),
            cell_text(defn, "distance_tests[]", "error_pct", t, res),
            _verdict_cell(t["verdict"]),
        ]
        for t_in, t in zip(readings.get("distance_tests", []), res["distance_tests"], strict=False)
    ]
    if rows:
        tables.append(
            Table(
                "计程误差（−4 % ≤ δ ≤ +1 %）",
                ["L_J (m)", "L_B (m)", "δ (%)", "结果"],
                rows,
                [t["verdict"] for t in res["distance_tests"]],
            )
        )
    rows = [
        [
            t_in.get("meter_s", ""),
            t_in.get("reference_s", ""),
            cell_text(defn, "time_tests[]", "error_pct", t, res),
            _verdict_cell(t["verdict"]) if t["verdict"] else "仅记录",
        ]
        for t_in, t in zip(readings.get("time_tests", []), res["time_tests"], strict=False)
    ]
    if rows:
        tables.append(
            Table(
                "计时误差",
                ["T_J (s)", "T_B (s)", "δ_t (%)", "结果"],
                rows,
                [t["verdict"] for t in res["time_tests"]],
            )
        )
    rows = [
        [
            t_in.get("distance_km", ""),
            t_in.get("waiting_s", "0"),
            "是" if str(t_in.get("night", "")).lower() == "true" else "否",
            t_in.get("displayed", ""),
            fmt(t["computed"]),
            _verdict_cell(t["verdict"]),
        ]
        for t_in, t in zip(readings.get("fare_tests", []), res["fare_tests"], strict=False)
    ]
    if rows:
        tariff = readings.get("tariff")
        title = "计价检查" + (f"（运价：{tariff}）" if isinstance(tariff, str) else "")
        tables.append(
            Table(
                title,
                ["里程 (km)", "等候 (s)", "夜间", "显示 (元)", "计算 (元)", "结果"],
                rows,
                [t["verdict"] for t in res["fare_tests"]],
            )
        )
    return tables


def _scale(record: dict[str, Any], evaluation: dict[str, Any], defn: FormDefinition) -> list[Table]:
    readings, res = record["input"], evaluation.get("results", {})
    e = _d(readings.get("e")) or Decimal(1)
    res = {"e": str(e), **res}  # records made before the results carried e
    tables = []
    # Zero-setting and tare: E within ±0.25e, judged in verification only (README "Scale")
    rows, verdicts = [], []
    for where, name in (("zero", "置零"), ("tare", "除皮")):
        entry = res.get(where)
        if not entry:
            continue
        rows.append(
            [
                name,
                cell_text(defn, where, "error", entry, res),
                "±" + fmt(entry.get("limit")),
                _verdict_cell(entry["verdict"]) if entry.get("verdict") else "仅记录（使用中检查不判定）",
            ]
        )
        verdicts.append(entry.get("verdict"))
    if rows:
        tables.append(Table("置零与除皮准确度", ["项目", "E (g)", "限值 (g)", "结果"], rows, verdicts))
    known = res.get("accuracy_class")
    rows = [
        [
            w_in.get("load", ""),
            w_in.get("indication", ""),
            w_in.get("added", ""),
            cell_text(defn, "weighings[]", "p", w, res),
            cell_text(defn, "weighings[]", "error", w, res),
            cell_text(defn, "weighings[]", "corrected_error", w, res),
            "±" + fmt(w["mpe"]) if w.get("mpe") is not None else "—",
            _verdict_cell(w["verdict"])
            if w["verdict"]
            else ("低于 Min，不判定" if w.get("below_min") else "等级未定，不判定"),
        ]
        for w_in, w in zip(readings.get("weighings", []), res.get("weighings", []), strict=False)
    ]
    if rows:
        grade = f"{known} 级" if known else "准确度等级无法确定"
        if res.get("class_note"):  # a marked class that does not fit n = Max/e and e (README)
            grade += "（标称等级与 Max/e 不符）"
        tables.append(
            Table(
                f"称量测试（{grade}，e = {readings.get('e')} g，"
                f"{CONTROL_ZH.get(res.get('control', ''), '')} MPE）",
                ["L (g)", "I (g)", "ΔL (g)", "P (g)", "E (g)", "Ec (g)", "MPE (g)", "结果"],
                rows,
                [w["verdict"] for w in res["weighings"]],
            )
        )
    ecc = res.get("eccentricity")
    if ecc:
        ecc_in = readings.get("eccentricity", {}).get("positions", [])
        rows = [
            [
                str(i + 1),
                p_in.get("indication", ""),
                p_in.get("added", ""),
                cell_text(
                    defn,
                    "eccentricity.positions[]",
                    "corrected_error" if p.get("corrected_error") is not None else "error",
                    p,
                    res,
                ),
                "±" + fmt(p["mpe"]) if p.get("mpe") is not None else "—",
                _verdict_cell(p["verdict"]),
            ]
            for i, (p_in, p) in enumerate(zip(ecc_in, ecc["positions"], strict=False))
        ]
        tables.append(
            Table(
                f"偏载（L = {fmt(ecc['load'])} g）",
                ["位置", "I (g)", "ΔL (g)", "Ec (g)", "MPE (g)", "结果"],
                rows,
                [p["verdict"] for p in ecc["positions"]],
            )
        )
    rep = res.get("repeatability")
    if rep:
        tables.append(
            Table(
                "重复性",
                ["极差 R (g)", "MPE (g)", "结果"],
                [
                    [
                        cell_text(defn, "repeatability", "range", rep, res),
                        fmt(rep["mpe"]) if rep.get("mpe") is not None else "—",
                        _verdict_cell(rep["verdict"]),
                    ]
                ],
                [rep["verdict"]],
            )
        )
    rows = [
        [
            p_in.get("unit_price", ""),
            "元/500 g" if p_in.get("per") == "500g" else "元/kg",
            p_in.get("weight_kg", ""),
            p_in.get("displayed", ""),
            fmt(p["computed"]),
            _verdict_cell(p["verdict"]),
        ]
        for p_in, p in zip(readings.get("price", []), res.get("price", []), strict=False)
    ]
    if rows:
        tables.append(
            Table(
                "计价检查",
                ["单价", "单位", "W (kg)", "显示 (元)", "计算 (元)", "结果"],
                rows,
                [p["verdict"] for p in res["price"]],
            )
        )
    rows = [
        [
            cells.shown(defn.fields["category"], str(r_in.get("category", "")), "zh"),  # a label, not "gold"
            r_in.get("settled_g", ""),
            r_in.get("actual_g", ""),
            cells.shown(defn.fields["method"], str(r_in.get("method", "")), "zh"),
            fmt(r["shortage"]),
            fmt(r["limit"]),
            _verdict_cell(r["verdict"]),
        ]
        for r_in, r in zip(readings.get("reweighing", []), res.get("reweighing", []), strict=False)
    ]
    if rows:
        tables.append(
            Table(
                "商品核称",
                ["类别", "结算 B (g)", "实际 A (g)", "核称方法", "短缺 (g)", "限值 (g)", "结果"],
                rows,
                [r["verdict"] for r in res["reweighing"]],
            )
        )
    return tables


def _net(record: dict[str, Any], evaluation: dict[str, Any], defn: FormDefinition) -> list[Table]:
    readings, res = record["input"], evaluation.get("results", {})
    nominal = _d(readings.get("nominal")) or Decimal(0)
    mean_text, limit_text = shown_pair(
        res["mean"],
        res.get("mean_limit"),
        "0.01",
        lambda a, b: a >= b,
        "mean" not in evaluation.get("failed", []),
    )
    summary = [
        ["标注净含量 Qn", str(readings.get("nominal", "")), "检验批量 N", str(readings.get("lot_size", ""))],
        ["允许短缺量 T", fmt(res["t"]), "2T", fmt(res["two_t"])],
        ["样本量 n", str(res["sample_size"]), "λ", fmt(res.get("lambda")) or "—"],
        ["k1 / c1", f"{res['k1']} / {res['c1']}", "k2 / c2", f"{res['k2']} / 0"],
        ["平均实际含量 q̄", mean_text, "标准偏差 s", fmt(res.get("s"), "0.01") or "—"],
        [
            "Qn − λ·s",
            limit_text or "不计算（N ≤ 10）",
            "皮重",
            {"average": f"平均皮重 {fmt(res.get('tare_mean'), '0.01')}", "individual": "逐个称量"}.get(
                res.get("tare_mode", ""), "—"
            ),
        ],
    ]
    tables = [Table("计量检验结果", ["项目", "数值", "项目", "数值"], summary)]
    samples = readings.get("samples", [])
    rows, verdicts = [], []
    for i, (s_in, q, pkg) in enumerate(zip(samples, res["net"], res["packages"], strict=False)):
        klass = {"ok": "≤ T", "t1": "T~2T", "t2": "> 2T"}[pkg["class"]]
        rows.append(
            [
                str(i + 1),
                s_in.get("gross", ""),
                s_in.get("tare", ""),
                # q and q − Qn at 0.1, never showing another class than the package's (§B.5)
                shown(q, "0.1", lambda x: package_class(nominal - x, res["t"]), pkg["class"]),
                shown(
                    Decimal(pkg["shortage"]).copy_negate(),
                    "0.1",
                    lambda x: package_class(-x, res["t"]),
                    pkg["class"],
                    sign=True,
                ),
                klass,
            ]
        )
        verdicts.append(None if pkg["class"] == "ok" else "fail")
    tables.append(
        Table(
            "样本实际含量", ["序号", "毛重 G", "皮重 t", "实际含量 q", "误差 q − Qn", "判定"], rows, verdicts
        )
    )
    return tables


BUILDERS = {"fuel_dispenser": _fuel, "taxi_meter": _taxi, "scale": _scale, "net_content": _net}

# The readings each procedure's tables print (issue 12: the scale PDF left out the zero check, the
# discrimination tests and the repeatability readings, though they were stored and signed). Any
# other stored reading is printed under 其他记录项 with its name, so nothing signed is left out.
IN_TABLES = {
    "fuel_dispenser": (
        r"flow_points\[\d+\]\.runs\[\d+\]\.(v_j|v_b|t_j|t_b)",
        r"payment\[\d+\]\.(unit_price|volume|amount)",
    ),
    "taxi_meter": (
        r"distance_tests\[\d+\]\.(meter_m|reference_m)",
        r"time_tests\[\d+\]\.(meter_s|reference_s)",
        r"fare_tests\[\d+\]\.(distance_km|waiting_s|night|displayed)",
        r"tariff",
    ),
    "scale": (
        r"weighings\[\d+\]\.(load|indication|added)",
        r"eccentricity\.load",
        r"eccentricity\.positions\[\d+\]\.(indication|added)",
        r"price\[\d+\]\.(unit_price|per|weight_kg|displayed)",
        r"reweighing\[\d+\]\.(category|settled_g|actual_g|method)",
        r"e",
    ),
    "net_content": (r"samples\[\d+\]\.(gross|tare|net)", r"nominal", r"lot_size"),
}
IN_CHECKLIST = r"checklist\.[^.]+(\.(ok|number))?"
REFUSAL = "signatures.refusal"  # printed under the site's signature


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


def _other_entries(definition: FormDefinition, readings: dict[str, str]) -> Table | None:
    """Every stored reading no table prints, by the name people know it, with its unit, in the
    order of the steps."""
    shown = re.compile("|".join((*IN_TABLES.get(definition.id, ()), IN_CHECKLIST, re.escape(REFUSAL))))
    entries = []
    for path, value in readings.items():
        if shown.fullmatch(path) or value == "":
            continue
        spec = spec_at(definition, path)
        text = cells.shown(spec, value, "zh") if spec is not None else value
        if spec is not None and spec.unit and spec.type not in ("choice", "boolean", "tariff"):
            text = f"{text} {spec.unit}"
        name = place_of(definition, path, "zh")
        index, step, parent = _step_of(definition, path)
        if parent and step not in name:  # "载荷 L" of 重复性, not of the weighing test
            name = f"{step}：{name}"
        base, _, field_id = path.rpartition(".")
        fields = definition.steps[index].fields if index < len(definition.steps) else ()
        order = fields.index(field_id) if field_id in fields else len(fields)
        entries.append(((index, _natural(base), order, path), [name, text]))
    rows = [row for _key, row in sorted(entries, key=lambda e: e[0])]
    return Table("其他记录项", ["项目", "记录值"], rows) if rows else None


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
    measure_zh = {m.id: m.zh for m in definition.measures}
    blocks = [
        (
            "受检单位",
            [
                ("单位名称", site["name"]),
                ("统一社会信用代码", site["credit_code"]),
                ("地址", site.get("address", "")),
                ("区县", site.get("district", "")),
                ("类型", SITE_KIND_ZH.get(site.get("kind", ""), site.get("kind", ""))),
                ("负责人", site.get("contact", "")),
            ],
        )
    ]
    if inst:
        blocks.append(
            (
                "计量器具",
                [
                    ("器具", definition.zh),
                    ("制造单位", inst.get("maker", "")),
                    ("型号", inst.get("model", "")),
                    ("出厂编号", inst.get("serial", "")),
                    ("准确度等级", inst.get("accuracy_class", "")),
                    ("检定证书", f"{inst.get('cert_no', '')}（有效期至 {inst.get('cert_expiry', '')}）"),
                ],
            )
        )
    elif lot:
        blocks.append(
            (
                "检验批",
                [
                    ("商品名称", lot.get("product", "")),
                    ("商标", lot.get("brand", "")),
                    ("标注净含量", lot.get("nominal_text", "")),
                    ("检验批量", str(lot.get("lot_size", ""))),
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
            rows.append([item.zh, number, "✓ 符合" if checklist[item.id] else "✗ 不符合"])
            verdicts.append("pass" if checklist[item.id] else "fail")
        tables.append(Table("检查项目", ["项目", "编号/说明", "结果"], rows, verdicts))
    tables += BUILDERS[definition.id](record, evaluation, definition)
    flat = {str(k): str(v) for k, v in (record.get("readings") or {}).items()}
    other = _other_entries(definition, flat)
    if other is not None:
        tables.append(other)
    verdict = evaluation["verdict"]
    return ReportModel(
        office=office,
        title=f"{definition.zh}现场计量检查记录",
        record_no=record["record_no"],
        regulation=f"{definition.regulation}（表单 {definition.id} v{definition.version}）",
        control=CONTROL_ZH.get(record.get("control", ""), record.get("control", "")),
        blocks=blocks,
        tables=tables,
        verdict=verdict,
        verdict_text=VERDICT_ZH.get(verdict, verdict),
        failed=[definition.items.get(code, (code, code))[0] for code in evaluation.get("failed", [])],
        next_steps=[NEXT_STEPS_ZH.get(c, c) for c in evaluation.get("next_steps", [])],
        measures=[measure_zh.get(m, m) for m in record.get("measures", [])],
        inspector=record.get("inspector", ""),
        finalised_at=record.get("finalised_at", ""),
        fingerprint=fingerprint,
        supersedes=record.get("supersedes"),
        signatures=signatures or {},
        photos=photos or [],
        refusal=flat.get(REFUSAL, ""),
    )

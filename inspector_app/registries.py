"""What the registries hold (sites, instruments, standards, tasks), declared as data, and validation.

The GUI builds its editors from `FIELDS`; the services validate with `validate`, which returns
codes plus parameters per field — never a sentence, never a silent clamp.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from forms import InputError
from forms.numbers import to_decimal
from inspector_app import credit_code


@dataclass(frozen=True)
class RegistryField:
    key: str
    zh: str
    en: str
    kind: str = "text"  # text | choice | date | decimal | credit_code | site
    required: bool = False
    max_len: int = 200
    choices: Sequence[tuple[str, str, str]] = ()  # (value, zh, en)
    in_list: bool = True  # shown as a column in the registry table


DISTRICTS = (
    "渝中区",
    "江北区",
    "南岸区",
    "九龙坡区",
    "沙坪坝区",
    "大渡口区",
    "渝北区",
    "巴南区",
    "北碚区",
    "万州区",
    "涪陵区",
    "黔江区",
    "长寿区",
    "江津区",
    "合川区",
    "永川区",
    "南川区",
    "綦江区",
    "大足区",
    "璧山区",
    "铜梁区",
    "潼南区",
    "荣昌区",
    "开州区",
    "梁平区",
    "武隆区",
)

SITE_KINDS = (
    ("petrol_station", "加油站", "Petrol station"),
    ("taxi_company", "出租汽车公司", "Taxi company"),
    ("market", "集贸市场", "Market"),
    ("supermarket", "超市", "Supermarket"),
    ("packer", "定量包装生产企业", "Packer"),
    ("warehouse", "仓库/批发", "Warehouse / wholesaler"),
)

Choice = tuple[str, str, str]  # (value, zh, en)


class Discovered(Sequence[Choice]):
    """Choices read from the installed procedures whenever they are asked: a procedure folder put
    on a forms path is a choice at once, and no list kept by hand can disagree with the folders."""

    def __init__(self, pick: Callable[[], tuple[Choice, ...]]) -> None:
        self._pick = pick

    @overload
    def __getitem__(self, index: int) -> Choice: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Choice]: ...
    def __getitem__(self, index: int | slice) -> Choice | Sequence[Choice]:
        return self._pick()[index]

    def __len__(self) -> int:
        return len(self._pick())


def instrument_kinds() -> tuple[Choice, ...]:
    """The instrument types the installed procedures check, named as the register names them
    (from each definition's head; a product lot is not an instrument)."""
    from forms import catalogue

    kinds: dict[str, Choice] = {}
    for p in catalogue.procedures().values():
        if p.subject == "instrument":
            kinds.setdefault(p.instrument_kind, (p.instrument_kind, p.instrument_zh, p.instrument_en))
    return tuple(kinds.values())


def procedure_choices() -> tuple[Choice, ...]:
    """Every installed procedure, by its definition's names."""
    from forms import catalogue

    return tuple((p.id, p.zh, p.en) for p in catalogue.procedures().values())


INSTRUMENT_KINDS = Discovered(instrument_kinds)
PROCEDURES = Discovered(procedure_choices)

STANDARD_KINDS = (
    ("metal_measure", "标准金属量器", "Standard metal measure"),
    ("weights", "标准砝码", "Standard weights"),
    ("roller_rig", "滚轮式计价器检定装置", "Taxi-meter roller rig"),
    ("thermometer", "温度计", "Thermometer"),
    ("stopwatch", "秒表", "Stopwatch"),
    ("balance", "电子天平", "Electronic balance"),
    ("tape", "钢卷尺", "Steel tape"),
)

FIELDS: dict[str, tuple[RegistryField, ...]] = {
    "sites": (
        RegistryField("name", "单位名称", "Name", required=True),
        RegistryField("kind", "类型", "Type", "choice", choices=SITE_KINDS),
        RegistryField(
            "credit_code",
            "统一社会信用代码",
            "Unified social credit code",
            "credit_code",
            required=True,
            max_len=18,
        ),
        RegistryField("district", "区县", "District", "choice", choices=tuple((d, d, d) for d in DISTRICTS)),
        RegistryField("address", "地址", "Address"),
        RegistryField("contact", "负责人", "Contact person"),
        RegistryField("phone", "电话", "Phone", max_len=40),
    ),
    "instruments": (
        RegistryField("site_id", "所属单位", "Site", "site", required=True),
        RegistryField("kind", "器具类型", "Type", "choice", required=True, choices=INSTRUMENT_KINDS),
        RegistryField("maker", "制造单位", "Maker"),
        RegistryField("model", "型号", "Model"),
        RegistryField("serial", "出厂编号", "Serial no.", required=True, max_len=64),
        RegistryField("accuracy_class", "准确度等级", "Accuracy class", max_len=20),
        RegistryField(
            "max_capacity", "Max（衡器 g）/ Qmax", "Max (scales: g) / Qmax", "decimal", in_list=False
        ),
        RegistryField(
            "e_interval", "e（衡器 g）/ 最小分度", "e (scales: g) / interval", "decimal", in_list=False
        ),
        RegistryField("q_min", "Min / Qmin", "Min / Qmin", "decimal", in_list=False),
        RegistryField("cert_no", "检定证书编号", "Certificate no.", max_len=64),
        RegistryField("cert_expiry", "证书有效期至", "Certificate expiry", "date"),
    ),
    "standards": (
        RegistryField("name", "名称", "Name", required=True),
        RegistryField("kind", "类型", "Type", "choice", required=True, choices=STANDARD_KINDS),
        RegistryField("serial", "编号", "Serial no.", required=True, max_len=64),
        RegistryField("grade", "等级/不确定度", "Class / uncertainty", max_len=64),
        RegistryField("cert_no", "证书编号", "Certificate no.", max_len=64),
        RegistryField("cert_expiry", "证书有效期至", "Certificate expiry", "date", required=True),
    ),
    "tasks": (
        RegistryField("site_id", "受检单位", "Site", "site", required=True),
        RegistryField("instrument_id", "计量器具", "Instrument", max_len=64),
        RegistryField(
            "form_id",
            "检查项目",
            "Procedure",
            "choice",
            required=True,
            choices=PROCEDURES,
        ),
        RegistryField("due_date", "截止日期", "Due date", "date"),
        RegistryField("note", "备注", "Note", max_len=500),
        RegistryField("source", "来源", "Source", max_len=40),
    ),
}


def field(table: str, key: str) -> RegistryField:
    return next(f for f in FIELDS[table] if f.key == key)


def validate(
    table: str,
    values: dict[str, Any],
    *,
    partial: bool = False,
) -> tuple[dict[str, str], list[tuple[str, str, dict[str, Any]]]]:
    """Clean ``values`` for ``table``: (cleaned values, [(field, code, params)]).

    ``partial`` validates only the keys given (an edit of one field); otherwise required fields
    must be present.
    """
    clean: dict[str, str] = {}
    errors: list[tuple[str, str, dict[str, Any]]] = []
    for f in FIELDS[table]:
        if f.key not in values and partial:
            continue
        raw = values.get(f.key)
        text = "" if raw is None else str(raw).strip()
        params: dict[str, Any] = {"label_zh": f.zh, "label_en": f.en}
        if not text:
            if f.required:
                errors.append((f.key, "required", params))
            else:
                clean[f.key] = ""
            continue
        if len(text) > f.max_len and f.kind != "credit_code":
            errors.append((f.key, "too_long", {**params, "max": f.max_len}))
            continue
        if f.kind == "credit_code":
            text = credit_code.normalise(text)
            bad = credit_code.problem(text)
            if bad:
                errors.append((f.key, bad.code, {**params, **bad.params}))
                continue
        elif f.kind == "choice" and text not in {c[0] for c in f.choices}:
            errors.append(
                (f.key, "unknown_choice", {**params, "value": text, "choices": [c[0] for c in f.choices]})
            )
            continue
        elif f.kind == "date":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                errors.append((f.key, "not_a_date", {**params, "value": text}))
                continue
        elif f.kind == "decimal":  # the forms' one number parser: a dot, no comma, bounded size
            try:
                number = to_decimal(text, f.key)
            except InputError as exc:
                errors.append((f.key, exc.code, {**params, **exc.params}))
                continue
            if number < 0:
                errors.append(
                    (f.key, "out_of_range", {**params, "value": text, "min": "0", "max": None, "unit": ""})
                )
                continue
        clean[f.key] = text
    return clean, errors

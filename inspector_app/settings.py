"""User settings, declared once as data: key, default, type, choices, labels and help (zh/en).

The settings page is generated from `SETTINGS`; a test fails when one lacks help. Values are
stored as text in the `settings` table and parsed here.
"""

from typing import Any, NamedTuple

# No `from __future__ import annotations` here: NamedTuple turns string annotations into ForwardRefs
# and compiles each one, ~1.8 ms of every start for `Setting`'s nine fields.


class Setting(NamedTuple):  # not a dataclass: read on every start, and cheaper to define
    key: str
    default: str
    type: str  # "choice" | "text" | "bool"
    zh: str
    en: str
    help_zh: str
    help_en: str
    choices: tuple[tuple[str, str, str], ...] = ()  # (value, zh, en)
    evaluation_option: bool = False  # passed to the evaluators as an option default
    scope: str = "both"  # "both" | "laptop" | "office": the settings pages that show it


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "language",
        "zh_CN",
        "choice",
        "界面语言",
        "Language",
        "界面显示的语言，重启后生效。",
        "The language of the interface; applies on restart.",
        (("zh_CN", "中文", "Chinese"), ("en", "English", "English")),
    ),
    Setting(
        "inspector_name",
        "",
        "text",
        "检查人员姓名",
        "Inspector name",
        "写入每条记录的检查人员。",
        "Written into every record as the inspector.",
    ),
    Setting(
        "inspector_id",
        "",
        "text",
        "执法证号",
        "Enforcement ID",
        "检查人员的执法证号。",
        "The inspector's enforcement ID number.",
    ),
    Setting(
        "office",
        "重庆市市场监督管理局",
        "text",
        "单位",
        "Office",
        "检查人员所在单位，印在记录抬头。",
        "The inspector's office, printed in record headers.",
    ),
    Setting(
        "limit_comparison",
        "full",
        "choice",
        "限值比较方法",
        "Limit comparison",
        "全数值比较（默认，GB/T 8170）或修约值比较。",
        "Full-precision comparison (default, GB/T 8170) or the rounded value.",
        (("full", "全数值比较法", "Full precision"), ("rounded", "修约值比较法", "Rounded value")),
        evaluation_option=True,
    ),
    Setting(
        "point_error_rule",
        "mean",
        "choice",
        "加油机流量点判定",
        "Dispenser flow-point rule",
        "流量点示值误差按平均值、每次或两者判定（JJG 443，默认平均值）。",
        "Judge a flow point by the mean of its runs (default), each run, or both.",
        (("mean", "平均值", "Mean"), ("each_run", "每次", "Each run"), ("both", "两者", "Both")),
        evaluation_option=True,
    ),
    Setting(
        "t_rounding",
        "two_step",
        "choice",
        "T 值修约",
        "T rounding",
        "允许短缺量 T 的修约方式（JJF 1070，默认先修约到下一位再四舍五入）。",
        "How T is rounded (JJF 1070; default: to the next digit, then half-up).",
        (
            ("two_step", "两步四舍五入", "Two-step half-up"),
            ("direct", "一次四舍五入", "Half-up once"),
            ("half_even", "GB/T 8170 一次修约", "GB/T 8170 once"),
        ),
        evaluation_option=True,
    ),
    Setting(
        "category2_upper_g",
        "15000",
        "choice",
        "商品核称第2类上限",
        "Re-weighing category 2 top",
        "零售商品称重办法附表1 第2类最高称量（15 kg，部分资料为 25 kg）。",
        "Top of category 2 in the retail re-weighing table (15 kg; some sources say 25 kg).",
        (("15000", "15 kg", "15 kg"), ("25000", "25 kg", "25 kg")),
        evaluation_option=True,
    ),
    Setting(
        "paper_overdue_days",
        "14",
        "choice",
        "纸质登记数据逾期天数（办公室）",
        "Paper records: data overdue after (office)",
        "办公室扫描过摘要二维码的记录，检查日后超过这么多天仍未收到完整数据（同步包或同步码），即标为逾期。",
        "At the office: a record known from its scanned summary QR whose full data (bundle or sync "
        "codes) has not arrived this many days after the inspection is flagged overdue.",
        tuple((d, f"{d} 天", f"{d} days") for d in ("7", "14", "30", "60")),
        scope="office",
    ),
)

BY_KEY = {s.key: s for s in SETTINGS}


def resolve(stored: dict[str, str]) -> dict[str, str]:
    """Stored values over the defaults; unknown keys are ignored, invalid choices fall back."""
    values = {}
    for s in SETTINGS:
        value = stored.get(s.key, s.default)
        if s.type == "choice" and value not in {c[0] for c in s.choices}:
            value = s.default
        values[s.key] = value
    return values


def validate(key: str, value: str) -> tuple[str, dict[str, Any]] | None:
    """None if ``value`` is acceptable for ``key``, else (code, params)."""
    setting = BY_KEY.get(key)
    if setting is None:
        return ("not_found", {"value": key})
    if setting.type == "choice" and value not in {c[0] for c in setting.choices}:
        return ("unknown_choice", {"value": value, "choices": [c[0] for c in setting.choices]})
    if setting.type == "text" and len(value) > 200:
        return ("too_long", {"max": 200})
    return None

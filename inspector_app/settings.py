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
    check: str = ""  # text settings: "int:LOW:HIGH", "dates" (ISO dates), "items" (form:item codes)


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
        "partner_name",
        "",
        "text",
        "第二检查人员（默认）",
        "Second inspector (usual)",
        "现场检查须有两名执法人员；新建检查时默认填入此人，可逐条更改。",
        "An on-site inspection needs two enforcement officers; new inspections propose this one.",
    ),
    Setting(
        "partner_id",
        "",
        "text",
        "第二检查人员执法证号",
        "Second inspector's enforcement ID",
        "第二检查人员的执法证号。",
        "The second inspector's enforcement ID number.",
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

# 2025 official holidays and working weekend days (国务院办公厅关于2025年部分节假日安排的通知);
# the office adds each new year's list when the State Council publishes it.
HOLIDAYS_2025 = (
    "2025-01-01 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-02-01 2025-02-02 2025-02-03 "
    "2025-02-04 2025-04-04 2025-04-05 2025-04-06 2025-05-01 2025-05-02 2025-05-03 2025-05-04 "
    "2025-05-05 2025-05-31 2025-06-01 2025-06-02 2025-10-01 2025-10-02 2025-10-03 2025-10-04 "
    "2025-10-05 2025-10-06 2025-10-07 2025-10-08"
)
WORKING_WEEKENDS_2025 = "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11"
# Credit-list rules (spec/office.md, "Credit lists"): cheating and seal findings, per procedure.
BLACK_ITEMS = (
    "fuel_dispenser:seal_transducer fuel_dispenser:seal_encoder fuel_dispenser:seal_mainboard "
    "fuel_dispenser:self_lock scale:seal scale:no_cheating taxi_meter:seals"
)

OFFICE_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "office_holidays",
        HOLIDAYS_2025,
        "text",
        "法定节假日",
        "Official holidays",
        "计算公示期限（20 个工作日）时不计的节假日，ISO 日期，以空格或逗号分隔；每年按国务院通知补充。",
        "Holidays left out of the 20-working-day publication deadline: ISO dates separated by spaces "
        "or commas; add each year's list from the State Council notice.",
        scope="office",
        check="dates",
    ),
    Setting(
        "office_working_weekends",
        WORKING_WEEKENDS_2025,
        "text",
        "调休上班日",
        "Working weekend days",
        "因调休而上班的周六、周日（计入工作日），ISO 日期。",
        "Saturdays and Sundays declared working days (调休), ISO dates: they count as working days.",
        scope="office",
        check="dates",
    ),
    Setting(
        "credit_window_months",
        "36",
        "text",
        "信用评价期（月）",
        "Credit window (months)",
        "红黑名单只看最近这么多个月的检查记录（默认 36）。",
        "The credit lists look at the checks of the last this many months (default 36).",
        scope="office",
        check="int:1:120",
    ),
    Setting(
        "credit_black_items",
        BLACK_ITEMS,
        "text",
        "列入黑名单的不合格项目",
        "Black-list items",
        "一次不合格且含这些项目（作弊、封印破坏；写作 程序:项目）即列入黑名单。",
        "One failed check with any of these items (cheating, broken seals; written procedure:item) "
        "puts the entity on the black list.",
        scope="office",
        check="items",
    ),
    Setting(
        "credit_black_failures",
        "2",
        "text",
        "黑名单：不合格次数",
        "Black list: failed checks",
        "在下述月数内累计这么多次不合格即列入黑名单（默认 2）。",
        "This many failed checks within the months below put the entity on the black list (default 2).",
        scope="office",
        check="int:2:20",
    ),
    Setting(
        "credit_black_within_months",
        "12",
        "text",
        "黑名单：统计月数",
        "Black list: within months",
        "上述不合格次数的统计期（默认 12 个月）。",
        "The period for the failed checks above (default 12 months).",
        scope="office",
        check="int:1:60",
    ),
    Setting(
        "credit_black_leave_months",
        "24",
        "text",
        "移出黑名单（月）",
        "Leave the black list after (months)",
        "连续这么多个月没有不合格即移出黑名单（默认 24）。",
        "An entity leaves the black list after this many months without a failed check (default 24).",
        scope="office",
        check="int:1:120",
    ),
    Setting(
        "credit_red_min_checks",
        "3",
        "text",
        "红名单：最少检查次数",
        "Red list: at least checks",
        "列入红名单至少需要的检查次数，且全部合格（默认 3）。",
        "Checks needed for the red list, none failed (default 3).",
        scope="office",
        check="int:1:100",
    ),
    Setting(
        "credit_red_min_months",
        "24",
        "text",
        "红名单：最短跨度（月）",
        "Red list: at least months",
        "首次与最近一次检查之间至少相隔的月数（默认 24）。",
        "Months at least between the first and the latest check (default 24).",
        scope="office",
        check="int:0:120",
    ),
)

SETTINGS = (*SETTINGS, *OFFICE_SETTINGS)
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
    longest = 4000 if setting.check in ("dates", "items") else 200
    if setting.type == "text" and len(value) > longest:
        return ("too_long", {"max": longest})
    if setting.check:
        return _checked(setting.check, value)
    return None


def _checked(check: str, value: str) -> tuple[str, dict[str, Any]] | None:
    """The problem with a checked text setting's value, or None."""
    if check.startswith("int:"):
        _kind, low, high = check.split(":")
        if not value.strip().isdigit():
            return ("not_an_integer", {"value": value})
        if not int(low) <= int(value) <= int(high):
            return ("out_of_range", {"value": value, "min": int(low), "max": int(high)})
    elif check == "dates":
        import datetime as dt

        for part in value.replace(",", " ").replace(";", " ").replace("，", " ").split():
            try:
                dt.date.fromisoformat(part)
            except ValueError:
                return ("not_a_date", {"value": part})
    elif check == "items":
        for part in value.replace(",", " ").split():
            if not all(piece.replace("_", "").isalnum() and piece.isascii() for piece in part.split(":")):
                return ("not_an_item", {"value": part})
    return None

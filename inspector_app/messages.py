"""Sentences for people from the codes the lower layers raise (InputError, validation), zh and en.

The forms and the database speak in codes plus parameters; this is the one place that turns them
into a message naming the field and the allowed range, for the CLI and the GUI alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from inspector_app import vocabulary

# code -> (zh template, en template); parameters by name.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "required": ("{field}：必填", "{field}: required"),
    "not_a_number": ("{field}：“{value}”不是数字", "{field}: '{value}' is not a number"),
    "incomplete": (
        "{field}：内容不足，不能给出结论；还缺：{missing}",
        "{field}: not enough for a verdict; missing: {missing}",
    ),
    "same_inspector": (
        "{field}：不能与检查人员为同一人（现场检查须两名执法人员）",
        "{field}: must be another officer than the lead inspector (an inspection needs two)",
    ),
    "not_finalised": (
        "{field}：记录 {value} 尚未定稿，只能更正已定稿的记录",
        "{field}: record {value} is not finalised; only a finalised record can be corrected",
    ),
    "unanswered": ("{field}：检查项目尚未回答（是/否）", "{field}: checklist item not answered (yes/no)"),
    "too_many": ("{field}：最多 {max} 个，实际 {given} 个", "{field}: at most {max}, {given} given"),
    "added_mixed": (
        "{field}：附加小砝码 ΔL 须每次都填或都不填（ΔL = 0 也要填写）",
        "{field}: give ΔL for every run or for none (ΔL = 0 is a value)",
    ),
    "not_a_price_interval": (
        "{field}：计价分度“{value}”应为 1、2 或 5 × 10^k 元（0.01、0.02、0.05、0.1、0.5、1 …）",
        "{field}: price interval '{value}' must be 1, 2 or 5 × 10^k 元 (0.01, 0.02, 0.05, 0.1, 0.5, 1 …)",
    ),
    "decimal_comma": (
        "{field}：“{value}”含逗号；小数请用点号“.”，不要用千位分隔符",
        "{field}: '{value}' contains a comma; use a dot for decimals, no thousands separators",
    ),
    "too_many_digits": (
        "{field}：“{value}”超过 {max_digits} 位有效数字",
        "{field}: '{value}' has more than {max_digits} significant digits",
    ),
    "exponent_out_of_range": (
        "{field}：“{value}”的数量级超出 10^-{max_exponent} ~ 10^{max_exponent}",
        "{field}: '{value}' is outside the magnitudes 1e-{max_exponent} to 1e{max_exponent}",
    ),
    "not_an_integer": ("{field}：“{value}”不是整数", "{field}: '{value}' is not a whole number"),
    "not_a_boolean": (
        "{field}：应为 是/否（true/false），而不是“{value}”",
        "{field}: must be true or false, not '{value}'",
    ),
    "not_a_list": ("{field}：应为列表", "{field}: must be a list"),
    "not_an_object": ("{field}：应为对象", "{field}: must be an object"),
    "unknown_choice": (
        "{field}：“{value}”不是可选值（{choices}）",
        "{field}: '{value}' is not one of {choices}",
    ),
    "out_of_range": ("{field}：{value} 超出允许范围 {range}", "{field}: {value} is outside {range}"),
    "finer_than_resolution": (
        "{field}：{value} 比分度值 {resolution} {unit} 更细（应为 {resolution} {unit} 的整数倍），请核对",
        "{field}: {value} is finer than the step {resolution} {unit} (must be a multiple of it); "
        "check the reading",
    ),
    "rows_limit": (
        "{field}：最多 {max} 行，另外 {dropped} 行没有填入",
        "{field}: at most {max} rows; {dropped} more were not entered",
    ),
    "columns_limit": (
        "{field}：粘贴内容多出 {dropped} 列，没有填入",
        "{field}: {dropped} pasted column(s) beyond the last one were not entered",
    ),
    "sample_count": (
        "{field}：批量 {lot_size} 需抽取 {needed} 件样品，实际 {given} 件",
        "{field}: a lot of {lot_size} needs {needed} samples, {given} given",
    ),
    "too_few": (
        "{field}：至少需要 {needed} 个数据，实际 {given} 个",
        "{field}: at least {needed} values are needed, {given} given",
    ),
    "tare_not_uniform": (
        "{field}：皮重标准偏差 {sd} 大于 0.25T = {limit}，不能使用平均皮重，请逐个称量皮重",
        "{field}: tare standard deviation {sd} exceeds 0.25T = {limit}; average tare is not "
        "allowed, weigh each package's tare",
    ),
    "below_tare": ("{field}：毛重 {gross} 小于皮重 {tare}", "{field}: gross {gross} is below tare {tare}"),
    "only_for_volume": ("{field}：密度只用于体积（密度法）", "{field}: density applies to volume only"),
    "not_positive_result": (
        "{field}：算得的量器体积 {value} 不为正",
        "{field}: the measure volume {value} is not positive",
    ),
    "no_tariff_period": (
        "{field}：运价 {tariff} 在 {value} 没有有效时段",
        "{field}: tariff {tariff} has no period in force on '{value}'",
    ),
    "not_an_image": (
        "{field}：不是可完整读取的 PNG 或 JPEG 图像（{format}）",
        "{field}: not a PNG or JPEG image that reads completely ({format})",
    ),
    "image_too_large": (
        "{field}：图像 {pixels} 像素，超过 {max} 像素",
        "{field}: {pixels} pixels, more than {max}",
    ),
    "too_deep": (
        "{field}：嵌套层数超过 {max} 层，不是有效的检查数据",
        "{field}: nested more than {max} levels deep; not a check",
    ),
    "not_text": (
        "{field}：含有无效字符（孤立的代理项 \\ud800–\\udfff）",
        "{field}: holds an invalid character (a lone surrogate \\ud800–\\udfff)",
    ),
    "not_computable": (
        "{field}：数值超出可计算范围（{detail}），请检查数量级",
        "{field}: a number is outside the computable range ({detail}); check its magnitude",
    ),
    "file_too_large": ("{field}：文件超过 {max}，不予读取", "{field}: larger than {max}; not read"),
    "no_folder": ("{field}：文件夹“{value}”不存在", "{field}: the folder '{value}' does not exist"),
    "unwritable": ("{field}：无法写入（{detail}）", "{field}: cannot be written ({detail})"),
    "no_input": (
        "{field}：输入已结束，未读到口令（脚本可设置环境变量 {env}）",
        "{field}: end of input before a passphrase was typed (scripts may set {env})",
    ),
    "no_database": (
        "{field}：数据库文件 {value} 不存在（是否输错了路径？"
        "演示数据库用 inspector-app demo --db 路径 生成）",
        "{field}: there is no database at {value} (a mistyped path? inspector-app demo --db PATH makes a "
        "demonstration one)",
    ),
    "database_exists": (
        "{field}：{value} 已存在，演示数据不会写入已有的数据库；"
        "换一个文件名，或加 --force 替换它（旧文件备份到 backups/）",
        "{field}: {value} exists; demo data never goes into an existing database. Choose another file, "
        "or add --force to replace it (the old file is kept under backups/)",
    ),
    "database_busy": (
        "{field}：数据库 {value} 正被另一个程序占用（{holders}），请关闭它后重试；未做任何修改",
        "{field}: the database {value} is locked by another program ({holders}); close it and try again. "
        "Nothing was changed",
    ),
    "passphrases_differ": ("{field}：两次输入不一致", "{field}: the two entries differ"),
    "invalid_json": ("{field}：不是有效的 JSON（{detail}）", "{field}: not valid JSON ({detail})"),
    "unreadable": ("{field}：无法读取（{detail}）", "{field}: cannot be read ({detail})"),
    "credit_code_length": (
        "{field}：应为 18 位，实际 {length} 位",
        "{field}: a unified social credit code has 18 characters, not {length}",
    ),
    "credit_code_character": (
        "{field}：第 {position} 位“{char}”不是允许的字符（数字及除 I、O、Z、S、V 外的大写字母）",
        "{field}: character {position} '{char}' is not allowed "
        "(digits and capital letters except I, O, Z, S, V)",
    ),
    "credit_code_check": (
        "{field}：校验位应为“{expected}”，实际为“{actual}”（GB 32100-2015）",
        "{field}: check character should be '{expected}', not '{actual}' (GB 32100-2015)",
    ),
    "too_long": ("{field}：最多 {max} 个字符", "{field}: at most {max} characters"),
    "not_a_date": (
        "{field}：“{value}”不是日期（YYYY-MM-DD）",
        "{field}: '{value}' is not a date (YYYY-MM-DD)",
    ),
    "duplicate": ("{field}：“{value}”已存在", "{field}: '{value}' already exists"),
    "not_found": ("{field}：找不到“{value}”", "{field}: '{value}' not found"),
    "already_resolved": ("{field}：“{value}”已于 {at} 处理", "{field}: '{value}' was resolved at {at}"),
    "lot_has_no_instrument": (
        "{field}：{procedure_zh}检查的是商品检验批，不选计量器具",
        "{field}: {procedure_en} checks a lot of goods; choose no instrument",
    ),
    "instrument_has_no_lot": (
        "{field}：{procedure_zh}检查的是计量器具，不填商品检验批",
        "{field}: {procedure_en} checks an instrument; give no lot",
    ),
    "too_short": ("{field}：至少 {min} 个字符", "{field}: at least {min} characters"),
    "no_identity": (
        "本机还没有检查人员密钥，请先创建（inspector-app keys create）",
        "this laptop has no inspector key yet; create one (inspector-app keys create)",
    ),
    "wrong_passphrase": ("口令不正确", "wrong passphrase"),
    "not_a_certificate": ("{field}：不是 PEM 格式的证书", "{field}: not a PEM certificate"),
    "cert_not_p256": (
        "{field}：{subject} 的密钥不是 ECDSA P-256，不能用于本系统的签名记录",
        "{field}: {subject} does not hold an ECDSA P-256 key; no record of this system is signed so",
    ),
    "cert_expired": (
        "{field}：{subject} 的证书已于 {not_after} 过期，不予信任",
        "{field}: {subject} expired on {not_after}; not trusted",
    ),
    "cert_not_yet_valid": (
        "{field}：{subject} 的证书自 {not_before} 起才生效，不予信任",
        "{field}: {subject} is valid only from {not_before}; not trusted",
    ),
    "unknown_certificate": (
        "{field}：“{value}”不是本机信任列表中的证书（inspector-app trust list 列出全部）",
        "{field}: '{value}' names no enrolled certificate (inspector-app trust list shows them)",
    ),
    "ambiguous": (
        "{field}：“{value}”对应多个条目，请给出更长的值",
        "{field}: '{value}' matches more than one entry; give more of it",
    ),
    "ambiguous_record_no": (
        "{field}：记录编号 {value} 对应不止一台设备的记录（{devices}），请给出记录 id",
        "{field}: record number {value} names records of more than one device ({devices}); "
        "give the record id",
    ),
    "decision_reversal": (
        "{field}：记录 {value} 已{was_zh}；要改为{now_zh}，请加 --reverse 并说明理由"
        "（--reason，退回则用其理由）",
        "{field}: record {value} was already {was_en}; to make it {now_en}, add --reverse and say why "
        "(--reason; a return's own REASON)",
    ),
    "reversal_reason": (
        "{field}：把已{was_zh}改为{now_zh}须说明理由",
        "{field}: replacing {was_en} by {now_en} needs a reason",
    ),
    "draft_not_finalised": (
        "{field}：记录 {value} 还是草稿，尚未定稿（定稿并签名：inspector-app finalise {value}）",
        "{field}: record {value} is a draft, not finalised yet (finalise and sign it: "
        "inspector-app finalise {value})",
    ),
    "not_signed": (
        "{field}：记录 {value} 没有签名的 PDF（定稿时未签名）",
        "{field}: record {value} has no signed PDF (finalised without a key)",
    ),
    "standard_expired": (
        "{field}：{name}（{serial}）证书已于 {expiry} 过期，不能使用",
        "{field}: {name} ({serial}) expired on {expiry} and cannot be used",
    ),
    "finalised": (
        "记录已定稿，不能修改；如需更正请新建一条更正记录",
        "the record is finalised and cannot be changed; start a correcting record",
    ),
    # The office and enrolment (spec/office.md).
    "already_office": (
        "{field}：该数据库已是检查机构数据库",
        "{field}: this database already holds an office",
    ),
    "not_office": (
        "{field}：不是检查机构数据库（先运行 inspector-app office init）",
        "{field}: not an office database (run inspector-app office init first)",
    ),
    "office_database": (
        "{field}：这是检查机构（office）数据库（{value}），不能用于 inspector-app {command}；"
        "请使用 inspector-app office …",
        "{field}: this is an office database ({value}), not for inspector-app {command}; "
        "use `inspector-app office …`",
    ),
    "laptop_database_not_office": (
        "{field}：这是现场检查（笔记本）数据库（{value}），不是检查机构数据库；"
        "检查机构命令需要检查机构自己的数据库（新建：inspector-app office init --db 新文件）",
        "{field}: this is a laptop database ({value}), not an office database; office commands "
        "need the office's own database (make one: inspector-app office init --db NEWFILE)",
    ),
    "postgresql_office_only": (
        "{field}：PostgreSQL 数据库（{value}）只用于检查机构命令（inspector-app office …）",
        "{field}: a PostgreSQL database ({value}) serves the office commands only (inspector-app office …)",
    ),
    "postgresql_required": (
        "{field}：此命令需要 PostgreSQL 数据库地址 postgresql://用户@主机/库名（而不是 {value}）",
        "{field}: this command needs a PostgreSQL database, postgresql://USER@HOST/DBNAME (not {value})",
    ),
    "server_unreachable": (
        "{field}：无法连接数据库服务器 {value}（{detail}）",
        "{field}: cannot reach the database server {value} ({detail})",
    ),
    "database_url_invalid": (
        "{field}：数据库地址 {value} 无效（{detail}）；格式为 postgresql://用户@主机/库名",
        "{field}: {value} is not a valid database address ({detail}); the form is "
        "postgresql://USER@HOST/DBNAME",
    ),
    "laptop_database": (
        "{field}：该数据库存有现场检查记录，检查机构须使用单独的数据库文件",
        "{field}: this database holds a laptop's records; an office needs a database file of its own",
    ),
    "request_not_a_request": (
        "{field}：不是登记申请文件（PKCS#10 CSR）",
        "{field}: not an enrolment request (PKCS#10 CSR)",
    ),
    "request_bad_signature": (
        "{field}：申请的签名不正确（文件被改动或损坏）",
        "{field}: the request's signature does not verify (altered or damaged)",
    ),
    "request_not_p256": (
        "{field}：申请的密钥不是 ECDSA P-256",
        "{field}: the request's key is not ECDSA P-256",
    ),
    "request_no_name": ("{field}：申请中没有姓名", "{field}: the request names no one"),
    "request_no_device": ("{field}：申请中没有设备编号", "{field}: the request carries no device id"),
    "office_trust": (
        "{field}：本机已由检查机构管理信任（其签名的信任列表），不能手工添加证书；请由检查机构登记",
        "{field}: trust on this machine comes from the office's signed trust list; certificates "
        "cannot be added by hand — have the office enrol it",
    ),
    "needs_signing": (
        "{field}：检查机构演示数据需要签名的记录，不能与 --no-sign 同用",
        "{field}: the demo office needs signed records; it cannot go with --no-sign",
    ),
    "not_a_supervisor": (
        "{field}：该密钥不是本机构登记的审核人密钥（office enrol --role supervisor）",
        "{field}: this key is not enrolled here as a supervisor's (office enrol --role supervisor)",
    ),
    "reference_invalid": (
        "{field}：参考文件无法载入（{detail}）",
        "{field}: the reference file does not load ({detail})",
    ),
    "key_revoked": (
        "{field}：该密钥的证书已被吊销，不能再次登记；请在笔记本上新建密钥",
        "{field}: this key's certificate was revoked and cannot be enrolled again; create a new key",
    ),
    # -- the office at work (review, directories, draws, statistics, publication) --------------------
    "plan_not_toml": (
        "{field}：抽查计划不是有效的 TOML（{detail}）",
        "{field}: the plan is not valid TOML ({detail})",
    ),
    "plan_id_invalid": (
        "{field}：计划编号“{value}”只能由字母、数字、点、横线和下划线组成（最多 64 个字符）",
        "{field}: plan id '{value}' may hold letters, digits, dots, dashes and underscores (at most 64)",
    ),
    "unknown_key": (
        "{field}：未知的键“{value}”（可用：{choices}）",
        "{field}: unknown key '{value}' (known: {choices})",
    ),
    "before_plan_date": (
        "{field}：完成期限 {value} 早于抽取日期 {date}",
        "{field}: the due date {value} is before the plan date {date}",
    ),
    "before_date_from": (
        "{field}：结束日期 {value} 早于开始日期 {date}",
        "{field}: {value} is before the start {date}",
    ),
    "witness_invalid": (
        "{field}：见证号“{value}”应为 1–40 位数字（公开摇号、骰子或开奖结果）",
        "{field}: witness number '{value}' must be 1–40 digits (dice, a lottery result drawn in public)",
    ),
    "plan_drawn": (
        "{field}：计划 {value} 已于 {at} 抽取，不能重抽；如需补抽请使用新的计划编号",
        "{field}: plan {value} was drawn at {at} and cannot be drawn again; use a new plan id",
    ),
    "no_sites": (
        "{field}：检查对象名录为空，请先导入（office sites import）",
        "{field}: the entity directory is empty; import it first (office sites import)",
    ),
    "no_inspectors": (
        "{field}：没有可派的已登记检查人员（office enrol、office inspectors set）",
        "{field}: no enrolled inspector can be sent (office enrol, office inspectors set)",
    ),
    "draw_not_a_record": (
        "{field}：不是本系统的抽取记录（{detail}）",
        "{field}: not a draw record of this system ({detail})",
    ),
    "table_unreadable": (
        "{field}：无法读取表格（{reason}：{detail}）；请使用 .csv（UTF-8 或 GB 18030）或 .xlsx",
        "{field}: the table cannot be read ({reason}: {detail}); use .csv (UTF-8 or GB 18030) or .xlsx",
    ),
    "columns_missing": (
        "{field}：缺少必需的列：{value}（表头写法如：{choices}）",
        "{field}: required columns missing: {value} (headers such as {choices})",
    ),
    "duplicate_row": (
        "{field}：“{value}”与第 {first} 行重复",
        "{field}: '{value}' repeats row {first}",
    ),
    "more_faults": (
        "{field}：另有 {count} 处错误未列出；整个文件未导入",
        "{field}: {count} more faults; nothing imported",
    ),
    "no_rows": ("{field}：文件中没有数据行", "{field}: the file has no data rows"),
    "not_an_item": (
        "{field}：“{value}”应写作 程序:项目（如 scale:seal）",
        "{field}: '{value}' must read procedure:item (such as scale:seal)",
    ),
    "record_superseded": (
        "{field}：记录 {value} 已被更正记录取代，请审核更正后的记录",
        "{field}: record {value} was superseded by a correction; review the correction",
    ),
    "no_identity_named": (
        "{field}：本库中没有名为“{value}”的密钥（keys create --name）",
        "{field}: no key named '{value}' in this database (keys create --name)",
    ),
    "no_identity_on_desktop": (
        "{field}：本机数据库（{path}）中没有名为“{value}”的密钥；服务器上的检查机构库不存放审核人的私钥"
        "（在本机 keys create --name，再 office enrol --role supervisor）",
        "{field}: no key named '{value}' in this desktop's database ({path}); the office database on the "
        "server keeps no supervisor's private key (keys create --name here, then office enrol --role "
        "supervisor)",
    ),
}


def missing_text(code: str, params: dict[str, Any], lang: str = "zh") -> str:
    """One missing part of a check, in words: the procedure's own (``missing_zh``/``missing_en``,
    which `forms.evaluate` adds from the definition), else the code as it is."""
    codes = list(params.get("missing", []))
    texts = params.get(f"missing_{lang}") or []
    if code in codes and codes.index(code) < len(texts):
        return str(texts[codes.index(code)])
    return code


def _range(params: dict[str, Any], lang: str) -> str:
    low, high, unit = params.get("min"), params.get("max"), params.get("unit") or ""
    unit = f" {unit}" if unit else ""
    if low is not None and high is not None:
        op = "<" if params.get("min_exclusive") else "≤"
        return f"{low} {op} x ≤ {high}{unit}"
    if low is not None:
        op = ">" if params.get("min_exclusive") else "≥"
        return f"x {op} {low}{unit}"
    return f"x ≤ {high}{unit}" if high is not None else ""


def render(field: str, code: str, params: dict[str, Any], lang: str = "zh") -> str:
    """One message for one error, in ``lang`` ('zh' or 'en'); unknown codes still name the field."""
    zh, en = _TEMPLATES.get(code, ("{field}：{code}", "{field}: {code}"))
    values = {
        k: ("、".join(map(str, v)) if lang == "zh" else ", ".join(map(str, v)))
        if isinstance(v, list)
        else (_shown(v) if isinstance(v, str) else v)
        for k, v in params.items()
    }
    if f"choices_{lang}" in values:  # labels people know, not the stored codes
        values["choices"] = values[f"choices_{lang}"]
    label = params.get("label_zh" if lang == "zh" else "label_en")
    shown = field or "input"
    if label and label != field:  # name the field as people know it, and where it is in the input
        shown = f"{label}（{field}）" if lang == "zh" else f"{label} ({field})"
    values.update(field=shown, code=code, range=_range(params, lang))
    if code == "incomplete":
        sep = "；" if lang == "zh" else "; "
        values["missing"] = sep.join(missing_text(m, params, lang) for m in params.get("missing", []))
    try:
        return (zh if lang == "zh" else en).format(**values)
    except (KeyError, IndexError):
        return f"{field}: {code} {params}"


def printable(text: str) -> str:
    """Text from outside (a certificate subject, a file name) made safe to print on a terminal.

    Control and format characters (escape sequences, bidirectional overrides, NUL) are written as
    visible escapes such as ``\\x1b`` or ``\\u202e``, so a crafted name can neither move the cursor
    nor reorder what is shown around it.
    """
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            code = ord(ch)
            out.append(
                f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
            )
        else:
            out.append(ch)
    return "".join(out)


MAX_SHOWN = 120  # characters of a value quoted in a message (a 5,000-digit number is cut)


def _shown(value: str) -> str:
    text = printable(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


@dataclass(frozen=True)
class FieldError:
    """A field at fault: its path, a message code and the code's parameters (labels included)."""

    field: str
    code: str
    params: dict[str, Any] = dc_field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        label = self.params.get("label_zh" if lang == "zh" else "label_en") or self.field
        return render(str(label), self.code, self.params, lang)


def bilingual(field: str, code: str, params: dict[str, Any]) -> str:
    """Chinese first, then English: for the CLI, read by inspectors and by scripts' authors."""
    return f"{render(field, code, params, 'zh')} / {render(field, code, params, 'en')}"


# Verification outcomes: status and reason codes of services.records.Verification.
VERIFY_STATUS = {
    "valid": ("有效", "valid"),
    "altered": ("已被改动", "altered"),
    "unknown_signer": ("签名人未登记", "unknown signer"),
    "revoked": ("签名人证书已吊销", "signer revoked"),
    "unreadable": ("无法读取", "unreadable"),
}
VERIFY_REASONS = {
    "": ("", ""),
    "not_a_pdf": ("不是 PDF 文件", "not a PDF file"),
    "cannot_open": ("无法打开文件", "the file cannot be opened"),
    "too_large": (
        "文件超过 100 MiB，不是记录 PDF，未读取",
        "larger than 100 MiB: not a record PDF, not read",
    ),
    "truncated": (
        "PDF 文件不完整（被截断，可能传输中断）",
        "the PDF is incomplete (truncated; an interrupted copy?)",
    ),
    "damaged_pdf": ("PDF 文件结构损坏，无法读取", "the PDF's structure is damaged and cannot be read"),
    "record_unreadable": (
        "PDF 中内嵌的签名记录已损坏，无法解读",
        "the signed record embedded in the PDF is damaged and cannot be decoded",
    ),
    "no_record": ("PDF 中没有内嵌的签名记录", "no embedded signed record in the PDF"),
    "no_signature": ("PDF 没有数字签名", "the PDF carries no digital signature"),
    "pdf_signature_broken": ("PDF 内容与数字签名不符", "the PDF content does not match its signature"),
    "changed_after_signing": ("签名后 PDF 被追加修改", "the PDF was changed after it was signed"),
    "signer_not_enrolled": ("签名证书不在本机信任列表中", "the signing certificate is not enrolled here"),
    "signer_revoked": ("签名证书已被吊销", "the signing certificate has been revoked"),
    "record_signature_broken": ("内嵌记录与其签名不符", "the embedded record does not match its signature"),
    "summary_signature_broken": ("二维码内容与签名不符", "the QR content does not match its signature"),
    "differs_from_local_record": (
        "二维码与本机保存的记录指纹不同",
        "the QR differs from the record stored here",
    ),
    "not_a_summary": ("不是本系统的二维码内容", "not a QR summary of this system"),
    "signer_expired": ("签名时签名证书已过期", "the signing certificate had expired when it signed"),
    "local_key": (
        "仅本机信任：由本机持有的密钥签名，尚未经检查机构登记",
        "trusted on this laptop only: signed by a key held here, not yet enrolled by an office",
    ),
}


def verification_line(
    status: str,
    reason: str,
    signer: str,
    date: str,
    verdict: str,
    lang: str = "zh",
    *,
    details: dict[str, Any] | None = None,
) -> str:
    """'valid: signer, date, verdict' or 'altered: reason', in one language; a valid record this
    database knows to be corrected adds 'superseded by record N on DATE'."""
    i = 0 if lang == "zh" else 1
    signer = printable(signer)
    head = VERIFY_STATUS.get(status, (status, status))[i]
    if status == "valid":
        word = vocabulary.verdict(verdict, lang)
        line = f"{head}: {signer}, {date}, {word}"
        if reason in VERIFY_REASONS and reason:
            line += f" — {VERIFY_REASONS[reason][i]}"
        successor = (details or {}).get("superseded_by")
        if successor:
            from inspector_app.local_time import local_day

            day = local_day(str((details or {}).get("superseded_at") or ""))
            line += (
                f"；已被记录 {printable(str(successor))} 于 {day} 更正取代"
                if i == 0
                else f"; superseded by record {printable(str(successor))} on {day}"
            )
        return line
    why = VERIFY_REASONS.get(reason, (reason, reason))[i]
    return f"{head}: {why}" + (f" ({signer})" if signer else "")

"""The office's printed reports: the 双随机 draw record and the statistics report (A4, Chinese font
embedded, "page X of Y"). Data in, PDF bytes out; charts arrive as PNG bytes (matplotlib renders
them in inspector_app.office.charts), never through temporary files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from inspector_app.office import labels
from inspector_app.pdf import styles
from inspector_app.pdf.render import _NumberedCanvas
from inspector_app.registries import SITE_KINDS
from inspector_app.vocabulary import verdict

_UNDECIDED = verdict("inconclusive", "zh")

MARGIN = 15 * mm
HEADER_H = 14 * mm
FOOTER_H = 10 * mm


def _p(text: Any, style: str = "cell") -> Paragraph:
    return Paragraph(escape(str(text if text is not None else "—")), styles.paragraph_styles()[style])


def _doc(
    buffer: io.BytesIO, *, title: str, office: str, footer: Sequence[str], subject: str
) -> BaseDocTemplate:
    """A4 with the office and title on top and up to two footer lines (the page number is on the
    right of the first)."""
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_H,
        bottomMargin=FOOTER_H + 6 * mm,
        title=title,
        author=office,
        subject=subject,
        creator="inspector-app",
        lang="zh-CN",
    )

    def on_page(canvas: pdfcanvas.Canvas, _doc: BaseDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        top = height - MARGIN
        canvas.setFont(styles.FONT, 9)
        canvas.setFillColor(styles.GREY)
        canvas.drawString(MARGIN, top - 3 * mm, office)
        canvas.setFillColor(colors.black)
        canvas.setFont(styles.FONT, 13)
        canvas.drawString(MARGIN, top - 10 * mm, title)
        canvas.setStrokeColor(styles.LINE)
        canvas.line(MARGIN, top - HEADER_H + 1 * mm, width - MARGIN, top - HEADER_H + 1 * mm)
        canvas.setFont(styles.FONT, 7)
        canvas.setFillColor(styles.GREY)
        for n, line in enumerate(footer[:2]):
            canvas.drawString(MARGIN, (8 - 3.5 * n) * mm, line)
        canvas.restoreState()

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="office", frames=[frame], onPage=on_page)])
    return doc


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    colours: dict[tuple[int, int], Any] | None = None,
) -> Table:
    cells = [[_p(h) for h in header]] + [[_p(c) for c in row] for row in rows]
    table = Table(cells, colWidths=list(widths), repeatRows=1)
    style = styles.table_style(len(cells))
    for (col, row), colour in (colours or {}).items():
        style.append(("TEXTCOLOR", (col, row), (col, row), colour))
    table.setStyle(style)
    return table


def _kv(rows: Sequence[tuple[str, Any]], width: float) -> Table:
    cells = [[_p(k, "small"), _p(v)] for k, v in rows]
    table = Table(cells, colWidths=[width * 0.22, width * 0.78])
    table.setStyle(styles.table_style(len(cells), header=False))
    return table


KIND_NAMES = {code: zh for code, zh, _en in SITE_KINDS}
LEVEL_NAMES = {"A": "A（高）", "B": "B（较高）", "C": "C（一般）", "D": "D（低）"}


def render_draw(payload: dict[str, Any]) -> bytes:
    """The draw record as printed and kept (spec/office.md: inputs' hashes, seed, algorithm
    version, result), from the signed document's payload."""
    s = styles.paragraph_styles()
    plan = payload["plan"]
    result = payload["result"]
    office = payload.get("office", {})
    names = {i["employee_no"]: i["name"] for i in payload.get("inspectors", [])}
    buffer = io.BytesIO()
    doc = _doc(
        buffer,
        title=f"双随机抽查抽取记录 · {plan.get('name') or plan['id']}",
        office=str(office.get("name", "")),
        footer=(
            f"抽取编号 {payload['draw_id']} · 算法 {payload['algorithm']}",
            f"种子 {result['seed']} · 复算核验：inspector-app office draw --verify DRAW.json",
        ),
        subject=f"{plan['id']} {payload['witness']}",
    )
    width = doc.width
    story: list[Any] = [
        Paragraph("抽查计划与抽取依据", s["heading"]),
        _kv(
            [
                ("计划编号 / 名称", f"{plan['id']} / {plan.get('name', '')}"),
                ("检查事项", labels.inspection_item(plan["item"])),
                ("抽取日期", plan["date"]),
                ("完成期限", plan.get("due") or "—"),
                ("每户检查人员", f"{plan['inspectors_per_visit']} 人"),
                ("见证号（公开摇号）", payload["witness"]),
                ("抽取时间（UTC）", payload["drawn_at"]),
                ("检查对象名录 SHA-256", f"{result['entities_sha256']}（{len(payload['entities'])} 户）"),
                (
                    "执法检查人员名录 SHA-256",
                    f"{result['inspectors_sha256']}（{len(payload['inspectors'])} 人）",
                ),
                ("回避名单 SHA-256", f"{result['recusals_sha256']}（{len(payload['recusals'])} 对）"),
                ("随机种子 SHA-256", result["seed"]),
                ("抽取算法及版本", payload["algorithm"]),
                ("机构根证书指纹", office.get("root_sha256", "")),
            ],
            width,
        ),
        Paragraph("各风险等级抽取比例", s["heading"]),
        _table(
            ["风险等级", "名录户数", "比例", "固定户数", "抽取户数"],
            [
                [
                    LEVEL_NAMES.get(level["level"], level["level"]),
                    level["population"],
                    f"{level['percent']} %" if level.get("percent") else "—",
                    level["count"] if level.get("count") is not None else "—",
                    level["drawn"],
                ]
                for level in result["levels"]
            ],
            [width * w for w in (0.2, 0.2, 0.2, 0.2, 0.2)],
        ),
        Paragraph("抽取结果（按抽取顺序）", s["heading"]),
    ]
    rows = []
    colours = {}
    for n, chosen in enumerate(result["selected"], start=1):
        team = "、".join(f"{names.get(e, e)}（{e}）" for e in chosen["inspectors"])
        if not team:
            team = "未能派员（可派人员不足，见下）"
            colours[(6, n)] = styles.FAIL
        rows.append(
            [
                chosen["order"],
                chosen["credit_code"],
                chosen["name"],
                chosen["district"],
                chosen["risk"],
                KIND_NAMES.get(chosen["type"], chosen["type"]),
                team,
            ]
        )
    story.append(
        _table(
            ["序号", "统一社会信用代码", "检查对象", "区县", "风险", "类型", "检查人员"],
            rows,
            [width * w for w in (0.05, 0.21, 0.23, 0.09, 0.05, 0.1, 0.27)],
            colours=colours,
        )
    )
    if result["unassigned"]:
        story.append(Paragraph("未能派员的检查对象", s["heading"]))
        story.append(
            _table(
                ["序号", "统一社会信用代码", "检查对象", "原因"],
                [
                    [u["order"], u["credit_code"], u["name"], f"回避后可派人员仅 {u['eligible']} 人"]
                    for u in result["unassigned"]
                ],
                [width * w for w in (0.08, 0.25, 0.37, 0.3)],
            )
        )
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            "本记录由机构根证书签名保存。任何人持有本记录（DRAW.json）即可按公开的算法复算：种子为计划编号、"
            "抽取日期、见证号及两个名录快照哈希的 SHA-256；各风险等级按种子派生的随机数进行 Fisher–Yates "
            "抽取，比例向上取整且每个非空等级至少 1 户；检查人员在回避后随机抽取。",
            s["small"],
        ),
        Spacer(1, 10 * mm),
        KeepTogether(
            [
                _kv([("抽取人（签字）", ""), ("监督人 / 见证人（签字）", ""), ("日期", "")], width),
            ]
        ),
    ]
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def _delay(delay: dict[str, Any]) -> str:
    if not delay["records"]:
        return "—"
    return (
        f"平均 {delay['mean_days']} 天，中位数 {delay['median_days']} 天，"
        f"90% 在 {delay['p90_days']} 天内，最长 {delay['max_days']} 天"
    )


def _paper_rows(stats: dict[str, Any]) -> list[tuple[str, Any]]:
    """Records known only from paper (their data awaited): beside the totals, marked †."""
    known, both = stats.get("known_from_paper") or {}, stats.get("with_paper") or {}
    rows: list[tuple[str, Any]] = []
    if known.get("records"):
        rate = f"{both['pass_rate']} %" if both["pass_rate"] else "—"
        text = (
            f"{known['records']} 份（合格 {known['pass']} / 不合格 {known['fail']} / "
            f"{_UNDECIDED} {known['inconclusive']}），未计入上列数字；"
            f"计入后检查 {both['total']} 次，合格率 {rate}"
        )
        if known["overdue"]:
            # (no ⚠: the PDF's CJK font has no such glyph)
            text += f"；其中 {known['overdue']} 份逾期（检查后超过 {known['overdue_days']} 天数据仍未到）"
        rows.append(("† 仅凭纸质记录（待数据包）", text))
    if known.get("unattributed"):
        rows.append(("† 仅凭纸质记录", f"{known['unattributed']} 份未按区县或检查人员计（纸质摘要不含）"))
    return rows


def render_stats(stats: dict[str, Any], charts: dict[str, bytes], *, office: str) -> bytes:
    """The statistics report: filters, totals, every chart (PNG from matplotlib) and its table."""
    s = styles.paragraph_styles()
    filters = stats["filters"]
    period = f"{filters.get('date_from') or '最早'} 至 {filters.get('date_to') or '最近'}"
    buffer = io.BytesIO()
    doc = _doc(
        buffer,
        title="计量监督检查统计报告",
        office=office,
        footer=(
            f"统计期间 {period} · 生成于 {stats['computed_at'][:16]} UTC",
            f"仅计现行记录：已被更正的记录不重复计数；{_UNDECIDED}（inconclusive）计入检查数，不计入合格。",
        ),
        subject=period,
    )
    width = doc.width

    def chart(title: str, name: str) -> KeepTogether:
        from reportlab.lib.utils import ImageReader

        data = charts[name]
        w, h = ImageReader(io.BytesIO(data)).getSize()
        shown = min(width * 0.9, 560 * w / h)  # never taller than a page's frame
        return KeepTogether(
            [Paragraph(title, s["heading"]), Image(io.BytesIO(data), width=shown, height=shown * h / w)]
        )

    def rate_table(title: str, rows: list[dict[str, Any]], label: str = "key") -> list[Any]:
        body = [
            [
                r.get(label) or r["key"] or "—",
                r["total"],
                r["pass"],
                r["fail"],
                r["inconclusive"],
                f"{r['pass_rate']} %" if r["pass_rate"] else "—",
            ]
            for r in rows
        ]
        header = [title, "检查数", "合格", "不合格", _UNDECIDED, "合格率"]
        table = _table(header, body, [width * 0.35] + [width * 0.13] * 5)
        return [table]

    scope = "、".join(f"{k}={v}" for k, v in filters.items() if k not in ("date_from", "date_to")) or "全部"
    story: list[Any] = [
        Paragraph("概况", s["heading"]),
        _kv(
            [
                ("统计期间（检查日期）", period),
                ("范围", scope),
                ("检查记录数", stats["total"]),
                (
                    f"合格 / 不合格 / {_UNDECIDED}",
                    f"{stats['pass']} / {stats['fail']} / {stats['inconclusive']}",
                ),
                ("总体合格率", f"{stats['pass_rate']} %" if stats["pass_rate"] else "—"),
                ("检查到导入的天数", _delay(stats["import_delay"])),
            ]
            + _paper_rows(stats)
            + [(f"参考指标（{labels.procedure(k)}）", v["source"]) for k, v in stats["references"].items()],
            width,
        ),
        chart("按检查项目", "procedure"),
        *rate_table("检查项目", stats["by_procedure"], "label"),
        chart("按月", "month"),
        chart("按区县", "district"),
        *rate_table("区县", stats["by_district"]),
        chart("按检查人员", "inspector"),
        *rate_table("检查人员", stats["by_inspector"]),
        chart("最常见的不合格项目", "items"),
        _table(
            ["检查项目", "不合格项目", "记录数"],
            [[labels.procedure(r["form_id"]), r["label"], r["records"]] for r in stats["top_failed_items"]],
            [width * 0.3, width * 0.5, width * 0.2],
        ),
        chart("处理措施", "measures"),
        _table(
            ["处理措施", "记录数"],
            [[r["label"], r["records"]] for r in stats["measures"]],
            [width * 0.7, width * 0.3],
        ),
    ]
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()

"""The statistics charts, drawn by matplotlib (never by hand): the same Figure objects are shown on
screen (the 统计 page embeds them through the QtAgg backend) and rendered to PNG for the PDF report.

Only ``matplotlib.figure.Figure`` is used here — no pyplot, no global backend state — so the core
stays free of Qt and the figures are safe to build off the GUI thread.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Collection
from decimal import Decimal
from functools import cache
from typing import Any

from inspector_app.fonts import cjk_font_path

PASS = "#1e8e3e"
FAIL = "#c5221f"
INCONCLUSIVE = "#e37400"
BAR = "#1a73e8"
REFERENCE = "#a142f4"
GRID = "#dadce0"


@cache
def _font() -> str:
    """Register the CJK font with matplotlib once; returns the family name to use."""
    from matplotlib import font_manager

    path = cjk_font_path()
    if path is None:
        return "DejaVu Sans"
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    family = _font()
    # Margins are set from the labels (_margins), not by a layout engine: matplotlib's constrained
    # layout costs more than drawing the chart itself.
    fig = Figure(figsize=(width, height), dpi=100)
    fig.set_facecolor("white")
    import matplotlib as mpl

    mpl.rcParams["font.family"] = [family, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False
    return fig


def _margins(
    fig: Any,
    *,
    left_chars: int = 0,
    left: float = 0.0,
    right: float = 0.25,
    bottom: float = 0.55,
    top: float = 0.4,
) -> None:
    """Fixed margins in inches: the left one wide enough for ``left_chars`` characters of a 9 pt
    CJK label (or ``left`` inches). Kept with the figure, so a canvas that resizes it keeps them
    in inches (`follow_resizes`), not as fractions of a size it no longer has."""
    fig.inspector_margins = (max(left, 0.3 + 0.135 * left_chars), right, bottom, top)
    _apply_margins(fig)


def _apply_margins(fig: Any) -> None:
    left_in, right, bottom, top = fig.inspector_margins
    width, height = fig.get_size_inches()
    fig.subplots_adjust(
        left=min(0.6, left_in / width),
        right=1 - right / width,
        bottom=min(0.5, bottom / height),
        top=1 - top / height,
    )


def follow_resizes(fig: Any) -> None:
    """Keep the figure's margins in inches whenever its canvas (on screen) resizes it: a label
    column fitted to a 7.2-inch figure would otherwise be cut on a narrower widget."""
    if hasattr(fig, "inspector_margins"):
        fig.canvas.mpl_connect("resize_event", lambda _event: _apply_margins(fig))


def _style(ax: Any) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x" if ax.get_xlim()[1] > 1 else "y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def rate_colour(rate: str, target: str | None = None) -> str:
    """A pass rate's colour: green at or above its own target (a bar below its target line is
    never green), amber within 15 points under it, red further; without a target 90 and 75 %."""
    value = Decimal(rate)
    good = Decimal(target) if target is not None else Decimal(90)
    if value >= good:
        return PASS
    return INCONCLUSIVE if value >= good - 15 else FAIL


def rate_bars(
    rows: list[dict[str, Any]],
    *,
    title: str,
    lang: str = "zh",
    label_key: str = "label",
    references: dict[str, str] | None = None,
    limit: int = 25,
) -> Any:
    """Horizontal bars of pass rates (0–100 %), each with its count; a reference rate is drawn as
    a dashed line across its own bar, labelled."""
    shown = [r for r in rows if r["total"]][:limit]
    fig = _figure(7.2, max(2.0, 0.42 * len(shown) + 1.1))
    ax = fig.add_subplot()
    names = [str(r.get(label_key) or r["key"] or "—") for r in shown]
    values = [float(r["pass_rate"]) for r in shown]
    y = list(range(len(shown)))[::-1]
    targets = [(references or {}).get(r["key"]) for r in shown]
    colours = [rate_colour(str(r["pass_rate"]), t) for r, t in zip(shown, targets, strict=True)]
    bars = ax.barh(y, values, color=colours, height=0.62)
    for bar, r in zip(bars, shown, strict=True):
        paper = f", +{r['paper']}†" if r.get("paper") else ""  # known only from paper, beside n
        label = f"{r['pass_rate']} %  (n={r['total']}{paper})"
        middle = bar.get_y() + bar.get_height() / 2
        if bar.get_width() >= 45:  # inside the bar, clear of a reference line beyond it
            ax.text(bar.get_width() - 1.5, middle, label, va="center", ha="right", fontsize=8, color="white")
        else:
            ax.text(bar.get_width() + 1, middle, label, va="center", fontsize=8)
    for yy, r in zip(y, shown, strict=True):
        target = (references or {}).get(r["key"])
        if target is not None:
            ax.plot([float(target)] * 2, [yy - 0.45, yy + 0.45], color=REFERENCE, linestyle="--", linewidth=2)
            ax.text(
                float(target) + 1.5,
                yy,
                _t(lang, f"目标 {target} %", f"target {target} %"),
                color=REFERENCE,
                fontsize=8,
                ha="left",
                va="center",
            )
    ax.set_yticks(y, names, fontsize=9)
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xlabel(_t(lang, "合格率 (%)", "pass rate (%)"))
    ax.set_title(title, fontsize=11, loc="left")
    _style(ax)
    _margins(fig, left_chars=max((len(n) for n in names), default=2))
    return fig


def month_lines(
    rows: list[dict[str, Any]], *, title: str, lang: str = "zh", reference: str | None = None
) -> Any:
    """Monthly checks (bars, right axis) and pass rate (line, left axis)."""
    fig = _figure(7.2, 3.0)
    ax = fig.add_subplot()
    months = [r["key"] for r in rows]
    x = list(range(len(rows)))
    counts = ax.twinx()
    counts.bar(x, [r["total"] for r in rows], color="#d2e3fc", width=0.7, zorder=1)
    counts.set_ylabel(_t(lang, "检查数", "checks"), color="#5f6368")
    counts.spines[["top"]].set_visible(False)
    ax.set_zorder(counts.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(
        x,
        [float(r["pass_rate"]) if r["pass_rate"] else None for r in rows],
        color=BAR,
        marker="o",
        linewidth=2,
        markersize=4,
    )
    if reference is not None:
        ax.axhline(float(reference), color=REFERENCE, linestyle="--", linewidth=1.5)
        ax.text(
            x[-1] if x else 0,
            float(reference) + 0.8,
            _t(lang, f"目标 {reference} %", f"target {reference} %"),
            color=REFERENCE,
            fontsize=8,
            ha="right",
        )
    step = max(1, len(months) // 12)
    ax.set_xticks(x[::step], months[::step], rotation=45, fontsize=8, ha="right")
    low = min([float(r["pass_rate"]) for r in rows if r["pass_rate"]] + [float(reference or 100)], default=0)
    ax.set_ylim(max(0, low - 10), 100.5)
    ax.set_ylabel(_t(lang, "合格率 (%)", "pass rate (%)"))
    ax.set_title(title, fontsize=11, loc="left")
    ax.spines[["top"]].set_visible(False)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    _margins(fig, left=0.75, right=0.75, bottom=0.85)
    return fig


def count_bars(rows: list[tuple[str, int]], *, title: str, lang: str = "zh", colour: str = FAIL) -> Any:
    """Horizontal bars of counts, largest on top."""
    fig = _figure(7.2, max(1.8, 0.38 * len(rows) + 1.0))
    ax = fig.add_subplot()
    y = list(range(len(rows)))[::-1]
    bars = ax.barh(y, [n for _, n in rows], color=colour, height=0.6)
    for bar, (_, n) in zip(bars, rows, strict=True):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {n}", va="center", fontsize=8)
    ax.set_yticks(y, [name for name, _ in rows], fontsize=9)
    ax.set_xlabel(_t(lang, "记录数", "records"))
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=11, loc="left")
    if not rows:
        ax.text(0.5, 0.5, _t(lang, "无", "none"), transform=ax.transAxes, ha="center", color="#5f6368")
        ax.set_yticks([])
        ax.set_xticks([])  # no counts: no scale (matplotlib would label ±0.045 around zero)
    _style(ax)
    _margins(fig, left_chars=max((len(name) for name, _ in rows), default=2))
    return fig


def _chart_inputs(stats: dict[str, Any], lang: str) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """Each chart of a statistics result: the function that draws it and its arguments."""
    references = {k: v["pass_rate"] for k, v in stats["references"].items()}
    only = stats["filters"].get("form_id", "")
    label = "label" if lang == "zh" else "label_en"
    return {
        "procedure": (
            rate_bars,
            {
                "rows": stats["by_procedure"],
                "title": _t(lang, "按检查项目的合格率", "Pass rate by procedure"),
                "lang": lang,
                "references": references,
            },
        ),
        "district": (
            rate_bars,
            {
                "rows": stats["by_district"],
                "title": _t(lang, "按区县的合格率", "Pass rate by district"),
                "lang": lang,
            },
        ),
        "month": (
            month_lines,
            {
                "rows": stats["by_month"],
                "title": _t(lang, "按月的合格率与检查数", "Pass rate and checks by month"),
                "lang": lang,
                "reference": references.get(only),
            },
        ),
        "inspector": (
            rate_bars,
            {
                "rows": stats["by_inspector"],
                "title": _t(lang, "按检查人员的合格率", "Pass rate by inspector"),
                "lang": lang,
            },
        ),
        "items": (
            count_bars,
            {
                "rows": [(r[label], r["records"]) for r in stats["top_failed_items"]],
                "title": _t(lang, "最常见的不合格项目", "Most frequent failed items"),
                "lang": lang,
            },
        ),
        "measures": (
            count_bars,
            {
                "rows": [(r[label], r["records"]) for r in stats["measures"]],
                "title": _t(lang, "采取的处理措施", "Measures taken"),
                "lang": lang,
                "colour": BAR,
            },
        ),
    }


def keys(stats: dict[str, Any], lang: str = "zh") -> dict[str, str]:
    """Each chart's inputs as text: a chart whose key is unchanged looks the same, so a page that
    shows it already need not build and draw it again (a refresh after an import that changed
    nothing, or a filter that leaves a chart as it was)."""
    return {
        name: json.dumps([fn.__name__, kwargs], ensure_ascii=False, sort_keys=True, default=str)
        for name, (fn, kwargs) in _chart_inputs(stats, lang).items()
    }


def figures(stats: dict[str, Any], lang: str = "zh", only: Collection[str] | None = None) -> dict[str, Any]:
    """Every chart of a statistics result (StatisticsService.compute), by name; or those named
    in ``only``."""
    return {
        name: fn(**kwargs)
        for name, (fn, kwargs) in _chart_inputs(stats, lang).items()
        if only is None or name in only
    }


def png(figure: Any, *, dpi: int = 200) -> bytes:
    """The figure as PNG bytes (through memory, never a temporary file)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()

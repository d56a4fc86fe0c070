"""统计: pass rates by procedure, district, month and inspector, failed items, measures and the
delay to import, as matplotlib charts (QtAgg) that follow the filters; the PDF report.

Figures are computed off the GUI thread (the 200,000-record office stays responsive); the charts
are the same Figure objects the PDF report renders, embedded through matplotlib's QtAgg canvas.
What costs is matplotlib laying out and drawing text, so a chart is drawn once, when it is first
painted — the two below the fold only when scrolled to (`_lazy_canvas`) — and a chart whose
inputs did not change is neither built nor drawn again (`charts.keys`).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import ValidationFailed
from ui import labels, runner
from ui.widgets import named

if TYPE_CHECKING:
    from inspector_app.services.ports import Counting

CHART_ORDER = ("procedure", "month", "district", "inspector", "items", "measures")


@cache
def _lazy_canvas() -> type:
    """matplotlib's QtAgg canvas, drawing only when painted. Its own draw_idle draws on a timer
    after every resize — visible or not, and again for each resize of the page's layout (each
    chart was drawn twice on opening the page, the two below the fold included). Here a
    resize only marks the figure stale and asks Qt for a paint, which Qt sends only to a widget
    with something on screen; the paint draws (matplotlib's paintEvent draws what is pending)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class LazyCanvas(FigureCanvasQTAgg):
        def draw_idle(self) -> None:
            if not getattr(self, "_is_drawing", False):
                self._draw_pending = True
                self.update()

        def draw(self) -> None:
            self._draw_pending = False  # drawn now: the next paint only shows it
            super().draw()  # type: ignore[no-untyped-call]  # matplotlib's Qt backend is untyped

    return LazyCanvas


class StatisticsPage(QWidget):
    """Filters, a summary line, and the charts in two columns."""

    def __init__(self, office: Counting, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statistics = office.statistics
        self._review = office.review
        self._lang = lang
        self._task: Any = None
        self._generation = 0
        self.stats: dict[str, Any] | None = None
        self.canvases: dict[str, Any] = {}
        self._chart_keys: dict[str, str] = {}  # what each shown chart was drawn from

        choices = self._review.choices()
        self.date_from = named(QLineEdit(placeholderText=self.tr("from YYYY-MM-DD")), self.tr("From"))
        self.date_to = named(QLineEdit(placeholderText=self.tr("to YYYY-MM-DD")), self.tr("To"))
        self.form = self._combo(self.tr("Procedure"), [(f, labels.form(f)) for f in choices["form_id"]])
        self.district = self._combo(self.tr("District"), [(d, d) for d in choices["district"]])
        self.inspector = self._combo(self.tr("Inspector"), [(i, i) for i in choices["inspector"]])
        self.report_button = QPushButton(self.tr("PDF report…"))
        filters = QHBoxLayout()
        for line in (self.date_from, self.date_to):
            line.setMaximumWidth(140)
            line.returnPressed.connect(self.recompute)
            filters.addWidget(line)
        for box in (self.form, self.district, self.inspector):
            box.currentIndexChanged.connect(lambda _i: self.recompute())
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.report_button)
        self.summary = QLabel(wordWrap=True)
        self.summary.setStyleSheet("font-size: 14px; padding: 4px 0;")
        # Records known only from paper: beside the figures, marked †; the overdue ones ⚠ in red.
        self.paper_note = named(QLabel(wordWrap=True), self.tr("Known only from paper"))
        self.paper_note.setTextFormat(Qt.TextFormat.RichText)
        self.paper_note.hide()
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Six charts are always taller than the window: a scroll bar that came and went would
        # change the charts' width, and every chart would be drawn twice.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.grid_widget)
        self.message = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.paper_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.report_button.clicked.connect(lambda: self.save_report())
        self.recompute()

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = named(QComboBox(), name)
        box.addItem(self.tr("All: %1").replace("%1", name), "")
        for value, text in items:
            box.addItem(text, value)
        return box

    def filters(self) -> dict[str, str]:
        return {
            "date_from": self.date_from.text().strip(),
            "date_to": self.date_to.text().strip(),
            "form_id": self.form.currentData() or "",
            "district": self.district.currentData() or "",
            "inspector": self.inspector.currentData() or "",
        }

    def refresh(self) -> None:
        self.recompute()

    def recompute(self) -> Any:
        """Compute the figures for the filters off the GUI thread; the newest request wins."""
        self._generation += 1
        generation = self._generation
        filters = self.filters()
        statistics = self._statistics
        lang = self._lang
        shown = dict(self._chart_keys)
        self.summary.setText(self.tr("Counting…"))

        def work(_report: Any, _cancelled: Any) -> tuple[int, Any, Any]:
            try:
                stats = statistics.compute(filters)
            except ValidationFailed as exc:
                return generation, exc, None
            from inspector_app.office import charts

            keys = charts.keys(stats, lang)
            changed = [name for name in CHART_ORDER if keys[name] != shown.get(name)]
            return generation, stats, (keys, charts.figures(stats, lang, only=changed))

        task = runner.Task(work)
        task.signals.finished.connect(self._computed)
        task.signals.failed.connect(lambda text: self._say(text, error=True))
        self._task = runner.start(task)
        return task

    def _computed(self, result: tuple[int, Any, Any]) -> None:
        generation, stats, figures = result
        if generation != self._generation:
            return  # a newer filter is being counted
        if isinstance(stats, ValidationFailed):
            self.summary.setText("")
            self.paper_note.hide()
            self._say("⚠ " + stats.errors[0].message(self._lang), error=True)
            return
        self._say("")
        self.stats = stats
        delay = stats["import_delay"]
        rate = f"{stats['pass_rate']} %" if stats["pass_rate"] else "—"
        text = (
            self.tr("%1 checks · pass %2 · fail %3 · inconclusive %4 · pass rate %5")
            .replace("%1", str(stats["total"]))
            .replace("%2", str(stats["pass"]))
            .replace("%3", str(stats["fail"]))
            .replace("%4", str(stats["inconclusive"]))
            .replace("%5", rate)
        )
        if delay["records"]:
            text += (
                self.tr(" · inspection to import: median %1 days, 90 % within %2")
                .replace("%1", str(delay["median_days"]))
                .replace("%2", str(delay["p90_days"]))
            )
        self.summary.setText(text)
        self._show_paper(stats["known_from_paper"], stats["with_paper"])
        self._show(figures)

    def _show_paper(self, known: dict[str, Any], both: dict[str, Any]) -> None:
        """The records known only from paper (their data awaited), counted beside the figures."""
        parts = []
        if known["records"]:
            parts.append(
                self.tr(
                    "† Also %1 known only from a paper record (data awaited): pass %2 · fail %3 · "
                    "inconclusive %4; with them %5 checks, pass rate %6."
                )
                .replace("%1", str(known["records"]))
                .replace("%2", str(known["pass"]))
                .replace("%3", str(known["fail"]))
                .replace("%4", str(known["inconclusive"]))
                .replace("%5", str(both["total"]))
                .replace("%6", f"{both['pass_rate']} %" if both["pass_rate"] else "—")
            )
        if known["overdue"]:
            overdue = (
                self.tr("⚠ %1 of them overdue: no data %2 days after the inspection.")
                .replace("%1", str(known["overdue"]))
                .replace("%2", str(known["overdue_days"]))
            )
            parts.append(f'<span style="color: #c5221f;">{html.escape(overdue)}</span>')
        if known["unattributed"]:
            parts.append(
                self.tr(
                    "† %1 known only from paper are not counted under a district or inspector filter "
                    "(a summary names neither)."
                ).replace("%1", str(known["unattributed"]))
            )
        plain = [p if p.startswith("<span") else html.escape(p) for p in parts]
        self.paper_note.setText(" ".join(plain))
        self.paper_note.setVisible(bool(parts))

    def _show(self, charts: tuple[dict[str, str], dict[str, Any]]) -> None:
        """Put the charts built anew in place of their old canvases; the others stay as drawn."""
        from inspector_app.office.charts import follow_resizes

        keys, figures = charts
        canvas_class = _lazy_canvas()
        for n, name in enumerate(CHART_ORDER):
            if name not in figures and name in self.canvases:
                continue  # its inputs are those it was drawn from
            old = self.canvases.pop(name, None)
            if old is not None:
                self.grid.removeWidget(old)
                old.deleteLater()
            canvas = canvas_class(figures[name])
            follow_resizes(figures[name])
            canvas.setAccessibleName(name)
            _width, height = figures[name].get_size_inches()
            canvas.setMinimumHeight(int(height * 80))
            canvas.setMinimumWidth(420)
            self.grid.addWidget(canvas, n // 2, n % 2, alignment=Qt.AlignmentFlag.AlignTop)
            self.canvases[name] = canvas
        self.canvases = {name: self.canvases[name] for name in CHART_ORDER}
        self._chart_keys = keys
        # Lay the new canvases out now, before Qt paints them at the size they were made with
        # (a paint draws the figure: it would be drawn there, then again once laid out).
        self.grid.activate()
        needed = self.grid_widget.minimumSizeHint().height()
        if self.grid_widget.height() < needed:
            self.grid_widget.resize(self.grid_widget.width(), needed)

    def save_report(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Statistics report"), "statistics.pdf", "PDF (*.pdf)"
            )
        if not path:
            return None
        try:
            _stats, pdf = self._statistics.report_pdf(self.filters())
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return None
        Path(path).write_bytes(pdf)
        self._say(self.tr("Saved %1.").replace("%1", path))
        return path

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f;" if error else "color: #1e8e3e;")

"""公示 (一公开): the 双随机 results to publish, each with its deadline (20 working days after the
inspection, holidays from the settings) and its state — due, overdue, published — in colour and
with an icon; the export (XLSX or CSV) marks what it holds published."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import ValidationFailed
from ui import icons, labels
from ui.tables import fill, item_at, table
from ui.widgets import named

if TYPE_CHECKING:
    from inspector_app.services.ports import Publishing

STATE_VERDICT = {"published": "pass", "due": "incomplete", "overdue": "fail"}  # icon and colour


class PublicationPage(QWidget):
    """Counts on top, one row per record, the export below."""

    def __init__(self, office: Publishing, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._publication = office.publication
        self._today = office.credit.today
        self._lang = lang
        self.counts = QLabel()
        self.counts.setStyleSheet("font-size: 14px;")
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("background: #fef7e0; color: #b06000; padding: 6px; border-radius: 4px;")
        self.records = table(
            [
                self.tr("State"),
                self.tr("Deadline"),
                self.tr("Inspected"),
                self.tr("Entity"),
                self.tr("Credit code"),
                self.tr("Procedure"),
                self.tr("Result"),
                self.tr("Record no."),
                self.tr("Plan"),
            ]
        )
        self.records.setAccessibleName(self.tr("Results to publish"))
        self.date_from = named(QLineEdit(placeholderText=self.tr("from YYYY-MM-DD")), self.tr("From"))
        self.date_to = named(QLineEdit(placeholderText=self.tr("to YYYY-MM-DD")), self.tr("To"))
        self.include = QCheckBox(self.tr("Include records already published"))
        self.export_button = QPushButton(self.tr("Export and mark published (XLSX/CSV)…"))
        row = QHBoxLayout()
        for line in (self.date_from, self.date_to):
            line.setMaximumWidth(140)
            line.returnPressed.connect(self.refresh)
            row.addWidget(line)
        row.addWidget(self.include)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.message = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.warning)
        layout.addWidget(self.records, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.export_button.clicked.connect(lambda: self.export())
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self._publication.rows(
                date_from=self.date_from.text().strip(), date_to=self.date_to.text().strip()
            )
            summary = self._publication.summary()
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return
        names = {"published": self.tr("Published"), "due": self.tr("Due"), "overdue": self.tr("Overdue")}
        self.counts.setText(
            self.tr("Overdue %1 · due %2 · published %3 · awaiting review %4")
            .replace("%1", str(summary["overdue"]))
            .replace("%2", str(summary["due"]))
            .replace("%3", str(summary["published"]))
            .replace("%4", str(summary["awaiting_review"]))
        )
        year = int(self._today()[:4])
        missing = year not in self._publication.holiday_years()
        self.warning.setVisible(missing)
        self.warning.setText(
            self.tr(
                "The holiday list in the settings has no date in %1: deadlines count weekends only. "
                "Add this year's official holidays (Settings)."
            ).replace("%1", str(year))
        )
        order = {"overdue": 0, "due": 1, "published": 2}
        rows.sort(key=lambda r: (order[r["state"]], r["deadline"]))
        fill(
            self.records,
            [
                [
                    names[r["state"]]
                    + (
                        " " + self.tr("(%1 working days left)").replace("%1", str(r["working_days_left"]))
                        if r["state"] == "due"
                        else ""
                    ),
                    r["deadline"],
                    r["inspected_on"],
                    r["site_name"],
                    r["site_code"],
                    labels.form(r["form_id"]),
                    labels.verdict(r["verdict"]),
                    r["record_no"],
                    r["plan_id"],
                ]
                for r in rows
            ],
            [r["id"] for r in rows],
        )
        for n, r in enumerate(rows):
            cell = item_at(self.records, n, 0)
            cell.setIcon(icons.verdict_icon(STATE_VERDICT[r["state"]], 16))
            cell.setForeground(QColor(icons.colour(STATE_VERDICT[r["state"]]).name()))
            item_at(self.records, n, 6).setIcon(icons.verdict_icon(r["verdict"], 16))
        self.rows = rows

    def export(self, path: str | None = None) -> dict[str, Any] | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Publication list"), "disclosure.xlsx", self.tr("Spreadsheets (*.xlsx *.csv)")
            )
        if not path:
            return None
        try:
            done: dict[str, Any] = self._publication.export(
                Path(path),
                date_from=self.date_from.text().strip(),
                date_to=self.date_to.text().strip(),
                include_published=self.include.isChecked(),
            )
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return None
        self._say(
            self.tr("Saved %1: %2 rows, %3 newly published.")
            .replace("%1", done["file"])
            .replace("%2", str(done["rows"]))
            .replace("%3", str(done["newly_published"]))
        )
        self.refresh()
        return done

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f;" if error else "color: #1e8e3e;")

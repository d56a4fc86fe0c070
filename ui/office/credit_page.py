"""信用名单: the black and red lists with each entry's reasons (record numbers), their export, and
an entity's integrity file (诚信计量档案) on double-click or Enter."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.office.credit import reason_text
from inspector_app.services import ValidationFailed
from ui import icons, labels
from ui.tables import RECORD_ID, fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import CreditListing

LIST_COLOURS = {"black": "#202124", "red": "#c5221f", "": "#5f6368"}


class EntityDialog(QDialog):
    """One entity's integrity file: its directory row, every check and its list over time."""

    def __init__(self, file: dict[str, Any], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Integrity file — %1").replace("%1", file["name"]))
        self.resize(980, 620)
        names = {"black": self.tr("Black list"), "red": self.tr("Red list"), "": self.tr("No list")}
        site = file.get("directory") or {}
        import html

        risk = self.tr("risk %1").replace("%1", site["risk"]) if site else ""
        name, district = html.escape(file["name"]), html.escape(file["district"])
        head = QLabel(f"<b>{name}</b>  {file['credit_code']}  {district}  {risk}")
        head.setTextFormat(Qt.TextFormat.RichText)
        now = QLabel(
            names[file["list"]]
            + (" " + self.tr("(since %1)").replace("%1", file["list_since"]) if file["list"] else "")
        )
        now.setStyleSheet(f"font-size: 16px; color: {LIST_COLOURS[file['list']]};")
        reasons = QLabel("\n".join(reason_text(r, lang) for r in file["reasons"]), wordWrap=True)
        self.checks = table(
            [
                self.tr("Date"),
                self.tr("Record no."),
                self.tr("Procedure"),
                self.tr("Verdict"),
                self.tr("Failed items"),
                self.tr("Measures"),
                self.tr("Drawn"),
                self.tr("List after"),
            ]
        )
        self.checks.setAccessibleName(self.tr("Checks"))
        rows = []
        for c in file["checks"]:
            rows.append(
                [
                    c["date"],
                    c["record_no"],
                    c["procedure"],
                    labels.verdict(c["verdict"]),
                    "、".join(f["label"] for f in c["failed"]) or "—",
                    "、".join(m["label"] for m in c["measures"]) or "—",
                    self.tr("yes") if c["drawn"] else "",
                    names[c["list_after"]],
                ]
            )
        fill(self.checks, rows, [c["record_id"] for c in file["checks"]])
        for n, c in enumerate(file["checks"]):
            item_at(self.checks, n, 3).setIcon(icons.verdict_icon(c["verdict"], 16))
            item_at(self.checks, n, 7).setForeground(QColor(LIST_COLOURS[c["list_after"]]))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(now)
        layout.addWidget(reasons)
        layout.addWidget(self.checks, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)


class CreditPage(QWidget):
    """The two lists side by side; export; look up any entity by credit code."""

    def __init__(self, office: CreditListing, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._credit = office.credit
        self._lang = lang
        headers = [
            self.tr("Credit code"),
            self.tr("Name"),
            self.tr("District"),
            self.tr("Since"),
            self.tr("Reasons"),
        ]
        self.black = table(headers, stretch=4, empty=self.tr("No site is on the black list."))
        self.black.setAccessibleName(self.tr("Black list"))
        self.red = table(headers, stretch=4, empty=self.tr("No site is on the red list yet."))
        self.red.setAccessibleName(self.tr("Red list"))
        black_box = QGroupBox(self.tr("Black list (serious breach, close supervision)"))
        QVBoxLayout(black_box).addWidget(self.black)
        red_box = QGroupBox(self.tr("Red list (trustworthy)"))
        QVBoxLayout(red_box).addWidget(self.red)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(black_box)
        split.addWidget(red_box)
        self.rules = QLabel(wordWrap=True)
        self.rules.setStyleSheet("color: #5f6368;")
        self.lookup = QLineEdit(placeholderText=self.tr("Credit code of any entity: its integrity file"))
        self.lookup.setAccessibleName(self.tr("Credit code"))
        self.export_button = QPushButton(self.tr("Export lists (XLSX/CSV)…"))
        row = QHBoxLayout()
        row.addWidget(self.lookup, 1)
        row.addWidget(self.export_button)
        self.message = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        for view in (self.black, self.red):
            view.activated.connect(
                lambda index, view=view: self.open_entity(str(view.item(index.row(), 0).data(RECORD_ID)))
            )
        self.lookup.returnPressed.connect(lambda: self.open_entity(self.lookup.text()))
        self.export_button.clicked.connect(lambda: self.export())
        self.refresh()

    def refresh(self) -> None:
        data = self._credit.lists()
        r = data["rules"]
        self.rules.setText(
            self.tr(
                "As on %1, over the last %2 months. Black: a failed check with a cheating or seal item, "
                "or %3 failed checks within %4 months; leaves after %5 months without a failure. "
                "Red: at least %6 checks over at least %7 months, none failed."
            )
            .replace("%1", data["on"])
            .replace("%2", str(r["window_months"]))
            .replace("%3", str(r["black_failures"]))
            .replace("%4", str(r["black_within_months"]))
            .replace("%5", str(r["black_leave_months"]))
            .replace("%6", str(r["red_min_checks"]))
            .replace("%7", str(r["red_min_months"]))
        )
        for view, entries in ((self.black, data["black"]), (self.red, data["red"])):
            fill(
                view,
                [
                    [
                        e["credit_code"],
                        e["name"],
                        e["district"],
                        e["since"],
                        "；".join(reason_text(x, self._lang) for x in e["reasons"]),
                    ]
                    for e in entries
                ],
                [e["credit_code"] for e in entries],
            )
        self.counts = (len(data["black"]), len(data["red"]))

    def open_entity(self, credit_code: str) -> Any:
        try:
            file = self._credit.entity(credit_code)
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return None
        dialog = EntityDialog(file, self._lang, self)
        dialog.open()
        return dialog

    def export(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Credit lists"), "credit-lists.xlsx", self.tr("Spreadsheets (*.xlsx *.csv)")
            )
        if not path:
            return None
        try:
            done = self._credit.export(Path(path))
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return None
        self._say(
            self.tr("Saved %1: %2 on the black list, %3 on the red list.")
            .replace("%1", done["file"])
            .replace("%2", str(done["black"]))
            .replace("%3", str(done["red"]))
        )
        return str(done["file"])

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f;" if error else "color: #1e8e3e;")

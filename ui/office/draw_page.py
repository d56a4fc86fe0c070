"""双随机: the two directories (一单两库), the plan, the draw with its witness number, the result
and every draw made, printable.

The plan is a small TOML text (edited here, or opened from a file); the witness number is typed
as it was drawn in public; the draw asks for the office root's passphrase (it signs the draw
record) and then cannot be repeated for the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.local_time import local_day
from inspector_app.registries import DISTRICTS, PROCEDURES, SITE_KINDS
from inspector_app.services import ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import labels
from ui.dialogs.passphrase import ask_passphrase
from ui.tables import RECORD_ID, fill, item_at, table
from ui.widgets import named

if TYPE_CHECKING:
    from inspector_app.services.ports import Drawing

SITES_SHOWN = 500  # rows of the entity directory listed (search narrows it)


class DrawPage(QWidget):
    """Directories on the left; plan, witness, draw and the draws made on the right."""

    drawn = Signal()

    def __init__(self, office: Drawing, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._draws = office.draws
        self._directories = office.directories
        self._lang = lang

        # -- the directories ---------------------------------------------------------------
        self.sites_label = QLabel()
        self.import_button = QPushButton(self.tr("Import entities (CSV/XLSX)…"))
        self.site_search = QLineEdit(placeholderText=self.tr("Search name, credit code, district"))
        self.site_search.setAccessibleName(self.tr("Search entities"))
        self.sites = table(
            [self.tr("Credit code"), self.tr("Name"), self.tr("District"), self.tr("Type"), self.tr("Risk")]
        )
        self.sites.setAccessibleName(self.tr("Entity directory"))
        self.inspectors = table(
            [
                self.tr("Employee no."),
                self.tr("Name"),
                self.tr("District"),
                self.tr("Available"),
                self.tr("Certificate"),
            ]
        )
        self.inspectors.setAccessibleName(self.tr("Inspector directory"))
        self.district_box = named(QComboBox(), self.tr("District of the inspector"))
        self.district_box.addItem(self.tr("(no district)"), "")
        for d in DISTRICTS:
            self.district_box.addItem(d, d)
        self.set_district_button = QPushButton(self.tr("Set district"))
        self.toggle_button = QPushButton(self.tr("Available / not available"))
        sites_box = QGroupBox(self.tr("Entity directory"))
        sites_layout = QVBoxLayout(sites_box)
        row = QHBoxLayout()
        row.addWidget(self.sites_label, 1)
        row.addWidget(self.import_button)
        sites_layout.addLayout(row)
        sites_layout.addWidget(self.site_search)
        sites_layout.addWidget(self.sites, 1)
        inspectors_box = QGroupBox(self.tr("Inspector directory"))
        inspectors_layout = QVBoxLayout(inspectors_box)
        inspectors_layout.addWidget(self.inspectors, 1)
        row = QHBoxLayout()
        row.addWidget(self.district_box)
        row.addWidget(self.set_district_button)
        row.addWidget(self.toggle_button)
        inspectors_layout.addLayout(row)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(sites_box)
        left.addWidget(inspectors_box)

        # -- the plan and the draw ---------------------------------------------------------------
        self.plan = QPlainTextEdit()
        self.plan.setAccessibleName(self.tr("Plan (TOML)"))
        self.plan.setFont(QFont("monospace"))
        self.plan.setPlainText(self.plan_template(office.credit.today()))
        self.open_plan_button = QPushButton(self.tr("Open plan…"))
        self.witness = QLineEdit(placeholderText=self.tr("Witness number drawn in public, e.g. 3 8 1 4"))
        self.witness.setAccessibleName(self.tr("Witness number"))
        self.draw_button = QPushButton(self.tr("Draw"))
        self.draw_button.setStyleSheet("font-weight: 600; padding: 4px 18px;")
        plan_box = QGroupBox(self.tr("Plan"))
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_plan_button)
        row.addWidget(QLabel(self.tr("Witness number:")))
        row.addWidget(self.witness, 1)
        row.addWidget(self.draw_button)
        plan_layout.addLayout(row)

        self.draw_list = named(QComboBox(), self.tr("Draws made"))
        self.summary = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.result = table(
            [
                self.tr("No."),
                self.tr("Credit code"),
                self.tr("Entity"),
                self.tr("District"),
                self.tr("Risk"),
                self.tr("Inspectors"),
                self.tr("Record"),
            ]
        )
        self.result.setAccessibleName(self.tr("Draw result"))
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.record_button = QPushButton(self.tr("Save draw record (JSON)…"))
        result_box = QGroupBox(self.tr("Draws"))
        result_layout = QVBoxLayout(result_box)
        row = QHBoxLayout()
        row.addWidget(self.draw_list, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.record_button)
        result_layout.addLayout(row)
        result_layout.addWidget(self.summary)
        result_layout.addWidget(self.result, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(plan_box)
        right.addWidget(result_box)
        right.setSizes([300, 460])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 640])
        self.message = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        self.import_button.clicked.connect(lambda: self.import_sites())
        self.site_search.returnPressed.connect(self.refresh_sites)
        self.set_district_button.clicked.connect(self.set_district)
        self.toggle_button.clicked.connect(self.toggle_available)
        self.open_plan_button.clicked.connect(lambda: self.open_plan())
        self.draw_button.clicked.connect(lambda: self.draw())
        self.witness.returnPressed.connect(lambda: self.draw())
        self.draw_list.currentIndexChanged.connect(lambda _i: self.show_draw())
        self.print_button.clicked.connect(lambda: self.print_draw())
        self.record_button.clicked.connect(lambda: self.save_record())
        self.refresh()

    # -- directories ------------------------------------------------------------------------------

    def plan_template(self, today: str) -> str:
        """A new plan with the spec's defaults (office.md, the draw), its keys explained in the
        clerk's language with the values they take, for the clerk to adjust."""

        def names(choices: Sequence[tuple[str, str, str]]) -> str:
            return ", ".join(f"{v} ({zh if self._lang == 'zh' else en})" for v, zh, en in choices)

        comment = "\n".join
        return (
            comment(
                [
                    "# " + self.tr("A plan of the double-random draw: adjust it, then press Draw."),
                    "# item: " + self.tr("the procedure, one of") + " " + names(PROCEDURES),
                    "# inspectors_per_visit: " + self.tr("enforcement officers sent to each site"),
                ]
            )
            + "\n"
            f'id = "PLAN-{today.replace("-", "")}-01"\n'
            f'name = "{today[:4]}年双随机抽查"\n'
            f"date = {today}\n"
            'item = "scale"\n'
            "inspectors_per_visit = 2\n\n"
            + comment(
                [
                    "# districts: " + self.tr("the districts drawn from; empty: every district"),
                    "# types: " + self.tr("the kinds of site drawn, of") + " " + names(SITE_KINDS),
                ]
            )
            + "\n[scope]\n"
            "districts = []\n"
            'types = ["market", "supermarket"]\n\n'
            "# "
            + self.tr(
                "The share (%) of each risk level drawn, rounded up; at least one per level with sites."
            )
            + "\n[ratios]\n"
            "A = 30\nB = 10\nC = 2\nD = 1\n"
        )

    def refresh(self) -> None:
        self.refresh_sites()
        self.refresh_inspectors()
        self.refresh_draws()

    def refresh_sites(self) -> None:
        search = self.site_search.text().strip()
        rows = self._directories.sites(search=search, limit=SITES_SHOWN)
        total = self._directories.site_count()
        kinds = {k: (zh if self._lang == "zh" else en) for k, zh, en in _site_kinds()}
        fill(
            self.sites,
            [
                [r["credit_code"], r["name"], r["district"], kinds.get(r["type"], r["type"]), r["risk"]]
                for r in rows
            ],
            [r["credit_code"] for r in rows],
        )
        self.sites_label.setText(self.tr("%1 entities in the directory").replace("%1", str(total)))

    def refresh_inspectors(self) -> None:
        rows = self._directories.inspectors()
        states = {"valid": self.tr("valid"), "expired": self.tr("expired"), "revoked": self.tr("revoked")}
        fill(
            self.inspectors,
            [
                [
                    r["employee_no"],
                    r["name"],
                    r["district"] or "—",
                    self.tr("yes") if r["available"] else self.tr("no"),
                    f"{states[r['certificate']]} → {r['not_after']}",
                ]
                for r in rows
            ],
            [r["employee_no"] for r in rows],
        )
        for n, r in enumerate(rows):
            item = item_at(self.inspectors, n, 3)
            item.setForeground(QColor("#1e8e3e" if r["available"] else "#c5221f"))

    def import_sites(self, path: str | None = None) -> dict[str, Any] | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Entity directory"), "", self.tr("Tables (*.csv *.xlsx)")
            )
        if not path:
            return None
        try:
            done: dict[str, Any] = self._directories.import_sites(Path(path))
        except ValidationFailed as exc:
            self._say("\n".join("⚠ " + e.message(self._lang) for e in exc.errors[:8]), error=True)
            return None
        self._say(
            self.tr("%1: %2 rows, %3 added, %4 updated.")
            .replace("%1", done["file"])
            .replace("%2", str(done["rows"]))
            .replace("%3", str(done["added"]))
            .replace("%4", str(done["updated"]))
        )
        self.refresh_sites()
        return done

    def _selected_inspector(self) -> str | None:
        item = (
            self.inspectors.item(self.inspectors.currentRow(), 0)
            if self.inspectors.currentRow() >= 0
            else None
        )
        return None if item is None else str(item.data(RECORD_ID))

    def set_district(self) -> None:
        employee = self._selected_inspector()
        if employee:
            self._directories.set_inspector(employee, district=self.district_box.currentData() or "")
            self._keep_row(self.refresh_inspectors)

    def toggle_available(self) -> None:
        employee = self._selected_inspector()
        if not employee:
            return
        current = next(r for r in self._directories.inspectors() if r["employee_no"] == employee)
        self._directories.set_inspector(employee, available=not current["available"])
        self._keep_row(self.refresh_inspectors)

    def _keep_row(self, refresh: Any) -> None:
        row = self.inspectors.currentRow()
        refresh()
        self.inspectors.selectRow(row)

    # -- the plan and the draw -------------------------------------------------------------------------
    def open_plan(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Plan"), "", self.tr("Plans (*.toml)"))
        if not path:
            return False
        try:
            self.plan.setPlainText(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self._say(f"⚠ {path}: {exc}", error=True)
            return False
        return True

    def draw(self, passphrase: str | None = None) -> str | None:
        """Run the draw with the plan and witness shown; returns the draw id or None."""
        from inspector_app.office.draw.plan import normalise_witness, parse_plan

        text = self.plan.toPlainText()
        try:
            plan = parse_plan(text)
            witness = normalise_witness(self.witness.text())
        except ValidationFailed as exc:
            self._say("\n".join("⚠ " + e.message(self._lang) for e in exc.errors), error=True)
            return None
        if passphrase is None:
            passphrase = ask_passphrase(
                self,
                self.tr("Draw"),
                self.tr("Draw plan %1 with witness number %2: the office root's passphrase")
                .replace("%1", plan.id)
                .replace("%2", witness),
            )
            if passphrase is None:
                return None
        try:
            outcome = self._draws.run(text, witness, root=self._office.unlock(passphrase))
        except WrongPassphrase:
            self._say(self.tr("Wrong passphrase."), error=True)
            return None
        except ValidationFailed as exc:
            self._say("\n".join("⚠ " + e.message(self._lang) for e in exc.errors), error=True)
            return None
        self.witness.clear()
        self._say(
            self.tr("Drawn: %1 entities, %2 tasks for the next return packages.")
            .replace("%1", str(len(outcome.result.selected)))
            .replace("%2", str(outcome.tasks))
        )
        self.refresh_draws(select=outcome.draw_id)
        self.drawn.emit()
        return str(outcome.draw_id)

    # -- the draws made ----------------------------------------------------------------------------------
    def refresh_draws(self, select: str | None = None) -> None:
        current = select or self.draw_list.currentData()
        self.draw_list.blockSignals(True)
        self.draw_list.clear()
        for d in self._draws.draws():
            self.draw_list.addItem(
                f"{d['plan_id']} · {d['plan_name']} · {labels.form(d['form_id'])} · "
                f"{local_day(d['created_at'])}",
                d["id"],
            )
        self.draw_list.blockSignals(False)
        index = max(0, self.draw_list.findData(current)) if current else 0
        self.draw_list.setCurrentIndex(index)
        self.show_draw()

    def show_draw(self) -> None:
        from inspector_app.office.draw.service import read_payload

        draw_id = self.draw_list.currentData()
        enabled = bool(draw_id)
        self.print_button.setEnabled(enabled)
        self.record_button.setEnabled(enabled)
        if not draw_id:
            self.summary.setText(
                self.tr("No draw yet: import the entities, check the plan, type the witness number.")
            )
            fill(self.result, [])
            return
        payload = read_payload(self._draws.document(draw_id))
        result = payload["result"]
        names = {i["employee_no"]: i["name"] for i in payload["inspectors"]}
        levels = "  ".join(f"{x['level']}: {x['drawn']}/{x['population']}" for x in result["levels"])
        self.summary.setText(
            self.tr("Witness %1 · seed %2… · %3 · %4")
            .replace("%1", payload["witness"])
            .replace("%2", result["seed"][:16])
            .replace("%3", levels)
            .replace("%4", payload["algorithm"])
        )
        done = {t["credit_code"]: t for t in self._draws.tasks(draw_id)}
        rows = []
        for s in result["selected"]:
            team = "、".join(names.get(e, e) for e in s["inspectors"]) or self.tr(
                "not assigned (too few after recusal)"
            )
            task = done.get(s["credit_code"])
            record = (task or {}).get("record_no") or ("—" if task else "")
            rows.append(
                [str(s["order"]), s["credit_code"], s["name"], s["district"], s["risk"], team, record]
            )
        fill(self.result, rows, [s["credit_code"] for s in result["selected"]])
        for n, s in enumerate(result["selected"]):
            if not s["inspectors"]:
                cell = item_at(self.result, n, 5)
                cell.setForeground(QColor("#c5221f"))

    def print_draw(self) -> Any:
        """The draw record's PDF in the preview (print, export)."""
        from inspector_app.pdf.raster import page_images
        from ui.dialogs.record_preview_dialog import RecordPreviewDialog

        draw_id = self.draw_list.currentData()
        if not draw_id:
            return None
        pdf = self._draws.pdf(draw_id)
        dialog = RecordPreviewDialog(
            self.draw_list.currentText().split(" · ")[0], pdf, page_images(pdf), self
        )
        dialog.correct_button.hide()
        dialog.open()
        return dialog

    def save_record(self, path: str | None = None) -> str | None:
        draw_id = self.draw_list.currentData()
        if not draw_id:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Draw record"), "draw.json", "JSON (*.json)")
        if not path:
            return None
        Path(path).write_bytes(self._draws.document(draw_id))
        self._say(
            self.tr("Saved %1 (check it with: inspector-app office draw --verify).").replace("%1", path)
        )
        return path

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f;" if error else "color: #1e8e3e;")


def _site_kinds() -> tuple[tuple[str, str, str], ...]:
    from inspector_app.registries import SITE_KINDS

    return SITE_KINDS

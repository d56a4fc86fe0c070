"""审核: the queue of received records, the signed PDF beside the figures, approve or return.

The queue is a lazy model over the office's review service (pages of 200 rows fetched as they are
shown), so 200,000 records paint at once. By keyboard: ↑/↓ through the queue, Ctrl+Enter
approves, Ctrl+R goes to the reason, Enter there returns the record with it, Esc comes back. The
supervisor's key is unlocked once for the session of the page (Ctrl+L locks it again); each
decision is signed with it and travels in the record's laptop's next return package.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forms.catalogue import form_ids
from inspector_app.local_time import local
from inspector_app.services import ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import icons, labels, runner
from ui.dialogs.passphrase import ask_passphrase
from ui.first_paint import after_first_paint
from ui.widgets import named, shortcut

if TYPE_CHECKING:
    from inspector_app.office.review import ReviewService
    from inspector_app.services.ports import Reviewing, Signers

PAGE = 200  # rows fetched at once
RECORD_ID = Qt.ItemDataRole.UserRole + 1
LOOP_COLOURS = {
    "received": "#1967d2",
    "approved": "#1e8e3e",
    "returned": "#c5221f",
    "returned_sent": "#c5221f",
    "corrected": "#5f6368",
}


class ReviewTableModel(QAbstractTableModel):
    """The review queue for the current filters; rows are fetched a page at a time."""

    COLUMNS = ("record_no", "inspected_on", "form_id", "site_name", "district", "inspector", "loop")

    def __init__(self, review: ReviewService, parent: Any = None) -> None:
        super().__init__(parent)
        self._review = review
        self._filters: dict[str, str] = {"status": "received"}
        self._count = 0
        self._pages: dict[int, list[dict[str, Any]]] = {}
        self._headers = (
            self.tr("Record no."),
            self.tr("Date"),
            self.tr("Procedure"),
            self.tr("Site"),
            self.tr("District"),
            self.tr("Inspector"),
            self.tr("Review"),
        )
        self._loops = {
            "received": self.tr("To review"),
            "approved": self.tr("Approved"),
            "returned": self.tr("Returned (not yet sent)"),
            "returned_sent": self.tr("Returned (sent to the laptop)"),
            "corrected": self.tr("Corrected by a new revision"),
        }

    def loop_texts(self) -> list[str]:
        """Every text the review column can show (to size it)."""
        return list(self._loops.values())

    def set_filters(self, filters: dict[str, str]) -> None:
        """Raises ValidationFailed for a bad filter (the model keeps the previous ones)."""
        count = self._review.count(filters)
        self.beginResetModel()
        self._filters = dict(filters)
        self._count = count
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        self.set_filters(self._filters)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def record(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            self._pages[page] = self._review.page(self._filters, offset=page * PAGE, limit=PAGE)
        rows = self._pages[page]
        return rows[row % PAGE] if row % PAGE < len(rows) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.record(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "form_id":
                return labels.form(row["form_id"])
            if column == "loop":
                return self._loops.get(row["loop"], row["loop"])
            return str(row[column] or "")
        if role == Qt.ItemDataRole.DecorationRole and column == "record_no":
            return icons.verdict_icon(row["verdict"], 16)
        if role == Qt.ItemDataRole.ForegroundRole and column == "loop":
            return QColor(LOOP_COLOURS.get(row["loop"], "#3c4043"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "record_no":
            return labels.verdict(row["verdict"])
        if role == RECORD_ID:
            return row["id"]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ReviewPage(QWidget):
    """Filters on top; the queue; the figures and the signed PDF of the selected record; actions."""

    decided = Signal(str)  # record id

    def __init__(self, office: Reviewing, records: Signers, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._review = office.review
        self._records = records
        self._lang = lang
        self._key: Any = None
        self._supervisor = ""
        self._preview_task: Any = None
        self.current_id = ""

        self.status = named(QComboBox(), self.tr("Review state"))
        for value, text in (
            ("received", self.tr("To review")),
            ("returned", self.tr("Returned")),
            ("approved", self.tr("Approved")),
            ("corrected", self.tr("Corrected")),
            ("", self.tr("All current records")),
        ):
            self.status.addItem(text, value)
        # The choices of the filters come after the first paint (each is a walk of an index).
        self.form = self._combo(self.tr("Procedure"), [])
        self.district = self._combo(self.tr("District"), [])
        self.verdict = self._combo(
            self.tr("Verdict"), [(v, labels.verdict(v)) for v in ("pass", "fail", "inconclusive")]
        )
        self.inspector = self._combo(self.tr("Inspector"), [])
        self.date_from = named(QLineEdit(placeholderText=self.tr("from YYYY-MM-DD")), self.tr("From"))
        self.date_to = named(QLineEdit(placeholderText=self.tr("to YYYY-MM-DD")), self.tr("To"))
        self.search = QLineEdit(placeholderText=self.tr("Record no., site or credit code"))
        self.search.setAccessibleName(self.tr("Search"))
        for box in (self.date_from, self.date_to):
            box.setMaximumWidth(130)
        filters = QHBoxLayout()
        for widget in (self.status, self.form, self.district, self.verdict, self.inspector):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.apply_filters)
        for line in (self.date_from, self.date_to, self.search):
            filters.addWidget(line)
            line.returnPressed.connect(self.apply_filters)
        self.search.setMinimumWidth(200)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)

        self.model = ReviewTableModel(self._review, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Review queue"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((190, 90, 110, 220, 80, 80, 90)):
            self.view.setColumnWidth(column, width)
        # The site takes the room left; the procedure and the review state are shown whole, from
        # the texts they can hold ("定量包装商品…" was cut beside a wide column saying 待审核).
        header.setSectionResizeMode(
            ReviewTableModel.COLUMNS.index("site_name"), QHeaderView.ResizeMode.Stretch
        )
        metrics = self.view.fontMetrics()
        for name, texts in (
            ("form_id", [labels.form(form_id) for form_id in form_ids()]),
            ("loop", self.model.loop_texts()),
        ):
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            index = ReviewTableModel.COLUMNS.index(name)
            self.view.setColumnWidth(index, max(self.view.columnWidth(index), min(widest + 24, 280)))

        self.figures = QTextBrowser()
        self.figures.setAccessibleName(self.tr("Figures of the record"))
        self.preview = QLabel(self.tr("Select a record"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Signed PDF"))
        self.preview_box = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_box)
        self.preview_layout.addWidget(self.preview)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview_box)
        scroll.setStyleSheet("QScrollArea { background: #5f6368; }")
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.figures)
        below.addWidget(scroll)
        below.setSizes([420, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(below)
        split.setSizes([300, 460])

        self.supervisor_label = QLabel()
        self.unlock_button = QPushButton(self.tr("Sign in as supervisor…"))
        self.reason = QLineEdit(placeholderText=self.tr("Reason for returning (Ctrl+R, then Enter)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.approve_button = QPushButton(icons.verdict_icon("pass", 16), self.tr("Approve (Ctrl+Enter)"))
        self.return_button = QPushButton(icons.verdict_icon("fail", 16), self.tr("Return"))
        self.message = QLabel(wordWrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.supervisor_label)
        actions.addWidget(self.unlock_button)
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.return_button)
        actions.addWidget(self.approve_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_record(current.row())
        )
        self.unlock_button.clicked.connect(lambda: self.unlock())
        self.approve_button.clicked.connect(lambda: self.approve())
        self.return_button.clicked.connect(lambda: self.return_record())
        self.reason.returnPressed.connect(lambda: self.return_record())
        for keys, slot in (
            ("Ctrl+Return", self.approve),
            ("Ctrl+Enter", self.approve),
            ("Ctrl+R", self.reason.setFocus),
            ("Ctrl+L", self.lock),
        ):
            shortcut(QKeySequence(keys), self, slot)
        shortcut(QKeySequence("Escape"), self.reason, self.view.setFocus)
        self.setFocusProxy(self.view)
        self._show_supervisor()
        self.apply_filters(select=False)  # the queue paints at once; the rest follows
        after_first_paint(self.view.viewport(), self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first frame does not need: the filters' choices, the first record's detail
        and its signed PDF."""
        choices = self._review.choices()
        for box, items in (
            (self.form, [(f, labels.form(f)) for f in choices["form_id"]]),
            (self.district, [(d, d) for d in choices["district"]]),
            (self.inspector, [(i, i) for i in choices["inspector"]]),
        ):
            box.blockSignals(True)
            for value, text in items:
                box.addItem(text, value)
            box.blockSignals(False)
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = named(QComboBox(), name)
        box.addItem(self.tr("All: %1").replace("%1", name), "")
        for value, text in items:
            box.addItem(text, value)
        return box

    # -- the queue ---------------------------------------------------------------------------
    def filters(self) -> dict[str, str]:
        return {
            "status": self.status.currentData() or "",
            "form_id": self.form.currentData() or "",
            "district": self.district.currentData() or "",
            "verdict": self.verdict.currentData() or "",
            "inspector": self.inspector.currentData() or "",
            "date_from": self.date_from.text().strip(),
            "date_to": self.date_to.text().strip(),
            "search": self.search.text().strip(),
        }

    def apply_filters(self, *_args: Any, keep_row: int = 0, select: bool = True) -> None:
        try:
            self.model.set_filters(self.filters())
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return
        self.count_label.setText(self.tr("%1 records").replace("%1", str(self.model.rowCount())))
        if not select:
            return
        if self.model.rowCount():
            row = min(keep_row, self.model.rowCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, 0))
        else:
            self.show_record(-1)

    def refresh(self) -> None:
        """New records arrived (an import): reload the queue, keep the position."""
        self.apply_filters(keep_row=max(0, self.view.currentIndex().row()))

    def show_record(self, row: int) -> None:
        record = self.model.record(row)
        if record is None:
            self.current_id = ""
            self.figures.setHtml("")
            self._set_preview_text(self.tr("No record matches the filters."))
            self._update_actions()
            return
        self.current_id = record["id"]
        detail = self._review.detail(record["id"])
        self.figures.setHtml(self.figures_html(detail))
        self._render_pdf(record["id"])
        self._update_actions()

    def _set_preview_text(self, text: str) -> None:
        self._clear_preview()
        self.preview = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("color: white;")
        self.preview_layout.addWidget(self.preview)

    def _clear_preview(self) -> None:
        while self.preview_layout.count():
            item = self.preview_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _render_pdf(self, record_id: str) -> None:
        """Render the signed PDF's pages off the GUI thread; show them if still selected."""
        self._set_preview_text(self.tr("Rendering the signed PDF…"))
        review = self._review

        def work(_report: Any, _cancelled: Any) -> tuple[str, list[bytes] | None]:
            pdf = review.pdf(record_id)
            if pdf is None:
                return record_id, None
            from inspector_app.pdf.raster import page_images

            return record_id, page_images(pdf, dpi=80)

        task = runner.Task(work)
        task.signals.finished.connect(self._pdf_rendered)
        task.signals.failed.connect(lambda text: self._set_preview_text(text))
        self._preview_task = runner.start(task)

    def _pdf_rendered(self, result: tuple[str, list[bytes] | None]) -> None:
        record_id, pages = result
        if record_id != self.current_id:
            return
        if pages is None:
            self._set_preview_text(self.tr("The laptop sent no PDF for this record."))
            return
        self._clear_preview()
        for png in pages:
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(pixmap)
            self.preview_layout.addWidget(label)
        self.preview_pages = len(pages)

    def figures_html(self, detail: dict[str, Any]) -> str:
        """What the supervisor compares with the PDF, as HTML (every value escaped)."""
        from inspector_app.office import labels as office_labels

        f = detail["figures"]
        e = html.escape
        colour = icons.colour(f["verdict"]).name()
        mark = {"pass": "✓", "fail": "✗", "inconclusive": "?"}.get(f["verdict"], "–")
        site = f.get("site") or {}
        inst = f.get("instrument") or {}
        form_id = (f.get("form") or {}).get("id", "")
        rows = [
            (self.tr("Record no."), detail["record_no"]),
            (self.tr("Procedure"), office_labels.procedure(form_id, self._lang)),
            (
                self.tr("Site"),
                f"{site.get('name', '')}  {site.get('credit_code', '')}  {site.get('district', '')}",
            ),
            (
                self.tr("Instrument"),
                " ".join(
                    str(inst.get(k) or "") for k in ("maker", "model", "serial", "accuracy_class")
                ).strip()
                or "—",
            ),
            (self.tr("Inspector"), f.get("inspector", "")),
            (self.tr("Finalised"), local(f.get("finalised_at"))),
        ]
        out = [
            f'<p style="font-size:20px; color:{colour}; margin:0">'
            f"{mark} {e(labels.verdict(f['verdict']))}</p>"
        ]
        if f["failed"]:
            items = "、".join(office_labels.item(form_id, i, self._lang) for i in f["failed"])
            failed_label = self.tr("Failed items")
            out.append(f'<p style="color:{colour}">{e(failed_label)}: {e(items)}</p>')
        measures = "、".join(office_labels.measure(m, self._lang) for m in f["measures"]) or "—"
        measures_label = self.tr("Measures taken")
        out.append(f"<p>{e(measures_label)}: {e(measures)}</p>")
        if f.get("supersedes"):
            corrects = self.tr("Corrects record %1").replace("%1", str(f["supersedes"]))
            out.append(f"<p>{e(corrects)}</p>")
        if detail.get("corrected_by"):
            replaced = self.tr("A correction replaced this record.")
            out.append(f'<p style="color:#5f6368">{e(replaced)}</p>')
        out.append('<table cellspacing="0" cellpadding="3" width="100%">')
        for key, value in rows:
            out.append(f'<tr><td style="color:#5f6368">{e(key)}</td><td>{e(str(value))}</td></tr>')
        out.append("</table>")
        readings = f.get("readings") or {}
        if readings:
            readings_label = self.tr("Readings")
            out.append(f"<p><b>{e(readings_label)}</b></p>")
            out.append('<table cellspacing="0" cellpadding="2" width="100%">')
            for path in sorted(readings, key=_natural)[:200]:  # samples[2] before samples[10]
                name, value = office_labels.reading(form_id, path, readings[path], self._lang, readings)
                out.append(
                    f"<tr><td style='color:#5f6368'>{e(name)}</td><td align='right'>{e(value)}</td></tr>"
                )
            out.append("</table>")
        for d in detail["decisions"]:
            word = labels.status(d["decision"])
            reason = f" — {d['reason']}" if d["reason"] else ""
            out.append(
                f"<p style='color:#5f6368'>{e(local(d['decided_at']))} {e(d['supervisor'])}: "
                f"{e(word)}{e(reason)}</p>"
            )
        return "".join(out)

    # -- the supervisor ---------------------------------------------------------------------------
    def _show_supervisor(self) -> None:
        if self._key is None:
            self.supervisor_label.setText(self.tr("Not signed in: decisions need the supervisor's key"))
            self.supervisor_label.setStyleSheet("color: #e37400;")
            self.unlock_button.setText(self.tr("Sign in as supervisor…"))
        else:
            self.supervisor_label.setText(self.tr("Signing as %1").replace("%1", self._supervisor))
            self.supervisor_label.setStyleSheet("color: #1e8e3e;")
            self.unlock_button.setText(self.tr("Lock (Ctrl+L)"))
        self._update_actions()

    def _update_actions(self) -> None:
        record = self.model.record(self.view.currentIndex().row()) if self.current_id else None
        open_ = bool(record) and record["loop"] != "corrected"  # type: ignore[index]
        self.approve_button.setEnabled(open_)
        self.return_button.setEnabled(open_)

    def supervisors(self) -> list[dict[str, Any]]:
        """This database's keys that the office enrolled with the supervisor role."""
        from inspector_app.pki import certs

        enrolled = {
            c["key_sha256"]
            for c in self._office.certificates()
            if c["role"] == "supervisor" and not c["revoked_at"]
        }
        return [
            i
            for i in self._records.identities()
            if certs.key_sha256(certs.load(i["cert_pem"]).public_key()) in enrolled
        ]

    def unlock(self, passphrase: str | None = None, identity_id: str | None = None) -> bool:
        """Unlock the supervisor's key for this page (or lock it when unlocked)."""
        if self._key is not None:
            self.lock()
            return False
        found = self.supervisors()
        if identity_id is not None:
            found = [i for i in found if i["id"] == identity_id]
        if not found:
            self._say(
                self.tr(
                    "No supervisor key in this database: make one (keys create) "
                    "and enrol it with the supervisor role."
                ),
                error=True,
            )
            return False
        chosen = found[0]
        if passphrase is None:
            passphrase = ask_passphrase(
                self, self.tr("Supervisor"), self.tr("Passphrase of %1's key").replace("%1", chosen["name"])
            )
            if passphrase is None:
                return False
        try:
            self._key = self._records.sealer(passphrase, chosen["id"]).key
        except WrongPassphrase:
            self._say(self.tr("Wrong passphrase."), error=True)
            return False
        self._supervisor = chosen["name"]
        self._show_supervisor()
        self._say(self.tr("Signed in as %1.").replace("%1", chosen["name"]))
        self.view.setFocus()
        return True

    def lock(self) -> None:
        self._key = None
        self._supervisor = ""
        self._show_supervisor()

    # -- decisions ----------------------------------------------------------------------------------
    def approve(self) -> bool:
        reason = ""
        if self._earlier_decision() == "returned":
            # Approving a returned record replaces that decision: said why (signed with it) and confirmed.
            reason = self.reason.text().strip()
            if not reason:
                self.reason.setFocus()
                self._say(
                    self.tr("This record was returned: say in the reason why it is approved instead."),
                    error=True,
                )
                return False
            if not self._confirm_reversal(self.tr("This record was returned. Approve it instead?")):
                return False
        return self._decide("approved", reason)

    def return_record(self) -> bool:
        reason = self.reason.text().strip()
        if not reason:
            self.reason.setFocus()
            self._say(self.tr("Say why the record is returned."), error=True)
            return False
        if self._earlier_decision() == "approved" and not self._confirm_reversal(
            self.tr("This record was approved. Return it instead?")
        ):
            return False
        return self._decide("returned", reason)

    def _earlier_decision(self) -> str:
        """The current record's decision so far ('approved', 'returned', or '' when none)."""
        record = self.model.record(self.view.currentIndex().row()) if self.current_id else None
        status = str(record.get("review_status") or "") if record else ""
        return status if status in ("approved", "returned") else ""

    def _confirm_reversal(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the decision"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _decide(self, decision: str, reason: str) -> bool:
        if not self.current_id:
            return False
        if self._key is None and not self.unlock():
            return False
        row = self.view.currentIndex().row()
        record_id = self.current_id
        try:
            made = self._review.decide(record_id, decision=decision, reason=reason, key=self._key)
        except ValidationFailed as exc:
            self._say("⚠ " + exc.errors[0].message(self._lang), error=True)
            return False
        self.reason.clear()
        word = self.tr("approved") if decision == "approved" else self.tr("returned")
        self._say(
            self.tr("%1 %2; it travels in the next return package.")
            .replace("%1", made["record_no"])
            .replace("%2", word)
        )
        self.decided.emit(record_id)
        self.apply_filters(keep_row=row)  # the next record comes up in the same place
        self.view.setFocus()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f;" if error else "color: #1e8e3e;")


def _natural(path: str) -> list[Any]:
    """A reading's path as a sort key that orders its row numbers as numbers."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path)]

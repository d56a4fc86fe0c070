"""扫描导入: records from paper. Scanned pages and photos (files or a folder) are read off the
GUI thread with progress and Cancel, and each record found is imported by the bundle's rules; the
scan box takes what a USB scanner types (a record's summary QR, or its sync codes one by one);
below, the records known from paper whose data is still awaited, the overdue ones flagged."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.sync.refusals import describe
from ui import icons, labels
from ui.tables import fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import PaperScanning

SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg")
# A result's colour and icon: stored (pass), held already (neutral), waits for more (inconclusive), refused.
STATUS_VERDICT = {
    "imported": "pass",
    "duplicate": None,
    "conflict": "inconclusive",
    "incomplete": "inconclusive",
    "refused": "fail",
    "known": "pass",
}
DATA_VERDICT = {
    "arrived": "pass",
    "pending": None,
    "overdue": "fail",
    "differs": "fail",
    "conflict": "inconclusive",
}


class ScanPage(QWidget):
    """Import records from scans and the USB scanner; list what is known only from paper."""

    imported = Signal()  # records imported or summaries registered: the other pages refresh

    def __init__(self, office: PaperScanning, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paper = office.paper
        self._lang = lang
        self.task: Any = None
        self.progress: QProgressDialog | None = None  # while an import runs
        self.pending: list[str] = []  # sync codes typed so far of records not yet complete
        intro = QLabel(
            self.tr(
                "A printed record carries its signed data in the sync codes of its last page. Scan "
                "the pages (PDF, PNG or JPEG, any order, many records at once) to import records "
                "whose bundle has not come; each is checked like a bundle record. A summary QR scanned "
                "alone registers the record as known from paper until its data arrives."
            )
        )
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Import scans…"))
        self.folder_button = QPushButton(self.tr("Import a folder of scans…"))
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(
            self.tr("Scan a record's QR code here (USB scanner) or paste its text")
        )
        self.scan_box.setAccessibleName(self.tr("Scan box"))
        self.scan_icon = QLabel()
        self.scan_status = QLabel(wordWrap=True)
        box_row = QHBoxLayout()
        box_row.addWidget(QLabel(self.tr("Scan box:")))
        box_row.addWidget(self.scan_box, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.scan_icon)
        status_row.addWidget(self.scan_status, 1)
        self.results = table(
            [
                self.tr("Result"),
                self.tr("Record no."),
                self.tr("Sync codes"),
                self.tr("Missing"),
                self.tr("Read from"),
                self.tr("Reason"),
            ]
        )
        self.results.setAccessibleName(self.tr("Scan results"))
        self.summary = QLabel(wordWrap=True)
        self.known_label = QLabel()
        self.known = table(
            [
                self.tr("Data"),
                self.tr("Record no."),
                self.tr("Inspected"),
                self.tr("Procedure"),
                self.tr("Site code"),
                self.tr("Verdict"),
                self.tr("Signed by"),
            ]
        )
        self.known.setAccessibleName(self.tr("Records known from paper"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addLayout(box_row)
        layout.addLayout(status_row)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.known_label)
        layout.addWidget(self.known, 1)
        self.files_button.clicked.connect(lambda: self.choose_files())
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        self.scan_box.returnPressed.connect(self.take_scan)
        self.setFocusProxy(self.scan_box)
        self.refresh()

    # -- records known from paper ----------------------------------------------------------
    def refresh(self) -> None:
        """The records known from paper whose data has not arrived (or differs), newest first."""
        counts = self._paper.counts()
        rows = [r for r in self._paper.known(limit=500) if r["status"] != "arrived"]
        words = {
            "pending": self.tr("awaited"),
            "overdue": self.tr("overdue"),
            "differs": self.tr("differs from the paper"),
            "conflict": self.tr("in the conflict queue"),
        }
        fill(
            self.known,
            [
                [
                    words.get(r["status"], r["status"]),
                    r["record_no"],
                    r["inspected_on"],
                    labels.form(r["form_id"]),
                    r["site_code"],
                    labels.verdict(r["verdict"]),
                    r["signer"],
                ]
                for r in rows
            ],
        )
        for i, r in enumerate(rows):
            item = item_at(self.known, i, 0)
            item.setIcon(icons.verdict_icon(DATA_VERDICT.get(r["status"]), 16))
            item.setForeground(icons.colour(DATA_VERDICT.get(r["status"])))
        self.known_label.setText(
            self.tr("Known from paper, data awaited: %1 (overdue: %2); arrived: %3")
            .replace("%1", str(counts["pending"] + counts["overdue"]))
            .replace("%2", str(counts["overdue"]))
            .replace("%3", str(counts["arrived"]))
        )

    # -- files -----------------------------------------------------------------------------
    def choose_files(self) -> Any:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Scans to import"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg)")
        )
        return self.import_paths([Path(p) for p in paths]) if paths else None

    def choose_folder(self) -> Any:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of scans"))
        if not folder:
            return None
        return self.import_paths(
            sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SCAN_SUFFIXES and p.is_file())
        )

    def import_paths(self, paths: list[Path]) -> Any:
        """Read and import off the GUI thread with progress and Cancel; returns the task."""
        from ui.runner import Task, start

        if not paths:
            self.summary.setText(self.tr("No scan (PDF, PNG, JPEG) there."))
            return None
        paper = self._paper

        def work(report: Any, cancelled: Any) -> Any:
            return paper.import_scans(
                paths,
                progress=lambda phase, done, total: report(done, total) if phase == "read" else None,
                cancelled=cancelled.is_set,
            )

        progress = QProgressDialog(
            self.tr("Reading the QR codes of the scans…"), self.tr("Cancel"), 0, 0, self
        )
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        task = Task(work)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        task.signals.progress.connect(advance)

        def finished(result: Any) -> None:
            progress.close()
            self.show_result(result)

        def failed(why: str) -> None:
            progress.close()
            self.summary.setText("⚠ " + why)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        progress.canceled.connect(task.cancel)
        self.progress = progress
        self.task = start(task)
        return task

    # -- the scan box ----------------------------------------------------------------------
    def take_scan(self) -> None:
        """What the USB scanner typed (then Enter): a summary registers its record; a sync code
        waits for the rest of its record's, then the record imports."""
        text = self.scan_box.text().strip()
        self.scan_box.clear()
        if not text:
            return
        result = self._paper.scan_texts([*self.pending, text])
        self.pending = [t for t in [*self.pending, text] if self._waiting(t, result)]
        for r in result.records:
            if r.status == "incomplete":
                self._say(
                    "inconclusive",
                    self.tr("%1: sync code %2 of %3 read — scan the others")
                    .replace("%1", r.record_no)
                    .replace("%2", str(r.pieces))
                    .replace("%3", str(r.total)),
                )
            else:
                self._say(STATUS_VERDICT[r.status], self._record_line(r))
        for k in result.known:
            if k.status == "known":
                self._say(
                    "pass" if k.data == "arrived" else None,
                    self.tr("%1 (%2, %3) known from paper — data: %4")
                    .replace("%1", k.record_no)
                    .replace("%2", k.date)
                    .replace("%3", labels.verdict(k.verdict))
                    .replace("%4", self._data_word(k.data)),
                )
            else:
                self._say(
                    "fail", self.tr("Refused: %1").replace("%1", describe(k.reason, k.params, self._lang))
                )
        if not (result.records or result.known):
            self._say("fail", self.tr("Not a QR code of this app"))
        # A summary alone counts too: the 统计 page shows the records known only from paper.
        if any(r.status in ("imported", "conflict") for r in result.records) or any(
            k.status == "known" for k in result.known
        ):
            self.imported.emit()
        self.refresh()

    @staticmethod
    def _waiting(text: str, result: Any) -> bool:
        from inspector_app.sync import paper

        if not paper.is_piece(text):
            return False
        try:
            key = paper.parse(text).key
        except paper.PieceUnreadable:
            return False
        return any(r.key == key and r.status == "incomplete" for r in result.records)

    def _say(self, verdict: str | None, text: str) -> None:
        self.scan_icon.setPixmap(icons.verdict_icon(verdict, 20).pixmap(20, 20))
        self.scan_status.setText(text)

    def _data_word(self, state: str) -> str:
        return {
            "arrived": self.tr("arrived"),
            "pending": self.tr("awaited"),
            "overdue": self.tr("overdue"),
            "differs": self.tr("differs from the paper"),
            "conflict": self.tr("in the conflict queue"),
        }.get(state, state)

    def _status_word(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "duplicate": self.tr("Held already"),
            "conflict": self.tr("Conflict (kept for review)"),
            "incomplete": self.tr("Incomplete"),
            "refused": self.tr("Refused"),
        }[status]

    def _record_line(self, r: Any) -> str:
        line = f"{self._status_word(r.status)}: {r.record_no or r.key}"
        return line + (f" — {self._reason(r)}" if r.reason else "")

    def _reason(self, r: Any) -> str:
        params = dict(r.params)
        if "missing" in params:
            params["missing"] = ", ".join(str(n) for n in params["missing"])
        return describe(r.reason, params, self._lang)

    # -- results ---------------------------------------------------------------------------
    def show_result(self, result: Any) -> None:
        rows = [
            [
                self._status_word(r.status),
                r.record_no or r.key,
                f"{r.pieces}/{r.total}",
                ", ".join(map(str, r.missing)),
                ", ".join(r.sources),
                self._reason(r) if r.reason else "",
            ]
            for r in result.records
        ]
        unreadable = [f for f in result.files if f.reason]
        rows += [
            [self.tr("Unreadable"), Path(f.path).name, "", "", "", describe(f.reason, f.params, self._lang)]
            for f in unreadable
        ]
        fill(self.results, rows)
        verdicts = [STATUS_VERDICT[r.status] for r in result.records] + ["fail"] * len(unreadable)
        for i, verdict in enumerate(verdicts):
            item = item_at(self.results, i, 0)
            item.setIcon(icons.verdict_icon(verdict, 16))
            item.setForeground(icons.colour(verdict))
        if result.cancelled:
            self.summary.setText(self.tr("Cancelled; nothing was imported."))
        else:
            self.summary.setText(
                self.tr(
                    "%1 page(s) read: %2 record(s) imported, %3 held already, %4 conflict(s), "
                    "%5 incomplete, %6 refused; %7 summary QR code(s) registered."
                )
                .replace("%1", str(sum(f.pages for f in result.files)))
                .replace("%2", str(result.count("imported")))
                .replace("%3", str(result.count("duplicate")))
                .replace("%4", str(result.count("conflict")))
                .replace("%5", str(result.count("incomplete")))
                .replace("%6", str(result.count("refused")))
                .replace("%7", str(sum(k.status == "known" for k in result.known)))
            )
        self.refresh()
        if (
            result.count("imported")
            or result.count("conflict")
            or any(k.status == "known" for k in result.known)
        ):
            self.imported.emit()

"""同步: the laptop's side of sync by file — where it stands, export a bundle to a folder (a USB
stick), import the office's return package, the tasks received and the records returned.

Slots are thin: each calls one SyncService method. The export runs off the GUI thread with
progress and Cancel; a cancelled export leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.local_time import local, local_day
from inspector_app.pki.fingerprint import grouped
from inspector_app.sync.refusals import Refused, describe
from ui import icons, labels
from ui.dialogs.passphrase import ask_passphrase
from ui.tables import RECORD_ID, fill, table

if TYPE_CHECKING:
    from inspector_app.services.ports import LaptopSync


class SyncPage(QWidget):
    """The laptop's sync status and actions; `record_opened` asks the window to open a record."""

    record_opened = Signal(str)
    package_applied = Signal()

    def __init__(self, sync: LaptopSync, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self._lang = lang
        self.export_task: Any = None
        self.state_icon = QLabel()
        self.device = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.office = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust = QLabel(wordWrap=True)
        self.pending = QLabel()
        self.last_export = QLabel(wordWrap=True)
        self.acknowledged = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("This laptop"), self.device)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Trust list"), self.trust)
        form.addRow(self.tr("Records to send"), self.pending)
        form.addRow(self.tr("Last export"), self.last_export)
        form.addRow(self.tr("Acknowledged by the office"), self.acknowledged)
        status = QGroupBox(self.tr("Status"))
        top = QHBoxLayout(status)
        top.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(form, 1)

        self.export_button = QPushButton(self.tr("Export to…"))
        self.export_button.setToolTip(
            self.tr("Write every record the office has not acknowledged into a folder, e.g. a USB stick")
        )
        self.import_button = QPushButton(self.tr("Import package…"))
        self.import_button.setToolTip(self.tr("Apply the return package the office made for this laptop"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.message = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message.setAccessibleName(self.tr("Result"))

        self.returned = table(
            [
                self.tr("Record no."),
                self.tr("Site"),
                self.tr("Procedure"),
                self.tr("Returned on"),
                self.tr("Reason"),
                self.tr("Correction"),
            ],
            stretch=4,  # the reason: the supervisor's words
            empty=self.tr("The office has returned no record."),
        )
        self.returned.setAccessibleName(self.tr("Records returned by the office"))
        self.returned.activated.connect(lambda index: self.open_returned(index.row()))
        open_button = QPushButton(self.tr("Open and correct…"))
        open_button.clicked.connect(lambda: self.open_returned(self.returned.currentRow()))
        self.tasks = table(
            [self.tr("Due"), self.tr("Procedure"), self.tr("Site"), self.tr("Note"), self.tr("Status")],
            stretch=3,  # the office's note
            empty=self.tr("No task received yet: tasks come with the office's return package."),
        )
        self.tasks.setAccessibleName(self.tr("Tasks received"))
        returned_box = QGroupBox(self.tr("Records returned by the office"))
        returned_layout = QVBoxLayout(returned_box)
        returned_layout.addWidget(self.returned)
        returned_layout.addWidget(open_button, 0, Qt.AlignmentFlag.AlignRight)
        tasks_box = QGroupBox(self.tr("Tasks received"))
        QVBoxLayout(tasks_box).addWidget(self.tasks)

        layout = QVBoxLayout(self)
        layout.addWidget(status)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(returned_box, 1)
        layout.addWidget(tasks_box, 1)
        self.export_button.clicked.connect(lambda: self.export_to())
        self.import_button.clicked.connect(lambda: self.import_package())
        self.setFocusProxy(self.export_button)
        self.refresh()

    # -- what it shows ----------------------------------------------------------------------
    def refresh(self) -> None:
        s = self._sync.status()
        self.device.setText(s["device_id"])
        if s["office"]:
            self.office.setText(
                s["office"]["name"]
                + "\n"
                + self.tr("Root fingerprint: %1").replace("%1", grouped(s["office"]["root_sha256"]))
            )
        else:
            self.office.setText(
                self.tr(
                    "No office yet: records are signed and verify with this laptop's own key "
                    "(trusted on this laptop only). Export an enrolment request on the Keys page."
                )
            )
        listed = s["trust_list"]
        state = "pass"
        if listed is None:
            self.trust.setText(self.tr("None yet (arrives with the first return package)"))
            state = "incomplete"
        else:
            text = (
                self.tr("Version %1, valid until %2")
                .replace("%1", str(listed["version"]))
                .replace("%2", listed["expires_at"][:10])
            )
            if listed["expired"]:
                state = "fail"
                text += " — " + self.tr("expired: ask the office for a new return package")
            elif listed["expires_soon"]:
                state = "inconclusive"
                text += " — " + self.tr("expires in %1 days").replace("%1", str(listed["days_left"]))
            self.trust.setText(text)
        self.trust.setStyleSheet(f"color: {icons.colour(state).name()};")
        self.state_icon.setPixmap(icons.verdict_icon(state, 40).pixmap(40, 40))
        pending = self.tr("%1 signed record(s)").replace("%1", str(s["pending"]))
        if s["unsigned"]:
            pending += " — " + self.tr("%1 finalised without a key cannot be sent").replace(
                "%1", str(s["unsigned"])
            )
        if s["pending_requests"]:
            pending += " — " + self.tr("%1 enrolment request(s)").replace("%1", str(s["pending_requests"]))
        self.pending.setText(pending)
        last = s["last_export"]
        self.last_export.setText(
            "—"
            if last is None
            else self.tr("No. %1, %2 record(s), %3 (%4)")
            .replace("%1", str(last["seq"]))
            .replace("%2", str(last["records"]))
            .replace("%3", local(last["created_at"]))
            .replace("%4", last["file_name"])
        )
        self.acknowledged.setText(
            self.tr("up to bundle no. %1").replace("%1", str(s["acknowledged_seq"]))
            if s["acknowledged_seq"]
            else "—"
        )
        returned = self._sync.returned()
        fill(
            self.returned,
            [
                [
                    r["record_no"],
                    r["site_name"],
                    labels.form(r["form_id"]),
                    local_day(r["reviewed_at"]),
                    r["review_comment"],
                    self.tr("Corrected") if r["corrections"] else self.tr("To correct"),
                ]
                for r in returned
            ],
            [r["id"] for r in returned],
        )
        tasks = self._sync.tasks()
        fill(
            self.tasks,
            [
                [
                    t["due_date"],
                    labels.form(t["form_id"]),
                    t["site_name"],
                    t["note"],
                    self.tr("Started") if t["inspection_id"] else self.tr("Open"),
                ]
                for t in tasks
            ],
        )

    def show_message(self, text: str, state: str = "pass") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {icons.colour(state).name()}; font-size: 14px;")

    # -- actions ------------------------------------------------------------------------------
    def open_returned(self, row: int) -> None:
        item = self.returned.item(row, 0) if row >= 0 else None
        if item is not None:
            self.record_opened.emit(str(item.data(RECORD_ID)))

    def export_to(self, folder: str | None = None, passphrase: str | None = None) -> Any:
        """Export a bundle off the GUI thread, with progress and Cancel; returns the task."""
        from inspector_app.services import ValidationFailed
        from inspector_app.signing.keys import WrongPassphrase
        from ui.runner import Task, start

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export to (e.g. a USB stick)"))
        if not folder:
            return None
        if passphrase is None:
            passphrase = ask_passphrase(self, self.tr("Sign the bundle"), self.tr("Passphrase of your key:"))
        if passphrase is None:
            return None
        sync = self._sync

        lang = self._lang

        def work(report: Any, cancelled: Any) -> Any:
            try:
                return sync.export(Path(folder), passphrase, progress=report, cancelled=cancelled.is_set)
            except ValidationFailed as exc:  # said in words, not as an exception name
                return "；".join(e.message(lang) for e in exc.errors)
            except WrongPassphrase:
                return WrongPassphrase

        progress = QProgressDialog(self.tr("Writing the bundle…"), self.tr("Cancel"), 0, 0, self)
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        task = Task(work)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        task.signals.progress.connect(advance)

        def finished(done: Any) -> None:
            progress.close()
            if done is WrongPassphrase:
                self.show_message(self.tr("Wrong passphrase; nothing was written."), "fail")
            elif isinstance(done, str):
                self.show_message("⚠ " + done, "fail")
            elif done.path is None:
                self.show_message(self.tr("Nothing to send: the office has acknowledged every record."))
            else:
                self.show_message(
                    self.tr("Bundle no. %1 written: %2 (%3 record(s)). Take it to the office.")
                    .replace("%1", str(done.seq))
                    .replace("%2", str(done.path))
                    .replace("%3", str(done.records))
                )
            self.refresh()

        def failed(why: str) -> None:
            progress.close()
            if why.startswith("Cancelled"):
                self.show_message(self.tr("Export cancelled; nothing was written."), "inconclusive")
            else:
                self.show_message("⚠ " + why, "fail")

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        progress.canceled.connect(task.cancel)
        self.export_task = start(task)
        return task

    def confirm_office(self, name: str, root_sha256: str) -> bool:
        """First contact: does the root fingerprint match the one the office announced?"""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Trust this office?"),
            self.tr(
                "This is the first package from %1. Compare its root fingerprint with the one the "
                "office gave you; trust it only if they are the same:\n\n%2"
            )
            .replace("%1", name)
            .replace("%2", grouped(root_sha256)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def import_package(self, path: str | None = None) -> Any:
        """Apply a return package; a refusal says which part and why, and changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import the office's package"), "", self.tr("Package (*.zip)")
            )
        if not path:
            return None
        accept: str | None = None
        for _attempt in range(2):
            try:
                done = self._sync.apply_package(Path(path), accept_root=accept)
            except Refused as exc:
                if exc.reason == "office_unconfirmed" and accept is None:
                    root = str(exc.params.get("root", ""))
                    if self.confirm_office(self.tr("an office"), root):
                        accept = root
                        continue
                    self.show_message(self.tr("Not trusted; nothing was changed."), "inconclusive")
                    return None
                where = f"{exc.member}: " if exc.member else ""
                head = self.tr("Package refused; nothing was changed.")
                self.show_message(f"⚠ {head}\n{where}{describe(exc.reason, exc.params, self._lang)}", "fail")
                return None
            break
        if done.already_applied:
            self.show_message(
                self.tr("Package no. %1 was already applied; nothing changed.").replace(
                    "%1", str(done.number)
                )
            )
        else:
            text = (
                self.tr("Package no. %1 applied: %2 task(s), %3 review decision(s), trust list version %4.")
                .replace("%1", str(done.number))
                .replace("%2", str(len(done.tasks)))
                .replace("%3", str(len(done.decisions)))
                .replace("%4", str(done.trust_list.version))
            )
            state = "pass"
            if "trust_list_expires_soon" in done.warnings:
                text += "\n" + self.tr("The trust list expires on %1: bring the next bundle soon.").replace(
                    "%1", done.trust_list.expires_at[:10]
                )
                state = "inconclusive"
            self.show_message(text, state)
        self.refresh()
        self.package_applied.emit()
        return done

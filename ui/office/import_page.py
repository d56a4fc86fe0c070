"""导入同步包: import bundles (files or a folder) with a result row per bundle — counts, gaps, or
the member and the reason it was refused. The import runs off the GUI thread with progress.

The office window's first page: built for its first frame, so it imports and creates nothing the
frame does not show (no `Qt` namespace, no sync page, no office service until it is used)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector_app.local_time import local
from ui import icons
from ui.tables import fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import Importing

STATUS_VERDICT = {"accepted": "pass", "refused": "fail", "unreadable": "inconclusive"}


class ImportPage(QWidget):
    """Choose bundles, import each (verified and written in one transaction), show what happened to each."""

    imported = Signal()

    def __init__(
        self,
        office: Callable[[], Importing],
        lang: str,
        *,
        history: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``office`` gives the office service when first needed; ``history=False`` leaves the
        bundles imported before to `show_history` (the window calls it after its first paint)."""
        super().__init__(parent)
        self._office_of = office
        self._lang = lang
        self.task: Any = None
        intro = QLabel(
            self.tr(
                "Import the bundles laptops bring on a USB stick. Each is checked whole first — "
                "signatures, every file's hash — and refused whole if anything is wrong; an accepted "
                "bundle is stored in one step. Importing a bundle twice changes nothing."
            )
        )
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Import bundles…"))
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        self.results = table(
            [
                self.tr("Result"),
                self.tr("Bundle"),
                self.tr("Device"),
                self.tr("No."),
                self.tr("New"),
                self.tr("Duplicates"),
                self.tr("Conflicts"),
                self.tr("Missing bundle nos."),
                self.tr("Reason"),
            ]
        )
        self.results.setAccessibleName(self.tr("Import results"))
        self.summary = QLabel(wordWrap=True)
        self.history_label = QLabel(self.tr("Imported before (newest first):"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.history_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self.files_button.clicked.connect(lambda: self.choose_files())
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        self.setFocusProxy(self.files_button)
        if history:
            self.show_history()

    @property
    def _office(self) -> Any:
        return self._office_of()

    def show_history(self) -> None:
        """Before anything is imported in this session: the bundles imported so far."""
        past = self._office.bundles(limit=200)
        fill(
            self.results,
            [
                [
                    self.tr("Accepted"),
                    b["file_name"],
                    b["device_id"][:8],
                    str(b["seq"]),
                    str(b["imported"]),
                    str(b["duplicates"]),
                    str(b["conflicts"]),
                    "",
                    self.tr("imported %1").replace("%1", local(b["imported_at"])),
                ]
                for b in past
            ],
        )
        for i in range(len(past)):
            item_at(self.results, i, 0).setIcon(icons.verdict_icon("pass", 16))
        self.history_label.setVisible(bool(past))
        if not past:
            self.summary.setText(self.tr("No bundle imported yet."))

    def choose_files(self) -> Any:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Bundles to import"), "", self.tr("Bundle (*.zip)")
        )
        return self.import_paths([Path(p) for p in paths]) if paths else None

    def choose_folder(self) -> Any:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of bundles (e.g. a USB stick)"))
        return self.import_paths(sorted(Path(folder).glob("*.zip"))) if folder else None

    def import_paths(self, paths: list[Path]) -> Any:
        """Import off the GUI thread with progress and Cancel; returns the task."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        from ui.runner import Task, start

        if not paths:
            self.summary.setText(self.tr("No bundle (.zip) there."))
            return None
        office = self._office

        def work(report: Any, cancelled: Any) -> Any:
            return office.import_bundles(
                paths,
                progress=lambda phase, done, total: report(done, -1 if phase == "wait" else total),
                cancelled=cancelled.is_set,
            )

        progress = QProgressDialog(self.tr("Checking and importing bundles…"), self.tr("Cancel"), 0, 0, self)
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        task = Task(work)

        checking = self.tr("Checking and importing bundles…")
        waiting = self.tr("Waiting for another import into this office to finish…")

        def advance(done: int, total: int) -> None:
            progress.setLabelText(waiting if total < 0 else checking)  # -1: another import holds the lock
            progress.setMaximum(max(total, 0))
            progress.setValue(done)

        task.signals.progress.connect(advance)

        def finished(results: list[Any]) -> None:
            progress.close()
            self.show_results(results)

        def failed(why: str) -> None:
            progress.close()
            self.summary.setText("⚠ " + why)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        progress.canceled.connect(task.cancel)
        self.task = start(task)
        return task

    def show_results(self, results: list[Any]) -> None:
        from inspector_app.sync.refusals import describe

        self.history_label.setVisible(False)
        words = {
            "accepted": self.tr("Accepted"),
            "refused": self.tr("Refused"),
            "unreadable": self.tr("Unreadable"),
        }
        rows = []
        for r in results:
            reason = ""
            if r.status != "accepted":
                where = f"{r.member}: " if r.member else ""
                reason = where + describe(r.reason, r.params, self._lang)
            elif r.already_imported:
                reason = self.tr("imported before: nothing changed")
            elif "acknowledgement_ahead" in r.warnings:
                reason = self.tr(
                    "the laptop holds an acknowledgement this office lacks: ask for an export of all"
                )
            rows.append(
                [
                    words[r.status],
                    Path(r.bundle).name,
                    r.device_id[:8],
                    str(r.seq or ""),
                    str(r.imported),
                    str(r.duplicates),
                    str(r.conflicts),
                    ", ".join(map(str, r.gaps)),
                    reason,
                ]
            )
        fill(self.results, rows)
        for i, r in enumerate(results):
            item = item_at(self.results, i, 0)
            item.setIcon(icons.verdict_icon(STATUS_VERDICT[r.status], 16))
            item.setForeground(icons.colour(STATUS_VERDICT[r.status]))
            if r.gaps:
                item_at(self.results, i, 7).setForeground(icons.colour("inconclusive"))
        accepted = [r for r in results if r.status == "accepted"]
        self.summary.setText(
            self.tr("%1 of %2 bundle(s) accepted: %3 new record(s), %4 duplicate(s), %5 conflict(s).")
            .replace("%1", str(len(accepted)))
            .replace("%2", str(len(results)))
            .replace("%3", str(sum(r.imported for r in accepted)))
            .replace("%4", str(sum(r.duplicates for r in accepted)))
            .replace("%5", str(sum(r.conflicts for r in accepted)))
        )
        self.imported.emit()

"""The main window: a navigation bar on the left and one page per area on the right.

Start-up is designed around the first paint (bench/startup.py, DESIGN.md: ≤ 1.5 × a bare window
at any database size). The first frame needs the navigation, the inspection list's widgets, its
first page of rows and their count: that is all the constructor builds and reads, through the
plain list reader. Once the frame is on screen (`first_painted`), `finish_startup` does the rest
in small steps: the keyboard shortcuts, the list's remaining keys, its procedures filter (the
forms) and sorting, the services that write (sqlite-utils), and the reopening of a draft that was
open when the app stopped; then `startup_finished`. The other pages are built the first time they are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui import icons, labels
from ui.first_paint import after_first_paint
from ui.models.inspection_table_model import DECORATION_ROLE
from ui.nav_layout import place_beside_nav
from ui.pages.inspections_page import InspectionsPage
from ui.screen import initial_size
from ui.widgets import shortcut

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from inspector_app.services import Services

PAGES = ("inspections", "tasks", "sites", "instruments", "standards", "verify", "sync", "keys", "settings")
REGISTRIES = ("sites", "instruments", "standards")
WARM_SERVICES = ("settings", "registry", "inspections", "records")  # sqlite-utils, forms, …


class MainWindow(QMainWindow):
    """Composes the pages; it receives the services and hands each page what it needs."""

    first_painted = Signal()  # the first frame is on screen (what bench/startup.py times)
    startup_finished = Signal()  # the deferred start-up work is done

    def __init__(self, services: Services, lang: str) -> None:
        super().__init__()
        self.services = services
        self.lang = lang
        self.setWindowTitle(self.tr("Metrology inspections"))
        self.resize(*initial_size(1280, 800))
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { background: #f1f3f4; border: none; font-size: 14px; }"
            "QListWidget::item { padding: 10px 8px; }"
            "QListWidget::item:selected { background: #d2e3fc; color: #174ea6; }"
        )
        self.stack = QStackedWidget()
        self.inspections_page = InspectionsPage(services.inspection_list)
        self.inspections_page.inspection_activated.connect(self.open_inspection)
        self.inspections_page.new_requested.connect(self.new_inspection)
        self.inspections_page.export_requested.connect(lambda: self.export_all())
        self.open_windows: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {"inspections": self.inspections_page}
        self._builders: dict[str, Callable[[], QWidget]] = {
            "tasks": self._build_tasks,
            **{t: partial(self._build_registry, t) for t in REGISTRIES},
            "verify": self._build_verify,
            "sync": self._build_sync,
            "keys": self._build_keys,
            "settings": self._build_settings,
        }
        entries = (
            ("inspections", self.tr("Inspections")),
            ("tasks", self.tr("Tasks")),
            ("sites", labels.table("sites")),
            ("instruments", labels.table("instruments")),
            ("standards", labels.table("standards")),
            ("verify", self.tr("Verify a record")),
            ("sync", self.tr("Sync")),
            ("keys", self.tr("Keys")),
            ("settings", self.tr("Settings")),
        )
        for i, (name, text) in enumerate(entries):
            item = QListWidgetItem(text)
            item.setData(DECORATION_ROLE, icons.nav_pixmap(name))
            item.setToolTip(f"{text} (Ctrl+{i + 1})")
            self.nav.addItem(item)
        self.stack.addWidget(self.inspections_page)

        self.nav.currentRowChanged.connect(self._row_changed)
        place_beside_nav(self, self.nav, self.stack)
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(services.path)))
        self.nav.setCurrentRow(0)
        self.inspections_page.model.reload(rest_later=True)
        self.inspections_page.search.setFocus()
        self._startup_steps: list[Callable[[], object]] | None = None  # None: not begun
        after_first_paint(self, self._first_paint_done)

    # -- start-up, after the first paint ---------------------------------------------------
    def _first_paint_done(self) -> None:
        self.first_painted.emit()
        self.finish_startup()

    def finish_startup(self) -> None:
        """What the first frame did not need, one step per event-loop turn, so input that arrives
        meanwhile is handled between steps. Runs once; `startup_finished` when done."""
        if self._startup_steps is not None:
            return
        # The services that write are built now, not on the inspector's first click; one per turn.
        warm = [lambda name=name: getattr(self.services, name) for name in WARM_SERVICES]
        self._startup_steps = [
            self._add_shortcuts,
            self.inspections_page.model.complete,
            self._finish_list,
            *warm,
            self.resume,
        ]
        self._next_startup_step()

    def _next_startup_step(self) -> None:
        steps = self._startup_steps
        if steps:
            steps.pop(0)()
        if steps:
            QTimer.singleShot(0, self._next_startup_step)
        else:
            self.startup_finished.emit()

    def _add_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence  # their types: not before the first paint

        for i in range(len(PAGES)):
            shortcut(QKeySequence(f"Ctrl+{i + 1}"), self, partial(self.show_page, i))

    def _finish_list(self) -> None:
        from forms import form_ids

        self.inspections_page.finish(form_ids())

    # -- pages, built on first use ---------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page called ``name``, building it (and putting it in the stack) if needed."""
        if name not in self._pages:
            widget = self._builders[name]()
            self.stack.addWidget(widget)
            self._pages[name] = widget
        return self._pages[name]

    @property
    def registry_pages(self) -> dict[str, Any]:
        return {t: self.page(t) for t in REGISTRIES}

    def _build_tasks(self) -> QWidget:
        from ui.pages.tasks_page import TasksPage

        page = TasksPage(self.services.registry, self.services.inspections, self.lang)

        def opened(iid: str) -> None:
            self.inspections_page.reload()
            self.open_draft(iid)

        page.inspection_opened.connect(opened)
        return page

    def _build_registry(self, table: str) -> QWidget:
        from ui.pages.registry_page import RegistryPage

        page = RegistryPage(table, self.services.registry, self.services.settings, self.lang)
        if table == "sites":  # a new site must appear in the instrument editor's site list

            def saved(_id: str) -> None:
                instruments = self._pages.get("instruments")
                if isinstance(instruments, RegistryPage):
                    instruments.refresh()

            page.row_saved.connect(saved)
        return page

    def _build_verify(self) -> QWidget:
        from ui.pages.verify_page import VerifyPage

        return VerifyPage(self.services.records, self.lang)

    def _build_sync(self) -> QWidget:
        from ui.pages.sync_page import SyncPage

        page = SyncPage(self.services.sync, self.lang)
        page.record_opened.connect(self.open_inspection)
        page.package_applied.connect(self._package_applied)
        return page

    def _package_applied(self) -> None:
        """Statuses (returned, approved) and tasks changed: refresh what shows them."""
        self.inspections_page.reload()
        if "tasks" in self._pages:
            self._pages["tasks"].refresh()  # type: ignore[attr-defined]
        if "keys" in self._pages:
            self._pages["keys"].refresh()  # type: ignore[attr-defined]

    def _build_keys(self) -> QWidget:
        from ui.pages.keys_page import KeysPage

        return KeysPage(self.services.keys, self.services.records, self.services.settings, self.lang)

    def open_inspection(self, inspection_id: str) -> Any:
        """A finalised record opens its signed PDF in the preview; returns the dialog (or None)."""
        row = self.services.inspections.get(inspection_id)
        if row["status"] == "draft":
            return self.open_draft(inspection_id)
        pdf = self.services.records.pdf_of(inspection_id)
        if pdf is None:
            self.statusBar().showMessage(
                self.tr("Record %1 has no signed PDF (a draft, or finalised without a key).").replace(
                    "%1", row["record_no"]
                ),
                8000,
            )
            return None
        from ui.dialogs.record_preview_dialog import RecordPreviewDialog

        notice = ""
        if row["status"] == "returned":
            notice = self.tr("Returned by the office: %1 — correct it with Correct…").replace(
                "%1", row["review_comment"] or "—"
            )
        dialog = RecordPreviewDialog(
            row["record_no"], pdf, self.services.records.preview(inspection_id), self, notice=notice
        )
        dialog.correct_requested.connect(lambda: (dialog.close(), self.correct(inspection_id)))
        dialog.open()
        return dialog

    def open_draft(self, inspection_id: str, *, recovered: bool = False) -> Any:
        """The guided inspection window of a draft (one per draft; raised if already open)."""
        from ui.inspection.window import InspectionWindow

        window = self.open_windows.get(inspection_id)
        if window is None or not window.isVisible():
            window = InspectionWindow(self.services, inspection_id, self.lang, recovered=recovered)
            window.finalised.connect(self._finalised)
            self.open_windows[inspection_id] = window
        window.show()
        window.raise_()
        window.activateWindow()  # the keyboard goes on in it (without, keys reach it unactivated
        return window  # under X with no window manager: its shortcuts, Ctrl+PgDown, never fire)

    def _finalised(self, inspection_id: str) -> None:
        self.open_windows.pop(inspection_id, None)
        self.inspections_page.reload()
        self.open_inspection(inspection_id)

    def new_inspection(self) -> Any:
        from ui.inspection.new_dialog import NewInspectionDialog

        dialog = NewInspectionDialog(self.services, self.lang, self)
        if dialog.exec() and dialog.created:
            self.inspections_page.reload()
            return self.open_draft(dialog.created)
        return None

    def export_all(self, folder: str | None = None) -> Any:
        """Write every signed PDF into a folder, off the GUI thread, with progress and Cancel."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QProgressDialog

        from ui.runner import Task, start

        if not folder:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export signed PDFs to"))
        if not folder:
            return None
        records = self.services.records

        def work(report: Any, cancelled: Any) -> int:
            return int(records.export_all(Path(folder), progress=report, cancelled=cancelled.is_set))

        progress = QProgressDialog(self.tr("Exporting signed PDFs…"), self.tr("Cancel"), 0, 0, self)
        progress.setMinimumDuration(300)
        task = Task(work)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(n: int) -> None:
            progress.close()
            self.statusBar().showMessage(self.tr("%1 signed PDF(s) exported.").replace("%1", str(n)), 8000)

        def failed(why: str) -> None:
            progress.close()
            self.statusBar().showMessage("⚠ " + why)

        task.signals.progress.connect(advance)
        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        progress.canceled.connect(task.cancel)
        self.export_task = start(task)
        return task

    def correct(self, inspection_id: str, reason: str | None = None) -> Any:
        """Start a correction of a finalised record: a new draft that supersedes it, with the
        reason asked for (``reason`` given: no dialog). None when cancelled."""
        if reason is None:
            from ui.dialogs.correction_dialog import CorrectionDialog

            dialog = CorrectionDialog(self.services.inspections.get(inspection_id), self)
            self.correction_dialog = dialog
            if dialog.exec() != CorrectionDialog.DialogCode.Accepted:
                return None
            reason = dialog.text()
        new_id = self.services.inspections.correct(inspection_id, reason)
        self.inspections_page.reload()
        return self.open_draft(new_id)

    def resume(self) -> Any:
        """Reopen the draft that was open when the app stopped (killed, or the laptop died)."""
        row = self.services.inspections.resumable()
        return None if row is None else self.open_draft(row["id"], recovered=True)

    def _build_settings(self) -> QWidget:
        from ui.pages.settings_page import SettingsPage

        return SettingsPage(self.services.settings, self.lang)

    def _row_changed(self, row: int) -> None:
        self.stack.setCurrentWidget(self.page(PAGES[row]))

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        for name in REGISTRIES:
            if name in self._pages:
                self._pages[name].flush()  # type: ignore[attr-defined]
        super().closeEvent(event)

"""The office window: the same app opened on an office database. A navigation bar and one page
per task of the office clerk; pages other than the first are built when first shown, as in the
main window, so opening the office costs no more than opening a laptop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.pki.certs import grouped
from ui import icons
from ui.first_paint import after_first_paint
from ui.screen import initial_size

OFFICE_PAGES = ("import", "enrol", "packages", "scan", "verify", "settings")


class OfficeWindow(QMainWindow):
    """Office mode: import bundles, enrol requests, make packages per device, verify records."""

    first_painted = Signal()  # as the main window's: what start-up is timed to
    startup_finished = Signal()

    def __init__(self, services: Any, lang: str) -> None:
        super().__init__()
        self.services = services
        self.office = services.office
        self.lang = lang
        info = self.office.info()
        self.setWindowTitle(self.tr("Office — %1").replace("%1", info["name"]))
        self.resize(*initial_size(1280, 800))
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { background: #e8f0fe; border: none; font-size: 14px; }"
            "QListWidget::item { padding: 10px 8px; }"
            "QListWidget::item:selected { background: #d2e3fc; color: #174ea6; }"
        )
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {
            "import": self._build_import,
            "scan": self._build_scan,
            "enrol": self._build_enrol,
            "packages": self._build_packages,
            "verify": self._build_verify,
            "settings": self._build_settings,
        }
        entries = (
            ("import", self.tr("Import bundles")),
            ("enrol", self.tr("Enrolment")),
            ("packages", self.tr("Return packages")),
            ("scan", self.tr("Import scans")),
            ("verify", self.tr("Verify a record")),
            ("settings", self.tr("Settings")),
        )
        for i, (name, text) in enumerate(entries):
            item = QListWidgetItem(icons.nav_icon(name), text)
            item.setToolTip(f"{text} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.show_page(i))
        header = QLabel()
        header.setStyleSheet("font-size: 18px; font-weight: 600; padding: 6px 2px;")
        self.nav.currentRowChanged.connect(self._row_changed)
        self.nav.currentRowChanged.connect(lambda row: header.setText(self.nav.item(row).text()))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(header)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("Office database: %1 — root %2")
            .replace("%1", str(services.path))
            .replace("%2", grouped(info["root_sha256"])[:39] + "…")
        )
        self.nav.setCurrentRow(0)
        after_first_paint(self, self._first_paint_done)

    def _first_paint_done(self) -> None:
        self.first_painted.emit()
        self.startup_finished.emit()  # nothing deferred: the office has no draft to reopen

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built (and put in the stack) on first use."""
        if name not in self._pages:
            widget = self._builders[name]()
            index = OFFICE_PAGES.index(name)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[name] = widget
        return self._pages[name]

    def _refresh_others(self) -> None:
        for name in ("enrol", "packages"):
            if name in self._pages:
                self._pages[name].refresh()  # type: ignore[attr-defined]

    def _build_import(self) -> QWidget:
        from ui.office.import_page import ImportPage

        page = ImportPage(self.office, self.lang)
        page.imported.connect(self._refresh_others)
        return page

    def _build_scan(self) -> QWidget:
        from ui.office.scan_page import ScanPage

        page = ScanPage(self.office, self.lang)
        page.imported.connect(self._refresh_others)
        return page

    def _build_enrol(self) -> QWidget:
        from ui.office.enrol_page import EnrolPage

        return EnrolPage(self.office, self.lang)

    def _build_packages(self) -> QWidget:
        from ui.office.packages_page import PackagesPage

        return PackagesPage(self.office, self.lang)

    def _build_verify(self) -> QWidget:
        from ui.pages.verify_page import VerifyPage

        return VerifyPage(self.services.records, self.lang)

    def _build_settings(self) -> QWidget:
        from ui.pages.settings_page import SettingsPage

        return SettingsPage(self.services.settings, self.lang, mode="office")

    def _row_changed(self, row: int) -> None:
        page = self.page(OFFICE_PAGES[row])
        if hasattr(page, "refresh") and OFFICE_PAGES[row] in ("scan", "enrol", "packages"):
            page.refresh()
        self.stack.setCurrentIndex(row)

    def resume(self) -> None:
        """Nothing to reopen: the office has no drafts (the main window reopens one)."""

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self.stack.currentWidget().setFocus()

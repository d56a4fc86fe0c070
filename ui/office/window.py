"""The office window: the same app opened on an office database. A navigation bar and one page
per task of the office clerk.

Start-up is designed around the first paint as the main window's is (bench/startup.py,
DESIGN.md: ≤ 1.5 × a bare window at any database size). The first frame needs the navigation, the
office's name and root fingerprint (title and status bar, read with plain sqlite3 when the
database was opened) and the import page's widgets. Once the frame is on screen, `finish_startup`
does the rest one step per event-loop turn: the keyboard shortcuts, the office service (the office
store over sqlite-utils; the PKI, with cryptography), then the import page's history of bundles;
then `startup_finished`. The other pages are built the first time they are shown.
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

from inspector_app.pki.fingerprint import grouped
from ui import icons
from ui.first_paint import after_first_paint
from ui.nav_layout import place_beside_nav
from ui.screen import initial_size
from ui.widgets import shortcut

if TYPE_CHECKING:
    from inspector_app.services import Services

OFFICE_PAGES = (
    "import",
    "review",
    "draw",
    "statistics",
    "credit",
    "publication",
    "enrol",
    "packages",
    "scan",
    "verify",
    "settings",
)
REFRESHED = ("review", "draw", "statistics", "credit", "publication", "enrol", "packages", "scan")
DECORATION_ROLE = 1  # Qt.ItemDataRole.DecorationRole, as the integer Qt passes (no `Qt` namespace)


class OfficeWindow(QMainWindow):
    """Office mode: import bundles, review, draw, statistics, credit lists, publication, enrol
    requests, make packages per device, verify records."""

    first_painted = Signal()  # as the main window's: what start-up is timed to
    startup_finished = Signal()  # the deferred start-up work is done

    def __init__(self, services: Services, lang: str) -> None:
        super().__init__()
        self.services = services
        self.lang = lang
        heading = services.office_heading
        assert heading is not None, "only an office database opens the office window (ui.app.window_for)"
        name, root_sha256 = heading
        self.setWindowTitle(self.tr("Office — %1").replace("%1", name))
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
        self.stack = QStackedWidget()  # holds the pages built so far, in the order first shown
        self._pages: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {
            "import": self._build_import,
            "review": self._build_review,
            "draw": self._build_draw,
            "statistics": self._build_statistics,
            "credit": self._build_credit,
            "publication": self._build_publication,
            "enrol": self._build_enrol,
            "packages": self._build_packages,
            "scan": self._build_scan,
            "verify": self._build_verify,
            "settings": self._build_settings,
        }
        entries = (
            ("import", self.tr("Import bundles")),
            ("review", self.tr("Review")),
            ("draw", self.tr("Random draw")),
            ("statistics", self.tr("Statistics")),
            ("credit", self.tr("Credit lists")),
            ("publication", self.tr("Publication")),
            ("enrol", self.tr("Enrolment")),
            ("packages", self.tr("Return packages")),
            ("scan", self.tr("Import scans")),
            ("verify", self.tr("Verify a record")),
            ("settings", self.tr("Settings")),
        )
        for i, (page, text) in enumerate(entries):
            item = QListWidgetItem(text)
            item.setData(DECORATION_ROLE, icons.nav_pixmap(page))
            item.setToolTip(f"{text} (Ctrl+{(i + 1) % 10})" if i < 10 else text)  # Ctrl+1 … 9, then 0
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._row_changed)
        place_beside_nav(self, self.nav, self.stack)
        self.statusBar().showMessage(
            self.tr("Office database: %1 — root %2")
            .replace("%1", str(services.path))
            .replace("%2", grouped(root_sha256)[:39] + "…")
        )
        self._startup_steps: list[Callable[[], object]] | None = None  # None: not begun
        self.nav.setCurrentRow(0)
        after_first_paint(self, self._first_paint_done)

    @property
    def office(self) -> Any:
        """The office service, built on first use (after the first frame at start-up)."""
        return self.services.office

    # -- start-up, after the first paint ---------------------------------------------------
    def _first_paint_done(self) -> None:
        self.first_painted.emit()
        self.finish_startup()

    def finish_startup(self) -> None:
        """What the first frame did not need, one step per event-loop turn, so input arriving
        meanwhile is handled between steps. Runs once; `startup_finished` when done."""
        if self._startup_steps is not None:
            return
        self._startup_steps = [self._add_shortcuts, lambda: self.office, self._show_history]
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

        for i in range(min(len(OFFICE_PAGES), 10)):  # Ctrl+1 … Ctrl+9, Ctrl+0; the rest by the bar
            key = (i + 1) % 10
            shortcut(QKeySequence(f"Ctrl+{key}"), self, partial(self.show_page, i))

    def _show_history(self) -> None:
        if "import" in self._pages:
            self._pages["import"].show_history()  # type: ignore[attr-defined]

    # -- pages, built on first use ---------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page called ``name``, built (and put in the stack) on first use."""
        if name not in self._pages:
            widget = self._builders[name]()
            self.stack.addWidget(widget)
            self._pages[name] = widget
        return self._pages[name]

    def _refresh_others(self) -> None:
        for name in REFRESHED:
            if name in self._pages:
                self._pages[name].refresh()  # type: ignore[attr-defined]

    def _build_import(self) -> QWidget:
        from ui.office.import_page import ImportPage

        # The service is handed over lazily: the import page is the first frame's, which the
        # office store (sqlite-utils) is not built for; its history is filled after the paint.
        page = ImportPage(lambda: self.office, self.lang, history=self._startup_steps is not None)
        page.imported.connect(self._refresh_others)
        return page

    def _build_review(self) -> QWidget:
        from ui.office.review_page import ReviewPage

        page = ReviewPage(self.office, self.services.records, self.lang)
        page.decided.connect(lambda _id: self._refresh_pages("packages", "publication"))
        return page

    def _build_draw(self) -> QWidget:
        from ui.office.draw_page import DrawPage

        page = DrawPage(self.office, self.lang)
        page.drawn.connect(lambda: self._refresh_pages("packages", "publication"))
        return page

    def _build_statistics(self) -> QWidget:
        from ui.office.statistics_page import StatisticsPage

        return StatisticsPage(self.office, self.lang)

    def _build_credit(self) -> QWidget:
        from ui.office.credit_page import CreditPage

        return CreditPage(self.office, self.lang)

    def _build_publication(self) -> QWidget:
        from ui.office.publication_page import PublicationPage

        return PublicationPage(self.office, self.lang)

    def _refresh_pages(self, *names: str) -> None:
        for name in names:
            if name in self._pages:
                self._pages[name].refresh()  # type: ignore[attr-defined]

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
        if hasattr(page, "refresh") and OFFICE_PAGES[row] in ("scan", "enrol", "packages", "publication"):
            page.refresh()
        self.stack.setCurrentWidget(page)

    def resume(self) -> None:
        """Nothing to reopen: the office has no drafts (the main window reopens one)."""

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

"""The main window: a navigation bar on the left and one page per area on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.pages.inspections_page import InspectionsPage
from ui.pages.registry_page import RegistryPage
from ui.pages.settings_page import SettingsPage
from ui.pages.tasks_page import TasksPage

PAGES = ("inspections", "tasks", "sites", "instruments", "standards", "settings")


class MainWindow(QMainWindow):
    """Composes the pages; it receives the services and hands each page what it needs."""

    def __init__(self, services: Any, lang: str) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle(self.tr("Metrology inspections"))
        self.resize(1280, 800)
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

        self.inspections_page = InspectionsPage(services.inspections)
        self.tasks_page = TasksPage(services.registry)
        self.registry_pages = {
            t: RegistryPage(t, services.registry, services.settings, lang)
            for t in ("sites", "instruments", "standards")
        }
        self.settings_page = SettingsPage(services.settings, lang)
        style = self.style()
        entries = (
            (self.tr("Inspections"), QStyle.StandardPixmap.SP_FileDialogDetailedView, self.inspections_page),
            (self.tr("Tasks"), QStyle.StandardPixmap.SP_FileDialogListView, self.tasks_page),
            (labels.table("sites"), QStyle.StandardPixmap.SP_DirHomeIcon, self.registry_pages["sites"]),
            (
                labels.table("instruments"),
                QStyle.StandardPixmap.SP_ComputerIcon,
                self.registry_pages["instruments"],
            ),
            (
                labels.table("standards"),
                QStyle.StandardPixmap.SP_DriveHDIcon,
                self.registry_pages["standards"],
            ),
            (self.tr("Settings"), QStyle.StandardPixmap.SP_FileDialogInfoView, self.settings_page),
        )
        for i, (text, pixmap, page) in enumerate(entries):
            item = QListWidgetItem(style.standardIcon(pixmap), text)
            item.setToolTip(f"{text} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.show_page(i))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.registry_pages["sites"].row_saved.connect(
            lambda _id: self.registry_pages["instruments"].refresh()
        )

        header = QLabel()
        header.setStyleSheet("font-size: 18px; font-weight: 600; padding: 6px 2px;")
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
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(services.path)))
        self.nav.setCurrentRow(0)
        self.inspections_page.reload()
        self.inspections_page.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        page = self.stack.widget(index)
        page.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.registry_pages.values():
            page.flush()
        super().closeEvent(event)

"""Tasks: the sites and instruments assigned for inspection (by the office, or added locally)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import labels


class TasksPage(QWidget):
    """Open tasks first; the office's task files arrive through sync (a later issue)."""

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "No tasks yet. Tasks drawn by the office (双随机) arrive with "
                "the next task file; inspections can also start from scratch."
            )
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.refresh()

    def refresh(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Procedure"), self.tr("Site"), self.tr("Status"), self.tr("Note")]
        )
        sites = {s["id"]: s["name"] for s in self._registry.search("sites", limit=5000)}
        rows = self._registry.search("tasks", order_by="status, due_date", limit=2000)
        for task in rows:
            self.model.appendRow(
                [
                    QStandardItem(x)
                    for x in (
                        task["due_date"],
                        labels.form(task["form_id"]),
                        sites.get(task["site_id"], ""),
                        task["status"],
                        task["note"],
                    )
                ]
            )
        self.empty.setVisible(not rows)

"""Tasks: the sites and instruments assigned for inspection (drawn by the office, 双随机, or local).

Enter (or 开始检查) starts the task's inspection, or reopens it if already started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import ValidationFailed
from ui import labels

if TYPE_CHECKING:
    from inspector_app.services.ports import Registers, TaskStarting

TASK_ID = Qt.ItemDataRole.UserRole + 1


class TasksPage(QWidget):
    """Open tasks first; `inspection_opened` carries the draft started (or reopened) for one."""

    inspection_opened = Signal(str)

    def __init__(
        self,
        registry: Registers,
        inspections: TaskStarting | None = None,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._registry = registry
        self._inspections = inspections
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "No tasks yet. Tasks drawn by the office (双随机) arrive with "
                "the next task file; inspections can also start from scratch."
            )
        )
        self.empty.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start inspection"))
        self.message = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.start_button.clicked.connect(self.start_selected)
        self.view.activated.connect(lambda _index: self.start_selected())
        self.refresh()

    def refresh(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Procedure"), self.tr("Site"), self.tr("Status"), self.tr("Note")]
        )
        sites = {s["id"]: s["name"] for s in self._registry.search("sites", limit=5000)}
        rows = self._registry.search("tasks", order_by="status, due_date", limit=2000)
        for task in rows:
            status = self.tr("Started") if task["inspection_id"] else self.tr("Open")
            items = [
                QStandardItem(x)
                for x in (
                    task["due_date"],
                    labels.form(task["form_id"]),
                    sites.get(task["site_id"], ""),
                    status,
                    task["note"],
                )
            ]
            items[0].setData(task["id"], TASK_ID)
            self.model.appendRow(items)
        self.empty.setVisible(not rows)
        self.start_button.setEnabled(bool(rows) and self._inspections is not None)

    def instrument_for(self, task: dict[str, Any]) -> tuple[bool, str | None]:
        """A task drawn by the office names the site, not the instrument: the site's one instrument
        of the procedure's kind, or the one the inspector picks among several. (False, None) when
        the inspector cancels the choice."""
        if task["instrument_id"] or task["inspection_id"] or self._inspections is None:
            return True, None
        kind = self._inspections.current_definition(task["form_id"]).instrument_kind
        if not kind:
            return True, None  # a net-content check inspects a lot, not an instrument
        found = self._registry.search("instruments", site_id=task["site_id"], kind=kind, limit=200)
        if len(found) <= 1:
            return True, (found[0]["id"] if found else None)
        return self.choose_instrument(found)

    def choose_instrument(self, instruments: list[dict[str, Any]]) -> tuple[bool, str | None]:
        """Ask which of the site's instruments this inspection is of."""
        from PySide6.QtWidgets import QInputDialog

        names = [
            " ".join(str(i.get(k) or "") for k in ("serial", "maker", "model", "accuracy_class")).strip()
            for i in instruments
        ]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Instrument"),
            self.tr("Which instrument of this site is inspected?"),
            names,
            0,
            False,
        )
        return (True, instruments[names.index(chosen)]["id"]) if ok else (False, None)

    def start_selected(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or self._inspections is None:
            return None
        task_id = self.model.item(index.row(), 0).data(TASK_ID)
        go, instrument_id = self.instrument_for(self._registry.get("tasks", task_id))
        if not go:
            return None
        try:
            inspection_id = self._inspections.start_from_task(task_id, instrument_id=instrument_id)
        except ValidationFailed as exc:
            self.message.setText("⚠ " + exc.errors[0].message(self._lang))
            return None
        self.refresh()
        self.inspection_opened.emit(inspection_id)
        return str(inspection_id)

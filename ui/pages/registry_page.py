"""A registry page (sites, instruments or standards), generated from `registries.FIELDS`.

Left: search and the list; right: an editor built from the field declarations. What the user types
is saved as a draft on every change (it survives a crash or a closed window); an existing row is
updated as soon as an edited field is valid; a new row is created with Save (Ctrl+S).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.registries import FIELDS, RegistryField
from inspector_app.services import ValidationFailed
from ui.widgets import named, shortcut

if TYPE_CHECKING:
    from inspector_app.services.ports import FormDrafts, Registers

DRAFT_DELAY_MS = 300
ROW_ID = Qt.ItemDataRole.UserRole + 1
FILTER_KEYS = ("kind", "district")  # choice fields offered as list filters


class RegistryPage(QWidget):
    """List, search, create and edit one registry; every refusal names the field and the rule."""

    row_saved = Signal(str)

    def __init__(
        self, table: str, registry: Registers, settings: FormDrafts, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table_name = table
        self._registry = registry
        self._settings = settings
        self._lang = lang
        self._fields: tuple[RegistryField, ...] = FIELDS[table]
        self._current_id: str | None = None
        self._loading = False

        self.search = QLineEdit(placeholderText=self.tr("Search"), clearButtonEnabled=True)
        self.search.setAccessibleName(self.tr("Search"))
        # Filters: one combo per declared choice field that classifies rows (type, district).
        self.filters: dict[str, QComboBox] = {}
        for f in self._fields:
            if f.kind == "choice" and f.key in FILTER_KEYS:
                combo = named(QComboBox(), self._label(f))
                combo.addItem(self.tr("All: %1").replace("%1", self._label(f)), "")
                for value, zh, en in f.choices:
                    combo.addItem(zh if self._lang == "zh" else en, value)
                combo.currentIndexChanged.connect(self.refresh)
                self.filters[f.key] = combo
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        # A long name (a petrol station's full name) would push the type, serial and certificate
        # off the list: no column is wider than 12 characters of the font; the rest is elided and
        # the whole text is the cell's tooltip.
        self.view.horizontalHeader().setMaximumSectionSize(self.fontMetrics().horizontalAdvance("中") * 12)

        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in self._fields:
            editor = self._make_editor(f)
            self.editors[f.key] = editor
            label = self._label(f) + (" *" if f.required else "")
            form.addRow(label, editor)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(self.tr("Messages"))
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 2)
        for combo in self.filters.values():
            search_row.addWidget(combo, 1)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addLayout(form)
        right_layout.addWidget(self.message)
        right_layout.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.search.textChanged.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        shortcut(QKeySequence.StandardKey.Save, self, self.save)
        shortcut(QKeySequence.StandardKey.New, self, self.start_new)

        self.refresh()
        if not self.restore_draft():
            self.start_new()

    # -- editors ---------------------------------------------------------------------------
    def _label(self, f: RegistryField) -> str:
        return f.zh if self._lang == "zh" else f.en

    def _make_editor(self, f: RegistryField) -> QWidget:
        if f.kind in ("choice", "site"):
            combo = named(QComboBox(), self._label(f))
            combo.addItem("", "")
            if f.kind == "choice":
                for value, zh, en in f.choices:
                    combo.addItem(zh if self._lang == "zh" else en, value)
            combo.currentIndexChanged.connect(lambda _i, key=f.key: self._edited(key))
            return combo
        line = named(QLineEdit(), self._label(f))
        if f.kind == "date":
            line.setPlaceholderText("YYYY-MM-DD")
        elif f.kind == "credit_code":
            line.setPlaceholderText(self.tr("18 characters, e.g. 91500112MA5U7XY1P…"))
            line.setMaxLength(24)
        line.textEdited.connect(lambda _t: self._draft_timer.start())
        line.editingFinished.connect(lambda key=f.key: self._edited(key))
        return line

    def _fill_sites(self) -> None:
        for f in self._fields:
            if f.kind != "site":
                continue
            combo = self.editors[f.key]
            assert isinstance(combo, QComboBox)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", "")
            for site in self._registry.search("sites", limit=5000):
                combo.addItem(site["name"], site["id"])
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.editors.items():
            out[key] = editor.currentData() or "" if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        for key, editor in self.editors.items():
            value = "" if values.get(key) is None else str(values.get(key))
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor.setText(value)  # type: ignore[attr-defined]
            editor.setStyleSheet("")
        self._loading = False

    # -- list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        shown = [f for f in self._fields if f.in_list]
        site_names = (
            {s["id"]: s["name"] for s in self._registry.search("sites", limit=5000)}
            if any(f.kind == "site" for f in shown)
            else {}
        )
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self._label(f) for f in shown])
        where = {key: combo.currentData() for key, combo in self.filters.items() if combo.currentData()}
        for row in self._registry.search(self.table_name, self.search.text(), **where):
            items = []
            for f in shown:
                value = str(row.get(f.key) or "")
                if f.kind == "site":
                    value = site_names.get(value, value)
                elif f.kind == "choice":
                    value = next(
                        ((zh if self._lang == "zh" else en) for v, zh, en in f.choices if v == value), value
                    )
                item = QStandardItem(value)
                item.setToolTip(value)
                item.setData(row["id"], ROW_ID)
                items.append(item)
            self.model.appendRow(items)
        self._fill_sites()

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row_id = current.data(ROW_ID)
        self._current_id = row_id
        self.set_values(self._registry.get(self.table_name, row_id))
        self.title.setText(self.tr("Edit"))
        self._show([], "")

    # -- saving ----------------------------------------------------------------------------
    def start_new(self) -> None:
        self._current_id = None
        self.view.clearSelection()
        self.set_values({})
        self.title.setText(self.tr("New entry"))
        self._show([], "")
        first = self.editors[self._fields[0].key]
        first.setFocus()

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._draft_timer.start()
        if self._current_id is None:
            return
        try:  # an existing row: store the field as soon as it is valid
            self._registry.update(self.table_name, self._current_id, {key: self.values()[key]})
            self._show([], self.tr("Saved."))
            self._draft_timer.stop()
            stored = self._registry.get(self.table_name, self._current_id)
            if all(str(stored.get(k) or "") == v for k, v in self.values().items()):
                self._settings.clear_draft(self.draft_key)  # everything typed is stored
            else:
                self.save_draft()  # another field still holds unsaved (invalid) text
            self._update_list_row()
        except ValidationFailed as exc:
            self._show(exc.errors, "")

    def save(self) -> bool:
        """Create the new row (or store every field of the current one); True when stored."""
        try:
            if self._current_id is None:
                self._current_id = self._registry.create(self.table_name, self.values())
            else:
                self._registry.update(self.table_name, self._current_id, self.values())
        except ValidationFailed as exc:
            self._show(exc.errors, "")
            return False
        self._draft_timer.stop()  # what was typed is stored: no draft to keep
        self._settings.clear_draft(self.draft_key)
        saved = self._current_id
        self.refresh()
        self._select(saved)
        self._show([], self.tr("Saved."))
        self.row_saved.emit(saved)
        return True

    def _select(self, row_id: str) -> None:
        for r in range(self.model.rowCount()):
            if self.model.item(r, 0).data(ROW_ID) == row_id:
                self.view.selectRow(r)
                return

    def _update_list_row(self) -> None:
        current = self._current_id
        self.refresh()
        if current:
            self.view.blockSignals(True)
            self._select(current)
            self.view.blockSignals(False)

    def _show(self, errors: list[Any], ok_text: str) -> None:
        bad = {e.field for e in errors}
        for key, editor in self.editors.items():
            editor.setStyleSheet("border: 2px solid #c5221f;" if key in bad else "")
        if errors:
            self.message.setText("⚠ " + "\n⚠ ".join(e.message(self._lang) for e in errors))
            self.message.setStyleSheet("color: #c5221f;")
            self.editors[errors[0].field].setFocus() if errors[0].field in self.editors else None
        else:
            self.message.setText(("✓ " + ok_text) if ok_text else "")
            self.message.setStyleSheet("color: #1e8e3e;")

    # -- drafts ----------------------------------------------------------------------------
    @property
    def draft_key(self) -> str:
        return f"registry:{self.table_name}"

    def save_draft(self) -> None:
        if self._loading:
            return
        self._settings.save_draft(
            self.draft_key, json.dumps({"id": self._current_id, "values": self.values()}, ensure_ascii=False)
        )

    def restore_draft(self) -> bool:
        """Put back what was being typed when the app last stopped; True if there was a draft."""
        text = self._settings.load_draft(self.draft_key)
        if not text:
            return False
        draft = json.loads(text)
        self._current_id = draft.get("id")
        if self._current_id:
            self._select(self._current_id)
        self.set_values(draft.get("values", {}))
        self.title.setText(self.tr("Edit") if self._current_id else self.tr("New entry"))
        self.message.setText("↺ " + self.tr("Recovered what was being typed before the app stopped."))
        self.message.setStyleSheet("color: #e37400;")
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def flush(self) -> None:
        """Save the pending draft now (the window is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()

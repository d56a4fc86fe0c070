"""冲突记录: the records that arrived with the id of a stored record but other content (or
correcting a record that is no longer current). The supervisor compares the two versions field
by field and resolves each — keep the stored record, or ask the inspector for a correction — with
a reason. Nothing stored changes; the decision goes to the audit log
(inspector_app.office.conflicts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.local_time import local
from ui import icons
from ui.tables import fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import ConflictResolving


class ConflictsDialog(QDialog):
    """The conflict queue: a list, the differences of the selected conflict, and its resolution."""

    def __init__(self, office: ConflictResolving, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from inspector_app.office.conflicts import RESOLUTION_LABELS

        self._queue = office.conflict_queue
        self._lang = lang
        self._rows: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(1100, 680)
        intro = QLabel(
            self.tr(
                "These records arrived with the number of a record already stored here but with other "
                "content, or correct a record that is no longer the current one. Both versions are kept; "
                "nothing stored is overwritten. Compare them and say what happens next."
            ),
            wordWrap=True,
        )
        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts too"))
        self.list = table(
            [
                self.tr("State"),
                self.tr("Record no."),
                self.tr("Why"),
                self.tr("Device"),
                self.tr("Received"),
                self.tr("Resolution"),
            ]
        )
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.heading = QLabel(wordWrap=True)
        self.differences = table([self.tr("Field"), self.tr("Stored record"), self.tr("Arriving version")])
        self.differences.setAccessibleName(self.tr("Differences"))
        self.resolution = QComboBox()
        for code, (zh, en) in RESOLUTION_LABELS.items():
            self.resolution.addItem(zh if lang == "zh" else en, code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.message = QLabel(wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Resolution:"), self.resolution)
        form.addRow(self.tr("Reason:"), self.note)
        actions = QHBoxLayout()
        actions.addLayout(form, 1)
        actions.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignBottom)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.differences, 1)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setSizes([260, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.show_resolved)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.list.currentCellChanged.connect(lambda row, *_: self.show_detail(row))
        self.resolve_button.clicked.connect(lambda: self.resolve())
        self.note.returnPressed.connect(lambda: self.resolve())
        self.setFocusProxy(self.list)
        self.refresh()

    def _why(self, reason: str) -> str:
        return {
            "different_content": self.tr("same number, other content"),
            "superseded_not_current": self.tr("corrects a record that is no longer current"),
        }.get(reason, reason)

    def refresh(self, select: tuple[str, str] | None = None) -> None:
        from inspector_app.office.conflicts import RESOLUTION_LABELS

        self._rows = self._queue.list(open_only=not self.show_resolved.isChecked())
        fill(
            self.list,
            [
                [
                    self.tr("Resolved") if r["resolved_at"] else self.tr("Open"),
                    r["record_no"],
                    self._why(r["reason"]),
                    r["device_id"][:8],
                    local(r["received_at"]),
                    (RESOLUTION_LABELS.get(r["resolution"], ("", ""))[0 if self._lang == "zh" else 1])
                    + (f" — {r['note']}" if r["note"] else ""),
                ]
                for r in self._rows
            ],
            [f"{r['id']}/{r['fingerprint']}" for r in self._rows],
        )
        for i, r in enumerate(self._rows):
            item_at(self.list, i, 0).setIcon(
                icons.verdict_icon("pass" if r["resolved_at"] else "inconclusive", 16)
            )
        keys = [(r["id"], r["fingerprint"]) for r in self._rows]
        row = keys.index(select) if select in keys else (0 if keys else -1)
        if row >= 0:
            self.list.selectRow(row)
        self.show_detail(row)

    def current(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def show_detail(self, row: int) -> None:
        conflict = self._rows[row] if 0 <= row < len(self._rows) else None
        open_one = conflict is not None and not conflict["resolved_at"]
        for widget in (self.resolution, self.note, self.resolve_button):
            widget.setEnabled(open_one)
        if conflict is None:
            self.heading.setText(self.tr("No open conflicts.") if self._rows == [] else "")
            fill(self.differences, [])
            return
        detail = self._queue.detail(conflict["id"], conflict["fingerprint"])
        stored = detail["stored"]
        self.heading.setText(
            self.tr("Record %1: the stored record (fingerprint %2…) beside the arriving version (%3…).")
            .replace("%1", conflict["record_no"])
            .replace("%2", stored["fingerprint"][:12] if stored else "—")
            .replace("%3", conflict["fingerprint"][:12])
        )
        fill(self.differences, [[d.path, d.stored, d.arriving] for d in detail["differences"]])
        colour = icons.colour("inconclusive")
        for i in range(self.differences.rowCount()):
            item_at(self.differences, i, 2).setForeground(colour)

    def resolve(self) -> bool:
        """Resolve the selected conflict with the chosen resolution and the reason typed."""
        from inspector_app.services import ValidationFailed

        conflict = self.current()
        if conflict is None or conflict["resolved_at"]:
            return False
        try:
            self._queue.resolve(
                conflict["id"],
                conflict["fingerprint"],
                resolution=str(self.resolution.currentData()),
                note=self.note.text(),
            )
        except ValidationFailed as exc:
            self.message.setText("⚠ " + "；".join(e.message(self._lang) for e in exc.errors))
            self.message.setStyleSheet(f"color: {icons.colour('fail').name()};")
            self.note.setFocus()
            return False
        self.message.setText(self.tr("Conflict of record %1 resolved.").replace("%1", conflict["record_no"]))
        self.message.setStyleSheet(f"color: {icons.colour('pass').name()};")
        self.note.clear()
        self.refresh(select=(conflict["id"], conflict["fingerprint"]))
        self.list.setFocus()
        return True

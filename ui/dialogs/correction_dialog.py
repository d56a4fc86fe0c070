"""Starting a correction (更正): which record it replaces, what the new one copies, and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from inspector_app.local_time import local
from ui import labels


class CorrectionDialog(QDialog):
    """Asks for the reason (required: it is stored, signed and printed); OK starts the draft."""

    def __init__(self, row: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct record %1").replace("%1", str(row["record_no"])))
        what = QLabel(
            self.tr(
                "Record %1 (%2, finalised %3, verdict “%4”) stays as it was signed. A new record "
                "replaces it: it copies the readings, the standards, the measures and both inspectors, "
                "and you correct what was wrong. Its own verdict is decided anew."
            )
            .replace("%1", str(row["record_no"]))
            .replace("%2", labels.form(row["form_id"]))
            .replace("%3", local(row.get("finalised_at")))
            .replace("%4", labels.verdict(row.get("verdict"))),
            wordWrap=True,
        )
        self.reason = QLineEdit(placeholderText=self.tr("e.g. a reading was typed wrong"))
        self.reason.setAccessibleName(self.tr("Reason for the correction"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start the correction"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(QLabel(self.tr("Reason for the correction (printed on the new record):")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def text(self) -> str:
        return self.reason.text().strip()

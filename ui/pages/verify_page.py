"""Verify a record: open a PDF or scan its QR code (a USB scanner types the text and Enter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.messages import verification_line
from ui import icons

if TYPE_CHECKING:
    from inspector_app.services.ports import Verifying

STATUS_VERDICT = {
    "valid": "pass",
    "altered": "fail",
    "revoked": "fail",
    "unknown_signer": "inconclusive",
    "unreadable": "inconclusive",
}


class VerifyPage(QWidget):
    """Shows valid / altered / unknown signer / revoked with colour and an icon, and why."""

    def __init__(self, records: Verifying, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records = records
        self._lang = lang
        intro = QLabel(
            self.tr(
                "Check that a record is authentic and unaltered: open its PDF, or scan "
                "the QR code printed on any page."
            )
        )
        intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open PDF…"))
        self.qr = QLineEdit(placeholderText=self.tr("Scan or paste the QR text, then press Enter"))
        self.qr.setAccessibleName(self.tr("QR text"))
        self.icon = QLabel()
        self.result = QLabel(wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Result"))
        row = QHBoxLayout()
        row.addWidget(self.qr, 1)
        row.addWidget(self.open_button)
        outcome = QHBoxLayout()
        outcome.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        outcome.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addLayout(outcome)
        layout.addStretch(1)
        self.open_button.clicked.connect(lambda: self.verify_file())
        self.qr.returnPressed.connect(lambda: self.verify_qr(self.qr.text()))
        self.setFocusProxy(self.qr)

    def verify_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open record PDF"), "", self.tr("PDF (*.pdf)")
            )
        if not path:
            return
        self._show(self._records.verify_file(path))

    def verify_pdf_bytes(self, data: bytes) -> None:
        self._show(self._records.verify_pdf(data))

    def verify_qr(self, text: str) -> None:
        self._show(self._records.verify_qr(text))
        self.qr.selectAll()

    def _show(self, result: Any) -> None:
        text = verification_line(
            result.status,
            result.reason,
            result.signer,
            result.date,
            result.verdict,
            self._lang,
            details=result.details,
        )
        if result.details.get("detail"):  # why a file could not be opened, from the system
            text += f" ({result.details['detail']})"
        if result.record_no:
            text += "\n" + self.tr("Record no.: %1").replace("%1", result.record_no)
        self._show_text(result.status, text)

    def _show_text(self, status: str, text: str) -> None:
        verdict = STATUS_VERDICT.get(status, "inconclusive")
        self.status = status
        self.icon.setPixmap(icons.verdict_icon(verdict, 48).pixmap(48, 48))
        self.result.setText(text)
        self.result.setStyleSheet(f"font-size: 16px; color: {icons.colour(verdict).name()};")

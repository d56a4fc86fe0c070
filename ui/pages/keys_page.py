"""密钥: this laptop's inspector keys — create one, export its enrolment request for the office,
change its passphrase — and where each stands (not enrolled, request made, enrolled until …).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.pki.fingerprint import grouped
from inspector_app.services import ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import icons
from ui.dialogs.passphrase import ask_passphrase
from ui.tables import fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import IdentityMaking, KeyKeeping, SettingReader

STATE_VERDICT = {"enrolled": "pass", "requested": "inconclusive", "not_enrolled": "incomplete"}


class KeyDialog(QDialog):
    """Name, ID number, office and the passphrase twice, for a new key."""

    def __init__(self, defaults: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a key"))
        self.name = QLineEdit(defaults.get("name", ""))
        self.id_number = QLineEdit(defaults.get("id_number", ""))
        self.office = QLineEdit(defaults.get("office", ""))
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(f"color: {icons.colour('fail').name()};")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Enforcement ID"), self.id_number)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Passphrase (8 characters or more)"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)


class KeysPage(QWidget):
    """The keys of this laptop and the three things one does with them."""

    def __init__(
        self,
        keys: KeyKeeping,
        records: IdentityMaking,
        settings: SettingReader,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = keys
        self._records = records
        self._settings = settings
        self._lang = lang
        intro = QLabel(
            self.tr(
                "Your key signs every record you finalise. The office enrols it from an enrolment "
                "request (a file you take to the office); records signed before enrolment stay valid."
            )
        )
        intro.setWordWrap(True)
        self.view = table(
            [
                self.tr("Name"),
                self.tr("Enforcement ID"),
                self.tr("Office"),
                self.tr("Key fingerprint"),
                self.tr("Enrolment"),
            ]
        )
        self.view.setAccessibleName(self.tr("Keys"))
        self.create_button = QPushButton(self.tr("Create key…"))
        self.request_button = QPushButton(self.tr("Export enrolment request…"))
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        row = QHBoxLayout()
        for button in (self.create_button, self.request_button, self.passphrase_button):
            row.addWidget(button)
        row.addStretch(1)
        self.message = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.create_button.clicked.connect(lambda: self.create_key())
        self.request_button.clicked.connect(lambda: self.export_request())
        self.passphrase_button.clicked.connect(lambda: self.change_passphrase())
        self.setFocusProxy(self.view)
        self.refresh()

    def refresh(self) -> None:
        rows = self._keys.status()
        supervisor = " (" + self.tr("supervisor") + ")"
        states = {
            "enrolled": self.tr("Enrolled until %1"),
            "requested": self.tr("Request exported, waiting for the office"),
            "not_enrolled": self.tr("Not enrolled"),
        }
        fill(
            self.view,
            [
                [
                    r["name"],
                    r["id_number"],
                    r["office"],
                    grouped(r["cert_sha256"])[:19],
                    states[r["state"]].replace("%1", r["enrolled_until"])
                    + (supervisor if r["role"] == "supervisor" else ""),
                ]
                for r in rows
            ],
            [r["id"] for r in rows],
        )
        for r, info in enumerate(rows):
            item_at(self.view, r, 4).setIcon(icons.verdict_icon(STATE_VERDICT[info["state"]], 16))
        has_key = bool(rows)
        self.request_button.setEnabled(has_key)
        self.passphrase_button.setEnabled(has_key)
        if rows and self.view.currentRow() < 0:
            self.view.selectRow(0)

    def _selected(self) -> str | None:
        item = self.view.item(self.view.currentRow(), 0) if self.view.currentRow() >= 0 else None
        from ui.tables import RECORD_ID

        return None if item is None else str(item.data(RECORD_ID))

    def _say(self, text: str, state: str = "pass") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {icons.colour(state).name()};")

    def create_key(self, values: dict[str, str] | None = None) -> bool:
        """Ask for the details (or take ``values``) and make a key; True when made."""
        if values is None:
            dialog = KeyDialog(
                {
                    "name": self._settings.get("inspector_name"),
                    "id_number": self._settings.get("inspector_id"),
                    "office": self._settings.get("office"),
                },
                self,
            )
            while True:
                if not dialog.exec():
                    return False
                if dialog.passphrase.text() != dialog.again.text():
                    dialog.error.setText(self.tr("The two passphrases differ."))
                    continue
                values = {
                    "name": dialog.name.text(),
                    "id_number": dialog.id_number.text(),
                    "office": dialog.office.text(),
                    "passphrase": dialog.passphrase.text(),
                }
                try:
                    self._records.create_identity(**values)
                except ValidationFailed as exc:
                    dialog.error.setText("\n".join(e.message(self._lang) for e in exc.errors))
                    continue
                break
        else:
            try:
                self._records.create_identity(**values)
            except ValidationFailed as exc:
                self._say("⚠ " + "；".join(e.message(self._lang) for e in exc.errors), "fail")
                return False
        self._say(self.tr("Key created. Export its enrolment request and take it to the office."))
        self.refresh()
        return True

    def export_request(self, path: str | None = None, passphrase: str | None = None) -> Path | None:
        """Write the selected key's enrolment request (.csr) for the office."""
        identity = self._selected()
        if identity is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the enrolment request"),
                "enrolment-request.csr",
                self.tr("Request (*.csr)"),
            )
        if not path:
            return None
        if passphrase is None:
            passphrase = ask_passphrase(self, self.tr("Sign the request"), self.tr("Passphrase of this key:"))
        if passphrase is None:
            return None
        try:
            pem = self._keys.request(passphrase, identity_id=identity)
            Path(path).write_text(pem, encoding="ascii")
        except WrongPassphrase:
            self._say(self.tr("Wrong passphrase; no request was written."), "fail")
            return None
        except OSError as exc:
            self._say("⚠ " + f"{path}: {exc.strerror or type(exc).__name__}", "fail")
            return None
        self._say(
            self.tr(
                "Enrolment request written to %1. Take it to the office; it also travels with your "
                "next bundle."
            ).replace("%1", str(path))
        )
        self.refresh()
        return Path(path)

    def change_passphrase(
        self, old: str | None = None, new: str | None = None, again: str | None = None
    ) -> bool:
        identity = self._selected()
        if identity is None:
            return False
        if old is None:
            old = ask_passphrase(self, self.tr("Change passphrase"), self.tr("Current passphrase:"))
            if old is None:
                return False
        if new is None:
            new = ask_passphrase(
                self, self.tr("Change passphrase"), self.tr("New passphrase (8 characters or more):")
            )
            if new is None:
                return False
            again = ask_passphrase(self, self.tr("Change passphrase"), self.tr("New passphrase again:"))
            if again is None:
                return False
        if again is not None and again != new:
            self._say(self.tr("The two passphrases differ; nothing was changed."), "fail")
            return False
        try:
            self._keys.change_passphrase(old, new, identity_id=identity)
        except WrongPassphrase:
            self._say(self.tr("Wrong passphrase; nothing was changed."), "fail")
            return False
        except ValidationFailed as exc:
            self._say("⚠ " + "；".join(e.message(self._lang) for e in exc.errors), "fail")
            return False
        self._say(self.tr("Passphrase changed. The key itself is the same; records stay valid."))
        return True

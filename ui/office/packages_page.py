"""回传包: the devices this office knows — their bundles, acknowledgements and packages — and
making a device's next return package (trust list, tasks, review decisions, acknowledgement)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector_app.local_time import local
from inspector_app.services import ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import icons
from ui.dialogs.passphrase import ask_passphrase
from ui.tables import RECORD_ID, fill, table

if TYPE_CHECKING:
    from inspector_app.services.ports import Packaging


class PackagesPage(QWidget):
    """One row per device; a package for the selected one."""

    def __init__(self, office: Packaging, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._lang = lang
        self.devices = table(
            [
                self.tr("Device"),
                self.tr("Inspectors"),
                self.tr("Last bundle no."),
                self.tr("Acknowledged"),
                self.tr("Records"),
                self.tr("Last package no."),
                self.tr("Last bundle received"),
            ]
        )
        self.devices.setAccessibleName(self.tr("Devices"))
        self.devices.activated.connect(lambda _index: self.make_package())
        self.make_button = QPushButton(self.tr("Make package…"))
        self.conflicts = QLabel(wordWrap=True)
        self.conflicts_button = QPushButton(self.tr("Conflicts…"))
        row = QHBoxLayout()
        row.addWidget(self.conflicts, 1)
        row.addWidget(self.conflicts_button)
        row.addWidget(self.make_button)
        self.message = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.devices, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.make_button.clicked.connect(lambda: self.make_package())
        self.conflicts_button.clicked.connect(lambda: self.open_conflicts())
        self.setFocusProxy(self.devices)
        self.refresh()

    def refresh(self) -> None:
        devices = self._office.devices()
        own = " (" + self.tr("this office") + ")"
        fill(
            self.devices,
            [
                [
                    d["device_id"],
                    (d["inspectors"] or "") + (own if d["own"] else ""),
                    str(d["last_seq"] or "—"),
                    str(d["acknowledged_seq"] or "—"),
                    str(d["records"]),
                    str(d["last_package"] or "—"),
                    local(d["last_bundle_at"]),
                ]
                for d in devices
            ],
            [d["device_id"] for d in devices],
        )
        if devices and self.devices.currentRow() < 0:
            self.devices.selectRow(0)
        queued = len(self._office.conflicts())
        self.conflicts.setText(
            self.tr("Conflict queue: %1 record(s) for a supervisor.").replace("%1", str(queued))
            if queued
            else self.tr("No conflicts.")
        )
        self.conflicts.setStyleSheet(f"color: {icons.colour('inconclusive' if queued else 'pass').name()};")
        self.make_button.setEnabled(bool(devices))

    def open_conflicts(self, *, modal: bool = True) -> Any:
        """The conflict queue: compare each conflict's two versions and resolve it."""
        from ui.office.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self._office, self._lang, self)
        dialog.finished.connect(lambda _result: self.refresh())
        if modal:
            dialog.exec()
        else:
            dialog.show()
        return dialog

    def make_package(self, folder: str | None = None, passphrase: str | None = None) -> Path | None:
        item = self.devices.item(self.devices.currentRow(), 0) if self.devices.currentRow() >= 0 else None
        if item is None:
            return None
        device = str(item.data(RECORD_ID))
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Write the package to (e.g. a USB stick)")
            )
        if not folder:
            return None
        if passphrase is None:
            passphrase = ask_passphrase(
                self, self.tr("Office root key"), self.tr("Passphrase of the office root key:")
            )
        if passphrase is None:
            return None
        try:
            made = self._office.make_package(device, Path(folder), root=self._office.unlock(passphrase))
        except WrongPassphrase:
            self.message.setText(self.tr("Wrong passphrase; no package was made."))
            self.message.setStyleSheet(f"color: {icons.colour('fail').name()};")
            return None
        except ValidationFailed as exc:
            self.message.setText("⚠ " + "；".join(e.message(self._lang) for e in exc.errors))
            self.message.setStyleSheet(f"color: {icons.colour('fail').name()};")
            return None
        self.message.setText(
            self.tr(
                "Package no. %1 written: %2 (%3 task(s), %4 review decision(s), acknowledges bundle no. %5)."
            )
            .replace("%1", str(made["number"]))
            .replace("%2", str(made["package"]))
            .replace("%3", str(made["tasks"]))
            .replace("%4", str(made["decisions"]))
            .replace("%5", str(made["acknowledged_seq"]))
        )
        self.message.setStyleSheet(f"color: {icons.colour('pass').name()};")
        self.refresh()
        return Path(made["package"])

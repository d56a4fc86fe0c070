"""登记: enrol laptops' and supervisors' keys from their requests, see what the root issued, and
revoke a certificate (a lost laptop, someone who left). Each act of the root asks its passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.pki.fingerprint import grouped
from inspector_app.services import ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import icons
from ui.dialogs.passphrase import ask_passphrase
from ui.tables import RECORD_ID, fill, item_at, table

if TYPE_CHECKING:
    from inspector_app.services.ports import Enrolling


class EnrolPage(QWidget):
    """Requests waiting, certificates issued, the trust list's version."""

    def __init__(self, office: Enrolling, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._lang = lang
        self.trust = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.requests = table(
            [
                self.tr("Name"),
                self.tr("Enforcement ID"),
                self.tr("Device"),
                self.tr("Received"),
                self.tr("From"),
            ],
            empty=self.tr("No enrolment request is waiting: they come in the laptops' bundles."),
        )
        self.requests.setAccessibleName(self.tr("Enrolment requests waiting"))
        self.role = QComboBox()
        self.role.addItem(self.tr("Inspector"), "inspector")
        self.role.addItem(self.tr("Supervisor"), "supervisor")
        self.role.setAccessibleName(self.tr("Role"))
        self.enrol_button = QPushButton(self.tr("Enrol selected"))
        self.open_button = QPushButton(self.tr("Enrol from a request file…"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Role")))
        row.addWidget(self.role)
        row.addWidget(self.enrol_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        waiting = QGroupBox(self.tr("Enrolment requests waiting"))
        waiting_layout = QVBoxLayout(waiting)
        self.none_waiting = QLabel(
            self.tr(
                "No requests waiting. A laptop's request comes as a .csr file (Enrol from a request "
                "file…) or inside a bundle from an enrolled laptop."
            ),
            wordWrap=True,
        )
        waiting_layout.addWidget(self.none_waiting)
        waiting_layout.addWidget(self.requests)
        waiting_layout.addLayout(row)
        self.issued = table(
            [
                self.tr("Holder"),
                self.tr("Role"),
                self.tr("Device"),
                self.tr("Valid until"),
                self.tr("Status"),
                self.tr("Certificate fingerprint"),
            ]
        )
        self.issued.setAccessibleName(self.tr("Certificates issued"))
        self.revoke_button = QPushButton(self.tr("Revoke selected…"))
        issued_box = QGroupBox(self.tr("Certificates issued"))
        issued_layout = QVBoxLayout(issued_box)
        issued_layout.addWidget(self.issued)
        issued_layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        self.message = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.trust)
        layout.addWidget(waiting, 1)
        layout.addWidget(issued_box, 1)
        layout.addWidget(self.message)
        self.enrol_button.clicked.connect(lambda: self.enrol_selected())
        self.open_button.clicked.connect(lambda: self.enrol_file())
        self.revoke_button.clicked.connect(lambda: self.revoke_selected())
        self.setFocusProxy(self.requests)
        self.refresh()

    def refresh(self) -> None:
        info = self._office.info()
        self.trust.setText(
            self.tr("Root fingerprint: %1\nTrust list version %2, valid until %3")
            .replace("%1", grouped(info["root_sha256"]))
            .replace("%2", str(info["trust_list_version"]))
            .replace("%3", info["trust_list_expires_at"][:10])
        )
        pending = self._office.requests(status="pending")
        sources = {"bundle": self.tr("bundle"), "file": self.tr("file")}
        fill(
            self.requests,
            [
                [
                    r["name"],
                    r["id_number"],
                    r["device_id"][:8],
                    r["received_at"][:10],
                    sources.get(r["source"], ""),
                ]
                for r in pending
            ],
            [r["key_sha256"] for r in pending],
        )
        self._pending = {r["key_sha256"]: r for r in pending}
        issued = self._office.certificates()
        roles = {"inspector": self.tr("Inspector"), "supervisor": self.tr("Supervisor")}
        fill(
            self.issued,
            [
                [
                    c["subject"],
                    roles.get(c["role"], c["role"]),
                    c["device_id"][:8],
                    c["not_after"][:10],
                    self.tr("Revoked %1").replace("%1", c["revoked_at"][:10])
                    if c["revoked_at"]
                    else self.tr("Valid"),
                    grouped(c["cert_sha256"])[:19],
                ]
                for c in issued
            ],
            [c["cert_sha256"] for c in issued],
        )
        for i, c in enumerate(issued):
            item_at(self.issued, i, 4).setIcon(icons.verdict_icon("fail" if c["revoked_at"] else "pass", 16))
        self.enrol_button.setEnabled(bool(pending))
        self.none_waiting.setVisible(not pending)

    def _say(self, text: str, state: str = "pass") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {icons.colour(state).name()};")

    def _root(self, passphrase: str | None) -> Any:
        if passphrase is None:
            passphrase = ask_passphrase(
                self, self.tr("Office root key"), self.tr("Passphrase of the office root key:")
            )
        if passphrase is None:
            return None
        try:
            return self._office.unlock(passphrase)
        except WrongPassphrase:
            self._say(self.tr("Wrong passphrase; nothing was changed."), "fail")
            return None

    def _enrol(self, request: Any, passphrase: str | None) -> bool:
        root = self._root(passphrase)
        if root is None:
            return False
        try:
            issued = self._office.enrol(request, role=self.role.currentData(), root=root)
        except ValidationFailed as exc:
            self._say("⚠ " + "；".join(e.message(self._lang) for e in exc.errors), "fail")
            return False
        self._say(
            self.tr("%1 enrolled until %2; trust list version %3. Make this laptop's package next.")
            .replace("%1", issued.subject)
            .replace("%2", issued.not_after[:10])
            .replace("%3", str(issued.trust_list_version))
        )
        self.refresh()
        return True

    def enrol_selected(self, passphrase: str | None = None) -> bool:
        item = self.requests.item(self.requests.currentRow(), 0) if self.requests.currentRow() >= 0 else None
        if item is None:
            return False
        row = self._pending[str(item.data(RECORD_ID))]
        return self._enrol(self._office.read_request(row["pem"].encode("ascii")), passphrase)

    def enrol_file(self, path: str | None = None, passphrase: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Enrolment request"), "", self.tr("Request (*.csr *.pem)")
            )
        if not path:
            return False
        try:
            request = self._office.read_request(Path(path).read_bytes()[: 64 * 1024])
        except OSError as exc:
            self._say("⚠ " + f"{path}: {exc.strerror or type(exc).__name__}", "fail")
            return False
        except ValidationFailed as exc:
            self._say("⚠ " + "；".join(e.message(self._lang) for e in exc.errors), "fail")
            return False
        return self._enrol(request, passphrase)

    def revoke_selected(self, reason: str | None = None, passphrase: str | None = None) -> bool:
        item = self.issued.item(self.issued.currentRow(), 0) if self.issued.currentRow() >= 0 else None
        if item is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Revoke"), self.tr("Reason (e.g. laptop lost, left the office):")
            )
            if not ok:
                return False
        root = self._root(passphrase)
        if root is None:
            return False
        try:
            version = self._office.revoke(str(item.data(RECORD_ID)), reason=reason, root=root)
        except ValidationFailed as exc:
            self._say("⚠ " + "；".join(e.message(self._lang) for e in exc.errors), "fail")
            return False
        self._say(
            self.tr("Revoked from now; trust list version %1 goes out with the next packages.").replace(
                "%1", str(version)
            ),
            "inconclusive",
        )
        self.refresh()
        return True

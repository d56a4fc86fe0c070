"""Start an inspection: the site, then its instrument (the procedure follows) or a product lot,
the control type, and the standards used (an expired one is refused with its date)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms import FORM_IDS
from inspector_app.services import ValidationFailed
from ui import labels


class NewInspectionDialog(QDialog):
    def __init__(self, services: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.lang = lang
        self.created: str | None = None
        self.setWindowTitle(self.tr("New inspection"))
        self.resize(640, 560)
        self.site = QComboBox(accessibleName=self.tr("Site"))
        for site in services.registry.search("sites", limit=5000, order_by="name"):
            self.site.addItem(site["name"], site["id"])
        self.instrument = QComboBox(accessibleName=self.tr("Instrument"))
        self.form = QComboBox(accessibleName=self.tr("Procedure"))
        for form_id in FORM_IDS:
            self.form.addItem(labels.form(form_id), form_id)
        self.control = QComboBox(accessibleName=self.tr("Control"))
        self.control.addItem(self.tr("In-service inspection"), "in_service")
        self.control.addItem(self.tr("Verification"), "verification")
        self.product = QLineEdit(accessibleName=self.tr("Product"))
        self.nominal = QLineEdit(accessibleName=self.tr("Nominal quantity"))
        self.lot_size = QLineEdit(accessibleName=self.tr("Lot size"))
        self.standards = QListWidget()
        self.standards.setAccessibleName(self.tr("Standards used"))
        valid_until = self.tr("valid until")
        for s in services.registry.search("standards", limit=5000, order_by="name"):
            item = QListWidgetItem(f"{s['name']}  {s['serial']}  ({valid_until} {s['cert_expiry']})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, s["id"])
            self.standards.addItem(item)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #c5221f;")
        form = QFormLayout()
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Instrument"), self.instrument)
        form.addRow(self.tr("Procedure"), self.form)
        form.addRow(self.tr("Control"), self.control)
        form.addRow(self.tr("Product (net content)"), self.product)
        form.addRow(self.tr("Nominal quantity"), self.nominal)
        form.addRow(self.tr("Lot size"), self.lot_size)
        form.addRow(self.tr("Standards used"), self.standards)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.form.currentIndexChanged.connect(self._form_changed)
        self._site_changed()

    def _site_changed(self) -> None:
        self.instrument.clear()
        self.instrument.addItem(self.tr("(none: a product lot)"), "")
        for inst in self.services.registry.search(
            "instruments", site_id=self.site.currentData() or "", limit=1000, order_by="serial"
        ):
            self.instrument.addItem(
                f"{labels.form(inst['kind'])} {inst['maker']} {inst['serial']}",
                json.dumps({"id": inst["id"], "kind": inst["kind"]}),
            )
        self.instrument.setCurrentIndex(1 if self.instrument.count() > 1 else 0)
        self._instrument_changed()

    def _instrument_changed(self) -> None:
        data = self.instrument.currentData()
        if data:
            self.form.setCurrentIndex(self.form.findData(json.loads(data)["kind"]))
        else:
            self.form.setCurrentIndex(self.form.findData("net_content"))
        self._form_changed()

    def _form_changed(self) -> None:
        lot = self.form.currentData() == "net_content"
        for w in (self.product, self.nominal, self.lot_size):
            w.setEnabled(lot)

    def chosen_standards(self) -> tuple[str, ...]:
        return tuple(
            self.standards.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.standards.count())
            if self.standards.item(i).checkState() == Qt.CheckState.Checked
        )

    def create(self) -> str | None:
        """Start the draft; on refusal the message names the field and why. Returns the id."""
        data = self.instrument.currentData()
        instrument = json.loads(data)["id"] if data else None
        lot = None
        if self.form.currentData() == "net_content":
            lot = {
                "product": self.product.text().strip(),
                "nominal_text": self.nominal.text().strip(),
                "lot_size": self.lot_size.text().strip(),
            }
            instrument = None
        try:
            self.created = self.services.inspections.start(
                form_id=self.form.currentData(),
                site_id=self.site.currentData() or "",
                instrument_id=instrument,
                control=self.control.currentData(),
                lot=lot,
                standard_ids=self.chosen_standards(),
            )
        except ValidationFailed as exc:
            self.message.setText("\n".join("⚠ " + e.message(self.lang) for e in exc.errors))
            return None
        self.accept()
        return self.created

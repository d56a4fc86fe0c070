"""Start an inspection: the site, then its instrument (the procedure follows) or a product lot,
the control type, and the standards used (an expired one is refused with its date)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forms import catalogue, form_ids, load_definition
from inspector_app.services import ValidationFailed
from ui import labels
from ui.screen import initial_size
from ui.widgets import named

if TYPE_CHECKING:
    from inspector_app.services.ports import StartingServices


class NewInspectionDialog(QDialog):
    def __init__(self, services: StartingServices, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.lang = lang
        self.created: str | None = None
        self.setWindowTitle(self.tr("New inspection"))
        self.resize(*initial_size(640, 560))
        self.site = named(QComboBox(), self.tr("Site"))
        for site in services.registry.search("sites", limit=5000, order_by="name"):
            self.site.addItem(site["name"], site["id"])
        self.instrument = named(QComboBox(), self.tr("Instrument"))
        self.form = named(QComboBox(), self.tr("Procedure"))
        for form_id in form_ids():
            self.form.addItem(labels.form(form_id), form_id)
        self.control = named(QComboBox(), self.tr("Control"))
        self.control.addItem(self.tr("In-service inspection"), "in_service")
        self.control.addItem(self.tr("Verification"), "verification")
        self.product = named(QLineEdit(), self.tr("Product"))
        self.nominal = named(QLineEdit(), self.tr("Nominal quantity"))
        self.quantity = named(QComboBox(), self.tr("Quantity"))
        net = load_definition("net_content").fields["quantity"]
        for choice in net.choices:  # 质量 (g), 体积 (mL), …: the unit of the nominal quantity
            self.quantity.addItem(choice.zh if lang == "zh" else choice.en, choice.value)
        self.lot_size = named(QLineEdit(), self.tr("Lot size"))
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
        self.add_site_button = QPushButton(self.tr("Add site…"))
        self.add_instrument_button = QPushButton(self.tr("Add instrument…"))
        self.add_site_button.clicked.connect(lambda: self.add_to_registry("sites"))
        self.add_instrument_button.clicked.connect(lambda: self.add_to_registry("instruments"))
        site_row = QHBoxLayout()
        site_row.addWidget(self.site, 1)
        site_row.addWidget(self.add_site_button)
        instrument_row = QHBoxLayout()
        instrument_row.addWidget(self.instrument, 1)
        instrument_row.addWidget(self.add_instrument_button)
        form = QFormLayout()
        form.addRow(self.tr("Site"), site_row)
        form.addRow(self.tr("Instrument"), instrument_row)
        form.addRow(self.tr("Procedure"), self.form)
        form.addRow(self.tr("Control"), self.control)
        form.addRow(self.tr("Product (net content)"), self.product)
        nominal_row = QHBoxLayout()
        nominal_row.addWidget(self.nominal, 1)
        nominal_row.addWidget(self.quantity)
        form.addRow(self.tr("Nominal quantity"), nominal_row)
        form.addRow(self.tr("Lot size"), self.lot_size)
        form.addRow(self.tr("Standards used"), self.standards)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create_inspection)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.form.currentIndexChanged.connect(self._form_changed)
        self._site_changed()

    def add_to_registry(self, table: str, *, modal: bool = True) -> Any:
        """Add a site or an instrument without leaving the dialog; the new one is selected."""
        from ui.pages.registry_page import RegistryPage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Add to the registry"))
        dialog.resize(*initial_size(900, 560))
        page = RegistryPage(table, self.services.registry, self.services.settings, self.lang)
        page.start_new()
        if table == "instruments" and self.site.currentData():
            editor = page.editors["site_id"]
            editor.setCurrentIndex(max(0, editor.findData(self.site.currentData())))  # type: ignore[attr-defined]
        QVBoxLayout(dialog).addWidget(page)
        page.row_saved.connect(lambda row_id: self._added(table, row_id, dialog))
        if modal:
            dialog.exec()
        return page

    def _added(self, table: str, row_id: str, dialog: QDialog) -> None:
        if table == "sites":
            site = self.services.registry.get("sites", row_id)
            self.site.addItem(site["name"], site["id"])
            self.site.setCurrentIndex(self.site.count() - 1)
        else:
            inst = self.services.registry.get("instruments", row_id)
            self.site.setCurrentIndex(max(0, self.site.findData(inst["site_id"])))
            self._site_changed()
            for i in range(self.instrument.count()):
                data = self.instrument.itemData(i)
                if data and json.loads(data)["id"] == row_id:
                    self.instrument.setCurrentIndex(i)
        dialog.accept()

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
        else:  # no instrument: the first procedure made on a product lot
            lots = [p.id for p in catalogue.procedures().values() if p.subject == "product_lot"]
            self.form.setCurrentIndex(self.form.findData(lots[0]) if lots else -1)
        self._form_changed()

    def is_lot(self) -> bool:
        """Whether the chosen procedure checks a product lot (its definition says), not an instrument."""
        found = catalogue.procedure(self.form.currentData() or "")
        return found is not None and found.subject == "product_lot"

    def _form_changed(self) -> None:
        lot = self.is_lot()
        for w in (self.product, self.nominal, self.quantity, self.lot_size):
            w.setEnabled(lot)

    def chosen_standards(self) -> tuple[str, ...]:
        return tuple(
            self.standards.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.standards.count())
            if self.standards.item(i).checkState() == Qt.CheckState.Checked
        )

    def create_inspection(self) -> str | None:
        """Start the draft; on refusal the message names the field and why. Returns the id."""
        data = self.instrument.currentData()
        instrument = json.loads(data)["id"] if data else None
        lot = None
        readings: dict[str, str] = {}
        if self.is_lot():
            # The lot typed here is the 检验批 step's readings, not a second copy of them.
            nominal, size = self.nominal.text().strip(), self.lot_size.text().strip()
            unit = self.quantity.currentText().rpartition("(")[2].rstrip(")")
            lot = {
                "product": self.product.text().strip(),
                "nominal_text": f"{nominal} {unit}" if nominal else "",
            }
            lot["lot_size"] = size
            readings = {"quantity": self.quantity.currentData(), "nominal": nominal, "lot_size": size}
            readings = {path: value for path, value in readings.items() if value}
            instrument = None
        try:
            self.services.inspections.check_readings(self.form.currentData(), readings)
            self.created = self.services.inspections.start(
                form_id=self.form.currentData(),
                site_id=self.site.currentData() or "",
                instrument_id=instrument,
                control=self.control.currentData(),
                lot=lot,
                standard_ids=self.chosen_standards(),
                readings=readings or None,
            )
        except ValidationFailed as exc:
            self.message.setText("\n".join("⚠ " + e.message(self.lang) for e in exc.errors))
            return None
        self.accept()
        return self.created

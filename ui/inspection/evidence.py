"""Evidence and signatures on screen: photos from files (the camera when Qt Multimedia is
installed), the handwritten signatures (mouse, pen or finger) of both enforcement officers (the law
asks for two; each signs their own box) and of the site representative, or the reason the site
refused to sign. Stored through the inspection service with their SHA-256, which the signed record
lists.

A drawn pad is a signature: each stroke is stored as it ends (nothing drawn is left for a
"save" nobody pressed), and a stored signature is shown in its pad when the draft is reopened.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import RecordFrozen, ValidationFailed

if TYPE_CHECKING:
    from inspector_app.services.ports import EvidenceServices

CAMERA_AVAILABLE = importlib.util.find_spec("PySide6.QtMultimedia") is not None
# In the order they are on screen and on paper: the lead officer, the second officer, the site.
# An attachment "signature_X" is printed in the record's box "X" (pdf.render).
SIGNATURES = ("signature_inspector", "signature_partner", "signature_site")


class SignaturePad(QWidget):
    """Draws strokes from a mouse, a pen (tablet events) or a finger (touch becomes mouse) over
    the signature already stored, if any; `stroked` when a stroke ends."""

    stroked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(260, 110)  # three side by side fit a 1366-pixel screen
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.paths: list[QPainterPath] = []
        self.stored: QImage | None = None  # the signature as stored (drawn over, kept whole)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        return not self.paths and self.stored is None

    def clear(self) -> None:
        self.paths.clear()
        self.stored = None
        self.update()

    def show_stored(self, png: bytes | None) -> None:
        """Show a stored signature (and forget strokes already part of it)."""
        self.paths.clear()
        self.stored = QImage.fromData(png) if png else None
        self.update()

    def _start(self, point: QPointF) -> None:
        self.paths.append(QPainterPath(point))

    def _extend(self, point: QPointF) -> None:
        if self.paths:
            self.paths[-1].lineTo(point)
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())
        self.stroked.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._start(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        else:
            self._extend(event.position())
            self.stroked.emit()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white" if self.isEnabled() else "#f1f3f4"))
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(10, self.height() - 20, self.width() - 10, self.height() - 20)
        self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        if self.stored is not None:
            painter.drawImage(0, 0, self.stored)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(
            QColor("#202124"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
        painter.setPen(pen)
        for path in self.paths:
            painter.drawPath(path)

    def to_png(self) -> bytes:
        """The stored signature and the new strokes on a transparent background, as PNG bytes."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # a QIODevice is taken; the stub lacks it
        return bytes(data.data())


class EvidencePanel(QWidget):
    """Photos and the three signatures for one draft; every action stores at once."""

    refusal_changed = Signal(str)

    def __init__(
        self, services: EvidenceServices, inspection_id: str, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.inspection_id = inspection_id
        self.lang = lang
        self.photos = QListWidget()
        self.photos.setAccessibleName(self.tr("Evidence photos"))
        self.photos.setMaximumHeight(90)
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.setEnabled(CAMERA_AVAILABLE)
        if not CAMERA_AVAILABLE:
            self.camera_button.setToolTip(
                self.tr("The camera needs Qt Multimedia, which this installation lacks.")
            )
        self.pads = {kind: SignaturePad() for kind in SIGNATURES}
        self.pad_states = {kind: QLabel() for kind in SIGNATURES}
        self.clear_buttons: dict[str, QPushButton] = {}
        self.refusal = QLineEdit(placeholderText=self.tr("If the site refuses to sign: the reason"))
        self.refusal.setAccessibleName(self.tr("Reason the site refused to sign"))
        self.message = QLabel(wordWrap=True)
        grid = QGridLayout()
        self.titles = {kind: QLabel(wordWrap=True) for kind in SIGNATURES}
        self.officers: list[str] = []
        for column, kind in enumerate(SIGNATURES):
            pad = self.pads[kind]
            grid.addWidget(self.titles[kind], 0, column)
            grid.addWidget(pad, 1, column)
            grid.setColumnStretch(column, 1)
            clear = QPushButton(self.tr("Clear"))
            clear.clicked.connect(lambda _=False, k=kind: self.clear_signature(k))
            pad.stroked.connect(lambda k=kind: self.save_signature(k))
            self.clear_buttons[kind] = clear
            row = QHBoxLayout()
            row.addWidget(self.pad_states[kind], 1)
            row.addWidget(clear)
            grid.addLayout(row, 2, column)
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.photos, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(self.camera_button)
        photos_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Evidence photos")))
        layout.addLayout(photos_row)
        layout.addLayout(grid)
        layout.addWidget(self.refusal)
        layout.addWidget(self.message)
        self.add_photo_button.clicked.connect(lambda: self.add_photo())
        self.refusal.editingFinished.connect(lambda: self.refusal_changed.emit(self.refusal.text().strip()))
        self.show_officers([])
        self.refresh()

    def show_officers(self, officers: list[str]) -> None:
        """Name each officer over their own pad (the lead first). The second officer's pad waits
        for a second officer to be named: a signature belongs to a named person."""
        self.officers = list(officers)
        second = officers[1] if len(officers) > 1 else ""
        boxes = {
            "signature_inspector": self.tr("Inspector (1) signature"),
            "signature_partner": self.tr("Inspector (2) signature"),
            "signature_site": self.tr("Site representative signature"),
        }
        names = {
            "signature_inspector": officers[0] if officers else "",
            "signature_partner": second or self.tr("name the second inspector above first"),
        }
        for kind, box in boxes.items():
            name = names.get(kind)
            title = self.tr("%1: %2").replace("%1", box).replace("%2", name) if name else box
            self.titles[kind].setText(title)
            self.pads[kind].setAccessibleName(title)
            self.clear_buttons[kind].setAccessibleName(self.tr("Clear %1").replace("%1", box))
        # Nobody to sign the second box yet: it takes no strokes (one stored is still shown).
        self.pads["signature_partner"].setEnabled(bool(second))

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in the order they are on screen, for the summary's Tab order."""
        chain: list[QWidget] = [self.photos, self.add_photo_button, self.camera_button]
        for kind in SIGNATURES:
            chain.append(self.clear_buttons[kind])
        chain.append(self.refusal)
        return [w for w in chain if w.isEnabled()]

    def refresh(self) -> None:
        """Photos in the list; each stored signature in its pad (signatures are not photos)."""
        self.photos.clear()
        photo = self.tr("Photo")
        stored: dict[str, bytes] = {}
        for row in self.services.inspections.attachments(self.inspection_id):
            if row["kind"] == "photo":
                self.photos.addItem(f"{photo}  SHA-256 {row['sha256'][:16]}…")
            elif row["kind"] in SIGNATURES:
                stored[row["kind"]] = self.services.inspections.attachment_data(self.inspection_id, row["id"])
        for kind in SIGNATURES:
            if not self.pads[kind].paths:
                self.pads[kind].show_stored(stored.get(kind))
            self._state(kind, kind in stored)

    def _state(self, kind: str, saved: bool) -> None:
        label = self.pad_states[kind]
        label.setText("✓ " + self.tr("Signed and saved") if saved else self.tr("Not signed yet"))
        label.setStyleSheet("color: #1e8e3e;" if saved else "color: #5f6368;")

    def _store(self, kind: str, data: bytes, mime: str) -> bool:
        try:
            self.services.inspections.attach(self.inspection_id, kind, data, mime)
        except ValidationFailed as exc:
            self.message.setText("⚠ " + exc.errors[0].message(self.lang))
            return False
        except RecordFrozen:
            self.message.setText(self.tr("This inspection is finalised and can no longer change."))
            return False
        self.message.setText("✓ " + self.tr("Saved."))
        self.refresh()
        return True

    def add_photo(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Add photo"), "", self.tr("Images (*.jpg *.jpeg *.png)")
            )
        if not path:
            return False
        suffix = Path(path).suffix.lower()
        mime = "image/png" if suffix == ".png" else "image/jpeg" if suffix in (".jpg", ".jpeg") else "?"
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.message.setText(f"⚠ {path}: {exc.strerror}")
            return False
        return self._store("photo", data, mime)

    def save_signature(self, kind: str) -> bool:
        """Store what the pad shows (a stroke just ended, or before finalising)."""
        pad = self.pads[kind]
        if pad.is_empty():
            self.message.setText("⚠ " + self.tr("Sign in the box first."))
            return False
        data = pad.to_png()
        if not self._store(kind, data, "image/png"):
            return False
        pad.show_stored(data)  # the strokes are now part of the stored signature
        return True

    def save_drawn(self) -> None:
        """Store every pad holding strokes not yet stored (finalising, closing)."""
        for kind, pad in self.pads.items():
            if pad.paths:
                self.save_signature(kind)

    def clear_signature(self, kind: str) -> None:
        """Wipe the pad and remove the stored signature of that kind."""
        self.pads[kind].clear()
        for row in self.services.inspections.attachments(self.inspection_id):
            if row["kind"] == kind:
                try:
                    self.services.inspections.detach(self.inspection_id, row["id"])
                except RecordFrozen:
                    self.message.setText(self.tr("This inspection is finalised and can no longer change."))
                    return
        self._state(kind, False)

"""Evidence and signatures on screen: photos from files (the camera when Qt Multimedia is
installed), the inspector's and the site representative's handwritten signatures (mouse, pen or
finger), or the reason the site refused to sign. Stored through the inspection service with
their SHA-256, which the signed record lists."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

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

CAMERA_AVAILABLE = importlib.util.find_spec("PySide6.QtMultimedia") is not None


class SignaturePad(QWidget):
    """Draws strokes from a mouse, a pen (tablet events) or a finger (touch becomes mouse)."""

    stroked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.paths: list[QPainterPath] = []
        self.setStyleSheet("background: white;")
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        return not self.paths

    def clear(self) -> None:
        self.paths.clear()
        self.update()

    def _start(self, point: QPointF) -> None:
        path = QPainterPath(point)
        self.paths.append(path)

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
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(10, self.height() - 20, self.width() - 10, self.height() - 20)
        self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                QColor("#202124"),
                2.2,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        for path in self.paths:
            painter.drawPath(path)

    def to_png(self) -> bytes:
        """The strokes on a transparent background, as PNG bytes."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())


class EvidencePanel(QWidget):
    """Photos and both signatures for one draft; every action stores at once."""

    refusal_changed = Signal(str)

    def __init__(self, services: Any, inspection_id: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.inspection_id = inspection_id
        self.lang = lang
        self.photos = QListWidget()
        self.photos.setMaximumHeight(90)
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.setEnabled(CAMERA_AVAILABLE)
        if not CAMERA_AVAILABLE:
            self.camera_button.setToolTip(
                self.tr("The camera needs Qt Multimedia, which this installation lacks.")
            )
        self.pads = {"signature_inspector": SignaturePad(), "signature_site": SignaturePad()}
        self.refusal = QLineEdit(placeholderText=self.tr("If the site refuses to sign: the reason"))
        self.refusal.setAccessibleName(self.refusal.placeholderText())
        self.message = QLabel(wordWrap=True)
        grid = QGridLayout()
        for column, (kind, title) in enumerate(
            (
                ("signature_inspector", self.tr("Inspector signature")),
                ("signature_site", self.tr("Site representative signature")),
            )
        ):
            grid.addWidget(QLabel(title), 0, column)
            grid.addWidget(self.pads[kind], 1, column)
            save = QPushButton(self.tr("Save signature"))
            clear = QPushButton(self.tr("Clear"))
            save.clicked.connect(lambda _=False, k=kind: self.save_signature(k))
            clear.clicked.connect(self.pads[kind].clear)
            row = QHBoxLayout()
            row.addWidget(clear)
            row.addStretch(1)
            row.addWidget(save)
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
        self.refresh()

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in screen order, for the summary's Tab order."""
        return [
            w
            for w in self.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
        ]

    def refresh(self) -> None:
        self.photos.clear()
        for row in self.services.inspections.attachments(self.inspection_id):
            label = {
                "photo": self.tr("Photo"),
                "signature_inspector": self.tr("Inspector signature"),
                "signature_site": self.tr("Site representative signature"),
            }.get(row["kind"], row["kind"])
            self.photos.addItem(f"{label}  SHA-256 {row['sha256'][:16]}…")

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
        pad = self.pads[kind]
        if pad.is_empty():
            self.message.setText("⚠ " + self.tr("Sign in the box first."))
            return False
        return self._store(kind, pad.to_png(), "image/png")

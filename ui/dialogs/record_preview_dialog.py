"""Preview of a signed record: its pages, with Export (save the signed PDF) and Print."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.screen import initial_size
from ui.widgets import shortcut


class RecordPreviewDialog(QDialog):
    """Shows the pages; exports the exact signed bytes (never a re-rendered copy)."""

    correct_requested = Signal()

    def __init__(
        self,
        record_no: str,
        pdf: bytes,
        pages: list[bytes],
        parent: QWidget | None = None,
        *,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record %1").replace("%1", record_no))
        self.resize(*initial_size(980, 1000))  # A4 pages scroll; the buttons stay on screen
        self.record_no = record_no
        self.pdf = pdf
        self.images = [QImage.fromData(p, "PNG") for p in pages]  # type: ignore[arg-type]  # a str format is taken
        column = QWidget()
        column_layout = QVBoxLayout(column)
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: white; border: 1px solid #dadce0;")
            column_layout.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setToolTip(self.tr("Start a new record that supersedes this one"))
        self.correct_button.clicked.connect(self.correct_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Signed record: the exported file is the signed original.")))
        buttons.addStretch(1)
        for b in (self.correct_button, self.export_button, self.print_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        self.notice = QLabel(notice, wordWrap=True)
        self.notice.setVisible(bool(notice))  # e.g. the supervisor's reason for returning it
        self.notice.setStyleSheet(
            "background: #fce8e6; color: #a50e0e; padding: 8px; border-radius: 4px; font-size: 14px;"
        )
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_record)
        close.clicked.connect(self.accept)
        shortcut(QKeySequence.StandardKey.Save, self, self.export)
        shortcut(QKeySequence.StandardKey.Print, self, self.print_record)

    def export(self, path: str | None = None) -> str | None:
        """Write the signed PDF; asks where unless ``path`` is given. Returns the path or None."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export PDF"), f"{self.record_no}.pdf", self.tr("PDF (*.pdf)")
            )
        if not path:
            return None
        with open(path, "wb") as handle:
            handle.write(self.pdf)
        return path

    def print_record(self, printer: QPrinter | None = None) -> bool:
        """Print every page from the signed PDF rendered at the printer's own resolution (the
        preview's 110-dpi images would print blurred and its QR harder to scan), scaled to the
        paper; asks for the printer unless one is given."""
        from inspector_app.pdf.raster import page_count, page_image

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        dpi = max(printer.resolution(), 72)
        painter = QPainter(printer)
        try:
            for index in range(page_count(self.pdf)):
                if index:
                    printer.newPage()
                # the format as text, as Qt takes it (PySide6's stub wants bytes)
                image = QImage.fromData(page_image(self.pdf, index, dpi=dpi), "PNG")  # type: ignore[arg-type]
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()
        return True

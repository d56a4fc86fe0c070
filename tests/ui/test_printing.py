"""Printing renders the signed PDF at the printer's resolution (issue 9 §3): the 110-dpi preview
images once went to the printer, blurred, the QR harder to scan."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtPrintSupport import QPrinter

from inspector_app.readings import flatten
from tests.core.test_records import CHECKS, PASSPHRASE
from tests.ui.drive import start
from ui.dialogs.record_preview_dialog import RecordPreviewDialog


def test_pages_print_at_the_printers_resolution(services, qtbot, tmp_path):
    services.records.create_identity(name="李明", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
    iid = start(services, "scale", readings=flatten(CHECKS["scale"]))
    services.inspections.finalise(iid, sealer=services.records.sealer(PASSPHRASE))
    pdf = services.records.pdf_of(iid)
    dialog = RecordPreviewDialog("R-1", pdf, services.records.preview(iid))
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(300)
    assert dialog.print_record(printer)
    printed = pypdf.PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes()))
    assert len(printed.pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for page in printed.pages:
        [image] = page.images
        # A4 is 595 pt wide: 2479 px at 300 dpi (the preview's 110 dpi gave 909)
        assert image.image.width >= 2400, image.image.size

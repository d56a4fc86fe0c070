"""Signing (1–1.5 s: unlocking the key, signing, making the PDF) shows that it is working
(issue 12): a busy dialog and cursor are on screen while the record is sealed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProgressDialog

from inspector_app.readings import flatten
from tests.core.test_records import CHECKS, PASSPHRASE
from tests.ui.drive import open_window, start


def test_a_busy_dialog_is_shown_while_signing(services, qtbot, monkeypatch):
    services.records.create_identity(name="李明", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
    draft = start(services, "scale", answered=True, readings=flatten(CHECKS["scale"]))
    window = open_window(qtbot, services, draft)
    seen = {}
    real = services.inspections.finalise

    def watched(*args, **kwargs):
        busy = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen["busy"] = [d.labelText() for d in busy]
        seen["cursor"] = QApplication.overrideCursor() is not None
        return real(*args, **kwargs)

    monkeypatch.setattr(services.inspections, "finalise", watched)
    assert window.finalise_with(PASSPHRASE)
    assert seen["busy"] and "签名" in seen["busy"][0] and seen["cursor"]
    assert QApplication.overrideCursor() is None  # restored afterwards
    assert services.inspections.get(draft)["status"] == "finalised"


def test_the_busy_dialog_goes_away_after_a_wrong_passphrase(services, qtbot):
    services.records.create_identity(name="李明", id_number="渝执 1", office="江北局", passphrase=PASSPHRASE)
    draft = start(services, "scale", answered=True, readings=flatten(CHECKS["scale"]))
    window = open_window(qtbot, services, draft)
    assert not window.finalise_with("wrong passphrase!")
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert QApplication.overrideCursor() is None and "口令" in window.notice.text()

"""The verdict step (结论): a drawn signature is a signature (issue 12: both pads drawn but never
"saved" were dropped at finalise), signatures are not photos, and Tab follows the screen."""

from __future__ import annotations

import io
import json

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.services import open_services
from tests.ui.drive import key, open_window, start


@pytest.fixture
def signed_services(tmp_path):
    with open_services(tmp_path / "summary.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)
        yield s


def sign(pad, offset: int = 0) -> None:
    """One stroke with the mouse, as a finger or pen on a touch screen arrives."""
    left = QPoint(30 + offset, pad.height() // 2)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, left)
    for x in range(40, 200, 20):
        QTest.mouseMove(pad, QPoint(x + offset, pad.height() // 2 + (x % 40) - 10))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(210, 40))
    QApplication.processEvents()


def ready_taxi(services) -> str:
    iid = start(services, "taxi_meter", answered=True)
    services.inspections.set_readings(
        iid, {"distance_tests[0].meter_m": "1000", "distance_tests[0].reference_m": "1003.5"}
    )
    return iid


def test_signatures_drawn_but_never_saved_are_signed(signed_services, qtbot):
    iid = ready_taxi(signed_services)
    window = open_window(qtbot, signed_services, iid)
    window.go(len(window.steps) - 1)
    evidence = window.evidence
    sign(evidence.pads["signature_inspector"])
    sign(evidence.pads["signature_site"], 15)  # nobody pressed a "save" button
    assert evidence.photos.count() == 0  # signatures are not photos
    assert "保存" in evidence.pad_states["signature_site"].text()
    assert window.finalise_with(DEMO_PASSPHRASE), window.notice.text()
    record = json.loads(signed_services.inspections.get(iid)["canonical"])
    assert sorted(a["kind"] for a in record["attachments"]) == ["signature_inspector", "signature_site"]
    pdf = pypdf.PdfReader(io.BytesIO(signed_services.records.pdf_of(iid)))
    assert sum(len(page.images) for page in pdf.pages) >= 3  # the QR code and both signatures


def test_a_stored_signature_comes_back_in_its_pad_and_clear_removes_it(signed_services, qtbot):
    iid = ready_taxi(signed_services)
    window = open_window(qtbot, signed_services, iid)
    window.go(len(window.steps) - 1)
    sign(window.evidence.pads["signature_inspector"])
    window.close()
    again = open_window(qtbot, signed_services, iid)
    again.go(len(again.steps) - 1)
    pad = again.evidence.pads["signature_inspector"]
    assert pad.stored is not None and not pad.is_empty()
    assert again.evidence.pads["signature_site"].is_empty()
    again.evidence.clear_buttons["signature_inspector"].click()
    assert pad.is_empty() and signed_services.inspections.attachments(iid) == []
    assert "未签名" in again.evidence.pad_states["signature_inspector"].text()


def test_tab_on_the_verdict_step_follows_the_screen(signed_services, qtbot):
    iid = ready_taxi(signed_services)
    window = open_window(qtbot, signed_services, iid)
    window.go(len(window.steps) - 1, focus=True)
    summary, evidence = window.summary(), window.evidence
    expected = [
        summary.second_name,  # who inspects with you (the law asks for two), then the measures
        summary.second_id,
        *summary.measures.values(),
        evidence.photos,
        evidence.add_photo_button,
        *([evidence.camera_button] if evidence.camera_button.isEnabled() else []),
        evidence.clear_buttons["signature_inspector"],  # the two officers' pads, then the site's
        evidence.clear_buttons["signature_partner"],
        evidence.clear_buttons["signature_site"],
        evidence.refusal,
        summary.finalise_button,
    ]
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        key(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected


def test_ctrl_enter_on_the_verdict_step_finalises(signed_services, qtbot, monkeypatch):
    """Keyboard alone: Ctrl+Enter is the Finalise button on 结论 (shown on it), nowhere else."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    iid = ready_taxi(signed_services)
    window = open_window(qtbot, signed_services, iid)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append("finalise") or QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (DEMO_PASSPHRASE, True))
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # on the first step: nothing
    assert asked == [] and signed_services.inspections.get(iid)["status"] == "draft"
    window.go(len(window.steps) - 1, focus=True)
    assert "Ctrl+回车" in window.summary().finalise_button.text()  # Qt names the key in Chinese
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["finalise"]
    assert signed_services.inspections.get(iid)["status"] == "finalised"

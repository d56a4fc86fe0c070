"""The second enforcement officer signs on the laptop too (issue 9 §3: the law asks for two
officers, and both sign). Their own pad on 结论, named for them, between the lead's and the site's;
a stroke is stored as it ends (and survives the app being killed); finalising signs it with the
record; the record's second box prints it; a bundle carries it to the office. Before, the pad did
not exist and the second box of every record was blank."""

from __future__ import annotations

import hashlib
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector_app.selfcheck import run_selfcheck
from inspector_app.services import ValidationFailed
from tests.core import fleet
from tests.ui.drive import CTRL, key, open_window, show_active, start, type_text

ROOT = Path(__file__).resolve().parents[2]
SECOND_BOX = "检查人员签名（2）"  # the record's box for the second officer (pdf.render)
SITE_BOX = "被检查单位签名"


@pytest.fixture
def laptop(tmp_path):
    """A laptop whose inspector 王检查 inspects with 王强 (tests.people), its key made."""
    with fleet.laptop(tmp_path / "laptop.sqlite") as services:
        yield services


def ready_taxi(services) -> str:
    """A taxi-meter draft that may be finalised (checklist answered, one distance test)."""
    iid = start(services, "taxi_meter", answered=True)
    services.inspections.set_readings(
        iid, {"distance_tests[0].meter_m": "1000", "distance_tests[0].reference_m": "1003.5"}
    )
    return iid


def sign(pad, offset: int = 0) -> None:
    """One stroke with the mouse, as a finger or pen on a touch screen arrives."""
    middle = pad.height() // 2
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, middle))
    for x in range(40, 220, 12):
        QTest.mouseMove(pad, QPoint(x + offset, middle + (x % 36) - 18))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(230, middle))
    QApplication.processEvents()


def name_second(qtbot, window, name: str, id_number: str) -> None:
    """Type the second officer's name and ID number over what the fields hold, as people do."""
    show_active(qtbot, window)
    QTest.mouseClick(window.summary().second_name, Qt.MouseButton.LeftButton)
    for text in (name, id_number):
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, text)
        key(qtbot, Qt.Key.Key_Tab)


def on_verdict_step(qtbot, services, iid: str):
    window = open_window(qtbot, services, iid)
    window.go(len(window.steps) - 1, focus=True)
    return window


def stored(services, iid: str) -> dict[str, bytes]:
    return {
        row["kind"]: services.inspections.attachment_data(iid, row["id"])
        for row in services.inspections.attachments(iid)
    }


def finalised_with_both_officers(qtbot, services) -> str:
    """A record signed through the window with both officers' pads drawn (the site's left blank)."""
    iid = ready_taxi(services)
    window = on_verdict_step(qtbot, services, iid)
    sign(window.evidence.pads["signature_inspector"])
    sign(window.evidence.pads["signature_partner"], 8)
    assert window.finalise_with(fleet.LAPTOP_PASS), window.notice.text()
    return iid


def test_the_second_officer_has_a_pad_of_their_own_named_for_them(laptop, qtbot):
    window = on_verdict_step(qtbot, laptop, ready_taxi(laptop))
    evidence = window.evidence
    assert evidence.titles["signature_inspector"].text() == "检查人员（1）签名：王检查"
    assert evidence.titles["signature_partner"].text() == "检查人员（2）签名：王强"
    assert evidence.pads["signature_partner"].accessibleName() == "检查人员（2）签名：王强"
    # on screen between the lead's pad and the site's, each the same size
    x = [evidence.pads[k].mapTo(window, QPoint(0, 0)).x() for k in evidence.pads]
    assert list(evidence.pads) == ["signature_inspector", "signature_partner", "signature_site"]
    assert x == sorted(x) and len(set(x)) == 3
    assert "未签名" in evidence.pad_states["signature_partner"].text()


def test_tab_reaches_the_second_officers_pad_between_the_leads_and_the_sites(laptop, qtbot):
    window = on_verdict_step(qtbot, laptop, ready_taxi(laptop))
    clear = window.evidence.clear_buttons
    seen = []
    for _ in range(30):  # from the first field of the step, with the Tab key alone
        seen.append(QApplication.focusWidget())
        if seen[-1] is window.summary().finalise_button:
            break
        key(qtbot, Qt.Key.Key_Tab)
    order = [seen.index(clear[k]) for k in ("signature_inspector", "signature_partner", "signature_site")]
    assert order == sorted(order) and order[1] == order[0] + 1 and order[2] == order[1] + 1


def test_the_second_officers_drawing_is_stored_at_once_and_comes_back(laptop, qtbot):
    iid = ready_taxi(laptop)
    window = on_verdict_step(qtbot, laptop, iid)
    sign(window.evidence.pads["signature_partner"])  # nobody pressed a "save" button
    assert set(stored(laptop, iid)) == {"signature_partner"}
    window.close()
    again = on_verdict_step(qtbot, laptop, iid)
    pad = again.evidence.pads["signature_partner"]
    assert pad.stored is not None and not pad.paths
    assert again.evidence.pads["signature_inspector"].is_empty()
    assert "已签名并保存" in again.evidence.pad_states["signature_partner"].text()
    again.evidence.clear_buttons["signature_partner"].click()  # redo: clear, then sign again
    assert pad.is_empty() and stored(laptop, iid) == {}
    sign(pad, 10)
    assert set(stored(laptop, iid)) == {"signature_partner"}


KILLED_WHILE_OPEN = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from inspector_app.services import open_services
    from ui.inspection.window import InspectionWindow

    app = QApplication([])
    with open_services(sys.argv[1]) as services:
        window = InspectionWindow(services, sys.argv[2], "zh")
        window.show()
        window.go(len(window.steps) - 1)
        app.processEvents()
        pad = window.evidence.pads["signature_partner"]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 50))
        for x in range(40, 220, 12):
            QTest.mouseMove(pad, QPoint(x, 50 + x % 30))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(230, 40))
        print("SIGNED", flush=True)
        sys.stdin.readline()  # killed here, the window open, nothing closed or flushed by hand
    """
)


def test_a_drawn_second_signature_survives_the_app_being_killed(laptop, qtbot, tmp_path):
    iid = ready_taxi(laptop)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_OPEN, str(laptop.path), iid],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 120)  # start-up on a loaded machine
        assert ready and process.stdout.readline().strip() == "SIGNED"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert set(stored(laptop, iid)) == {"signature_partner"}
    again = on_verdict_step(qtbot, laptop, iid)
    assert again.evidence.pads["signature_partner"].stored is not None


def test_finalising_signs_the_second_officers_signature_with_the_record(laptop, qtbot):
    iid = finalised_with_both_officers(qtbot, laptop)
    row = laptop.inspections.get(iid)
    record = json.loads(row["canonical"])
    data = stored(laptop, iid)
    signed = {a["kind"]: a["sha256"] for a in record["attachments"]}
    assert signed == {k: hashlib.sha256(v).hexdigest() for k, v in data.items()}
    assert set(signed) == {"signature_inspector", "signature_partner"}
    assert data["signature_partner"] != data["signature_inspector"]
    checked = laptop.records.verify_pdf(laptop.records.pdf_of(iid))
    assert checked.status == "valid", checked


def test_a_second_signature_swapped_behind_the_apps_back_is_found(laptop, qtbot):
    iid = finalised_with_both_officers(qtbot, laptop)
    number = laptop.inspections.get(iid)["record_no"]
    assert all(c.ok for c in run_selfcheck(laptop.path))
    conn = sqlite3.connect(laptop.path)  # what someone with the sqlite3 tool does
    for trigger in ("attachments_frozen_update", "attachments_frozen_move"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute(
        "UPDATE attachments SET data = (SELECT data FROM attachments WHERE kind = 'signature_inspector' "
        "AND inspection_id = ?) WHERE kind = 'signature_partner' AND inspection_id = ?",
        [iid, iid],
    )
    conn.commit()
    conn.close()
    found = {c.name: c.problems for c in run_selfcheck(laptop.path) if not c.ok}
    assert set(found) == {"record attachments"}
    assert any(p.startswith(number + ":") and "signature_partner" in p for p in found["record attachments"])


def box_ink(pdf: bytes, label: str, dpi: int = 150) -> int:
    """Dark pixels in the signature area under the box titled ``label`` on the page that has it
    (the page rendered as it prints; the area is the 50 × 18 mm the signature image is given)."""
    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        text = page.get_textpage()
        searcher = text.search(label)
        found = searcher.get_next()
        if found is None:
            continue
        left, bottom, _right, _top = text.get_charbox(found[0])
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        mm = 72 / 25.4
        scale = dpi / 72
        height = page.get_height()
        box = (
            int(left * scale),
            int((height - bottom + 1) * scale),
            int((left + 50 * mm) * scale),
            int((height - bottom + 18 * mm) * scale),
        )
        return sum(1 for p in image.crop(box).get_flattened_data() if p < 160)
    raise AssertionError(f"no box {label} in the record")


def test_the_record_prints_the_second_signature_in_the_second_box(laptop, qtbot):
    iid = finalised_with_both_officers(qtbot, laptop)
    pdf = laptop.records.pdf_of(iid)
    assert box_ink(pdf, SECOND_BOX) > 40  # the stroke, drawn
    assert box_ink(pdf, SITE_BOX) == 0  # the site did not sign: its box is blank (the measure can tell)


def test_the_bundle_carries_the_second_signature_and_the_office_verifies_it(tmp_path, qtbot):
    with fleet.office(tmp_path / "office.sqlite") as office, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        fleet.enrol(office, lap)
        iid = finalised_with_both_officers(qtbot, lap)
        partner = stored(lap, iid)["signature_partner"]
        bundle = fleet.export(lap, tmp_path / "usb").path
        [result] = office.office.import_bundles([bundle])
        assert (result.status, result.imported) == ("accepted", 1), result
        kept = json.loads(office.office.store.record(iid)["canonical"])
        # The partner's image swapped in the laptop's file: the next bundle carries other bytes
        # under the signed hash, and the office refuses it whole.
        sha = hashlib.sha256(partner).hexdigest()
        conn = sqlite3.connect(lap.path)
        for trigger in ("attachments_frozen_update", "attachments_frozen_move"):
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute(
            "UPDATE attachments SET data = ? WHERE sha256 = ?", [stored(lap, iid)["signature_inspector"], sha]
        )
        conn.commit()
        conn.close()
        tampered = fleet.export(lap, tmp_path / "usb2", full=True).path
        [again] = office.office.import_bundles([tampered])
        assert (again.status, again.member, again.reason) == (
            "refused",
            f"attachments/{sha}",
            "hash_mismatch",
        )
    assert any(
        a["kind"] == "signature_partner" and a["sha256"] == hashlib.sha256(partner).hexdigest()
        for a in kept["attachments"]
    )
    conn = sqlite3.connect(tmp_path / "office.sqlite")
    [(data,)] = conn.execute(
        "SELECT data FROM office_attachments WHERE sha256 = ?", [hashlib.sha256(partner).hexdigest()]
    ).fetchall()
    conn.close()
    assert data == partner


def test_another_second_officer_takes_the_former_ones_signature_away(laptop, qtbot):
    """A box signed by 王强 must not print 赵六's name under it: naming another second officer
    removes the drawn signature (in the same transaction); an ID number typed later keeps it."""
    iid = ready_taxi(laptop)
    window = on_verdict_step(qtbot, laptop, iid)
    sign(window.evidence.pads["signature_partner"])
    name_second(qtbot, window, "王强", "渝执 50012399")  # the same officer, ID corrected
    assert set(stored(laptop, iid)) == {"signature_partner"}
    name_second(qtbot, window, "赵六", "渝执 50012377")
    assert stored(laptop, iid) == {}
    assert window.evidence.titles["signature_partner"].text() == "检查人员（2）签名：赵六"
    assert window.evidence.pads["signature_partner"].is_empty()


def test_an_older_draft_with_one_officer_asks_for_no_second_pad_until_one_is_named(laptop, qtbot):
    """Drafts from before two officers were recorded name only the lead: the second pad waits (it
    takes no strokes) and finalising asks for the second officer, not for a second drawing."""
    iid = ready_taxi(laptop)
    laptop.inspections.set_second_inspector(iid, "", "")
    with pytest.raises(ValidationFailed) as refused:
        laptop.inspections.attach(iid, "signature_partner", b"\x89PNG", "image/png")
    assert refused.value.errors[0].field == "inspectors[1]"
    window = on_verdict_step(qtbot, laptop, iid)
    pad = window.evidence.pads["signature_partner"]
    assert not pad.isEnabled()
    assert "请先在上方填写第二检查人员" in window.evidence.titles["signature_partner"].text()
    sign(pad)
    assert stored(laptop, iid) == {}
    assert not window.finalise_with(fleet.LAPTOP_PASS)  # the officer is asked for, by name
    assert "第二检查人员" in window.notice.text() and "inspectors" not in window.notice.text()
    name_second(qtbot, window, "王强", "渝执 50012388")
    assert pad.isEnabled()
    assert window.finalise_with(fleet.LAPTOP_PASS), window.notice.text()  # no drawing demanded

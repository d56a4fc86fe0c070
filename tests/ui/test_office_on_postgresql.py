"""The office window on a PostgreSQL office database (issue 15): `inspector-app --db
postgresql://…` opens it; a supervisor reviews by keyboard, the decision signed with the key kept
in this desktop's own database and stored on the server; a wrong address or a server that does
not answer is refused in words naming --db, never with a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import psycopg
import pytest
from PySide6.QtCore import Qt

from inspector_app.services import open_services
from tests.core import fleet
from tests.db.office_engines import consolidated
from tests.ui.test_office_work_pages import settle
from tests.ui.typing import show_active, type_text
from ui.app import window_for


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """A district office with a supervisor and three records imported from one laptop."""
    base = tmp_path_factory.mktemp("office-pg")
    with fleet.office(base / "office.sqlite") as office, fleet.laptop(base / "lap.sqlite") as lap:
        fleet.enrol(office, lap)
        fleet.supervisor_key(office)
        for n in range(3):
            fleet.finalise(lap, serial=f"SC-{n}")
        [done] = office.office.import_bundles([fleet.export(lap, base / "usb").path])
        assert done.imported == 3
    return base / "office.sqlite"


def test_a_supervisor_reviews_on_the_postgresql_office(district, pg_url, tmp_path, qtbot, monkeypatch):
    desktop = tmp_path / "office.sqlite"
    shutil.copy(district, desktop)
    consolidated(desktop, pg_url)  # the city's database on the server
    # The supervisor's key stays in this desktop's own database; the records are on the server.
    with open_services(pg_url, local=desktop) as services:
        assert services.office_mode and services.office_url == pg_url
        window = window_for(services, "zh")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.startup_finished, timeout=30000):
            show_active(qtbot, window)
        assert fleet.OFFICE_NAME in window.windowTitle()
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        page = window.page("review")
        assert page.model.rowCount() == 3 and page.count_label.text() == "3 条记录"
        # The filters' choices and the selected record's signed PDF, read from the server.
        settle(qtbot, lambda: page.form.count() > 1 and getattr(page, "preview_pages", 0) >= 1)
        assert "合格" in page.figures.toPlainText()
        monkeypatch.setattr("ui.office.review_page.ask_passphrase", lambda *a: fleet.SUPERVISOR_PASS)
        page.view.setFocus()
        first = page.current_id
        qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # approve
        assert "赵审核" in page.supervisor_label.text()
        second = page.current_id
        qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # return, with why
        type_text(qtbot, page.reason, "偏载测试缺第四个支点")
        qtbot.keyClick(page.reason, Qt.Key.Key_Return)
        settle(qtbot, lambda: page.model.rowCount() == 1)
        window.close()
    # What the server holds: the decisions, signed by the supervisor, and the audit entries.
    with psycopg.connect(pg_url) as conn:
        status = dict(conn.execute("SELECT id, review_status FROM office_records").fetchall())
        decisions = conn.execute(
            "SELECT record_id, decision, reason, supervisor FROM office_decisions"
        ).fetchall()
        audited = conn.execute(
            "SELECT count(*) FROM office_audit WHERE entity_id IN (%s, %s)", [first, second]
        )
    assert status[first] == "approved" and status[second] == "returned"
    assert sorted(d[:3] for d in decisions) == sorted(
        [(first, "approved", ""), (second, "returned", "偏载测试缺第四个支点")]
    )
    assert all("赵审核" in d[3] for d in decisions)
    assert audited.fetchone()[0] >= 2
    with open_services(district) as on_the_desktop:  # nothing was written to the district's file
        assert {r["review_status"] for r in on_the_desktop.office.store.iter_records()} == {"received"}


def gui(db: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_DB": str(tmp_path / "own.sqlite")}
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", "--db", db], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.mark.parametrize(
    ("url", "zh", "en"),
    [
        (
            "postgresql://clerk:secret@127.0.0.1:1/office",
            "无法连接数据库服务器",
            "cannot reach the database server",
        ),
        ("postgresql://clerk@localhost/office?colour=red", "无效", "not a valid database address"),
    ],
)
def test_a_server_that_does_not_answer_or_a_bad_address_is_refused_in_words(url, zh, en, tmp_path):
    done = gui(url, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "--db" in done.stderr and zh in done.stderr and en in done.stderr
    assert "Traceback" not in done.stderr and "secret" not in done.stderr


def test_a_postgresql_database_without_an_office_is_refused(pg_url, tmp_path):
    done = gui(pg_url, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "不是检查机构数据库" in done.stderr and "not an office database" in done.stderr

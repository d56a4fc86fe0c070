"""Another program holds the database: the GUI keeps what was typed, says who holds the store,
and saves the edit by itself once the lock is gone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from inspector_app.demo import seed_demo
from inspector_app.readings import nest
from inspector_app.services import open_services
from tests.ui.drive import click_cell, enter, shown_rows
from tests.ui.test_inspection_window import start, step_of
from tests.ui.typing import show_active
from ui.inspection.steps import FieldsStep, GridStep
from ui.inspection.window import InspectionWindow

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


class Holder:
    """A separate process holding the database's write lock until released."""

    def __init__(self, path: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=10)


@pytest.fixture
def busy_services(tmp_path):
    path = tmp_path / "busy.sqlite"
    with open_services(path) as s:
        seed_demo(s, inspections=0, seed=5, sign=False)
    with open_services(path, busy_timeout_ms=100) as s:
        yield s


def test_an_edit_made_while_another_program_holds_the_store_is_kept_and_saved(busy_services, qtbot):
    iid = start(busy_services, "scale", readings={})
    window = InspectionWindow(busy_services, iid, "zh")
    window.SAVE_RETRY_MS = 100
    window.retry_timer.setInterval(100)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    step_of(window, FieldsStep, "identification")
    weighings = step_of(window, GridStep, "weighings")
    holder = Holder(str(busy_services.path))
    try:
        click_cell(qtbot, weighings.grid, 0, 0)
        enter(qtbot, "100")
        assert "另一个程序占用" in window.notice.text() and f"pid {holder.proc.pid}" in window.notice.text()
        assert shown_rows(weighings) == [["100", "", ""]]  # still on screen
        assert window.pending == {"weighings[0].load": "100"}
        enter(qtbot, "101")  # a second edit joins the first
        assert busy_services.inspections.readings(iid) == {}
        window.close()  # closing now would lose them: refused while the store is held
        assert window.isVisible()
    finally:
        holder.release()
    qtbot.waitUntil(lambda: not window.pending, timeout=5000)
    stored = nest(busy_services.inspections.readings(iid))
    assert stored["weighings"][0] == {"load": "100", "indication": "101"}
    assert "已保存" in window.notice.text()

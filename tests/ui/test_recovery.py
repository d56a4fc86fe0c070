"""After a crash the app reopens the draft and says exactly what it kept (issue 12: the banner said
"已输入的内容没有丢失" while the cell being typed was lost). Text being typed is saved shortly after
the last key, put back on reopening, and named in the banner."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector_app.services import open_services
from tests.ui.drive import click_cell, open_window, shown_rows, start, step_of, tab, type_text
from ui.inspection.window import TYPING_SAVE_MS
from ui.main_window import MainWindow


def crash(path: Path) -> Path:
    """What a kill -9 at this instant leaves: the committed database, copied aside (the window
    goes on living, but nothing it does from now on reaches the copy)."""
    left = path.with_name("after-the-crash.sqlite")
    source, target = sqlite3.connect(path), sqlite3.connect(left)
    source.backup(target)
    source.close()
    target.close()
    return left


class Reopened:
    """The app started again on the same file, as after a crash; closed in order at the end."""

    def __init__(self, qtbot, path) -> None:
        self.context = open_services(path)
        self.services = self.context.__enter__()
        self.main = MainWindow(self.services, "zh")
        with qtbot.waitSignal(self.main.startup_finished, timeout=20000):  # its last step resumes
            self.main.show()
        windows = list(self.main.open_windows.values())
        assert len(windows) == 1, "the draft open at the crash is reopened by start-up"
        self.window = windows[0]

    def close(self) -> None:
        self.window.close()
        self.main.close()
        self.main.deleteLater()
        QApplication.processEvents()
        self.context.__exit__(None, None, None)


def test_a_cell_being_typed_is_kept_and_named(tmp_path, qtbot):
    path = tmp_path / "typed.sqlite"
    with open_services(path) as services:
        iid = start(services, "taxi_meter")
        window = open_window(qtbot, services, iid)
        fare = step_of(window, "fare")
        click_cell(qtbot, fare.grid, 0, 0)
        type_text(qtbot, "12.4")  # no Enter yet
        qtbot.wait(TYPING_SAVE_MS * 2)
        left = crash(path)
        window.close()
    app = Reopened(qtbot, left)
    services, again = app.services, app.window
    try:
        assert services.inspections.readings(iid) == {"fare_tests[0].distance_km": "12.4"}
        assert shown_rows(step_of(again, "fare"))[0][0] == "12.4"
        notice = again.notice.text()
        assert "“12.4”" in notice and "计费里程" in notice and "计价检查 第 1 行" in notice
        assert "没有丢失" not in notice
    finally:
        app.close()


def test_a_field_being_typed_is_kept_and_named(tmp_path, qtbot):
    path = tmp_path / "field.sqlite"
    with open_services(path) as services:
        iid = start(services, "taxi_meter")
        window = open_window(qtbot, services, iid)
        tariff = step_of(window, "tariff")
        tariff.fields.editors["date"].setFocus()
        type_text(qtbot, "2024-06-0")
        qtbot.wait(TYPING_SAVE_MS * 2)
        left = crash(path)
        window.close()
    app = Reopened(qtbot, left)
    services, again = app.services, app.window
    try:
        assert services.inspections.readings(iid)["date"] == "2024-06-0"
        assert "“2024-06-0”" in again.notice.text() and "检查日期" in again.notice.text()
    finally:
        app.close()


def test_with_nothing_being_typed_the_banner_says_so(tmp_path, qtbot):
    path = tmp_path / "calm.sqlite"
    with open_services(path) as services:
        iid = start(services, "taxi_meter")
        window = open_window(qtbot, services, iid)
        distance = step_of(window, "distance")
        click_cell(qtbot, distance.grid, 0, 0)
        tab(qtbot, "1000")
        left = crash(path)
        window.close()
    app = Reopened(qtbot, left)
    services, again = app.services, app.window
    try:
        assert services.inspections.readings(iid) == {"distance_tests[0].meter_m": "1000"}
        assert "没有正在输入" in again.notice.text()
    finally:
        app.close()

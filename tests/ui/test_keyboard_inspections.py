"""A complete inspection of each procedure typed with the keyboard alone, from the window opening
to the verdict step (issue 11): every value typed must be stored exactly where it was meant to go,
and the screen, the store and a reopened window must agree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector_app.demo import seed_demo
from inspector_app.services import open_services
from tests.ui.drive import CTRL, key, open_window, shown_rows, start, step_of, type_text
from tests.ui.scripts import DOWN, ENTER, NEXT, SCRIPTS, TAB
from ui.inspection.steps import GridStep

PRESS = {ENTER: Qt.Key.Key_Return, TAB: Qt.Key.Key_Tab, DOWN: Qt.Key.Key_Down}


@pytest.fixture
def demo(tmp_path):
    with open_services(tmp_path / "keyboard.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)
        yield s


def play(qtbot, tokens: list[str]) -> None:
    for token in tokens:
        if token == NEXT:
            key(qtbot, Qt.Key.Key_PageDown, CTRL)
        elif token in PRESS:
            key(qtbot, PRESS[token])
        else:
            type_text(qtbot, token)


@pytest.mark.parametrize("form_id", list(SCRIPTS))
def test_a_whole_inspection_by_keyboard(demo, qtbot, form_id):
    tokens, intended = SCRIPTS[form_id]()
    iid = start(demo, form_id)
    window = open_window(qtbot, demo, iid)
    play(qtbot, tokens)
    assert window.current_step() == len(window.steps) - 1  # the verdict step
    assert demo.inspections.readings(iid) == intended
    assert window.live["verdict"] == "pass", window.banner.text()
    grids = [w.step.id for w in window.steps if isinstance(w, GridStep)]
    screens = {step: shown_rows(step_of(window, step)) for step in grids}
    window.close()
    again = open_window(qtbot, demo, iid)
    assert {step: shown_rows(step_of(again, step)) for step in grids} == screens

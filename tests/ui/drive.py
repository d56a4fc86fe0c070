"""Driving the GUI as people do: key events to the focused widget, clicks on cells, and the
inspection set-up the GUI tests share.

`qtbot.keyClicks` aborts on non-ASCII text (PLATFORM.md), so other text goes as key events that
carry it, the way a keyboard layout delivers a character. Screens are read back through the
grid's model (what is painted), never from the store, so a test can compare the two.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app import credit_code

CODE = "91500112MA5U7XY1P" + credit_code.check_character("91500112MA5U7XY1P")
NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def start(services, form_id: str, *, answered: bool = False, **kwargs) -> str:
    """A draft of a procedure on a test site (and a new instrument unless net content); with
    ``answered``, every checklist item already answered 'conforms' (finalising needs them)."""
    if answered:
        from inspector_app.readings import flatten
        from tests.forms.helpers import answered as answers

        kwargs.setdefault("readings", flatten({"checklist": answers(form_id)}))
    found = services.registry.search("sites", credit_code=CODE)
    site = (
        found[0]["id"]
        if found
        else services.registry.create("sites", {"name": "测试单位", "credit_code": CODE})
    )
    instrument = None
    if form_id != "net_content":
        instrument = services.registry.create(
            "instruments",
            {
                "site_id": site,
                "kind": form_id,
                "serial": f"W-{form_id}-{len(services.registry.search('instruments', limit=999))}",
            },
        )
    return services.inspections.start(
        form_id=form_id,
        site_id=site,
        instrument_id=instrument,
        lot={"product": "白砂糖"} if instrument is None else None,
        **kwargs,
    )


def open_window(qtbot, services, inspection_id: str, lang: str = "zh", **kwargs):
    """The inspection window, shown and active (keys and shortcuts reach it)."""
    from ui.inspection.window import InspectionWindow

    window = InspectionWindow(services, inspection_id, lang, **kwargs)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def show_active(qtbot, widget: QWidget) -> None:
    """Shortcuts fire only in the active window: show it and wait until it is."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def step_of(window, step_id: str):
    """Go to a step (as a click in the step list does) and return its widget."""
    for index, widget in enumerate(window.steps):
        if widget.step.id == step_id:
            window.go(index)
            QApplication.processEvents()
            return widget
    raise AssertionError(step_id)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    """One key press to whatever has the focus, then let the event loop run."""
    QTest.keyClick(focused(), code, modifiers)
    QApplication.processEvents()


def type_text(qtbot, text: str) -> None:
    """Type text into whatever has the focus, character by character."""
    for char in text:
        target = focused()
        if char.isascii():
            QTest.keyClicks(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NO, char))
        QApplication.processEvents()


def enter(qtbot, text: str = "", modifiers: Qt.KeyboardModifier = NO) -> None:
    """Type a value (if any) and press Enter."""
    if text:
        type_text(qtbot, text)
    key(qtbot, Qt.Key.Key_Return, modifiers)


def tab(qtbot, text: str = "") -> None:
    if text:
        type_text(qtbot, text)
    key(qtbot, Qt.Key.Key_Tab)


def backtab(qtbot) -> None:
    key(qtbot, Qt.Key.Key_Backtab, SHIFT)


def click_cell(qtbot, grid, row: int, column: int, modifiers: Qt.KeyboardModifier = NO) -> None:
    """A mouse click on a cell (selects it; typing then replaces its text)."""
    grid.scrollTo(grid.model().index(row, column))
    rect = grid.visualRect(grid.model().index(row, column))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, modifiers, rect.center())
    QApplication.processEvents()


def input_width(grid_step) -> int:
    step = grid_step.step
    return len(step.fields) + (1 if step.grid.count("[]") == 2 else 0)


def shown_rows(grid_step) -> list[list[str]]:
    """The texts of a grid step's input cells, row by row, up to the last row with any text."""
    model = grid_step.grid.model()
    width = input_width(grid_step)
    rows = [
        [str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "") for c in range(width)]
        for r in range(model.rowCount())
    ]
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def current_cell(grid_step) -> tuple[int, int]:
    index = grid_step.grid.currentIndex()
    return index.row(), index.column()

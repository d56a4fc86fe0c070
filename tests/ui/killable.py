"""The real app, started through its composition root (`ui.app.main`), filled in by a robot from
inside: key events and mouse clicks on what has the focus, as the keyboard tests send them. The
kill -9 loop (tests/ui/test_kill_loop.py) runs it in a subprocess and kills it at random moments.

    python -m tests.ui.killable DB        (QT_QPA_PLATFORM=offscreen; KILL_LOOP_INSPECTIONS=N)

The robot works from what the screen shows, so it carries on wherever a restart leaves it: it
finishes the draft the app reopened (or opens a draft from the list), else starts the next
procedure through 新建检查 (Ctrl+N), fills every step until the screen shows the intended readings
(tests/ui/scripts.py), then finalises and signs. It reports on stdout, one flushed line each:

    DRAFT <id> <record_no>   a new inspection's window is on screen
    ACK <id> <json>          after an edit: the readings the window shows as saved
    FINAL <id>               finalised and signed
    OPEN_TX <where>          a write transaction is open while the app waits for input (a bug)
    STUCK <why>              the robot cannot go on (a bug, or a test to fix)
    PHASE <name>             what comes next: typing (start-up is over), new (新建检查), signing
    DONE                     N inspections, all finalised
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit, QMessageBox, QWidget

from inspector_app.demo import DEMO_PASSPHRASE
from tests.ui.scripts import SCRIPTS

FORMS = ("taxi_meter", "fuel_dispenser", "scale", "net_content")
SITE_NAME = "断电测试站"  # the test's own site, with one instrument of each kind but net content
LOT = {"product": "白砂糖", "nominal": "500", "lot_size": "80"}
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
TICK_MS = 5


def intended(form_id: str) -> dict[str, str]:
    """The readings a finished inspection of this procedure holds (the keyboard tests' table)."""
    return SCRIPTS[form_id]()[1]


def say(*words: Any) -> None:
    """One whole line in one write(2): a kill -9 never leaves half a line (print writes its pieces
    one by one under PYTHONUNBUFFERED, and a kill between them once cut "ACK <id>" from its JSON).
    A pipe takes a write of up to PIPE_BUF bytes whole; the robot's lines are well below it."""
    line = (" ".join(str(w) for w in words) + "\n").encode()
    sys.stdout.flush()
    os.write(sys.stdout.fileno(), line)


def key(code: Qt.Key, modifiers: Qt.KeyboardModifier = NO, target: QWidget | None = None) -> None:
    """A key to ``target`` or else to what has the focus."""
    target = target or QApplication.focusWidget()
    if target is not None:
        QTest.keyClick(target, code, modifiers)


def type_text(text: str, to: QWidget | None = None) -> None:
    """Characters to ``to`` or else, each, to what has the focus (typing opens a cell's editor)."""
    for char in text:
        target = to or QApplication.focusWidget()
        if target is None:
            return
        if char.isascii():
            QTest.keyClicks(target, char)
        else:  # keyClicks aborts on non-ASCII (PLATFORM.md): the event a keyboard layout sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NO, char))


def choose(combo: QComboBox, data: str) -> bool:
    """One arrow key towards the entry holding ``data``; True once it is chosen."""
    target = combo.findData(data)
    if target < 0 or combo.currentIndex() == target:
        return target >= 0
    key(Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up, target=combo)
    return False


class Robot:
    def __init__(self, main: Any, services: Any, target: int) -> None:
        self.main, self.services, self.target = main, services, target
        self.busy = False
        self.plan = self.work()
        self.form = ""
        self.timer = QTimer(main, interval=TICK_MS, timeout=self.tick)
        # Its own timer: Qt does not fire a timer again while its slot runs, and a step that
        # opens a dialog runs until the dialog closes.
        self.dialogs = QTimer(main, interval=TICK_MS, timeout=self.tick_dialog)

    def start(self) -> None:
        say("PHASE", "typing")
        self.timer.start()
        self.dialogs.start()

    def stop(self) -> None:
        self.timer.stop()
        self.dialogs.stop()

    # -- the loop ---------------------------------------------------------------------------
    def tick_dialog(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.answer(modal)

    def tick(self) -> None:
        if self.busy or QApplication.activeModalWidget() is not None:
            return
        self.busy = True
        try:
            next(self.plan)
            if self.services.db.conn.in_transaction:
                say("OPEN_TX", "idle")
        except StopIteration:
            self.stop()
        finally:
            self.busy = False

    def window(self) -> Any:
        return next((w for w in self.main.open_windows.values() if w.isVisible()), None)

    def work(self) -> Iterator[None]:
        while True:
            window = self.window()
            if window is None:
                rows = self.services.inspections.list_rows()
                drafts = [r for r in rows if r["status"] == "draft"]
                if drafts:  # as a double-click in the list does
                    self.main.open_inspection(drafts[0]["id"])
                elif len(rows) >= self.target:
                    say("DONE")
                    QApplication.quit()
                    return
                else:
                    yield from self.create(FORMS[len(rows) % len(FORMS)])
                yield
                continue
            yield from self.fill(window)
            yield from self.finalise(window)

    # -- starting ---------------------------------------------------------------------------
    def create(self, form_id: str) -> Iterator[None]:
        self.main.activateWindow()
        while not self.main.isActiveWindow():
            yield
        self.main.show_page(0)
        self.form = form_id
        before = set(self.main.open_windows)
        say("PHASE", "new")
        key(Qt.Key.Key_N, CTRL)  # 新建检查: `answer` fills the dialog from the event loop
        self.form = ""
        new = set(self.main.open_windows) - before
        for iid in new:
            say("DRAFT", iid, self.main.open_windows[iid].row["record_no"])
        say("PHASE", "typing")

    def answer(self, modal: QWidget) -> None:
        """One step in whatever dialog is up: 新建检查, the finalise question, the passphrase."""
        from ui.inspection.new_dialog import NewInspectionDialog

        if isinstance(modal, NewInspectionDialog):
            self.fill_new(modal)
        elif isinstance(modal, QMessageBox):
            yes = modal.button(QMessageBox.StandardButton.Yes)
            if yes is not None and yes.isVisible():
                key(Qt.Key.Key_Space, target=yes)
            else:
                key(Qt.Key.Key_Escape, target=modal)
        elif isinstance(modal, QInputDialog):
            line = modal.findChild(QLineEdit)
            if line is not None and line.text() != DEMO_PASSPHRASE:
                line.selectAll()
                type_text(DEMO_PASSPHRASE, line)
            key(Qt.Key.Key_Return, target=line)
        else:  # the record preview after finalising, or anything else: close it
            key(Qt.Key.Key_Escape, target=modal)

    def fill_new(self, dialog: Any) -> None:
        if not self.form:  # left over from before a restart: not ours to fill
            key(Qt.Key.Key_Escape)
            return
        site = dialog.site.findText(SITE_NAME)
        if not choose(dialog.site, dialog.site.itemData(site)):
            return
        if self.form == "net_content":
            if not choose(dialog.instrument, ""):
                return
            for editor, text in (
                (dialog.product, LOT["product"]),
                (dialog.nominal, LOT["nominal"]),
                (dialog.lot_size, LOT["lot_size"]),
            ):
                if editor.text() != text:
                    editor.selectAll()
                    type_text(text, editor)
                    return
            if not choose(dialog.quantity, "mass"):
                return
        else:
            wanted = next(
                (
                    dialog.instrument.itemData(i)
                    for i in range(dialog.instrument.count())
                    if dialog.instrument.itemData(i)
                    and json.loads(dialog.instrument.itemData(i))["kind"] == self.form
                ),
                None,
            )
            if wanted is None:
                say("STUCK", "no instrument of kind", self.form)
                key(Qt.Key.Key_Escape)
                return
            if not choose(dialog.instrument, wanted):
                return
        key(Qt.Key.Key_Return, target=dialog.site)  # the dialog's default button: OK

    # -- filling ----------------------------------------------------------------------------
    def ack(self, window: Any) -> None:
        saved = {k: v for k, v in window.readings.items() if k not in window.pending}
        say("ACK", window.inspection_id, json.dumps(saved, ensure_ascii=False, sort_keys=True))

    def go_to(self, window: Any, index: int) -> Iterator[None]:
        while window.current_step() != index:
            forward = window.current_step() < index
            key(Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp, CTRL)
            yield

    def fill(self, window: Any) -> Iterator[None]:
        from ui.inspection.steps import ChecklistStep, FieldsStep, GridStep

        want = intended(window.definition.id)
        for index, step in enumerate(window.steps):
            editors: dict[str, QWidget] = {}
            if isinstance(step, FieldsStep):
                editors = {step.fields.path(f): e for f, e in step.fields.editors.items()}
            elif isinstance(step, GridStep) and step.header:
                editors = {step.header.path(f): e for f, e in step.header.editors.items()}
            elif isinstance(step, ChecklistStep):
                editors = {f"checklist.{i}.ok": c for i, c in step.answers.items()}
                editors |= {f"checklist.{i}.number": e for i, e in step.numbers.items()}
            for path, editor in editors.items():
                while self.shown(editor) != want.get(path, self.shown(editor)):
                    yield from self.go_to(window, index)
                    if isinstance(editor, QComboBox):
                        choose(editor, want[path])
                    else:
                        editor.setFocus(Qt.FocusReason.TabFocusReason)
                        key(Qt.Key.Key_A, CTRL)
                        type_text(want[path])
                        key(Qt.Key.Key_Tab)
                    self.ack(window)
                    yield
            if isinstance(step, GridStep):
                yield from self.fill_grid(window, index, step, want)

    @staticmethod
    def shown(editor: QWidget) -> str:
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def fill_grid(self, window: Any, index: int, step: Any, want: dict[str, str]) -> Iterator[None]:
        from tests.ui.drive import input_width

        width = input_width(step)
        target = step.sheet.table({p: v for p, v in want.items() if step.sheet.owns(p)}).rows
        for _ in range(200):
            rows = step.model.table.rows
            wrong = [
                (r, c)
                for r in range(max(len(target), len(rows)))
                for c in range(width)
                if (target[r][c] if r < len(target) else "") != (rows[r][c] if r < len(rows) else "")
            ]
            if not wrong:
                return
            r, c = wrong[0]
            yield from self.go_to(window, index)
            grid = step.grid
            grid.scrollTo(grid.model().index(r, c))
            rect = grid.visualRect(grid.model().index(r, c))
            QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, NO, rect.center())
            value = target[r][c] if r < len(target) else ""
            if value:
                type_text(value)
                key(Qt.Key.Key_Return)
            else:
                key(Qt.Key.Key_Delete)
            self.ack(window)
            yield
        say("STUCK", "grid", step.step.id, json.dumps(step.model.table.rows))

    def finalise(self, window: Any) -> Iterator[None]:
        yield from self.go_to(window, len(window.steps) - 1)
        button = window.summary().finalise_button
        if not button.isEnabled():
            say("STUCK", "not ready", window.summary().details.text().replace("\n", " | "))
            self.stop()
            return
        iid = window.inspection_id
        say("PHASE", "signing")
        key(Qt.Key.Key_Space, target=button)  # the question and the passphrase are answered by `answer`
        if self.services.inspections.get(iid)["status"] != "draft":
            say("FINAL", iid)
        yield


def main(argv: list[str]) -> int:
    import ui.app

    target = int(os.environ.get("KILL_LOOP_INSPECTIONS", "4"))
    build = ui.app.window_for

    def window_for(services: Any, lang: str) -> Any:
        window = build(services, lang)
        robot = Robot(window, services, target)
        window.startup_finished.connect(robot.start)
        window.robot = robot  # kept alive with the window
        return window

    ui.app.window_for = window_for  # type: ignore[assignment]
    return ui.app.main(["--db", argv[0]])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The guided inspection: steps on the left, the step on the right, the live verdict on top.

Every edit is one undo command that autosaves through the inspection service (readings rows plus
the fresh evaluation, one transaction); the window remembers its step, so a killed app reopens
the same draft at the same place.
"""

from __future__ import annotations

import contextlib
import json
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from forms.display import row_context
from inspector_app import vocabulary
from inspector_app.local_time import local
from inspector_app.progress import step_of_path, step_states
from inspector_app.services import RecordFrozen, StoreBusy, ValidationFailed
from inspector_app.sheets import describe, place_of
from inspector_app.signing.keys import WrongPassphrase
from ui import icons, labels
from ui.inspection.steps import GridStep, StepWidget, SummaryStep, build_step
from ui.screen import initial_size
from ui.widgets import shortcut

if TYPE_CHECKING:
    from inspector_app.services.ports import DraftServices


class SetReadingsCommand(QUndoCommand):
    """Set readings (paths → text); undo puts back what was there. Either way the window redraws
    every step from the store, so the screen never shows what the store does not hold."""

    def __init__(self, window: InspectionWindow, new: dict[str, str], old: dict[str, str]) -> None:
        super().__init__(window.tr("Edit readings"))
        self.window = window
        self.new = new
        self.old = old

    def redo(self) -> None:
        self.window.apply(self.new)

    def undo(self) -> None:
        self.window.apply(self.old)


# A step's state in words, for its tool tip (the mark beside it says the same by shape and colour).
STEP_STATE_TEXT = {
    "done": QT_TRANSLATE_NOOP("InspectionWindow", "Done"),
    "failed": QT_TRANSLATE_NOOP("InspectionWindow", "Failed"),
    "missing": QT_TRANSLATE_NOOP("InspectionWindow", "Something is still missing"),
    "inconclusive": QT_TRANSLATE_NOOP("InspectionWindow", "Undecided: a further test is needed"),
    "empty": QT_TRANSLATE_NOOP("InspectionWindow", "Not begun"),
    "invalid": QT_TRANSLATE_NOOP("InspectionWindow", "Input error: correct the marked cells"),
    "optional": QT_TRANSLATE_NOOP("InspectionWindow", "Not applicable or optional for this type of check"),
}

TYPING_SAVE_MS = 250  # text being typed is kept this long after the last key (against a crash)


class InspectionWindow(QWidget):
    """One draft inspection, walked step by step; `finalised` carries the id once frozen.

    The window owns the readings (`readings`, exactly as stored after the last write); every step
    reads them through a read-only view and hands edits back, so there is no second copy to drift.
    """

    finalised = Signal(str)
    SAVE_RETRY_MS = 2000  # another program holds the database: try the autosave again this often

    def __init__(
        self, services: DraftServices, inspection_id: str, lang: str, *, recovered: bool = False
    ) -> None:
        super().__init__()
        self.services = services
        self.inspection_id = inspection_id
        self.lang = lang
        self.row = services.inspections.get(inspection_id)
        self.definition = services.inspections.definition_of(inspection_id)
        self.readings: dict[str, str] = services.inspections.readings(inspection_id)
        self.live: dict[str, Any] = {}
        self.live_error: Any = None
        self.stale: set[int] = set()  # steps not yet redrawn since the last change
        self.drawn = False  # every step is drawn once from the first evaluation
        self.typing_target: dict[str, Any] = {}  # what is being typed, not yet stored as a reading
        self.typing_saved = False
        self.typing_timer = QTimer(self, singleShot=True, interval=TYPING_SAVE_MS)
        self.typing_timer.timeout.connect(self.remember)
        self.undo_stack = QUndoStack(self)
        # Edits the store could not take yet (another program holds its lock): already in
        # `readings` (the screen shows them), kept here and saved by the retry timer.
        self.pending: dict[str, str] = {}
        self.retry_timer = QTimer(self, singleShot=True, interval=self.SAVE_RETRY_MS)
        self.retry_timer.timeout.connect(lambda: self.apply({}))
        self.setWindowTitle(f"{self.row['record_no']} — {labels.form(self.row['form_id'])}")
        self.resize(*initial_size(1280, 800))
        state = json.loads(self.row["ui_state"] or "{}")

        self.banner_icon = QLabel()
        self.banner = QLabel(wordWrap=True)
        self.banner.setAccessibleName(self.tr("Verdict"))
        title = QLabel(
            f"<b>{labels.form(self.row['form_id'])}</b> · "
            f"{self.row['site_name']} · {self.row['instrument_label']}"
        )
        self.notice = QLabel(wordWrap=True)
        self.notice.setStyleSheet("color: #e37400;")
        tariffs = services.inspections.tariff_choices()
        readings = MappingProxyType(self.readings)
        self.steps: list[StepWidget] = []
        self.step_list = QListWidget()
        self.step_list.setFixedWidth(230)
        self.step_list.setWordWrap(True)
        self.stack = QStackedWidget()
        for step in self.definition.steps:
            widget = build_step(self.definition, step, lang, readings, tariffs)
            widget.changed.connect(self.edit)
            widget.typed.connect(self.typing)
            if isinstance(widget, GridStep):
                widget.pending = tuple(state.get("pending", {}).get(step.id, ()))
            if isinstance(widget, SummaryStep):
                widget.finalise_requested.connect(self.ask_finalise)
            self.steps.append(widget)
            self.stack.addWidget(widget)
            name = f"{len(self.steps)}  " + (step.zh if lang == "zh" else step.en)
            self.step_list.addItem(name)
            self.step_list.item(self.step_list.count() - 1).setData(Qt.ItemDataRole.UserRole + 1, name)
        self.step_list.currentRowChanged.connect(self._step_changed)
        self.step_list.setIconSize(QSize(18, 18))
        self.step_list.setSpacing(2)
        self.step_list.setAccessibleName(self.tr("Steps"))

        # Back and Next with their keys shown (Ctrl+PgUp / Ctrl+PgDown work anywhere in the window)
        back_key = QKeySequence("Ctrl+PgUp").toString(QKeySequence.SequenceFormat.NativeText)
        next_key = QKeySequence("Ctrl+PgDown").toString(QKeySequence.SequenceFormat.NativeText)
        self.back_button = QPushButton("← " + self.tr("Back") + f"  ({back_key})")
        self.next_button = QPushButton(self.tr("Next") + f"  ({next_key}) →")
        for button in (self.back_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the step; the keys move
        self.back_button.clicked.connect(lambda: self.go(self.current_step() - 1, focus=True))
        self.next_button.clicked.connect(lambda: self.go(self.current_step() + 1, focus=True))
        self.position = QLabel()
        self.position.setStyleSheet("color: #5f6368;")

        banner = QHBoxLayout()
        banner.addWidget(self.banner_icon)
        banner.addWidget(self.banner, 1)
        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        footer.addSpacing(self.step_list.width())
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.position)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(banner)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

        shortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        redo = QShortcut(self)
        redo.activated.connect(self.undo_stack.redo)
        # One shortcut for every redo key: the platform's and Ctrl+Y (two would be ambiguous and
        # neither would fire where the platform's list already has Ctrl+Y).
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        redo.setKeys([*keys, *([QKeySequence("Ctrl+Y")] if QKeySequence("Ctrl+Y") not in keys else [])])
        shortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.go(self.current_step() + 1, focus=True))
        shortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.go(self.current_step() - 1, focus=True))
        shortcut(QKeySequence("Ctrl+Return"), self, self._finalise_key)

        from ui.inspection.evidence import EvidencePanel

        self.evidence = EvidencePanel(services, inspection_id, lang)
        self.evidence.refusal.setText(self.readings.get("signatures.refusal", ""))
        self.evidence.refusal_changed.connect(lambda text: self.edit({"signatures.refusal": text}))
        self.evidence.refusal.textEdited.connect(
            lambda text: self.typing({"path": "signatures.refusal", "text": text})
        )
        summary = self.summary()
        summary.attach_evidence(self.evidence)
        summary.second_inspector_changed.connect(self.set_second_inspector)
        summary.reason_changed.connect(self.set_correction_reason)
        summary.measures_changed.connect(self.set_measures)
        self.replaced = services.inspections.get(self.row["supersedes"]) if self.row["supersedes"] else None
        summary.load_record(self.row, self.replaced)
        for widget in self.steps:
            widget.refresh()
        self.go(int(state.get("step", 0)))
        current = self.steps[self.current_step()]
        if isinstance(current, GridStep) and state.get("cell"):
            row, column = state["cell"]
            current.grid.go_to(max(row, 0), max(column, 0))
            current.grid.setFocus()
        else:
            current.focus_first()  # the keyboard starts in the step, not in the step list
        if recovered:
            self.notice.setText("↺ " + self._recover(state.get("typing") or {}))
        self.refresh(self.services.inspections.set_readings(inspection_id, {}, ui_state=self.ui_state()))

    def _recover(self, typing: dict[str, Any]) -> str:
        """Put back what was being typed when the app stopped; say exactly what was kept."""
        head = self.tr(
            "Recovered: this inspection was open when the app stopped. Every entry confirmed "
            "(Enter, Tab or leaving the field) had been saved"
        )
        text = str(typing.get("text", "")).strip()
        if not text:
            return head + self.tr("; nothing was being typed.")
        place = ""
        if "path" in typing:
            path = str(typing["path"])
            place = place_of(self.definition, path, self.lang)
            self.edit({path: text})
        else:
            index = next(
                (
                    i
                    for i, w in enumerate(self.steps)
                    if isinstance(w, GridStep) and w.step.id == typing.get("step")
                ),
                None,
            )
            if index is not None:
                grid = self.steps[index]
                assert isinstance(grid, GridStep)
                row, column = int(typing.get("row", 0)), int(typing.get("column", 0))
                place = grid.sheet.place(grid.model.table, row, column, self.lang)
                if grid.edit_cells(row, column, [[text]]).refused is not None:
                    return head + self.tr("; “%1” being typed in %2 could not be kept.").replace(
                        "%1", text
                    ).replace("%2", place)
        return head + self.tr("; “%1”, still being typed in %2, was put back and saved.").replace(
            "%1", text
        ).replace("%2", place)

    # -- navigation ------------------------------------------------------------------------
    def ui_state(self, step: int | None = None) -> dict[str, Any]:
        """Where the inspector is (step, grid cell), groups typed on rows without readings, and
        what is being typed: all restored after a crash."""
        index = self.current_step() if step is None else step
        widget = self.steps[index] if self.steps else None
        cell = None
        if isinstance(widget, GridStep) and widget.grid.currentIndex().isValid():
            cell = [widget.grid.currentIndex().row(), widget.grid.currentIndex().column()]
        state: dict[str, Any] = {"open": True, "step": index, "cell": cell}
        pending = {w.step.id: list(w.pending) for w in self.steps if isinstance(w, GridStep) and w.pending}
        if pending:
            state["pending"] = pending
        if self.typing_target:
            state["typing"] = self.typing_target
        return state

    def current_step(self) -> int:
        return max(0, self.step_list.currentRow())

    def go(self, index: int, *, focus: bool = False) -> None:
        """Show a step; with ``focus`` (the keyboard's Ctrl+PgDown/PgUp) its first input takes
        the keyboard, so typing goes on without the mouse."""
        self.step_list.setCurrentRow(min(max(index, 0), len(self.steps) - 1))
        if focus:
            self.steps[self.current_step()].focus_first()

    def _step_changed(self, index: int) -> None:
        if index < 0:  # the list is being torn down
            return
        leaving = self.stack.currentWidget()
        if isinstance(leaving, StepWidget):
            self._commit_typing(leaving)
        self._redraw(index)
        self.stack.setCurrentIndex(index)
        self._show_position(index)
        self.remember(index)

    def _show_position(self, index: int) -> None:
        last = len(self.steps) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < last)
        if index < last:
            step = self.definition.steps[index + 1]
            self.next_button.setToolTip(step.zh if self.lang == "zh" else step.en)
        self.position.setText(
            self.tr("Step %1 of %2").replace("%1", str(index + 1)).replace("%2", str(last + 1))
        )

    def _commit_typing(self, widget: StepWidget) -> None:
        refused = widget.commit_typing()
        if refused is not None:
            self.notice.setText(
                "✗ " + self.tr("Not stored: ") + describe(self.definition, refused, self.lang)
            )

    # -- editing ---------------------------------------------------------------------------
    def edit(self, values: dict[str, str]) -> None:
        """A step changed readings: one undoable command (which autosaves). An empty change
        is window state only (a group typed on an empty row): remembered, not a reading."""
        if not values:
            self.remember()
            return
        old = {path: self.readings.get(path, "") for path in values}
        if old == values:
            return
        self.undo_stack.push(SetReadingsCommand(self, dict(values), old))

    def apply(self, values: dict[str, str]) -> None:
        """Store readings (with any still pending), take the stored readings back as the window's
        own and redraw. If another program holds the database, keep them pending (on screen and
        evaluated, not yet stored) and retry shortly."""
        to_save = {**self.pending, **values}
        try:
            live = self.services.inspections.set_readings(
                self.inspection_id, to_save, ui_state=self.ui_state()
            )
        except RecordFrozen:
            self.notice.setText(self.tr("This inspection is finalised and can no longer change."))
            return
        except StoreBusy as exc:
            self.pending = to_save
            for path, value in values.items():
                if value:
                    self.readings[path] = value
                else:
                    self.readings.pop(path, None)
            self.notice.setText(
                "⚠ "
                + self.tr(
                    "The database is in use by another program (%1). Your entries are kept and will "
                    "be saved as soon as it is free."
                ).replace("%1", ", ".join(exc.holders) or "?")
            )
            self.retry_timer.start()
            live = self.services.inspections.evaluate_flat(self.definition, self.row, dict(self.readings))
        else:
            if self.pending:
                self.pending = {}
                self.notice.setText("✓ " + self.tr("Saved: the database is free again."))
            self.typing_saved = bool(self.typing_target)
            self.readings.clear()
            self.readings.update(live.readings)
        self.refresh(live)

    def typing(self, target: dict[str, Any]) -> None:
        """Text typed but not yet committed: kept shortly after the last key; forgotten once
        committed or abandoned."""
        self.typing_target = target
        if target:
            self.typing_timer.start()
        elif self.typing_saved:
            self.typing_timer.stop()
            self.remember()

    def remember(self, step: int | None = None) -> None:
        """Store the window state (step, cell, pending groups, typing) without touching readings;
        skipped while the database is held elsewhere."""
        try:
            self.services.inspections.remember(self.inspection_id, self.ui_state(step))
        except (RecordFrozen, StoreBusy):
            return
        self.typing_saved = bool(self.typing_target)

    def refresh(self, live: Any) -> None:
        data = live.as_json()
        verdict = data.get("verdict")
        self.banner_icon.setPixmap(icons.verdict_icon(verdict, 32).pixmap(32, 32))
        text = labels.verdict(verdict)
        missing = data.get("missing", [])
        if data.get("failed") and (verdict == "fail" or missing):  # what failed first: it is final
            text += " — " + "、".join(vocabulary.item(self.definition, c, self.lang) for c in data["failed"])
        if live.error is not None and live.error.code != "required":
            text += " — ⚠ " + describe(self.definition, live.error, self.lang)
        elif missing:  # incomplete: say what is still missing (the summary step lists it all)
            more = self.tr(" (and %1 more)").replace("%1", str(len(missing) - 1)) if len(missing) > 1 else ""
            text += " — " + self.tr("Still to fill in: ") + missing[0][self.lang] + more
        elif data.get("next_steps"):
            steps = (vocabulary.next_step(self.definition, c, self.lang) for c in data["next_steps"])
            text += " — " + "、".join(steps)
        self.banner.setText(text)
        if self.banner.styleSheet() != (style := f"font-size: 16px; color: {icons.colour(verdict).name()};"):
            self.banner.setStyleSheet(style)  # only when it changes: a style sheet costs ~0.4 ms
        self.live = data
        self.live_error = live.error
        self.stale |= self.touched(getattr(live, "changes", None))  # hidden steps redraw when shown
        self.drawn = True
        self._mark_steps(data, live.error)
        self._redraw(self.current_step())

    def touched(self, changes: Any) -> set[int]:
        """The steps a write's change set reaches (`LiveEvaluation.changes`): those showing a
        changed reading, a grid whose rows' results changed (or a single result its rows are
        shown with, e.g. the scale's e), and the summary. Everything before the first drawing or
        when the change is not known."""
        every = set(range(len(self.steps)))
        if not self.drawn or changes is None or changes.results is None:
            return every
        out = {i for i, w in enumerate(self.steps) if isinstance(w, SummaryStep)}
        for path in changes.readings:
            owner = step_of_path(self.definition, path)
            out |= {i for i, w in enumerate(self.steps) if w.step.id == owner}
        results = self.live.get("results") or {}
        for i, w in enumerate(self.steps):
            shown = w.object_path()  # a step showing its object's results (the scale's zero)
            if shown and shown.split(".", 1)[0] in changes.results:
                out.add(i)
            if {*w.step.figures, w.step.count} & changes.results:  # its figures (a lot's T, n)
                out.add(i)
            if not isinstance(w, GridStep):
                continue
            root = re.split(r"[.\[]", w.step.results or w.step.grid, maxsplit=1)[0]
            context = {k for k, _v in row_context(self.definition, results)}
            if root in changes.results or context & changes.results:
                out.add(i)
        return out

    def _mark_steps(self, live: dict[str, Any], error: Any = None) -> None:
        """Mark each step in the list: done ✓, failed ✗, missing …, undecided ?, input error ⚠,
        not begun ○; the tool tip says which and what (the cells refused and why, the items
        failed, what is missing)."""
        sep = "、" if self.lang == "zh" else ", "
        for index, state in enumerate(
            step_states(self.definition, self.readings, live, error, self.row.get("control"))
        ):
            item = self.step_list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) != state.state:  # an icon is never equal to
                item.setIcon(icons.step_icon(state.state))  # another: set, it repaints the list
            name = str(item.data(Qt.ItemDataRole.UserRole + 1))
            if state.invalid:  # needs the inspector now: said in words too, in the mark's colour
                item.setText(name + "\n⚠ " + self.tr("Input error"))
                item.setForeground(icons.INVALID_COLOUR)
            elif item.text() != name:
                item.setText(name)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            tip = self.tr(str(STEP_STATE_TEXT[state.state]))  # str: the stub types NOOP as object
            if state.invalid:  # the first few refused cells, as the summary names them
                tip += ": " + "；".join(describe(self.definition, e, self.lang) for e in state.invalid[:5])
                if len(state.invalid) > 5:
                    tip += " …"
            elif state.failed:
                names = [
                    self.definition.items.get(c, (c, c))[0 if self.lang == "zh" else 1] for c in state.failed
                ]
                tip += ": " + sep.join(names)
            elif state.missing:
                tip += ": " + sep.join(m[self.lang] for m in state.missing)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            item.setData(Qt.ItemDataRole.UserRole, state.state)

    def _redraw(self, index: int) -> None:
        """Bring a step up to the readings and evaluation as stored (the shown one at once, the
        others when they are shown: a 125-row grid out of sight costs nothing)."""
        if index in self.stale:
            self.stale.discard(index)
            self.steps[index].refresh()
            self.steps[index].show_live(self.live, self.live_error)

    # -- who inspects, why a correction, what was done (kept on the draft) ------------------
    def set_second_inspector(self, name: str, id_number: str) -> None:
        self._set_record(
            lambda: self.services.inspections.set_second_inspector(self.inspection_id, name, id_number)
        )

    def set_correction_reason(self, reason: str) -> None:
        self._set_record(lambda: self.services.inspections.set_correction_reason(self.inspection_id, reason))

    def set_measures(self, measures: list[str]) -> None:
        self._set_record(lambda: self.services.inspections.set_measures(self.inspection_id, measures))

    def _set_record(self, change: Any) -> None:
        """Store a change of the record itself (not a reading), then show it and what is still
        missing; a refused value is named in the notice."""
        try:
            change()
        except ValidationFailed as exc:  # what was typed stays on screen, with the reason
            self.notice.setText("⚠ " + "；".join(describe(self.definition, e, self.lang) for e in exc.errors))
            return
        except RecordFrozen:
            self.notice.setText(self.tr("This inspection is finalised and can no longer change."))
            return
        except StoreBusy as exc:
            self.notice.setText(
                "⚠ "
                + self.tr("The database is in use by another program (%1); nothing was changed.").replace(
                    "%1", ", ".join(exc.holders) or "?"
                )
            )
            return
        else:
            self.notice.setText("")
        self.row = self.services.inspections.get(self.inspection_id)
        self.summary().load_record(self.row, self.replaced)
        self.refresh(self.services.inspections.set_readings(self.inspection_id, {}, ui_state=self.ui_state()))

    # -- finalising ------------------------------------------------------------------------
    def summary(self) -> SummaryStep:
        return next(w for w in self.steps if isinstance(w, SummaryStep))

    def _finalise_key(self) -> None:
        """Ctrl+Enter on the verdict step is its Finalise button (keyboard alone, no ten Tabs)."""
        button = self.summary().finalise_button
        if self.steps[self.current_step()] is self.summary() and button.isEnabled():
            button.click()

    def ask_finalise(self) -> None:
        """Confirm the summary, ask for the passphrase, then freeze, sign and make the PDF."""
        verdict = labels.verdict(self.live.get("verdict"))
        question = self.tr(
            "Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; "
            "a correction is a new record."
        )
        question = question.replace("%1", self.row["record_no"]).replace("%2", verdict)
        if self.replaced is not None:  # say what is replaced and how the verdict changes
            question += "\n\n" + self.tr(
                "It replaces record %1 of %2: verdict “%3” → “%4”. Reason: %5"
            ).replace("%1", self.replaced["record_no"]).replace(
                "%2", local(self.replaced.get("finalised_at"))
            ).replace("%3", labels.verdict(self.replaced.get("verdict"))).replace("%4", verdict).replace(
                "%5", self.row.get("correction_reason") or "—"
            )
        answer = QMessageBox.question(self, self.tr("Finalise"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase, ok = QInputDialog.getText(
            self, self.tr("Sign"), self.tr("Passphrase of your key:"), QLineEdit.EchoMode.Password
        )
        if ok:
            self.finalise_with(passphrase)

    def finalise_with(self, passphrase: str) -> bool:
        """Freeze and sign with this passphrase; a message says why if it cannot. True when done."""
        for widget in self.steps:
            self._commit_typing(widget)
        self.evidence.save_drawn()  # a drawn pad is a signature, saved or not
        if self.pending:
            self.apply({})
            if self.pending:
                return False  # the notice already says the database is held elsewhere
        busy = self._signing_shown()
        try:
            sealer = self.services.records.sealer(passphrase)
            self.services.inspections.finalise(
                self.inspection_id, sealer=sealer, measures=self.summary().chosen_measures()
            )
        except WrongPassphrase:
            self.notice.setText("⚠ " + self.tr("Wrong passphrase; nothing was changed."))
            return False
        except ValidationFailed as exc:  # every reason: an incomplete check lists all it lacks
            self.notice.setText("⚠ " + "；".join(describe(self.definition, e, self.lang) for e in exc.errors))
            return False
        except StoreBusy as exc:
            self.notice.setText(
                "⚠ "
                + self.tr("The database is in use by another program (%1); nothing was changed.").replace(
                    "%1", ", ".join(exc.holders) or "?"
                )
            )
            return False
        finally:
            busy.close()
            QApplication.restoreOverrideCursor()
        self.finalised.emit(self.inspection_id)
        self.close()
        return True

    def _signing_shown(self) -> QProgressDialog:
        """Unlocking the key, signing and making the PDF take a second or two: say so at once, with
        a busy bar and cursor, before the work starts (it runs on this thread: SQLite's
        connection belongs to it)."""
        busy = QProgressDialog(self.tr("Signing and making the record PDF…"), "", 0, 0, self)
        busy.setWindowTitle(self.tr("Signing"))
        busy.setCancelButton(None)
        busy.setMinimumDuration(0)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.notice.setText("⏳ " + self.tr("Signing and making the record PDF…"))
        busy.repaint()
        QApplication.processEvents()
        return busy

    def closeEvent(self, event: QCloseEvent) -> None:
        row = self.services.inspections.get(self.inspection_id)
        if row["status"] == "draft":
            for widget in self.steps:
                self._commit_typing(widget)
            if self.pending:
                self.apply({})
                if self.pending:  # still held elsewhere: closing now would lose what was typed
                    event.ignore()
                    return
            self.typing_target = {}
            self.typing_timer.stop()
            with contextlib.suppress(StoreBusy):
                self.services.inspections.remember(self.inspection_id, {**self.ui_state(), "open": False})
        super().closeEvent(event)

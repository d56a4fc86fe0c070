"""The guided inspection: steps on the left, the step on the right, the live verdict on top.

Every edit is one undo command that autosaves through the inspection service (readings rows plus
the fresh evaluation, one transaction); the window remembers its step, so a killed app reopens
the same draft at the same place.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import RecordFrozen, StoreBusy, ValidationFailed
from inspector_app.signing.keys import WrongPassphrase
from ui import icons, labels
from ui.inspection.steps import GridStep, StepWidget, SummaryStep, build_step


class SetReadingsCommand(QUndoCommand):
    """Set readings (paths → text); undo puts back what was there."""

    def __init__(self, window: InspectionWindow, new: dict[str, str], old: dict[str, str]) -> None:
        super().__init__(window.tr("Edit readings"))
        self.window = window
        self.new = new
        self.old = old

    def redo(self) -> None:
        self.window.apply(self.new)

    def undo(self) -> None:
        self.window.apply(self.old, reload=True)


class InspectionWindow(QWidget):
    """One draft inspection, walked step by step; `finalised` carries the id once frozen."""

    finalised = Signal(str)
    SAVE_RETRY_MS = 2000  # another program holds the database: try the autosave again this often

    def __init__(self, services: Any, inspection_id: str, lang: str, *, recovered: bool = False) -> None:
        super().__init__()
        self.services = services
        self.inspection_id = inspection_id
        self.lang = lang
        self.row = services.inspections.get(inspection_id)
        self.definition = services.inspections.definition_of(inspection_id)
        self.flat = services.inspections.readings(inspection_id)
        self.undo_stack = QUndoStack(self)
        # Edits the store could not take yet (another program holds its lock): kept here and in
        # self.flat, and saved by the retry timer; nothing typed is dropped.
        self.pending: dict[str, str] = {}
        self.retry_timer = QTimer(self, singleShot=True, interval=self.SAVE_RETRY_MS)
        self.retry_timer.timeout.connect(lambda: self.apply({}))
        self.setWindowTitle(f"{self.row['record_no']} — {labels.form(self.row['form_id'])}")
        self.resize(1200, 780)

        self.banner_icon = QLabel()
        self.banner = QLabel(wordWrap=True)
        self.banner.setAccessibleName(self.tr("Verdict"))
        title = QLabel(
            f"<b>{self.definition.zh if lang == 'zh' else self.definition.en}</b> · "
            f"{self.row['site_name']} · {self.row['instrument_label']}"
        )
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #e37400;")
        tariffs = services.inspections.tariff_choices()
        self.steps: list[StepWidget] = []
        self.step_list = QListWidget()
        self.step_list.setFixedWidth(230)
        self.step_list.setWordWrap(True)
        self.stack = QStackedWidget()
        for step in self.definition.steps:
            widget = build_step(self.definition, step, lang, tariffs)
            widget.changed.connect(self.edit)
            if isinstance(widget, SummaryStep):
                widget.finalise_requested.connect(self.ask_finalise)
            self.steps.append(widget)
            self.stack.addWidget(widget)
            self.step_list.addItem(step.zh if lang == "zh" else step.en)
        self.step_list.currentRowChanged.connect(self._step_changed)

        banner = QHBoxLayout()
        banner.addWidget(self.banner_icon)
        banner.addWidget(self.banner, 1)
        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(banner)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)

        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+Y"), self, activated=self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self.go(self.current_step() + 1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self.go(self.current_step() - 1))

        from ui.inspection.evidence import EvidencePanel

        self.evidence = EvidencePanel(services, inspection_id, lang)
        self.evidence.refusal.setText(self.flat.get("signatures.refusal", ""))
        self.evidence.refusal_changed.connect(lambda text: self.edit({"signatures.refusal": text}))
        self.summary().evidence_slot.addWidget(self.evidence)
        for widget in self.steps:
            widget.load(self.flat)
        state = json.loads(self.row["ui_state"] or "{}")
        self.go(int(state.get("step", 0)))
        current = self.steps[self.current_step()] if self.steps else None
        if isinstance(current, GridStep) and state.get("cell"):
            row, column = state["cell"]
            current.grid.setCurrentCell(max(row, 0), max(column, 0))
        if recovered:
            self.notice.setText(
                "↺ "
                + self.tr("Recovered: this inspection was open when the app stopped; nothing typed was lost.")
            )
        self.refresh(self.services.inspections.set_readings(inspection_id, {}, ui_state=self.ui_state()))

    def _save_state(self, state: dict[str, Any]) -> None:
        """Remember where the inspector is; skipped while the database is held elsewhere."""
        with contextlib.suppress(StoreBusy):
            self.services.inspections.set_readings(self.inspection_id, {}, ui_state=state)

    # -- navigation ------------------------------------------------------------------------
    def ui_state(self, step: int | None = None) -> dict[str, Any]:
        """Where the inspector is: open, the step, and the grid cell (restored after a crash)."""
        index = self.current_step() if step is None else step
        widget = self.steps[index] if self.steps else None
        cell = (
            [widget.grid.currentRow(), widget.grid.currentColumn()] if isinstance(widget, GridStep) else None
        )
        return {"open": True, "step": index, "cell": cell}

    def current_step(self) -> int:
        return max(0, self.step_list.currentRow())

    def go(self, index: int) -> None:
        self.step_list.setCurrentRow(min(max(index, 0), len(self.steps) - 1))

    def _step_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self._save_state(self.ui_state(index))

    # -- editing ---------------------------------------------------------------------------
    def edit(self, values: dict[str, str]) -> None:
        """A step changed readings: one undoable command (which autosaves)."""
        old = {path: self.flat.get(path, "") for path in values}
        if old == values:
            return
        self.undo_stack.push(SetReadingsCommand(self, dict(values), old))

    def apply(self, values: dict[str, str], *, reload: bool = False) -> None:
        """Save readings (with any still pending) and show the new evaluation. If another program
        holds the database, keep them pending, evaluate without saving, and retry shortly."""
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
            self._remember(values)
            holders = ", ".join(exc.holders) or "?"
            self.notice.setText(
                "⚠ "
                + self.tr(
                    "The database is in use by another program (%1). Your entries are kept and will "
                    "be saved as soon as it is free."
                ).replace("%1", holders)
            )
            self.retry_timer.start()
            live = self.services.inspections.evaluate_flat(self.definition, self.row, self.flat)
        else:
            if self.pending:
                self.pending = {}
                self.notice.setText("✓ " + self.tr("Saved: the database is free again."))
            self._remember(values)
        if reload:
            for widget in self.steps:
                widget.load(self.flat)
        self.refresh(live)

    def _remember(self, values: dict[str, str]) -> None:
        for path, value in values.items():
            if value:
                self.flat[path] = value
            else:
                self.flat.pop(path, None)

    def refresh(self, live: Any) -> None:
        data = live.as_json()
        verdict = data.get("verdict")
        self.banner_icon.setPixmap(icons.verdict_icon(verdict, 32).pixmap(32, 32))
        text = labels.verdict(verdict)
        missing = data.get("missing", [])
        if data.get("failed") and (verdict == "fail" or missing):  # what failed first: it is final
            items = self.definition.items
            text += " — " + "、".join(
                items.get(c, (c, c))[0 if self.lang == "zh" else 1] for c in data["failed"]
            )
        if live.error is not None and live.error.code != "required":
            text += " — ⚠ " + live.error.message(self.lang)
        elif missing:  # incomplete: say what is still missing (the summary step lists it all)
            more = self.tr(" (and %1 more)").replace("%1", str(len(missing) - 1)) if len(missing) > 1 else ""
            text += " — " + self.tr("Still to fill in: ") + missing[0][self.lang] + more
        elif data.get("next_steps"):
            text += " — " + "、".join(labels.next_step(code) for code in data["next_steps"])
        self.banner.setText(text)
        self.banner.setStyleSheet(f"font-size: 16px; color: {icons.colour(verdict).name()};")
        self.live = data
        # Computed columns may change the grid's shape: never while its editor is committing.
        QTimer.singleShot(0, lambda: self._show_steps(data, live.error))

    def _show_steps(self, data: dict[str, Any], error: Any) -> None:
        if self.live is not data:  # a newer evaluation is already on its way
            return
        for widget in self.steps:
            widget.show(data, error)

    # -- finalising ------------------------------------------------------------------------
    def summary(self) -> SummaryStep:
        return next(w for w in self.steps if isinstance(w, SummaryStep))

    def ask_finalise(self) -> None:
        """Confirm the summary, ask for the passphrase, then freeze, sign and make the PDF."""
        verdict = labels.verdict(self.live.get("verdict"))
        answer = QMessageBox.question(
            self,
            self.tr("Finalise"),
            self.tr(
                "Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; "
                "a correction is a new record."
            )
            .replace("%1", self.row["record_no"])
            .replace("%2", verdict),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase, ok = QInputDialog.getText(
            self, self.tr("Sign"), self.tr("Passphrase of your key:"), QLineEdit.EchoMode.Password
        )
        if ok:
            self.finalise_with(passphrase)

    def finalise_with(self, passphrase: str) -> bool:
        """Freeze and sign with this passphrase; a message says why if it cannot. True when done."""
        if self.pending:
            self.apply({})
            if self.pending:
                return False  # the notice already says the database is held elsewhere
        try:
            sealer = self.services.records.sealer(passphrase)
            self.services.inspections.finalise(
                self.inspection_id, sealer=sealer, measures=self.summary().chosen_measures()
            )
        except WrongPassphrase:
            self.notice.setText("⚠ " + self.tr("Wrong passphrase; nothing was changed."))
            return False
        except ValidationFailed as exc:  # every reason: an incomplete check lists all it lacks
            self.notice.setText("⚠ " + "；".join(e.message(self.lang) for e in exc.errors))
            return False
        except StoreBusy as exc:
            self.notice.setText(
                "⚠ "
                + self.tr("The database is in use by another program (%1); nothing was changed.").replace(
                    "%1", ", ".join(exc.holders) or "?"
                )
            )
            return False
        self.finalised.emit(self.inspection_id)
        self.close()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pending:
            self.apply({})
            if self.pending:  # still held elsewhere: closing now would lose what was typed
                event.ignore()
                return
        row = self.services.inspections.get(self.inspection_id)
        if row["status"] == "draft":
            self._save_state({"open": False, "step": self.current_step()})
        super().closeEvent(event)

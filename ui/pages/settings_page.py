"""The settings page, generated from the declared settings (inspector_app.settings.SETTINGS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import ValidationFailed
from inspector_app.settings import SETTINGS
from ui.widgets import named

if TYPE_CHECKING:
    from inspector_app.services.ports import SettingsEditing


class SettingsPage(QWidget):
    """One row per setting: its editor and its help; every change is stored at once."""

    def __init__(
        self,
        settings_service: SettingsEditing,
        lang: str,
        parent: QWidget | None = None,
        *,
        mode: str = "laptop",
    ) -> None:
        super().__init__(parent)
        self._service = settings_service
        self._lang = lang
        self.editors: dict[str, QWidget] = {}
        values = settings_service.values()
        form = QFormLayout()
        for s in SETTINGS:
            if s.scope not in ("both", mode):  # an office setting means nothing on a laptop
                continue
            label = s.zh if lang == "zh" else s.en
            help_text = s.help_zh if lang == "zh" else s.help_en
            editor: QWidget
            if s.type == "choice":
                combo = named(QComboBox(), label)
                for value, zh, en in s.choices:
                    combo.addItem(zh if lang == "zh" else en, value)
                combo.setCurrentIndex(max(0, combo.findData(values[s.key])))
                combo.currentIndexChanged.connect(
                    lambda _i, key=s.key, c=combo: self._store(key, c.currentData())
                )
                editor = combo
            else:
                line = named(QLineEdit(values[s.key]), label)
                line.editingFinished.connect(lambda key=s.key, w=line: self._store(key, w.text()))
                editor = line
            editor.setToolTip(help_text)
            self.editors[s.key] = editor
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            hint = QLabel(help_text, wordWrap=True)
            hint.setStyleSheet("color: #5f6368;")
            box.addWidget(hint)
            form.addRow(label, box)
        self.message = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _store(self, key: str, value: str) -> None:
        try:
            self._service.set(key, value)
            self.message.setText(self.tr("Saved."))
            self.message.setStyleSheet("color: #1e8e3e;")
        except ValidationFailed as exc:
            self.message.setText("\n".join(e.message(self._lang) for e in exc.errors))
            self.message.setStyleSheet("color: #c5221f;")

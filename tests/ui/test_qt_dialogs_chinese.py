"""Qt's own dialogs speak Chinese (issue 12): the file dialogs, the printer dialog, questions and the
passphrase prompt. Qt's shipped zh_CN catalogue lacks a few texts of this Qt version ("&Look in:",
"Files of &type:", the printer's name and properties…); ui/i18n/qt_extra_zh_CN.ts supplies them.

Every text a person can read in the opened dialog (labels, buttons, tool tips, list items, column
headers) is checked: none is an English word.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

ENGLISH = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"PDF", "PNG", "JPEG", "JPG", "jpg", "jpeg", "png", "pdf", "Ctrl", "Shift"}  # names, not words


def readable_texts(dialog: QWidget) -> list[str]:
    texts = [dialog.windowTitle()]
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog):
            continue
        for attr in ("text", "title", "toolTip", "placeholderText"):
            getter = getattr(child, attr, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.append(value)
        if isinstance(child, QComboBox) and not child.isEditable():
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())
            ]
    return texts


def english_words(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        if text.startswith(("/", "~")):  # a path shown in the dialog is not a word
            continue
        found += [w for w in ENGLISH.findall(text.replace("&", "")) if w not in ALLOWED]
    return found


@pytest.mark.parametrize("mode", ["open", "save"])
def test_the_file_dialog_speaks_chinese(qtbot, tmp_path, mode):
    dialog = QFileDialog(None, "", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = readable_texts(dialog)
    assert any("查找范围" in t for t in texts)  # "Look in" (Qt's catalogue lacks "&Look in:")
    assert english_words(texts) == []


def test_the_printer_dialog_speaks_chinese(qtbot):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert english_words(readable_texts(dialog)) == []
    dialog.close()


def test_questions_and_the_passphrase_prompt_speak_chinese(qtbot):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "定稿",
        "以结论“合格”定稿？",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    box.show()
    prompt = QInputDialog()
    prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
    prompt.setLabelText("密钥口令：")
    qtbot.addWidget(prompt)
    prompt.show()
    for dialog in (box, prompt):
        qtbot.waitExposed(dialog)
        assert english_words(readable_texts(dialog)) == []

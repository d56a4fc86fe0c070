"""Asking for a passphrase (hidden input); the GUI never keeps it beyond the call it is for."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_passphrase(parent: QWidget, title: str, prompt: str) -> str | None:
    """The passphrase typed, or None when the user cancels."""
    text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
    return text if ok else None

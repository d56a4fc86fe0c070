"""Names for the codes the core speaks in, in the language the GUI was started in.

The words come from the one vocabulary of the core (`inspector_app.vocabulary`) and the
procedures' definitions, so a verdict reads the same in the list, the wizard, the CLI and the PDF.
Only the GUI's own nouns (its registries' page names) go through Qt's translation tools here.
The language is the one `ui.app.install_translators` set on the application.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector_app import vocabulary

LANGUAGE_PROPERTY = "inspector_lang"  # "zh" or "en", set on the QApplication with its translators

# QT_TRANSLATE_NOOP returns its text; PySide6's stub says `object`, hence the ignores.
_TABLES: dict[str, str] = {
    "sites": QT_TRANSLATE_NOOP("Labels", "Sites"),  # type: ignore[dict-item]
    "instruments": QT_TRANSLATE_NOOP("Labels", "Instruments"),  # type: ignore[dict-item]
    "standards": QT_TRANSLATE_NOOP("Labels", "Standards"),  # type: ignore[dict-item]
    "tasks": QT_TRANSLATE_NOOP("Labels", "Tasks"),  # type: ignore[dict-item]
}


def lang() -> str:
    """The GUI's language: 'zh' unless the application was started in English."""
    app = QCoreApplication.instance()
    found = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return "en" if found == "en" else "zh"


def verdict(code: str | None) -> str:
    return vocabulary.verdict(code or None, lang())


def status(code: str | None) -> str:
    return vocabulary.status(code, lang())


def form(form_id: str | None) -> str:
    return vocabulary.form(form_id, lang())


def table(name: str) -> str:
    text = _TABLES.get(name)
    return QCoreApplication.translate("Labels", text) if text else name

"""Translated names for the codes the core speaks in (status, verdict, forms, registries).

The texts are marked with QT_TRANSLATE_NOOP so lupdate collects them into the .ts files (context
"Labels"); they are translated when shown. The core never sends sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "finalised": QT_TRANSLATE_NOOP("Labels", "Finalised"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "pass": QT_TRANSLATE_NOOP("Labels", "Pass"),
    "fail": QT_TRANSLATE_NOOP("Labels", "Fail"),
    "inconclusive": QT_TRANSLATE_NOOP("Labels", "Inconclusive"),
    "": QT_TRANSLATE_NOOP("Labels", "Not evaluated"),
    "fuel_dispenser": QT_TRANSLATE_NOOP("Labels", "Fuel dispenser"),
    "taxi_meter": QT_TRANSLATE_NOOP("Labels", "Taxi meter"),
    "scale": QT_TRANSLATE_NOOP("Labels", "Scale"),
    "net_content": QT_TRANSLATE_NOOP("Labels", "Net content"),
    "sites": QT_TRANSLATE_NOOP("Labels", "Sites"),
    "instruments": QT_TRANSLATE_NOOP("Labels", "Instruments"),
    "standards": QT_TRANSLATE_NOOP("Labels", "Standards"),
    "tasks": QT_TRANSLATE_NOOP("Labels", "Tasks"),
}


def _label(code: str | None) -> str:
    text = _LABELS.get(code or "")
    return QCoreApplication.translate("Labels", text) if text else (code or "")


status = verdict = form = table = _label

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
    "incomplete": QT_TRANSLATE_NOOP("Labels", "Incomplete"),
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


# Computed values shown beside readings (keys of the evaluator's results).
_RESULTS: dict[str, str] = {
    "v_b": QT_TRANSLATE_NOOP("Results", "V_B (L)"),
    "v_bt": QT_TRANSLATE_NOOP("Results", "V_Bt (L)"),
    "error_pct": QT_TRANSLATE_NOOP("Results", "Error (%)"),
    "mean_error_pct": QT_TRANSLATE_NOOP("Results", "Mean error (%)"),
    "repeatability_pct": QT_TRANSLATE_NOOP("Results", "Repeatability (%)"),
    "p": QT_TRANSLATE_NOOP("Results", "P"),
    "error": QT_TRANSLATE_NOOP("Results", "E"),
    "corrected_error": QT_TRANSLATE_NOOP("Results", "Ec"),
    "mpe": QT_TRANSLATE_NOOP("Results", "MPE"),
    "computed": QT_TRANSLATE_NOOP("Results", "Computed"),
    "difference": QT_TRANSLATE_NOOP("Results", "Difference"),
    "exact": QT_TRANSLATE_NOOP("Results", "Exact amount"),
    "shortage": QT_TRANSLATE_NOOP("Results", "Shortage"),
    "deviation": QT_TRANSLATE_NOOP("Results", "Negative deviation"),
    "limit": QT_TRANSLATE_NOOP("Results", "Limit"),
    "added": QT_TRANSLATE_NOOP("Results", "1.4 d"),
    "class": QT_TRANSLATE_NOOP("Results", "Class"),
    "k_suggested": QT_TRANSLATE_NOOP("Results", "Suggested k"),
    "k_rounded": QT_TRANSLATE_NOOP("Results", "k to set"),
    "expected_error_pct": QT_TRANSLATE_NOOP("Results", "Expected error (%)"),
}
HIDDEN_RESULTS = ("exceeds_mpe", "verdict", "below_min", "limit_pct", "repeatability_coefficient")
# A computed value and the flag that says whether it is within its limit (False: beyond).
RESULT_FLAGS = {"mean_error_pct": "mean_within_mpe", "repeatability_pct": "repeatability_within_limit"}

# What to measure next, for an inconclusive item (the evaluators' next-step codes).
_NEXT: dict[str, str] = {
    "weighing.flash_point": QT_TRANSLATE_NOOP(
        "Next", "Weighing: repeat with small weights of 0.1 e (flash-point method)"
    ),
    "eccentricity.flash_point": QT_TRANSLATE_NOOP(
        "Next", "Eccentricity: repeat with small weights of 0.1 e (flash-point method)"
    ),
    "distance_tests": QT_TRANSLATE_NOOP("Next", "Make at least one distance test"),
}


def next_step(code: str) -> str:
    text = _NEXT.get(code)
    return QCoreApplication.translate("Next", text) if text else code


def result_key(key: str) -> str:
    text = _RESULTS.get(key)
    return QCoreApplication.translate("Results", text) if text else key


def _label(code: str | None) -> str:
    text = _LABELS.get(code or "")
    return QCoreApplication.translate("Labels", text) if text else (code or "")


status = verdict = form = table = _label

"""Names people read for the codes records carry: procedures, failed items, measures, results.

From the current form definitions (their own zh/en labels); an unknown code is shown as it is.
"""

from __future__ import annotations

from functools import cache

from forms import FORM_IDS, load_definition

# 一公开 result wording (spec/office.md, "Publication"): a pass is 合格, a fail 不合格; a check
# whose data could not decide (inconclusive) established no non-conformity: 未发现问题.
PUBLIC_RESULT = {"pass": "合格", "fail": "不合格", "inconclusive": "未发现问题"}
VERDICT = {"pass": ("合格", "pass"), "fail": ("不合格", "fail"), "inconclusive": ("待定", "inconclusive")}


@cache
def _definitions() -> dict[str, object]:
    return {form_id: load_definition(form_id) for form_id in FORM_IDS}


def procedure(form_id: str, lang: str = "zh") -> str:
    defn = _definitions().get(form_id)
    if defn is None:
        return form_id
    return str(defn.zh if lang == "zh" else defn.en)  # type: ignore[attr-defined]


def inspection_item(form_id: str) -> str:
    """The inspection item as published: the procedure in Chinese (spec/office.md)."""
    return f"{procedure(form_id)}计量监督检查"


def item(form_id: str, code: str, lang: str = "zh") -> str:
    defn = _definitions().get(form_id)
    items = getattr(defn, "items", {}) or {}
    zh, en = items.get(code, (code, code))
    return str(zh if lang == "zh" else en)


@cache
def _measures() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for defn in _definitions().values():
        for m in getattr(defn, "measures", ()):
            found.setdefault(m.id, (m.zh, m.en))
    return found


def measure(code: str, lang: str = "zh") -> str:
    zh, en = _measures().get(code, (code, code))
    return zh if lang == "zh" else en


def verdict(code: str, lang: str = "zh") -> str:
    zh, en = VERDICT.get(code, (code, code))
    return zh if lang == "zh" else en

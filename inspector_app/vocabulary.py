"""The words for the codes records carry, in Chinese and English: one catalogue for the GUI, the CLI
and the PDF, so a verdict reads the same on screen, in a terminal and on paper.

Codes every procedure shares (verdicts, inspection states, control types, item categories) are
here; codes a procedure owns (its items, next steps, notes, measures, what an incomplete check
lacks) are in its definition, and this module reads them from there — from the definition a record
was evaluated with. The Qt side translates its own sentences with Qt's tools; names of codes come
from here. Unknown codes are shown as they are, never dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from forms import catalogue

if TYPE_CHECKING:
    from forms.definition import FormDefinition

Words = tuple[str, str]  # (zh, en)

# The outcome of a check (spec README, "Verdicts"), and the live state of one below the minimum
# content; None is a record not evaluated at all.
VERDICTS: dict[str | None, Words] = {
    "pass": ("合格", "Pass"),
    "fail": ("不合格", "Fail"),
    "inconclusive": ("待定", "Inconclusive"),  # what to measure next is said beside it (next steps)
    "incomplete": ("未完成", "Incomplete"),
    None: ("未评定", "Not evaluated"),
}
# A mark drawn beside the word (with a colour), so a verdict is never told by colour alone. The
# fail mark is ✘ (U+2718): the record's embedded font has no ✗ (U+2717), which printed as nothing.
VERDICT_MARKS: dict[str | None, str] = {"pass": "✓", "fail": "✘", "inconclusive": "?", "incomplete": "…"}
STATUSES: dict[str, Words] = {
    "draft": ("草稿", "Draft"),
    "finalised": ("已定稿", "Finalised"),
    "approved": ("已审核", "Approved"),
    "returned": ("已退回", "Returned"),
}
CONTROLS: dict[str, Words] = {
    "in_service": ("使用中检查", "In-service check"),
    "verification": ("检定", "Verification"),
}
ANSWERS: dict[str, Words] = {  # a checklist item's answer
    "true": ("符合", "Conforms"),
    "false": ("不符合", "Does not conform"),
    "": ("未检查", "Not checked"),
}
CATEGORIES: dict[str, Words] = {  # what an item code is about (forms.definition.ITEM_CATEGORIES)
    "measurement": ("计量性能", "Measurement"),
    "seal": ("封印", "Seal"),
    "cheating": ("作弊", "Cheating"),
    "document": ("证书与器具", "Certificate and instrument"),
    "marking": ("标识与等级", "Marking and class"),
    "function": ("功能", "Function"),
    "software": ("软件", "Software"),
}
SUBJECTS: dict[str, Words] = {
    "instrument": ("计量器具", "Instrument"),
    "product_lot": ("定量包装商品检验批", "Lot of prepackaged goods"),
}
# The items the office's black list starts from (spec/office.md, "Credit lists"): any failed
# item of these categories is a cheating or seal finding.
CREDIT_FINDINGS = ("seal", "cheating")


def _pick(words: Words, lang: str) -> str:
    return words[0] if lang == "zh" else words[1]


def verdict(code: str | None, lang: str) -> str:
    """合格 / Pass, 不合格, 待定, 未完成, 未评定 (None)."""
    return _pick(VERDICTS.get(code, (str(code), str(code))), lang)


def verdict_mark(code: str | None) -> str:
    return VERDICT_MARKS.get(code, "")


def marked_verdict(code: str | None, lang: str) -> str:
    """The verdict with its mark: "✓ 合格", "✘ 不合格"."""
    mark = verdict_mark(code)
    return f"{mark} {verdict(code, lang)}" if mark else verdict(code, lang)


def status(code: str | None, lang: str) -> str:
    return _pick(STATUSES.get(code or "", (code or "", code or "")), lang)


def control(code: str | None, lang: str) -> str:
    return _pick(CONTROLS.get(code or "", (code or "", code or "")), lang)


def answer(code: str, lang: str) -> str:
    return _pick(ANSWERS.get(code, (code, code)), lang)


def category(code: str, lang: str) -> str:
    return _pick(CATEGORIES.get(code, (code, code)), lang)


def subject(code: str, lang: str) -> str:
    return _pick(SUBJECTS.get(code, (code, code)), lang)


def form(form_id: str | None, lang: str) -> str:
    """A procedure's name (from its definition's head); its id if this installation lacks it."""
    return catalogue.name(form_id, lang)


def item(defn: FormDefinition, code: str, lang: str) -> str:
    """An item code's name (示值误差, 封印：…) from the record's definition."""
    return defn.item_label(code, lang)


def next_step(defn: FormDefinition, code: str, lang: str) -> str:
    """What to measure next for an inconclusive item, from the definition."""
    return defn.text_of(defn.next_steps, code, lang)


def note(defn: FormDefinition, code: str, lang: str) -> str:
    """Why a row was not judged (低于 Min，不判定), from the definition."""
    return defn.text_of(defn.notes, code, lang)


def measure(defn: FormDefinition, code: str, lang: str) -> str:
    """A measure taken (责令停止使用), from the definition's list."""
    for m in defn.measures:
        if m.id == code:
            return m.zh if lang == "zh" else m.en
    return code


def row_verdict(entry: Any) -> str | None:
    """A row's own verdict, as its procedure's evaluator gave it (None: not judged).

    Results recorded before every row carried one are read as they were shown then: a package
    by its class, a dispenser run by its flag.
    """
    if not isinstance(entry, dict):
        return None
    found = entry.get("verdict")
    if isinstance(found, str):
        return found
    if "class" in entry:  # net content before 1.2.0 (§B.3)
        return "pass" if entry["class"] == "ok" else "fail"
    if "exceeds_mpe" in entry:  # fuel runs before 1.2.0 (fuel_dispenser.md §2.4-4)
        return "fail" if entry["exceeds_mpe"] else "pass"
    return None


def row_outcome(defn: FormDefinition, entry: Any, lang: str) -> str:
    """A row's verdict in words with its mark, or why it was not judged; '' for neither."""
    found = row_verdict(entry)
    if found is not None:
        return marked_verdict(found, lang)
    if isinstance(entry, dict) and entry.get("note"):
        return note(defn, str(entry["note"]), lang)
    if isinstance(entry, dict) and entry.get("below_min"):  # before notes (1.2.0)
        return note(defn, "below_min", lang)
    return ""


def credit_finding_items() -> list[str]:
    """Every installed procedure's seal and cheating items, written procedure:item (the office's
    default black-list rule, spec/office.md)."""
    from forms import load_definition

    return [
        f"{form_id}:{code}"
        for form_id in catalogue.form_ids()
        for code in load_definition(form_id).items_in(*CREDIT_FINDINGS)
    ]

"""No raw stored value on screen (issue 9 §3): every step of every procedure's wizard, the
inspection list and the verify page, walked offscreen with the demo's records and with fresh
inspections, show what an inspector reads — never `true`/`false`, an enum id, an item code, a
tariff id or a lone punctuation mark.

What counts as raw is read from the procedures' definitions and the vocabulary, not listed by
hand: every code a record stores or carries (choice values, item codes, result value codes, next
steps, notes, measures, tariff ids, verdicts, statuses, control types) that is not itself a word
of some label. A coded column of a grid (a choice, a yes/no) must show one of its labels.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QWidget,
)

from forms import load_definition
from forms.catalogue import form_ids
from forms.definition import FormDefinition
from inspector_app import cells, vocabulary
from tests.ui.drive import open_window, start
from ui.inspection.steps import GridStep

SEPARATORS = re.compile(r"[\s，,、；;：:（）()\[\]【】<>“”\"'／]+")
LONE_MARK = re.compile(r"[^\w\s—]+")  # "·", "-", "…" alone; "—" is the printed "none"
SHARED_CODES = {"true", "false", "True", "False", "None", "null", "nan"}


def tokens(text: str) -> list[str]:
    return [t for t in SEPARATORS.split(text) if t]


def codes_of(defn: FormDefinition, tariff_ids: list[str], lang: str = "zh") -> set[str]:
    """Every code a record of this procedure stores or carries, less those that are also a word of
    some Chinese label or a unit (the class "III" is a word of its label "III 中", "kg" a unit)."""
    found = set(SHARED_CODES) | set(tariff_ids)
    for table in (vocabulary.VERDICTS, vocabulary.STATUSES, vocabulary.CONTROLS, vocabulary.CATEGORIES):
        found |= {str(code) for code in table if code}
    found |= set(defn.items) | set(defn.next_steps) | set(defn.notes) | {m.id for m in defn.measures}
    labels: set[str] = set()  # the words of the labels in the language walked
    for spec in defn.fields.values():
        labels.add(spec.unit)  # a unit is read as such ("kg" of 质量示值 W (kg))
        for choice in spec.choices:
            found.add(choice.value)
            labels |= set(tokens(choice.zh if lang == "zh" else choice.en)) | {choice.unit}
    # the procedure's own names of its items, steps, fields and results, in that language: in
    # English "repeatability" is a word of the step "Indication error and repeatability"
    named = [*defn.items.values(), *((s.zh, s.en) for s in defn.steps)]
    named += [(f.zh, f.en) for f in defn.fields.values()] + [(r.zh, r.en) for r in defn.results.values()]
    named += [(c.zh, c.en) for c in defn.checklist] + [(m.zh, m.en) for m in defn.measures]
    for table in (vocabulary.VERDICTS, vocabulary.STATUSES, vocabulary.CONTROLS, vocabulary.CATEGORIES):
        named += list(table.values())
    labels |= {word for words in named for word in tokens(words[lang != "zh"].lower())}
    for result in defn.results.values():
        labels.add(result.unit)
        found |= set(result.values)
        labels |= {word for words in result.values.values() for word in tokens(words[lang != "zh"])}
    return {code for code in found if code not in labels and not code.isdigit()}


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person sees in ``root``: labels (rich text as read), buttons, the choices of
    every list box, item views' headers and cells."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text():
            found.append(html.unescape(re.sub(r"<[^>]+>", " ", label.text().replace("<br>", "\n"))))
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text():
            found.append(button.text())
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(root):
            found += [combo.itemText(i) for i in range(combo.count())]
    for view in root.findChildren(QAbstractItemView):
        if view.isVisibleTo(root) and view.model() is not None:
            found += view_texts(view)
    return [t for t in found if t]


def view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    rows = min(model.rowCount(QModelIndex()), 200)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list's model: one column, its columnCount not callable from Python
        columns = 1
    found = []
    horizontal = getattr(view, "horizontalHeader", None)
    if horizontal is not None and not horizontal().isHidden():
        found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    for r in range(rows):
        for c in range(columns):
            text = model.index(r, c).data()
            if text not in (None, ""):
                found.append(str(text))
    return found


def raw_in(texts: list[str], codes: set[str]) -> list[str]:
    """The texts that show a raw value: a code as a word, or a lone punctuation mark."""
    bad = []
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if any(LONE_MARK.fullmatch(line) for line in lines) or any(t in codes for t in tokens(text)):
            bad.append(text)
    return bad


def coded_cells_not_labels(step: GridStep) -> list[str]:
    """Cells of a grid's coded input columns (a choice, a yes/no) that are not one of its labels."""
    model = step.grid.model()
    bad = []
    for column in range(step.sheet.width):
        spec = step.sheet.spec_of(column)
        if spec is None or spec.type not in cells.CODED:
            continue
        codes = ("true", "false") if spec.type == "boolean" else tuple(c.value for c in spec.choices)
        allowed = {cells.shown(spec, code, step.lang) for code in codes}
        for row in range(model.rowCount()):
            text = model.index(row, column).data()
            if text and text not in allowed:
                bad.append(f"{spec.id}: {text}")
    return bad


def walk(qtbot, services, inspection_id: str, lang: str = "zh") -> list[str]:
    """Every step of the wizard on this draft: what shows a raw value, named by step."""
    window = open_window(qtbot, services, inspection_id, lang)
    window.resize(1366, 768)
    definition = window.definition
    codes = codes_of(definition, [t[0] for t in services.inspections.tariff_choices()], lang)
    found = []
    for index, step in enumerate(window.steps):
        window.go(index)
        QApplication.processEvents()
        bad = raw_in(visible_texts(window), codes)
        if isinstance(step, GridStep):
            bad += coded_cells_not_labels(step)
        found += [f"{definition.id}/{step.step.id}: {text[:120]!r}" for text in bad]
    window.close()
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("form_id", form_ids())
def test_no_step_shows_a_raw_value_in_a_fresh_inspection(services, qtbot, form_id, lang):
    """In Chinese, and with the procedure's English words (the window in English)."""
    iid = start(services, form_id)
    assert walk(qtbot, services, iid, lang) == []


def test_no_step_shows_a_raw_value_with_the_demo_records(demo_services, qtbot):
    """Each procedure's drafts, and a correction of each finalised record (its readings in the
    wizard), every step."""
    found = []
    for form_id in form_ids():
        rows = demo_services.inspections.list_rows(form_id=form_id)
        drafts = [r["id"] for r in rows if r["status"] == "draft"][:2]
        signed = [r["id"] for r in rows if r["status"] != "draft"][:3]
        walked = drafts + [demo_services.inspections.correct(i, "复核") for i in signed]
        assert walked, form_id
        for iid in walked:
            found += walk(qtbot, demo_services, iid)
    assert found == []


def test_the_list_and_the_verify_page_show_no_raw_value(demo_services, qtbot):
    from ui.main_window import PAGES, MainWindow

    window = MainWindow(demo_services, "zh")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.startup_finished, timeout=30_000):  # all of it while the db is open
        window.show()
    codes = set().union(
        *(
            codes_of(load_definition(f), [t[0] for t in demo_services.inspections.tariff_choices()])
            for f in form_ids()
        )
    )
    page = window.page("inspections")
    window.show_page(0)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    assert raw_in(visible_texts(window), codes) == []
    verify = window.page("verify")
    window.show_page(PAGES.index("verify"))
    record = next(r for r in demo_services.inspections.list_rows(status="finalised"))
    verify.verify_pdf_bytes(demo_services.records.pdf_of(record["id"]))
    QApplication.processEvents()
    texts = visible_texts(verify)
    assert any(vocabulary.verdict(record["verdict"], "zh") in t for t in texts)
    assert raw_in(texts, codes) == []


def test_the_pattern_finds_raw_values():
    """The check itself: a stored code, a boolean, a tariff id, a lone dot are caught; the words
    people read are not."""
    defn = load_definition("scale")
    codes = codes_of(defn, ["example-hypothetical"])
    assert raw_in(
        ["false", "reference", "方法 equal_accuracy", "·", "example-hypothetical — 示例"], codes
    ) == [
        "false",
        "reference",
        "方法 equal_accuracy",
        "·",
        "example-hypothetical — 示例",
    ]
    assert raw_in(["III 中", "高准确度称重计量器具核称法", "±10.0", "—", "元/kg", "✓ 合格"], codes) == []

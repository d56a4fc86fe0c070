"""The same displayed number on screen and on paper (issue 9 §3): every computed cell the wizard's
grids show is printed identically (value, sign, ± prefix, decimals) in the signed record, and
every computed column names the unit the record prints.

Each demo record of each procedure is corrected (a new draft with its readings), walked in the
wizard, finalised through the wizard and its PDF read back; the screen's texts are taken from the
grids' models (what is painted), the paper's from the PDF's text.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from forms.catalogue import form_ids
from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.services import open_services
from tests.ui.drive import open_window
from ui.inspection.steps import FieldsStep, GridStep

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# A figure of a result line each procedure with such lines shows (a flow point's mean error, the
# scale's repeatability range).
LINE_FIGURES = {"fuel_dispenser": "平均示值误差 (%)", "scale": "极差 R (g)"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with open_services(tmp_path_factory.mktemp("paper") / "demo.sqlite") as s:
        seed_demo(s, inspections=24, seed=3)
        yield s


def finalised(services, form_id: str) -> list[str]:
    """The demo's finalised records of a procedure (not corrections made by these tests)."""
    rows = services.inspections.list_rows(status="finalised", form_id=form_id)
    originals = [r["id"] for r in rows if not r.get("superseded_by")]
    return [i for i in originals if not services.inspections.get(i)["supersedes"]]


def pdf_cells(pdf: bytes) -> set[str]:
    """Every line of the PDF's text and every word of it: a table cell is one line."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    lines = {line.strip() for line in text.splitlines()}
    return lines | {word for line in lines for word in line.split()}


def computed_headers(window, step_id: str) -> list[str]:
    """The headers of a grid step's computed columns, as painted."""
    for index, step in enumerate(window.steps):
        if step.step.id == step_id:
            window.go(index)
            QApplication.processEvents()
            model = step.grid.model()
            return [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(step.sheet.width, model.columnCount() - 1)
            ]
    raise LookupError(step_id)


def figures(line: str) -> list[tuple[str, str]]:
    """(name, value) of each figure of a result line as painted: "流量点 1：平均示值误差 (%) +0.01；
    重复性 E_r (%) 0.07" or "误差 E (g) +1；限值 (g) ±2.50  仅记录（…）" (the outcome after two spaces)."""
    found = []
    for text in line.splitlines():
        text = text.split("  ")[0].split("：", 1)[-1]
        for part in text.split("；"):
            name, _, value = part.removesuffix(" ✗").rpartition(" ")
            found.append((name, value))
    return found


def painted(label) -> str:
    """A label's text as painted (a rich-text line, a lot's figures with their marks, as plain
    text)."""
    if label.textFormat() != Qt.TextFormat.RichText:
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def computed_cells(window) -> list[tuple[str, str, str]]:
    """(step, column header or figure name, text) of every computed cell of every grid of the
    wizard, every group's figures (a flow point's mean) and every step's result line."""
    found = []
    for index, step in enumerate(window.steps):
        if isinstance(step, FieldsStep | GridStep):
            window.go(index)
            QApplication.processEvents()
            for label in (step.results, getattr(step, "groups", None)):
                if label is not None and label.isVisible() and label.text():
                    found += [(step.step.id, name, value) for name, value in figures(painted(label))]
        if not isinstance(step, GridStep):
            continue
        model = step.grid.model()
        for (row, column), text in model.computed_inputs.items():  # computed, shown grey in place
            assert model.index(row, column).data() == text
            found.append((step.step.id, str(model.headerData(column, Qt.Orientation.Horizontal)), text))
        first, last = step.sheet.width, model.columnCount() - 1  # the last column is the verdict
        for column in range(first, last):
            header = str(model.headerData(column, Qt.Orientation.Horizontal))
            for row in range(model.rowCount()):
                text = model.index(row, column).data()
                if text:
                    found.append((step.step.id, header, str(text)))
    return found


@pytest.mark.parametrize("form_id", form_ids())
def test_every_computed_cell_on_screen_is_printed_alike(demo, qtbot, form_id):
    records = finalised(demo, form_id)
    assert records, f"the demo has no finalised {form_id} record"
    checked = 0
    for original in records[:3]:
        draft = demo.inspections.correct(original, "复核显示")
        window = open_window(qtbot, demo, draft)
        shown = computed_cells(window)
        assert window.finalise_with(DEMO_PASSPHRASE), window.notice.text()
        printed = pdf_cells(demo.records.pdf_of(draft))
        missing = [(step, header, text) for step, header, text in shown if text not in printed]
        assert not missing, f"{form_id}: on screen, not on paper: {missing[:8]}"
        if form_id in LINE_FIGURES:  # the result lines are read too, not only the grids
            assert LINE_FIGURES[form_id] in {name for _s, name, _t in shown}, shown
        checked += len(shown)
    assert checked > 0


def test_a_limit_reads_with_its_plus_minus_on_screen_as_on_paper(demo_services, qtbot):
    """The scale's MPE and the dispenser's payment limit are ± figures: the record prints "±10.0",
    the screen once showed "10.0" for the same row."""
    for form_id, step_id, name in (("scale", "weighings", "MPE"), ("fuel_dispenser", "payment", "最小付费")):
        draft = demo_services.inspections.correct(finalised(demo_services, form_id)[0], "复核显示")
        window = open_window(qtbot, demo_services, draft)
        cells = [c for c in computed_cells(window) if c[0] == step_id and name in c[1]]
        assert cells and all(re.fullmatch(r"±\d+(\.\d+)?", text) for _s, _h, text in cells), cells
        window.close()


def test_net_content_columns_name_the_lots_unit(demo_services, qtbot):
    """A package's q and q − Qn are in the lot's unit (g here, mL for a volume), on screen as on
    paper; the sign of a surplus is the record's (q − Qn), not a negative shortage."""
    draft = demo_services.inspections.correct(finalised(demo_services, "net_content")[0], "复核显示")
    window = open_window(qtbot, demo_services, draft)
    headers = computed_headers(window, "samples")
    assert "误差 q − Qn (g)" in headers, headers
    assert not any(h.startswith(("短缺量", "实际含量")) for h in headers)  # q: once, in its column
    samples = next(step for step in window.steps if step.step.id == "samples")
    model = samples.grid.model()
    names = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(samples.sheet.width)]
    q = names.index("实际含量 q (g)")
    shown = [model.index(r, q).data() for r in range(model.rowCount() - 1)]
    assert all(re.fullmatch(r"\d+\.\d", text) for text in shown), shown  # G − t, shown grey
    assert model.index(0, q).data(Qt.ItemDataRole.EditRole) == ""  # typing starts blank: not typed
    window.edit({"quantity": "volume"})
    QApplication.processEvents()
    headers = set(computed_headers(window, "samples"))
    assert "误差 q − Qn (mL)" in headers, headers
    window.close()


@pytest.mark.parametrize("form_id", form_ids())
def test_every_computed_column_and_figure_is_named_as_on_paper(demo, qtbot, form_id):
    """One vocabulary (issue 9 §2): a computed column's header and a result line's figure name
    are the record's own — the net-content grid once headed a package's class 判定 where the
    record prints 短缺分类."""
    rows = demo.inspections.list_rows(status="finalised", form_id=form_id)  # any still in force
    draft = demo.inspections.correct(next(r["id"] for r in rows if not r.get("superseded_by")), "复核名称")
    window = open_window(qtbot, demo, draft)
    names = {name.removesuffix(" ✓") for _step, name, _text in computed_cells(window)}
    assert window.finalise_with(DEMO_PASSPHRASE), window.notice.text()
    text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(demo.records.pdf_of(draft))).pages
    )
    paper = re.sub(r"\s+", "", text)
    missing = sorted(name for name in names if re.sub(r"\s+", "", name) not in paper)
    assert not missing, f"{form_id}: named on screen, not on paper: {missing}"
    if form_id == "net_content":
        assert "短缺分类" in names and "判定" not in names, names

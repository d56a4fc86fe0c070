"""Headers that wrap, with units (issue 9 §3): at 1366 × 768 every grid's column names are whole
on screen — a long one wraps onto more lines and the header grows, nothing is elided — and every
column and every shown result whose quantity has a unit names it, as the definition declares.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from forms.catalogue import form_ids
from inspector_app.demo import seed_demo
from inspector_app.services import open_services
from tests.ui.drive import open_window
from ui.inspection.steps import FieldsStep, GridStep


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with open_services(tmp_path_factory.mktemp("headers") / "demo.sqlite") as s:
        seed_demo(s, inspections=24, seed=3)
        yield s


def drafts(services, form_id: str) -> list[str]:
    """A correction of the procedure's first demo record (its readings in the wizard)."""
    rows = services.inspections.list_rows(form_id=form_id, status="finalised")
    return [services.inspections.correct(rows[0]["id"], "复核")]


def grid_steps(window):
    for index, step in enumerate(window.steps):
        if isinstance(step, GridStep):
            window.go(index)
            QApplication.processEvents()
            yield step


def unbroken(text: str) -> list[str]:
    """The runs of a text no line may break inside: words of Latin letters, digits and marks
    (a Chinese text breaks between any two characters)."""
    return re.findall(r"[A-Za-z0-9_.()/%°−+\-·]+", text)


@pytest.mark.parametrize("form_id", form_ids())
def test_every_grid_header_is_whole_at_1366_by_768(demo, qtbot, form_id):
    window = open_window(qtbot, demo, drafts(demo, form_id)[0])
    window.resize(1366, 768)
    QApplication.processEvents()
    cut = []
    for step in grid_steps(window):
        header = step.grid.horizontalHeader()
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        flags = int(Qt.AlignmentFlag.AlignCenter.value) | int(Qt.TextFlag.TextWordWrap.value)
        for section in range(header.count()):
            if header.isSectionHidden(section):  # not shown (a list of tares has no 结果 column)
                continue
            text = str(header.model().headerData(section, Qt.Orientation.Horizontal))
            width = header.sectionSize(section) - 2 * margin
            if metrics.horizontalAdvance(text) <= width:
                continue  # one line
            # More than a line: the header must wrap it (nothing elided) and be tall enough
            wrapped = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text)
            if header.textElideMode() != Qt.TextElideMode.ElideNone:
                cut.append((step.step.id, text, "elided"))
            elif not int(header.defaultAlignment().value) & int(Qt.TextFlag.TextWordWrap.value):
                cut.append((step.step.id, text, "not wrapped"))
            elif wrapped.height() > header.height() - 2:
                cut.append((step.step.id, text, f"{wrapped.height()} px in a {header.height()} px header"))
            cut += [
                (step.step.id, text, f"{word!r} wider than its column")
                for word in unbroken(text)
                if metrics.horizontalAdvance(word) > width
            ]
    assert cut == []
    window.close()


def test_a_narrow_column_wraps_and_the_header_grows(demo, qtbot):
    """The scale's price grid at 1366 × 768: "计价分度（金额最小变化） (元)" takes two lines, and
    the header is as tall as two lines; made wide again, one line."""
    window = open_window(qtbot, demo, drafts(demo, "scale")[0])
    window.resize(1366, 768)
    step = next(s for s in grid_steps(window) if s.step.id == "price")
    header = step.grid.horizontalHeader()
    section = next(
        c
        for c in range(header.count())
        if "计价分度" in str(header.model().headerData(c, Qt.Orientation.Horizontal))
    )
    lines = header.lines(section)
    assert len(lines) >= 2 and "".join(lines).replace(" ", "") == "计价分度（金额最小变化）(元)"
    assert all(header.fontMetrics().horizontalAdvance(line) <= header.text_width(section) for line in lines)
    assert header.height() >= len(lines) * header.fontMetrics().lineSpacing()
    tall = header.height()
    window.resize(3000, 768)
    QApplication.processEvents()
    assert len(header.lines(section)) == 1 and header.height() < tall
    window.close()


@pytest.mark.parametrize("form_id", form_ids())
def test_every_column_and_result_names_its_unit(demo, qtbot, form_id):
    """Each input column whose field has a unit, each computed column whose result has one, each
    result line of a step: "(unit)" beside the name."""
    window = open_window(qtbot, demo, drafts(demo, form_id)[0])
    definition = window.definition
    missing = []
    for step in grid_steps(window):
        model = step.grid.model()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        for column in range(step.sheet.width):
            spec = step.sheet.spec_of(column)
            if spec is not None and spec.unit and not headers[column].endswith(f"({spec.unit})"):
                missing.append(headers[column])
        for key, header in zip(model.result_keys, model.result_headers, strict=True):
            unit = definition.results[key].unit
            if (unit and not header.endswith(f"({unit})")) or ("{" in header):
                missing.append(header)
        if step.sheet.grouped:
            text = step.groups.text()
            for spec in definition.results.values():
                name = spec.label("zh")
                if spec.unit and f"{name} " in text and f"{name} ({spec.unit})" not in text:
                    missing.append(text)
    for index, step in enumerate(window.steps):
        if isinstance(step, FieldsStep | GridStep) and step.object_path():
            window.go(index)
            QApplication.processEvents()
            line = step.results.text()  # blank where nothing is measured yet (the demo's tare)
            for spec in definition.results.values():
                if (
                    spec.unit
                    and f"{spec.label('zh')} " in line
                    and f"{spec.label('zh')} ({spec.unit})" not in line
                ):
                    missing.append(line)
    assert missing == []
    window.close()


def test_the_scales_zero_and_repeatability_show_their_results_as_printed(demo, qtbot):
    """The zero-setting error and its limit, the repeatability's range and MPE: shown on their
    steps with units, as the record prints them (they were on paper only)."""
    window = open_window(qtbot, demo, drafts(demo, "scale")[0])
    lines = {}
    for index, step in enumerate(window.steps):
        if step.step.id in ("zero", "repeatability"):
            window.go(index)
            QApplication.processEvents()
            lines[step.step.id] = step.results.text()
    assert re.search(r"E \(g\) [+-]?\d+(\.\d+)?；限值 \(g\) ±\d+\.\d+", lines["zero"]), lines
    assert re.search(r"极差 R \(g\) \d+(\.\d+)?；MPE \(g\) \d+\.\d", lines["repeatability"]), lines
    window.close()

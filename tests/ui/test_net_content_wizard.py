"""The net-content wizard shows what the inspector weighs by and what the lot comes to (issue 9 §3,
net_content.md §B.3–B.5): the plan (n, T, 2T, c1, λ) on the lot step as soon as Qn and N are typed,
how many samples are needed and entered, the average tare on the tare step, and the statistics
(k1, k2, q̄, s, Qn − λ·s) under the samples and in the summary — each as the signed PDF prints it.

Typed with real key events into a real draft, finalised, and the PDF read back.
"""

from __future__ import annotations

import io
import random
import statistics
from decimal import Decimal

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from forms.numbers import round_gbt8170
from inspector_app.demo import DEMO_PASSPHRASE, seed_demo
from inspector_app.services import open_services
from tests.ui.drive import click_cell, enter, key, open_window, start, step_of, tab

_RANDOM = random.Random(8)
TARES = [f"{Decimal(500 + _RANDOM.randint(-6, 6)) / 10}" for _ in range(10)]  # ~50 g bags
GROSS = [f"{Decimal(50530 + _RANDOM.randint(-400, 400)) / 10}" for _ in range(50)]  # 5 kg rice


@pytest.fixture
def signed(tmp_path):
    with open_services(tmp_path / "lot.sqlite") as s:
        seed_demo(s, inspections=0, seed=5)  # a signing key and the second inspector
        yield s


def painted(text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def shown(label) -> dict[str, str]:
    """The figures of a result line as painted: {name with unit: value}, a verdict mark dropped."""
    assert label.isVisible(), "the step shows no figures"
    found = {}
    for part in painted(label.text()).split("；"):
        name, _, value = part.replace(" ✓ ", " ").replace(" ✗ ", " ").rpartition(" ")
        found[name.strip()] = value
    return found


def pdf_cells(pdf: bytes) -> set[str]:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    lines = {line.strip() for line in text.splitlines()}
    return lines | {word for line in lines for word in line.split()}


def two_decimals(value: Decimal) -> str:
    return str(round_gbt8170(value, Decimal("0.01")))


def test_the_plan_tare_and_statistics_are_shown_as_the_record_prints_them(signed, qtbot):
    window = open_window(qtbot, signed, start(signed, "net_content", answered=True))
    lot = step_of(window, "lot")
    assert not lot.results.isVisible()  # nothing to show before Qn and N
    window.go(0, focus=True)
    key(qtbot, Qt.Key.Key_Down)  # 计量方式: 质量 (g)
    tab(qtbot)
    tab(qtbot, "5000")  # Qn = 5 kg
    enter(qtbot, "300")  # N = 300: n = 50, λ = 0.379, c1 = 3 (§B.3.3); T = 1.5 % of Qn (§B.3.1)
    plan = shown(lot.results)
    assert plan == {"样本量 n": "50", "允许短缺量 T (g)": "75", "2T (g)": "150", "c1": "3", "λ": "0.379"}

    tare = step_of(window, "tare")
    window.go(window.steps.index(tare), focus=True)
    key(qtbot, Qt.Key.Key_Down)  # 平均皮重（≥ 10 个空包装）
    click_cell(qtbot, tare.grid, 0, 0)
    for text in TARES:
        enter(qtbot, text)
    tare_mean = statistics.mean(Decimal(t) for t in TARES)
    assert shown(tare.results)["平均皮重 (g)"] == two_decimals(tare_mean)
    assert tare.grid.isColumnHidden(tare.grid.model().columnCount() - 1)  # no empty 结果 column

    samples = step_of(window, "samples")
    assert "需 50 件样品，已录 0 件" in painted(samples.count.text())
    click_cell(qtbot, samples.grid, 0, 0)
    for i, text in enumerate(GROSS):
        enter(qtbot, text)  # G, then past the tare (the average's) and q (computed) to the next row
        key(qtbot, Qt.Key.Key_Return)
        key(qtbot, Qt.Key.Key_Return)
        if i == 11:
            assert "需 50 件样品，已录 12 件" in painted(samples.count.text())
            assert "…" in painted(samples.count.text())
    assert painted(samples.count.text()) == "✓ 需 50 件样品，已录 50 件"
    nets = [Decimal(g) - tare_mean for g in GROSS]  # q = G − t̄ (§B.4), at full precision
    stats = shown(samples.results)
    assert stats["平均实际含量 (g)"] == two_decimals(statistics.mean(nets))
    assert stats["标准偏差 s (g)"] == two_decimals(statistics.stdev(nets))
    assert stats["k1（T ~ 2T）"] == "0" and stats["k2（> 2T）"] == "0"
    assert "✓ " + stats["平均实际含量 (g)"] in painted(samples.results.text())  # the mean's verdict
    summary = step_of(window, "summary")
    listed = painted(summary.items.text())
    for name in ("平均实际含量 (g)", "Qn − λ·s (g)", "标准偏差 s (g)"):
        assert f"{name} {stats[name]}" in listed.replace("✓ ", "")
    assert "样本量 n 50" in listed

    QApplication.processEvents()
    assert window.finalise_with(DEMO_PASSPHRASE), window.notice.text()
    printed = pdf_cells(signed.records.pdf_of(window.inspection_id))
    on_screen = [*plan.values(), stats["平均实际含量 (g)"], stats["标准偏差 s (g)"]]
    on_screen += [stats["Qn − λ·s (g)"], two_decimals(tare_mean)]
    assert [text for text in on_screen if text not in printed] == []


def test_a_failing_mean_and_k1_show_in_the_fail_colour_with_their_mark(signed, qtbot):
    """Packages 80 g short on average: the mean fails Qn − λ·s and k1 exceeds c1 (§B.5)."""
    from inspector_app.readings import flatten
    from tests.forms.helpers import answered

    data = {
        "quantity": "mass",
        "nominal": "5000",
        "lot_size": "300",
        "samples": [{"net": str(4920 + (i % 7))} for i in range(50)],
        "checklist": answered("net_content"),
    }
    window = open_window(qtbot, signed, start(signed, "net_content", readings=flatten(data)))
    samples = step_of(window, "samples")
    line = samples.results.text()
    red = "#c5221f"
    assert f'color:{red}; font-weight:600;">✗ 36' in line  # k1 = 36 > c1 = 3
    assert f'color:{red}; font-weight:600;">✗ 4922.94' in line  # q̄ < Qn − λ·s
    assert "✗ 4922.94" in painted(step_of(window, "summary").items.text())

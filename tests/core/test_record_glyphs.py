"""Every character the record can print is in its embedded font (issue 9 §3: the fail mark ✗ was
not, and every "✗ 不合格" printed as " 不合格"); `selfcheck` checks the same."""

from __future__ import annotations

import io

import pypdf
import pytest

from forms import form_ids, load_definition
from inspector_app.pdf import glyphs
from inspector_app.selfcheck import run_selfcheck
from tests.core.test_records import CHECKS, finalised
from tests.core.test_records import laptop as laptop

FAILING = {
    **CHECKS,
    "fuel_dispenser": {
        **CHECKS["fuel_dispenser"],
        "payment": [{"unit_price": "7.86", "volume": "35.47", "amount": "280.00"}],
    },
    "scale": {**CHECKS["scale"], "weighings": [{"load": "100", "indication": "140", "added": "1.5"}]},
    "net_content": {
        **CHECKS["net_content"],
        "samples": [
            {"net": q} for q in ("251.2", "248.9", "201.0", "252.3", "249.5", "250.8", "247.7", "253.1")
        ],
    },
}


def test_every_fixed_text_of_the_record_is_in_the_font():
    texts = glyphs.code_texts()
    assert any("不合格" in t for t in texts)  # the collection does reach the report's texts
    for form_id in form_ids():
        texts += glyphs.definition_texts(load_definition(form_id))
    assert glyphs.unprintable(texts) == []


def test_a_character_outside_the_font_is_found():
    assert glyphs.unprintable(["✗ 不合格", "q̄ 合格"]) == ["̄", "✗"]
    assert glyphs.unprintable([glyphs.FAIL_MARK + " 不合格 ≤ ± −"]) == []


@pytest.mark.parametrize("form_id", form_ids())
def test_a_failed_record_prints_its_fail_marks_in_the_font(laptop, form_id):
    _, pdf = finalised(laptop, form_id, FAILING[form_id])
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert glyphs.FAIL_MARK + " 不合格" in text
    assert glyphs.unprintable([text]) == []


def test_selfcheck_checks_the_glyphs(tmp_path, monkeypatch):
    path = tmp_path / "empty.sqlite"
    from inspector_app.services import open_services

    with open_services(path):
        pass
    check = next(c for c in run_selfcheck(path) if c.name == "record font glyphs")
    assert check.ok, check.detail
    without = glyphs.font_codepoints() - {ord(glyphs.FAIL_MARK)}
    monkeypatch.setattr(glyphs, "font_codepoints", lambda: without)
    check = next(c for c in run_selfcheck(path) if c.name == "record font glyphs")
    assert not check.ok and glyphs.FAIL_MARK in check.problems and "U+2718" in check.detail

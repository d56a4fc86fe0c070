"""A procedure's definition is the one source of what it checks and how it is named, printed and
registered (issue 9 §1–2): limits printed from the definition a record was evaluated with, the
registers' choices from the installed procedures, "a product lot" a rule of the core, one
vocabulary, definitions parsed once per text."""

from __future__ import annotations

from pathlib import Path

import pytest

import forms
from forms import definition as definition_module
from forms import definition_from_text, load_definition
from inspector_app import registries, vocabulary
from inspector_app.messages import verification_line
from inspector_app.pdf.model import procedure_tables
from inspector_app.services import ValidationFailed, open_services
from tests.core.test_records import CHECKS, CODE

ROOT = Path(__file__).parents[2]


@pytest.fixture
def services(tmp_path):
    with open_services(tmp_path / "definitions.sqlite") as s:
        yield s


def test_the_pdf_prints_the_limits_of_the_definition_the_record_was_evaluated_with():
    """A record evaluated under a definition with MPE ±0.50 % prints ±0.50 %, not today's ±0.30 %
    (JJG 443-2023 via fuel_dispenser.md §2.3): the limit text comes from that definition."""
    current = load_definition("fuel_dispenser")
    old_text = current.text.replace(
        'indication_error_pct = { value = "0.30"', 'indication_error_pct = { value = "0.50"'
    )
    assert old_text != current.text
    older = definition_from_text(old_text)
    check = {k: v for k, v in CHECKS["fuel_dispenser"].items() if k != "checklist"}
    evaluation = forms.evaluate({"form": "fuel_dispenser", **check}, definition=older)
    record = {"input": check, "evaluation": {"results": evaluation.results}, "control": "in_service"}
    titles = [t.title for t in procedure_tables(record, older)]
    assert titles[0] == "示值误差（MPE ±0.50 %）"
    assert "MPE ±0.50 %，重复性 ≤ 0.10 %" in titles[1]
    assert not any("0.30" in t for t in titles)
    assert procedure_tables(record, current)[0].title == "示值误差（MPE ±0.30 %）"


def test_a_definition_text_is_parsed_once(monkeypatch):
    """The live evaluation asks for the draft's definition on every keystroke: the text is parsed
    once, then found by its hash."""
    text = load_definition("scale").text + "\n# a text not parsed before\n"
    calls = []
    parse = definition_module.parse_definition
    monkeypatch.setattr("forms.registry.parse_definition", lambda t: calls.append(1) or parse(t))
    first = definition_from_text(text)
    assert definition_from_text(text) is first and len(calls) == 1


def test_the_registers_offer_the_installed_procedures():
    """The instrument types and the tasks' procedures are read from the definitions: a lot of
    prepackaged goods is a procedure, not an instrument type."""
    kinds = [value for value, _zh, _en in registries.field("instruments", "kind").choices]
    assert kinds == ["fuel_dispenser", "scale", "taxi_meter"]
    tasks = {value: zh for value, zh, _en in registries.field("tasks", "form_id").choices}
    assert tasks == {p: load_definition(p).zh for p in forms.form_ids()}
    _clean, problems = registries.validate(
        "instruments", {"site_id": "x", "kind": "net_content", "serial": "1"}
    )
    assert problems and problems[0][:2] == ("kind", "unknown_choice")


def test_a_lot_has_no_instrument_and_an_instrument_no_lot(services):
    """The procedure's subject decides what is checked (the core's rule, for the GUI and the CLI)."""
    site = services.registry.create("sites", {"name": "包装厂", "credit_code": CODE})
    scale = services.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S1"})
    with pytest.raises(ValidationFailed) as refused:
        services.inspections.start(form_id="net_content", site_id=site, instrument_id=scale)
    error = refused.value.errors[0]
    assert (error.field, error.code) == ("instrument_id", "lot_has_no_instrument")
    assert error.message("zh") == "计量器具：定量包装商品净含量检查的是商品检验批，不选计量器具"
    with pytest.raises(ValidationFailed) as refused:
        services.inspections.start(form_id="scale", site_id=site, instrument_id=scale, lot={"product": "糖"})
    assert refused.value.errors[0].code == "instrument_has_no_lot"
    assert services.inspections.start(form_id="net_content", site_id=site, lot={"product": "糖"})


@pytest.mark.parametrize("code", ["pass", "fail", "inconclusive", "incomplete"])
def test_one_word_per_verdict_for_the_cli_and_the_pdf(code):
    word = vocabulary.verdict(code, "zh")
    assert f", {word}" in verification_line("valid", "", "王检查", "2026-11-30", code, "zh")
    assert vocabulary.verdict("inconclusive", "zh") == "待定"


def test_no_module_keeps_its_own_verdict_words():
    """The words of verdicts live in inspector_app/vocabulary.py only (four catalogues once said
    "待定" and "待定（需补测）")."""
    found = [
        str(path.relative_to(ROOT))
        for folder in ("forms", "inspector_app", "ui", "db")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "vocabulary.py" and ("待定" in path.read_text(encoding="utf-8"))
    ]
    assert found == []

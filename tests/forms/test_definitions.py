"""Every form definition loads and satisfies the schema; the schema catches broken definitions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import DefinitionError, InputError, form_ids, load_definition
from forms.definition import parse_definition


@pytest.mark.parametrize("form_id", form_ids())
def test_definition_loads_with_sources_for_every_limit(form_id):
    defn = load_definition(form_id)
    assert defn.id == form_id and defn.version and defn.regulation and len(defn.sha256) == 64
    assert all(limit.source.strip() for limit in defn.limits.values())
    assert all(f.zh and f.en for f in defn.fields.values())
    assert all(s.zh and s.en for s in defn.steps) and defn.steps[-1].kind == "summary"
    for item in defn.checklist:
        assert item.id in defn.items


def test_each_procedure_has_its_own_folder():
    from forms.registry import FORMS_DIR

    for form_id in form_ids():
        assert (FORMS_DIR / form_id / "definition.toml").is_file()
        assert (FORMS_DIR / form_id / "evaluator.py").is_file()


def test_hash_identifies_the_text():
    text = load_definition("scale").text
    assert parse_definition(text).sha256 == load_definition("scale").sha256
    assert parse_definition(text + "\n# edited\n").sha256 != load_definition("scale").sha256


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace('id = "scale"', ""), "missing key 'id'"),
        (lambda t: t.replace('type = "boolean"', 'type = "flag"'), "type"),
        (
            lambda t: t.replace('fields = ["load", "changed"]', 'fields = ["load", "nope"]'),
            "unknown field 'nope'",
        ),
        (lambda t: t.replace('source = "R76 3.8.2 via scale.md §A.3.3"', "x = 1"), "missing key 'source'"),
        (lambda t: t + "\n[[[", "not TOML"),
        (
            lambda t: t.replace('kind = "summary"', 'kind = "summary"\nfigures = ["nope"]', 1),
            "'nope' is not a declared result",
        ),
    ],
)
def test_schema_rejects_broken_definitions(edit, message):
    with pytest.raises(DefinitionError, match=message):
        parse_definition(edit(load_definition("scale").text))


def test_unknown_form_is_invalid_input():
    with pytest.raises(InputError) as info:
        load_definition("water_meter")
    assert info.value.field == "form"


def test_old_definition_text_reevaluates_as_recorded():
    """A record keeps its definition text; evaluating with it ignores later edits to the file."""
    import forms

    old_text = load_definition("taxi_meter").text
    stricter = parse_definition(
        old_text.replace('distance_error_max_pct = { value = "1"', 'distance_error_max_pct = { value = "0.5"')
    )
    data = {"form": "taxi_meter", "distance_tests": [{"meter_m": "1008", "reference_m": "1000"}]}
    assert forms.evaluate(data, definition=parse_definition(old_text)).verdict == "pass"
    assert forms.evaluate(data, definition=stricter).verdict == "fail"


def test_a_parsed_text_is_kept_a_refused_one_refused_every_time():
    """A field's value parsed from a text is kept by the text (every edit parses every package of
    a lot again), but only where the text alone decides: a refusal is raised anew each time,
    naming the path it is asked for, and a field measured against another (a scale's indication
    against its d or e, scale.md §A.4) is judged against the step it is given each time."""
    net = load_definition("net_content").fields["net"]
    assert net.parse("501.0", "samples[0].net") == net.parse("501.0", "samples[7].net")
    for path in ("samples[3].net", "samples[9].net"):
        with pytest.raises(InputError) as refused:
            net.parse("1,5", path)
        assert refused.value.field == path and refused.value.code == "decimal_comma"
        with pytest.raises(InputError) as refused:
            net.parse("-1", path)
        assert refused.value.field == path and refused.value.code == "out_of_range"

    indication = load_definition("scale").fields["indication"]
    steps = {"d": "0.5"}
    assert indication.parse("100.5", "i", steps.get) == Decimal("100.5")
    steps["d"] = "1"  # the same text against a coarser d: finer than it, refused
    with pytest.raises(InputError) as refused:
        indication.parse("100.5", "i", steps.get)
    assert refused.value.code == "finer_than_resolution"

"""The names a supervisor reads beside the signed PDF (the 审核 page): each stored reading path
named as its form names it, from the form definitions themselves."""

from __future__ import annotations

import pytest

from inspector_app.office.labels import reading


@pytest.mark.parametrize(
    ("form_id", "path", "value", "expected"),
    [
        ("scale", "checklist.seal", "true", ("铅封完好", "是")),
        ("scale", "checklist.seal", False, ("铅封完好", "否")),
        ("scale", "weighings[2].load", "20000", ("称量测试 3 · 载荷 L", "20000 g")),
        ("scale", "eccentricity.load", "10000", ("偏载 · 载荷 L", "10000 g")),  # a grid's header field
        (
            "scale",
            "reweighing[0].method",
            "reference",
            ("商品核称 1 · 核称方法", "高准确度称重计量器具核称法"),
        ),
        ("net_content", "tare.empty[0]", "12", ("皮重 1 · 皮重", "12 g")),  # a grid of plain values
        (
            "fuel_dispenser",
            "flow_points[0].runs[1].v_j",
            "20.01",
            ("示值误差与重复性 1-2 · 加油机示值 V_J", "20.01 L"),
        ),
        ("scale", "not_a_field", "1", ("not_a_field", "1")),  # unknown: shown as stored
        ("no_such_form", "x", "1", ("x", "1")),
    ],
)
def test_readings_are_named_as_the_form_names_them(form_id, path, value, expected):
    assert reading(form_id, path, value) == expected


def test_english_names():
    assert reading("scale", "checklist.seal", "true", "en") == ("Seal present and intact", "yes")


def test_a_lots_nominal_reads_in_its_quantitys_unit():
    """The 审核 page showed "标注净含量 Qn 1000" with no unit beside the PDF's "Qn (g)": the unit a
    record's quantity decides is named as the record prints it."""
    assert reading("net_content", "nominal", "1000", readings={"quantity": "mass"}) == (
        "标注净含量 Qn",
        "1000 g",
    )
    assert reading("net_content", "nominal", "500", readings={"quantity": "volume"})[1] == "500 mL"
    assert reading("net_content", "samples[0].net", "998.5", readings={"quantity": "mass"})[1] == "998.5 g"
    assert reading("net_content", "nominal", "1000") == ("标注净含量 Qn", "1000")  # no quantity: no unit

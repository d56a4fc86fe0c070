"""What a record's PDF says, as an inspector reads it (issue 9 §3, issue 12): the inspection's date,
time and place in local time; both enforcement officers; the taxi's plate and the tariff's name;
the lot's batch and production date; units in every table; money in 元 with 2 decimals; the
procedure's Chinese name in the header; every failing row marked; no mostly-empty page."""

from __future__ import annotations

import io
import itertools
import json
import re

import pypdf
import pytest
import zxingcpp

from forms import form_ids
from inspector_app.pdf import glyphs
from inspector_app.pdf.model import build_model
from inspector_app.pdf.render import LEAST_FILL, render_measured
from inspector_app.readings import flatten, nest
from inspector_app.services import open_services
from tests.core.test_record_glyphs import FAILING
from tests.core.test_records import CHECKS, CODE, PASSPHRASE
from tests.people import SECOND, pair

SERIALS = itertools.count(1)
CLOCK = "2026-11-23T17:30:00.000Z"  # 01:30 on the 24th in Chongqing (UTC+8)


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    path = tmp_path_factory.mktemp("content") / "laptop.sqlite"
    with open_services(path, clock=lambda: CLOCK) as s:
        s.settings.set("inspector_name", "王检查")
        s.settings.set("inspector_id", "渝执 50000001")
        pair(s)
        s.records.create_identity(
            name="王检查", id_number="渝执 50000001", office="江北局", passphrase=PASSPHRASE
        )
        s.site = s.registry.create(
            "sites",
            {
                "name": "观音桥农贸市场",
                "credit_code": CODE,
                "district": "江北区",
                "address": "建新北路 18 号",
            },
        )
        yield s


def make(services, form_id: str, check: dict, instrument_fields: dict | None = None) -> tuple[dict, bytes]:
    """Finalise one record of ``form_id`` (its instrument with ``instrument_fields``): its
    canonical record and its PDF."""
    instrument = None
    if form_id != "net_content":
        instrument = services.registry.create(
            "instruments",
            {
                "site_id": services.site,
                "kind": form_id,
                "serial": f"SN-{form_id}-{next(SERIALS)}",
                "details": json.dumps({"plate": "渝A·T1234"} if form_id == "taxi_meter" else {}),
                **(instrument_fields or {}),
            },
        )
    lot = {
        "product": "白砂糖",
        "nominal_text": "250 g",
        "lot_size": 8,
        "batch": "20261101A",
        "production_date": "2026-11-01",
    }
    iid = services.inspections.start(
        form_id=form_id,
        site_id=services.site,
        instrument_id=instrument,
        lot=lot if instrument is None else None,
        readings=flatten(check),
    )
    services.inspections.finalise(iid, sealer=services.records.sealer(PASSPHRASE))
    row = services.inspections.get(iid)
    return json.loads(row["canonical"]), services.records.pdf_of(iid)


def text_of(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("form_id", form_ids())
def test_when_where_and_who_in_local_time(laptop, form_id):
    _, pdf = make(laptop, form_id, CHECKS[form_id])
    text = text_of(pdf)
    assert "2026-11-2401:30" in text  # started and finalised, Beijing time
    assert "2026-11-2317:30" not in text and "17:30:00" not in text  # never the raw UTC
    assert "江北区建新北路18号" in text
    for name, number in (("王检查", "渝执50000001"), (SECOND["name"], SECOND["id_number"].replace(" ", ""))):
        assert f"{name}（{number}）" in text
    assert text.count("检查人员签名") == 2  # both officers sign


def test_a_field_alone_on_its_line_takes_the_whole_line(laptop):
    """检查人员 is the fifth of five fields: it had half a line and wrapped both officers over two
    lines beside an empty cell; alone on its line it spans the line and reads in one."""
    _, pdf = make(laptop, "scale", CHECKS["scale"])
    first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    team = f"王检查（渝执 50000001）、{SECOND['name']}（{SECOND['id_number']}）"
    assert any(team in line for line in first.splitlines()), first


def test_the_taxi_record_names_its_plate_and_tariff_and_shows_money_with_two_decimals(laptop):
    record, pdf = make(laptop, "taxi_meter", CHECKS["taxi_meter"])
    text = text_of(pdf)
    assert "车牌号渝A·T1234" in text
    tariff = record["tariff"]
    # By name, its id beside it; a name with brackets of its own gets no second pair.
    name, ident = tariff["name_zh"], tariff["id"]
    beside = f"{name}·{ident}" if "（" in name else f"{name}（{ident}）"
    assert beside.replace(" ", "") in text
    assert "）（" not in text and "））" not in text  # no brackets in brackets anywhere
    assert "35.00" in text  # the fare displayed "35" and computed 35, in 元


def test_the_lot_record_names_batch_and_production_date(laptop):
    _, pdf = make(laptop, "net_content", CHECKS["net_content"])
    text = text_of(pdf)
    assert "批号20261101A" in text and "生产日期2026-11-01" in text
    for header in ("实际含量q(g)", "标注净含量Qn(g)", "允许短缺量T(g)", "误差q−Qn(g)"):
        assert header in text
    assert "平均实际含量(g)" in text  # not "q̄": the font has no combining bar, it printed as a gap


def test_the_header_names_the_procedure_in_chinese_not_its_id(laptop):
    for form_id in form_ids():
        _, pdf = make(laptop, form_id, CHECKS[form_id])
        text = text_of(pdf)
        assert f"表单{form_id}" not in text and form_id not in text.split("记录指纹")[0]
    assert "依据：JJG443-2023（燃油加油机" in text_of(
        make(laptop, "fuel_dispenser", CHECKS["fuel_dispenser"])[1]
    )


def test_scale_money_has_two_decimals(laptop):
    check = {
        **CHECKS["scale"],
        "price": [{"unit_price": "12.8", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
    }
    _, pdf = make(laptop, "scale", check)
    text = text_of(pdf)
    assert "12.80" in text and "15.81" in text


@pytest.mark.parametrize("form_id", form_ids())
def test_every_failing_row_is_marked_and_every_table_has_units(laptop, form_id):
    record, _ = make(laptop, form_id, FAILING[form_id])
    defn = laptop.inspections.definition_of(record["id"])
    model = build_model(
        {**record, "input": nest(record["readings"])}, defn, office="局", fingerprint="0" * 64
    )
    failing = 0
    for table in model.tables:
        for row, verdict in zip(table.rows, table.row_verdicts, strict=False):
            if verdict == "fail":
                failing += 1
                assert any(glyphs.FAIL_MARK in cell for cell in row), (table.title, row)
        # a column of figures says its unit: "(g)", "(元)", "(%)" …, or is a count or a verdict
        for i, header in enumerate(table.header):
            cells = [row[i] for row in table.rows if i < len(row)]
            figures = [c for c in cells if re.fullmatch(r"[+−-]?\d+(\.\d+)?", c)]
            if figures and not re.search(r"\(.+\)|序号|次|流量点|位置|样本量|批量|λ|k1|件数|数值", header):
                pytest.fail(f"{table.title}: column {header!r} shows figures without a unit")
    assert failing, "the failing check has a failing row"


@pytest.mark.parametrize("check", ["passing", "failing"])
@pytest.mark.parametrize("form_id", form_ids())
def test_no_page_is_mostly_empty(laptop, form_id, check):
    record, _ = make(laptop, form_id, (CHECKS if check == "passing" else FAILING)[form_id])
    defn = laptop.inspections.definition_of(record["id"])
    model = build_model(
        {**record, "input": nest(record["readings"])}, defn, office="局", fingerprint="0" * 64
    )
    _, pages, fill = render_measured(model, "QR")
    assert pages == 1 or fill >= LEAST_FILL, (pages, fill)


def test_the_empties_tares_print_as_their_own_table(laptop):
    """The ten empties weighed for an average tare (net_content.md §B.2 step 6) print in a table
    of their own, numbered, under the tare method — not one by one under 其他记录项."""
    tares = ("10.1", "9.9", "10.0", "10.2", "9.8", "10.0", "10.1", "9.9", "10.0", "10.3")
    check = {
        **CHECKS["net_content"],
        "tare": {"mode": "average", "empty": list(tares)},
        "samples": [
            {"gross": g} for g in ("261.2", "258.9", "260.0", "262.3", "259.5", "260.8", "257.7", "263.1")
        ],
    }
    _, pdf = make(laptop, "net_content", check)
    text = text_of(pdf)
    table = text[text.index("空包装皮重（平均皮重") :]
    assert "序号皮重t(g)" in table
    assert "".join(f"{i}{t}" for i, t in enumerate(tares, 1)) in table
    assert "皮重（皮重" not in text and "第10行" not in text


def test_a_reading_no_package_was_given_is_no_column(laptop):
    """A lot weighed against its average tare has no package's tare: the samples' table prints
    no column of "—" for it; a lot with each package's tare prints the column with the tares."""
    average = {
        **CHECKS["net_content"],
        "tare": {"mode": "average", "empty": ["10.0"] * 10},
        "samples": [
            {"gross": g} for g in ("261.2", "258.9", "260.0", "262.3", "259.5", "260.8", "257.7", "263.1")
        ],
    }
    text = text_of(make(laptop, "net_content", average)[1])
    samples = text[text.index("样本实际含量") : text.index("空包装皮重")]
    assert "序号毛重G(g)实际含量q(g)" in samples, samples[:80]
    assert "皮重t" not in samples and "—" not in samples
    each = {
        **CHECKS["net_content"],
        "tare": {"mode": "individual"},
        "samples": [{"gross": "261.2", "tare": "10.1"}] + [{"gross": "260.0", "tare": "9.9"}] * 7,
    }
    text = text_of(make(laptop, "net_content", each)[1])
    samples = text[text.index("样本实际含量") :]
    assert "序号毛重G(g)皮重t(g)实际含量q(g)" in samples, samples[:80]
    assert "1261.210.1251.1" in samples, samples[:120]


# What yesterday's PDFs listed again under 其他记录项 though a table above prints it: each V_B typed
# (the error table's V_B column), the scale's marked class (the weighing test's title, and its
# instrument block) and the eccentricity test's load (that table's title, "偏载（L = 5000 g）").
REPEATED = {"fuel_dispenser": ["量器示值V_B"], "scale": ["准确度等级", "偏载：载荷L"]}
# What no table prints: it stays under 其他记录项, by its name with its value.
ONLY_THERE = {
    "fuel_dispenser": ["油品汽油", "标准金属量器材质不锈钢"],
    "taxi_meter": ["检查日期2024-06-01"],
    "scale": ["最大秤量Max15000g", "实际分度值d5g", "置零：载荷L50g", "示值I（重复性第2行）7505g"],
    "net_content": ["计量方式质量(g)"],
}


@pytest.mark.parametrize("form_id", form_ids())
def test_other_entries_list_only_what_no_table_above_prints(laptop, form_id):
    """其他记录项 lists each reading no table above shows — never one again (the keyboard tests'
    complete inspection of each procedure)."""
    from tests.ui.scripts import SCRIPTS

    _, pdf = make(laptop, form_id, nest(SCRIPTS[form_id]()[1]))
    above, _, others = text_of(pdf).partition("其他记录项项目记录值")
    others = others.partition("检查人员签名")[0]
    for name in REPEATED.get(form_id, []):
        assert name not in others, name
    for entry in ONLY_THERE[form_id]:
        assert entry in others and entry not in above, entry
    # No row's "symbol value" is printed above as a title's "symbol = value" either.
    for symbol, value in re.findall(r"([A-Za-zΔ_]+)(\d+(?:\.\d+)?)[a-zA-Z]*", others):
        assert not re.search(rf"{re.escape(symbol)}={value}(?![\d.])", above), (symbol, value)
    if form_id == "scale":  # the marked class: in the instrument block and the weighing test's title
        assert "准确度等级III中" in above and "称量测试（III级" in above


def body_fill(image) -> float:
    """How far down a page image's body (between the header's rule and the footer) ink reaches."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from inspector_app.pdf import render

    grey = image.convert("L")
    top = int(grey.height * (render.MARGIN + render.HEADER_H + 3 * mm) / A4[1])
    bottom = int(grey.height * (1 - (render.FOOTER_H + 4 * mm) / A4[1]))
    inked = [y for y in range(top, bottom) if grey.crop((0, y, grey.width, y + 1)).getextrema()[0] < 128]
    return (max(inked) - top) / (bottom - top) if inked else 0.0


@pytest.mark.parametrize(("packages", "lot_size"), [(13, 80), (80, 1000)])
def test_the_sync_codes_never_stand_alone_on_a_mostly_empty_last_page(laptop, packages, lot_size):
    """Yesterday a lot of 13 (or 80) packages ended on a page holding nothing but its two (three)
    sync codes, a third of it used. Now the codes share their page with the record's signatures
    (or the record is set tighter and saves the page): every page after the first is at least
    40 % used, and every code on the last page still decodes into the signed record."""
    from inspector_app.sync import paper
    from tests.core.paper_scans import pages

    check = {
        **CHECKS["net_content"],
        "nominal": "400",
        "lot_size": lot_size,
        "tare": {"mode": "average", "empty": ["12.0"] * 10},
        "samples": [{"gross": f"{412 + (i % 7) * 0.3:.1f}"} for i in range(packages)],
    }
    record, pdf = make(laptop, "net_content", check)
    images = pages(pdf, dpi=150)
    fills = [round(body_fill(image), 2) for image in images]
    assert len(images) > 1 and all(fill >= 0.4 for fill in fills[1:]), fills
    last = re.sub(r"\s+", "", pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].extract_text())
    assert "检查人员签名" in last and "同步码" in last
    texts = [b.text for b in zxingcpp.read_barcodes(images[-1]) if paper.is_piece(b.text)]
    pieces = [paper.parse(text) for text in texts]
    assert pieces and sorted(p.index for p in pieces) == list(range(1, pieces[0].total + 1))
    assert json.loads(paper.assemble(pieces).canonical)["record_no"] == record["record_no"]


def test_the_certificate_prints_what_is_known_of_it(laptop):
    """An instrument registered without its verification certificate printed "检定证书
    （有效期至 ）", an empty bracket; now "—", and a known certificate its number and validity."""
    text = text_of(make(laptop, "scale", CHECKS["scale"])[1])
    assert "有效期至）" not in text and "检定证书—" in text
    known = {"cert_no": "JD-2026-118", "cert_expiry": "2027-06-30"}
    text = text_of(make(laptop, "scale", CHECKS["scale"], known)[1])
    assert "检定证书JD-2026-118（有效期至2027-06-30）" in text


def test_the_lots_block_says_what_was_evaluated(laptop):
    """新建检查 noted 250 g and a lot of 8; the lot step then said 250 mL and 9. The block once
    printed the first beside a summary table of the second; it prints what was evaluated."""
    check = {**CHECKS["net_content"], "quantity": "volume", "lot_size": 9}
    check["samples"] = [*check["samples"], {"net": "250.4"}]
    record, pdf = make(laptop, "net_content", check)
    text = text_of(pdf)
    assert "标注净含量250mL" in text and "检验批量9" in text, text[:600]
    assert "250g" not in text and "检验批量8" not in text
    # the signed record and the list name that lot too, and the row agrees with what was signed
    from inspector_app.integrity import _column_problems

    assert (record["lot"]["nominal_text"], record["lot"]["lot_size"]) == ("250 mL", "9")
    row = laptop.inspections.get(record["id"])
    assert row["instrument_label"] == "白砂糖 250 mL" and json.loads(row["lot"]) == record["lot"]
    assert list(_column_problems(row, record)) == []


def test_a_run_without_temperatures_prints_dashes_not_blanks(laptop):
    """A run measured without temperatures is not corrected (V_Bt = V_B, spec README): its t_J and
    t_B print —, as every other figure a record has none of, not blank cells that read as
    forgotten (fuel dispenser 1.2.1)."""
    points = [*CHECKS["fuel_dispenser"]["flow_points"], {"runs": [{"v_j": "20.00", "v_b": "19.98"}]}]
    text = text_of(make(laptop, "fuel_dispenser", {**CHECKS["fuel_dispenser"], "flow_points": points})[1])
    assert "2120.0019.980——19.980" in text, text[text.index("示值误差") :][:300]

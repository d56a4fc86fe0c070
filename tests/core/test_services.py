"""Services over a real SQLite file: registries, the inspection lifecycle, settings, selfcheck."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from inspector_app import credit_code, settings
from inspector_app.readings import flatten, nest
from inspector_app.selfcheck import run_selfcheck
from inspector_app.services import RecordFrozen, ValidationFailed, open_services
from tests.forms.helpers import answered
from tests.people import pair

CODE = "91500112MA5U7XY1P" + credit_code.check_character("91500112MA5U7XY1P")
SC1 = {
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "d": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [
        {"load": "100", "indication": "100", "added": "1.5"},
        {"load": "15000", "indication": "15010", "added": "0.5"},
    ],
    "checklist": answered("scale"),
}


@pytest.fixture
def services(tmp_path):
    with open_services(tmp_path / "inspector.sqlite", clock=lambda: "2026-11-23T09:00:00.000Z") as s:
        yield pair(s)


@pytest.fixture
def site(services):
    return services.registry.create(
        "sites", {"name": "观音桥农贸市场", "kind": "market", "credit_code": CODE, "district": "江北区"}
    )


def test_site_validation_names_field_and_rule_in_both_languages(services):
    with pytest.raises(ValidationFailed) as info:
        services.registry.create("sites", {"name": "", "credit_code": CODE[:-1] + "0", "district": "火星区"})
    errors = {e.field: e for e in info.value.errors}
    assert set(errors) == {"name", "credit_code", "district"}
    assert "单位名称" in errors["name"].message("zh")
    assert "校验位" in errors["credit_code"].message("zh")
    assert "check character" in errors["credit_code"].message("en")
    assert services.registry.count("sites") == 0  # nothing half-stored


def test_duplicate_credit_code_is_refused(services, site):
    with pytest.raises(ValidationFailed) as info:
        services.registry.create("sites", {"name": "另一个", "credit_code": CODE.lower()})
    assert info.value.errors[0].code == "duplicate"


def test_instrument_needs_an_existing_site_and_a_valid_date(services, site):
    with pytest.raises(ValidationFailed) as info:
        services.registry.create(
            "instruments", {"site_id": "nope", "kind": "scale", "serial": "S1", "cert_expiry": "2026-13-01"}
        )
    assert {e.field for e in info.value.errors} == {"site_id", "cert_expiry"}
    iid = services.registry.create(
        "instruments", {"site_id": site, "kind": "scale", "serial": "S1", "cert_expiry": "2027-05-01"}
    )
    services.registry.update("instruments", iid, {"maker": "凯丰"})
    assert services.registry.get("instruments", iid)["maker"] == "凯丰"
    assert [r["id"] for r in services.registry.search("instruments", "凯丰")] == [iid]


def test_inspection_lifecycle(services, site):
    ins = services.inspections
    iid = ins.start(form_id="scale", site_id=site)
    live = ins.set_readings(iid, {"max": "15000"})
    assert live.evaluation is None and live.error.field == "e"  # says what is missing
    live = ins.set_readings(iid, flatten(SC1))
    assert live.evaluation.verdict == "pass"
    row = ins.get(iid)
    assert row["verdict"] == "pass" and row["status"] == "draft"
    assert nest(ins.readings(iid))["weighings"][1]["indication"] == "15010"
    result = ins.finalise(iid, measures=[])
    row = ins.get(iid)
    assert row["status"] == "finalised" and row["fingerprint"] == result.fingerprint
    record = json.loads(row["canonical"])
    assert record["form"]["id"] == "scale" and record["site"]["credit_code"] == CODE
    assert record["readings"]["weighings[1].indication"] == "15010"
    assert record["evaluation"]["results"]["weighings"][0]["corrected_error"] == "0.5"
    with pytest.raises(RecordFrozen):
        ins.set_readings(iid, {"e": "10"})
    with pytest.raises(RecordFrozen):
        ins.finalise(iid)
    new = ins.correct(iid)
    assert ins.get(new)["supersedes"] == iid and ins.get(new)["status"] == "draft"
    assert ins.readings(new) == ins.readings(iid)


def test_finalise_refuses_incomplete_readings(services, site):
    iid = services.inspections.start(form_id="scale", site_id=site)
    services.inspections.set_readings(iid, {"max": "15000"})
    with pytest.raises(ValidationFailed) as info:
        services.inspections.finalise(iid)
    assert info.value.errors[0].field == "e"
    assert services.inspections.get(iid)["status"] == "draft"


def test_settings_are_declared_with_help_and_validated(services):
    for s in settings.SETTINGS:
        assert s.help_zh and s.help_en and s.zh and s.en, s.key
    services.settings.set("limit_comparison", "rounded")
    assert services.settings.evaluation_defaults()["limit_comparison"] == "rounded"
    with pytest.raises(ValidationFailed) as info:
        services.settings.set("limit_comparison", "sometimes")
    assert "限值比较方法" in info.value.errors[0].message("zh")


def test_settings_reach_the_evaluation(services, site):
    ins = services.inspections
    iid = ins.start(form_id="taxi_meter", site_id=site)
    # δ = (100000 − 99009.9)/99009.9 = 1.0000001 %: over +1 % in full, 1.00 % when rounded (both
    # readings at their fields' resolutions, 1 m and 0.1 m).
    readings = {"distance_tests[0].meter_m": "100000", "distance_tests[0].reference_m": "99009.9"}
    assert ins.set_readings(iid, readings).evaluation.verdict == "fail"
    services.settings.set("limit_comparison", "rounded")
    assert ins.set_readings(iid, {}).evaluation.verdict == "pass"


def test_selfcheck_finds_tampering(tmp_path):
    path = tmp_path / "db.sqlite"
    with open_services(path) as s:
        pair(s)
        sid = s.registry.create("sites", {"name": "A", "credit_code": CODE})
        iid = s.inspections.start(form_id="scale", site_id=sid, readings=flatten(SC1))
        s.inspections.finalise(iid)
    assert all(c.ok for c in run_selfcheck(path))
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER inspections_frozen")
    conn.execute("UPDATE inspections SET canonical = replace(canonical, '15010', '15000')")
    conn.commit()
    conn.close()
    failed = {c.name for c in run_selfcheck(path) if not c.ok}
    assert failed == {"record columns", "record readings", "audit heads"}


def test_selfcheck_reports_a_corrupt_file_without_crashing(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    report = run_selfcheck(path)
    assert not all(c.ok for c in report)
    assert path.read_bytes().startswith(b"this is not a database")  # nothing overwritten


def test_demo_seeds_every_procedure(tmp_path):
    from inspector_app.demo import seed_demo

    with open_services(tmp_path / "demo.sqlite") as s:
        counts = seed_demo(s, inspections=24, seed=7)
        assert counts["inspections"] == 24 and counts["finalised"] > 0
        by_form = s.inspections.counts("form_id")
        assert set(by_form) == {"fuel_dispenser", "taxi_meter", "scale", "net_content"}
        assert set(s.inspections.counts("status")) == {"draft", "finalised"}
        kinds = {r["kind"] for r in s.registry.search("sites", limit=100)}
        assert {"petrol_station", "taxi_company", "market", "supermarket", "packer"} <= kinds
        assert all(credit_code.is_valid(r["credit_code"]) for r in s.registry.search("sites", limit=100))
    assert all(c.ok for c in run_selfcheck(tmp_path / "demo.sqlite"))


def test_demo_records_are_finalised_shortly_after_their_inspection(tmp_path):
    """A demo record inspected on 11-20 is finalised that day, minutes to an hour after it was
    begun (its PDF once said 定稿时间 12-01: the day the demo ran), and still verifies."""
    from inspector_app.demo import seed_demo
    from inspector_app.local_time import local_day

    with open_services(tmp_path / "demo.sqlite") as s:
        seed_demo(s, inspections=16, seed=7, today=dt.date(2026, 11, 20))
        rows = [s.inspections.get(r["id"]) for r in s.inspections.list_rows(status="finalised", limit=100)]
        assert len(rows) >= 8
        for row in rows:
            begun = dt.datetime.fromisoformat(row["started_at"].replace("Z", "+00:00"))
            done = dt.datetime.fromisoformat(row["finalised_at"].replace("Z", "+00:00"))
            assert dt.timedelta(minutes=1) <= done - begun <= dt.timedelta(hours=1), row["record_no"]
            assert local_day(row["finalised_at"]) == local_day(row["started_at"]), row["record_no"]
            assert json.loads(row["canonical"])["finalised_at"] == row["finalised_at"]
            checked = s.records.verify_pdf(s.records.pdf_of(row["id"]))
            assert checked.status == "valid", (row["record_no"], checked)
            assert checked.signed_at == row["finalised_at"]
        assert len({row["finalised_at"][11:16] for row in rows}) > 1  # not one moment for all
    assert all(c.ok for c in run_selfcheck(tmp_path / "demo.sqlite"))
    with open_services(tmp_path / "again.sqlite") as s:  # deterministic from the seed
        seed_demo(s, inspections=16, seed=7, today=dt.date(2026, 11, 20))
        again = sorted(
            s.inspections.get(r["id"])["finalised_at"]
            for r in s.inspections.list_rows(status="finalised", limit=100)
        )
    assert again == sorted(row["finalised_at"] for row in rows)


# Where these places really are (the districts of Chongqing's city centre), and the GB/T 2260
# codes of those districts: known here independently of the demo's own tables.
REAL_DISTRICTS = {
    "解放碑": "渝中区",
    "两路口": "渝中区",
    "观音桥": "江北区",
    "北滨": "江北区",
    "南坪": "南岸区",
    "三峡广场": "沙坪坝区",
    "杨家坪": "九龙坡区",
    "鱼洞": "巴南区",
}
DIVISION_CODES = {"渝中区": "500103", "江北区": "500105", "南岸区": "500108", "沙坪坝区": "500106",
                  "九龙坡区": "500107", "巴南区": "500113"}  # fmt: skip


def test_demo_places_are_in_their_real_districts(tmp_path):
    """解放碑 is in 渝中区, 南坪 in 南岸区, 观音桥 in 江北区, 三峡广场 in 沙坪坝区 (issue 9 §3): a demo
    site's name, address, district and credit code agree."""
    from inspector_app.demo import seed_demo

    with open_services(tmp_path / "demo.sqlite") as s:
        seed_demo(s, inspections=0, seed=11, sign=False)
        sites = s.registry.search("sites", limit=100)
    seen = set()
    for site in sites:
        assert site["address"].startswith(f"重庆市{site['district']}"), site
        for place, district in REAL_DISTRICTS.items():
            if place in site["name"] or place in site["address"]:
                assert site["district"] == district, (place, site["name"], site["district"])
                assert site["credit_code"][2:8] == DIVISION_CODES[district], site
                seen.add(place)
    assert {"解放碑", "南坪", "观音桥", "三峡广场"} <= seen


def test_readings_nest_with_a_plain_and_a_deeper_checklist_answer():
    """An imported check may say checklist.seal = true while the GUI writes checklist.seal.ok."""
    assert nest({"checklist.seal": "true", "checklist.seal.ok": "false"}) == {
        "checklist": {"seal": {"ok": "false"}}
    }
    assert nest({"checklist.seal.ok": "false", "checklist.seal": "true"}) == {
        "checklist": {"seal": {"ok": "false"}}
    }


def test_a_scale_with_only_its_parameters_is_incomplete_never_pass_and_is_not_finalised(services, site):
    """Issue 12 / README "Minimum content": only 器具参数 filled (no weighing, no checklist answer)
    is incomplete — not a pass —, lists what is missing, and the finalise service refuses it."""
    ins = services.inspections
    iid = ins.start(form_id="scale", site_id=site)
    live = ins.set_readings(iid, {"accuracy_class": "III", "max": "15000", "e": "5", "d": "5"})
    assert live.status == "incomplete" and not live.complete
    assert live.as_json()["verdict"] == "incomplete" and ins.get(iid)["verdict"] == "incomplete"
    missing = [(m.field, m.code) for m in live.missing]
    assert missing[0] == ("weighings", "incomplete")
    assert {f for f, c in missing if c == "unanswered"} == {
        "checklist.certificate",
        "checklist.seal",
        "checklist.nameplate",
        "checklist.no_cheating",
    }
    with pytest.raises(ValidationFailed) as info:
        ins.finalise(iid)
    text = "；".join(e.message("zh") for e in info.value.errors)
    assert "至少一次不低于最小秤量 Min（100 g）的称量" in text and "铅封完好" in text
    assert ins.get(iid)["status"] == "draft"


def test_every_checklist_item_must_be_answered_before_finalising(services, site):
    ins = services.inspections
    readings = flatten({**SC1, "checklist": {**answered("scale"), "seal": None}})
    iid = ins.start(form_id="scale", site_id=site, readings={k: v for k, v in readings.items()})
    live = ins.set_readings(iid, {})
    assert live.evaluation is not None and live.evaluation.verdict == "pass"
    assert live.status == "incomplete" and [m.field for m in live.missing] == ["checklist.seal"]
    with pytest.raises(ValidationFailed) as info:
        ins.finalise(iid)
    assert [e.field for e in info.value.errors] == ["checklist.seal"]
    live = ins.set_readings(iid, {"checklist.seal.ok": "true"})
    assert live.status == "pass" and live.complete
    assert ins.finalise(iid).verdict == "pass"


def test_a_failed_item_shows_as_fail_but_an_incomplete_check_is_still_not_finalised(services, site):
    """A failed item is final (fail, never pass), yet unanswered items still block finalising."""
    ins = services.inspections
    iid = ins.start(form_id="scale", site_id=site, readings=flatten({**SC1, "checklist": {"seal": False}}))
    live = ins.set_readings(iid, {})
    assert live.status == "fail" and "seal" in live.as_json()["failed"] and live.missing
    with pytest.raises(ValidationFailed):
        ins.finalise(iid)
    early = ins.start(form_id="scale", site_id=site, readings={"checklist.seal.ok": "false", "e": "5"})
    live = ins.set_readings(early, {})
    assert live.status == "incomplete" and live.as_json()["failed"] == ["seal"]  # failed so far


def test_a_reading_cannot_change_the_control_the_record_states(services, site):
    """The control (使用中检查 / 检定) is the inspection's; a reading named "control" is ignored,
    so the tare and zero are judged as the record says (README "Scale": verification only)."""
    ins = services.inspections
    readings = flatten({**SC1, "control": "verification", "tare": {"indication": "0", "added": "1.0"}})
    iid = ins.start(form_id="scale", site_id=site, readings=readings)
    live = ins.set_readings(iid, {})
    assert ins.get(iid)["control"] == "in_service"
    assert live.evaluation.results["control"] == "in_service" and "tare" not in live.evaluation.failed

"""The office at work end to end, on real files and through the CLI: directories, a signed draw
(recusal applied, verified bit for bit), its tasks travelling to the laptops in return packages,
an inspection started from a task and finalised, imported, reviewed (returned with a reason that
reaches the laptop and `list --json`), published (XLSX read back), and the statistics, credit
lists and integrity file that follow."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from inspector_app.readings import flatten
from inspector_app.services import open_services
from tests.cli_run import run
from tests.core import fleet
from tests.office.test_draw_algorithm import code

PLAN = """id = "YZ-TEST-1"
name = "测试衡器抽查"
date = {date}
item = "scale"
due = 2099-12-31
[scope]
types = ["market"]
[counts]
A = 5
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office with a supervisor and two enrolled laptops; laptop 1 has inspected CODE (so its
    inspector is recused there); the entity directory holds CODE and four more markets, risk A."""
    base = tmp_path_factory.mktemp("flow")
    with (
        fleet.office(base / "office.sqlite") as o,
        fleet.laptop(base / "lap1.sqlite") as lap1,
        fleet.laptop(base / "lap2.sqlite", name="李检查", id_number="渝执 50000002") as lap2,
    ):
        fleet.enrol(o, lap1)
        fleet.enrol(o, lap2)
        fleet.supervisor_key(o)
        earlier = fleet.finalise(lap1, serial="SC-OLD")
        [imported] = o.office.import_bundles([fleet.export(lap1, base / "usb1").path])
        assert imported.imported == 1
        today = o.office.credit.today()
        devices = {"lap1": lap1.device_id, "lap2": lap2.device_id}
    lines = ["统一社会信用代码,名称,区县,类型,风险等级"]
    lines.append(f"{fleet.CODE},解放碑农贸市场,渝中区,集贸市场,A")
    lines += [f"{code(200 + i)},第{i}农贸市场,渝中区,集贸市场,A" for i in range(4)]
    lines.append(f"{code(300)},某加油站,渝中区,加油站,A")  # outside the plan's scope
    (base / "sites.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (base / "plan.toml").write_text(PLAN.format(date=today), encoding="utf-8")
    return {"base": base, "earlier": earlier, "today": today, **devices}


@pytest.fixture
def dbs(world, tmp_path):
    for name in ("office.sqlite", "lap1.sqlite", "lap2.sqlite"):
        shutil.copy(world["base"] / name, tmp_path / name)
    return tmp_path


def draw(capsys, world, folder):
    office = folder / "office.sqlite"
    code_, out, err = run(
        capsys, "office", "sites", "import", "--db", office, world["base"] / "sites.csv", "--json"
    )
    assert code_ == 0, err
    assert json.loads(out)["added"] == 6
    code_, out, err = run(
        capsys,
        "office", "draw", "--db", office, "--plan", world["base"] / "plan.toml", "--witness", "0 4 1 7",
        "--json", "-o", folder / "draw.json", "-o", folder / "draw.pdf",
        passphrase=fleet.OFFICE_PASS,
    )  # fmt: skip
    assert code_ == 0, err
    return json.loads(out)


def test_draw_recusal_tasks_and_verification(capsys, world, dbs):
    result = draw(capsys, world, dbs)
    assert result["witness"] == "0417"
    assert [level["drawn"] for level in result["levels"]] == [
        5,
        0,
        0,
        0,
    ]  # the petrol station is out of scope
    by_code = {s["credit_code"]: s for s in result["selected"]}
    assert set(by_code) == {fleet.CODE, *(code(200 + i) for i in range(4))}
    # 王检查 inspected CODE today: recused there, leaving one inspector for a visit of two.
    assert by_code[fleet.CODE]["inspectors"] == []
    assert [u["credit_code"] for u in result["unassigned"]] == [fleet.CODE]
    for c in (code(200 + i) for i in range(4)):
        assert sorted(by_code[c]["inspectors"]) == ["渝执 50000001", "渝执 50000002"]
    assert result["tasks"] == 4
    # The record re-computes identically; the PDF says so and carries the seed.
    code_, out, _ = run(
        capsys, "office", "draw", "--verify", dbs / "draw.json", "--db", dbs / "office.sqlite", "--json"
    )
    assert code_ == 0 and json.loads(out)["identical"] is True
    # The directory the draw read (plain text rows) is the directory as the store lists it.
    from inspector_app.office.draw import algorithm
    from inspector_app.office.draw.service import read_payload

    with open_services(dbs / "office.sqlite") as o:
        listed = list(o.office.store.iter_sites())
    entities = read_payload((dbs / "draw.json").read_bytes())["entities"]
    assert len(entities) == 6 and entities == algorithm.entity_snapshot(listed)
    import io

    import pypdf

    text = "".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO((dbs / "draw.pdf").read_bytes())).pages
    )
    assert result["seed"] in "".join(text.split()) and "测试衡器抽查" in text and "0417" in text
    # The same plan cannot be drawn again (no second try for a better result).
    code_, _, err = run(
        capsys, "office", "draw", "--db", dbs / "office.sqlite", "--plan", world["base"] / "plan.toml",
        "--witness", "9", passphrase=fleet.OFFICE_PASS,
    )  # fmt: skip
    assert code_ == 2 and "YZ-TEST-1" in err and "不能重抽" in err


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda p: p["result"]["selected"].reverse(), "selected_differs"),
        (lambda p: p.update(witness="418"), "seed_differs"),
        (lambda p: p["entities"][0].update(risk="B"), "entities_sha256_differs"),
        (lambda p: p["recusals"].clear(), "recusals_sha256_differs"),
    ],
)
def test_a_changed_draw_record_is_not_identical(capsys, world, dbs, edit, problem):
    draw(capsys, world, dbs)
    envelope = json.loads((dbs / "draw.json").read_text("utf-8"))
    payload = json.loads(envelope["payload"])
    edit(payload)
    envelope["payload"] = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (dbs / "changed.json").write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    code_, out, _ = run(capsys, "office", "draw", "--verify", dbs / "changed.json", "--json")
    verdict = json.loads(out)
    assert code_ == 1 and not verdict["identical"]
    assert "signature_bad" in verdict["problems"] and problem in verdict["problems"]


def test_tasks_travel_and_the_record_is_published(capsys, world, dbs):
    result = draw(capsys, world, dbs)
    office_db = dbs / "office.sqlite"
    with open_services(office_db) as o:
        tasks = o.office.draws.tasks(result["draw_id"])
        lead = {t["credit_code"]: t["device_id"] for t in tasks}
        assert set(lead.values()) <= {world["lap1"], world["lap2"]}
        laptop = "lap1" if world["lap1"] == tasks[0]["device_id"] else "lap2"  # a task's lead laptop
        mine = [c for c, device in lead.items() if device == world[laptop]]
        package = fleet.package(o, world[laptop], dbs / "pkg")
        root = fleet.root_fingerprint(o)
    with open_services(dbs / f"{laptop}.sqlite") as lap:
        lap.sync.apply_package(package, accept_root=root[:16])
        [task] = [t for t in lap.sync.tasks() if "YZ-TEST-1" in t["note"]][:1]
        assert "王检查" in task["note"] and "李检查" in task["note"]
        iid = lap.inspections.start_from_task(task["id"])
        site_id = lap.inspections.get(iid)["site_id"]
        instrument = lap.registry.create(
            "instruments", {"site_id": site_id, "kind": "scale", "serial": "SC-T1"}
        )
        # The record answers the task even when it is the correction of a first attempt.
        lap.inspections.set_readings(iid, flatten(fleet.SCALE))
        del instrument
        lap.inspections.finalise(iid, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        canonical = json.loads(lap.inspections.get(iid)["canonical"])
        assert canonical["task_id"] == task["id"] and canonical["canonical_version"] == 3
        bundle = fleet.export(lap, dbs / "usb").path
    with open_services(office_db) as o:
        [imported] = o.office.import_bundles([bundle])
        assert imported.imported == 1
        rows = o.office.publication.rows()
        assert [(r["id"], r["state"], r["plan_id"]) for r in rows] == [(iid, "due", "YZ-TEST-1")]
        assert rows[0]["deadline"] > world["today"]
    code_, out, err = run(capsys, "office", "publish", "--db", office_db, "-o", dbs / "pub.xlsx", "--json")
    assert code_ == 0, err
    done = json.loads(out)
    assert (done["rows"], done["newly_published"], done["summary"]["published"]) == (1, 1, 1)
    from openpyxl import load_workbook

    sheet = load_workbook(dbs / "pub.xlsx", read_only=True).worksheets[0]
    header, row = list(sheet.iter_rows(values_only=True))
    assert header[:7] == (
        "序号",
        "检查对象名称",
        "统一社会信用代码",
        "检查事项",
        "检查机关",
        "检查日期",
        "检查结果",
    )
    assert row[2] in mine and row[3] == "集贸市场/超市衡器计量监督检查" and row[4] == fleet.OFFICE_NAME
    assert (row[5], row[6]) == (world["today"], "合格")
    # Published once: the next export has nothing new; with --all it has the same row again, as CSV.
    code_, out, _ = run(capsys, "office", "publish", "--db", office_db, "-o", dbs / "again.csv", "--json")
    assert json.loads(out)["rows"] == 0
    code_, out, _ = run(
        capsys, "office", "publish", "--db", office_db, "-o", dbs / "all.csv", "--all", "--json"
    )
    assert (json.loads(out)["rows"], json.loads(out)["newly_published"]) == (1, 0)
    raw = (dbs / "all.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for spreadsheet programs
    [header, line] = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert line[1:3] == [row[1], row[2]]


def test_review_returns_a_record_to_its_laptop(capsys, world, dbs):
    office_db = dbs / "office.sqlite"
    code_, out, _ = run(capsys, "office", "records", "--db", office_db, "--status", "received", "--json")
    [queued] = json.loads(out)["records"]
    assert (queued["id"], queued["loop"]) == (world["earlier"], "received")
    code_, out, err = run(
        capsys, "office", "review", "--db", office_db, world["earlier"], "--return", "偏载测试缺第四个支点",
        "--by", "赵审核", "--json", passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code_ == 0, err
    assert json.loads(out)["decision"] == "returned"
    # A wrong passphrase and an unknown supervisor are refused, nothing decided (the approval
    # would replace the return: --reverse with its reason).
    code_, _, err = run(
        capsys, "office", "review", "--db", office_db, world["earlier"], "--approve", "--by", "赵审核",
        "--reverse", "--reason", "补测", passphrase="wrong-passphrase",
    )  # fmt: skip
    assert code_ == 2 and "口令不正确" in err
    code_, _, err = run(
        capsys, "office", "review", "--db", office_db, world["earlier"], "--approve", "--by", "钱某",
        "--reverse", "--reason", "补测", passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code_ == 2 and "钱某" in err
    with open_services(office_db) as o:
        package = fleet.package(o, world["lap1"], dbs / "pkg")
        root = fleet.root_fingerprint(o)
        [row] = o.office.review.page({"status": "returned"})
        assert row["loop"] == "returned_sent"
    with open_services(dbs / "lap1.sqlite") as lap:
        lap.sync.apply_package(package, accept_root=root[:16])
    code_, out, _ = run(capsys, "list", "--db", dbs / "lap1.sqlite", "--json")
    [listed] = [r for r in json.loads(out) if r["id"] == world["earlier"]]
    assert (listed["status"], listed["review_comment"]) == ("returned", "偏载测试缺第四个支点")


def test_stats_credit_and_entity_from_the_cli(capsys, world, dbs):
    office_db = dbs / "office.sqlite"
    code_, out, _ = run(capsys, "office", "stats", "--db", office_db, "--json")
    stats = json.loads(out)
    assert (stats["total"], stats["pass"], stats["by_procedure"][0]["key"]) == (1, 1, "scale")
    code_, out, err = run(capsys, "office", "stats", "--db", office_db, "-o", dbs / "report.pdf")
    assert code_ == 0 and (dbs / "report.pdf").read_bytes().startswith(b"%PDF"), err
    code_, out, _ = run(capsys, "office", "credit", "--db", office_db, "-o", dbs / "lists.xlsx", "--json")
    assert code_ == 0 and json.loads(out)["black"] == [] and (dbs / "lists.xlsx").is_file()
    code_, out, _ = run(capsys, "office", "entity", "--db", office_db, fleet.CODE, "--json")
    file = json.loads(out)
    assert file["name"] == "解放碑农贸市场" and [c["verdict"] for c in file["checks"]] == ["pass"]
    code_, _, err = run(capsys, "office", "entity", "--db", office_db, code(999))
    assert code_ == 2 and code(999) in err
    code_, _, err = run(capsys, "office", "stats", "--db", office_db, "--from", "2026-02-30", "--json")
    assert code_ == 2 and "2026-02-30" in err


def test_the_inspector_directory_from_the_cli_steers_the_draw(capsys, world, dbs):
    """`office inspectors list | set | recuse --json`: the enrolled inspectors with district and
    availability; a recusal and an unavailable inspector are obeyed by the next draw; a mistyped
    employee number is refused, naming it."""
    office = dbs / "office.sqlite"
    code_, out, err = run(capsys, "office", "inspectors", "list", "--db", office, "--json")
    assert code_ == 0, err
    listed = json.loads(out)
    assert sorted(r["employee_no"] for r in listed["inspectors"]) == ["渝执 50000001", "渝执 50000002"]
    assert all(r["available"] for r in listed["inspectors"]) and listed["recusals"] == []
    code_, out, _ = run(
        capsys, "office", "inspectors", "recuse", "--db", office, "渝执 50000002", code(200),
        "--reason", "亲属经营", "--json",
    )  # fmt: skip
    assert code_ == 0 and json.loads(out)["removed"] is False
    code_, out, _ = run(
        capsys,
        "office",
        "inspectors",
        "set",
        "--db",
        office,
        "渝执 50000001",
        "--district",
        "渝中区",
        "--json",
    )
    assert code_ == 0 and json.loads(out)["district"] == "渝中区"
    listed = json.loads(run(capsys, "office", "inspectors", "list", "--db", office, "--json")[1])
    assert [(r["employee_no"], r["credit_code"]) for r in listed["recusals"]] == [
        ("渝执 50000002", code(200))
    ]
    # Recused there, 李检查 cannot make up the team of two at code(200): it stays unassigned.
    result = draw(capsys, world, dbs)
    assert code(200) in [u["credit_code"] for u in result["unassigned"]]
    assert all(
        "渝执 50000002" not in s["inspectors"] for s in result["selected"] if s["credit_code"] == code(200)
    )
    code_, _, err = run(
        capsys, "office", "inspectors", "set", "--db", office, "渝执 99999999", "--available", "no"
    )
    assert code_ == 2 and "渝执 99999999" in err

"""`office review --by NAME` on a PostgreSQL office (issue 15), end to end through the CLI: the
supervisor's key is made and kept in this desktop's own database (as the office window on a
server keeps it, docs/decisions.md), enrolled on the server with the supervisor role; the signed
decision travels in the server's return package and the laptop applies it after verifying the
supervisor's signature against the office root."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import psycopg
import pytest

from inspector_app.services import open_services
from inspector_app.sync import decisions
from tests.cli_run import run
from tests.core import fleet
from tests.db.office_engines import consolidated


@pytest.fixture
def city(tmp_path, pg_url, monkeypatch):
    """A city's office on the server (a district's file consolidated into it: one laptop, two
    records, no supervisor yet) and a supervisor's desktop whose own database is INSPECTOR_APP_DB."""
    with fleet.office(tmp_path / "district.sqlite") as office, fleet.laptop(tmp_path / "lap.sqlite") as lap:
        fleet.enrol(office, lap)
        ids = [fleet.finalise(lap, serial=f"SC-{n}") for n in range(2)]
        [done] = office.office.import_bundles([fleet.export(lap, tmp_path / "usb").path])
        assert done.imported == 2
        device = lap.device_id
    consolidated(tmp_path / "district.sqlite", pg_url)
    desktop = tmp_path / "desktop.sqlite"
    with open_services(desktop):  # the desktop's own database, as the app's first start makes it
        pass
    monkeypatch.setenv("INSPECTOR_APP_DB", str(desktop))
    return {"url": pg_url, "ids": ids, "device": device, "laptop": tmp_path / "lap.sqlite"}


def test_a_supervisor_reviews_from_the_command_line_on_postgresql(capsys, city, tmp_path):
    url, (approved, returned) = city["url"], city["ids"]
    # Without a key on this desktop the review is refused in words, naming --by; nothing decided.
    code, _, err = run(
        capsys, "office", "review", "--db", url, approved, "--approve", "--by", "赵审核",
        passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code == 2 and "--by" in err and "赵审核" in err and "Traceback" not in err
    assert "desktop.sqlite" in err  # where the key was looked for
    # The supervisor's key on the desktop, enrolled on the server as a supervisor.
    code, _, err = run(
        capsys, "keys", "create", "--name", "赵审核", "--id-number", "渝执 50009999",
        "--office", fleet.OFFICE_NAME, passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        capsys, "keys", "request", "-o", tmp_path / "sup.csr", passphrase=fleet.SUPERVISOR_PASS
    )
    assert code == 0, err
    code, _, err = run(
        capsys, "office", "enrol", "--db", url, tmp_path / "sup.csr", "--role", "supervisor",
        passphrase=fleet.OFFICE_PASS,
    )  # fmt: skip
    assert code == 0, err
    # A wrong passphrase is refused, nothing decided.
    code, _, err = run(
        capsys, "office", "review", "--db", url, approved, "--approve", "--by", "赵审核",
        passphrase="wrong-passphrase",
    )  # fmt: skip
    assert code == 2 and "口令不正确" in err
    code, out, err = run(
        capsys, "office", "review", "--db", url, approved, "--approve", "--by", "赵审核", "--json",
        passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code == 0, err
    assert (json.loads(out)["decision"], json.loads(out)["supervisor"]) == ("approved", "赵审核")
    code, out, err = run(
        capsys, "office", "review", "--db", url, returned, "--return", "偏载测试缺第四个支点",
        "--by", "赵审核", "--json", passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code == 0, err
    # On the server: the records' status and the two signed decisions; no private key there.
    with psycopg.connect(url) as conn:
        status = dict(conn.execute("SELECT id, review_status FROM office_records").fetchall())
        stored = conn.execute("SELECT record_id, decision, document FROM office_decisions").fetchall()
        tables = [
            str(r[0]) for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
    assert (status[approved], status[returned]) == ("approved", "returned")
    assert sorted((r, d) for r, d, _ in stored) == sorted([(approved, "approved"), (returned, "returned")])
    assert not [t for t in tables if "identit" in t or "keys" in t]
    # The server's return package carries them; the laptop verifies and applies it.
    code, out, err = run(
        capsys, "office", "package", "--db", url, "--device", city["device"], "-o", tmp_path / "pkg.zip",
        "--json", passphrase=fleet.OFFICE_PASS,
    )  # fmt: skip
    assert code == 0, err
    package = json.loads(out)["package"]
    with zipfile.ZipFile(package) as zf:
        carried = [n for n in zf.namelist() if n.startswith("decisions/")]
        documents = [zf.read(n) for n in carried]
    assert len(carried) == 2
    with open_services(tmp_path / "district.sqlite") as district:
        root = fleet.root_fingerprint(district)
    code, _, err = run(
        capsys, "sync", "import", "--db", city["laptop"], package, "--office-fingerprint", root[:16]
    )
    assert code == 0, err
    code, out, _ = run(capsys, "list", "--db", city["laptop"], "--json")
    listed = {r["id"]: r for r in json.loads(out)}
    assert listed[approved]["status"] == "approved"
    assert (listed[returned]["status"], listed[returned]["review_comment"]) == (
        "returned",
        "偏载测试缺第四个支点",
    )
    # Each decision is the supervisor's signature, which the laptop's verifier accepts (and a
    # decision with one byte of its reason changed it refuses).
    with open_services(city["laptop"]) as lap:
        verifier = lap.verifier()
    read = [decisions.read(d, verifier) for d in documents]
    assert {d.record_id for d in read} == {approved, returned}
    assert all("赵审核" in d.supervisor for d in read)
    [signed] = [d for d in documents if "偏载测试缺第四个支点".encode() in d]
    forged = signed.replace("偏载测试缺第四个支点".encode(), "偏载测试缺第五个支点".encode())
    with pytest.raises(decisions.DecisionInvalid):
        decisions.read(forged, verifier)


def test_the_cli_on_postgresql_keeps_to_this_tests_own_per_user_database(capsys, city, monkeypatch):
    """Without INSPECTOR_APP_DB the office commands on PostgreSQL look for a desktop's own tables
    (a supervisor's key) in the per-user database: in a test, the test's own (conftest), never the
    tester's ~/.local/share nor one another test filled — each test its own server database too."""
    from inspector_app.paths import default_db_path

    monkeypatch.delenv("INSPECTOR_APP_DB")
    own = default_db_path()
    assert Path("~/.local/share").expanduser() not in own.parents, own
    with open_services(own):  # this desktop's own database, as the app's first start makes it
        pass
    code, _, err = run(
        capsys, "office", "review", "--db", city["url"], city["ids"][0], "--approve", "--by", "赵审核",
        passphrase=fleet.SUPERVISOR_PASS,
    )  # fmt: skip
    assert code == 2 and str(own) in err, err  # no key here: this test made none

"""What a newcomer found on a fresh clone, each through the command line on real database files:
a tampered QR summary on a laptop that knows its signer only through the trust list, files of the
wrong kind, laptop and office databases mixed up, a draft's report, review by record number and
reversed decisions, a piped passphrase, relative paths, the PDF signature's padding, and the
office import's progress lines."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from inspector_app.signing import pades, summary
from tests.cli_run import run
from tests.core import fleet

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office and two laptops that have applied its package (root pinned, trust list). Laptop
    A signed one record before its key was enrolled (its QR names A's own certificate, which B
    never saw) and one after; B knows A only through the trust list."""
    base = tmp_path_factory.mktemp("newcomer")
    with (
        fleet.office(base / "office.sqlite") as o,
        fleet.laptop(base / "a.sqlite") as a,
        fleet.laptop(base / "b.sqlite", name="李检查", id_number="渝执 50000002") as b,
    ):
        before = fleet.finalise(a, serial="SC-BEFORE")
        fleet.enrol(o, a)
        fleet.enrol(o, b)
        packages = {}
        for lap in (a, b):
            packages[lap.device_id] = fleet.package(o, lap.device_id, base / f"pkg-{lap.device_id[:4]}")
            lap.sync.apply_package(packages[lap.device_id], accept_root=fleet.root_fingerprint(o))
        after = fleet.finalise(a, serial="SC-AFTER")
        qrs = {
            k: json.loads(pades.read_attachment(a.records.pdf_of(i)))["qr"]
            for k, i in (("before", before), ("after", after))
        }
        bundle = fleet.export(a, base / "usb").path
        return {
            "base": base,
            "qrs": qrs,
            "bundle": bundle,
            "package_a": packages[a.device_id],
            "a_device": a.device_id,
            "records": {
                "before": a.inspections.get(before)["record_no"],
                "after": a.inspections.get(after)["record_no"],
            },
            "ids": {"before": before, "after": after},
        }


@pytest.fixture
def dbs(world, tmp_path):
    for name in ("office.sqlite", "a.sqlite", "b.sqlite"):
        shutil.copy(world["base"] / name, tmp_path / name)
    return tmp_path


def tampered(qr: str) -> str:
    """The QR text with one character of its record number's running part changed (the signed
    text; the key id and the device prefix untouched)."""
    original, _, _ = summary.decode(qr)
    for position in range(len(summary.PREFIX), len(qr)):
        for ch in ALPHABET:
            changed = qr[:position] + ch + qr[position + 1 :]
            if changed == qr:
                continue
            try:
                short, _, _ = summary.decode(changed)
            except summary.SummaryUnreadable:
                continue
            same_signer = short.key_id == original.key_id and short.record_no[:13] == original.record_no[:13]
            if same_signer and short.signed_bytes() != original.signed_bytes():
                return changed
    raise AssertionError("no such change")


@pytest.mark.parametrize("which", ["before", "after"])
def test_a_tampered_qr_is_altered_also_where_the_signer_is_known_only_by_the_trust_list(
    capsys, dbs, world, which
):
    qr = world["qrs"][which]
    for laptop in ("a.sqlite", "b.sqlite"):
        code, out, _ = run(capsys, "verify", "--db", dbs / laptop, "--qr", qr)
        assert code == 0, out
        code, out, _ = run(capsys, "verify", "--db", dbs / laptop, "--qr", tampered(qr))
        assert code == 1 and "altered: the QR content does not match its signature" in out, (laptop, out)
        assert "unknown signer" not in out


def test_a_qr_whose_key_id_and_device_match_nothing_here_is_an_unknown_signer(capsys, dbs, tmp_path):
    with fleet.laptop(tmp_path / "stranger.sqlite", name="赵外地", id_number="渝执 59999999") as other:
        pdf = other.records.pdf_of(fleet.finalise(other))
    qr = json.loads(pades.read_attachment(pdf))["qr"]
    code, out, _ = run(capsys, "verify", "--db", dbs / "b.sqlite", "--qr", tampered(qr))
    assert "unknown signer" in out and code != 0


def test_a_file_of_the_wrong_kind_is_unreadable_as_asked_exit_2(capsys, dbs, world):
    code, out, err = run(capsys, "verify", "--db", dbs / "b.sqlite", world["package_a"])
    assert code == 2, out + err
    assert "不是同步包（这是回传包）" in out and "not a bundle (this is a return package)" in out
    assert "同步包 / bundle" not in out + err  # one language per half
    code, out, err = run(capsys, "office", "import", "--db", dbs / "office.sqlite", world["package_a"])
    assert code == 2, out + err
    assert "无法读取 / unreadable" in out and "不是同步包（这是回传包）" in out
    assert "not a bundle (this is a return package)" in out
    code, out, err = run(capsys, "sync", "import", "--db", dbs / "a.sqlite", world["bundle"])
    assert code == 2, out + err
    assert "不是回传包（这是同步包）" in err and "not a return package (this is a bundle)" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["sync", "status"],
        ["sync", "import", "PACKAGE"],
        ["sync", "export", "-o", "OUT"],
        ["list"],
        ["report", "20261130-CF1D-0001", "-o", "OUT/r.pdf"],
        ["finalise", "20261130-CF1D-0001"],
    ],
)
def test_a_laptop_command_on_an_office_database_is_refused(capsys, dbs, world, argv):
    argv = [str(world["package_a"]) if a == "PACKAGE" else str(dbs) if a == "OUT" else a for a in argv]
    argv = [a.replace("OUT", str(dbs)) for a in argv]
    code, out, err = run(
        capsys,
        *argv[: 2 if argv[0] == "sync" else 1],
        "--db",
        dbs / "office.sqlite",
        *argv[2 if argv[0] == "sync" else 1 :],
    )
    assert code == 2 and out == "", out
    assert "这是检查机构（office）数据库" in err and "this is an office database" in err
    assert "inspector-app office" in err


@pytest.mark.parametrize("argv", [["status"], ["records"], ["import", "BUNDLE"], ["paper"]])
def test_an_office_command_on_a_laptop_database_is_refused(capsys, dbs, world, argv):
    argv = [str(world["bundle"]) if a == "BUNDLE" else a for a in argv]
    code, out, err = run(capsys, "office", argv[0], "--db", dbs / "a.sqlite", *argv[1:])
    assert code == 2 and out == "", out
    assert "这是现场检查（笔记本）数据库" in err and "this is a laptop database" in err


def test_report_of_a_draft_says_it_is_a_draft_and_how_to_finalise(capsys, dbs):
    from inspector_app.services import open_services

    with open_services(dbs / "a.sqlite") as a:
        iid = a.inspections.start(form_id="scale", site_id=fleet.site(a), readings={})
        record_no = a.inspections.get(iid)["record_no"]
    code, _out, err = run(capsys, "report", "--db", dbs / "a.sqlite", record_no, "-o", dbs / "r.pdf")
    assert code == 2 and not (dbs / "r.pdf").exists()
    assert "还是草稿，尚未定稿" in err and "is a draft, not finalised yet" in err
    assert f"inspector-app finalise {record_no}" in err
    assert "没有签名的 PDF" not in err and "finalised without a key" not in err


def cli(*args, stdin: str | None = None, env: dict[str, str] | None = None, cwd=None):
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k != "INSPECTOR_APP_PASSPHRASE"}
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, **(env or {})},
        cwd=cwd,
    )


def test_keys_create_takes_one_piped_line_and_the_environment(tmp_path):
    from inspector_app.services import open_services

    for name in ("piped.sqlite", "env.sqlite"):
        with open_services(tmp_path / name):
            pass
    identity = ["--name", "张三", "--id-number", "渝执 50099999", "--office", "X"]
    piped = cli("keys", "create", "--db", tmp_path / "piped.sqlite", *identity, stdin="newpass-123456\n")
    assert piped.returncode == 0, piped.stderr
    assert "张三" in piped.stdout and "渝执 50099999" in piped.stdout
    with open_services(tmp_path / "piped.sqlite") as s:
        s.records.sealer("newpass-123456")  # the piped line is the passphrase (raises otherwise)
    env = cli(
        "keys",
        "create",
        "--db",
        tmp_path / "env.sqlite",
        *identity,
        env={"INSPECTOR_APP_PASSPHRASE": "envpass-1234567"},
    )
    assert env.returncode == 0, env.stderr
    with open_services(tmp_path / "env.sqlite") as s:
        s.records.sealer("envpass-1234567")
    nothing = cli("keys", "create", "--db", tmp_path / "env.sqlite", *identity, stdin="")
    assert nothing.returncode == 2 and "未读到口令" in nothing.stderr


def test_office_review_takes_a_record_number_and_a_reversal_must_be_explicit_with_a_reason(
    capsys, dbs, world
):
    from inspector_app.services import open_services

    office_db = dbs / "office.sqlite"
    with fleet.office(office_db) as o:
        fleet.supervisor_key(o)
        [imported] = o.office.import_bundles([world["bundle"]])
        assert imported.imported == 2
    record_no, record_id = world["records"]["after"], world["ids"]["after"]
    review = ["office", "review", "--db", office_db, record_no, "--by", "赵审核"]
    code, out, err = run(capsys, *review, "--return", "缺第四个支点", passphrase=fleet.SUPERVISOR_PASS)
    assert code == 0, err
    assert record_no in out and "已退回 / returned: 缺第四个支点" in out
    code, out, err = run(capsys, *review, "--approve", passphrase=fleet.SUPERVISOR_PASS)
    assert code == 2 and out == ""
    assert "已退回；要改为通过，请加 --reverse" in err and "was already returned; to make it approved" in err
    code, out, err = run(capsys, *review, "--approve", "--reverse", passphrase=fleet.SUPERVISOR_PASS)
    assert code == 2 and "needs a reason" in err and "须说明理由" in err
    with open_services(office_db) as o:
        assert o.office.review.detail(record_id)["review_status"] == "returned"
    code, out, err = run(
        capsys,
        *review,
        "--approve",
        "--reverse",
        "--reason",
        "第四个支点已补测",
        passphrase=fleet.SUPERVISOR_PASS,
    )
    assert code == 0 and "已通过 / approved" in out, err
    with open_services(office_db) as o:
        detail = o.office.review.detail(record_id)
        assert (detail["review_status"], detail["review_reason"]) == ("approved", "第四个支点已补测")
        assert [(d["decision"], d["reason"]) for d in detail["decisions"]][-1] == (
            "approved",
            "第四个支点已补测",
        )
    # And back: an approved record is returned only explicitly (its REASON says why).
    code, out, err = run(capsys, *review, "--return", "复核不通过", passphrase=fleet.SUPERVISOR_PASS)
    assert code == 2 and "已通过；要改为退回" in err
    code, out, err = run(
        capsys, *review, "--return", "复核不通过", "--reverse", passphrase=fleet.SUPERVISOR_PASS
    )
    assert code == 0, err
    code, out, err = run(capsys, *review, "--approve", passphrase=fleet.SUPERVISOR_PASS)
    assert code == 2
    code, out, err = run(
        capsys, "office", "review", "--db", office_db, "20991231-FFFF-0001", "--approve", "--by", "赵审核"
    )
    assert code == 2 and "20991231-FFFF-0001" in err


def test_office_import_progress_ends_its_lines_and_a_refusal_says_nothing_was_stored(capsys, dbs, world):
    tampered_bundle = fleet.rezip(world["bundle"], dbs / "b.zip", edit_manifest=lambda m: m.update(seq=9))
    code, out, err = run(
        capsys, "office", "import", "--db", dbs / "office.sqlite", world["bundle"], tampered_bundle
    )
    assert code == 1
    assert "正在核验并写入 / verifying and writing" in err and err.endswith("\n")
    assert "接收 / accepted" in out
    [refused] = [line for line in out.splitlines() if line.startswith("拒收 / refused")]
    assert "b.zip" in refused and refused.endswith("（未写入任何记录）")
    assert "(nothing was stored)" in out


def padding_flipped(pdf: bytes, digit: bytes) -> bytes:
    """The PDF with one hex digit of the signature's zero padding in /Contents replaced."""
    contents = pdf.rindex(b"/Contents <")  # the signature dictionary of the last revision
    end = pdf.index(b">", contents)
    position = end - 20  # well inside the trailing zeros
    assert pdf[position - 40 : end] == b"0" * (end - position + 40)
    return pdf[:position] + digit + pdf[position + 1 :]


@pytest.mark.parametrize("digit", [b"1", b"f", b" "])
def test_a_byte_changed_in_the_signature_padding_is_altered(capsys, dbs, world, digit):
    from inspector_app.services import open_services

    with open_services(dbs / "a.sqlite") as a:
        pdf = a.records.pdf_of(world["ids"]["after"])
    (dbs / "good.pdf").write_bytes(pdf)
    code, out, _ = run(capsys, "verify", "--db", dbs / "a.sqlite", dbs / "good.pdf")
    assert code == 0, out
    (dbs / "padded.pdf").write_bytes(padding_flipped(pdf, digit))
    code, out, _ = run(capsys, "verify", "--db", dbs / "a.sqlite", dbs / "padded.pdf")
    assert code == 1 and "altered" in out, out


def test_setup_start_resolves_a_relative_db_in_the_callers_folder(tmp_path):
    """`bash setup.sh start --db demo.sqlite` run elsewhere means demo.sqlite there, not in the
    repository (setup.sh changes to its own folder to set up)."""
    import hashlib
    import subprocess
    from pathlib import Path

    from inspector_app.services import open_services

    repo = Path(__file__).resolve().parents[2]
    stamp = repo / ".venv" / ".setup-stamp"
    wanted = hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text().strip() != wanted:
        pytest.skip("setup.sh would install packages first (no up-to-date .venv in this checkout)")
    caller = tmp_path / "elsewhere"
    caller.mkdir()
    with open_services(caller / "mine.sqlite"):
        pass
    done = subprocess.run(
        ["bash", str(repo / "setup.sh"), "start", "list", "--db", "mine.sqlite", "--json"],
        cwd=caller,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "INSPECTOR_SKIP_SYSTEM": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert not (repo / "mine.sqlite").exists()


def test_office_review_of_a_record_number_two_devices_share_names_both(capsys, dbs, world):
    import sqlite3

    office_db = dbs / "office.sqlite"
    with fleet.office(office_db) as o:
        [imported] = o.office.import_bundles([world["bundle"]])
        assert imported.imported == 2
    record_no = world["records"]["after"]
    conn = sqlite3.connect(office_db)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM office_records WHERE record_no = ?", [record_no]).fetchone())
    # Another device whose id starts with the same four hex digits numbered a record alike.
    row.update(id=row["id"][:-4] + "beef", device_id=row["device_id"][:4] + "-other-device")
    conn.execute(
        f"INSERT INTO office_records ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    conn.commit()
    conn.close()
    code, out, err = run(
        capsys, "office", "review", "--db", office_db, record_no, "--approve", "--by", "赵审核"
    )
    assert code == 2 and out == ""
    assert "不止一台设备" in err and "more than one device" in err
    assert world["a_device"] in err and row["device_id"] in err

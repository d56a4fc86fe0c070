"""Return packages office → laptop, and the whole round trip with real files: trust list and the
laptop's office certificate, tasks, review decisions (a returned record shows the reason and is
corrected), acknowledgements; rollback, foreign, tampered and expired packages refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from inspector_app.pki import certs, trustlist
from inspector_app.services import open_services
from inspector_app.sync import package as package_format
from inspector_app.sync.refusals import Refused
from tests.core import fleet

TABLES = (
    "office_anchor",
    "trust_lists",
    "sync_packages",
    "review_decisions",
    "reference_files",
    "tasks",
    "sites",
    "instruments",
    "inspections",
    "identities",
    "audit_log",
)


def laptop_dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in TABLES:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office with a supervisor, a task and a form update; an enrolled laptop whose first
    bundle was imported and two of whose records were reviewed; the laptop's first package."""
    base = tmp_path_factory.mktemp("world")
    with fleet.office(base / "office.sqlite") as o, fleet.laptop(base / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        ids = [fleet.finalise(lap, serial=f"SC-{i}") for i in range(3)]
        pre_enrolment_pdf = lap.records.pdf_of(ids[0])
        bundle = fleet.export(lap, base / "usb").path
        [imported] = o.office.import_bundles([bundle])
        assert imported.imported == 3
        key = fleet.supervisor_key(o)
        o.office.decide(ids[0], decision="approved", reason="", key=key)
        o.office.decide(ids[1], decision="returned", reason="偏载测试缺第四个支点", key=key)
        o.office.add_task(
            lap.device_id,
            site={"name": "较场口农贸市场", "credit_code": fleet.CODE2, "district": "渝中区"},
            instrument={"kind": "scale", "maker": "顶尖", "serial": "DJ-778899", "model": "ACS-30"},
            form_id="scale",
            due_date="2026-12-20",
            note="双随机抽查",
        )
        definition = (Path(__file__).resolve().parents[2] / "forms" / "scale" / "definition.toml").read_text(
            "utf-8"
        )
        newer = definition.replace('version = "', 'version = "9.', 1)
        o.office.add_reference("form", newer, effective_from="2026-01-01")
        first = fleet.package(o, lap.device_id, base / "packages")
        root = fleet.root_fingerprint(o)
        device = lap.device_id
    return {
        "base": base,
        "ids": ids,
        "package": first,
        "root": root,
        "device": device,
        "pdf": pre_enrolment_pdf,
    }


@pytest.fixture
def dbs(world, tmp_path):
    for name in ("office.sqlite", "laptop.sqlite"):
        shutil.copy(world["base"] / name, tmp_path / name)
    return tmp_path / "office.sqlite", tmp_path / "laptop.sqlite"


def test_round_trip_laptop_office_laptop(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    with open_services(laptop_db) as lap:
        assert lap.records.verify_pdf(world["pdf"]).reason == "local_key"  # no office yet
        done = lap.sync.apply_package(world["package"], accept_root=world["root"][:16])
        assert (done.number, done.acknowledged_seq, len(done.tasks), len(done.decisions)) == (1, 1, 1, 2)
        status = lap.sync.status()
        assert (status["acknowledged_seq"], status["pending"], status["enrolled"]) == (1, 0, True)
        assert status["office"]["root_sha256"] == world["root"]
        assert status["trust_list"]["version"] == 3 and not status["trust_list"]["expired"]
        # Trust now comes from the office: the record signed before enrolment is valid, not local.
        checked = lap.records.verify_pdf(world["pdf"])
        assert (checked.status, checked.reason) == ("valid", "")
        # Review decisions landed: one approved, one returned with the supervisor's reason.
        approved, returned, untouched = (lap.inspections.get(i) for i in world["ids"])
        assert (approved["status"], returned["status"], untouched["status"]) == (
            "approved",
            "returned",
            "finalised",
        )
        assert returned["review_comment"] == "偏载测试缺第四个支点"
        [shown] = lap.sync.returned()
        assert (shown["id"], shown["review_comment"]) == (world["ids"][1], "偏载测试缺第四个支点")
        # The task arrived with its site and instrument.
        [task] = lap.sync.tasks()
        assert (task["site_name"], task["form_id"], task["due_date"]) == (
            "较场口农贸市场",
            "scale",
            "2026-12-20",
        )
        # The form update is stored and used for new inspections.
        assert lap.inspections.current_definition("scale").version.startswith("9.")
        # The inspector corrects the returned record; records signed now carry the office certificate.
        correction = lap.inspections.correct(world["ids"][1], reason="按审核意见更正")
        lap.inspections.finalise(correction, sealer=lap.records.sealer(fleet.LAPTOP_PASS))
        pdf = lap.records.pdf_of(correction)
        second = fleet.export(lap, tmp_path / "usb2")
        assert (second.seq, second.records) == (2, 1)  # only the correction: the rest is acknowledged
    with open_services(office_db) as o:
        [result] = o.office.import_bundles([second.path])
        assert (result.imported, result.duplicates, result.conflicts, result.gaps) == (1, 0, 0, [])
        stored = o.office.store.record(correction)
        assert stored["supersedes"] == world["ids"][1]
        assert o.records.verify_pdf(pdf).status == "valid"
        signed_with = json.loads(stored["signature"])["cert_sha256"]
        [pem] = [c["pem"] for c in o.office.store.signer_certs() if c["cert_sha256"] == signed_with]
        signer_cert = certs.load(pem)
        assert certs.chains_to(signer_cert, o.office.root_certificate())  # signed with the office certificate
        devices = {d["device_id"]: d for d in o.office.devices()}
        assert devices[world["device"]]["acknowledged_seq"] == 2


def test_applying_a_package_twice_changes_nothing(world, dbs):
    _, laptop_db = dbs
    with open_services(laptop_db) as lap:
        lap.sync.apply_package(world["package"], accept_root=world["root"])
    before = laptop_dump(laptop_db)
    with open_services(laptop_db) as lap:
        again = lap.sync.apply_package(world["package"])
        assert again.already_applied
    assert laptop_dump(laptop_db) == before


def refused(laptop_db: Path, path: Path, reason: str, *, accept_root: str | None = None) -> Refused:
    before = laptop_dump(laptop_db)
    with open_services(laptop_db) as lap, pytest.raises(Refused) as info:
        lap.sync.apply_package(path, accept_root=accept_root)
    assert info.value.reason == reason, info.value
    assert laptop_dump(laptop_db) == before
    return info.value


def test_a_first_package_needs_the_root_fingerprint_confirmed(world, dbs):
    _, laptop_db = dbs
    refused(laptop_db, world["package"], "office_unconfirmed")
    refused(laptop_db, world["package"], "office_unconfirmed", accept_root="0123456789abcdef")
    refused(laptop_db, world["package"], "office_unconfirmed", accept_root=world["root"][:8])  # too short


def test_an_older_package_is_refused(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    with open_services(office_db) as o:
        second = fleet.package(o, world["device"], tmp_path / "p2")
    with open_services(laptop_db) as lap:
        assert lap.sync.apply_package(second, accept_root=world["root"]).number == 2
    error = refused(laptop_db, world["package"], "rollback")
    assert error.params == {"number": 1, "last": 2}


def test_a_package_from_another_office_is_refused(world, dbs, tmp_path):
    _, laptop_db = dbs
    with open_services(laptop_db) as lap:
        lap.sync.apply_package(world["package"], accept_root=world["root"])
    with fleet.office(tmp_path / "other.sqlite") as other:
        # The other office even enrols this laptop's key (its request is no secret).
        with open_services(laptop_db) as lap:
            pem = lap.keys.request(fleet.LAPTOP_PASS)
        other.office.enrol(
            other.office.read_request(pem.encode()),
            role="inspector",
            root=other.office.unlock(fleet.OFFICE_PASS),
        )
        foreign = fleet.package(other, world["device"], tmp_path / "foreign")
    refused(laptop_db, foreign, "foreign_office")


def test_a_package_for_another_device_is_refused(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    with fleet.laptop(tmp_path / "second.sqlite", name="李四") as second, open_services(office_db) as o:
        fleet.enrol(o, second)
        for_other = fleet.package(o, second.device_id, tmp_path / "other")
    refused(laptop_db, for_other, "foreign_device", accept_root=world["root"])


def test_a_tampered_package_is_refused(world, dbs, tmp_path):
    _, laptop_db = dbs
    with zipfile.ZipFile(world["package"]) as zf:
        original = zf.read("tasks.json")
    changed = original.decode().replace("双随机抽查", "双随机检查").encode()  # same size, other task
    assert changed != original and len(changed) == len(original)
    crafted = fleet.rezip(world["package"], tmp_path / "t.zip", replace={"tasks.json": changed})
    refused(laptop_db, crafted, "hash_mismatch", accept_root=world["root"])
    resigned = fleet.rezip(
        world["package"],
        tmp_path / "s.zip",
        replace={"tasks.json": changed},
        update_manifest=True,
    )
    refused(laptop_db, resigned, "manifest_signature_bad", accept_root=world["root"])


def test_an_expired_trust_list_is_refused_and_one_about_to_expire_warns(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    today = dt.datetime.now(dt.UTC)
    for days_ago, expect in ((95, "expired"), (80, "soon")):
        moment = (today - dt.timedelta(days=days_ago)).isoformat()
        copy = tmp_path / f"office-{days_ago}.sqlite"
        shutil.copy(office_db, copy)
        with open_services(copy, clock=lambda m=moment: m) as o:
            root = o.office.unlock(fleet.OFFICE_PASS)
            with o.office.store.transaction():
                o.office._new_trust_list(root, moment)  # a list issued back then
            made = o.office.make_package(world["device"], tmp_path, root=root)["package"]
        if expect == "expired":
            refused(laptop_db, made, "trust_list_expired", accept_root=world["root"])
        else:
            with open_services(laptop_db) as lap:
                done = lap.sync.apply_package(made, accept_root=world["root"])
                assert done.warnings == ["trust_list_expires_soon"]
                assert lap.sync.status()["trust_list"]["expires_soon"]


def test_a_trust_list_older_than_the_one_held_is_refused(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    with open_services(laptop_db) as lap:
        lap.sync.apply_package(world["package"], accept_root=world["root"])
    with open_services(office_db) as o:
        root = o.office.unlock(fleet.OFFICE_PASS)
        old = next(t for t in o.office.store.trust_lists(limit=10) if t["version"] == 2)["document"]
        crafted = tmp_path / "old-list.zip"
        package_format.write_package(
            crafted,
            header={
                "device_id": world["device"],
                "number": 7,
                "created_at": o.clock(),
                "acknowledged_seq": 1,
                "office": {"name": fleet.OFFICE_NAME},
            },
            root_key=root.key,
            root_pem=certs.pem(root.cert),
            trust_list=old,
            tasks=[],
            decision_documents=[],
            references=[],
        )
    error = refused(laptop_db, crafted, "trust_list_rollback")
    assert error.params == {"version": 2, "held": 3}


def test_a_decision_not_signed_by_a_supervisor_is_refused(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    from inspector_app.services import ValidationFailed
    from inspector_app.sync import decisions

    with open_services(laptop_db) as lap:
        inspector_key = lap.records.sealer(fleet.LAPTOP_PASS).key
    with open_services(office_db) as o:
        with pytest.raises(ValidationFailed) as info:
            o.office.decide(world["ids"][2], decision="approved", reason="", key=inspector_key)
        assert info.value.errors[0].code == "not_a_supervisor"
        inspector_cert = next(c for c in o.office.certificates() if c["role"] == "inspector")["pem"]
        forged = decisions.sign(
            decision_id="6f9619ff-8b86-4011-b42d-00c04fc964ff",
            record_id=world["ids"][2],
            fingerprint=o.office.store.record(world["ids"][2])["fingerprint"],
            decision="approved",
            reason="",
            decided_at=o.clock(),
            key=inspector_key,
            cert_pem=inspector_cert,
        )
        root = o.office.unlock(fleet.OFFICE_PASS)
        crafted = tmp_path / "forged.zip"
        package_format.write_package(
            crafted,
            header={
                "device_id": world["device"],
                "number": 5,
                "created_at": o.clock(),
                "acknowledged_seq": 1,
                "office": {"name": fleet.OFFICE_NAME},
            },
            root_key=root.key,
            root_pem=certs.pem(root.cert),
            trust_list=o.office.store.trust_lists()[0]["document"],
            tasks=[],
            decision_documents=[("6f9619ff-8b86-4011-b42d-00c04fc964ff", forged)],
            references=[],
        )
    error = refused(laptop_db, crafted, "decision_invalid", accept_root=world["root"])
    assert error.params == {"detail": "not_a_supervisor"}


def test_a_certificate_inserted_into_an_enrolled_laptops_database_does_not_make_a_forged_record_valid(
    world, dbs, tmp_path
):
    _, laptop_db = dbs
    with fleet.laptop(tmp_path / "attacker.sqlite", name="王检查") as bad:
        forged = bad.records.pdf_of(fleet.finalise(bad))
        pem = bad.records.identities()[0]["cert_pem"]
    with open_services(laptop_db) as lap:
        lap.sync.apply_package(world["package"], accept_root=world["root"])
        cert = certs.load(pem)
        lap.db.execute(
            "INSERT INTO trusted_certs VALUES (?, ?, '王检查', ?, 'office', '2026-01-01')",
            [certs.cert_sha256(cert), certs.cert_sha256(cert)[:16], pem],
        )
        lap.db.conn.commit()
        result = lap.records.verify_pdf(forged)
        assert (result.status, result.reason) == ("unknown_signer", "signer_not_enrolled")


def test_a_revocation_reaches_the_laptop_with_the_trust_list(world, dbs, tmp_path):
    office_db, laptop_db = dbs
    today = dt.datetime.now(dt.UTC)
    later = (today + dt.timedelta(days=2)).isoformat()
    with (
        open_services(office_db) as o,
        fleet.laptop(tmp_path / "colleague.sqlite", name="钱同事", clock=lambda: later) as colleague,
    ):
        issued = fleet.enrol(o, colleague)
        o.office.revoke(issued.cert_sha256, reason="钥匙丢失", root=o.office.unlock(fleet.OFFICE_PASS))
        after = colleague.records.pdf_of(fleet.finalise(colleague))
        made = fleet.package(o, world["device"], tmp_path / "p")
    with open_services(laptop_db) as lap:
        lap.sync.apply_package(world["package"], accept_root=world["root"])
        lap.sync.apply_package(made)
        result = lap.records.verify_pdf(after)
        assert (result.status, result.details["revocation_reason"]) == ("revoked", "钥匙丢失")


def test_cli_sync_import_exit_codes(world, dbs, tmp_path):
    import subprocess
    import sys

    _, laptop_db = dbs

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True, timeout=300
        )

    unconfirmed = cli("sync", "import", "--db", str(laptop_db), str(world["package"]))
    assert unconfirmed.returncode == 1 and world["root"] in unconfirmed.stderr
    ok = cli(
        "sync",
        "import",
        "--db",
        str(laptop_db),
        str(world["package"]),
        "--office-fingerprint",
        " ".join(world["root"][i : i + 4] for i in range(0, 20, 4)),
        "--json",
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["applied"] is True
    again = cli("sync", "import", "--db", str(laptop_db), str(world["package"]), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["already_applied"] is True
    (tmp_path / "junk.zip").write_bytes(b"junk")
    assert cli("sync", "import", "--db", str(laptop_db), str(tmp_path / "junk.zip")).returncode == 2
    status = cli("sync", "status", "--db", str(laptop_db), "--json")
    got = json.loads(status.stdout)
    assert {"device_id", "pending", "last_seq", "acknowledged_seq"} <= set(got) and got[
        "acknowledged_seq"
    ] == 1


def test_trust_by_hand_is_refused_once_an_office_is_pinned(world, dbs, tmp_path):
    from inspector_app.services import ValidationFailed

    _, laptop_db = dbs
    with fleet.laptop(tmp_path / "other.sqlite", name="外人") as other:
        pem = other.records.identities()[0]["cert_pem"]
    with open_services(laptop_db) as lap:
        lap.records.enrol(pem)  # no office yet: a laptop may trust by hand (locally)
        lap.sync.apply_package(world["package"], accept_root=world["root"])
        with pytest.raises(ValidationFailed) as info:
            lap.records.enrol(pem)
        assert info.value.errors[0].code == "office_trust"


def test_demo_with_an_office_makes_both_ends_of_a_round_trip(tmp_path):
    import subprocess
    import sys

    laptop_db, office_db = tmp_path / "demo.sqlite", tmp_path / "office.sqlite"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.entry",
            "demo",
            "--db",
            str(laptop_db),
            "--office",
            str(office_db),
            "--inspections",
            "8",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr
    office = json.loads(made.stdout)["office"]
    # The laptop's inspector, the supervisor and the demo office's four colleagues.
    assert office["imported"] >= 1 and office["returned"] == 1 and office["enrolled"] == 6
    with open_services(laptop_db) as lap:
        status = lap.sync.status()
        # The first bundle, and the drawn tasks done since (demo.complete_drawn_tasks), acknowledged.
        assert status["enrolled"] and status["pending"] == 0
        assert status["acknowledged_seq"] == status["last_seq"] == 1 + office["draw"]["done"]
        assert status["office"]["root_sha256"] == office["root_sha256"]
        assert len(lap.sync.returned()) == 1
        assert sum(t["note"] == "双随机抽查（检查机构下发）" for t in lap.sync.tasks()) == 2
        # The demo's 双随机 draw: the tasks led by this laptop's inspector arrived too.
        drawn = [t for t in lap.sync.tasks() if t["note"].startswith("双随机抽查 ")]
        assert len(drawn) <= office["draw"]["tasks"] and all("李明" in t["note"] for t in drawn)
    with open_services(office_db) as o:
        assert o.office_mode and o.office.store.record_count() == office["imported"] + office["draw"]["done"]


@pytest.mark.parametrize(
    ("left", "warns"), [(dt.timedelta(days=14, hours=-1), True), (dt.timedelta(days=14, hours=1), False)]
)
def test_the_expiry_warning_starts_14_days_ahead(world, dbs, tmp_path, left, warns):
    """spec/office.md: warn 14 days before the trust list expires — an hour inside that, a warning;
    an hour outside it, none."""
    office_db, laptop_db = dbs
    issued = dt.datetime.now(dt.UTC) + left - dt.timedelta(days=trustlist.VALID_DAYS)
    moment = issued.isoformat()
    with open_services(office_db, clock=lambda: moment) as o:
        root = o.office.unlock(fleet.OFFICE_PASS)
        with o.office.store.transaction():
            o.office._new_trust_list(root, moment)
        made = o.office.make_package(world["device"], tmp_path, root=root)["package"]
    with open_services(laptop_db) as lap:
        done = lap.sync.apply_package(made, accept_root=world["root"])
        status = lap.sync.status()["trust_list"]
    assert (done.warnings == ["trust_list_expires_soon"]) is warns
    assert status["expires_soon"] is warns and not status["expired"]
    assert status["days_left"] == (13 if warns else 14)

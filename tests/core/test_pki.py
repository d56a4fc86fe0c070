"""The office PKI: root, enrolment requests, issued certificates, trust lists, and the one
verification source — which trusts the root's signatures, never rows inserted into a table."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from db.connection import connect
from db.office.sqlite import OFFICE_PAGE_SIZE, use_office_pages
from inspector_app.pki import certs, trustlist
from inspector_app.pki.source import newest_valid
from inspector_app.services import ValidationFailed, create_office, open_services
from inspector_app.signing import keys, pades
from inspector_app.signing.keys import WrongPassphrase
from tests.core import fleet


def test_office_init_makes_a_root_ca_and_a_first_trust_list(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as s:
        info = s.office.info()
        root = s.office.root_certificate()
        assert info["name"] == fleet.OFFICE_NAME and info["trust_list_version"] == 1
        assert info["root_sha256"] == certs.cert_sha256(root)
        assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        assert certs.office_name(root) == fleet.OFFICE_NAME
        stored = s.office.store.office()["encrypted_key_pem"]
        assert json.loads(stored)["kdf"]["name"] == "argon2id" and "PRIVATE KEY" not in stored
        with pytest.raises(WrongPassphrase):
            s.office.unlock("not the passphrase")
    # Reopened, the same file is an office (office mode), and cannot be made one twice.
    with open_services(tmp_path / "office.sqlite") as s:
        assert s.office_mode
        with pytest.raises(ValidationFailed) as info:
            create_office(s, name="x", passphrase=fleet.OFFICE_PASS)
        assert info.value.errors[0].code == "already_office"
    assert (tmp_path / "office.sqlite").read_bytes().find(fleet.OFFICE_PASS.encode()) == -1


def test_an_office_is_never_made_over_a_laptops_records(tmp_path):
    with fleet.laptop(tmp_path / "laptop.sqlite") as s:
        fleet.finalise(s)
        with pytest.raises(ValidationFailed) as info:
            create_office(s, name="某局", passphrase=fleet.OFFICE_PASS)
        assert info.value.errors[0].code == "laptop_database" and not s.office_mode


def test_enrolment_request_names_the_inspector_and_the_device(tmp_path):
    with fleet.laptop(tmp_path / "laptop.sqlite", name="李明", id_number="渝执 50012345") as s:
        pem = s.keys.request(fleet.LAPTOP_PASS)
        request = certs.read_request(pem)
        identity = s.records.identities()[0]
        assert (request.name, request.id_number, request.device_id) == ("李明", "渝执 50012345", s.device_id)
        assert request.key_sha256 == certs.key_sha256(keys.load_cert(identity["cert_pem"]).public_key())
        assert [k["state"] for k in s.keys.status()] == ["requested"]
        with pytest.raises(WrongPassphrase):
            s.keys.request("wrong passphrase")


def test_a_tampered_or_foreign_request_is_refused():
    key = keys.unlock(
        keys.create_identity(name="a", id_number="1", office="o", passphrase="12345678").encrypted_key_pem,
        "12345678",
    )
    pem = certs.build_request(
        key, name="张三", id_number="1", office="o", device_id="1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    )
    der = bytearray(x509.load_pem_x509_csr(pem.encode()).public_bytes(serialization.Encoding.DER))
    der[-10] ^= 0x01  # a bit of the signature
    with pytest.raises(certs.RequestInvalid) as info:
        certs.read_request(bytes(der))
    assert info.value.code == "bad_signature"
    for junk, code in ((b"hello", "not_a_request"), (b"x" * 20000, "not_a_request")):
        with pytest.raises(certs.RequestInvalid) as info:
            certs.read_request(junk)
        assert info.value.code == code
    no_device = certs.build_request(key, name="张三", id_number="1", office="o", device_id="not-a-uuid")
    with pytest.raises(certs.RequestInvalid) as info:
        certs.read_request(no_device)
    assert info.value.code == "no_device"


def test_issued_certificate_chains_to_the_root_for_two_years(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        issued = fleet.enrol(o, lap, role="supervisor")
        cert = certs.load(issued.pem)
        root = o.office.root_certificate()
        assert certs.chains_to(cert, root) and not certs.chains_to(root, root)
        assert cert.not_valid_after_utc - cert.not_valid_before_utc == dt.timedelta(days=730, minutes=5)
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
        assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        assert (certs.role_of(cert), certs.device_of(cert)) == ("supervisor", lap.device_id)
        assert issued.trust_list_version == 2 and issued.new
        again = fleet.enrol(o, lap, role="supervisor")
        assert (again.cert_sha256, again.new) == (issued.cert_sha256, False)
        listed = trustlist.read(o.office.store.trust_lists()[0]["document"], root)
        assert [e.cert_sha256 for e in listed.entries] == [issued.cert_sha256]


def test_a_record_signed_before_enrolment_verifies_once_the_key_is_enrolled(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        pdf = lap.records.pdf_of(fleet.finalise(lap))
        local = lap.records.verify_pdf(pdf)
        assert (local.status, local.reason) == ("valid", "local_key")  # no office yet: local trust
        assert o.records.verify_pdf(pdf).status == "unknown_signer"
        fleet.enrol(o, lap)
        result = o.records.verify_pdf(pdf)
        assert (result.status, result.reason) == ("valid", "")
        assert result.signer.startswith("王检查 / 渝执 50000001")


def forged_pdf(tmp_path) -> tuple[bytes, str]:
    """A record made on an attacker's own laptop: genuine signature math, an unenrolled key."""
    with fleet.laptop(tmp_path / "attacker.sqlite", name="冒名者", id_number="渝执 50000001") as bad:
        pdf = bad.records.pdf_of(fleet.finalise(bad))
        return pdf, bad.records.identities()[0]["cert_pem"]


def test_a_certificate_inserted_into_the_database_does_not_make_a_forged_record_valid(tmp_path):
    pdf, attacker_pem = forged_pdf(tmp_path)
    attacker = certs.load(attacker_pem)
    with fleet.office(tmp_path / "office.sqlite") as o:
        before = o.records.verify_pdf(pdf)
        assert before.status == "unknown_signer"
        # Straight into every table that holds certificates: the old trust store, the office's
        # issued certificates (with a made-up role), and the aliases seen in bundles.
        o.db.execute(
            "INSERT INTO trusted_certs (cert_sha256, key_id, subject, cert_pem, source, enrolled_at) "
            "VALUES (?, ?, ?, ?, 'office', '2026-01-01')",
            [certs.cert_sha256(attacker), certs.cert_sha256(attacker)[:16], "冒名者", attacker_pem],
        )
        o.db.execute(
            "INSERT INTO office_certificates VALUES "
            "(?, ?, ?, 'inspector', '', '冒名者', '2099-01-01', '2026-01-01')",
            [certs.cert_sha256(attacker), certs.key_sha256(attacker.public_key()), attacker_pem],
        )
        o.db.execute(
            "INSERT INTO office_signer_certs VALUES (?, ?, ?)",
            [certs.cert_sha256(attacker), certs.key_sha256(attacker.public_key()), attacker_pem],
        )
        o.db.conn.commit()
        after = o.records.verify_pdf(pdf)
        assert (after.status, after.reason) == ("unknown_signer", "signer_not_enrolled")
        qr = json.loads(pades.read_attachment(pdf))["qr"]
        assert o.records.verify_qr(qr).status == "unknown_signer"


def test_a_trust_list_signed_by_another_root_or_tampered_is_not_used(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as o, fleet.laptop(tmp_path / "laptop.sqlite") as lap:
        fleet.enrol(o, lap)
        root = o.office.root_certificate()
        good = o.office.store.trust_lists()[0]["document"]
        envelope = json.loads(good)
        payload = json.loads(envelope["payload"])
        payload["revocations"] = []
        payload["version"] = 99
        envelope["payload"] = json.dumps(payload)
        with pytest.raises(trustlist.TrustListInvalid) as info:
            trustlist.read(json.dumps(envelope).encode(), root)
        assert info.value.code == "bad_signature"
        other_key, other_root = certs.create_root("外局")
        foreign = trustlist.sign(
            root_key=other_key,
            root_cert=other_root,
            version=100,
            issued=[],
            revocations=[],
            now=dt.datetime.now(dt.UTC),
        )
        with pytest.raises(trustlist.TrustListInvalid) as info:
            trustlist.read(foreign, root)
        assert info.value.code == "bad_signature"
        # A forged newer version inserted straight into the table is passed over.
        o.db.execute(
            "INSERT INTO office_trust_lists VALUES (99, ?, '2026-01-01', '2099-01-01')",
            [json.dumps(envelope).encode()],
        )
        o.db.conn.commit()
        assert newest_valid([r["document"] for r in o.office.store.trust_lists()], root).version == 2
        from inspector_app.selfcheck import run_selfcheck

        [trust] = [c for c in run_selfcheck(tmp_path / "office.sqlite") if c.name == "trust"]
        assert not trust.ok and "[99]" in trust.detail


def test_a_trust_list_cannot_list_a_certificate_the_root_did_not_issue(tmp_path):
    with fleet.office(tmp_path / "office.sqlite") as o:
        root_key = o.office.unlock(fleet.OFFICE_PASS).key
        root = o.office.root_certificate()
        stranger = keys.load_cert(
            keys.create_identity(name="x", id_number="1", office="o", passphrase="12345678").cert_pem
        )
        document = trustlist.sign(
            root_key=root_key,
            root_cert=root,
            version=5,
            issued=[stranger],
            revocations=[],
            now=dt.datetime.now(dt.UTC),
        )
        with pytest.raises(trustlist.TrustListInvalid) as info:
            trustlist.read(document, root)
        assert info.value.code == "bad_entry"


def test_revocation_at_the_office_applies_from_its_time(tmp_path):
    today = dt.datetime.now(dt.UTC)
    now = [(today - dt.timedelta(days=10)).isoformat()]
    with (
        fleet.office(tmp_path / "office.sqlite") as o,
        fleet.laptop(tmp_path / "laptop.sqlite", clock=lambda: now[0]) as lap,
    ):
        before = lap.records.pdf_of(fleet.finalise(lap))
        issued = fleet.enrol(o, lap)
        version = o.office.revoke(
            issued.cert_sha256, reason="笔记本丢失", root=o.office.unlock(fleet.OFFICE_PASS)
        )
        assert version == 3
        now[0] = (today + dt.timedelta(days=1)).isoformat()
        after = lap.records.pdf_of(fleet.finalise(lap, serial="SC-0002"))
        assert o.records.verify_pdf(before).status == "valid"
        refused = o.records.verify_pdf(after)
        assert (refused.status, refused.details["revocation_reason"]) == ("revoked", "笔记本丢失")
        with pytest.raises(ValidationFailed) as info:
            fleet.enrol(o, lap)
        assert info.value.errors[0].code == "key_revoked"


def test_change_passphrase_keeps_the_key(tmp_path):
    with fleet.laptop(tmp_path / "laptop.sqlite") as s:
        before = s.records.identities()[0]
        s.keys.change_passphrase(fleet.LAPTOP_PASS, "a new passphrase")
        after = s.records.identities()[0]
        assert after["cert_pem"] == before["cert_pem"]
        assert after["encrypted_key_pem"] != before["encrypted_key_pem"]
        with pytest.raises(WrongPassphrase):
            s.records.sealer(fleet.LAPTOP_PASS)
        s.records.sealer("a new passphrase")
        with pytest.raises(ValidationFailed):
            s.keys.change_passphrase("a new passphrase", "short")
        with pytest.raises(WrongPassphrase):
            s.keys.change_passphrase("wrong", "another passphrase")


def test_cli_office_init_enrol_and_keys_request(tmp_path):
    import os
    import subprocess
    import sys

    def cli(*args, passphrase):
        return subprocess.run(
            [sys.executable, "-m", "ui.entry", *args],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "INSPECTOR_APP_PASSPHRASE": passphrase},
        )

    office_db, laptop_db = str(tmp_path / "office.sqlite"), str(tmp_path / "laptop.sqlite")
    made = cli(
        "office",
        "init",
        "--db",
        office_db,
        "--name",
        fleet.OFFICE_NAME,
        "--json",
        passphrase=fleet.OFFICE_PASS,
    )
    assert made.returncode == 0, made.stderr
    root = json.loads(made.stdout)["root_sha256"]
    assert len(root) == 64
    # A new office database has 64 KiB pages (docs/decisions.md), in WAL mode as every database.
    conn = sqlite3.connect(office_db)
    assert conn.execute("PRAGMA page_size").fetchone()[0] == OFFICE_PAGE_SIZE == 65536
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    text = cli("office", "init", "--db", office_db, "--name", "x", passphrase=fleet.OFFICE_PASS)
    assert text.returncode == 2 and "already holds an office" in text.stderr
    with fleet.laptop(laptop_db):
        pass
    conn = sqlite3.connect(laptop_db)
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096  # a laptop's keep SQLite's default
    conn.close()
    csr = tmp_path / "req.csr"
    assert (
        cli("keys", "request", "--db", laptop_db, "-o", str(csr), passphrase=fleet.LAPTOP_PASS).returncode
        == 0
    )
    wrong = cli("keys", "request", "--db", laptop_db, "-o", str(csr), passphrase="wrong-one")
    assert wrong.returncode == 2 and "wrong passphrase" in wrong.stderr
    enrolled = cli("office", "enrol", "--db", office_db, str(csr), "--json", passphrase=fleet.OFFICE_PASS)
    assert enrolled.returncode == 0, enrolled.stderr
    out = json.loads(enrolled.stdout)
    assert out["trust_list_version"] == 2 and out["enrolled"][0]["subject"].startswith("王检查")
    (tmp_path / "junk.csr").write_text("junk")
    junk = cli("office", "enrol", "--db", office_db, str(tmp_path / "junk.csr"), passphrase=fleet.OFFICE_PASS)
    assert junk.returncode == 2 and "Traceback" not in junk.stderr and "CSR" in junk.stderr
    not_office = cli("office", "enrol", "--db", laptop_db, str(csr), passphrase=fleet.OFFICE_PASS)
    assert not_office.returncode == 2 and "office init" in not_office.stderr


def test_office_pages_wait_for_the_only_connection_and_keep_every_row(tmp_path):
    """The page size changes only when nothing else has the database open (it is rewritten out of
    WAL mode); what it holds is kept."""
    path = tmp_path / "new.sqlite"
    first = connect(path)
    first.execute("CREATE TABLE t (x)")
    first.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1000)])
    first.commit()
    other = connect(path)
    assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 1000
    assert not use_office_pages(first)
    assert first.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert first.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()
    assert use_office_pages(first)
    assert first.execute("PRAGMA page_size").fetchone()[0] == OFFICE_PAGE_SIZE
    assert first.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert first.execute("SELECT count(*), sum(x) FROM t").fetchone() == (1000, sum(range(1000)))
    first.close()

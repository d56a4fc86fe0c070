"""Keys and trust: a memory-hard KDF (old keys upgraded at their next unlock), certificate export,
and a trust store that refuses what it must (unknown fingerprints, expired or non-P-256 keys) and
prints subjects safely."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID

from inspector_app.services import ValidationFailed, open_services
from inspector_app.signing import keys
from inspector_app.signing.keys import WrongPassphrase

PASSPHRASE = "correct horse battery"


def cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def laptop(tmp_path):
    with open_services(tmp_path / "laptop.sqlite") as s:
        s.records.create_identity(
            name="王检查", id_number="渝执 50000001", office="江北局", passphrase=PASSPHRASE
        )
        yield s


SHA256 = hashes.SHA256()


def make_cert(
    key=None, *, name: str = "外区检查员", days: tuple[int, int] = (-1, 365), sign_hash=SHA256
) -> str:
    key = key or ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=days[0]))
        .not_valid_after(now + dt.timedelta(days=days[1]))
        .sign(key, sign_hash)
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


# -- keys ------------------------------------------------------------------------------------------
def test_key_is_stored_under_argon2id_at_the_set_cost(laptop):
    stored = laptop.records.identities()[0]["encrypted_key_pem"]
    envelope = json.loads(stored)
    assert envelope["format"] == keys.KEY_FORMAT
    assert envelope["kdf"]["name"] == "argon2id"
    assert envelope["kdf"]["memory_kib"] >= 65536 and envelope["kdf"]["iterations"] >= 3
    assert not keys.needs_upgrade(stored)
    assert isinstance(keys.unlock(stored, PASSPHRASE), ec.EllipticCurvePrivateKey)
    with pytest.raises(WrongPassphrase):
        keys.unlock(stored, PASSPHRASE + "x")


def test_a_changed_kdf_parameter_does_not_open_the_key(laptop):
    """The envelope's header is authenticated: lowering the cost in the file breaks it."""
    envelope = json.loads(laptop.records.identities()[0]["encrypted_key_pem"])
    envelope["kdf"]["iterations"] = 1
    with pytest.raises(WrongPassphrase):
        keys.unlock(json.dumps(envelope), PASSPHRASE)


def test_a_pbkdf2_key_is_reencrypted_at_its_next_unlock(laptop):
    identity = laptop.records.identities()[0]
    key = keys.unlock(identity["encrypted_key_pem"], PASSPHRASE)
    legacy = key.private_bytes(  # what version 0.1 stored: PKCS#8 under PBKDF2, 2,048 rounds
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    ).decode("ascii")
    laptop.db.execute("UPDATE identities SET encrypted_key_pem = ? WHERE id = ?", [legacy, identity["id"]])
    laptop.db.conn.commit()
    assert keys.needs_upgrade(legacy)
    with pytest.raises(WrongPassphrase):  # a wrong passphrase upgrades nothing
        laptop.records.sealer("not the passphrase")
    assert laptop.records.identities()[0]["encrypted_key_pem"] == legacy
    laptop.records.sealer(PASSPHRASE)
    upgraded = laptop.records.identities()[0]["encrypted_key_pem"]
    assert upgraded != legacy and not keys.needs_upgrade(upgraded)
    reopened = keys.unlock(upgraded, PASSPHRASE)
    assert reopened.private_numbers() == key.private_numbers()
    actions = [r[0] for r in laptop.db.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions[-1] == "rekey"


def test_export_cert_gives_the_certificate_only(laptop, tmp_path):
    db = str(laptop.path)
    laptop.close()
    out = cli("keys", "export-cert", "--db", db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("-----BEGIN CERTIFICATE-----") and "PRIVATE" not in out.stdout
    with open_services(db) as s:
        assert keys.cert_sha256(keys.load_cert(out.stdout)) == s.records.identities()[0]["cert_sha256"]
    target = tmp_path / "me.pem"
    assert cli("keys", "export-cert", "--db", db, "-o", str(target)).returncode == 0
    assert target.read_text() == out.stdout
    empty = tmp_path / "empty.sqlite"
    with open_services(empty):
        pass
    none = cli("keys", "export-cert", "--db", str(empty))
    assert none.returncode == 2 and "keys create" in none.stderr and "Traceback" not in none.stderr


def test_keys_create_refuses_a_5000_character_name(tmp_path):
    db = tmp_path / "k.sqlite"
    with open_services(db):
        pass
    create = ["keys", "create", "--db", str(db), "--id-number", "1", "--office", "局"]
    out = cli(*create, "--name", "名" * 5000, env={"INSPECTOR_APP_PASSPHRASE": PASSPHRASE})
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "最多 200 个字符" in out.stderr and "at most 200 characters" in out.stderr
    with open_services(db) as s:
        assert s.records.identities() == []


def test_a_passphrase_prompt_at_end_of_input_is_a_message(tmp_path):
    db = tmp_path / "k.sqlite"
    with open_services(db):
        pass
    env = {"INSPECTOR_APP_PASSPHRASE": ""}
    create = ["keys", "create", "--db", str(db), "--name", "a", "--id-number", "1", "--office", "b"]
    out = cli(*create, stdin="", env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "INSPECTOR_APP_PASSPHRASE" in out.stderr and "end of input" in out.stderr
    # Piped, the passphrase is one line (README): no confirmation line is awaited.
    piped = cli(*create, stdin=PASSPHRASE + "\n", env=env)
    assert piped.returncode == 0, piped.stderr
    with open_services(db) as s:
        s.records.sealer(PASSPHRASE)


# -- trust -----------------------------------------------------------------------------------------
def test_revoking_an_unknown_fingerprint_is_an_error(laptop):
    with pytest.raises(ValidationFailed) as info:
        laptop.records.revoke("0" * 64, "typo")
    assert info.value.errors[0].code == "unknown_certificate"
    with pytest.raises(ValidationFailed):
        laptop.records.revoke("", "")
    assert laptop.db.execute("SELECT count(*) FROM revocations").fetchone()[0] == 0
    own = laptop.records.trusted()[0]["cert_sha256"]
    assert laptop.records.revoke(own[:16].upper(), "lost") == own  # the key id shown by `keys list`
    assert laptop.records.trusted()[0]["revoked_at"]


def test_trust_revoke_cli_says_unknown(laptop):
    db = str(laptop.path)
    laptop.close()
    out = cli("trust", "revoke", "--db", db, "ab" * 32)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "names no enrolled certificate" in out.stderr and "ab" * 32 in out.stderr


@pytest.mark.parametrize(
    ("pem", "code"),
    [
        (lambda: make_cert(days=(-400, -1)), "cert_expired"),
        (lambda: make_cert(days=(10, 400)), "cert_not_yet_valid"),
        (lambda: make_cert(rsa.generate_private_key(public_exponent=65537, key_size=2048)), "cert_not_p256"),
        (
            lambda: make_cert(ec.generate_private_key(ec.SECP384R1()), sign_hash=hashes.SHA384()),
            "cert_not_p256",
        ),
        (lambda: make_cert(ed25519.Ed25519PrivateKey.generate(), sign_hash=None), "cert_not_p256"),
        (lambda: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not_a_certificate"),
    ],
    ids=["expired", "not-yet-valid", "rsa", "p384", "ed25519", "garbage"],
)
def test_trust_add_refuses_what_cannot_sign_a_record(laptop, pem, code):
    before = len(laptop.records.trusted())
    with pytest.raises(ValidationFailed) as info:
        laptop.records.enrol(pem())
    assert info.value.errors[0].code == code
    assert len(laptop.records.trusted()) == before
    assert laptop.records.enrol(make_cert())  # a valid P-256 certificate is taken


def test_trust_add_cli_names_the_expiry(laptop, tmp_path):
    db = str(laptop.path)
    laptop.close()
    path = tmp_path / "old.pem"
    path.write_text(make_cert(days=(-400, -30)))
    out = cli("trust", "add", "--db", db, str(path))
    expiry = (dt.datetime.now(dt.UTC) - dt.timedelta(days=30)).date().isoformat()
    assert out.returncode == 2 and expiry in out.stderr and "expired" in out.stderr


def test_control_characters_in_subjects_are_escaped_when_printed(laptop):
    laptop.records.enrol(make_cert(name="Evil\x1b[2J\x1b[31mRED\u202eFDP.exe\x07"))
    db = str(laptop.path)
    laptop.close()
    out = cli("trust", "list", "--db", db)
    assert out.returncode == 0
    assert "\x1b" not in out.stdout and "\u202e" not in out.stdout and "\x07" not in out.stdout
    assert "Evil\\x1b[2J\\x1b[31mRED\\u202eFDP.exe\\x07" in out.stdout


# -- files -----------------------------------------------------------------------------------------
def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_database_backups_and_data_folder_are_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("INSPECTOR_APP_DB", raising=False)
    from inspector_app.paths import data_dir, default_db_path

    old = os.umask(0o022)
    try:
        with open_services(None) as s:
            s.settings.set("inspector_name", "王检查")
        db = default_db_path()
        assert db.parent == data_dir() and mode(data_dir()) == 0o700
        assert mode(db) == 0o600
        backups = list((db.parent / "backups").glob("*.sqlite"))
        assert backups and all(mode(b) == 0o600 for b in backups)
        assert mode(db.parent / "backups") == 0o700
        # a database made readable by an older version is tightened when opened
        other = tmp_path / "shared" / "old.sqlite"
        with open_services(other):
            pass
        other.chmod(0o644)
        with open_services(other):
            pass
        assert mode(other) == 0o600
        assert mode(other.parent) == 0o755  # a folder the user chose is left as it is
    finally:
        os.umask(old)

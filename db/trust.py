"""Identities (this laptop's inspectors), enrolled certificates and revocations, signed PDFs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from db import audit
from db.connection import Stamp, new_id

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_identity(db: Database, values: dict[str, str], stamp: Stamp, *, trusted: dict[str, str]) -> str:
    """Store a new identity and enrol its certificate, in one transaction; returns its id."""
    row_id = new_id()
    with db.atomic():
        db.table("identities").insert(
            {
                "id": row_id,
                **values,
                "created_at": stamp.now,
                "updated_at": stamp.now,
                "device_id": stamp.device_id,
            }
        )
        _enrol(db, trusted, stamp)
        audit.append(
            db,
            stamp,
            actor=values["name"],
            action="create",
            entity="identities",
            entity_id=row_id,
            detail={"cert_sha256": values["cert_sha256"]},
        )
    return row_id


def _enrol(db: Database, cert: dict[str, str], stamp: Stamp) -> None:
    db.execute(
        "INSERT OR IGNORE INTO trusted_certs (cert_sha256, key_id, subject, cert_pem, source, "
        "enrolled_at) VALUES (?, ?, ?, ?, ?, ?)",
        [cert["cert_sha256"], cert["key_id"], cert["subject"], cert["cert_pem"], cert["source"], stamp.now],
    )


def enrol(db: Database, cert: dict[str, str], stamp: Stamp, *, actor: str = "") -> None:
    """Trust a certificate (idempotent)."""
    with db.atomic():
        _enrol(db, cert, stamp)
        audit.append(
            db,
            stamp,
            actor=actor,
            action="enrol",
            entity="trusted_certs",
            entity_id=cert["cert_sha256"],
            detail={"subject": cert["subject"]},
        )


def revoke(db: Database, cert_sha256: str, reason: str, stamp: Stamp, *, actor: str = "") -> None:
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO revocations (cert_sha256, revoked_at, reason) VALUES (?, ?, ?)",
            [cert_sha256, stamp.now, reason],
        )
        audit.append(
            db,
            stamp,
            actor=actor,
            action="revoke",
            entity="trusted_certs",
            entity_id=cert_sha256,
            detail={"reason": reason},
        )


def replace_identity_key(
    db: Database, identity_id: str, encrypted_key_pem: str, stamp: Stamp, *, reason: str
) -> None:
    """Store the same private key under a new encryption (a stronger KDF), with an audit entry."""
    with db.atomic():
        db.execute(
            "UPDATE identities SET encrypted_key_pem = ?, updated_at = ? WHERE id = ?",
            [encrypted_key_pem, stamp.now, identity_id],
        )
        audit.append(
            db,
            stamp,
            actor="",
            action="rekey",
            entity="identities",
            entity_id=identity_id,
            detail={"reason": reason},
        )


def trusted_by_prefix(db: Database, prefix: str) -> list[str]:
    """SHA-256 fingerprints of enrolled certificates that start with ``prefix`` (lower-case hex)."""
    return [
        str(r[0])
        for r in db.execute(
            "SELECT cert_sha256 FROM trusted_certs WHERE substr(cert_sha256, 1, ?) = ?",
            [len(prefix), prefix],
        )
    ]


def identities(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM identities ORDER BY created_at"))


def trusted(db: Database) -> list[dict[str, Any]]:
    """Enrolled certificates, each with its revocation (or None)."""
    return list(
        db.query(
            "SELECT t.*, r.revoked_at, r.reason AS revocation_reason FROM trusted_certs t "
            "LEFT JOIN revocations r ON r.cert_sha256 = t.cert_sha256 ORDER BY t.enrolled_at"
        )
    )


def by_key_id(db: Database, key_id: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT t.*, r.revoked_at FROM trusted_certs t LEFT JOIN revocations r "
            "ON r.cert_sha256 = t.cert_sha256 WHERE t.key_id = ?",
            [key_id],
        )
    )


def pdf_records(db: Database) -> list[tuple[str, str]]:
    """(inspection id, record number) of every record with a signed PDF, newest first."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT i.id, i.record_no FROM record_pdfs p JOIN inspections i ON i.id = p.inspection_id "
            "ORDER BY i.started_at DESC"
        )
    ]


def get_pdf(db: Database, inspection_id: str) -> bytes | None:
    row = db.execute("SELECT data FROM record_pdfs WHERE inspection_id = ?", [inspection_id]).fetchone()
    return None if row is None else bytes(row[0])


def revocations(db: Database) -> dict[str, tuple[str, str]]:
    """Certificates revoked on this machine: SHA-256 → (revoked_at, reason)."""
    return {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in db.execute("SELECT cert_sha256, revoked_at, reason FROM revocations")
    }

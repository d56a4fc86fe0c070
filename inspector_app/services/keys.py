"""Inspector keys on this machine: enrolment requests for the office, passphrase changes, and
where each key stands (not enrolled, request made, enrolled until a date).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from db import Stamp
from db import sync as sync_repo
from db import trust as repo
from inspector_app.services.errors import FieldError, ValidationFailed


class KeyService:
    """Identities' enrolment and passphrases (creating one stays with RecordService)."""

    def __init__(self, db: Database, stamp: Callable[[], Stamp]) -> None:
        self._db = db
        self._stamp = stamp

    def _identity(self, identity_id: str | None = None, name: str = "") -> dict[str, Any]:
        found = repo.identities(self._db)
        if identity_id:
            found = [i for i in found if i["id"] == identity_id]
        if name:
            found = [i for i in found if i["name"] == name]
        if not found:
            if name or identity_id:
                raise ValidationFailed([FieldError("name", "not_found", {"value": name or identity_id})])
            raise ValidationFailed([FieldError("identity", "no_identity", {})])
        return found[0]

    def status(self) -> list[dict[str, Any]]:
        """Each key: name, id number, fingerprint, 'enrolled' | 'requested' | 'not_enrolled', and
        the office certificate's expiry once enrolled."""
        from inspector_app.pki import certs

        pending = {r["identity_id"] for r in sync_repo.pending_requests(self._db)}
        out = []
        for i in repo.identities(self._db):
            state, until, role = "not_enrolled", "", ""
            if i.get("office_cert_pem"):
                cert = certs.load(i["office_cert_pem"])
                state, role = "enrolled", certs.role_of(cert)
                until = cert.not_valid_after_utc.date().isoformat()
            elif i["id"] in pending:
                state = "requested"
            out.append(
                {
                    "id": i["id"],
                    "name": i["name"],
                    "id_number": i["id_number"],
                    "office": i["office"],
                    "cert_sha256": i["cert_sha256"],
                    "state": state,
                    "role": role,
                    "enrolled_until": until,
                }
            )
        return out

    def request(self, passphrase: str, *, name: str = "", identity_id: str | None = None) -> str:
        """The PEM enrolment request of a key (the first by default, or by inspector name), signed by
        that key; kept to travel with the next bundle until the office's certificate arrives.

        Raises ValidationFailed (no such key), WrongPassphrase.
        """
        from inspector_app.pki import certs
        from inspector_app.signing import keys

        identity = self._identity(identity_id, name)
        key = keys.unlock(identity["encrypted_key_pem"], passphrase)
        stamp = self._stamp()
        pem = certs.build_request(
            key,
            name=identity["name"],
            id_number=identity["id_number"],
            office=identity["office"],
            device_id=stamp.device_id,
        )
        sync_repo.add_request(
            self._db,
            key_sha256=certs.key_sha256(key.public_key()),
            identity_id=identity["id"],
            pem=pem,
            stamp=stamp,
        )
        return pem

    def change_passphrase(self, old: str, new: str, *, identity_id: str | None = None) -> None:
        """Re-encrypt a key under a new passphrase. Raises WrongPassphrase (old), ValidationFailed
        (new one too short, or no key)."""
        from inspector_app.signing import keys

        identity = self._identity(identity_id)
        if len(new) < keys.MIN_PASSPHRASE:
            raise ValidationFailed(
                [
                    FieldError(
                        "passphrase",
                        "too_short",
                        {"min": keys.MIN_PASSPHRASE, "label_zh": "新口令", "label_en": "New passphrase"},
                    )
                ]
            )
        key = keys.unlock(identity["encrypted_key_pem"], old)
        repo.replace_identity_key(
            self._db, identity["id"], keys.encrypt_key(key, new), self._stamp(), reason="passphrase"
        )

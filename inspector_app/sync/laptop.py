"""The laptop's sync service: where it stands, exporting a bundle, applying a return package.

Export is incremental — every signed record the office has not acknowledged, plus pending
enrolment requests — unless ``full``. The bundle is signed by the laptop's (enrolled) key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db import Stamp
from db import sync as repo
from db import trust as trust_repo
from inspector_app.services.errors import FieldError, ValidationFailed
from inspector_app.sync import bundle, formats


@dataclass(frozen=True)
class Exported:
    path: Path | None  # None: nothing to export
    seq: int
    records: int
    requests: int


class SyncService:
    """Sync by file on a laptop, shared by `sync …` and the 同步 page."""

    def __init__(
        self, db: Database, stamp: Callable[[], Stamp], records: Any, verifier: Callable[[], Any]
    ) -> None:
        self._db = db
        self._stamp = stamp
        self._records = records
        self._verifier = verifier

    def verify_bundle(self, path: Path) -> Any:
        """Check a bundle against this database's trust and report each record (writes nothing):
        a sync.importer.Verified with ``checks``; raises sync.refusals.Refused."""
        from inspector_app.sync import importer

        return importer.verify(path, self._verifier(), report=True)

    # -- where it stands --------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """device_id, pending, unsigned, last_seq, acknowledged_seq, last export and package,
        the office (if any), the trust list and whether it expires soon, enrolment."""
        from inspector_app.pki.trustlist import WARN_DAYS, parse_time

        stamp = self._stamp()
        ack = repo.acknowledged_seq(self._db)
        last_export = repo.last_export(self._db)
        last_package = repo.last_package(self._db)
        anchor = repo.anchor(self._db)
        listed = repo.trust_list_info(self._db)
        trust_list = None
        if listed is not None:
            expires = parse_time(listed["expires_at"])
            now = parse_time(stamp.now)
            trust_list = {
                "version": listed["version"],
                "expires_at": listed["expires_at"],
                "expired": expires <= now,
                "expires_soon": expires <= now + dt.timedelta(days=WARN_DAYS),
                "days_left": (expires - now).days,
            }
        identities = trust_repo.identities(self._db)
        return {
            "device_id": stamp.device_id,
            "pending": repo.count_pending(self._db, ack),
            "unsigned": repo.count_unsigned(self._db),
            "last_seq": repo.last_seq(self._db),
            "acknowledged_seq": ack,
            "last_export": None
            if last_export is None
            else {k: last_export[k] for k in ("seq", "file_name", "records", "created_at")},
            "last_package": None
            if last_package is None
            else {k: last_package[k] for k in ("number", "created_at", "applied_at")},
            "office": None
            if anchor is None
            else {"name": anchor["office"], "root_sha256": anchor["root_sha256"]},
            "trust_list": trust_list,
            "enrolled": any(i.get("office_cert_pem") for i in identities),
            "identities": len(identities),
            "pending_requests": len(repo.pending_requests(self._db)),
        }

    def returned(self) -> list[dict[str, Any]]:
        """Records the office returned, each with the supervisor's reason."""
        return repo.returned_records(self._db)

    def tasks(self) -> list[dict[str, Any]]:
        return repo.office_tasks(self._db)

    # -- export -------------------------------------------------------------------------------
    def _signing_identity(self) -> str | None:
        """The key that signs bundles: an enrolled one first (the office knows it)."""
        identities = trust_repo.identities(self._db)
        enrolled = [i for i in identities if i.get("office_cert_pem")]
        chosen = enrolled or identities
        return str(chosen[0]["id"]) if chosen else None

    def export(
        self,
        folder: Path,
        passphrase: str,
        *,
        full: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Exported:
        """Write `<device>-<seq>.zip` into ``folder``. Nothing to send: Exported(path=None).

        Raises ValidationFailed (no key, no such folder), WrongPassphrase, bundle.Cancelled
        (nothing kept, the sequence number not used), OSError (the stick is full or gone).
        """
        if not folder.is_dir():
            raise ValidationFailed([FieldError("folder", "no_folder", {"value": str(folder)})])
        sealer = self._records.sealer(passphrase, self._signing_identity())
        ack = repo.acknowledged_seq(self._db)
        ids = repo.exportable_ids(self._db, ack=ack, full=full)
        requests = [(r["key_sha256"], r["pem"]) for r in repo.pending_requests(self._db)]
        seq = repo.last_seq(self._db) + 1
        if not ids and not requests:
            return Exported(None, seq - 1, 0, 0)
        stamp = self._stamp()
        from inspector_app.signing import keys

        certificates: dict[str, str] = {}
        for identity in trust_repo.identities(self._db):
            for pem in (identity["cert_pem"], identity.get("office_cert_pem")):
                if pem:
                    certificates[keys.cert_sha256(keys.load_cert(pem))] = pem
        final = folder / formats.bundle_name(stamp.device_id, seq)
        written = bundle.write_bundle(
            final,
            header={
                "device_id": stamp.device_id,
                "seq": seq,
                "base_ack": 0 if full else ack,
                "full": full,
                "created_at": stamp.now,
                "inspector": sealer.signer_info,
            },
            records=repo.export_rows(self._db, ids),
            total=len(ids),
            certificate=certificates.__getitem__,
            form_text=lambda sha: repo.definition_text(self._db, sha),
            requests=requests,
            key=sealer.key,
            cert_pem=sealer.certificate_pem,
            progress=progress,
            cancelled=cancelled,
        )
        try:
            repo.record_export(
                self._db,
                {
                    "seq": seq,
                    "base_ack": 0 if full else ack,
                    "file_name": final.name,
                    "sha256": written.sha256,
                    "records": written.records,
                    "requests": written.requests,
                    "full": full,
                },
                ids,
                stamp,
            )
        except BaseException:
            written.path.unlink(missing_ok=True)
            raise
        bundle.publish(written, final)
        return Exported(final, seq, written.records, written.requests)

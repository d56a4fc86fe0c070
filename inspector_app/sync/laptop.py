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

    # -- return packages ----------------------------------------------------------------------
    def apply_package(self, path: Path, *, accept_root: str | None = None) -> Any:
        """Check a return package whole, then apply it in one transaction: the trust list (and
        the office certificates of this laptop's keys), tasks, review decisions, acknowledgement,
        reference files. The same package again changes nothing.

        Returns sync.package.Checked (``already_applied`` when it was). Raises
        sync.refusals.Refused: foreign office or device, rollback, expired or older trust list,
        a bad signature anywhere; ``office_unconfirmed`` for a first package whose root
        fingerprint ``accept_root`` does not confirm.
        """
        from inspector_app.pki import certs
        from inspector_app.sync import package

        stamp = self._stamp()
        anchor = repo.anchor(self._db)
        last = repo.last_package(self._db)
        held = repo.trust_list_info(self._db)
        checked = package.check(
            path,
            device_id=stamp.device_id,
            pinned_root=anchor["root_sha256"] if anchor else None,
            accept_root=accept_root,
            last=last,
            held_trust_list=held["version"] if held else 0,
            now=stamp.now,
        )
        if checked.already_applied:
            return checked
        own = {}
        for identity in trust_repo.identities(self._db):
            key = certs.key_sha256(certs.load(identity["cert_pem"]).public_key())
            own[key] = identity["id"]
        office_certs = [
            (own[e.key_sha256], e.cert_pem)
            for e in checked.trust_list.entries
            if e.key_sha256 in own
            and e.cert_sha256 not in {r.cert_sha256 for r in checked.trust_list.revocations}
        ]
        listed = checked.trust_list
        repo.apply_package(
            self._db,
            number=checked.number,
            sha256=checked.sha256,
            created_at=checked.created_at,
            acknowledged_seq=checked.acknowledged_seq,
            anchor_row=None
            if anchor
            else {
                "root_sha256": certs.cert_sha256(checked.root),
                "root_pem": certs.pem(checked.root),
                "office": checked.office,
            },
            trust_list={
                "version": listed.version,
                "document": checked.trust_list_document,
                "issued_at": listed.issued_at,
                "expires_at": listed.expires_at,
            },
            office_certs=office_certs,
            tasks=checked.tasks,
            decisions=[
                {
                    "id": d.id,
                    "record_id": d.record_id,
                    "fingerprint": d.fingerprint,
                    "decision": d.decision,
                    "reason": d.reason,
                    "supervisor": d.supervisor,
                    "decided_at": d.decided_at,
                    "document": d.document,
                }
                for d in checked.decisions
            ],
            references=[
                {
                    "kind": r.kind,
                    "ref_id": r.ref_id,
                    "version": r.version,
                    "effective_from": r.effective_from,
                    "sha256": r.sha256,
                    "text": r.text,
                }
                for r in checked.references
            ],
            summary={
                "trust_list_version": listed.version,
                "tasks": len(checked.tasks),
                "decisions": len(checked.decisions),
                "references": len(checked.references),
            },
            stamp=stamp,
        )
        return checked

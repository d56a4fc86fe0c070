"""The office: its root, enrolling laptops' keys, trust lists, importing bundles, return packages.

Talks to an `OfficeStore` (never a driver). Every act of the root — issuing a certificate, a
revocation, a trust list, a package — needs the root passphrase; the key exists in clear only for
that call.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from db.office import OfficeStore
from inspector_app.pki import certs, trustlist
from inspector_app.pki.trust import Verifier
from inspector_app.services.errors import FieldError, ValidationFailed

if TYPE_CHECKING:  # the parts are imported on first use (start-up of the office window)
    from inspector_app.office.conflicts import ConflictQueue
    from inspector_app.office.credit import CreditService
    from inspector_app.office.directories import DirectoryService
    from inspector_app.office.draw.service import DrawService
    from inspector_app.office.paper import PaperService
    from inspector_app.office.publication import PublicationService
    from inspector_app.office.review import ReviewService
    from inspector_app.office.statistics import StatisticsService


@dataclass(frozen=True)
class Issued:
    """A certificate the root issued (or had issued before, for the same key and role)."""

    cert_sha256: str
    subject: str
    role: str
    device_id: str
    not_after: str
    pem: str
    trust_list_version: int
    new: bool


class Root:
    """The unlocked office root for one operation."""

    def __init__(self, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> None:
        self.key = key
        self.cert = cert


def _default_setting(key: str) -> str:
    from inspector_app import settings

    return settings.BY_KEY[key].default


def _error(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed([FieldError(field, code, params)])


class OfficeService:
    """Use cases of the office in office mode, shared by the CLI and the office pages."""

    def __init__(
        self,
        store: OfficeStore,
        *,
        clock: Callable[[], str],
        device_id: str,
        actor: Callable[[], str] = lambda: "",
        setting: Callable[[str], str] | None = None,
    ) -> None:
        self.store = store
        self._clock = clock
        self._device_id = device_id
        self._actor = actor
        self._setting = setting or _default_setting

    # -- the office at work: one service per concern, built on first use -------------------------
    def _parts(self) -> dict[str, Any]:
        return {"clock": self._clock, "device_id": self._device_id, "actor": self._actor}

    @cached_property
    def directories(self) -> DirectoryService:
        """The entity and inspector directories."""
        from inspector_app.office.directories import DirectoryService

        return DirectoryService(self.store, **self._parts())

    @cached_property
    def draws(self) -> DrawService:
        """双随机 draws and their tasks."""
        from inspector_app.office.draw.service import DrawService

        return DrawService(self.store, **self._parts())

    @cached_property
    def review(self) -> ReviewService:
        """The review queue and decisions."""
        from inspector_app.office.review import ReviewService

        return ReviewService(self)

    @cached_property
    def statistics(self) -> StatisticsService:
        """Pass rates and counts."""
        from inspector_app.office.statistics import StatisticsService

        return StatisticsService(
            self.store,
            clock=self._clock,
            awaited=lambda filters: self.paper.awaited(filters),
            overdue_days=lambda: int(self._setting("paper_overdue_days")),
        )

    @cached_property
    def credit(self) -> CreditService:
        """Red and black lists, the integrity file."""
        from inspector_app.office.credit import CreditService

        return CreditService(self.store, clock=self._clock, setting=self._setting)

    @cached_property
    def publication(self) -> PublicationService:
        """The 一公开 list and its deadlines."""
        from inspector_app.office.publication import PublicationService

        return PublicationService(self.store, setting=self._setting, **self._parts())

    @cached_property
    def paper(self) -> PaperService:
        """Scanned records, the scan box, records known from paper."""
        from inspector_app.office.paper import PaperService

        return PaperService(
            self.store,
            verifier=self.verifier,
            clock=self._clock,
            device_id=self._device_id,
            actor=self._actor,
            overdue_days=lambda: int(self._setting("paper_overdue_days")),
        )

    # -- the office -------------------------------------------------------------------------
    @staticmethod
    def create(
        store: OfficeStore, *, name: str, passphrase: str, clock: Callable[[], str], device_id: str
    ) -> OfficeService:
        """Make the root key and certificate and the first (empty) trust list.

        Raises ValidationFailed: no name, a short passphrase, or the database already holds an office.
        """
        from inspector_app.signing import keys

        if store.office() is not None:
            raise _error("db", "already_office")
        if not name.strip():
            raise _error("name", "required", label_zh="机构名称", label_en="Office name")
        if len(passphrase) < keys.MIN_PASSPHRASE:
            raise _error(
                "passphrase", "too_short", min=keys.MIN_PASSPHRASE, label_zh="口令", label_en="Passphrase"
            )
        now = clock()
        key, cert = certs.create_root(name.strip(), now=trustlist.parse_time(now))
        service = OfficeService(store, clock=clock, device_id=device_id)
        with store.transaction():
            store.create_office(
                name=name.strip(),
                root_sha256=certs.cert_sha256(cert),
                root_pem=certs.pem(cert),
                encrypted_key_pem=keys.encrypt_key(key, passphrase),
                created_at=now,
            )
            service._new_trust_list(Root(key, cert), now)
            store.audit(
                at=now,
                device_id=device_id,
                actor="",
                action="office_init",
                entity="office",
                entity_id=certs.cert_sha256(cert),
                detail={"name": name.strip()},
            )
        return service

    def info(self) -> dict[str, Any]:
        """Name, root fingerprint, current trust list, counts."""
        office = self.store.office() or {}
        latest = self.store.trust_lists(limit=1)
        return {
            "name": office.get("name", ""),
            "root_sha256": office.get("root_sha256", ""),
            "created_at": office.get("created_at", ""),
            "trust_list_version": latest[0]["version"] if latest else 0,
            "trust_list_expires_at": latest[0]["expires_at"] if latest else "",
            "records": self.store.record_count(),
            "certificates": len(self.store.certificates()),
            "pending_requests": len(self.store.requests(status="pending")),
        }

    def root_certificate(self) -> x509.Certificate:
        office = self.store.office()
        if office is None:
            raise _error("db", "not_office")
        return certs.load(office["root_pem"])

    def unlock(self, passphrase: str) -> Root:
        """The root key, decrypted for one operation; raises WrongPassphrase."""
        from inspector_app.signing import keys

        office = self.store.office()
        if office is None:
            raise _error("db", "not_office")
        return Root(keys.unlock(office["encrypted_key_pem"], passphrase), certs.load(office["root_pem"]))

    def verifier(self) -> Verifier:
        from inspector_app.pki.source import office_verifier

        return office_verifier(self.store)

    # -- trust lists -------------------------------------------------------------------------
    def _new_trust_list(self, root: Root, now: str) -> int:
        """Sign the next version listing every issued certificate and revocation (inside a transaction)."""
        latest = self.store.trust_lists(limit=1)
        version = (latest[0]["version"] if latest else 0) + 1
        rows = self.store.certificates()
        document = trustlist.sign(
            root_key=root.key,
            root_cert=root.cert,
            version=version,
            issued=[certs.load(r["pem"]) for r in rows],
            revocations=[
                trustlist.Revocation(r["cert_sha256"], r["revoked_at"], r["reason"] or "")
                for r in rows
                if r["revoked_at"]
            ],
            now=trustlist.parse_time(now),
        )
        listed = trustlist.read(document, root.cert)
        self.store.add_trust_list(
            version=version, document=document, issued_at=listed.issued_at, expires_at=listed.expires_at
        )
        return version

    def current_trust_list(self, root: Root | None = None, *, fresh_days: int = 30) -> dict[str, Any]:
        """The newest trust list; with the root unlocked, a new version first if the newest expires
        within ``fresh_days`` (so a package never carries a list about to lapse)."""
        latest = self.store.trust_lists(limit=1)
        now = self._clock()
        if root is not None and (
            not latest
            or trustlist.parse_time(latest[0]["expires_at"])
            <= trustlist.parse_time(now) + dt.timedelta(days=fresh_days)
        ):
            with self.store.transaction():
                self._new_trust_list(root, now)
            latest = self.store.trust_lists(limit=1)
        return latest[0]

    # -- enrolment ---------------------------------------------------------------------------
    def read_request(self, data: bytes) -> certs.EnrolmentRequest:
        """Parse a CSR; raises ValidationFailed naming why it is not usable."""
        try:
            return certs.read_request(data)
        except certs.RequestInvalid as exc:
            raise _error("request", f"request_{exc.code}") from exc

    def enrol(self, request: certs.EnrolmentRequest, *, role: str, root: Root) -> Issued:
        """Issue the certificate for the request's key (2 years) and sign the next trust list.

        Enrolling the same key again for the same role returns the certificate already issued.
        Raises ValidationFailed for an unknown role or a key whose certificate was revoked.
        """
        if role not in certs.ROLES:
            raise _error("role", "unknown_choice", value=role, choices=list(certs.ROLES))
        now = self._clock()
        same_key = [r for r in self.store.certificates() if r["key_sha256"] == request.key_sha256]
        if any(r["revoked_at"] for r in same_key):
            raise _error("request", "key_revoked")
        current = [r for r in same_key if r["role"] == role and r["not_after"] > now]
        latest = self.store.trust_lists(limit=1)
        if current:
            row = current[-1]
            return Issued(
                row["cert_sha256"],
                row["subject"],
                row["role"],
                row["device_id"],
                row["not_after"],
                row["pem"],
                latest[0]["version"] if latest else 0,
                new=False,
            )
        cert = certs.issue(
            request, role=role, root_key=root.key, root_cert=root.cert, now=trustlist.parse_time(now)
        )
        digest = certs.cert_sha256(cert)
        not_after = trustlist.iso(cert.not_valid_after_utc)
        with self.store.transaction():
            self.store.add_certificate(
                {
                    "cert_sha256": digest,
                    "key_sha256": request.key_sha256,
                    "pem": certs.pem(cert),
                    "role": role,
                    "device_id": request.device_id,
                    "subject": certs.subject_of(cert),
                    "not_after": not_after,
                    "issued_at": now,
                }
            )
            self.store.add_requests(
                [
                    {
                        "key_sha256": request.key_sha256,
                        "pem": request.pem,
                        "name": request.name,
                        "id_number": request.id_number,
                        "office": request.office,
                        "device_id": request.device_id,
                        "source": "file",
                        "received_at": now,
                    }
                ]
            )
            self.store.set_request_status(request.key_sha256, "enrolled")
            version = self._new_trust_list(root, now)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="enrol",
                entity="office_certificates",
                entity_id=digest,
                detail={"subject": certs.subject_of(cert), "role": role, "device_id": request.device_id},
            )
        return Issued(
            digest, certs.subject_of(cert), role, request.device_id, not_after, certs.pem(cert), version, True
        )

    def reject_request(self, key_sha256: str) -> None:
        now = self._clock()
        with self.store.transaction():
            self.store.set_request_status(key_sha256, "rejected")
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="reject_request",
                entity="office_requests",
                entity_id=key_sha256,
                detail={},
            )

    def revoke(self, cert_sha256: str, *, reason: str, root: Root) -> int:
        """Revoke an issued certificate from now and sign the next trust list; returns its version.

        Raises ValidationFailed if the office never issued that certificate.
        """
        rows = {r["cert_sha256"]: r for r in self.store.certificates()}
        if cert_sha256 not in rows:
            raise _error("certificate", "not_found", value=cert_sha256)
        now = self._clock()
        with self.store.transaction():
            self.store.add_revocation(cert_sha256=cert_sha256, revoked_at=now, reason=reason)
            version = self._new_trust_list(root, now)
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="revoke",
                entity="office_certificates",
                entity_id=cert_sha256,
                detail={"reason": reason},
            )
        return version

    # -- bundles ------------------------------------------------------------------------------
    def import_bundles(
        self,
        paths: list[Path],
        *,
        progress: Callable[[str, int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Any]:
        """Import each bundle on its own (one transaction each, committed after its last check);
        returns a sync.importer.BundleResult per bundle — refused ones name the member and the
        reason."""
        from inspector_app.sync import importer

        results = []
        for path in paths:
            results.append(
                importer.import_bundle(
                    path,
                    self.store,
                    self.verifier(),
                    now=self._clock(),
                    office_device=self._device_id,
                    actor=self._actor(),
                    progress=progress,
                    cancelled=cancelled,
                )
            )
        return results

    # -- return packages -------------------------------------------------------------------------
    def make_package(self, device_id: str, target: Path, *, root: Root) -> dict[str, Any]:
        """Write the device's next return package as ``target`` (a file, or a folder to hold
        `package-<device>-<number>.zip`): the current trust list (a fresh
        one if it would lapse within 30 days), its tasks, review decisions on its records, the
        acknowledgement of its bundles, and the reference files. Returns path, number, counts.

        Raises ValidationFailed for a device this office has never seen nor enrolled, or a
        missing folder.
        """
        from inspector_app.pki import certs as pki_certs
        from inspector_app.sync import formats, package

        known = {d["device_id"]: d for d in self.store.devices()}
        if device_id not in known:
            raise _error("device", "not_found", value=device_id)
        folder = target if target.is_dir() else target.parent
        if not folder.is_dir():
            raise _error("folder", "no_folder", value=str(folder))
        listed = self.current_trust_list(root)
        number = max((p["number"] for p in self.store.packages(device_id)), default=0) + 1
        now = self._clock()
        ack = int(known[device_id]["acknowledged_seq"] or 0)
        tasks = [json.loads(t["payload"]) for t in self.store.tasks_for(device_id)]
        decisions = [(d["id"], d["document"]) for d in self.store.decisions_for(device_id)]
        references = [
            package.Reference(
                r["kind"], r["ref_id"], r["version"], r["effective_from"], r["sha256"], r["text"]
            )
            for r in self.store.reference_files()
        ]
        office = self.store.office() or {}
        final = folder / formats.package_name(device_id, number) if target.is_dir() else target
        sha = package.write_package(
            final,
            header={
                "office": {"name": office.get("name", ""), "root_sha256": pki_certs.cert_sha256(root.cert)},
                "device_id": device_id,
                "number": number,
                "created_at": now,
                "acknowledged_seq": ack,
                "trust_list_version": listed["version"],
            },
            root_key=root.key,
            root_pem=pki_certs.pem(root.cert),
            trust_list=listed["document"],
            tasks=tasks,
            decision_documents=decisions,
            references=references,
        )
        try:
            with self.store.transaction():
                self.store.add_package(
                    {
                        "device_id": device_id,
                        "number": number,
                        "sha256": sha,
                        "trust_list_version": listed["version"],
                        "acknowledged_seq": ack,
                        "created_at": now,
                    }
                )
                self.store.audit(
                    at=now,
                    device_id=self._device_id,
                    actor=self._actor(),
                    action="package",
                    entity="office_packages",
                    entity_id=f"{device_id}-{number}",
                    detail={"sha256": sha, "tasks": len(tasks), "decisions": len(decisions)},
                )
        except BaseException:
            final.unlink(missing_ok=True)
            raise
        return {
            "package": final,
            "number": number,
            "sha256": sha,
            "trust_list_version": listed["version"],
            "acknowledged_seq": ack,
            "tasks": len(tasks),
            "decisions": len(decisions),
            "references": len(references),
        }

    def add_task(
        self,
        device_id: str,
        *,
        site: dict[str, Any],
        form_id: str,
        instrument: dict[str, Any] | None = None,
        due_date: str = "",
        note: str = "",
    ) -> str:
        """Assign a task to a laptop (it travels in the device's next packages)."""
        import uuid

        from forms import form_ids

        if form_id not in form_ids():
            raise _error("form_id", "unknown_choice", value=form_id, choices=list(form_ids()))
        if not site.get("credit_code") or not site.get("name"):
            raise _error("site", "required")
        task_id = str(uuid.uuid4())
        now = self._clock()
        payload = {
            "id": task_id,
            "site": site,
            "instrument": instrument,
            "form_id": form_id,
            "due_date": due_date,
            "note": note,
        }
        with self.store.transaction():
            self.store.add_task(
                task_id=task_id,
                device_id=device_id,
                payload=json.dumps(payload, ensure_ascii=False),
                created_at=now,
            )
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="task",
                entity="office_tasks",
                entity_id=task_id,
                detail={"device_id": device_id, "form_id": form_id},
            )
        return task_id

    def decide(self, record_id: str, *, decision: str, reason: str, key: Any) -> str:
        """A supervisor's review decision on an imported record, signed by the supervisor's key
        (enrolled here with the supervisor role); it travels to the record's laptop.

        Raises ValidationFailed: unknown record, unknown decision, a return without a reason, a
        key that is not an enrolled, unrevoked supervisor's.
        """
        import uuid

        from inspector_app.sync import decisions as decision_format

        record = self.store.record(record_id)
        if record is None:
            raise _error("record", "not_found", value=record_id)
        if decision not in decision_format.DECISIONS:
            raise _error(
                "decision", "unknown_choice", value=decision, choices=list(decision_format.DECISIONS)
            )
        if decision == "returned" and not reason.strip():
            raise _error("reason", "required", label_zh="退回理由", label_en="Reason")
        key_sha = certs.key_sha256(key.public_key())
        supervisors = [
            c
            for c in self.store.certificates()
            if c["key_sha256"] == key_sha and c["role"] == "supervisor" and not c["revoked_at"]
        ]
        if not supervisors:
            raise _error("key", "not_a_supervisor")
        now = self._clock()
        decision_id = str(uuid.uuid4())
        document = decision_format.sign(
            decision_id=decision_id,
            record_id=record_id,
            fingerprint=record["fingerprint"],
            decision=decision,
            reason=reason.strip(),
            decided_at=now,
            key=key,
            cert_pem=supervisors[-1]["pem"],
        )
        with self.store.transaction():
            self.store.add_decision(
                {
                    "id": decision_id,
                    "record_id": record_id,
                    "fingerprint": record["fingerprint"],
                    "device_id": record["device_id"],
                    "decision": decision,
                    "reason": reason.strip(),
                    "supervisor": supervisors[-1]["subject"],
                    "decided_at": now,
                    "document": document,
                }
            )
            self.store.set_review(record_id, status=decision, reason=reason.strip())
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="review",
                entity="office_records",
                entity_id=record_id,
                detail={"decision": decision, "reason": reason.strip()},
            )
        return decision_id

    def add_reference(self, kind: str, text: str, *, effective_from: str = "") -> dict[str, str]:
        """Publish a form definition or tariff file to every laptop (next packages); raises
        ValidationFailed when it does not load."""
        from inspector_app.sync import package

        try:
            ref = package.reference_of(kind, text, effective_from or self._clock()[:10])
        except ValueError as exc:
            raise _error("file", "reference_invalid", detail=str(exc)[:120]) from exc
        now = self._clock()
        with self.store.transaction():
            self.store.add_reference_file(
                {
                    "kind": ref.kind,
                    "ref_id": ref.ref_id,
                    "version": ref.version,
                    "effective_from": ref.effective_from,
                    "sha256": ref.sha256,
                    "text": ref.text,
                    "created_at": now,
                }
            )
            self.store.audit(
                at=now,
                device_id=self._device_id,
                actor=self._actor(),
                action="reference",
                entity="office_reference_files",
                entity_id=f"{ref.kind}:{ref.ref_id}:{ref.version}",
                detail={"effective_from": ref.effective_from},
            )
        return {
            "kind": ref.kind,
            "id": ref.ref_id,
            "version": ref.version,
            "effective_from": ref.effective_from,
        }

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]:
        """The bundles imported, newest first (device, seq, counts, when)."""
        return self.store.bundles(limit=limit)

    def conflicts(self) -> list[dict[str, Any]]:
        return self.store.conflicts()

    @property
    def conflict_queue(self) -> ConflictQueue:
        """List, compare and resolve the conflicts (inspector_app.office.conflicts)."""
        from inspector_app.office.conflicts import ConflictQueue

        return ConflictQueue(self.store, clock=self._clock, device_id=self._device_id, actor=self._actor)

    def certificates(self) -> list[dict[str, Any]]:
        return self.store.certificates()

    def requests(self, *, status: str = "") -> list[dict[str, Any]]:
        return self.store.requests(status=status)

    def devices(self) -> list[dict[str, Any]]:
        """Every device seen or enrolled; ``own`` marks this office's own (its supervisors' keys)."""
        return [{**d, "own": d["device_id"] == self._device_id} for d in self.store.devices()]

"""Return packages (office → laptop): written by the office, signed by its root; checked whole
by the laptop before anything is applied (spec/office.md, "Office → laptop").

Refused: a package not signed by the root the laptop trusts (foreign), addressed to another
device, numbered at or below one already applied (rollback or replay — the same file again is
"already applied" and changes nothing), carrying a trust list older than the one held or expired,
a review decision not signed by an enrolled supervisor, or a reference file that does not load.
"""

from __future__ import annotations

import json
import os
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from forms import definition_from_text, form_ids
from forms.errors import DefinitionError
from inspector_app.pki import certs, trustlist
from inspector_app.pki.trust import Verifier
from inspector_app.sync import bundle, decisions, formats, manifest
from inspector_app.sync.refusals import Refused
from inspector_app.sync.zipcheck import SafeZip, file_sha256

PACKAGE_MAX = 512 * 1024 * 1024  # bytes: tasks, decisions and reference files, never records


@dataclass(frozen=True)
class Reference:
    kind: str  # form | tariff
    ref_id: str
    version: str
    effective_from: str
    sha256: str
    text: str


def reference_of(kind: str, text: str, effective_from: str = "") -> Reference:
    """A form definition or tariff file as the office sends it; raises ValueError if it does not
    load (a definition must pass the schema and name a procedure this app knows)."""
    import hashlib

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if kind == "form":
        try:
            defn = definition_from_text(text)
        except DefinitionError as exc:
            raise ValueError(str(exc)) from exc
        if defn.id not in form_ids():
            raise ValueError(f"unknown procedure {defn.id}")
        return Reference("form", defn.id, defn.version, effective_from, sha, text)
    if kind == "tariff":
        try:
            data = tomllib.loads(text)
            tariff_id = str(data["id"])
            periods = list(data["periods"])
        except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"not a tariff file: {exc}") from exc
        if not formats.PACKAGE_MEMBERS["tariff"].fullmatch(f"reference/tariffs/{tariff_id}-x.toml"):
            raise ValueError(f"tariff id {tariff_id!r}")
        version = str(data.get("version") or sha[:12])
        start = effective_from or min((str(p.get("effective_from", "")) for p in periods), default="")
        return Reference("tariff", tariff_id, version, start, sha, text)
    raise ValueError(kind)


def _member(ref: Reference) -> str:
    folder = "forms" if ref.kind == "form" else "tariffs"
    return f"reference/{folder}/{ref.ref_id}-{ref.version}.toml"


def write_package(
    final: Path,
    *,
    header: dict[str, Any],
    root_key: Any,
    root_pem: str,
    trust_list: bytes,
    tasks: list[dict[str, Any]],
    decision_documents: list[tuple[str, bytes]],
    references: list[Reference],
) -> str:
    """Write the package at ``final`` (a temporary sibling renamed when complete); returns its
    SHA-256."""
    part = final.with_name(f".{final.name}.part")
    try:
        with open(part, "wb") as handle:
            with zipfile.ZipFile(handle, "w") as zf:
                out = bundle.MemberWriter(zf)
                out.add("root.pem", root_pem.encode("ascii"))
                out.add("trust_list.json", trust_list)
                out.add(
                    "tasks.json", json.dumps(tasks, ensure_ascii=False, sort_keys=True, indent=1).encode()
                )
                for decision_id, document in decision_documents:
                    out.add(f"decisions/{decision_id}.json", document)
                for ref in references:
                    out.add(_member(ref), ref.text.encode("utf-8"))
                body = manifest.dump(
                    {
                        **header,
                        "format": formats.PACKAGE_FORMAT,
                        "counts": {
                            "tasks": len(tasks),
                            "decisions": len(decision_documents),
                            "references": len(references),
                        },
                        "reference": [
                            {
                                "kind": r.kind,
                                "id": r.ref_id,
                                "version": r.version,
                                "effective_from": r.effective_from,
                                "member": _member(r),
                            }
                            for r in references
                        ],
                        "members": out.members,
                    }
                )
                zf.writestr(formats.MANIFEST, body, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(formats.SIGNATURE, manifest.sign(body, root_key, root_pem))
            handle.flush()
            os.fsync(handle.fileno())
        digest = file_sha256(part)
        os.replace(part, final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return digest


@dataclass
class Checked:
    """A package that passed every check, ready to apply in one transaction."""

    sha256: str
    number: int
    created_at: str
    acknowledged_seq: int
    office: str
    root: x509.Certificate
    trust_list: trustlist.TrustList
    trust_list_document: bytes
    tasks: list[dict[str, Any]]
    decisions: list[decisions.Decision]
    references: list[Reference]
    first_contact: bool
    already_applied: bool = False
    warnings: list[str] = field(default_factory=list)


MIN_FINGERPRINT = 16  # hex characters of the root fingerprint a person must confirm (64 bits)


def fingerprint_matches(root_sha256: str, given: str) -> bool:
    """Does what a person typed (spaces and colons allowed) confirm this root fingerprint?"""
    typed = "".join(c for c in given.lower() if c not in " :")
    return len(typed) >= MIN_FINGERPRINT and root_sha256.startswith(typed)


def _task_ok(task: Any) -> bool:
    if not isinstance(task, dict):
        return False
    site = task.get("site")
    instrument = task.get("instrument")
    return bool(
        isinstance(task.get("id"), str)
        and formats.UUID_RE.fullmatch(task["id"])
        and task.get("form_id") in form_ids()
        and isinstance(site, dict)
        and isinstance(site.get("credit_code"), str)
        and isinstance(site.get("name"), str)
        and (
            instrument is None or (isinstance(instrument, dict) and isinstance(instrument.get("serial"), str))
        )
    )


def check(
    path: Path,
    *,
    device_id: str,
    pinned_root: str | None,
    accept_root: str | None,
    last: dict[str, Any] | None,
    held_trust_list: int,
    now: str,
) -> Checked:
    """Every check of a return package, before anything is written; raises Refused.

    ``pinned_root``: the office root this laptop trusts (None before the first package, which then
    needs ``accept_root`` — the fingerprint the office announced — to match). ``last``: the last
    package applied (number, sha256).
    """
    with SafeZip(path, total_max=PACKAGE_MAX) as zf:
        m, _identity, signer = manifest.read(zf, formats.PACKAGE_FORMAT)
        members: dict[str, dict[str, Any]] = m["members"]
        kinds = {}
        for name in members:
            found = formats.kind_of(name, formats.PACKAGE_MEMBERS)
            if found is None:
                raise Refused(name, "extra_member")
            kinds[name] = found
        for required in ("root.pem", "trust_list.json", "tasks.json"):
            if required not in members:
                raise Refused(required, "missing_member")
        try:
            root = certs.load(zf.read_checked("root.pem", **members["root.pem"]))
        except ValueError as exc:
            raise Refused("root.pem", "certificate_invalid") from exc
        root_sha = certs.cert_sha256(root)
        if certs.cert_sha256(signer) != root_sha:
            raise Refused(formats.SIGNATURE, "manifest_signature_bad")
        if pinned_root is not None and root_sha != pinned_root:
            raise Refused("root.pem", "foreign_office", root=root_sha[:16])
        if pinned_root is None and not fingerprint_matches(root_sha, accept_root or ""):
            raise Refused("root.pem", "office_unconfirmed", root=root_sha)
        if m.get("device_id") != device_id:
            raise Refused(formats.MANIFEST, "foreign_device", device=str(m.get("device_id"))[:36])
        number = m.get("number")
        if not isinstance(number, int) or number < 1:
            raise Refused(formats.MANIFEST, "manifest_invalid", detail="number")
        sha = file_sha256(path)
        already = False
        if last is not None and number <= last["number"]:
            if number == last["number"] and sha == last["sha256"]:
                already = True
            else:
                raise Refused(formats.MANIFEST, "rollback", number=number, last=last["number"])
        try:
            document = zf.read_checked("trust_list.json", **members["trust_list.json"])
            listed = trustlist.read(document, root)
        except trustlist.TrustListInvalid as exc:
            raise Refused("trust_list.json", "trust_list_invalid", detail=exc.code) from exc
        if not already:
            if listed.version < held_trust_list:
                raise Refused(
                    "trust_list.json", "trust_list_rollback", version=listed.version, held=held_trust_list
                )
            if listed.expired(now):
                raise Refused("trust_list.json", "trust_list_expired", expires_at=listed.expires_at[:10])
        verifier = Verifier(root=root, trust_list=listed)
        try:
            tasks = json.loads(zf.read_checked("tasks.json", **members["tasks.json"]))
        except ValueError as exc:
            raise Refused("tasks.json", "manifest_invalid", detail="tasks.json") from exc
        if not isinstance(tasks, list) or not all(_task_ok(t) for t in tasks):
            raise Refused("tasks.json", "manifest_invalid", detail="tasks.json")
        found_decisions = []
        references = []
        listed_refs = {r.get("member"): r for r in m.get("reference") or [] if isinstance(r, dict)}
        for name, (kind, parts) in sorted(kinds.items()):
            if kind == "decision":
                try:
                    decision = decisions.read(zf.read_checked(name, **members[name]), verifier)
                except decisions.DecisionInvalid as exc:
                    raise Refused(name, "decision_invalid", detail=exc.code) from exc
                if decision.id != parts[0]:
                    raise Refused(name, "decision_invalid", detail="name")
                found_decisions.append(decision)
            elif kind in ("form", "tariff"):
                text = zf.read_checked(name, **members[name]).decode("utf-8", "replace")
                meta = listed_refs.get(name) or {}
                try:
                    ref = reference_of(kind, text, str(meta.get("effective_from") or ""))
                except ValueError as exc:
                    raise Refused(name, "reference_invalid", detail=str(exc)[:80]) from exc
                if (ref.ref_id, ref.version) != parts:
                    raise Refused(name, "reference_invalid", detail="name")
                references.append(ref)
    ack = m.get("acknowledged_seq")
    checked = Checked(
        sha256=sha,
        number=number,
        created_at=str(m.get("created_at", "")),
        acknowledged_seq=ack if isinstance(ack, int) and ack >= 0 else 0,
        office=str((m.get("office") or {}).get("name", "")) or certs.office_name(root),
        root=root,
        trust_list=listed,
        trust_list_document=document,
        tasks=tasks,
        decisions=found_decisions,
        references=references,
        first_contact=pinned_root is None,
        already_applied=already,
    )
    if listed.expires_soon(now):
        checked.warnings.append("trust_list_expires_soon")
    return checked

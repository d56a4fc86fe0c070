"""The office store interface: everything the office's services read and write, engine-neutral.

Rows are plain dicts; times are UTC ISO 8601 strings; blobs are bytes. Writes that belong together
run inside `transaction()` — the import of a bundle is one transaction, and an engine must leave
nothing of it behind when the block raises (or the process dies). Methods named ``add_*`` are
insert-or-ignore on their natural key, so repeating an import changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol


class OfficeStore(Protocol):
    """The office's data. Implementations: db.office.sqlite.SQLiteOfficeStore (PostgreSQL later)."""

    # Records an import hands `add_records` at a time: what one call costs per record against
    # the memory the waiting rows take (~4 kB each; their PDFs are not held).
    write_batch: int

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing: commits when the block ends, rolls back when it raises."""
        ...

    def audit(
        self,
        *,
        at: str,
        device_id: str,
        actor: str,
        action: str,
        entity: str,
        entity_id: str,
        detail: dict[str, Any],
    ) -> None:
        """Append to the hash-chained audit log, inside the caller's transaction."""
        ...

    # -- the office and its root -----------------------------------------------------------
    def office(self) -> dict[str, Any] | None: ...

    def create_office(
        self, *, name: str, root_sha256: str, root_pem: str, encrypted_key_pem: str, created_at: str
    ) -> None: ...

    # -- certificates, revocations, trust lists ------------------------------------------------
    def add_certificate(self, row: dict[str, Any]) -> None: ...

    def certificates(self) -> list[dict[str, Any]]:
        """Every issued certificate with its revocation (revoked_at, reason or None)."""
        ...

    def add_revocation(self, *, cert_sha256: str, revoked_at: str, reason: str) -> None: ...

    def add_trust_list(self, *, version: int, document: bytes, issued_at: str, expires_at: str) -> None: ...

    def trust_lists(self, *, limit: int = 5) -> list[dict[str, Any]]:
        """The newest trust lists first (version, document, issued_at, expires_at)."""
        ...

    # -- enrolment requests --------------------------------------------------------------------
    def add_requests(self, rows: Iterable[dict[str, Any]]) -> None: ...

    def requests(self, *, status: str = "") -> list[dict[str, Any]]: ...

    def set_request_status(self, key_sha256: str, status: str) -> None: ...

    # -- devices and bundles ---------------------------------------------------------------------
    def device(self, device_id: str) -> dict[str, Any] | None: ...

    def devices(self) -> list[dict[str, Any]]:
        """Every device seen or enrolled, with its acknowledged seq, last bundle and last package."""
        ...

    def bundle(self, sha256: str) -> dict[str, Any] | None: ...

    def bundle_seqs(self, device_id: str) -> list[int]: ...

    def add_bundle(self, row: dict[str, Any]) -> None: ...

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]:
        """The bundles imported, newest first."""
        ...

    def note_device(self, *, device_id: str, at: str, acknowledged_seq: int) -> None:
        """Create or update a device: last bundle time, acknowledged seq (never lowered)."""
        ...

    # -- records ----------------------------------------------------------------------------
    def fingerprints(self, ids: list[str]) -> dict[str, str]:
        """Stored record id → fingerprint, for those of ``ids`` already held."""
        ...

    def conflict_keys(self, ids: list[str]) -> set[tuple[str, str]]:
        """(id, fingerprint) of the conflicts already queued for these ids."""
        ...

    def superseding(self, ids: list[str]) -> dict[str, str]:
        """Record id → id of a stored record that supersedes it, for those of ``ids`` superseded."""
        ...

    def add_records(self, rows: Iterable[dict[str, Any]]) -> int: ...

    def add_record_pdfs(self, rows: Iterable[dict[str, Any]]) -> None: ...

    def add_conflicts(self, rows: Iterable[dict[str, Any]]) -> int: ...

    def add_attachments(self, rows: Iterable[dict[str, Any]]) -> None: ...

    def add_forms(self, rows: Iterable[dict[str, Any]]) -> None: ...

    def add_signer_certs(self, rows: Iterable[dict[str, Any]]) -> None: ...

    def signer_certs(self) -> list[dict[str, Any]]: ...

    def record(self, record_id: str) -> dict[str, Any] | None: ...

    def record_pdf(self, record_id: str, fingerprint: str) -> bytes | None: ...

    def record_count(self) -> int: ...

    def conflicts(self, *, open_only: bool = True) -> list[dict[str, Any]]: ...

    def conflict(self, record_id: str, fingerprint: str) -> dict[str, Any] | None:
        """One queued conflict, whole (its canonical record and signature too)."""
        ...

    def resolve_conflict(self, record_id: str, fingerprint: str, *, at: str) -> int:
        """Mark an open conflict resolved at ``at``; 0 if it is not open (or not there)."""
        ...

    def conflict_resolutions(self) -> dict[str, list[dict[str, Any]]]:
        """The details audited with each resolution (action resolve_conflict on office_conflicts),
        by entity id ``<id>/<fingerprint>``: the audit chain, not an editable table, holds who
        decided what and why."""
        ...

    def iter_records(self, *, device_id: str = "") -> Iterator[dict[str, Any]]: ...

    def without_pdf(self, ids: list[str]) -> set[str]:
        """Those of ``ids`` stored without their PDF (received on paper, by sync codes)."""
        ...

    def set_review(self, record_id: str, *, status: str, reason: str) -> None: ...

    # -- what goes back to laptops ----------------------------------------------------------------
    def packages(self, device_id: str) -> list[dict[str, Any]]: ...

    def add_package(self, row: dict[str, Any]) -> None: ...

    def add_task(
        self,
        *,
        task_id: str,
        device_id: str,
        payload: str,
        created_at: str,
        draw_id: str | None = None,
        credit_code: str = "",
        inspectors: tuple[str, ...] = (),
    ) -> None:
        """A task for a laptop; a draw's task names its draw, entity and inspectors (employee nos)."""
        ...

    def add_tasks(self, rows: Iterable[dict[str, Any]]) -> None:
        """Many tasks at once (a draw's): rows with the keyword arguments of add_task."""
        ...

    def tasks_for(self, device_id: str) -> list[dict[str, Any]]:
        """The tasks for a laptop: assigned to it, or naming an inspector enrolled from it."""
        ...

    def add_decision(self, row: dict[str, Any]) -> None: ...

    def decisions_for(self, device_id: str) -> list[dict[str, Any]]: ...

    def add_reference_file(self, row: dict[str, Any]) -> None: ...

    def reference_files(self) -> list[dict[str, Any]]: ...

    # == the office at work (spec/office.md: review, 双随机, statistics, credit, publication) ======
    # Every query that counts records counts current revisions only: a record superseded by a
    # stored correction is history, not a second check.

    # -- review --------------------------------------------------------------------------------
    def review_count(self, filters: dict[str, str]) -> int:
        """How many received records match ``filters`` (see review_page)."""
        ...

    def review_page(self, filters: dict[str, str], *, offset: int, limit: int) -> list[dict[str, Any]]:
        """One page of the review queue, newest first. Filters (each optional, '' = any):
        district, form_id, verdict, inspector, status (received | approved | returned |
        corrected), date_from, date_to (local inspection dates, inclusive), search (record number,
        entity name or credit code). Rows: the record's list columns plus ``corrected_by`` (the id
        of a stored correction) and ``decision_sent`` (a package left after the last decision)."""
        ...

    def review_choices(self) -> dict[str, list[str]]:
        """The districts, inspectors and procedures present, for the filter boxes."""
        ...

    def decisions_of(self, record_id: str) -> list[dict[str, Any]]:
        """The review decisions on a record, oldest first (without their documents)."""
        ...

    # -- directories (一单两库) ---------------------------------------------------------------------
    def upsert_sites(self, rows: Iterable[dict[str, Any]], *, source_sha256: str, at: str) -> tuple[int, int]:
        """Insert or replace entity rows by credit code; returns (added, updated)."""
        ...

    def sites(self, *, search: str = "", limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]: ...

    def site_count(self, *, search: str = "") -> int: ...

    def site(self, credit_code: str) -> dict[str, Any] | None: ...

    def iter_sites(self) -> Iterator[dict[str, Any]]:
        """Every entity, by credit code (the draw's snapshot order)."""
        ...

    def site_snapshot_rows(self) -> list[tuple[str, ...]]:
        """Every entity as the draw reads it: (credit_code, name, district, type, risk,
        last_inspected, address), all text, in no particular order (the draw sorts them)."""
        ...

    def inspector_rows(self) -> list[dict[str, Any]]:
        """Every certificate issued with the inspector role, with the employee number of its
        request and the office's details (district, available, note; defaults when none)."""
        ...

    def set_inspector(
        self, *, employee_no: str, district: str, available: bool, note: str, at: str
    ) -> None: ...

    def recusals(self) -> list[dict[str, Any]]: ...

    def add_recusal(self, *, employee_no: str, credit_code: str, reason: str, at: str) -> None: ...

    def remove_recusal(self, *, employee_no: str, credit_code: str) -> int: ...

    def inspected_pairs(self, *, date_from: str, date_to: str) -> set[tuple[str, str]]:
        """(employee number, credit code) of every inspection between the two local dates: by the
        record's signer, and by each inspector sent on the task the record answers."""
        ...

    # -- draws ---------------------------------------------------------------------------------
    def add_draw(self, row: dict[str, Any]) -> None: ...

    def draw(self, draw_id: str) -> dict[str, Any] | None: ...

    def draw_for_plan(self, plan_id: str) -> dict[str, Any] | None: ...

    def draws(self) -> list[dict[str, Any]]:
        """Every draw, newest first, without its document."""
        ...

    def draw_tasks(self, draw_id: str) -> list[dict[str, Any]]:
        """The draw's tasks with the current record answering each (record_no, verdict) if any."""
        ...

    # -- statistics --------------------------------------------------------------------------------
    def statistics(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        """Counts of current records matching ``filters`` (date_from, date_to, form_id, district,
        inspector), grouped for the statistics service:
        ``form`` (form_id, verdict, n), ``district`` (district, verdict, n), ``inspector``
        (inspector, verdict, n), ``month`` (YYYY-MM of the local inspection date, verdict, n),
        ``lag`` (days from the inspection's local date to the import's, at least 0, or None when
        a date is unreadable; n), ``item`` (form_id, item, n), ``measure`` (measure, n).
        Read from a monthly summary the store keeps in the transaction of every import; the
        days of a filter's partial months from the records."""
        ...

    def statistics_from_records(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        """The same figures counted from the records alone (the summary's consistency check)."""
        ...

    def rebuild_statistics(self) -> None:
        """Make the monthly summary anew from the records."""
        ...

    # -- credit lists and the integrity file -------------------------------------------------------------
    def entity_checks(self, *, since: str, credit_code: str = "") -> Iterator[dict[str, Any]]:
        """Current records inspected on or after ``since`` (local date), ordered by credit code and
        date: id, record_no, site_code, site_name, district, form_id, inspected_on, verdict,
        failed (JSON list), measures (JSON list), review_status."""
        ...

    # -- publication (一公开) ------------------------------------------------------------------------------
    def publication_rows(
        self, *, date_from: str = "", date_to: str = "", unpublished_only: bool = False
    ) -> list[dict[str, Any]]:
        """The current, not returned records answering a draw's task, oldest first, with the
        draw, the measures and ``published_at`` (None until exported)."""
        ...

    def mark_published(self, rows: Iterable[tuple[str, str]], *, at: str, file_name: str) -> int:
        """Mark (record id, fingerprint) published by an export; returns how many were new."""
        ...

    # -- paper: known from the summary QR, received by sync codes -------------------------------
    def note_paper_known(self, row: dict[str, Any]) -> bool:
        """Remember a record seen on paper (its verified summary: fingerprint, record_no, form_id,
        site_code, item, inspected_on, verdict, figures, signer_sha256, signer, summary, source,
        seen_at); True the first time, later sightings only count."""
        ...

    def paper_known(
        self, *, overdue_before: str, status: str = "", limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Records known from paper, newest inspection first, each with ``status``: arrived |
        conflict | differs | overdue (still awaited, inspected before ``overdue_before``) | pending."""
        ...

    def paper_known_counts(self, *, overdue_before: str) -> dict[str, int]:
        """Records known from paper per status (as ``paper_known``)."""
        ...

    def paper_awaited(
        self, filters: dict[str, str], *, overdue_before: str
    ) -> list[tuple[str, str, str, int]]:
        """(form_id, verdict, status, count) of the records known from paper whose data has not
        arrived (status pending or overdue), within ``filters`` (date_from, date_to on the
        inspection day; form_id)."""
        ...

    def paper_status(self, fingerprints: list[str], *, overdue_before: str) -> dict[str, str]:
        """Fingerprint → status of those of ``fingerprints`` known from paper."""
        ...

    def add_paper_imports(self, rows: Iterable[dict[str, Any]]) -> None:
        """Note records received by sync codes: record_id, fingerprint, payload_sha256, pieces,
        sources (JSON list of "file page"), imported_at."""
        ...

    def paper_imports(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Record id → how it came on paper, for those of ``ids`` received by sync codes."""
        ...

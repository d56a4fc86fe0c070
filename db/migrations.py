"""Schema migrations: named, append-only, table names only (never model classes).

Never edit or reorder a migration once released; add a new one. `migrate` backs the file up before
applying anything to a database that already has tables.

sqlite-utils' `Migrations` applies them and records each in `_sqlite_migrations`; which ones are
applied is read there with plain SQL, so opening an up-to-date database does not import sqlite-utils
(the GUI's first screen, bench/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from db.backup import make_backup
from db.connection import Reader

if TYPE_CHECKING:
    from sqlite_utils import Database


class Migration(NamedTuple):
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class MigrationSet:
    """The app's migrations in order: registered with ``@MIGRATIONS(name=...)`` as with sqlite-utils'
    `Migrations`, whose table they share and which applies them."""

    TABLE = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(
        self, *, name: str, transactional: bool = True
    ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            if any(m.name == name for m in self._migrations):
                raise ValueError(f"migration {name} is registered twice")
            self._migrations.append(Migration(name, fn, transactional))
            return fn

        return register

    def applied_names(self, db: Reader) -> list[str]:
        """Names recorded as applied, in the order they were applied (plain SQL, read only)."""
        table = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [self.TABLE])
        if table.fetchone() is None:
            return []
        sql = f"SELECT name FROM {self.TABLE} WHERE migration_set = ? ORDER BY rowid"
        return [str(r[0]) for r in db.execute(sql, [self.name])]

    def pending(self, db: Reader) -> list[Migration]:
        done = set(self.applied_names(db))
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: Database) -> None:
        """Apply the pending ones, each in a transaction with its record (sqlite-utils)."""
        from sqlite_utils.migrations import Migrations

        runner = Migrations(self.name)
        for m in self._migrations:
            runner(name=m.name, transactional=m.transactional)(m.fn)
        runner.apply(db)


MIGRATIONS = MigrationSet("inspector_app")

# Columns of an inspection that freeze when it is finalised; only the review may change after.
FROZEN_COLUMNS = (
    "form_id",
    "form_version",
    "form_hash",
    "control",
    "site_id",
    "instrument_id",
    "site_name",
    "site_code",
    "instrument_label",
    "lot",
    "inspector",
    "started_at",
    "finalised_at",
    "verdict",
    "failed",
    "results",
    "measures",
    "supersedes",
    "canonical",
    "fingerprint",
    "signature",
    "record_no",
)


def _run(db: Database, statements: list[str]) -> None:
    for sql in statements:
        db.execute(sql)


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    stamp_cols = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"
    frozen = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_COLUMNS)
    _run(
        db,
        [
            "CREATE TABLE device (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE ui_drafts (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)",
            f"""CREATE TABLE sites (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '',
            credit_code TEXT NOT NULL UNIQUE, contact TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', credit_status TEXT NOT NULL DEFAULT 'normal',
            {stamp_cols})""",
            f"""CREATE TABLE instruments (
            id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id),
            kind TEXT NOT NULL, maker TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',
            serial TEXT NOT NULL, accuracy_class TEXT NOT NULL DEFAULT '',
            max_capacity TEXT NOT NULL DEFAULT '', e_interval TEXT NOT NULL DEFAULT '',
            q_max TEXT NOT NULL DEFAULT '', q_min TEXT NOT NULL DEFAULT '',
            cert_no TEXT NOT NULL DEFAULT '', cert_expiry TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '{{}}', {stamp_cols},
            UNIQUE (kind, maker, serial))""",
            "CREATE INDEX instruments_site ON instruments(site_id)",
            f"""CREATE TABLE standards (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
            serial TEXT NOT NULL UNIQUE, grade TEXT NOT NULL DEFAULT '',
            cert_no TEXT NOT NULL DEFAULT '', cert_expiry TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '{{}}', {stamp_cols})""",
            """CREATE TABLE form_definitions (
            sha256 TEXT PRIMARY KEY, form_id TEXT NOT NULL, version TEXT NOT NULL,
            text TEXT NOT NULL, created_at TEXT NOT NULL)""",
            f"""CREATE TABLE inspections (
            id TEXT PRIMARY KEY, record_no TEXT NOT NULL UNIQUE,
            form_id TEXT NOT NULL, form_version TEXT NOT NULL,
            form_hash TEXT NOT NULL REFERENCES form_definitions(sha256),
            control TEXT NOT NULL DEFAULT 'in_service',
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'finalised', 'approved', 'returned')),
            site_id TEXT NOT NULL REFERENCES sites(id),
            instrument_id TEXT REFERENCES instruments(id),
            site_name TEXT NOT NULL, site_code TEXT NOT NULL,
            instrument_label TEXT NOT NULL DEFAULT '', lot TEXT NOT NULL DEFAULT '{{}}',
            inspector TEXT NOT NULL DEFAULT '', started_at TEXT NOT NULL,
            finalised_at TEXT, verdict TEXT, failed TEXT NOT NULL DEFAULT '[]',
            results TEXT NOT NULL DEFAULT '{{}}', measures TEXT NOT NULL DEFAULT '[]',
            ui_state TEXT NOT NULL DEFAULT '{{}}',
            supersedes TEXT REFERENCES inspections(id),
            canonical TEXT, fingerprint TEXT, signature TEXT,
            review_comment TEXT NOT NULL DEFAULT '', reviewed_at TEXT,
            {stamp_cols})""",
            "CREATE INDEX inspections_started ON inspections(started_at)",
            "CREATE INDEX inspections_status ON inspections(status, started_at)",
            "CREATE INDEX inspections_form ON inspections(form_id, started_at)",
            "CREATE INDEX inspections_verdict ON inspections(verdict, started_at)",
            "CREATE INDEX inspections_site ON inspections(site_id)",
            "CREATE INDEX inspections_instrument ON inspections(instrument_id)",
            f"""CREATE TABLE readings (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            path TEXT NOT NULL, value TEXT NOT NULL, {stamp_cols},
            UNIQUE (inspection_id, path))""",
            """CREATE TABLE inspection_standards (
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            standard_id TEXT NOT NULL REFERENCES standards(id),
            PRIMARY KEY (inspection_id, standard_id))""",
            f"""CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, sha256 TEXT NOT NULL, mime TEXT NOT NULL,
            data BLOB NOT NULL, {stamp_cols})""",
            "CREATE INDEX attachments_inspection ON attachments(inspection_id)",
            f"""CREATE TABLE tasks (
            id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id),
            instrument_id TEXT REFERENCES instruments(id), form_id TEXT NOT NULL,
            due_date TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'cancelled')),
            note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT 'local',
            inspection_id TEXT REFERENCES inspections(id), {stamp_cols})""",
            """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, device_id TEXT NOT NULL,
            actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)""",
            # The store itself refuses what the rules forbid (DESIGN.md "Data model").
            """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
            """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
            f"""CREATE TRIGGER inspections_frozen BEFORE UPDATE ON inspections
           WHEN OLD.status <> 'draft' AND (
               NEW.status NOT IN ('finalised', 'approved', 'returned') OR {frozen})
           BEGIN SELECT RAISE(ABORT, 'finalised inspection is frozen'); END""",
            """CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
           WHEN OLD.status <> 'draft'
           BEGIN SELECT RAISE(ABORT, 'finalised inspection is frozen'); END""",
        ],
    )
    for table in ("readings", "inspection_standards", "attachments"):
        for event, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            db.execute(
                f"""CREATE TRIGGER {table}_frozen_{event.lower()} BEFORE {event} ON {table}
                WHEN (SELECT status FROM inspections WHERE id = {ref}.inspection_id) <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'finalised inspection is frozen'); END"""
            )
    # Full-text search over what an inspector types into the search box; trigram so that any
    # three characters of a Chinese name match (unicode61 would treat a CJK run as one token).
    _run(
        db,
        [
            """CREATE VIRTUAL TABLE inspections_fts USING fts5(
            record_no, site_name, site_code, instrument_label, form_id,
            content='inspections', content_rowid='rowid', tokenize='trigram')""",
            """CREATE TRIGGER inspections_fts_insert AFTER INSERT ON inspections BEGIN
            INSERT INTO inspections_fts(rowid, record_no, site_name, site_code,
                instrument_label, form_id)
            VALUES (NEW.rowid, NEW.record_no, NEW.site_name, NEW.site_code,
                NEW.instrument_label, NEW.form_id); END""",
            """CREATE TRIGGER inspections_fts_delete AFTER DELETE ON inspections BEGIN
            INSERT INTO inspections_fts(inspections_fts, rowid, record_no, site_name,
                site_code, instrument_label, form_id)
            VALUES ('delete', OLD.rowid, OLD.record_no, OLD.site_name, OLD.site_code,
                OLD.instrument_label, OLD.form_id); END""",
            """CREATE TRIGGER inspections_fts_update AFTER UPDATE OF record_no, site_name,
            site_code, instrument_label, form_id ON inspections BEGIN
            INSERT INTO inspections_fts(inspections_fts, rowid, record_no, site_name,
                site_code, instrument_label, form_id)
            VALUES ('delete', OLD.rowid, OLD.record_no, OLD.site_name, OLD.site_code,
                OLD.instrument_label, OLD.form_id);
            INSERT INTO inspections_fts(rowid, record_no, site_name, site_code,
                instrument_label, form_id)
            VALUES (NEW.rowid, NEW.record_no, NEW.site_name, NEW.site_code,
                NEW.instrument_label, NEW.form_id); END""",
        ],
    )


@MIGRATIONS(name="0002_list_indexes")
def m0002_list_indexes(db: Database) -> None:
    """Covering indexes: the 200,000-row list sorts and filters without reading table rows.

    Each sortable column leads an index that also holds every filter column, so SQLite walks one
    index in display order. The narrow date index stays: the unfiltered list scans it fastest.
    """
    filters = "site_id, status, form_id, verdict"
    _run(
        db,
        [
            f"CREATE INDEX inspections_list ON inspections(started_at, {filters})",
            f"CREATE INDEX inspections_site_name ON inspections(site_name, started_at, {filters})",
            "CREATE INDEX inspections_instrument_label "
            f"ON inspections(instrument_label, started_at, {filters})",
        ],
    )


@MIGRATIONS(name="0003_signing")
def m0003_signing(db: Database) -> None:
    """Inspector identities (key encrypted under a passphrase), the trust store, signed PDFs."""
    stamp_cols = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"
    _run(
        db,
        [
            f"""CREATE TABLE identities (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL,
                office TEXT NOT NULL, cert_sha256 TEXT NOT NULL UNIQUE, cert_pem TEXT NOT NULL,
                encrypted_key_pem TEXT NOT NULL, {stamp_cols})""",
            """CREATE TABLE trusted_certs (
                cert_sha256 TEXT PRIMARY KEY, key_id TEXT NOT NULL, subject TEXT NOT NULL,
                cert_pem TEXT NOT NULL, source TEXT NOT NULL, enrolled_at TEXT NOT NULL)""",
            "CREATE INDEX trusted_certs_key_id ON trusted_certs(key_id)",
            """CREATE TABLE revocations (
                cert_sha256 TEXT PRIMARY KEY, revoked_at TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '')""",
            f"""CREATE TABLE record_pdfs (
                inspection_id TEXT PRIMARY KEY REFERENCES inspections(id),
                sha256 TEXT NOT NULL, data BLOB NOT NULL, {stamp_cols})""",
            # A signed PDF is part of the frozen record: never changed, never deleted.
            """CREATE TRIGGER record_pdfs_no_update BEFORE UPDATE ON record_pdfs
               BEGIN SELECT RAISE(ABORT, 'signed record is frozen'); END""",
            """CREATE TRIGGER record_pdfs_no_delete BEFORE DELETE ON record_pdfs
               BEGIN SELECT RAISE(ABORT, 'signed record is frozen'); END""",
        ],
    )


@MIGRATIONS(name="0004_sync")
def m0004_sync(db: Database) -> None:
    """Sync by file on the laptop (spec/office.md): the pinned office root and the trust lists it
    signed, bundles exported and what they held, return packages applied, enrolment requests,
    review decisions received and reference files (forms, tariffs) sent by the office."""
    _run(
        db,
        [
            # One office at most: its root certificate is what every verification trusts.
            """CREATE TABLE office_anchor (
                id INTEGER PRIMARY KEY CHECK (id = 1), root_sha256 TEXT NOT NULL,
                root_pem TEXT NOT NULL, office TEXT NOT NULL, adopted_at TEXT NOT NULL)""",
            """CREATE TABLE trust_lists (
                version INTEGER PRIMARY KEY, document BLOB NOT NULL, issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL, applied_at TEXT NOT NULL)""",
            """CREATE TABLE sync_exports (
                seq INTEGER PRIMARY KEY, base_ack INTEGER NOT NULL, file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL, records INTEGER NOT NULL, requests INTEGER NOT NULL,
                full_export INTEGER NOT NULL, created_at TEXT NOT NULL)""",
            """CREATE TABLE sync_export_records (
                seq INTEGER NOT NULL REFERENCES sync_exports(seq),
                inspection_id TEXT NOT NULL REFERENCES inspections(id),
                PRIMARY KEY (inspection_id, seq))""",
            "CREATE INDEX sync_export_records_seq ON sync_export_records(seq)",
            """CREATE TABLE sync_packages (
                number INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, created_at TEXT NOT NULL,
                applied_at TEXT NOT NULL, acknowledged_seq INTEGER NOT NULL, summary TEXT NOT NULL)""",
            """CREATE TABLE enrolment_requests (
                key_sha256 TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identities(id),
                pem TEXT NOT NULL, created_at TEXT NOT NULL)""",
            """CREATE TABLE review_decisions (
                id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
                decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
                reason TEXT NOT NULL, supervisor TEXT NOT NULL, decided_at TEXT NOT NULL,
                document BLOB NOT NULL, package INTEGER NOT NULL, applied INTEGER NOT NULL)""",
            "CREATE INDEX review_decisions_inspection ON review_decisions(inspection_id)",
            """CREATE TABLE reference_files (
                kind TEXT NOT NULL CHECK (kind IN ('form', 'tariff')), ref_id TEXT NOT NULL,
                version TEXT NOT NULL, effective_from TEXT NOT NULL, sha256 TEXT NOT NULL,
                text TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (kind, ref_id, version))""",
            # The certificate the office issued for an identity's key (same public key).
            "ALTER TABLE identities ADD COLUMN office_cert_pem TEXT",
            # What was applied stays: trust lists, packages and decisions are history.
            """CREATE TRIGGER trust_lists_no_update BEFORE UPDATE ON trust_lists
               BEGIN SELECT RAISE(ABORT, 'trust lists are append-only'); END""",
            """CREATE TRIGGER sync_packages_no_update BEFORE UPDATE ON sync_packages
               BEGIN SELECT RAISE(ABORT, 'applied packages are append-only'); END""",
        ],
    )


# Tables whose UUID primary key leaves the machine (sync bundles, signed records): never renamed.
ID_TABLES = (
    "inspections",
    "readings",
    "attachments",
    "sites",
    "instruments",
    "standards",
    "tasks",
    "identities",
)


@MIGRATIONS(name="0005_freeze_ids_and_moves")
def m0005_freeze_ids_and_moves(db: Database) -> None:
    """Close the ways around the freeze that need no dropped trigger (issue 8 §5).

    Renaming a finalised inspection's id orphaned its readings (whose triggers then found no
    finalised parent), so ids never change. Moving a draft's reading, attachment or standard into a
    finalised inspection passed the old triggers (they looked at the row's old parent only), so the
    new parent is checked too. The form definition a record was evaluated under is kept verbatim.
    """
    statements = [
        f"""CREATE TRIGGER {table}_id_immutable BEFORE UPDATE OF id ON {table}
            WHEN NEW.id IS NOT OLD.id
            BEGIN SELECT RAISE(ABORT, 'ids are immutable'); END"""
        for table in ID_TABLES
    ]
    for table in ("readings", "attachments", "inspection_standards"):
        statements.append(
            f"""CREATE TRIGGER {table}_frozen_move BEFORE UPDATE ON {table}
            WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'finalised inspection is frozen'); END"""
        )
    statements += [
        """CREATE TRIGGER form_definitions_no_update BEFORE UPDATE ON form_definitions
           BEGIN SELECT RAISE(ABORT, 'form definitions are kept verbatim'); END""",
        """CREATE TRIGGER form_definitions_no_delete BEFORE DELETE ON form_definitions
           WHEN EXISTS (SELECT 1 FROM inspections WHERE form_hash = OLD.sha256)
           BEGIN SELECT RAISE(ABORT, 'form definitions are kept verbatim'); END""",
    ]
    _run(db, statements)


@MIGRATIONS(name="0006_open_draft_index")
def m0006_open_draft_index(db: Database) -> None:
    """The draft whose editor was open when the app stopped (`listing.open_draft`), found at
    start-up without reading every draft's ui_state: a partial index holding only such drafts."""
    _run(
        db,
        [
            "CREATE INDEX inspections_open_draft ON inspections(updated_at) "
            "WHERE status = 'draft' AND json_extract(ui_state, '$.open') = 1"
        ],
    )


# Frozen once finalised, as FROZEN_COLUMNS: who inspected, and why a correction was made.
FROZEN_COLUMNS_0007 = (*FROZEN_COLUMNS, "inspectors", "correction_reason")


@MIGRATIONS(name="0007_inspectors_and_corrections")
def m0007_inspectors_and_corrections(db: Database) -> None:
    """Both enforcement officers of an inspection (the law asks for two; a list of {name,
    id_number}, the lead first) and a correction's reason; both signed and frozen with the record.
    The freeze trigger is made again to cover the new columns."""
    frozen = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_COLUMNS_0007)
    _run(
        db,
        [
            "ALTER TABLE inspections ADD COLUMN inspectors TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE inspections ADD COLUMN correction_reason TEXT NOT NULL DEFAULT ''",
            "DROP TRIGGER inspections_frozen",
            f"""CREATE TRIGGER inspections_frozen BEFORE UPDATE ON inspections
           WHEN OLD.status <> 'draft' AND (
               NEW.status NOT IN ('finalised', 'approved', 'returned') OR {frozen})
           BEGIN SELECT RAISE(ABORT, 'finalised inspection is frozen'); END""",
            "CREATE INDEX inspections_supersedes ON inspections(supersedes) WHERE supersedes IS NOT NULL",
        ],
    )


@MIGRATIONS(name="0008_record_counters")
def m0008_record_counters(db: Database) -> None:
    """The last running number given per day and device (a record number's prefix), so a number
    is never given twice: the day's highest stored number + 1 handed a deleted draft's number to
    the next inspection (issue 12). Seeded from the numbers already stored."""
    _run(
        db,
        [
            "CREATE TABLE record_counters (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID",
            "INSERT INTO record_counters (prefix, last) "
            "SELECT rtrim(record_no, '0123456789'), max(CAST(ltrim(substr(record_no, "
            "length(rtrim(record_no, '0123456789')) + 1), '0') AS INTEGER)) "
            "FROM inspections GROUP BY rtrim(record_no, '0123456789')",
        ],
    )


@MIGRATIONS(name="0009_audit_tail")
def m0009_audit_tail(db: Database) -> None:
    """A tally of the audit log kept by a trigger (entries, newest seq and hash), so entries cut
    from the log's end are found: a hash chain cannot tell its own tail is missing, and the
    entries after the newest signed record (drafts made or deleted, settings) are in no signature.
    One more thing an editor of the file must know to rewrite; the signed records and the bundles'
    signed heads remain the witnesses outside the file (docs/decisions.md)."""
    _run(
        db,
        [
            "CREATE TABLE audit_tail (id INTEGER PRIMARY KEY CHECK (id = 1), "
            "entries INTEGER NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL)",
            "INSERT INTO audit_tail (id, entries, seq, hash) SELECT 1, count(*), coalesce(max(seq), 0), "
            f"coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{'0' * 64}') FROM audit_log",
            """CREATE TRIGGER audit_log_tally AFTER INSERT ON audit_log
           BEGIN UPDATE audit_tail SET entries = entries + 1, seq = NEW.seq, hash = NEW.hash
           WHERE id = 1; END""",
            """CREATE TRIGGER audit_tail_no_delete BEFORE DELETE ON audit_tail
           BEGIN SELECT RAISE(ABORT, 'audit_tail is kept by the audit log'); END""",
        ],
    )


def schema_version(db: Reader) -> list[str]:
    """Names of the applied migrations, in order."""
    return MIGRATIONS.applied_names(db)


def migrate(db: Database, db_path: Path | None) -> list[str]:
    """Apply pending migrations, backing the file up first if it already holds tables.

    Returns the names applied (empty when up to date). A failing migration rolls back whole.
    """
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if not pending:
        return []
    if db_path is not None and db.table_names():
        make_backup(db, db_path, reason="pre-migration")
    MIGRATIONS.apply(db)
    return pending

"""The office tables in SQLite: named, append-only migrations of their own (an office database also
carries the laptop schema, since it is the same app; a laptop database never gets these).

Records arrive signed and are never changed: triggers refuse updates of their signed columns and any
delete, as for the laptop's finalised inspections.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.office.queries import SQLITE, STATS_COLUMNS, STATS_KEY, fill_statistics

OFFICE_MIGRATIONS = Migrations("inspector_app_office")


def _run(db: Database, statements: list[str]) -> None:
    for sql in statements:
        db.execute(sql)


@OFFICE_MIGRATIONS(name="0001_office")
def m0001_office(db: Database) -> None:
    """The root, what it issued, bundles and records received, packages sent."""
    _run(
        db,
        [
            """CREATE TABLE office (
                id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, root_sha256 TEXT NOT NULL,
                root_pem TEXT NOT NULL, encrypted_key_pem TEXT NOT NULL, created_at TEXT NOT NULL)""",
            """CREATE TABLE office_certificates (
                cert_sha256 TEXT PRIMARY KEY, key_sha256 TEXT NOT NULL, pem TEXT NOT NULL,
                role TEXT NOT NULL, device_id TEXT NOT NULL, subject TEXT NOT NULL,
                not_after TEXT NOT NULL, issued_at TEXT NOT NULL)""",
            "CREATE INDEX office_certificates_key ON office_certificates(key_sha256)",
            "CREATE INDEX office_certificates_device ON office_certificates(device_id)",
            """CREATE TABLE office_revocations (
                cert_sha256 TEXT PRIMARY KEY REFERENCES office_certificates(cert_sha256),
                revoked_at TEXT NOT NULL, reason TEXT NOT NULL)""",
            """CREATE TABLE office_trust_lists (
                version INTEGER PRIMARY KEY, document BLOB NOT NULL, issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL)""",
            """CREATE TABLE office_requests (
                key_sha256 TEXT PRIMARY KEY, pem TEXT NOT NULL, name TEXT NOT NULL,
                id_number TEXT NOT NULL, office TEXT NOT NULL, device_id TEXT NOT NULL,
                source TEXT NOT NULL, received_at TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'enrolled', 'rejected')))""",
            """CREATE TABLE office_devices (
                device_id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_bundle_at TEXT NOT NULL,
                acknowledged_seq INTEGER NOT NULL DEFAULT 0)""",
            """CREATE TABLE office_bundles (
                sha256 TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER NOT NULL,
                base_ack INTEGER NOT NULL, file_name TEXT NOT NULL, signer_sha256 TEXT NOT NULL,
                created_at TEXT NOT NULL, imported_at TEXT NOT NULL, records INTEGER NOT NULL,
                imported INTEGER NOT NULL, duplicates INTEGER NOT NULL, conflicts INTEGER NOT NULL)""",
            "CREATE INDEX office_bundles_device ON office_bundles(device_id, seq)",
            """CREATE TABLE office_signer_certs (
                cert_sha256 TEXT PRIMARY KEY, key_sha256 TEXT NOT NULL, pem TEXT NOT NULL)""",
            """CREATE TABLE office_records (
                id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, record_no TEXT NOT NULL,
                device_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version TEXT NOT NULL,
                form_sha256 TEXT NOT NULL, verdict TEXT NOT NULL, failed TEXT NOT NULL,
                site_code TEXT NOT NULL, site_name TEXT NOT NULL, district TEXT NOT NULL,
                inspector TEXT NOT NULL, signer_sha256 TEXT NOT NULL, started_at TEXT NOT NULL,
                finalised_at TEXT NOT NULL, supersedes TEXT, canonical TEXT NOT NULL,
                signature TEXT NOT NULL, bundle_sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
                review_status TEXT NOT NULL DEFAULT 'received'
                    CHECK (review_status IN ('received', 'approved', 'returned')),
                review_reason TEXT NOT NULL DEFAULT '')""",
            "CREATE INDEX office_records_finalised ON office_records(finalised_at)",
            "CREATE INDEX office_records_supersedes ON office_records(supersedes)",
            "CREATE INDEX office_records_device ON office_records(device_id, finalised_at)",
            """CREATE TABLE office_record_pdfs (
                record_id TEXT NOT NULL, fingerprint TEXT NOT NULL, sha256 TEXT NOT NULL,
                data BLOB NOT NULL, PRIMARY KEY (record_id, fingerprint))""",
            """CREATE TABLE office_conflicts (
                id TEXT NOT NULL, fingerprint TEXT NOT NULL, reason TEXT NOT NULL,
                device_id TEXT NOT NULL, record_no TEXT NOT NULL, supersedes TEXT,
                canonical TEXT NOT NULL, signature TEXT NOT NULL, signer_sha256 TEXT NOT NULL,
                bundle_sha256 TEXT NOT NULL, received_at TEXT NOT NULL, resolved_at TEXT,
                PRIMARY KEY (id, fingerprint))""",
            """CREATE TABLE office_attachments (
                sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL)""",
            """CREATE TABLE office_forms (
                sha256 TEXT PRIMARY KEY, text TEXT NOT NULL)""",
            """CREATE TABLE office_packages (
                device_id TEXT NOT NULL, number INTEGER NOT NULL, sha256 TEXT NOT NULL,
                trust_list_version INTEGER NOT NULL, acknowledged_seq INTEGER NOT NULL,
                created_at TEXT NOT NULL, PRIMARY KEY (device_id, number))""",
            """CREATE TABLE office_tasks (
                id TEXT PRIMARY KEY, device_id TEXT NOT NULL, payload TEXT NOT NULL,
                created_at TEXT NOT NULL)""",
            "CREATE INDEX office_tasks_device ON office_tasks(device_id)",
            """CREATE TABLE office_decisions (
                id TEXT PRIMARY KEY, record_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
                device_id TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL,
                supervisor TEXT NOT NULL, decided_at TEXT NOT NULL, document BLOB NOT NULL)""",
            "CREATE INDEX office_decisions_device ON office_decisions(device_id)",
            """CREATE TABLE office_reference_files (
                kind TEXT NOT NULL CHECK (kind IN ('form', 'tariff')), ref_id TEXT NOT NULL,
                version TEXT NOT NULL, effective_from TEXT NOT NULL, sha256 TEXT NOT NULL,
                text TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (kind, ref_id, version))""",
            # Received records and what the root signed are history: never edited, never deleted.
            """CREATE TRIGGER office_records_signed BEFORE UPDATE OF id, fingerprint, canonical,
               signature, device_id, bundle_sha256 ON office_records
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
            """CREATE TRIGGER office_records_no_delete BEFORE DELETE ON office_records
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
            """CREATE TRIGGER office_record_pdfs_no_change BEFORE UPDATE ON office_record_pdfs
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
            """CREATE TRIGGER office_record_pdfs_no_delete BEFORE DELETE ON office_record_pdfs
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
            """CREATE TRIGGER office_trust_lists_no_change BEFORE UPDATE ON office_trust_lists
               BEGIN SELECT RAISE(ABORT, 'trust lists are append-only'); END""",
        ],
    )


@OFFICE_MIGRATIONS(name="0003_paper")
def m0003_paper(db: Database) -> None:
    """Paper: records known from their printed summary QR, and records received by sync codes."""
    _run(
        db,
        [
            # One row per record seen on paper (its signed summary verified): the full data may
            # arrive later by bundle or sync codes — matched by the canonical record's fingerprint.
            """CREATE TABLE office_paper_known (
                fingerprint TEXT PRIMARY KEY, record_no TEXT NOT NULL, form_id TEXT NOT NULL,
                site_code TEXT NOT NULL, item TEXT NOT NULL, inspected_on TEXT NOT NULL,
                verdict TEXT NOT NULL, figures TEXT NOT NULL, signer_sha256 TEXT NOT NULL,
                signer TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL,
                first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, seen INTEGER NOT NULL)""",
            "CREATE INDEX office_paper_known_day ON office_paper_known(inspected_on)",
            # Records that came by sync codes (no PDF, no photos until their bundle): which paper copy.
            """CREATE TABLE office_paper_imports (
                record_id TEXT NOT NULL, fingerprint TEXT NOT NULL, payload_sha256 TEXT NOT NULL,
                pieces INTEGER NOT NULL, sources TEXT NOT NULL, imported_at TEXT NOT NULL,
                PRIMARY KEY (record_id, fingerprint))""",
            "CREATE INDEX office_records_fingerprint ON office_records(fingerprint)",
            "CREATE INDEX office_records_record_no ON office_records(record_no)",
            "CREATE INDEX office_conflicts_fingerprint ON office_conflicts(fingerprint)",
            """CREATE TRIGGER office_paper_imports_no_change BEFORE UPDATE ON office_paper_imports
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
            """CREATE TRIGGER office_paper_imports_no_delete BEFORE DELETE ON office_paper_imports
               BEGIN SELECT RAISE(ABORT, 'received record is frozen'); END""",
        ],
    )


@OFFICE_MIGRATIONS(name="0004_office_work")
def m0004_office_work(db: Database) -> None:
    """The office at work (spec/office.md: review, 双随机, credit lists, publication, statistics).

    Received records gain what statistics and publication query by, as plain columns and rows so
    the same SQL runs on PostgreSQL: the local inspection date, the office task the record answers,
    its failed items and measures (one row each). The two directories (一单两库), the recusal list,
    the draws (signed by the root) and the publication marks are new tables.
    """
    _run(
        db,
        [
            "ALTER TABLE office_records ADD COLUMN task_id TEXT",
            "ALTER TABLE office_records ADD COLUMN measures TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE office_records ADD COLUMN inspected_on TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE office_records ADD COLUMN imported_on TEXT NOT NULL DEFAULT ''",
            # Set when a stored correction supersedes the record (kept by the store's add_records):
            # what every count of current records filters on, from an index.
            "ALTER TABLE office_records ADD COLUMN superseded_by TEXT",
            # Records received before this migration: the same values, read from what was signed.
            """UPDATE office_records SET
                task_id = json_extract(canonical, '$.task_id'),
                measures = coalesce(json_extract(canonical, '$.measures'), '[]'),
                inspected_on = date(coalesce(nullif(started_at, ''), finalised_at), '+8 hours'),
                imported_on = date(imported_at, '+8 hours'),
                superseded_by = (SELECT s.id FROM office_records s WHERE s.supersedes = office_records.id
                                 ORDER BY s.finalised_at DESC LIMIT 1)""",
            # Covering indexes: statistics and the review queue read no table row (a row holds the
            # whole signed record), whatever the filter; each statistics grouping walks the index
            # that leads with its key, so SQLite groups as it reads, without sorting.
            *(
                f"""CREATE INDEX office_records_by_{name} ON office_records(superseded_by, {lead}, verdict,
                    {rest})"""
                for name, lead, rest in (
                    ("form", "form_id", "inspected_on, district, inspector"),
                    ("district", "district", "inspected_on, form_id, inspector"),
                    ("inspector", "inspector", "inspected_on, form_id, district"),
                    ("day", "inspected_on, imported_on", "form_id, district, inspector"),
                )
            ),
            """CREATE INDEX office_records_queue ON office_records(superseded_by, finalised_at, review_status,
                district, form_id, verdict, inspector, inspected_on)""",
            "CREATE INDEX office_records_site ON office_records(site_code, inspected_on)",
            "CREATE INDEX office_records_task ON office_records(task_id)",
            # Failed items and measures, one row each, with the record's filter columns and whether
            # a correction superseded it: statistics count them without reading the records.
            *(
                f"""CREATE TABLE office_record_{table} (
                    record_id TEXT NOT NULL REFERENCES office_records(id), {column} TEXT NOT NULL,
                    form_id TEXT NOT NULL, district TEXT NOT NULL, inspector TEXT NOT NULL,
                    inspected_on TEXT NOT NULL, superseded INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (record_id, {column}))"""
                for table, column in (("items", "item"), ("measures", "measure"))
            ),
            """INSERT OR IGNORE INTO office_record_items
                   (record_id, item, form_id, district, inspector, inspected_on, superseded)
               SELECT r.id, j.value, r.form_id, r.district, r.inspector, r.inspected_on,
                      r.superseded_by IS NOT NULL
               FROM office_records r, json_each(r.failed) j""",
            """INSERT OR IGNORE INTO office_record_measures
                   (record_id, measure, form_id, district, inspector, inspected_on, superseded)
               SELECT r.id, j.value, r.form_id, r.district, r.inspector, r.inspected_on,
                      r.superseded_by IS NOT NULL
               FROM office_records r, json_each(r.measures) j""",
            "CREATE INDEX office_decisions_record ON office_decisions(record_id, decided_at)",
            # 一单两库: the entities that may be drawn, and what the office knows of its inspectors.
            """CREATE TABLE office_sites (
                credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT NOT NULL,
                type TEXT NOT NULL, risk TEXT NOT NULL CHECK (risk IN ('A', 'B', 'C', 'D')),
                last_inspected TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
                source_sha256 TEXT NOT NULL, updated_at TEXT NOT NULL)""",
            """CREATE TABLE office_inspectors (
                employee_no TEXT PRIMARY KEY, district TEXT NOT NULL DEFAULT '',
                available INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
                note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL)""",
            """CREATE TABLE office_recusals (
                employee_no TEXT NOT NULL, credit_code TEXT NOT NULL, reason TEXT NOT NULL,
                created_at TEXT NOT NULL, PRIMARY KEY (employee_no, credit_code))""",
            """CREATE TABLE office_draws (
                id TEXT PRIMARY KEY, plan_id TEXT NOT NULL UNIQUE, plan_name TEXT NOT NULL,
                plan_date TEXT NOT NULL, form_id TEXT NOT NULL, witness TEXT NOT NULL,
                seed TEXT NOT NULL, algorithm TEXT NOT NULL, entities_sha256 TEXT NOT NULL,
                inspectors_sha256 TEXT NOT NULL, population INTEGER NOT NULL,
                selected INTEGER NOT NULL, assigned INTEGER NOT NULL, document BLOB NOT NULL,
                created_at TEXT NOT NULL)""",
            "ALTER TABLE office_tasks ADD COLUMN draw_id TEXT REFERENCES office_draws(id)",
            "ALTER TABLE office_tasks ADD COLUMN credit_code TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX office_tasks_draw ON office_tasks(draw_id)",
            # Who was sent (two per visit): the recusal rule looks at the companion too.
            """CREATE TABLE office_task_inspectors (
                task_id TEXT NOT NULL REFERENCES office_tasks(id), employee_no TEXT NOT NULL,
                PRIMARY KEY (task_id, employee_no))""",
            """CREATE TABLE office_publications (
                record_id TEXT PRIMARY KEY REFERENCES office_records(id), fingerprint TEXT NOT NULL,
                published_at TEXT NOT NULL, file_name TEXT NOT NULL)""",
            # A signed draw is history: never changed, never deleted.
            """CREATE TRIGGER office_draws_no_change BEFORE UPDATE ON office_draws
               BEGIN SELECT RAISE(ABORT, 'a draw is frozen'); END""",
            """CREATE TRIGGER office_draws_no_delete BEFORE DELETE ON office_draws
               BEGIN SELECT RAISE(ABORT, 'a draw is frozen'); END""",
        ],
    )


@OFFICE_MIGRATIONS(name="0005_statistics_summary")
def m0005_statistics_summary(db: Database) -> None:
    """Statistics over a monthly summary (db.office.queries: STATS_COLUMNS) instead of every record:
    made from the records here, then kept by triggers in the transaction of every write that adds
    a record or a failed item or measure, or supersedes one (whichever code path writes it)."""
    key = ", ".join(STATS_KEY)
    upsert = f"ON CONFLICT ({key}) DO UPDATE SET n = n + excluded.n"
    keys = "substr(NEW.inspected_on, 1, 7), NEW.form_id, NEW.district, NEW.inspector"
    lag = SQLITE.lag("NEW")
    sign = "CASE WHEN NEW.superseded_by IS NULL THEN 1 ELSE -1 END"
    statements = [
        f"""CREATE TABLE office_stats (
            month TEXT NOT NULL, form_id TEXT NOT NULL, district TEXT NOT NULL, inspector TEXT NOT NULL,
            kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY ({key}))
            WITHOUT ROWID""",
        fill_statistics(SQLITE),
        f"""CREATE TRIGGER office_stats_record_added AFTER INSERT ON office_records
            WHEN NEW.superseded_by IS NULL BEGIN
            INSERT INTO office_stats ({", ".join(STATS_COLUMNS)}) VALUES
                ({keys}, 'verdict', NEW.verdict, 1), ({keys}, 'lag', {lag}, 1) {upsert}; END""",
        f"""CREATE TRIGGER office_stats_record_superseded AFTER UPDATE OF superseded_by ON office_records
            WHEN (OLD.superseded_by IS NULL) <> (NEW.superseded_by IS NULL) BEGIN
            INSERT INTO office_stats ({", ".join(STATS_COLUMNS)}) VALUES
                ({keys}, 'verdict', NEW.verdict, {sign}), ({keys}, 'lag', {lag}, {sign}) {upsert}; END""",
    ]
    for table, column in (("items", "item"), ("measures", "measure")):
        statements += [
            f"""CREATE TRIGGER office_stats_{column}_added AFTER INSERT ON office_record_{table}
                WHEN NEW.superseded = 0 BEGIN
                INSERT INTO office_stats ({", ".join(STATS_COLUMNS)}) VALUES
                    ({keys}, '{column}', NEW.{column}, 1) {upsert}; END""",
            f"""CREATE TRIGGER office_stats_{column}_superseded AFTER UPDATE OF superseded
                ON office_record_{table} WHEN OLD.superseded <> NEW.superseded BEGIN
                INSERT INTO office_stats ({", ".join(STATS_COLUMNS)}) VALUES
                    ({keys}, '{column}', NEW.{column}, CASE WHEN NEW.superseded = 0 THEN 1 ELSE -1 END)
                    {upsert}; END""",
        ]
    _run(db, statements)


@OFFICE_MIGRATIONS(name="0006_statistics_edges")
def m0006_statistics_edges(db: Database) -> None:
    """The failed items and measures of a few days, from an index (issue 15): a date filter's
    partial months are counted from the records, and their items and measures were a scan of
    the whole side tables. The records' own side is `office_records_by_day` (0004)."""
    _run(
        db,
        [
            f"""CREATE INDEX office_record_{table}_day ON office_record_{table}(superseded, inspected_on,
                form_id, district, inspector, {column})"""
            for table, column in (("items", "item"), ("measures", "measure"))
        ],
    )


@OFFICE_MIGRATIONS(name="0007_corrected_records")
def m0007_corrected_records(db: Database) -> None:
    """The review queue's 已更正 list (records a correction superseded) from an index of its own,
    as on PostgreSQL (its 0006): without it the list walked every record in finalisation order,
    reading each row to find the few superseded — about a second on a 200,000-record office,
    even with none to show (docs/performance.md). Partial: no entry for a current record, so an
    import writes nothing more."""
    _run(
        db,
        [
            """CREATE INDEX office_records_corrected ON office_records(finalised_at DESC, id)
                WHERE superseded_by IS NOT NULL"""
        ],
    )

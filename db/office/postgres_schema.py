"""The office tables on PostgreSQL: numbered, append-only migrations (as on SQLite), applied by
`office migrate --db postgresql://...` and whenever the store opens.

The same tables and columns as db/office/sqlite_schema.py, with three differences a consolidating
city or province needs (spec/office.md, "Scale"):
- `office_records` is partitioned by year of inspection (one partition per year 2015–2045 and a
  default one); its key is (id, year), the partition key included. A record id is unique across
  years through `office_record_ids`, a plain table keyed by id alone, which every insert goes
  through first: two clerks importing the same record at once cannot store it twice.
- Statistics read covering indexes on each partition (no table row is read).
- The audit log is a table of this database, chained like the laptop's (db/audit.py).
Received records, their PDFs, trust lists and draws refuse updates of what was signed and deletes,
as the SQLite triggers do.
"""

from __future__ import annotations

from collections.abc import Callable

from db.office.queries import PARTITION_YEARS, POSTGRESQL, STATS_KEY, fill_statistics

FIRST_YEAR, LAST_YEAR = PARTITION_YEARS

Migration = tuple[str, Callable[[], list[str]]]


def _frozen(table: str, message: str, *, columns: str = "", delete: bool = True) -> list[str]:
    """A trigger refusing updates (of ``columns``, or any) and deletes of ``table``'s rows."""
    function = f"{table}_frozen"
    of = f" OF {columns}" if columns else ""
    events = f"UPDATE{of}" + (" OR DELETE" if delete else "")
    return [
        f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation'; END $$""",
        f"CREATE TRIGGER {function} BEFORE {events} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def _m0001_office() -> list[str]:
    """Everything the SQLite office has after its migrations 0001 and 0002, in one step."""
    record_columns = """
        id TEXT NOT NULL, year INTEGER NOT NULL, fingerprint TEXT NOT NULL, record_no TEXT NOT NULL,
        device_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version TEXT NOT NULL,
        form_sha256 TEXT NOT NULL, verdict TEXT NOT NULL, failed TEXT NOT NULL,
        site_code TEXT NOT NULL, site_name TEXT NOT NULL, district TEXT NOT NULL,
        inspector TEXT NOT NULL, signer_sha256 TEXT NOT NULL, started_at TEXT NOT NULL,
        finalised_at TEXT NOT NULL, supersedes TEXT, canonical TEXT NOT NULL,
        signature TEXT NOT NULL, bundle_sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
        inspected_on TEXT NOT NULL DEFAULT '', imported_on TEXT NOT NULL DEFAULT '',
        task_id TEXT, measures TEXT NOT NULL DEFAULT '[]'"""
    statements = [
        """CREATE TABLE office (
            id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, root_sha256 TEXT NOT NULL,
            root_pem TEXT NOT NULL, encrypted_key_pem TEXT NOT NULL, created_at TEXT NOT NULL)""",
        # The server-side settings of this office database (its device id; office settings).
        "CREATE TABLE office_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE office_audit (
            seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, device_id TEXT NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)""",
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
            version INTEGER PRIMARY KEY, document BYTEA NOT NULL, issued_at TEXT NOT NULL,
            expires_at TEXT NOT NULL)""",
        """CREATE TABLE office_requests (
            key_sha256 TEXT PRIMARY KEY, pem TEXT NOT NULL, name TEXT NOT NULL,
            id_number TEXT NOT NULL, office TEXT NOT NULL, device_id TEXT NOT NULL,
            source TEXT NOT NULL, received_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'enrolled', 'rejected')))""",
        "CREATE INDEX office_requests_id_number ON office_requests(id_number)",
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
        # One row per record id, whatever its year: the global uniqueness of a record id.
        """CREATE TABLE office_record_ids (
            id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, year INTEGER NOT NULL)""",
        f"""CREATE TABLE office_records ({record_columns},
            review_status TEXT NOT NULL DEFAULT 'received'
                CHECK (review_status IN ('received', 'approved', 'returned')),
            review_reason TEXT NOT NULL DEFAULT '', superseded_by TEXT,
            PRIMARY KEY (id, year)) PARTITION BY RANGE (year)""",
        *(
            f"CREATE TABLE office_records_{y} PARTITION OF office_records FOR VALUES FROM ({y}) TO ({y + 1})"
            for y in range(FIRST_YEAR, LAST_YEAR + 1)
        ),
        "CREATE TABLE office_records_other PARTITION OF office_records DEFAULT",
        # Who corrects whom (a few rows): a record arriving after its correction finds it here
        # with one index probe instead of one per partition.
        """CREATE TABLE office_supersessions (
            supersedes TEXT NOT NULL, id TEXT NOT NULL, finalised_at TEXT NOT NULL,
            PRIMARY KEY (supersedes, id))""",
        "CREATE INDEX office_records_finalised ON office_records(finalised_at)",
        "CREATE INDEX office_records_supersedes ON office_records(supersedes) WHERE supersedes IS NOT NULL",
        "CREATE INDEX office_records_device ON office_records(device_id, finalised_at)",
        # Statistics and the review queue: each grouping reads an index-only scan of its columns.
        """CREATE INDEX office_records_stats ON office_records(inspected_on, form_id, district, inspector)
            INCLUDE (verdict, imported_on) WHERE superseded_by IS NULL""",
        """CREATE INDEX office_records_queue ON office_records(finalised_at DESC, id)
            INCLUDE (review_status, district, form_id, verdict, inspector, inspected_on)
            WHERE superseded_by IS NULL""",
        "CREATE INDEX office_records_site ON office_records(site_code, inspected_on)",
        "CREATE INDEX office_records_task ON office_records(task_id) WHERE task_id IS NOT NULL",
        """CREATE TABLE office_record_pdfs (
            record_id TEXT NOT NULL, fingerprint TEXT NOT NULL, sha256 TEXT NOT NULL,
            data BYTEA NOT NULL, PRIMARY KEY (record_id, fingerprint))""",
        """CREATE TABLE office_conflicts (
            id TEXT NOT NULL, fingerprint TEXT NOT NULL, reason TEXT NOT NULL,
            device_id TEXT NOT NULL, record_no TEXT NOT NULL, supersedes TEXT,
            canonical TEXT NOT NULL, signature TEXT NOT NULL, signer_sha256 TEXT NOT NULL,
            bundle_sha256 TEXT NOT NULL, received_at TEXT NOT NULL, resolved_at TEXT,
            PRIMARY KEY (id, fingerprint))""",
        """CREATE TABLE office_attachments (
            sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BYTEA NOT NULL)""",
        "CREATE TABLE office_forms (sha256 TEXT PRIMARY KEY, text TEXT NOT NULL)",
        """CREATE TABLE office_packages (
            device_id TEXT NOT NULL, number INTEGER NOT NULL, sha256 TEXT NOT NULL,
            trust_list_version INTEGER NOT NULL, acknowledged_seq INTEGER NOT NULL,
            created_at TEXT NOT NULL, PRIMARY KEY (device_id, number))""",
        """CREATE TABLE office_draws (
            id TEXT PRIMARY KEY, plan_id TEXT NOT NULL UNIQUE, plan_name TEXT NOT NULL,
            plan_date TEXT NOT NULL, form_id TEXT NOT NULL, witness TEXT NOT NULL,
            seed TEXT NOT NULL, algorithm TEXT NOT NULL, entities_sha256 TEXT NOT NULL,
            inspectors_sha256 TEXT NOT NULL, population INTEGER NOT NULL,
            selected INTEGER NOT NULL, assigned INTEGER NOT NULL, document BYTEA NOT NULL,
            created_at TEXT NOT NULL)""",
        """CREATE TABLE office_tasks (
            id TEXT PRIMARY KEY, device_id TEXT NOT NULL, payload TEXT NOT NULL,
            created_at TEXT NOT NULL, draw_id TEXT REFERENCES office_draws(id),
            credit_code TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX office_tasks_device ON office_tasks(device_id)",
        "CREATE INDEX office_tasks_draw ON office_tasks(draw_id)",
        """CREATE TABLE office_task_inspectors (
            task_id TEXT NOT NULL REFERENCES office_tasks(id), employee_no TEXT NOT NULL,
            PRIMARY KEY (task_id, employee_no))""",
        """CREATE TABLE office_decisions (
            id TEXT PRIMARY KEY, record_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
            device_id TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL,
            supervisor TEXT NOT NULL, decided_at TEXT NOT NULL, document BYTEA NOT NULL)""",
        "CREATE INDEX office_decisions_device ON office_decisions(device_id)",
        "CREATE INDEX office_decisions_record ON office_decisions(record_id, decided_at)",
        """CREATE TABLE office_reference_files (
            kind TEXT NOT NULL CHECK (kind IN ('form', 'tariff')), ref_id TEXT NOT NULL,
            version TEXT NOT NULL, effective_from TEXT NOT NULL, sha256 TEXT NOT NULL,
            text TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (kind, ref_id, version))""",
        *(
            f"""CREATE TABLE office_record_{table} (
                record_id TEXT NOT NULL, {column} TEXT NOT NULL, form_id TEXT NOT NULL,
                district TEXT NOT NULL, inspector TEXT NOT NULL, inspected_on TEXT NOT NULL,
                superseded INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (record_id, {column}))"""
            for table, column in (("items", "item"), ("measures", "measure"))
        ),
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
        """CREATE TABLE office_publications (
            record_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,
            published_at TEXT NOT NULL, file_name TEXT NOT NULL)""",
        *_frozen(
            "office_records",
            "received record is frozen",
            columns="id, year, fingerprint, canonical, signature, device_id, bundle_sha256",
        ),
        *_frozen("office_record_ids", "received record is frozen"),
        *_frozen("office_record_pdfs", "received record is frozen"),
        *_frozen("office_trust_lists", "trust lists are append-only"),
        *_frozen("office_draws", "a draw is frozen"),
        *_frozen("office_audit", "the audit log is append-only"),
    ]
    return statements


def _m0002_paper() -> list[str]:
    """Paper (as SQLite's 0003_paper): records known from their printed summary QR, and records
    received by sync codes."""
    return [
        """CREATE TABLE office_paper_known (
            fingerprint TEXT PRIMARY KEY, record_no TEXT NOT NULL, form_id TEXT NOT NULL,
            site_code TEXT NOT NULL, item TEXT NOT NULL, inspected_on TEXT NOT NULL,
            verdict TEXT NOT NULL, figures TEXT NOT NULL, signer_sha256 TEXT NOT NULL,
            signer TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL,
            first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, seen INTEGER NOT NULL)""",
        "CREATE INDEX office_paper_known_day ON office_paper_known(inspected_on)",
        """CREATE TABLE office_paper_imports (
            record_id TEXT NOT NULL, fingerprint TEXT NOT NULL, payload_sha256 TEXT NOT NULL,
            pieces INTEGER NOT NULL, sources TEXT NOT NULL, imported_at TEXT NOT NULL,
            PRIMARY KEY (record_id, fingerprint))""",
        "CREATE INDEX office_record_ids_fingerprint ON office_record_ids(fingerprint)",
        "CREATE INDEX office_records_record_no ON office_records(record_no)",
        "CREATE INDEX office_conflicts_fingerprint ON office_conflicts(fingerprint)",
        *_frozen("office_paper_imports", "received record is frozen"),
    ]


def _m0003_statistics_summary() -> list[str]:
    """Statistics over a monthly summary (db.office.queries: STATS_COLUMNS) instead of every record
    (as SQLite's 0005_statistics_summary). Each import appends what it changed to
    `office_stats_delta` (inserts only: clerks importing at once never wait on a summary row) and
    folds the deltas into `office_stats` when no other import is folding."""
    columns = """month TEXT NOT NULL, form_id TEXT NOT NULL, district TEXT NOT NULL,
        inspector TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n BIGINT NOT NULL"""
    return [
        f"CREATE TABLE office_stats ({columns}, PRIMARY KEY ({', '.join(STATS_KEY)}) INCLUDE (n))",
        f"CREATE TABLE office_stats_delta ({columns})",
        fill_statistics(POSTGRESQL),
    ]


def _m0004_import_indexes() -> list[str]:
    """One index entry fewer per imported record (issue 15: import ≥ 0.5 × a bare COPY): a
    record known from paper is matched by its number and fingerprint (the number's index), so
    the record ids need no index of their fingerprints. The covering statistics index stays: a
    filter's partial months are counted from it without reading a record's row."""
    return ["DROP INDEX office_record_ids_fingerprint"]


def _m0005_statistics_edges() -> list[str]:
    """A date filter's partial months are counted from the records (issue 15: < 1 s over
    1,000,000): their current records from `office_records_stats` (covering, per partition),
    their failed items and measures from these (covering) instead of a scan of the side tables."""
    return [
        f"""CREATE INDEX office_record_{table}_day ON office_record_{table}(inspected_on)
            INCLUDE (form_id, district, inspector, {column}) WHERE superseded = 0"""
        for table, column in (("items", "item"), ("measures", "measure"))
    ]


def _m0006_lighter_record_indexes() -> list[str]:
    """One index fewer and a narrower one on every imported record (issue 15: import ≥ 0.5 × a
    bare COPY; each index on the records cost ~0.12 × the bare COPY, docs/performance.md).

    The review queue's index carried the queue's filter columns so that filtered counts read no
    record; PostgreSQL only filters on an index's columns in an index-only scan, so the page
    itself (which reads each row it shows) gained nothing from them. The statistics index has
    the same columns but the review status: with it, it answers every filtered count (current
    records, index-only), and the queue keeps only its order, (finalised_at DESC, id), over all
    records — which is also `finalised_at`'s own index (a stream of the records in order) and
    the corrected records' order (a small partial index of its own, as their count reads it)."""
    return [
        "DROP INDEX office_records_queue",
        "DROP INDEX office_records_finalised",
        "DROP INDEX office_records_stats",
        """CREATE INDEX office_records_stats ON office_records(inspected_on, form_id, district, inspector)
            INCLUDE (verdict, imported_on, review_status) WHERE superseded_by IS NULL""",
        "CREATE INDEX office_records_queue ON office_records(finalised_at DESC, id)",
        """CREATE INDEX office_records_corrected ON office_records(finalised_at DESC, id)
            WHERE superseded_by IS NOT NULL""",
    ]


# The columns that hold a whole signed record (~2–8 kB of JSON each: the only values PostgreSQL
# compresses on import).
SIGNED_TEXT = (("office_records", "canonical"), ("office_conflicts", "canonical"))


def _m0007_lz4_signed_records() -> list[str]:
    """The signed records compressed with LZ4 instead of PostgreSQL's default pglz (issue 15:
    import ≥ 0.5 × a bare COPY). A record's canonical text is the one value of an import large
    enough to be compressed, and pglz cost the server ~20 µs a record — half of a bare COPY's
    CPU; LZ4 costs a quarter of that and reads back faster, for ~15 % more disk
    (docs/performance.md). Set on each year's partition too (PostgreSQL 15 does not pass a
    column's compression down to existing partitions). Records stored before keep their pglz
    form (both are read alike). A server built without LZ4 keeps pglz: the migration checks
    before it changes anything."""
    tables = " UNION ALL ".join(
        f"SELECT '{table}'::regclass, '{column}' UNION ALL SELECT inhrelid::regclass, '{column}' "
        f"FROM pg_inherits WHERE inhparent = '{table}'::regclass"
        for table, column in SIGNED_TEXT
    )
    return [
        f"""DO $$ DECLARE t regclass; c text; BEGIN
            IF EXISTS (SELECT 1 FROM pg_settings
                       WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
                FOR t, c IN {tables} LOOP
                    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET COMPRESSION lz4', t, c);
                END LOOP;
            END IF; END $$"""
    ]


# Append-only: a new migration is a new entry at the end, never an edit of one applied.
MIGRATIONS: list[Migration] = [
    ("0001_office", _m0001_office),
    ("0002_paper", _m0002_paper),
    ("0003_statistics_summary", _m0003_statistics_summary),
    ("0004_import_indexes", _m0004_import_indexes),
    ("0005_statistics_edges", _m0005_statistics_edges),
    ("0006_lighter_record_indexes", _m0006_lighter_record_indexes),
    ("0007_lz4_signed_records", _m0007_lz4_signed_records),
]


def pending(applied: set[str]) -> list[Migration]:
    return [(name, make) for name, make in MIGRATIONS if name not in applied]


def names() -> list[str]:
    return [name for name, _make in MIGRATIONS]

"""The office's queries, written once for both stores (SQLite and PostgreSQL).

A query is written here with ``?`` placeholders in SQL both engines read alike; the store's
`Dialect` turns the placeholders into its driver's and names the few functions that differ
(``max``/``greatest``, ``group_concat``/``string_agg``, insert-or-ignore). Only SQL that really
differs stays in each store: how records arrive (executemany, COPY into staging), the year
partitions' keys, upserts that report what they did, statistics.

`OfficeQueries` implements every such method of `db.office.store.OfficeStore` over five small
primitives a store provides (`_rows`, `_tuples`, `_stream`, `_exec`, `_many`, each taking SQL in
the store's own placeholder style). A new office query is one method here.

Stdlib only: the SQLite store is imported at every start (the office heading), before sqlite-utils.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

RECORD_COLUMNS = (
    "id",
    "fingerprint",
    "record_no",
    "device_id",
    "form_id",
    "form_version",
    "form_sha256",
    "verdict",
    "failed",
    "site_code",
    "site_name",
    "district",
    "inspector",
    "signer_sha256",
    "started_at",
    "finalised_at",
    "supersedes",
    "canonical",
    "signature",
    "bundle_sha256",
    "imported_at",
    "inspected_on",
    "imported_on",
    "task_id",
    "measures",
)
CONFLICT_COLUMNS = (
    "id",
    "fingerprint",
    "reason",
    "device_id",
    "record_no",
    "supersedes",
    "canonical",
    "signature",
    "signer_sha256",
    "bundle_sha256",
    "received_at",
)
PAPER_KNOWN_COLUMNS = (
    "fingerprint",
    "record_no",
    "form_id",
    "site_code",
    "item",
    "inspected_on",
    "verdict",
    "figures",
    "signer_sha256",
    "signer",
    "summary",
    "source",
)
# A current revision: no stored record supersedes it (a corrected record is history).
CURRENT = "r.superseded_by IS NULL"
SUPERSEDED = "r.superseded_by IS NOT NULL"
CHUNK = 500  # ids per IN (...) list where the driver has no arrays: well under SQLite's limit


@lru_cache(maxsize=512)
def _format_style(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


# The years of inspection with a partition of their own on PostgreSQL (others: the default one).
PARTITION_YEARS = (2015, 2045)


class Dialect(NamedTuple):
    """What differs between the engines in the shared queries."""

    name: str
    greatest: str  # the larger of two values: max(a, b) / greatest(a, b)
    string_agg: str  # joined texts: group_concat(x, sep) / string_agg(x, sep)
    insert_ignore: str  # "INSERT OR IGNORE INTO" / "INSERT INTO"
    ignore_suffix: str  # "" / " ON CONFLICT DO NOTHING"
    record_keys: str  # the table holding every stored record's id and fingerprint
    arrays: bool  # an id list goes as one array parameter (= ANY), else IN (?, ?, …) in chunks
    lag_days: str  # days from {r}.inspected_on to {r}.imported_on as text, at least 0; '' unreadable
    # A join whose left table must lead: SQLite keeps the tables of a CROSS JOIN in the order
    # written (its planner, without statistics, would rather walk 200,000 records in an index's
    # order than look 10,000 up by task); PostgreSQL plans it from its statistics.
    join_in_order: str  # "CROSS JOIN" / "JOIN"
    # A column's test that must not choose the index of a join's inner table: inside such a join
    # SQLite would read a range of that index again for every row of the outer table (its
    # planner has no statistics to weigh it); "+column" keeps the term a filter. PostgreSQL plans
    # from its statistics: the column as it is.
    unindexed: Callable[[str], str]
    # The table holding the records of one year of inspection (a year's partition on
    # PostgreSQL: the year of r.inspected_on when readable, db.office.postgres.year_of).
    records_year: Callable[[int], str]

    def sql(self, text: str) -> str:
        """``text`` (``?`` placeholders) in this driver's placeholder style."""
        return text if self.name == "sqlite" else _format_style(text)

    def lag(self, alias: str) -> str:
        """The import lag (see lag_days) of the row named ``alias``."""
        return self.lag_days.replace("{r}", alias)

    def insert(self, table: str, columns: Sequence[str], *, ignore: bool = False) -> str:
        """An INSERT of one row of ``columns``; ``ignore``: skip a row whose key is stored."""
        head = self.insert_ignore if ignore else "INSERT INTO"
        tail = self.ignore_suffix if ignore else ""
        return f"{head} {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}){tail}"


SQLITE = Dialect(
    name="sqlite",
    greatest="max",
    string_agg="group_concat",
    insert_ignore="INSERT OR IGNORE INTO",
    ignore_suffix="",
    record_keys="office_records",
    arrays=False,
    lag_days="coalesce(CAST(max(0, CAST(julianday({r}.imported_on) - julianday({r}.inspected_on) AS INTEGER))"
    " AS TEXT), '')",
    join_in_order="CROSS JOIN",
    unindexed=lambda column: f"+{column}",
    records_year=lambda _year: "office_records",
)
POSTGRESQL = Dialect(
    name="postgresql",
    greatest="greatest",
    string_agg="string_agg",
    insert_ignore="INSERT INTO",
    ignore_suffix=" ON CONFLICT DO NOTHING",
    record_keys="office_record_ids",  # the global id key over the year partitions
    arrays=True,
    # A date is readable when it reads NNNN-NN-NN (digits), tested without a regular expression:
    # over the records of a month the regex took 3 × the rest of the statistics' lag.
    lag_days="CASE WHEN {r}.inspected_on LIKE '____-__-__' "
    "AND translate({r}.inspected_on, '0123456789', '') = '--' "
    "AND {r}.imported_on LIKE '____-__-__' AND translate({r}.imported_on, '0123456789', '') = '--' "
    "THEN greatest(0, {r}.imported_on::date - {r}.inspected_on::date)::text ELSE '' END",
    join_in_order="JOIN",
    unindexed=lambda column: column,
    records_year=lambda year: (
        f"office_records_{year}" if PARTITION_YEARS[0] <= year <= PARTITION_YEARS[1] else "office_records"
    ),
)


# What became of a record known from paper (one parameter: the day before which a record
# still waiting is overdue): its data arrived (by bundle or sync codes: a record of that number
# and fingerprint — the fingerprint covers the number), sits in the conflict queue, a record of
# that number arrived with other content, or it is still awaited.
PAPER_STATUS = """SELECT p.*, CASE
    WHEN EXISTS (SELECT 1 FROM office_records r WHERE r.record_no = p.record_no
                 AND r.fingerprint = p.fingerprint) THEN 'arrived'
    WHEN EXISTS (SELECT 1 FROM office_conflicts c WHERE c.fingerprint = p.fingerprint) THEN 'conflict'
    WHEN EXISTS (SELECT 1 FROM office_records r WHERE r.record_no = p.record_no) THEN 'differs'
    WHEN p.inspected_on < ? THEN 'overdue'
    ELSE 'pending' END AS status
    FROM office_paper_known p"""


def date_clauses(filters: dict[str, str], column: str = "r.inspected_on") -> tuple[list[str], list[Any]]:
    """The inspection-date filter (local dates, inclusive) on records ``r`` (``column``: the date
    as the query tests it, e.g. Dialect.unindexed's)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.get("date_from"):
        clauses.append(f"{column} >= ?")
        params.append(filters["date_from"])
    if filters.get("date_to"):  # and a readable date: '' would sort before every day
        clauses.append(f"{column} <= ? AND {column} <> ''")
        params.append(filters["date_to"])
    return clauses, params


def review_where(filters: dict[str, str]) -> tuple[str, list[Any]]:
    """The review queue's filters (see OfficeStore.review_page) as a WHERE on records ``r``."""
    clauses: list[str] = []
    params: list[Any] = []
    for key in ("district", "form_id", "verdict", "inspector"):
        if filters.get(key):
            clauses.append(f"r.{key} = ?")
            params.append(filters[key])
    dates, date_params = date_clauses(filters)
    clauses += dates
    params += date_params
    status = filters.get("status", "")
    if status == "corrected":
        clauses.append(SUPERSEDED)
    else:
        clauses.append(CURRENT)
        if status:
            clauses.append("r.review_status = ?")
            params.append(status)
    search = filters.get("search", "").strip()
    if search:
        clauses.append("(r.record_no LIKE ? OR r.site_name LIKE ? OR r.site_code LIKE ?)")
        params.extend([f"%{search}%"] * 3)
    return " WHERE " + " AND ".join(clauses), params


def site_where(search: str) -> tuple[str, list[Any]]:
    if not search.strip():
        return "", []
    like = f"%{search.strip()}%"
    return " WHERE name LIKE ? OR credit_code LIKE ? OR district LIKE ?", [like, like, like]


# -- statistics: a monthly summary kept by every import, the filter's partial months from records --
# One row per (month of inspection, procedure, district, inspector, kind, value) with its count of
# current records: kind 'verdict' (value: the verdict), 'lag' (days from inspection to import,
# never below 0; '' when a date is unreadable), 'item' (a failed item), 'measure' (a measure taken).
STATS_COLUMNS = ("month", "form_id", "district", "inspector", "kind", "value", "n")
# The key, kind first: each grouping reads one kind's rows in key order, from the key alone.
STATS_KEY = ("kind", "month", "form_id", "district", "inspector", "value")
# What every grouping of OfficeStore.statistics counts, over a source of STATS_COLUMNS rows "s".
_GROUPINGS = (
    ("form", "form_id", "value", "verdict"),
    ("district", "district", "value", "verdict"),
    ("inspector", "inspector", "value", "verdict"),
    ("month", "month", "value", "verdict"),
    ("lag", "value", "''", "lag"),
    ("item", "form_id", "value", "item"),
    ("measure", "value", "''", "measure"),
)


def record_facts(dialect: Dialect, where: str = "") -> str:
    """The summary's rows as counted straight from the records (each fact n = 1): ``where``
    (clauses on ``r``, ANDed) is applied to the records and to the failed items' and measures'
    rows alike, so its parameters repeat four times."""
    also = f" AND {where}" if where else ""
    month = "substr(r.inspected_on, 1, 7)"
    keys = f"{month} AS month, r.form_id, r.district, r.inspector"
    return f"""SELECT {keys}, 'verdict' AS kind, r.verdict AS value, 1 AS n
                   FROM office_records r WHERE {CURRENT}{also}
               UNION ALL SELECT {keys}, 'lag', {dialect.lag("r")}, 1
                   FROM office_records r WHERE {CURRENT}{also}
               UNION ALL SELECT {keys}, 'item', r.item, 1
                   FROM office_record_items r WHERE r.superseded = 0{also}
               UNION ALL SELECT {keys}, 'measure', r.measure, 1
                   FROM office_record_measures r WHERE r.superseded = 0{also}"""


def edge_facts(dialect: Dialect, where: str, *, records: str = "office_records", sign: int = 1) -> str:
    """The summary's rows (STATS_COLUMNS) of the records ``where`` selects (clauses on ``r``,
    whose parameters repeat three times), counted from the records and grouped as the summary
    is: a date filter's partial months read a few days of covering indexes and give a few
    hundred rows to group seven ways, not one row per fact. ``records``: the table to read
    them from (on PostgreSQL the year's partition: a filter on the year would read the rows);
    ``sign`` -1: counted negative (days taken off a whole month of the summary)."""
    keys = "substr(r.inspected_on, 1, 7) AS month, r.form_id, r.district, r.inspector"
    # The records read once, grouped by verdict and lag together, then counted for each.
    return f"""SELECT g.month, g.form_id, g.district, g.inspector, f.kind,
                      CASE f.kind WHEN 'verdict' THEN g.verdict ELSE g.lag END AS value,
                      {sign} * sum(g.n) AS n
                   FROM (SELECT {keys}, r.verdict, {dialect.lag("r")} AS lag, count(*) AS n
                         FROM {records} r WHERE {CURRENT} AND {where} GROUP BY 1, 2, 3, 4, 5, 6) g
                   CROSS JOIN (SELECT 'verdict' AS kind UNION ALL SELECT 'lag') f
                   GROUP BY 1, 2, 3, 4, 5, 6
               UNION ALL SELECT {keys}, 'item', r.item, {sign} * count(*)
                   FROM office_record_items r WHERE r.superseded = 0 AND {where} GROUP BY 1, 2, 3, 4, 6
               UNION ALL SELECT {keys}, 'measure', r.measure, {sign} * count(*)
                   FROM office_record_measures r WHERE r.superseded = 0 AND {where} GROUP BY 1, 2, 3, 4, 6"""


def fill_statistics(dialect: Dialect) -> str:
    """The summary made anew from the records (a migration's and `rebuild_statistics`' SQL)."""
    keys = ", ".join(STATS_KEY)
    return (
        f"INSERT INTO office_stats ({keys}, n) "
        f"SELECT {keys}, sum(n) FROM ({record_facts(dialect)}) f GROUP BY {keys}"
    )


def grouped(source: str, *, once: bool) -> str:
    """Every grouping of OfficeStore.statistics in one statement, over ``source`` (SQL giving
    STATS_COLUMNS rows): rows (grouping, a, b, n). ``once``: compute the source once for all
    groupings (records), else let each grouping read its kind's rows alone (the summary, by its
    key)."""
    parts = []
    for name, a, b, kind in _GROUPINGS:
        by = a if b == "''" else f"{a}, {b}"
        rows = "s" if once else f"({source}) s"
        parts.append(
            f"SELECT '{name}' AS g, {a} AS a, {b} AS b, sum(n) AS n FROM {rows} "
            f"WHERE kind = '{kind}' GROUP BY {by}"
        )
    return (f"WITH s AS MATERIALIZED ({source}) " if once else "") + " UNION ALL ".join(parts)


def month_ranges(date_from: str, date_to: str) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
    """Split an inclusive range of local dates ('' = open) into the whole months the summary
    answers (first, last as YYYY-MM, '' = open; None when there is none) and the day ranges at
    its edges that only the records can answer."""
    import datetime as dt

    def month_after(day: dt.date) -> str:
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1).isoformat()[:7]

    def month_before(day: dt.date) -> str:
        return (day.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]

    start = dt.date.fromisoformat(date_from) if date_from else None
    end = dt.date.fromisoformat(date_to) if date_to else None
    first = "" if start is None else start.isoformat()[:7]
    last = "" if end is None else end.isoformat()[:7]
    edges: list[tuple[str, str]] = []
    starts_month = start is None or start.day == 1
    ends_month = end is None or (end + dt.timedelta(days=1)).day == 1
    if start and end and first == last and not (starts_month and ends_month):
        return None, [(start.isoformat(), end.isoformat())]
    if start and not starts_month:
        month_end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        edges.append((start.isoformat(), month_end.isoformat()))
        first = month_after(start)
    if end and not ends_month:
        edges.append((end.replace(day=1).isoformat(), end.isoformat()))
        last = month_before(end)
    if first and last and first > last:
        return None, edges
    return (first, last), edges


def month_pieces(date_from: str, date_to: str) -> tuple[tuple[str, str] | None, list[tuple[str, str, int]]]:
    """As month_ranges, with each edge month read the cheaper way: an edge covering most of its
    month is that whole month from the summary less its days outside the range (sign -1), else
    its days inside (sign +1) — the records of at most half a month are counted at each edge."""
    import datetime as dt

    months, edges = month_ranges(date_from, date_to)
    low, high = months if months is not None else (None, None)
    pieces: list[tuple[str, str, int]] = []
    day = dt.timedelta(days=1)
    for first, last in edges:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        month_start = start.replace(day=1)
        month_end = (month_start + dt.timedelta(days=31)).replace(day=1) - day
        outside = [(a, b) for a, b in ((month_start, start - day), (end + day, month_end)) if a <= b]
        if sum((b - a).days + 1 for a, b in outside) >= (end - start).days + 1:
            pieces.append((first, last, 1))
            continue
        month = first[:7]  # next to the whole months (or the only one): the range stays whole
        low = month if low is None or (low and month < low) else low
        high = month if high is None or (high and month > high) else high
        pieces += [(a.isoformat(), b.isoformat(), -1) for a, b in outside]
    return (None if low is None or high is None else (low, high)), pieces


_CERTIFICATE = ("cert_sha256", "key_sha256", "pem", "role", "device_id", "subject", "not_after", "issued_at")
_REQUEST = ("key_sha256", "pem", "name", "id_number", "office", "device_id", "source", "received_at")
_BUNDLE = (
    "sha256",
    "device_id",
    "seq",
    "base_ack",
    "file_name",
    "signer_sha256",
    "created_at",
    "imported_at",
    "records",
    "imported",
    "duplicates",
    "conflicts",
)
_PACKAGE = ("device_id", "number", "sha256", "trust_list_version", "acknowledged_seq", "created_at")
_TASK = ("id", "device_id", "payload", "created_at", "draw_id", "credit_code")
_DECISION = (
    "id",
    "record_id",
    "fingerprint",
    "device_id",
    "decision",
    "reason",
    "supervisor",
    "decided_at",
    "document",
)
_REFERENCE_FILE = ("kind", "ref_id", "version", "effective_from", "sha256", "text", "created_at")
_DRAW = (
    "id",
    "plan_id",
    "plan_name",
    "plan_date",
    "form_id",
    "witness",
    "seed",
    "algorithm",
    "entities_sha256",
    "inspectors_sha256",
    "population",
    "selected",
    "assigned",
    "document",
    "created_at",
)
_PAPER_IMPORT = ("record_id", "fingerprint", "payload_sha256", "pieces", "sources", "imported_at")


class OfficeQueries:
    """The OfficeStore methods whose SQL both engines share (see the module's docstring)."""

    dialect: Dialect

    # -- the primitives each store provides (SQL in its own placeholder style) -------------------
    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts, as the engine can give them without holding them all."""
        raise NotImplementedError

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement; the rows it changed."""
        raise NotImplementedError

    def _many(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    # -- the same, from shared SQL (``?`` placeholders) -------------------------------------------
    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return self._rows(self.dialect.sql(sql), params)

    def _first(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def _values(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self._tuples(self.dialect.sql(sql), params)

    def _run(self, sql: str, params: Iterable[Any] = ()) -> int:
        return self._exec(self.dialect.sql(sql), params)

    def _run_many(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        self._many(self.dialect.sql(sql), params)

    def _put(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, ignore: bool
    ) -> None:
        self._run_many(self.dialect.insert(table, columns, ignore=ignore), rows)

    def _lists(self, ids: list[str]) -> Iterator[tuple[str, list[Any]]]:
        """(test, parameters) pairs that together test a column against every one of ``ids``:
        one array where the driver has them, else IN lists of at most CHUNK."""
        if self.dialect.arrays:
            yield "= ANY(?)", [ids]
            return
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            yield f"IN ({','.join('?' * len(part))})", list(part)

    def _values_in(self, sql: str, ids: list[str], params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """``sql`` with ``{ids}`` where the test of a column against ``ids`` goes
        (``WHERE r.id {ids}``), run over all of them; ``params`` come before the ids."""
        for test, args in self._lists(ids):
            yield from self._values(sql.format(ids=test), [*params, *args])

    # -- the office -------------------------------------------------------------------------------
    def office(self) -> dict[str, Any] | None:
        return self._first("SELECT * FROM office WHERE id = 1")

    def create_office(
        self, *, name: str, root_sha256: str, root_pem: str, encrypted_key_pem: str, created_at: str
    ) -> None:
        self._run(
            "INSERT INTO office (id, name, root_sha256, root_pem, encrypted_key_pem, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [name, root_sha256, root_pem, encrypted_key_pem, created_at],
        )

    # -- certificates, revocations, trust lists --------------------------------------------------
    def add_certificate(self, row: dict[str, Any]) -> None:
        self._put("office_certificates", _CERTIFICATE, [[row[c] for c in _CERTIFICATE]], ignore=True)

    def certificates(self) -> list[dict[str, Any]]:
        return self._all(
            "SELECT c.*, r.revoked_at, r.reason FROM office_certificates c "
            "LEFT JOIN office_revocations r ON r.cert_sha256 = c.cert_sha256 ORDER BY c.issued_at"
        )

    def add_revocation(self, *, cert_sha256: str, revoked_at: str, reason: str) -> None:
        columns = ("cert_sha256", "revoked_at", "reason")
        self._put("office_revocations", columns, [[cert_sha256, revoked_at, reason]], ignore=True)

    def add_trust_list(self, *, version: int, document: bytes, issued_at: str, expires_at: str) -> None:
        columns = ("version", "document", "issued_at", "expires_at")
        self._put("office_trust_lists", columns, [[version, document, issued_at, expires_at]], ignore=False)

    def trust_lists(self, *, limit: int = 5) -> list[dict[str, Any]]:
        rows = self._all("SELECT * FROM office_trust_lists ORDER BY version DESC LIMIT ?", [limit])
        return [{**r, "document": bytes(r["document"])} for r in rows]

    # -- enrolment requests -------------------------------------------------------------------------
    def add_requests(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put("office_requests", _REQUEST, ([r[c] for c in _REQUEST] for r in rows), ignore=True)

    def requests(self, *, status: str = "") -> list[dict[str, Any]]:
        if status:
            return self._all("SELECT * FROM office_requests WHERE status = ? ORDER BY received_at", [status])
        return self._all("SELECT * FROM office_requests ORDER BY received_at")

    def set_request_status(self, key_sha256: str, status: str) -> None:
        self._run("UPDATE office_requests SET status = ? WHERE key_sha256 = ?", [status, key_sha256])

    # -- devices and bundles -------------------------------------------------------------------------
    def device(self, device_id: str) -> dict[str, Any] | None:
        return self._first("SELECT * FROM office_devices WHERE device_id = ?", [device_id])

    def devices(self) -> list[dict[str, Any]]:
        return self._all(
            f"""SELECT ids.device_id, d.first_seen, d.last_bundle_at,
                      coalesce(d.acknowledged_seq, 0) AS acknowledged_seq,
                      (SELECT max(seq) FROM office_bundles b WHERE b.device_id = ids.device_id) AS last_seq,
                      (SELECT count(*) FROM office_records r WHERE r.device_id = ids.device_id) AS records,
                      (SELECT max(number) FROM office_packages p WHERE p.device_id = ids.device_id)
                          AS last_package,
                      (SELECT {self.dialect.string_agg}(subject, '; ') FROM office_certificates c
                          WHERE c.device_id = ids.device_id) AS inspectors
               FROM (SELECT device_id FROM office_devices UNION
                     SELECT device_id FROM office_certificates) ids
               LEFT JOIN office_devices d ON d.device_id = ids.device_id
               ORDER BY ids.device_id"""
        )

    def bundle(self, sha256: str) -> dict[str, Any] | None:
        return self._first("SELECT * FROM office_bundles WHERE sha256 = ?", [sha256])

    def bundle_seqs(self, device_id: str) -> list[int]:
        return [
            int(r[0])
            for r in self._values(
                "SELECT DISTINCT seq FROM office_bundles WHERE device_id = ? ORDER BY seq", [device_id]
            )
        ]

    def add_bundle(self, row: dict[str, Any]) -> None:
        self._put("office_bundles", _BUNDLE, [[row[c] for c in _BUNDLE]], ignore=True)

    def bundles(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM office_bundles ORDER BY imported_at DESC, seq DESC LIMIT ?", [limit])

    def note_device(self, *, device_id: str, at: str, acknowledged_seq: int) -> None:
        self._run(
            "INSERT INTO office_devices (device_id, first_seen, last_bundle_at, acknowledged_seq) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET "
            "last_bundle_at = excluded.last_bundle_at, acknowledged_seq = "
            f"{self.dialect.greatest}(office_devices.acknowledged_seq, excluded.acknowledged_seq)",
            [device_id, at, at, acknowledged_seq],
        )

    # -- records --------------------------------------------------------------------------------------
    def fingerprints(self, ids: list[str]) -> dict[str, str]:
        sql = f"SELECT id, fingerprint FROM {self.dialect.record_keys} WHERE id {{ids}}"
        return {str(a): str(b) for a, b in self._values_in(sql, ids)}

    def conflict_keys(self, ids: list[str]) -> set[tuple[str, str]]:
        sql = "SELECT id, fingerprint FROM office_conflicts WHERE id {ids}"
        return {(str(a), str(b)) for a, b in self._values_in(sql, ids)}

    def add_record_pdfs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put(
            "office_record_pdfs",
            ("record_id", "fingerprint", "sha256", "data"),
            ((r["record_id"], r["fingerprint"], r["sha256"], r["data"]) for r in rows),
            ignore=True,
        )

    def add_attachments(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put(
            "office_attachments",
            ("sha256", "size", "data"),
            ((r["sha256"], len(r["data"]), r["data"]) for r in rows),
            ignore=True,
        )

    def add_forms(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put("office_forms", ("sha256", "text"), ((r["sha256"], r["text"]) for r in rows), ignore=True)

    def add_signer_certs(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put(
            "office_signer_certs",
            ("cert_sha256", "key_sha256", "pem"),
            ((r["cert_sha256"], r["key_sha256"], r["pem"]) for r in rows),
            ignore=True,
        )

    def signer_certs(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM office_signer_certs")

    def record_pdf(self, record_id: str, fingerprint: str) -> bytes | None:
        rows = self._values(
            "SELECT data FROM office_record_pdfs WHERE record_id = ? AND fingerprint = ?",
            [record_id, fingerprint],
        )
        return bytes(rows[0][0]) if rows else None

    def conflicts(self, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = " WHERE resolved_at IS NULL" if open_only else ""
        return self._all(
            "SELECT id, fingerprint, reason, device_id, record_no, supersedes, bundle_sha256, received_at, "
            f"resolved_at FROM office_conflicts{where} ORDER BY received_at"
        )

    def conflict(self, record_id: str, fingerprint: str) -> dict[str, Any] | None:
        return self._first(
            "SELECT * FROM office_conflicts WHERE id = ? AND fingerprint = ?", [record_id, fingerprint]
        )

    def resolve_conflict(self, record_id: str, fingerprint: str, *, at: str) -> int:
        return self._run(
            "UPDATE office_conflicts SET resolved_at = ? "
            "WHERE id = ? AND fingerprint = ? AND resolved_at IS NULL",
            [at, record_id, fingerprint],
        )

    def without_pdf(self, ids: list[str]) -> set[str]:
        sql = f"""SELECT k.id FROM {self.dialect.record_keys} k WHERE k.id {{ids}} AND NOT EXISTS
                  (SELECT 1 FROM office_record_pdfs p
                   WHERE p.record_id = k.id AND p.fingerprint = k.fingerprint)"""
        return {str(r[0]) for r in self._values_in(sql, ids)}

    def set_review(self, record_id: str, *, status: str, reason: str) -> None:
        self._run(
            "UPDATE office_records SET review_status = ?, review_reason = ? WHERE id = ?",
            [status, reason, record_id],
        )

    # -- what goes back to laptops ----------------------------------------------------------------------
    def packages(self, device_id: str) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM office_packages WHERE device_id = ? ORDER BY number", [device_id])

    def add_package(self, row: dict[str, Any]) -> None:
        self._put("office_packages", _PACKAGE, [[row[c] for c in _PACKAGE]], ignore=False)

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
        row = {"task_id": task_id, "device_id": device_id, "payload": payload, "created_at": created_at}
        self.add_tasks([{**row, "draw_id": draw_id, "credit_code": credit_code, "inspectors": inspectors}])

    def add_tasks(self, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        self._put(
            "office_tasks",
            _TASK,
            (
                (
                    r["task_id"],
                    r["device_id"],
                    r["payload"],
                    r["created_at"],
                    r.get("draw_id"),
                    r.get("credit_code", ""),
                )
                for r in rows
            ),
            ignore=True,
        )
        self._put(
            "office_task_inspectors",
            ("task_id", "employee_no"),
            ((r["task_id"], e) for r in rows for e in r.get("inspectors", ())),
            ignore=True,
        )

    def tasks_for(self, device_id: str) -> list[dict[str, Any]]:
        # A draw's task goes to every laptop of the team it sends, not only the lead's.
        return self._all(
            """SELECT * FROM office_tasks WHERE device_id = ? OR id IN (
                   SELECT ti.task_id FROM office_task_inspectors ti
                   JOIN office_requests q ON q.id_number = ti.employee_no
                   JOIN office_certificates c ON c.key_sha256 = q.key_sha256 AND c.role = 'inspector'
                   WHERE c.device_id = ?)
               ORDER BY created_at, id""",
            [device_id, device_id],
        )

    def add_decision(self, row: dict[str, Any]) -> None:
        self._put("office_decisions", _DECISION, [[row[c] for c in _DECISION]], ignore=True)

    def decisions_for(self, device_id: str) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT * FROM office_decisions WHERE device_id = ? ORDER BY decided_at, id", [device_id]
        )
        return [{**r, "document": bytes(r["document"])} for r in rows]

    def add_reference_file(self, row: dict[str, Any]) -> None:
        self._put("office_reference_files", _REFERENCE_FILE, [[row[c] for c in _REFERENCE_FILE]], ignore=True)

    def reference_files(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM office_reference_files ORDER BY kind, ref_id, version")

    # == the office at work ===============================================================================
    # -- review ---------------------------------------------------------------------------------------------
    def review_count(self, filters: dict[str, str]) -> int:
        where, params = review_where(filters)
        return int(self._values(f"SELECT count(*) FROM office_records r{where}", params)[0][0])

    def review_page(self, filters: dict[str, str], *, offset: int, limit: int) -> list[dict[str, Any]]:
        where, params = review_where(filters)
        return self._all(
            f"""SELECT r.id, r.record_no, r.form_id, r.verdict, r.failed, r.site_code, r.site_name,
                       r.district, r.inspector, r.inspected_on, r.finalised_at, r.imported_at,
                       r.review_status, r.review_reason, r.supersedes, r.fingerprint, r.device_id,
                       r.superseded_by AS corrected_by,
                       CAST(EXISTS (SELECT 1 FROM office_packages p WHERE p.device_id = r.device_id
                                    AND p.created_at >= (SELECT max(d.decided_at) FROM office_decisions d
                                                         WHERE d.record_id = r.id)) AS INTEGER)
                           AS decision_sent
                FROM office_records r{where}
                ORDER BY r.finalised_at DESC, r.id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )

    def decisions_of(self, record_id: str) -> list[dict[str, Any]]:
        return self._all(
            "SELECT id, record_id, fingerprint, decision, reason, supervisor, decided_at "
            "FROM office_decisions WHERE record_id = ? ORDER BY decided_at, id",
            [record_id],
        )

    # -- directories (一单两库) --------------------------------------------------------------------------
    def sites(self, *, search: str = "", limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        where, params = site_where(search)
        return self._all(
            f"SELECT * FROM office_sites{where} ORDER BY credit_code LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def site_count(self, *, search: str = "") -> int:
        where, params = site_where(search)
        return int(self._values(f"SELECT count(*) FROM office_sites{where}", params)[0][0])

    def site(self, credit_code: str) -> dict[str, Any] | None:
        return self._first("SELECT * FROM office_sites WHERE credit_code = ?", [credit_code])

    def iter_sites(self) -> Iterator[dict[str, Any]]:
        return self._stream(self.dialect.sql("SELECT * FROM office_sites ORDER BY credit_code"))

    def site_snapshot_rows(self) -> list[tuple[str, ...]]:
        # Unordered: a walk of the table; the draw sorts (the primary key's order costs a
        # lookup per row, and PostgreSQL's collation is not the draw's order anyway).
        return self._values(
            "SELECT credit_code, name, district, type, risk, last_inspected, address FROM office_sites"
        )

    def inspector_rows(self) -> list[dict[str, Any]]:
        return self._all(
            """SELECT c.cert_sha256, c.key_sha256, c.subject, c.device_id, c.not_after, c.issued_at,
                      v.revoked_at, coalesce(q.id_number, '') AS employee_no, coalesce(q.name, '') AS name,
                      coalesce(i.district, '') AS district, coalesce(i.available, 1) AS available,
                      coalesce(i.note, '') AS note
               FROM office_certificates c
               LEFT JOIN office_revocations v ON v.cert_sha256 = c.cert_sha256
               LEFT JOIN office_requests q ON q.key_sha256 = c.key_sha256
               LEFT JOIN office_inspectors i ON i.employee_no = q.id_number
               WHERE c.role = 'inspector'
               ORDER BY employee_no, c.issued_at"""
        )

    def set_inspector(self, *, employee_no: str, district: str, available: bool, note: str, at: str) -> None:
        self._run(
            "INSERT INTO office_inspectors (employee_no, district, available, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (employee_no) DO UPDATE SET district = excluded.district, "
            "available = excluded.available, note = excluded.note, updated_at = excluded.updated_at",
            [employee_no, district, int(available), note, at],
        )

    def recusals(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM office_recusals ORDER BY employee_no, credit_code")

    def add_recusal(self, *, employee_no: str, credit_code: str, reason: str, at: str) -> None:
        self._run(
            "INSERT INTO office_recusals (employee_no, credit_code, reason, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (employee_no, credit_code) DO UPDATE SET reason = excluded.reason",
            [employee_no, credit_code, reason, at],
        )

    def remove_recusal(self, *, employee_no: str, credit_code: str) -> int:
        return self._run(
            "DELETE FROM office_recusals WHERE employee_no = ? AND credit_code = ?",
            [employee_no, credit_code],
        )

    def inspected_pairs(self, *, date_from: str, date_to: str) -> set[tuple[str, str]]:
        rows = self._values(
            """SELECT q.id_number, r.site_code FROM office_records r
               JOIN office_signer_certs s ON s.cert_sha256 = r.signer_sha256
               JOIN office_requests q ON q.key_sha256 = s.key_sha256
               WHERE r.inspected_on >= ? AND r.inspected_on <= ?
               UNION
               SELECT ti.employee_no, r.site_code FROM office_records r
               JOIN office_task_inspectors ti ON ti.task_id = r.task_id
               WHERE r.inspected_on >= ? AND r.inspected_on <= ?""",
            [date_from, date_to, date_from, date_to],
        )
        return {(str(a), str(b)) for a, b in rows}

    # -- draws ---------------------------------------------------------------------------------------
    def add_draw(self, row: dict[str, Any]) -> None:
        self._put("office_draws", _DRAW, [[row[c] for c in _DRAW]], ignore=False)

    def draw(self, draw_id: str) -> dict[str, Any] | None:
        row = self._first("SELECT * FROM office_draws WHERE id = ?", [draw_id])
        return None if row is None else {**row, "document": bytes(row["document"])}

    def draw_for_plan(self, plan_id: str) -> dict[str, Any] | None:
        row = self._first("SELECT id FROM office_draws WHERE plan_id = ?", [plan_id])
        return None if row is None else self.draw(row["id"])

    def draws(self) -> list[dict[str, Any]]:
        return self._all(
            "SELECT id, plan_id, plan_name, plan_date, form_id, witness, seed, algorithm, population, "
            "selected, assigned, created_at FROM office_draws ORDER BY created_at DESC"
        )

    def draw_tasks(self, draw_id: str) -> list[dict[str, Any]]:
        return self._all(
            f"""SELECT t.id, t.device_id, t.credit_code, t.payload, t.created_at,
                       r.id AS record_id, r.record_no, r.verdict, r.inspected_on
                FROM office_tasks t
                LEFT JOIN office_records r ON r.task_id = t.id AND {CURRENT}
                WHERE t.draw_id = ? ORDER BY t.created_at, t.id""",
            [draw_id],
        )

    # -- statistics --------------------------------------------------------------------------------
    def _stats_source(self) -> str:
        """The summary as rows of STATS_COLUMNS."""
        return "office_stats"

    def statistics(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        """From the monthly summary for the whole months of the date filter, and from the records
        (their covering indexes) for the days at its edges: added, or taken off an edge month
        read whole when that is fewer days (month_pieces)."""
        keys = [(f"r.{k} = ?", filters[k]) for k in ("form_id", "district", "inspector") if filters.get(k)]
        months, edges = month_pieces(filters.get("date_from", ""), filters.get("date_to", ""))
        counts: dict[tuple[str, Any, Any], int] = {}
        if months is not None:
            clauses, params = [c for c, _ in keys], [v for _, v in keys]
            for bound, op in zip(months, (">=", "<="), strict=True):
                if bound:
                    clauses.append(f"r.month {op} ?")
                    params.append(bound)
            if months[1]:  # records of an unreadable date (month '') are in no date range
                clauses.append("r.month <> ''")
            where = " WHERE " + " AND ".join(clauses) if clauses else ""
            source = f"SELECT {', '.join(STATS_COLUMNS)} FROM {self._stats_source()} r{where}"
            self._add_counts(counts, source, params, once=False)
        if edges:  # the edges' days in one statement, each a range of covering indexes
            where = " AND ".join([*(c for c, _ in keys), "r.inspected_on >= ?", "r.inspected_on <= ?"])
            sources, params = [], []
            for first, last, sign in edges:  # days of one month: one year's partition
                records = self.dialect.records_year(int(first[:4]))
                sources.append(edge_facts(self.dialect, where, records=records, sign=sign))
                params += ([v for _, v in keys] + [first, last]) * 3
            self._add_counts(counts, " UNION ALL ".join(sources), params, once=True)
        return _statistics_out(counts)

    def statistics_from_records(self, filters: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
        keys = [(f"r.{k} = ?", filters[k]) for k in ("form_id", "district", "inspector") if filters.get(k)]
        dates, date_params = date_clauses(filters)
        clauses = [c for c, _ in keys] + dates
        params = [v for _, v in keys] + date_params
        counts: dict[tuple[str, Any, Any], int] = {}
        self._add_counts(counts, record_facts(self.dialect, " AND ".join(clauses)), params * 4, once=True)
        return _statistics_out(counts)

    def _add_counts(
        self, counts: dict[tuple[str, Any, Any], int], source: str, params: list[Any], *, once: bool
    ) -> None:
        # Without ``once`` the source appears once per grouping, and its parameters with it.
        args = params if once else params * len(_GROUPINGS)
        for g, a, b, n in self._values(grouped(source, once=once), args):
            counts[(g, a, b)] = counts.get((g, a, b), 0) + int(n)

    def rebuild_statistics(self) -> None:
        """Make the summary anew from the records (after a repair, or to check it)."""
        self._run("DELETE FROM office_stats")
        self._run(fill_statistics(self.dialect))

    # -- credit lists and the integrity file ------------------------------------------------------------
    def entity_checks(self, *, since: str, credit_code: str = "") -> Iterator[dict[str, Any]]:
        sql = f"""SELECT r.id, r.record_no, r.site_code, r.site_name, r.district, r.form_id,
                         r.inspected_on, r.verdict, r.failed, r.measures, r.review_status, r.task_id
                  FROM office_records r WHERE {CURRENT} AND r.inspected_on >= ?"""
        params: list[Any] = [since]
        if credit_code:
            sql += " AND r.site_code = ?"
            params.append(credit_code)
        sql += " ORDER BY r.site_code, r.inspected_on, r.finalised_at"
        return self._stream(self.dialect.sql(sql), params)

    # -- publication (一公开) -------------------------------------------------------------------------
    def publication_rows(
        self, *, date_from: str = "", date_to: str = "", unpublished_only: bool = False
    ) -> list[dict[str, Any]]:
        clauses = [CURRENT, "r.review_status <> 'returned'", "t.draw_id IS NOT NULL"]
        # The draw's tasks lead and each task's records are found by the task index; a date range
        # on the records' own index would be read again for every task (tasks × records).
        dates, params = date_clauses(
            {"date_from": date_from, "date_to": date_to}, self.dialect.unindexed("r.inspected_on")
        )
        clauses += dates
        if unpublished_only:
            clauses.append("p.record_id IS NULL")
        return self._all(
            f"""SELECT r.id, r.fingerprint, r.record_no, r.site_code, r.site_name, r.district, r.form_id,
                       r.inspected_on, r.verdict, r.measures, r.review_status, t.draw_id,
                       d.plan_id, d.plan_name, p.published_at, p.file_name
                FROM office_tasks t
                {self.dialect.join_in_order} office_records r ON r.task_id = t.id
                JOIN office_draws d ON d.id = t.draw_id
                LEFT JOIN office_publications p ON p.record_id = r.id
                WHERE {" AND ".join(clauses)}
                ORDER BY r.inspected_on, r.record_no, r.id""",
            params,
        )

    # -- paper: known from the summary QR, received by sync codes ---------------------------------
    def note_paper_known(self, row: dict[str, Any]) -> bool:
        columns = PAPER_KNOWN_COLUMNS
        found = self._values(
            f"INSERT INTO office_paper_known ({', '.join(columns)}, first_seen_at, last_seen_at, seen) "
            f"VALUES ({', '.join('?' * len(columns))}, ?, ?, 1) ON CONFLICT (fingerprint) DO UPDATE SET "
            f"last_seen_at = {self.dialect.greatest}(office_paper_known.last_seen_at, "
            "excluded.last_seen_at), "
            "seen = office_paper_known.seen + 1 RETURNING seen",
            [*(row[c] for c in columns), row["seen_at"], row["seen_at"]],
        )
        return bool(found and found[0][0] == 1)

    def paper_known(
        self, *, overdue_before: str, status: str = "", limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        where = " WHERE status = ?" if status else ""
        return self._all(
            f"SELECT * FROM ({PAPER_STATUS}) k{where} ORDER BY inspected_on DESC, record_no LIMIT ? OFFSET ?",
            [overdue_before, *([status] if status else []), limit, offset],
        )

    def paper_known_counts(self, *, overdue_before: str) -> dict[str, int]:
        rows = self._values(
            f"SELECT status, count(*) FROM ({PAPER_STATUS}) k GROUP BY status", [overdue_before]
        )
        return {str(k): int(n) for k, n in rows}

    def paper_awaited(
        self, filters: dict[str, str], *, overdue_before: str
    ) -> list[tuple[str, str, str, int]]:
        clauses, params = ["status IN ('pending', 'overdue')"], [overdue_before]
        for key, clause in (
            ("form_id", "form_id = ?"),
            ("date_from", "inspected_on >= ?"),
            ("date_to", "inspected_on <= ?"),
        ):
            if filters.get(key):
                clauses.append(clause)
                params.append(filters[key])
        rows = self._values(
            f"SELECT form_id, verdict, status, count(*) FROM ({PAPER_STATUS}) k "
            f"WHERE {' AND '.join(clauses)} GROUP BY form_id, verdict, status",
            params,
        )
        return [(str(f), str(v), str(st), int(n)) for f, v, st, n in rows]

    def paper_status(self, fingerprints: list[str], *, overdue_before: str) -> dict[str, str]:
        sql = f"SELECT fingerprint, status FROM ({PAPER_STATUS}) k WHERE fingerprint {{ids}}"
        return {str(a): str(b) for a, b in self._values_in(sql, fingerprints, [overdue_before])}

    def add_paper_imports(self, rows: Iterable[dict[str, Any]]) -> None:
        self._put(
            "office_paper_imports", _PAPER_IMPORT, ([r[c] for c in _PAPER_IMPORT] for r in rows), ignore=True
        )

    def paper_imports(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for test, args in self._lists(ids):
            for row in self._all(f"SELECT * FROM office_paper_imports WHERE record_id {test}", args):
                found[row["record_id"]] = row
        return found


def _statistics_out(counts: dict[tuple[str, Any, Any], int]) -> dict[str, list[tuple[Any, ...]]]:
    """The groupings' rows as OfficeStore.statistics gives them (nothing that counts 0)."""
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name, *_ in _GROUPINGS}
    for (g, a, b), n in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), str(kv[0][2]))):
        if n == 0:
            continue
        if g == "lag":
            out[g].append((int(a) if a not in (None, "") else None, n))
        elif g == "measure":
            out[g].append((a, n))
        else:
            out[g].append((a, b, n))
    return out

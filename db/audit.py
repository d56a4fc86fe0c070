"""The append-only audit log: every entry carries the SHA-256 of the previous one (a hash chain).

An entry deleted or edited behind the app's back breaks the chain; `verify_chain` finds where.
Call `append` inside the transaction of the write it records.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from db.connection import Stamp

if TYPE_CHECKING:
    from sqlite_utils import Database

GENESIS = "0" * 64


def entry_hash(
    prev_hash: str, at: str, device_id: str, actor: str, action: str, entity: str, entity_id: str, detail: str
) -> str:
    payload = json.dumps(
        [prev_hash, at, device_id, actor, action, entity, entity_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: Database,
    stamp: Stamp,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: dict[str, Any] | None = None,
) -> str:
    """Add one entry chained to the last; returns its hash."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = entry_hash(prev, stamp.now, stamp.device_id, actor, action, entity, entity_id, text)
    db.execute(
        "INSERT INTO audit_log (at, device_id, actor, action, entity, entity_id, detail, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [stamp.now, stamp.device_id, actor, action, entity, entity_id, text, prev, digest],
    )
    return digest


def verify_chain(db: Database) -> tuple[bool, int, str]:
    """(ok, entries checked, problem): walks the chain from the start, stops at the first break."""
    prev = GENESIS
    count = 0
    for seq, at, device, actor, action, entity, entity_id, detail, prev_hash, digest in db.execute(
        "SELECT seq, at, device_id, actor, action, entity, entity_id, detail, prev_hash, hash "
        "FROM audit_log ORDER BY seq"
    ):
        if prev_hash != prev:
            return False, count, f"entry {seq}: previous hash does not match (entry missing?)"
        if entry_hash(prev_hash, at, device, actor, action, entity, entity_id, detail) != digest:
            return False, count, f"entry {seq}: content does not match its hash (edited?)"
        prev = digest
        count += 1
    return True, count, ""


def head(db: Database) -> tuple[int, str]:
    """(seq, hash) of the newest entry, (0, GENESIS) for an empty log: what a record signs so that
    a log deleted or rewritten behind the app's back no longer matches it."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def tail_problem(db: Database) -> str:
    """Why the log's end disagrees with its tally (migration 0009), or "" when it agrees: entries
    cut from the end leave the chain whole but fewer than counted."""
    tally = db.execute("SELECT entries, seq, hash FROM audit_tail WHERE id = 1").fetchone()
    if tally is None:
        return "the audit log's tally is missing"
    entries, seq, digest = int(tally[0]), int(tally[1]), str(tally[2])
    count = int(db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    last_seq, last_hash = head(db)
    if count < entries:
        return f"{entries - count} of {entries} entries are missing (the log should end at entry {seq})"
    if count > entries or (last_seq, last_hash) != (seq, digest):
        return f"the log ends at entry {last_seq}, its tally at entry {seq} ({entries} entries)"
    return ""


def hash_at(db: Database, seq: int) -> str | None:
    """The hash of entry ``seq``, or None when there is no such entry (GENESIS for seq 0)."""
    if seq == 0:
        return GENESIS
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return None if row is None else str(row[0])


def entries_for(db: Database, entity: str, action: str) -> dict[str, list[dict[str, Any]]]:
    """The details of every entry of one action on one entity table, by entity id."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entity_id, detail in db.execute(
        "SELECT entity_id, detail FROM audit_log WHERE entity = ? AND action = ? ORDER BY seq",
        [entity, action],
    ):
        try:
            value = json.loads(detail)
        except ValueError:
            value = {}
        found.setdefault(str(entity_id), []).append(value if isinstance(value, dict) else {})
    return found

"""`inspector-app office conflicts` and `office resolve`: the conflict queue from the command line
(inspector_app.office.conflicts)."""

from __future__ import annotations

import argparse
from typing import Any

from inspector_app.commands.common import emit, fail, fail_validation, open_existing

_REASONS = {  # why a record is in the queue, zh / en
    "different_content": "同一编号内容不同 / same id, other content",
    "superseded_not_current": "更正的不是现行版本 / corrects a record that is no longer current",
}


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        if services.office is None:
            return fail(str(args.db), "not_office")
        queue = services.office.conflict_queue
        rows = queue.list(open_only=not args.all)
        if args.json:
            emit(
                {
                    "conflicts": [
                        {
                            **{k: r[k] for k in _LISTED},
                            "differences": [
                                {"path": d.path, "stored": d.stored, "arriving": d.arriving}
                                for d in queue.detail(r["id"], r["fingerprint"])["differences"]
                            ],
                        }
                        for r in rows
                    ]
                }
            )
            return 0
        if not rows:
            print("没有待处理的冲突 / no open conflicts" if not args.all else "没有冲突 / no conflicts")
        for r in rows:
            state = (
                f"已处理 / resolved {r['resolved_at'][:16]} {r['resolution']}"
                if r["resolved_at"]
                else "待处理 / open"
            )
            print(
                f"{r['record_no']}  {r['id']}  {r['fingerprint'][:16]}  "
                f"{_REASONS.get(r['reason'], r['reason'])}  {r['device_id'][:8]}  "
                f"{r['received_at'][:16]}  {state}"
            )
            if r["note"]:
                print(f"    {r['note']}")
    return 0


_LISTED = (
    "id",
    "fingerprint",
    "record_no",
    "reason",
    "device_id",
    "supersedes",
    "received_at",
    "resolved_at",
    "resolution",
    "note",
    "resolved_by",
)


def cmd_resolve(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed

    with open_existing(args) as services:
        if services.office is None:
            return fail(str(args.db), "not_office")
        queue = services.office.conflict_queue
        try:
            at = queue.resolve(args.record, args.fingerprint, resolution=args.resolution, note=args.note)
        except ValidationFailed as exc:
            return fail_validation(exc)
    if args.json:
        emit(
            {
                "id": args.record,
                "fingerprint": args.fingerprint,
                "resolution": args.resolution,
                "resolved_at": at,
            }
        )
    else:
        print(f"已处理 / resolved: {args.record} ({args.resolution}) {at[:16]}")
    return 0


def register(group: Any, db_option: Any) -> None:
    p = group.add_parser(
        "conflicts", help="the conflict queue: records that arrived with a stored id but other content"
    )
    db_option(p)
    p.add_argument("--all", action="store_true", help="resolved conflicts too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = group.add_parser(
        "resolve", help="resolve a conflict: keep the stored record, or ask for a correction"
    )
    db_option(p)
    p.add_argument("record", metavar="RECORD_ID")
    p.add_argument(
        "--fingerprint", required=True, help="the arriving version's fingerprint (office conflicts)"
    )
    p.add_argument("--resolution", required=True, metavar="|".join(("keep_stored", "correction_requested")))
    p.add_argument("--note", required=True, help="why (kept in the audit log)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_resolve)

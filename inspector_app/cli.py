"""The command line: sub-commands over the same services as the GUI, without importing Qt.

Each command returns an exit code; bad input is a message on stderr (zh / en) and exit 2, never a
traceback. `ui.entry.main` hands every sub-command here; only the GUI itself needs Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector_app import __version__


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from inspector_app.evaluation import evaluate_text
    from inspector_app.messages import bilingual

    try:
        text = _read_input(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        message = bilingual(args.file, "unreadable", {"detail": type(exc).__name__})
        print(
            json.dumps({"error": {"field": "", "code": "unreadable", "message": message}}, ensure_ascii=False)
        )
        return 2
    defaults = None
    if args.db:
        from inspector_app.services import open_services

        with open_services(args.db) as services:
            defaults = services.settings.evaluation_defaults()
    code, out = evaluate_text(text, defaults=defaults)
    print(json.dumps(out, ensure_ascii=False, indent=2 if args.pretty else None))
    return code


def cmd_list(args: argparse.Namespace) -> int:
    from inspector_app.services import open_services

    with open_services(args.db) as services:
        rows = services.inspections.list_rows(limit=args.limit, search=args.search or "")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(
            f"{r['id']}  {r['form_id']:<15} {r['status']:<10} {r['verdict'] or '-':<13} "
            f"{r['started_at'][:10]}  {r['site_name']}"
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from inspector_app.demo import seed_demo
    from inspector_app.services import open_services

    with open_services(args.db) as services:
        counts = seed_demo(services, inspections=args.inspections, seed=args.seed)
    print(json.dumps(counts, ensure_ascii=False))
    return 0


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from inspector_app.selfcheck import run_selfcheck

    report = run_selfcheck(args.db)
    for check in report:
        mark = "OK  " if check.ok else "FAIL"
        print(f"{mark} {check.name}: {check.detail}")
    return 0 if all(c.ok for c in report) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="计量现场检查 / Legal-metrology field inspections. Without a command: the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"inspector-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def db_option(p: argparse.ArgumentParser, required: bool = False) -> None:
        p.add_argument(
            "--db", type=Path, default=None, help="SQLite database (default: the per-user database)"
        )

    p = sub.add_parser("evaluate", help="evaluate one check given as JSON (file or -)")
    p.add_argument("file", help="JSON file, or - for standard input")
    p.add_argument("--pretty", action="store_true", help="indent the JSON output")
    p.add_argument("--db", type=Path, default=None, help="take option defaults from this database's settings")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("list", help="list inspections")
    db_option(p)
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--search", default="", help="full-text search")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("demo", help="seed a realistic demonstration database")
    db_option(p)
    p.add_argument("--inspections", type=int, default=60, help="how many inspections to make")
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("selfcheck", help="check the database, audit chain, forms and fonts")
    db_option(p)
    p.set_defaults(func=cmd_selfcheck)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `inspector-app list | head`
        sys.stderr.close()
        return 0

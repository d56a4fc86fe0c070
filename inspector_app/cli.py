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
        counts = seed_demo(services, inspections=args.inspections, seed=args.seed, sign=not args.no_sign)
    print(json.dumps(counts, ensure_ascii=False))
    return 0


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from inspector_app.selfcheck import run_selfcheck

    report = run_selfcheck(args.db)
    for check in report:
        mark = "OK  " if check.ok else "FAIL"
        print(f"{mark} {check.name}: {check.detail}")
    return 0 if all(c.ok for c in report) else 1


ENV_PASSPHRASE = "INSPECTOR_APP_PASSPHRASE"  # for scripts; otherwise the terminal asks


def _passphrase(confirm: bool = False) -> str:
    import getpass
    import os

    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    first = getpass.getpass("口令 / passphrase: ")
    if confirm and getpass.getpass("再输入一次 / again: ") != first:
        raise SystemExit("口令两次不一致 / the passphrases differ")
    return first


def _fail(field: str, code: str, params: dict[str, object] | None = None) -> int:
    from inspector_app.messages import bilingual

    print(bilingual(field, code, dict(params or {})), file=sys.stderr)
    return 2


def cmd_keys(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed, open_services

    with open_services(args.db) as services:
        if args.action == "create":
            try:
                services.records.create_identity(
                    name=args.name or services.settings.get("inspector_name"),
                    id_number=args.id_number or services.settings.get("inspector_id"),
                    office=args.office or services.settings.get("office"),
                    passphrase=_passphrase(confirm=True),
                )
            except ValidationFailed as exc:
                for e in exc.errors:
                    print(f"{e.message('zh')} / {e.message('en')}", file=sys.stderr)
                return 2
        for row in services.records.identities():
            print(f"{row['cert_sha256'][:16]}  {row['name']}  {row['id_number']}  {row['office']}")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed, open_services

    with open_services(args.db) as services:
        try:
            if args.action == "add":
                services.records.enrol(Path(args.value).read_text(encoding="utf-8"))
            elif args.action == "revoke":
                services.records.revoke(args.value, args.reason)
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(args.value, "unreadable", {"detail": type(exc).__name__})
        except ValidationFailed as exc:
            return _fail(args.value, exc.errors[0].code)
        for row in services.records.trusted():
            state = f"REVOKED {row['revoked_at'][:10]}" if row["revoked_at"] else row["source"]
            print(f"{row['cert_sha256']}  {row['subject']}  {state}")
    return 0


def _find(services: object, ident: str) -> str | None:
    inspections = services.inspections  # type: ignore[attr-defined]
    try:
        return str(inspections.get(ident)["id"])
    except Exception:
        rows = inspections.list_rows(search=ident, limit=5)
        exact = [r for r in rows if r["record_no"] == ident]
        return str(exact[0]["id"]) if exact else None


def cmd_finalise(args: argparse.Namespace) -> int:
    from inspector_app.services import RecordFrozen, ValidationFailed, open_services
    from inspector_app.signing.keys import WrongPassphrase

    with open_services(args.db) as services:
        inspection_id = _find(services, args.id)
        if inspection_id is None:
            return _fail("id", "not_found", {"value": args.id})
        try:
            sealer = services.records.sealer(_passphrase())
            result = services.inspections.finalise(
                inspection_id, sealer=sealer, measures=args.measure or None
            )
        except WrongPassphrase:
            return _fail("passphrase", "wrong_passphrase")
        except ValidationFailed as exc:
            return _fail(exc.errors[0].field, exc.errors[0].code, exc.errors[0].params)
        except RecordFrozen:
            return _fail(args.id, "finalised")
        print(f"{result.inspection_id} {result.verdict} {result.fingerprint}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from inspector_app.services import open_services

    with open_services(args.db) as services:
        if args.all:
            count = services.records.export_all(args.all)
            print(f"{count} PDF → {args.all}")
            return 0
        if not args.id or not args.output:
            return _fail("id", "required")
        inspection_id = _find(services, args.id)
        if inspection_id is None:
            return _fail("id", "not_found", {"value": args.id})
        pdf = services.records.pdf_of(inspection_id)
        if pdf is None:
            return _fail("id", "not_signed", {"value": args.id})
        args.output.write_bytes(pdf)
        print(args.output)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from inspector_app.messages import verification_line
    from inspector_app.services import open_services

    with open_services(args.db) as services:
        if args.qr is not None:
            result = services.records.verify_qr(args.qr if args.qr != "-" else sys.stdin.read())
        else:
            if not args.file:
                return _fail("file", "required")
            try:
                data = Path(args.file).read_bytes()
            except OSError as exc:
                print(verification_line("unreadable", "", "", "", "", "zh") + f" ({exc.strerror})")
                return 2
            result = services.records.verify_pdf(data)
    line_zh = verification_line(
        result.status, result.reason, result.signer, result.date, result.verdict, "zh"
    )
    line_en = verification_line(
        result.status, result.reason, result.signer, result.date, result.verdict, "en"
    )
    print(line_en if args.lang == "en" else line_zh)
    if args.lang == "both":
        print(line_en)
    if result.record_no:
        print(f"record: {result.record_no}")
    return result.exit_code


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
    p.add_argument("--no-sign", action="store_true", help="finalise without keys or PDFs (faster)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("keys", help="inspector key pairs: create one, or list them")
    db_option(p)
    p.add_argument("action", choices=("create", "list"))
    p.add_argument("--name", default="")
    p.add_argument("--id-number", default="")
    p.add_argument("--office", default="")
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("trust", help="the trust store: list, add a certificate, revoke one")
    db_option(p)
    p.add_argument("action", choices=("list", "add", "revoke"))
    p.add_argument("value", nargs="?", default="", help="certificate PEM file, or SHA-256 to revoke")
    p.add_argument("--reason", default="")
    p.set_defaults(func=cmd_trust)

    p = sub.add_parser("finalise", help="freeze, sign and make the PDF of a draft inspection")
    db_option(p)
    p.add_argument("id", help="inspection id or record number")
    p.add_argument("--measure", action="append", help="measure taken (stop_use, seal_up, ...)")
    p.set_defaults(func=cmd_finalise)

    p = sub.add_parser("report", help="export the signed PDF of a record (or of all records)")
    db_option(p)
    p.add_argument("id", nargs="?", help="inspection id or record number")
    p.add_argument("-o", "--output", type=Path, help="PDF file to write")
    p.add_argument("--all", type=Path, metavar="DIR", help="write every signed PDF into DIR")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verify", help="verify a record PDF, or QR text (--qr TEXT, --qr - for stdin)")
    db_option(p)
    p.add_argument("file", nargs="?", help="record PDF")
    p.add_argument("--qr", help="the QR text, as a scanner types it")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    p.set_defaults(func=cmd_verify)

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

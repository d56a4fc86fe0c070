"""The command line: sub-commands over the same services as the GUI, without importing Qt.

Each command returns an exit code; bad input is a message on stderr (zh / en) and exit 2, never a
traceback. `ui.entry.main` hands every sub-command here; only the GUI itself needs Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector_app.services import Services

from inspector_app import __version__
from inspector_app.local_time import local_day

MAX_JSON = 16 * 1024 * 1024  # bytes of one check: a 125-package lot is a few kB


# Commands for a laptop's own records, and office commands that work on a SQLite file that is not
# (yet) an office: the others are refused on the wrong kind of database (`office init` marks an
# office database), rather than answering as if it were the other kind.
LAPTOP_COMMANDS = frozenset({"list", "finalise", "report", "sync"})
OFFICE_WITHOUT_OFFICE = frozenset({"init", "migrate", "consolidate"})


def _open(args: argparse.Namespace) -> AbstractContextManager[Services]:
    """The services over --db (or the per-user database), which must exist: only `demo` and the
    GUI's first start make a new database. A laptop command on an office database, or an office
    command on a laptop database, is refused (exit 2)."""
    from db.office.engine import is_url
    from inspector_app.paths import default_db_path
    from inspector_app.services import open_services

    if args.db is not None and is_url(args.db):
        if getattr(args, "command", "") not in ("office", "verify"):
            raise Refused("--db", "postgresql_office_only", {"value": _safe_url(str(args.db))})
        # As in the office window: this desktop's own tables (a supervisor's key for `office
        # review --by`) stay in its per-user database, when it has one (docs/decisions.md).
        own = default_db_path()
        return open_services(args.db, create=False, local=own if own.is_file() else None)
    return _checked_kind(args, open_services(args.db, create=False))


@contextmanager
def _checked_kind(args: argparse.Namespace, opened: AbstractContextManager[Services]) -> Iterator[Services]:
    with opened as services:
        command = getattr(args, "command", "")
        where = str(services.path or args.db or "")
        if command in LAPTOP_COMMANDS and services.office is not None:
            raise Refused("--db", "office_database", {"value": where, "command": command})
        if (
            command == "office"
            and getattr(args, "office_command", "") not in OFFICE_WITHOUT_OFFICE
            and services.office is None
        ):
            raise Refused("--db", "laptop_database_not_office", {"value": where})
        yield services


def db_argument(value: str) -> Path | str:
    """--db: a SQLite file, or a ``postgresql://`` URL (kept as text: a Path would fold its //)."""
    from db.office.engine import is_url

    return value if is_url(value) else Path(value)


def _safe_url(url: str) -> str:
    """A database URL fit to print: any password replaced by ***."""
    import re

    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _read_capped(source: str | Path, cap: int) -> bytes:
    """The bytes of a file (or standard input for '-'), reading no more than ``cap`` + 1 of them;
    raises Refused when there are more (a device such as /dev/zero never ends), OSError when
    the file cannot be read."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(cap + 1)
    else:
        with open(source, "rb") as handle:
            data = handle.read(cap + 1)
    if len(data) > cap:
        size = f"{cap // (1024 * 1024)} MiB" if cap >= 1024 * 1024 else f"{cap // 1024} KiB"
        raise Refused(str(source), "file_too_large", {"max": size})
    return data


def _why(exc: BaseException) -> str:
    """The reason an OS call failed, in words ('No such file or directory'), not a class name."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _write_file(path: Path, data: bytes) -> None:
    """Write a file whole (a temporary sibling renamed over it); Refused when its folder is missing."""
    import os

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise Refused("-o", "no_folder", {"value": str(folder)})
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise Refused(str(path), "unwritable", {"detail": _why(exc)}) from exc


def cmd_evaluate(args: argparse.Namespace) -> int:
    from inspector_app.evaluation import evaluate_text
    from inspector_app.messages import bilingual

    try:
        text = _read_capped(args.file, MAX_JSON).decode("utf-8")
    except Refused as exc:
        message = bilingual(exc.field, exc.code, exc.params)
        print(json.dumps({"error": {"field": "", "code": exc.code, "message": message}}, ensure_ascii=False))
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        message = bilingual(args.file, "unreadable", {"detail": _why(exc)})
        print(
            json.dumps({"error": {"field": "", "code": "unreadable", "message": message}}, ensure_ascii=False)
        )
        return 2
    defaults = None
    if args.db:
        with _open(args) as services:
            defaults = services.settings.evaluation_defaults()
    code, out = evaluate_text(text, defaults=defaults)
    print(json.dumps(out, ensure_ascii=False, indent=2 if args.pretty else None))
    return code


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as services:
        rows = services.inspections.list_rows(limit=args.limit, search=args.search or "")
        for row in rows:
            if row["status"] in ("approved", "returned"):  # the office's decision and its reason
                found = services.inspections.get(row["id"])
                row["review_comment"] = found["review_comment"]
                row["reviewed_at"] = found["reviewed_at"]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        reason = f"  ← {r['review_comment']}" if r.get("review_comment") else ""
        print(
            f"{r['id']}  {r['form_id']:<15} {r['status']:<10} {r['verdict'] or '-':<13} "
            f"{local_day(r['started_at'])}  {r['site_name']}{reason}"
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from inspector_app.demo import seed_demo
    from inspector_app.paths import default_db_path
    from inspector_app.services import open_services, retire_database

    path = args.db or default_db_path()
    if path.exists():
        if not args.force:
            raise Refused("--db", "database_exists", {"value": str(path)})
        kept = retire_database(path)
        print(f"{path} → {kept}", file=sys.stderr)
    office = args.office
    if office is not None and office.exists():
        if not args.force:
            raise Refused("--office", "database_exists", {"value": str(office)})
        print(f"{office} → {retire_database(office)}", file=sys.stderr)
    if office is not None and args.no_sign:
        raise Refused("--office", "needs_signing")
    with open_services(path, create=True) as services:
        counts: dict[str, object] = dict(
            seed_demo(services, inspections=args.inspections, seed=args.seed, sign=not args.no_sign)
        )
        if office is not None:
            from inspector_app.demo import seed_office

            counts["office"] = seed_office(services, office)
    print(json.dumps(counts, ensure_ascii=False))
    return 0


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from inspector_app.messages import printable
    from inspector_app.paths import default_db_path
    from inspector_app.selfcheck import run_selfcheck
    from inspector_app.services import DatabaseMissing

    path = args.db or default_db_path()
    if not path.is_file():
        raise DatabaseMissing(str(path))
    report = run_selfcheck(path)
    for check in report:
        mark = "OK  " if check.ok else "FAIL"
        print(f"{mark} {check.name}: {check.detail}")
        for problem in check.problems:
            print(f"       {printable(problem)}")
    return 0 if all(c.ok for c in report) else 1


ENV_PASSPHRASE = "INSPECTOR_APP_PASSPHRASE"  # for scripts; otherwise the terminal asks


class Refused(Exception):
    """Input the command cannot take: a field and a message code; `main` prints it, exit 2."""

    def __init__(self, field: str, code: str, params: dict[str, object] | None = None) -> None:
        super().__init__(code)
        self.field = field
        self.code = code
        self.params = dict(params or {})


def _passphrase(confirm: bool = False) -> str:
    """The passphrase from the environment or the terminal; Refused at end of input."""
    import getpass
    import os

    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]

    def ask(prompt: str) -> str:
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        line = sys.stdin.readline()  # piped by a script: one line, no echo to silence
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    try:
        first = ask("口令 / passphrase: ")
        # A script pipes one line (README: "or one line on standard input"); only a person at a
        # terminal, who cannot see what was typed, confirms a new passphrase.
        if confirm and sys.stdin.isatty() and ask("再输入一次 / again: ") != first:
            raise Refused("passphrase", "passphrases_differ")
    except EOFError as exc:
        raise Refused("passphrase", "no_input", {"env": ENV_PASSPHRASE}) from exc
    return first


def _fail(field: str, code: str, params: dict[str, object] | None = None) -> int:
    from inspector_app.messages import bilingual

    print(bilingual(field, code, dict(params or {})), file=sys.stderr)
    return 2


def cmd_keys(args: argparse.Namespace) -> int:
    from inspector_app.messages import printable
    from inspector_app.services import ValidationFailed

    if args.action == "request":
        from inspector_app.commands.keys import cmd_request

        return cmd_request(args)

    with _open(args) as services:
        if args.action == "export-cert":
            try:
                pem = services.records.certificate()
            except ValidationFailed as exc:
                return _fail(exc.errors[0].field, exc.errors[0].code, exc.errors[0].params)
            if args.output:
                _write_file(args.output, pem.encode("ascii"))
                print(args.output)
            else:
                print(pem, end="")
            return 0
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
            print(
                f"{row['cert_sha256'][:16]}  {printable(row['name'])}  {printable(row['id_number'])}  "
                f"{printable(row['office'])}"
            )
    return 0


MAX_CERT_FILE = 64 * 1024  # bytes: a PEM certificate is about 1 kB


def cmd_trust(args: argparse.Namespace) -> int:
    from inspector_app.messages import printable
    from inspector_app.services import ValidationFailed

    with _open(args) as services:
        try:
            if args.action == "add":
                if not args.value:
                    return _fail("file", "required")
                services.records.enrol(_read_capped(args.value, MAX_CERT_FILE).decode("utf-8"))
            elif args.action == "revoke":
                if not args.value:
                    return _fail("fingerprint", "required")
                services.records.revoke(args.value, args.reason)
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(args.value, "unreadable", {"detail": _why(exc)})
        except ValidationFailed as exc:
            error = exc.errors[0]
            return _fail(
                args.value if error.field == "certificate" else error.field, error.code, error.params
            )
        for row in services.records.trusted():
            state = f"REVOKED {row['revoked_at'][:10]}" if row["revoked_at"] else row["source"]
            print(f"{row['cert_sha256']}  {printable(row['subject'])}  {state}")
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
    from inspector_app.services import RecordFrozen, ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    with _open(args) as services:
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
    with _open(args) as services:
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
            if services.inspections.get(inspection_id)["status"] == "draft":
                return _fail("id", "draft_not_finalised", {"value": args.id})
            return _fail("id", "not_signed", {"value": args.id})
        _write_file(args.output, pdf)
        print(args.output)
    return 0


def _is_zip(source: str) -> bool:
    """A bundle (zip) rather than a PDF: its first bytes say so."""
    if source == "-":
        return False
    try:
        with open(source, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def cmd_verify(args: argparse.Namespace) -> int:
    from inspector_app.messages import verification_line

    with _open(args) as services:
        if args.qr is not None:
            result = services.records.verify_qr(args.qr if args.qr != "-" else sys.stdin.read())
        else:
            if not args.file:
                return _fail("file", "required")
            if _is_zip(args.file):
                from inspector_app.commands.sync import verify_bundle

                return verify_bundle(services, Path(args.file), args.lang)
            result = services.records.verify_file(args.file)
    line_zh, line_en = (
        verification_line(
            result.status,
            result.reason,
            result.signer,
            result.date,
            result.verdict,
            lang,
            details=result.details,
        )
        for lang in ("zh", "en")
    )
    detail = f" ({result.details['detail']})" if result.details.get("detail") else ""
    print((line_en if args.lang == "en" else line_zh) + detail)
    if args.lang == "both":
        print(line_en + detail)
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
            "--db",
            type=db_argument,
            default=None,
            help="SQLite database (default: the per-user database); office commands also take "
            "postgresql://USER@HOST/DBNAME",
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
    p.add_argument(
        "--force", action="store_true", help="replace an existing database (a copy is kept in its backups)"
    )
    p.add_argument("--no-sign", action="store_true", help="finalise without keys or PDFs (faster)")
    p.add_argument(
        "--office",
        type=Path,
        metavar="OFFICE",
        help="also make a matching office database (root, enrolled inspectors, a first import and package)",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "keys",
        help="inspector key pairs: create one, list them, export the certificate, or write a key's "
        "enrolment request for the office",
    )
    db_option(p)
    p.add_argument("action", choices=("create", "list", "export-cert", "request"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="export-cert: PEM file to write (default: stdout); request: the .csr file to write",
    )
    p.add_argument("--name", default="", help="create: the inspector's name; request: which key")
    p.add_argument("--id-number", default="")
    p.add_argument("--office", default="")
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("trust", help="the trust store: list, add a certificate, revoke one")
    db_option(p)
    p.set_defaults(func=cmd_trust, action="list", value="", reason="")
    trust = p.add_subparsers(dest="action", metavar="ACTION")
    q = trust.add_parser("list", help="enrolled certificates and their state")
    q.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database")
    q = trust.add_parser("add", help="enrol a certificate (PEM file, ECDSA P-256, within its validity)")
    q.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database")
    q.add_argument("value", metavar="FILE", help="certificate PEM file")
    q = trust.add_parser("revoke", help="revoke an enrolled certificate")
    q.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database")
    q.add_argument(
        "value", metavar="SHA256", help="its SHA-256 fingerprint, or 16 or more leading hex digits"
    )
    q.add_argument("--reason", default="")

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

    p = sub.add_parser(
        "verify", help="verify a record PDF, a bundle (each record), or QR text (--qr TEXT, --qr - for stdin)"
    )
    db_option(p)
    p.add_argument("file", nargs="?", help="record PDF, or a bundle (.zip)")
    p.add_argument("--qr", help="the QR text, as a scanner types it")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("selfcheck", help="check the database, audit chain, forms and fonts")
    db_option(p)
    p.set_defaults(func=cmd_selfcheck)

    from inspector_app.commands import office, sync

    office.register(sub, db_option)
    sync.register(sub, db_option)
    return parser


EXIT_INTERNAL = 70  # EX_SOFTWARE: a fault of ours, not of the input (never 0, 1 or 2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command. Whatever happens, the user reads a sentence, never a traceback:
    refused input exits 2, a locked or missing database is named, and an internal fault is
    written to a file whose path is printed (exit 70)."""
    import sqlite3

    from db.connection import is_busy, lock_holders
    from inspector_app.services import DatabaseMissing, StoreBusy

    for stream in (sys.stdout, sys.stderr):  # a name that cannot be encoded is escaped, not fatal
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except Refused as exc:
        return _fail(exc.field, exc.code, exc.params)
    except DatabaseMissing as exc:
        return _fail("--db", "no_database", {"value": exc.path})
    except StoreBusy as exc:
        return _fail("--db", "database_busy", {"value": exc.path, "holders": _holders(exc.holders)})
    except sqlite3.OperationalError as exc:
        if not is_busy(exc):
            return _internal(exc)
        path = str(getattr(args, "db", None) or "")
        return _fail("--db", "database_busy", {"value": path, "holders": _holders(lock_holders(path))})
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if type(exc).__module__.startswith("psycopg") and type(exc).__name__ == "OperationalError":
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            value = _safe_url(str(getattr(args, "db", "")))
            return _fail("--db", "server_unreachable", {"value": value, "detail": detail})
        if isinstance(exc, BrokenPipeError):  # `inspector-app list | head`
            sys.stderr.close()
            return 0
        return _internal(exc)


def _holders(holders: list[str]) -> str:
    return ", ".join(holders) if holders else "?"


def _internal(exc: BaseException) -> int:
    """Keep the traceback in a file for the developers; tell the user one sentence and where."""
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(exc))
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="inspector-app-error-", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(details)
        where = handle.name
    except OSError:
        where = "-"
    print(
        f"内部错误（{type(exc).__name__}），详情见 {where} / internal error ({type(exc).__name__}); "
        f"details in {where}",
        file=sys.stderr,
    )
    return EXIT_INTERNAL

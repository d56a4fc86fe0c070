"""`inspector-app office …`: the office's commands (init, enrol, revoke, status)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector_app.commands.common import (
    emit,
    fail,
    fail_validation,
    grouped,
    open_existing,
    passphrase,
    write_file,
)


def _office(services: Any) -> Any:
    if services.office is None:
        return None
    return services.office


def cmd_init(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed, create_office, open_services

    with open_services(args.db, create=True) as services:
        try:
            office = create_office(services, name=args.name, passphrase=passphrase(confirm=True))
        except ValidationFailed as exc:
            return fail_validation(exc)
        info = office.info()
    if args.json:
        emit({"office": info["name"], "root_sha256": info["root_sha256"], "trust_list_version": 1})
    else:
        print(f"机构 / office: {info['name']}")
        print(f"根证书指纹 / root fingerprint (SHA-256): {grouped(info['root_sha256'])}")
        print("请将此指纹告知各笔记本 / tell every laptop this fingerprint")
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        requests = []
        for path in args.requests:
            try:
                requests.append(office.read_request(Path(path).read_bytes()))
            except OSError as exc:
                return fail(path, "unreadable", {"detail": exc.strerror or type(exc).__name__})
            except ValidationFailed as exc:
                return fail(path, exc.errors[0].code)
        try:
            root = office.unlock(passphrase())
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")
        issued = []
        for request in requests:
            try:
                issued.append(office.enrol(request, role=args.role, root=root))
            except ValidationFailed as exc:
                return fail_validation(exc)
    if args.output and issued:
        write_file(args.output, "".join(i.pem for i in issued).encode("ascii"))
    if args.json:
        emit(
            {
                "enrolled": [
                    {
                        "cert_sha256": i.cert_sha256,
                        "subject": i.subject,
                        "role": i.role,
                        "device_id": i.device_id,
                        "not_after": i.not_after,
                        "new": i.new,
                    }
                    for i in issued
                ],
                "trust_list_version": max(i.trust_list_version for i in issued),
            }
        )
    else:
        for i in issued:
            state = "已登记 / enrolled" if i.new else "早已登记 / already enrolled"
            print(f"{state}: {i.subject} ({i.role}) {grouped(i.cert_sha256)[:39]}… → {i.not_after[:10]}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        try:
            version = office.revoke(args.certificate, reason=args.reason, root=office.unlock(passphrase()))
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")
        except ValidationFailed as exc:
            return fail_validation(exc)
    if args.json:
        emit({"revoked": args.certificate, "trust_list_version": version})
    else:
        print(f"已吊销 / revoked: {args.certificate}; 信任列表 / trust list v{version}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0: every bundle accepted; 1: any refused (nothing of it stored); 2: any unreadable."""
    from inspector_app.sync.refusals import describe

    said: set[str] = set()

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "wait" and "wait" not in said:  # said once, however long the wait
            said.add("wait")
            print("等待另一导入写完 / waiting for another import to finish", file=sys.stderr, flush=True)
        elif done == 0 and phase != "wait":
            words = "正在核验并写入 / verifying and writing" if phase == "write" else "正在核验 / verifying"
            print(
                f"{words} {total}",
                file=sys.stderr,
                flush=True,
            )

    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        paths = _bundle_paths(args.bundles)
        results = office.import_bundles(paths, progress=progress)
    refused = [r for r in results if r.status != "accepted"]
    if args.json:
        emit(
            {
                "imported": sum(r.imported for r in results),
                "duplicates": sum(r.duplicates for r in results),
                "conflicts": sum(r.conflicts for r in results),
                "refused": [{"bundle": r.bundle, "member": r.member, "reason": r.reason} for r in refused],
                "bundles": [
                    {
                        "bundle": r.bundle,
                        "status": r.status,
                        "device_id": r.device_id,
                        "seq": r.seq,
                        "records": r.records,
                        "imported": r.imported,
                        "duplicates": r.duplicates,
                        "conflicts": r.conflicts,
                        "requests": r.requests,
                        "gaps": r.gaps,
                        "warnings": r.warnings,
                    }
                    for r in results
                ],
            }
        )
    else:
        for r in results:
            if r.status == "accepted":
                line = (
                    f"接收 / accepted: {r.bundle}  新 {r.imported} / 重复 {r.duplicates} / 冲突 {r.conflicts}"
                )
                print(line + (f"  缺号 / missing seq: {r.gaps}" if r.gaps else ""))
            else:
                where = f"{r.member}: " if r.member else ""
                head = "无法读取 / unreadable" if r.status == "unreadable" else "拒收 / refused"
                # Refused whole: after "writing N" on stderr, say that none of it was stored.
                print(f"{head}: {r.bundle}: {where}{describe(r.reason, r.params, 'zh')}（未写入任何记录）")
                print(f"    {where}{describe(r.reason, r.params, 'en')} (nothing was stored)")
    if any(r.status == "unreadable" for r in results):
        return 2
    return 1 if refused else 0


def _bundle_paths(given: list[str]) -> list[Path]:
    """Files as given; a folder stands for the .zip files in it, in name order."""
    paths: list[Path] = []
    for item in given:
        path = Path(item)
        paths.extend(sorted(path.glob("*.zip")) if path.is_dir() else [path])
    return paths


def _scan_paths(given: list[str]) -> list[Path]:
    """Files as given; a folder stands for the PDF, PNG and JPEG files in it, in name order."""
    suffixes = {".pdf", ".png", ".jpg", ".jpeg"}
    paths: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes and p.is_file()))
        else:
            paths.append(path)
    return paths


DATA_STATES = {
    "arrived": ("数据已到", "data arrived"),
    "conflict": ("数据在冲突队列", "data in the conflict queue"),
    "differs": ("收到的同号记录内容不同", "a record of this number arrived with other content"),
    "pending": ("数据未到", "data awaited"),
    "overdue": ("逾期未到", "data overdue"),
}
RECORD_STATES = {
    "imported": ("导入", "imported"),
    "duplicate": ("已有", "duplicate"),
    "conflict": ("冲突（留待审核）", "conflict (kept for review)"),
    "incomplete": ("不全", "incomplete"),
    "refused": ("拒收", "refused"),
}


def _reason_params(item: Any) -> dict[str, Any]:
    params = dict(item.params)
    if "missing" in params:
        params["missing"] = ", ".join(str(n) for n in params["missing"])
    return params


def _scan_report(result: Any, as_json: bool) -> int:
    from inspector_app.sync.refusals import describe

    if as_json:
        emit(
            {
                "imported": result.count("imported"),
                "duplicates": result.count("duplicate"),
                "conflicts": result.count("conflict"),
                "incomplete": result.count("incomplete"),
                "refused": result.count("refused"),
                "cancelled": result.cancelled,
                "other_codes": result.other_codes,
                "records": [
                    {
                        "record_no": r.record_no,
                        "key": r.key,
                        "status": r.status,
                        "record_id": r.record_id,
                        "fingerprint": r.fingerprint,
                        "pieces": r.pieces,
                        "total": r.total,
                        "missing": r.missing,
                        "reason": r.reason,
                        "params": r.params,
                        "sources": r.sources,
                    }
                    for r in result.records
                ],
                "known_from_paper": [
                    {
                        "record_no": k.record_no,
                        "status": k.status,
                        "fingerprint": k.fingerprint,
                        "date": k.date,
                        "verdict": k.verdict,
                        "form": k.form,
                        "signer": k.signer,
                        "data": k.data,
                        "new": k.new,
                        "reason": k.reason,
                        "sources": k.sources,
                    }
                    for k in result.known
                ],
                "files": [
                    {
                        "file": f.path,
                        "pages": f.pages,
                        "codes": f.codes,
                        "reason": f.reason,
                        "params": f.params,
                    }
                    for f in result.files
                ],
            }
        )
        return int(result.exit_code)
    for f in result.files:
        if f.reason:
            print(f"无法读取 / unreadable: {f.path}: {describe(f.reason, f.params, 'zh')}")
            print(f"    {describe(f.reason, f.params, 'en')}")
    for r in result.records:
        zh, en = RECORD_STATES[r.status]
        line = f"{zh} / {en}: {r.record_no or r.key}  ({r.pieces}/{r.total}) ← {', '.join(r.sources)}"
        print(line)
        if r.reason:
            params = _reason_params(r)
            print(f"    {describe(r.reason, params, 'zh')} / {describe(r.reason, params, 'en')}")
    for k in result.known:
        if k.status == "known":
            zh, en = DATA_STATES.get(k.data, ("", k.data))
            print(f"纸质登记 / known from paper: {k.record_no} {k.date} {k.verdict} — {zh} / {en}")
        else:
            params = _reason_params(k)
            print(
                f"摘要拒收 / summary refused: {k.record_no}: "
                f"{describe(k.reason, params, 'zh')} / {describe(k.reason, params, 'en')}"
            )
    if result.cancelled:
        print(f"{describe('cancelled', {}, 'zh')} / {describe('cancelled', {}, 'en')}")
    elif not (result.records or result.known) and not any(f.reason for f in result.files):
        print("未找到本软件的二维码 / no QR code of this app found", file=sys.stderr)
    return int(result.exit_code)


def cmd_import_scan(args: argparse.Namespace) -> int:
    """Exit 0: every record found stored or held already; 1: a record incomplete or refused (or
    none found); 2: a file unreadable."""

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "read" and (done == 0 or done == total):
            print(f"读取页面 / reading pages: {done}/{total}", file=sys.stderr, flush=True)

    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        result = office.paper.import_scans(_scan_paths(args.files), dpi=args.dpi, progress=progress)
        return _scan_report(result, args.json)


def cmd_scan(args: argparse.Namespace) -> int:
    """Exit 0: every text taken; 1: a summary or record refused, or a record incomplete."""
    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        result = office.paper.scan_texts(args.qr, source="cli")
        return _scan_report(result, args.json)


def cmd_paper(args: argparse.Namespace) -> int:
    """Records known from paper and what became of their data; exit 1 when any is overdue."""
    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        rows = office.paper.known(status=args.status)
        counts = office.paper.counts()
        awaited = office.paper.awaited()
    keep = ("record_no", "inspected_on", "form_id", "site_code", "item", "verdict", "figures", "signer")
    if args.json:
        emit(
            {
                "counts": counts,
                "awaited": awaited,  # what the statistics add, marked, by procedure and verdict
                "records": [
                    {**{k: r[k] for k in keep}, "status": r["status"], "fingerprint": r["fingerprint"]}
                    for r in rows
                ],
            }
        )
    else:
        for r in rows:
            zh, en = DATA_STATES.get(r["status"], ("", r["status"]))
            print(f"{r['record_no']}  {r['inspected_on']}  {r['form_id']}  {r['verdict']}  {zh} / {en}")
        print(" ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if counts.get("overdue") else 0


def cmd_package(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        try:
            root = office.unlock(passphrase())
            made = office.make_package(args.device, args.output, root=root)
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")
        except ValidationFailed as exc:
            return fail_validation(exc)
    path = made["package"]
    if args.json:
        emit({**made, "package": str(path)})
    else:
        print(
            f"{path}  (第 {made['number']} 号 / number {made['number']}; 信任列表 / trust list "
            f"v{made['trust_list_version']}; 任务 / tasks {made['tasks']}; 审核决定 / decisions "
            f"{made['decisions']}; 已确认 / acknowledged seq {made['acknowledged_seq']})"
        )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        office = _office(services)
        if office is None:
            return fail(str(args.db), "not_office")
        info = office.info()
        info["devices"] = office.devices()
        info["certificates"] = [
            {k: c[k] for k in ("cert_sha256", "subject", "role", "device_id", "not_after", "revoked_at")}
            for c in office.certificates()
        ]
    if args.json:
        emit(info)
    else:
        print(f"{info['name']}  root {grouped(info['root_sha256'])}")
        print(f"trust list v{info['trust_list_version']} → {info['trust_list_expires_at'][:10]}")
        for c in info["certificates"]:
            state = f"REVOKED {c['revoked_at'][:10]}" if c["revoked_at"] else c["not_after"][:10]
            print(f"  {c['cert_sha256'][:16]}  {c['subject']}  {c['role']}  {state}")
    return 0


def _postgres_url(args: argparse.Namespace) -> str | None:
    from db.office.engine import is_url

    return str(args.db) if args.db is not None and is_url(args.db) else None


def cmd_migrate(args: argparse.Namespace) -> int:
    """Exit 0: the schema is current (what was applied is listed); 2: --db is not PostgreSQL."""
    from inspector_app.office import consolidation

    url = _postgres_url(args)
    if url is None:
        return fail("--db", "postgresql_required", {"value": str(args.db or "")})
    done = consolidation.migrate(url)
    if args.json:
        emit(done)
    else:
        for name in done["applied"]:
            print(f"已应用 / applied: {name}")
        print(f"数据库结构为最新 / schema is current ({done['migrations'][-1]})")
    if "collation_not_c" in done["warnings"]:
        print(
            f"注意：数据库的排序规则是 {done['collation']}，不是 C：列表的排序与 SQLite 机构库不同，"
            "导入也更慢。请按 docs/postgresql.md 用 --locale C 新建数据库。\n"
            f"note: the database's collation is {done['collation']}, not C: lists sort otherwise than "
            "on a SQLite office and imports are slower; create it with --locale C (docs/postgresql.md).",
            file=sys.stderr,
        )
    return 0


def cmd_consolidate(args: argparse.Namespace) -> int:
    """Exit 0: copied (or nothing new); 2: refused (not an office, not PostgreSQL, no such file)."""
    from inspector_app.office import consolidation
    from inspector_app.services import ValidationFailed
    from inspector_app.services.errors import DatabaseMissing

    url = _postgres_url(args)
    if url is None:
        return fail("--db", "postgresql_required", {"value": str(args.db or "")})
    try:
        done = consolidation.consolidate(args.source, url, clock=_utc_now)
    except DatabaseMissing:
        return fail("--from", "no_database", {"value": str(args.source)})
    except ValidationFailed as exc:
        return fail_validation(exc)
    if args.json:
        emit(done)
    else:
        new = {k: v for k, v in done["added"].items() if v}
        print(f"{done['office']} → {url.split('@')[-1]}")
        print("新增 / added: " + (", ".join(f"{k} {v}" for k, v in new.items()) or "无 / nothing"))
        print(f"记录总数 / records: {done['records']}")
    return 0


def _utc_now() -> str:
    from db.connection import Stamp

    return Stamp.utc_now()


def register(sub: Any, db_option: Any) -> None:
    office = sub.add_parser("office", help="the office: init, enrol, revoke, import, package, status")
    group = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)

    p = group.add_parser("init", help="make this database an office: root key, certificate, trust list")
    db_option(p)
    p.add_argument("--name", required=True, help="the office, e.g. 重庆市渝中区市场监督管理局")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_init)

    p = group.add_parser("enrol", help="issue certificates for enrolment requests (.csr)")
    db_option(p)
    p.add_argument("requests", nargs="+", metavar="REQ.csr")
    p.add_argument("--role", choices=("inspector", "supervisor"), default="inspector")
    p.add_argument("-o", "--output", type=Path, help="also write the issued certificate(s) as PEM")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_enrol)

    p = group.add_parser("revoke", help="revoke an issued certificate (from now) in the next trust list")
    db_option(p)
    p.add_argument("certificate", help="the certificate's SHA-256")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_revoke)

    p = group.add_parser("import", help="import bundles (files, or folders of .zip files)")
    db_option(p)
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = group.add_parser(
        "import-scan", help="import records from scanned pages or photos of their sync codes (PDF, PNG, JPEG)"
    )
    db_option(p)
    p.add_argument("files", nargs="+", metavar="FILE", help="files, or folders of PDF/PNG/JPEG files")
    p.add_argument("--dpi", type=int, default=200, choices=(150, 200, 300), help="render PDF pages at")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_scan)

    p = group.add_parser("scan", help="take QR texts as a USB scanner types them (summaries, sync codes)")
    db_option(p)
    p.add_argument("--qr", action="append", required=True, metavar="TEXT", help="a QR text (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scan)

    p = group.add_parser("paper", help="records known from paper and whether their data has arrived")
    db_option(p)
    p.add_argument(
        "--status", choices=("", "pending", "overdue", "differs", "conflict", "arrived"), default=""
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_paper)

    p = group.add_parser(
        "package", help="write a device's return package (trust list, tasks, decisions, acks)"
    )
    db_option(p)
    p.add_argument("--device", required=True, metavar="DEVICE_ID")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.zip", help="file (or folder) to write"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_package)

    p = group.add_parser("migrate", help="create or update the office tables of a PostgreSQL database")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_migrate)

    p = group.add_parser(
        "consolidate", help="copy a district office's SQLite database into a PostgreSQL one (idempotent)"
    )
    db_option(p)
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="OFFICE.sqlite")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_consolidate)

    from inspector_app.commands import office_work

    office_work.register(group, db_option)

    p = group.add_parser("status", help="the office, its trust list, certificates and devices")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    from inspector_app.commands import conflicts

    conflicts.register(group, db_option)

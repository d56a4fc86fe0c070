"""`inspector-app office …`: the office's commands (init, enrol, revoke, status)."""

from __future__ import annotations

import argparse
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
    import sys

    from inspector_app.sync.refusals import describe

    def progress(phase: str, done: int, total: int) -> None:
        if done == 0:
            print(
                f"{'正在写入 / writing' if phase == 'write' else '正在核验 / verifying'} {total}",
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
                print(f"拒收 / refused: {r.bundle}: {where}{describe(r.reason, r.params, 'zh')}")
                print(f"    {where}{describe(r.reason, r.params, 'en')}")
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
        "package", help="write a device's return package (trust list, tasks, decisions, acks)"
    )
    db_option(p)
    p.add_argument("--device", required=True, metavar="DEVICE_ID")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.zip", help="file (or folder) to write"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_package)

    from inspector_app.commands import office_work

    office_work.register(group, db_option)

    p = group.add_parser("status", help="the office, its trust list, certificates and devices")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

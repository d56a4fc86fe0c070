"""`inspector-app sync …` on a laptop (status, export, import) and `verify BUNDLE.zip`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector_app.commands.common import emit, fail, fail_validation, open_existing, passphrase


def cmd_status(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        status = services.sync.status()
    if args.json:
        emit(status)
        return 0
    print(f"设备 / device: {status['device_id']}")
    print(f"待发送 / pending: {status['pending']}  (未签名 / unsigned: {status['unsigned']})")
    print(f"最近导出 / last seq: {status['last_seq']}  已确认 / acknowledged: {status['acknowledged_seq']}")
    office = status["office"]
    print(f"检查机构 / office: {office['name'] if office else '—'}")
    listed = status["trust_list"]
    if listed:
        print(f"信任列表 / trust list v{listed['version']} → {listed['expires_at'][:10]}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    with open_existing(args) as services:
        try:
            done = services.sync.export(args.output, passphrase(), full=args.all)
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")
        except ValidationFailed as exc:
            return fail_validation(exc)
        except OSError as exc:
            return fail(str(args.output), "unwritable", {"detail": exc.strerror or type(exc).__name__})
        enrolled = services.sync.status()["enrolled"]
    if not enrolled and done.path is not None:
        print(
            "注意：本机密钥尚未登记，检查机构会拒收此包（inspector-app keys request）/ "
            "note: this laptop's key is not enrolled yet; the office will refuse the bundle "
            "(inspector-app keys request)",
            file=sys.stderr,
        )
    if args.json:
        emit(
            {
                "bundle": str(done.path) if done.path else None,
                "records": done.records,
                "requests": done.requests,
                "seq": done.seq,
            }
        )
    elif done.path is None:
        print("没有待发送的记录 / nothing to export")
    else:
        print(f"{done.path}  ({done.records} 条记录 / records)")
    return 0


def verify_bundle(services: Any, path: Path, lang: str) -> int:
    """`verify BUNDLE.zip`: the bundle's verdict, then one line per record; exit 0/1/2."""
    from inspector_app.messages import verification_line
    from inspector_app.sync.refusals import Refused, describe

    langs = ("zh", "en") if lang == "both" else (lang,)
    try:
        checked = services.sync.verify_bundle(path)
    except Refused as exc:
        for code in langs:
            head = {("zh", True): "无法读取", ("zh", False): "拒收", ("en", True): "unreadable"}.get(
                (code, exc.unreadable), "refused"
            )
            where = f"{exc.member}: " if exc.member else ""
            print(f"{head}: {where}{describe(exc.reason, exc.params, code)}")
        return 2 if exc.unreadable else 1
    m, trust = checked.manifest, checked.signer_trust
    status = {"unknown": "unknown_signer", "expired": "unknown_signer"}.get(trust.status, trust.status)
    reason = {"unknown": "signer_not_enrolled", "revoked": "signer_revoked", "expired": "signer_expired"}
    for code in langs:
        name = ("同步包" if code == "zh" else "bundle") + f" {m['device_id']}-{m['seq']}"
        if trust.ok:
            print(f"{name}: " + ("签名有效" if code == "zh" else "signature valid") + f" ({trust.subject})")
        else:
            print(f"{name}: " + verification_line(status, reason[trust.status], trust.subject, "", "", code))
    for c in checked.checks:
        for code in langs:
            print(
                f"{c.record_no}  " + verification_line(c.status, c.reason, c.signer, c.date, c.verdict, code)
            )
    return 0 if trust.ok and all(c.status == "valid" for c in checked.checks) else 1


def register(sub: Any, db_option: Any) -> None:
    sync = sub.add_parser("sync", help="laptop ↔ office by file: status, export a bundle, import a package")
    group = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    p = group.add_parser("status", help="pending records, last export, acknowledgement, trust list")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = group.add_parser("export", help="write DIR/<device>-<seq>.zip with every record not yet acknowledged")
    db_option(p)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="folder (e.g. a USB stick)"
    )
    p.add_argument("--all", action="store_true", help="every signed record, acknowledged or not")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

    p = group.add_parser("import", help="apply a return package from the office")
    db_option(p)
    p.add_argument("package", type=Path, metavar="FILE.zip")
    p.add_argument(
        "--office-fingerprint",
        metavar="HEX",
        help="first package only: the office's root fingerprint as announced (at least 16 characters)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Apply a return package: exit 0 applied (or already applied), 1 refused, 2 unreadable."""
    from inspector_app.sync.refusals import Refused, describe

    with open_existing(args) as services:
        try:
            done = services.sync.apply_package(args.package, accept_root=args.office_fingerprint)
        except Refused as exc:
            if args.json:
                emit({"applied": False, "member": exc.member, "reason": exc.reason, "params": exc.params})
            else:
                where = f"{exc.member}: " if exc.member else ""
                head = "无法读取 / unreadable" if exc.unreadable else "拒收 / refused"
                print(f"{head}: {args.package}", file=sys.stderr)
                for lang in ("zh", "en"):
                    print(f"    {where}{describe(exc.reason, exc.params, lang)}", file=sys.stderr)
                if exc.reason == "office_unconfirmed":
                    print(
                        "    inspector-app sync import --office-fingerprint <根证书指纹 / root fingerprint> "
                        f"{args.package}",
                        file=sys.stderr,
                    )
            return 2 if exc.unreadable else 1
    summary = {
        "applied": not done.already_applied,
        "already_applied": done.already_applied,
        "number": done.number,
        "office": done.office,
        "trust_list_version": done.trust_list.version,
        "trust_list_expires_at": done.trust_list.expires_at,
        "acknowledged_seq": done.acknowledged_seq,
        "tasks": len(done.tasks),
        "decisions": len(done.decisions),
        "references": len(done.references),
        "warnings": done.warnings,
    }
    if args.json:
        emit(summary)
    elif done.already_applied:
        print(
            f"回传包 {done.number} 已应用过，无变化 / "
            f"package {done.number} was already applied; nothing changed"
        )
    else:
        print(
            f"已应用回传包 / applied package {done.number}: 信任列表 / trust list v{done.trust_list.version} "
            f"→ {done.trust_list.expires_at[:10]}; 任务 / tasks {len(done.tasks)}; "
            f"审核决定 / decisions {len(done.decisions)}; 已确认 / acknowledged seq {done.acknowledged_seq}"
        )
    if "trust_list_expires_soon" in done.warnings:
        print(
            f"注意：信任列表将于 {done.trust_list.expires_at[:10]} 过期 / note: the trust list expires on "
            f"{done.trust_list.expires_at[:10]}",
            file=sys.stderr,
        )
    return 0

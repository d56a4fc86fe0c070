"""`inspector-app office …` for the office at work: review, sites, inspectors, draw, stats, credit,
entity, publish. Thin: each command reads its arguments, calls one service (the same the office
pages call) and prints the result — one JSON object with ``--json``, bilingual text otherwise.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.commands.common import emit, fail, fail_validation, open_existing, passphrase, write_file


def guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Refused input (ValidationFailed, a wrong passphrase) is a sentence and exit 2."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from inspector_app.services import ValidationFailed
        from inspector_app.signing.keys import WrongPassphrase

        try:
            return command(args)
        except ValidationFailed as exc:
            return fail_validation(exc)
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")

    return run


def _office(services: Any) -> Any:
    from inspector_app.services import FieldError, ValidationFailed

    if services.office is None:
        raise ValidationFailed([FieldError("--db", "not_office", {})])
    return services.office


def _filters(args: argparse.Namespace) -> dict[str, str]:
    names = {
        "date_from": "date_from",
        "date_to": "date_to",
        "form": "form_id",
        "district": "district",
        "inspector": "inspector",
        "verdict": "verdict",
        "status": "status",
        "search": "search",
    }
    return {key: getattr(args, attr) for attr, key in names.items() if getattr(args, attr, None)}


# -- review ------------------------------------------------------------------------------------
@guarded
def cmd_records(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        review = _office(services).review
        filters = _filters(args)
        total = review.count(filters)
        rows = review.page(filters, offset=0, limit=args.limit)
    keep = (
        "id",
        "record_no",
        "form_id",
        "verdict",
        "failed",
        "site_code",
        "site_name",
        "district",
        "inspector",
        "inspected_on",
        "review_status",
        "review_reason",
        "loop",
        "corrected_by",
        "supersedes",
    )
    if args.json:
        emit({"total": total, "records": [{k: r[k] for k in keep} for r in rows]})
        return 0
    for r in rows:
        print(
            f"{r['id']}  {r['record_no']:<20} {r['inspected_on']}  {r['form_id']:<15} {r['verdict']:<12} "
            f"{r['loop']:<13} {r['site_name']}"
        )
    print(f"({len(rows)} / {total})")
    return 0


def _supervisor_key(services: Any, name: str) -> Any:
    from inspector_app.services import FieldError, ValidationFailed

    matches = [i for i in services.records.identities() if i["name"] == name]
    if not matches and services.office_url:  # the server keeps no private key: this desktop does
        where = str(services.path) if services.path else "—"
        raise ValidationFailed([FieldError("--by", "no_identity_on_desktop", {"value": name, "path": where})])
    if not matches:
        raise ValidationFailed([FieldError("--by", "no_identity_named", {"value": name})])
    if len(matches) > 1:
        raise ValidationFailed([FieldError("--by", "ambiguous", {"value": name})])
    return services.records.sealer(passphrase(), matches[0]["id"]).key


@guarded
def cmd_review(args: argparse.Namespace) -> int:
    """Exit 0: decided (it travels in the device's next package); 2: refused."""
    from inspector_app.services import FieldError, ValidationFailed

    decision = "approved" if args.approve else "returned"
    reason = (args.reason or "") if args.approve else args.return_reason
    with open_existing(args) as services:
        review = _office(services).review
        record_id = _review_record(review, args.record)  # refused before the passphrase is asked
        earlier = review.detail(record_id)["review_status"]
        if earlier in ("approved", "returned") and earlier != decision:
            # A decision replacing the other one is said so, and why (signed with it).
            (was_zh, was_en), (now_zh, now_en) = _DECIDED[earlier], _DECIDED[decision]
            params = {
                "value": args.record,
                "was_zh": was_zh,
                "was_en": was_en,
                "now_zh": now_zh,
                "now_en": now_en,
            }
            if not args.reverse:
                raise ValidationFailed([FieldError("record", "decision_reversal", params)])
            if not reason.strip():
                raise ValidationFailed([FieldError("--reason", "reversal_reason", params)])
        made = review.decide(
            record_id, decision=decision, reason=reason, key=_supervisor_key(services, args.by)
        )
    if args.json:
        emit({**made, "supervisor": args.by})
    else:
        word = "已通过 / approved" if decision == "approved" else f"已退回 / returned: {reason}"
        print(
            f"{made['record_no']}  {word}  "
            f"(随下一个回传包送达 / travels in the next package for {made['device_id']})"
        )
    return 0


_DECIDED = {"approved": ("通过", "approved"), "returned": ("退回", "returned")}


def _review_record(review: Any, given: str) -> str:
    """The record id of ``given``: an id, or a record number (as `verify` and `report` take);
    ValidationFailed when it names none, or records of more than one device."""
    from inspector_app.services import FieldError, ValidationFailed

    try:
        return str(review.detail(given)["id"])
    except ValidationFailed:
        pass
    found: dict[str, str] = {}
    for status in ("", "corrected"):
        filters = {"search": given, **({"status": status} if status else {})}
        for row in review.page(filters, limit=50):
            if row["record_no"] == given:
                found[str(row["id"])] = str(row["device_id"])
    if not found:
        raise ValidationFailed([FieldError("record", "not_found", {"value": given})])
    if len(found) > 1:
        devices = ", ".join(sorted(found.values()))
        raise ValidationFailed(
            [FieldError("record", "ambiguous_record_no", {"value": given, "devices": devices})]
        )
    return next(iter(found))


# -- directories ----------------------------------------------------------------------------------
@guarded
def cmd_sites_import(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        done = _office(services).directories.import_sites(Path(args.file))
    if args.json:
        emit(done)
    else:
        print(
            f"{done['file']}: {done['rows']} 户 / rows — "
            f"新增 added {done['added']}, 更新 updated {done['updated']}"
        )
    return 0


@guarded
def cmd_sites_list(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        directories = _office(services).directories
        rows = directories.sites(search=args.search or "", limit=args.limit)
        total = directories.site_count(search=args.search or "")
    if args.json:
        emit({"total": total, "sites": rows})
        return 0
    for r in rows:
        print(f"{r['credit_code']}  {r['risk']}  {r['district']:<6} {r['type']:<14} {r['name']}")
    print(f"({len(rows)} / {total})")
    return 0


@guarded
def cmd_inspectors_list(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        directories = _office(services).directories
        rows = directories.inspectors()
        recusals = directories.recusals()
    if args.json:
        emit({"inspectors": rows, "recusals": recusals})
        return 0
    for r in rows:
        state = "可派 available" if r["available"] else "不可派 unavailable"
        print(
            f"{r['employee_no']:<16} {r['name']:<8} {r['district'] or '—':<6} {state:<18} "
            f"{r['certificate']} → {r['not_after']}  device {r['device_id']}"
        )
    for r in recusals:
        print(f"回避 / recusal: {r['employee_no']} ↛ {r['credit_code']}  {r['reason']}")
    return 0


@guarded
def cmd_inspectors_set(args: argparse.Namespace) -> int:
    available = None if args.available is None else args.available == "yes"
    with open_existing(args) as services:
        done = _office(services).directories.set_inspector(
            args.employee_no, district=args.district, available=available, note=args.note
        )
    if args.json:
        emit(done)
    else:
        print(f"{done['employee_no']}: {done['district'] or '—'}, available={done['available']}")
    return 0


@guarded
def cmd_inspectors_recuse(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        _office(services).directories.recuse(
            args.employee_no, args.credit_code, reason=args.reason or "", remove=args.remove
        )
    if args.json:
        emit({"employee_no": args.employee_no, "credit_code": args.credit_code, "removed": args.remove})
    else:
        print(
            ("取消回避 / removed: " if args.remove else "回避 / recusal: ")
            + f"{args.employee_no} ↛ {args.credit_code}"
        )
    return 0


# -- draw ------------------------------------------------------------------------------------------
def _draw_summary(draw_id: str, payload: dict[str, Any], tasks: int | None = None) -> dict[str, Any]:
    result = payload["result"]
    return {
        "draw_id": draw_id,
        "plan_id": payload["plan"]["id"],
        "algorithm": payload["algorithm"],
        "witness": payload["witness"],
        "seed": result["seed"],
        "entities_sha256": result["entities_sha256"],
        "inspectors_sha256": result["inspectors_sha256"],
        "levels": result["levels"],
        "selected": [
            {k: s[k] for k in ("order", "credit_code", "name", "district", "risk", "inspectors")}
            for s in result["selected"]
        ],
        "unassigned": result["unassigned"],
        **({"tasks": tasks} if tasks is not None else {}),
    }


def _write_draw_files(outputs: list[Path], document: bytes, pdf: Callable[[], bytes]) -> list[str]:
    from inspector_app.services import FieldError, ValidationFailed

    written = []
    for target in outputs:
        suffix = target.suffix.lower()
        if suffix == ".json":
            write_file(target, document)
        elif suffix == ".pdf":
            write_file(target, pdf())
        else:
            raise ValidationFailed(
                [FieldError("-o", "unknown_choice", {"value": suffix, "choices": [".pdf", ".json"]})]
            )
        written.append(str(target))
    return written


@guarded
def cmd_draw(args: argparse.Namespace) -> int:
    """Run a draw (exit 0), re-print one (--export), or verify a draw record (exit 0 only if
    re-computing it from its inputs gives the identical result; 1 otherwise)."""
    from inspector_app.office.draw import service as draw_service

    if args.verify:
        return _verify_draw(args)
    for suffix in {Path(o).suffix.lower() for o in args.output or []}:
        if suffix not in (".pdf", ".json"):
            return fail("-o", "unknown_choice", {"value": suffix, "choices": [".pdf", ".json"]})
    with open_existing(args) as services:
        office = _office(services)
        draws = office.draws
        if args.export:
            document = draws.document(args.export)
            payload = draw_service.read_payload(document)
            written = _write_draw_files(args.output or [], document, lambda: draws.pdf(payload["draw_id"]))
            summary = _draw_summary(payload["draw_id"], payload)
        else:
            if not args.plan or not args.witness:
                return fail("--plan/--witness", "required")
            try:
                text = Path(args.plan).read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                return fail(
                    str(args.plan),
                    "unreadable",
                    {"detail": getattr(exc, "strerror", None) or type(exc).__name__},
                )
            from inspector_app.office.draw.plan import normalise_witness, parse_plan

            parse_plan(text)  # faults before the passphrase is asked
            normalise_witness(args.witness)
            outcome = draws.run(text, args.witness, root=office.unlock(passphrase()))
            payload = draw_service.read_payload(outcome.document)
            written = _write_draw_files(
                args.output or [], outcome.document, lambda: draws.pdf(outcome.draw_id)
            )
            summary = _draw_summary(outcome.draw_id, payload, outcome.tasks)
    if args.json:
        emit({**summary, "files": written})
        return 0
    print(f"抽取 / draw {summary['draw_id']}  plan {summary['plan_id']}  witness {summary['witness']}")
    print(f"种子 / seed {summary['seed']}  ({summary['algorithm']})")
    for level in summary["levels"]:
        print(f"  {level['level']}: {level['drawn']} / {level['population']}")
    for s in summary["selected"]:
        team = ", ".join(s["inspectors"]) or "未派员 / unassigned"
        print(f"  {s['order']:>3}. {s['credit_code']}  {s['risk']}  {s['name']}  → {team}")
    for path in written:
        print(path)
    return 0


def _verify_draw(args: argparse.Namespace) -> int:
    from inspector_app.office.draw.service import verify

    try:
        document = Path(args.verify).read_bytes()
    except OSError as exc:
        return fail(str(args.verify), "unreadable", {"detail": exc.strerror or type(exc).__name__})
    root = ""
    if args.db:
        with open_existing(args) as services:
            root = _office(services).info()["root_sha256"]
    check = verify(document, root_sha256=root)
    if args.json:
        emit(
            {
                "identical": check.identical,
                "problems": check.problems,
                "draw_id": check.draw_id,
                "plan_id": check.plan_id,
                "root_sha256": check.root_sha256,
                "seed": check.seed,
                "selected": check.selected,
            }
        )
    elif check.identical:
        print(
            f"一致 / identical: draw {check.draw_id} plan {check.plan_id}, {check.selected} selected; "
            f"root {check.root_sha256[:16]}…"
        )
    else:
        print(f"不一致 / NOT identical: {', '.join(check.problems)}", file=sys.stderr)
    return 0 if check.identical else 1


# -- statistics, credit, entity, publication -----------------------------------------------------------
def _percent(value: str | None) -> str:
    return f"{value} %" if value else "—"


def stats_lines(stats: dict[str, Any]) -> list[str]:
    """The statistics as bilingual text: totals, each procedure, and the records known only from
    paper beside them (marked †, the overdue ones ⚠)."""
    from inspector_app import vocabulary
    from inspector_app.office import labels

    def words(code: str) -> str:
        return f"{vocabulary.verdict(code, 'zh')} / {vocabulary.verdict(code, 'en')}"

    lines = [
        f"检查 / checks {stats['total']} · {words('pass')} {stats['pass']} · "
        f"{words('fail')} {stats['fail']} · "
        f"{words('inconclusive')} {stats['inconclusive']} · 合格率 / pass rate {_percent(stats['pass_rate'])}"
    ]
    for row in stats["by_procedure"]:
        paper = f"  (+{row['paper']}†)" if row.get("paper") else ""
        lines.append(
            f"  {row['label']} / {labels.procedure(row['key'], 'en')}: {row['total']} · "
            f"{_percent(row['pass_rate'])}{paper}"
        )
    known, both = stats["known_from_paper"], stats["with_paper"]
    if known["records"]:
        lines.append(
            f"† 另有 {known['records']} 份仅凭纸质记录（待数据包）/ also {known['records']} known only from "
            f"a paper record (data awaited): {words('pass')} {known['pass']} · "
            f"{words('fail')} {known['fail']} · "
            f"{words('inconclusive')} {known['inconclusive']}; 计入后 / with them {both['total']}, "
            f"合格率 / pass rate {_percent(both['pass_rate'])}"
        )
    if known["overdue"]:
        lines.append(
            f"⚠ 其中 {known['overdue']} 份逾期：检查后超过 {known['overdue_days']} 天数据仍未到 / "
            f"{known['overdue']} overdue: no data {known['overdue_days']} days after the inspection"
        )
    if known["unattributed"]:
        lines.append(
            f"† 另有 {known['unattributed']} 份仅凭纸质记录，未按区县或检查人员计（摘要不含）/ "
            f"{known['unattributed']} known only from paper not counted by district or inspector "
            "(a summary names neither)"
        )
    return lines


@guarded
def cmd_stats(args: argparse.Namespace) -> int:
    if args.output and Path(args.output).suffix.lower() != ".pdf":
        return fail("-o", "unknown_choice", {"value": Path(args.output).suffix, "choices": [".pdf"]})
    with open_existing(args) as services:
        statistics = _office(services).statistics
        if args.output:
            stats, pdf = statistics.report_pdf(_filters(args))
            write_file(Path(args.output), pdf)
        else:
            stats = statistics.compute(_filters(args))
    if args.json:
        emit(stats)
        return 0
    if args.output:
        print(args.output)
    print("\n".join(stats_lines(stats)))
    return 0


@guarded
def cmd_credit(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        credit = _office(services).credit
        written = credit.export(Path(args.output), on=args.on or "") if args.output else None
        lists = credit.lists(on=args.on or "")
    if args.json:
        emit({**lists, **({"file": written["file"]} if written else {})})
        return 0
    for which, word in (("black", "黑名单 / black"), ("red", "红名单 / red")):
        print(f"{word}: {len(lists[which])}")
        for e in lists[which]:
            print(f"  {e['credit_code']}  {e['name']}  {e['since']}  {'、'.join(e['records'])}")
    if written:
        print(written["file"])
    return 0


@guarded
def cmd_entity(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        file = _office(services).credit.entity(args.credit_code)
    if args.json:
        emit(file)
        return 0
    print(f"{file['credit_code']}  {file['name']}  {file['district']}  名单 / list: {file['list'] or '—'}")
    for c in file["checks"]:
        items = "、".join(f["label"] for f in c["failed"]) or "—"
        print(
            f"  {c['date']}  {c['record_no']:<20} {c['procedure']:<10} {c['verdict']:<12} {items}  "
            f"→ {c['list_after'] or '—'}"
        )
    return 0


@guarded
def cmd_publish(args: argparse.Namespace) -> int:
    with open_existing(args) as services:
        publication = _office(services).publication
        done = None
        if args.output:
            done = publication.export(
                Path(args.output),
                date_from=args.date_from or "",
                date_to=args.date_to or "",
                include_published=args.all,
            )
        rows = publication.rows(date_from=args.date_from or "", date_to=args.date_to or "")
        summary = publication.summary()
    keep = (
        "id",
        "record_no",
        "site_code",
        "site_name",
        "form_id",
        "inspected_on",
        "verdict",
        "deadline",
        "state",
        "published_at",
        "plan_id",
    )
    if args.json:
        emit({**(done or {}), "summary": summary, "records": [{k: r[k] for k in keep} for r in rows]})
        return 0
    if done:
        print(f"{done['file']}: {done['rows']} 条 / rows, 新公示 newly published {done['newly_published']}")
    print(
        f"已公示 published {summary['published']} · 待公示 due {summary['due']} · "
        f"逾期 overdue {summary['overdue']}"
    )
    return 0


def register(group: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the office-at-work actions to the `office` group."""

    def filters(p: argparse.ArgumentParser, *, review: bool = False) -> None:
        p.add_argument("--from", dest="date_from", metavar="DATE", help="inspection date from (YYYY-MM-DD)")
        p.add_argument("--to", dest="date_to", metavar="DATE", help="inspection date to, inclusive")
        p.add_argument("--form", help="procedure (fuel_dispenser, taxi_meter, scale, net_content)")
        p.add_argument("--district")
        p.add_argument("--inspector")
        if review:
            p.add_argument("--verdict", choices=("pass", "fail", "inconclusive"))
            p.add_argument("--status", choices=("received", "approved", "returned", "corrected"))
            p.add_argument("--search", help="record number, entity name or credit code")

    p = group.add_parser("records", help="the review queue (received records, filtered)")
    db_option(p)
    filters(p, review=True)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_records)

    p = group.add_parser("review", help="approve a received record, or return it with a reason")
    db_option(p)
    p.add_argument("record", metavar="RECORD", help="the record's id or its record number")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true")
    choice.add_argument("--return", dest="return_reason", metavar="REASON")
    p.add_argument(
        "--reverse",
        action="store_true",
        help="replace an earlier decision (approve a returned record, return an approved one)",
    )
    p.add_argument(
        "--reason",
        default="",
        help="why an approval replaces a return (signed with it; a return's REASON says it already)",
    )
    p.add_argument(
        "--by", required=True, metavar="NAME", help="the supervisor whose key signs (keys create --name)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_review)

    sites = group.add_parser("sites", help="the entity directory: import a CSV/XLSX, list")
    actions = sites.add_subparsers(dest="sites_action", metavar="ACTION", required=True)
    p = actions.add_parser("import", help="add or update entities from FILE.csv or FILE.xlsx")
    db_option(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sites_import)
    p = actions.add_parser("list", help="list entities")
    db_option(p)
    p.add_argument("--search")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sites_list)

    inspectors = group.add_parser("inspectors", help="the inspector directory: list, set, recuse")
    actions = inspectors.add_subparsers(dest="inspectors_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="enrolled inspectors with district and availability, and recusals")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inspectors_list)
    p = actions.add_parser("set", help="an inspector's district, availability, note")
    db_option(p)
    p.add_argument("employee_no", metavar="EMPLOYEE_NO")
    p.add_argument("--district")
    p.add_argument("--available", choices=("yes", "no"))
    p.add_argument("--note")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inspectors_set)
    p = actions.add_parser("recuse", help="never send EMPLOYEE_NO to CREDIT_CODE (回避)")
    db_option(p)
    p.add_argument("employee_no", metavar="EMPLOYEE_NO")
    p.add_argument("credit_code", metavar="CREDIT_CODE")
    p.add_argument("--reason")
    p.add_argument("--remove", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inspectors_recuse)

    p = group.add_parser("draw", help="the 双随机 draw: run one, re-print it, or verify a draw record")
    db_option(p)
    p.add_argument("--plan", metavar="PLAN.toml")
    p.add_argument("--witness", metavar="NUMBER", help="the number drawn in public")
    p.add_argument("--export", metavar="DRAW_ID", help="a stored draw (its id or plan id) to write again")
    p.add_argument("--verify", metavar="DRAW.json", help="re-compute a draw record; exit 0 only if identical")
    p.add_argument("-o", "--output", action="append", type=Path, metavar="DRAW.pdf|DRAW.json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_draw)

    p = group.add_parser("stats", help="pass rates and counts (text, --json), and the PDF report (-o)")
    db_option(p)
    filters(p)
    p.add_argument("-o", "--output", metavar="REPORT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = group.add_parser("credit", help="the red and black lists (-o LISTS.xlsx|.csv)")
    db_option(p)
    p.add_argument("-o", "--output", metavar="LISTS.xlsx")
    p.add_argument("--on", metavar="DATE", help="the lists as on this day (default today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_credit)

    p = group.add_parser("entity", help="an entity's integrity file (诚信计量档案)")
    db_option(p)
    p.add_argument("credit_code", metavar="CREDIT_CODE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entity)

    p = group.add_parser("publish", help="the 一公开 export of 双随机 results (-o FILE.xlsx|.csv)")
    db_option(p)
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("-o", "--output", metavar="DISCLOSURE.xlsx")
    p.add_argument("--all", action="store_true", help="also the records already published")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_publish)

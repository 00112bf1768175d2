"""``ledger template``, ``ledger import``, ``ledger review`` and ``ledger undo`` (CONTRACT.md §3)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("ledger", help="旧调解台账（Excel/CSV）")
    lsub = p.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    t = lsub.add_parser("template", help="生成带标准表头的空白台账")
    t.add_argument("--out", required=True, help="输出文件（.xlsx）")
    t.set_defaults(func=run_template)
    i = lsub.add_parser("import", help="导入旧台账（.xlsx，或 UTF-8/GBK 编码的 .csv）")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=run_import)
    r = lsub.add_parser("review", help="历史在办案件，请核实：列出、结案（close）或继续办理（keep）",
                        description="不带操作时列出待核实的历史在办案件；close 以给定结果结案，keep 转为正常在办案件。")
    r.add_argument("action", nargs="?", choices=("close", "keep"), help="close：结案；keep：继续办理")
    r.add_argument("cases", nargs="*", metavar="CASE_NO", help="案号（可多个）")
    r.add_argument("--outcome", help="结案结果（close 时必填）：调解成功、和解、撤回、调解不成、不予受理、转办")
    r.add_argument("--on", help="结案日期（YYYY-MM-DD；不填则按台账中最晚的日期推定）")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_review)
    u = lsub.add_parser("undo", help="撤销最近一次台账导入（导入的案件均未修改、未同步时）")
    u.add_argument("--json", action="store_true")
    u.set_defaults(func=run_undo)


def run_template(ctx) -> int:
    from mediation_desktop.services.ledger_reader import write_template

    out = Path(ctx.args.out)
    write_template(out)
    ctx.say(f"已生成空白台账：{out}")
    return 0


def run_import(ctx) -> int:
    from mediation_desktop.services.ledger_import import import_ledger

    report = import_ledger(ctx.backend(), Path(ctx.args.file), dry_run=ctx.args.dry_run)
    if ctx.args.json:
        ctx.out_json(report)
        return 0
    verb = "可导入" if ctx.args.dry_run else "已导入"
    ctx.say(f"共{report['rows']}行：{verb}{report['imported']}件，重复{report['duplicates']}件，拒绝{report['rejected']}行。")
    if report["closed_historical"] or report["to_review"]:
        ctx.say(f"其中已办结{report['closed_historical']}件（历史台账导入，结案日期为推定者已标注），"
                f"历史在办待核实{report['to_review']}件（ledger review 查看）。")
    for e in report["errors"]:
        ctx.say(f"  第{e['row']}行 [{e['column']}]：{e['message']}")
    for w in report["warnings"]:
        ctx.say(f"  提示：第{w['row']}行 [{w['column']}]：{w['message']}")
    if ctx.args.dry_run:
        ctx.say("（试运行，数据库没有任何改变）")
    return 0


def run_review(ctx) -> int:
    from mediation_desktop.core.clock import parse_iso_date
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.core.ledger_history import REVIEW_TITLE
    from mediation_desktop.services import ledger_review

    args = ctx.args
    backend = ctx.backend()
    if args.action is None:
        if args.cases or args.outcome or args.on:
            raise UserError("E_ARGUMENT", "列出待核实案件时不带案号和选项；结案请用 ledger review close 案号 --outcome 结果")
        items = ledger_review.review_list(backend)
        if args.json:
            ctx.out_json({"title": REVIEW_TITLE, "count": len(items), "cases": [i.as_json() for i in items]})
            return 0
        ctx.say(f"{REVIEW_TITLE}：{len(items)}件")
        for i in items:
            ref = f"（台账序号 {i.ledger_no}）" if i.ledger_no else ""
            ctx.say(f"  {i.case_no}{ref} 收案 {i.received_on.isoformat()} {i.applicant_names} 诉 {i.respondent_name}")
        return 0
    if args.action == "close":
        if not args.outcome:
            raise UserError("E_REVIEW_OUTCOME", "结案须给出结果：--outcome 调解成功、和解、撤回、调解不成、不予受理或转办")
        outcome = ledger_review.parse_outcome(args.outcome)
        on = parse_iso_date(args.on, field="--on") if args.on else None
        done = ledger_review.close_reviewed(backend, args.cases, outcome, on)
        verb = "已结案"
    else:
        if args.outcome or args.on:
            raise UserError("E_ARGUMENT", "keep 不带 --outcome 或 --on：它只把案件转为正常在办案件")
        done = ledger_review.keep_reviewed(backend, args.cases)
        verb = "已转为正常在办案件"
    if args.json:
        ctx.out_json({"action": args.action, "cases": done})
    else:
        ctx.say(f"{verb}：{'、'.join(done)}（共{len(done)}件）")
    return 0


def run_undo(ctx) -> int:
    from mediation_desktop.services.ledger_review import undo_last_import

    result = undo_last_import(ctx.backend())
    if ctx.args.json:
        ctx.out_json(result)
    else:
        ctx.say(f"已撤销“{result['file']}”的导入，删除了{result['removed']}件案件。")
    return 0

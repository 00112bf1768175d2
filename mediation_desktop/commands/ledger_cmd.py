"""``ledger template`` and ``ledger import`` (CONTRACT.md §3)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:  # noqa: ANN001
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


def run_template(ctx) -> int:  # noqa: ANN001
    from mediation_desktop.services.ledger_reader import write_template

    out = Path(ctx.args.out)
    write_template(out)
    ctx.say(f"已生成空白台账：{out}")
    return 0


def run_import(ctx) -> int:  # noqa: ANN001
    from mediation_desktop.services.ledger_import import import_ledger

    report = import_ledger(ctx.backend(), Path(ctx.args.file), dry_run=ctx.args.dry_run)
    if ctx.args.json:
        ctx.out_json(report)
        return 0
    verb = "可导入" if ctx.args.dry_run else "已导入"
    ctx.say(f"共{report['rows']}行：{verb}{report['imported']}件，重复{report['duplicates']}件，拒绝{report['rejected']}行。")
    for e in report["errors"]:
        ctx.say(f"  第{e['row']}行 [{e['column']}]：{e['message']}")
    for w in report["warnings"]:
        ctx.say(f"  提示：第{w['row']}行 [{w['column']}]：{w['message']}")
    if ctx.args.dry_run:
        ctx.say("（试运行，数据库没有任何改变）")
    return 0

"""``report --from DATE --to DATE --out FILE``: the statistics return (.xlsx, .docx or .json)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("report", help="统计报表：按期间汇总受理、结案、金额、争议类型等")
    p.add_argument("--from", dest="start", required=True, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="结束日期 YYYY-MM-DD")
    p.add_argument("--out", required=True, help="输出文件：.xlsx、.docx 或 .json")
    p.set_defaults(func=run)


def run(ctx) -> int:  # noqa: ANN001
    from mediation_desktop.core.clock import parse_iso_date
    from mediation_desktop.services.report_writers import produce_return

    start = parse_iso_date(ctx.args.start, field="from")
    end = parse_iso_date(ctx.args.end, field="to")
    ret, out = produce_return(ctx.backend(), start, end, Path(ctx.args.out))
    total = ret.rows[-1]
    ctx.say(f"已生成统计报表：{out}（收案{total['received']}件，结案{total['closed']}件，调解成功率{total['success_rate']}）")
    return 0

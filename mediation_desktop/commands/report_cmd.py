"""``report --from DATE --to DATE --out FILE [--by room|month|mediator]``: the statistics return
(.xlsx with native Excel charts, .docx 统计报告 with chart pictures, or .json)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("report", help="统计报表：按期间汇总受理、结案、金额、争议类型等")
    p.add_argument("--from", dest="start", required=True, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="结束日期 YYYY-MM-DD")
    p.add_argument("--out", required=True, help="输出文件：.xlsx（含图表）、.docx（统计报告，含图表）或 .json")
    p.add_argument("--by", default="room", choices=("room", "month", "mediator"),
                   help="分组：room 按调解组织（默认）、month 按月、mediator 按调解员")
    p.add_argument("--exclude-historical", action="store_true",
                   help="不计入从历史台账导入的已结案件（结案日期可能为推定）")
    p.set_defaults(func=run)


def run(ctx) -> int:
    from mediation_desktop.core.clock import parse_iso_date
    from mediation_desktop.services.report_writers import produce_return

    start = parse_iso_date(ctx.args.start, field="from")
    end = parse_iso_date(ctx.args.end, field="to")
    out = Path(ctx.args.out)
    renderer = ctx.chart_renderer() if out.suffix.lower() == ".docx" else None
    ret, written = produce_return(ctx.backend(), start, end, out, by=ctx.args.by, renderer=renderer,
                                  exclude_historical=ctx.args.exclude_historical)
    total = ret.rows[-1]
    ctx.say(f"已生成统计报表：{written}（收案{total['received']}件，结案{total['closed']}件，调解成功率{total['success_rate']}）")
    return 0

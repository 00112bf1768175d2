"""``calendar import FILE``: load a year's official holiday table (format: resources/holidays/README.md)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("calendar", help="节假日安排表")
    cal_sub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    imp = cal_sub.add_parser("import", help="导入某一年的国务院节假日安排（JSON，格式见 resources/holidays/README.md）")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)


def run_import(ctx) -> int:
    from mediation_desktop.services.calendar_service import import_calendar_file

    backend = ctx.backend()
    result = import_calendar_file(backend, Path(ctx.args.file))
    if ctx.args.json:
        ctx.out_json(result)
    else:
        ctx.say(f"已导入{result['year']}年节假日安排（{result['holidays']}个休息日，{result['workdays']}个调休上班日），"
                f"重新计算了{result['cases_updated']}件在办案件的期限。")
    return 0

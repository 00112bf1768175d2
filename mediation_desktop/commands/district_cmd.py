"""The district's desk on the command line: ``rooms`` (each enrolled room's reporting and open
cases) and ``risk`` (open cases with a risk level; at a district across all rooms)."""

from __future__ import annotations


def register(sub) -> None:
    r = sub.add_parser("rooms", help="（区人社）各调解组织：最近报送、暂存的包、在办和超期案件")
    r.add_argument("--json", action="store_true")
    r.add_argument("--out", help="同时导出为 Excel 文件（.xlsx）")
    r.add_argument("--stale-days", dest="stale_days", help="设置多少天未报送即提醒（默认7天），保存后生效")
    r.set_defaults(func=run_rooms)

    k = sub.add_parser("risk", help="有风险的在办案件及原因；区人社为全部调解组织，含同一用人单位在多个组织的案件")
    k.add_argument("--json", action="store_true")
    k.add_argument("--level", help="只列出该等级及以上：yellow、orange 或 red")
    k.add_argument("--out", help="同时导出各清单为 Excel 文件（.xlsx）")
    k.set_defaults(func=run_risk)


def _xlsx(out: str) -> str:
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.services.output_files import check_output_file

    if not out.lower().endswith(".xlsx"):
        raise UserError("E_REPORT_FORMAT", f"导出文件应为 .xlsx 格式，收到“{out[-40:]}”")
    check_output_file(out)  # before anything is saved: a bad path changes nothing
    return out


def run_rooms(ctx) -> int:
    from mediation_desktop.services.rooms import export_overview_xlsx, room_overview, set_stale_days

    backend = ctx.backend()
    out = _xlsx(ctx.args.out) if ctx.args.out else None
    if ctx.args.stale_days is not None:
        set_stale_days(backend, ctx.args.stale_days)
    rows = room_overview(backend)
    if out:
        export_overview_xlsx(rows, out)
    if ctx.args.json:
        ctx.out_json([r.as_json() for r in rows])
        return 0
    if not rows:
        ctx.say("还没有登记任何调解组织的密钥（keys trust）。")
    for r in rows:
        flag = "【未按时报送】" if r.stale else ""
        ctx.say(f"{flag}{r.org_name}（{r.org_code}）：{r.sync_words}；在办{r.open}件，超期{r.overdue}件，"
                f"逾期受理{r.late_accepted}件，集体争议{r.collective_open}件，本年调解成功率{r.agreement_rate}")
    if out:
        ctx.say(f"已导出：{out}")
    return 0


def run_risk(ctx) -> int:
    from mediation_desktop.services.district_risk import check_level, district_risk, export_risk_xlsx

    level = check_level(ctx.args.level)
    out = _xlsx(ctx.args.out) if ctx.args.out else None
    found = district_risk(ctx.backend())
    if out:
        export_risk_xlsx(found, out)
    entries = found.entries(level)
    if ctx.args.json:
        ctx.out_json(entries)
        return 0
    labels = {"yellow": "黄", "orange": "橙", "red": "红"}
    if not entries:
        ctx.say("没有符合条件的风险案件。")
    for e in entries:
        where = e.get("org_name") or e.get("org_code") or ""
        what = e.get("case_no") or e.get("employer") or e.get("title") or ""
        risk = e.get("risk") or e   # a case nests its risk as case show does; screenings and reports do not
        ctx.say(f"[{labels.get(risk['level'], risk['level'])}] {where} {what}：{'；'.join(risk['reasons'])}")
    for emp in found.employers:
        ctx.say(f"同一用人单位：{emp.name}（" + "、".join(f"{n}{k}件" for n, _, k in emp.rooms) + "）："
                + "；".join(emp.reasons))
    if out:
        ctx.say(f"已导出：{out}")
    return 0

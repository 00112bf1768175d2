"""The programme's registers on the command line (CONTRACT §1 "District and programme records", §7):
``mediators``, ``training``, ``outreach``, ``screening``, ``alert``, ``typical`` and (district) ``orgs``."""

from __future__ import annotations


def register(sub) -> None:
    m = sub.add_parser("mediators", help="调解员名册：登记调解员，查看各调解员的办案和培训情况")
    msub = m.add_subparsers(dest="mediators_command", metavar="ACTION", required=True)
    ma = msub.add_parser("add", help="登记调解员")
    ma.add_argument("name", metavar="NAME")
    ma.add_argument("--background", help="背景：专职、兼职、律师、退休法官、退休检察官、工会干部、人力资源、心理咨询师、其他")
    ma.add_argument("--phone")
    ma.add_argument("--appointed", metavar="DATE", help="聘任日期 YYYY-MM-DD")
    ma.add_argument("--json", action="store_true")
    ma.set_defaults(func=run_mediators_add)
    mr = msub.add_parser("retire", help="调解员不再任职（保留其记录和数字）")
    mr.add_argument("name", metavar="NAME")
    mr.set_defaults(func=run_mediators_retire)
    ml = msub.add_parser("list", help="调解员及其办案、培训数字（默认本年度）")
    ml.add_argument("--from", dest="start", metavar="DATE")
    ml.add_argument("--to", dest="end", metavar="DATE")
    ml.add_argument("--json", action="store_true")
    ml.set_defaults(func=run_mediators_list)
    _delete_parser(msub, "mediator", "从名册中删除误登记的调解员（已有培训记录或案件的请用 retire）", "NAME")

    t = sub.add_parser("training", help="调解员培训记录、年度学时目标、区人社组织的培训")
    tsub = t.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    ta = tsub.add_parser("add", help="登记一名调解员参加的培训")
    ta.add_argument("--mediator", required=True)
    ta.add_argument("--course", required=True)
    ta.add_argument("--hours", required=True, metavar="H")
    ta.add_argument("--on", required=True, metavar="DATE")
    ta.add_argument("--organiser")
    ta.add_argument("--certificate", metavar="NO")
    ta.set_defaults(func=run_training_add)
    tl = tsub.add_parser("list", help="培训记录")
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(func=run_training_list)
    _delete_parser(tsub, "training", "删除一条培训记录（编号见 training list --json）")
    tt = tsub.add_parser("target", help="查看或设置每名调解员的年度培训学时目标")
    tt.add_argument("hours", nargs="?", metavar="HOURS")
    tt.add_argument("--json", action="store_true")
    tt.set_defaults(func=run_training_target)
    to = tsub.add_parser("offer", help="（区人社）发布培训课程，随下发包送达各调解组织")
    to.add_argument("--course", required=True)
    to.add_argument("--hours", required=True, metavar="H")
    to.add_argument("--on", required=True, metavar="DATE")
    to.add_argument("--organiser")
    to.set_defaults(func=run_training_offer)

    o = sub.add_parser("outreach", help="普法宣传活动")
    osub = o.add_subparsers(dest="outreach_command", metavar="ACTION", required=True)
    oa = osub.add_parser("add", help="登记一次普法活动")
    oa.add_argument("--on", required=True, metavar="DATE")
    oa.add_argument("--title", required=True)
    oa.add_argument("--place")
    oa.add_argument("--audience", metavar="N")
    oa.add_argument("--enterprise", metavar="NAME")
    oa.add_argument("--materials")
    oa.add_argument("--photo", action="append", metavar="FILE", help="活动照片（可重复）")
    oa.add_argument("--json", action="store_true")
    oa.set_defaults(func=run_outreach_add)
    ol = osub.add_parser("list", help="普法活动")
    ol.add_argument("--json", action="store_true")
    ol.set_defaults(func=run_outreach_list)
    _delete_parser(osub, "outreach", "删除一次普法活动（编号见 outreach list --json）")

    s = sub.add_parser("screening", help="风险隐患排查")
    ssub = s.add_subparsers(dest="screening_command", metavar="ACTION", required=True)
    sa = ssub.add_parser("add", help="登记一次对用人单位的排查")
    sa.add_argument("--enterprise", required=True, metavar="NAME")
    sa.add_argument("--uscc", metavar="CODE")
    sa.add_argument("--on", required=True, metavar="DATE")
    sa.add_argument("--level", required=True, help="none|yellow|orange|red")
    sa.add_argument("--findings", required=True, metavar="TEXT")
    sa.add_argument("--check", action="append", metavar="ITEM",
                    help="排查清单项（可重复）：wage_arrears、social_insurance、rent_utilities、halted、layoffs、"
                         "collective_complaints")
    sa.add_argument("--workers", metavar="N")
    sa.add_argument("--follow-up", dest="follow_up", metavar="TEXT")
    sa.add_argument("--json", action="store_true")
    sa.set_defaults(func=run_screening_add)
    sl = ssub.add_parser("list", help="排查记录")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(func=run_screening_list)
    sc = ssub.add_parser("close", help="排查发现的问题已处置")
    sc.add_argument("id", metavar="ID")
    sc.add_argument("--follow-up", dest="follow_up", metavar="TEXT")
    sc.set_defaults(func=run_screening_close)
    _delete_parser(ssub, "screening", "删除一条排查记录")
    sr = ssub.add_parser("reminder", help="春节前排查提醒：本季尚未排查的重点企业")
    sr.add_argument("--on", metavar="DATE")
    sr.add_argument("--json", action="store_true")
    sr.set_defaults(func=run_screening_reminder)
    ss = ssub.add_parser("season", help="查看或设置春节前排查提醒的开始日期（MM-DD，默认 12-01）")
    ss.add_argument("start", nargs="?", metavar="MM-DD")
    ss.set_defaults(func=run_screening_season)

    a = sub.add_parser("alert", help="情况快报（呈报表）：集体或重大风险报送区人社，随下一个同步包上报")
    a.add_argument("case_no", nargs="?", metavar="CASE_NO")
    a.add_argument("--screening", metavar="ID")
    a.add_argument("--out", required=True, metavar="FILE.docx")
    a.add_argument("--measures", metavar="TEXT")
    a.add_argument("--request", metavar="TEXT")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=run_alert)
    al = sub.add_parser("alerts", help="情况快报列表（区人社：未阅的在前）")
    al.add_argument("--seen", metavar="ID", help="把这份快报标为已阅")
    al.add_argument("--delete", metavar="ID", help="（调解组织）删除误报的快报，删除随下一个同步包报送")
    al.add_argument("--json", action="store_true")
    al.set_defaults(func=run_alerts)

    ty = sub.add_parser("typical", help="典型案例库")
    tysub = ty.add_subparsers(dest="typical_command", metavar="ACTION", required=True)
    tya = tysub.add_parser("add", help="从已结案的案件整理典型案例（自动隐去当事人信息）")
    tya.add_argument("case_no", metavar="CASE_NO")
    tya.add_argument("--title")
    tya.add_argument("--json", action="store_true")
    tya.set_defaults(func=run_typical_add)
    tyl = tysub.add_parser("list", help="典型案例（本组织的和区人社推广的）")
    tyl.add_argument("--search", metavar="TEXT")
    tyl.add_argument("--json", action="store_true")
    tyl.set_defaults(func=run_typical_list)
    tys = tysub.add_parser("show", help="典型案例全文")
    tys.add_argument("id", metavar="ID")
    tys.add_argument("--json", action="store_true")
    tys.set_defaults(func=run_typical_show)
    tyd = tysub.add_parser("edit", help="修改典型案例（保存前再次检查是否含有当事人信息）")
    tyd.add_argument("id", metavar="ID")
    for name, label in (("title", "标题"), ("facts", "案情"), ("process", "调解过程"), ("result", "结果"),
                        ("experience", "经验")):
        tyd.add_argument(f"--{name}", help=label)
    tyd.set_defaults(func=run_typical_edit)
    tye = tysub.add_parser("export", help="把典型案例写成 Word 文件")
    tye.add_argument("id", metavar="ID")
    tye.add_argument("--out", required=True, metavar="FILE.docx")
    tye.set_defaults(func=run_typical_export)
    typ = tysub.add_parser("promote", help="（区人社）标为推广，随下发包送达各调解组织")
    typ.add_argument("id", metavar="ID")
    typ.set_defaults(func=run_typical_promote)
    _delete_parser(tysub, "typical_case", "删除本组织的典型案例；区人社：撤销推广")

    g = sub.add_parser("orgs", help="（区人社）调解组织名册")
    gsub = g.add_subparsers(dest="orgs_command", metavar="ACTION", required=True)
    gl = gsub.add_parser("list", help="已登记同步的调解组织和手工登记的调解组织")
    gl.add_argument("--json", action="store_true")
    gl.set_defaults(func=run_orgs_list)
    ga = gsub.add_parser("add", help="手工登记一个调解组织")
    ga.add_argument("name", metavar="NAME")
    ga.add_argument("--type", dest="org_type", required=True,
                    help="区/街道调解中心、企业调解委员会、行业性调解组织、新业态（或 centre/enterprise/industry/new_forms）")
    ga.add_argument("--address")
    ga.add_argument("--head")
    ga.add_argument("--mediators", metavar="N")
    ga.add_argument("--set-up", dest="set_up", metavar="DATE")
    ga.add_argument("--code", dest="org_code", metavar="ORG_CODE")
    ga.add_argument("--json", action="store_true")
    ga.set_defaults(func=run_orgs_add)
    _delete_parser(gsub, "mediation_org", "删除手工登记的调解组织（编号见 orgs list --json）")


def _delete_parser(actions, entity: str, help_text: str, metavar: str = "ID") -> None:
    """``delete``: the same deletion the page's 删除 button makes (services.programme_delete)."""
    d = actions.add_parser("delete", help=help_text)
    d.add_argument("target", metavar=metavar)
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=run_delete, entity=entity)


def _date(text: str | None, option: str):
    from mediation_desktop.core.clock import parse_iso_date
    from mediation_desktop.core.rules import check_date

    return None if text is None else check_date(parse_iso_date(text, field=option), field=option)


def _iso(row: dict) -> dict:
    from datetime import date

    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def run_mediators_add(ctx) -> int:
    from mediation_desktop.services.mediators import add_mediator

    row = add_mediator(ctx.backend(), ctx.args.name, background=ctx.args.background, phone=ctx.args.phone,
                       appointed_on=ctx.args.appointed)
    if ctx.args.json:
        ctx.out_json(_iso(row))
    else:
        ctx.say(f"已登记调解员 {row['name']}。")
    return 0


def run_mediators_retire(ctx) -> int:
    from mediation_desktop.services.mediators import find_mediator, set_active

    backend = ctx.backend()
    set_active(backend, find_mediator(backend, ctx.args.name)["id"], False)
    ctx.say(f"{ctx.args.name.strip()} 已标为不再任职。")
    return 0


def run_mediators_list(ctx) -> int:
    from mediation_desktop.services.mediators import list_mediators

    rows = list_mediators(ctx.backend(), _date(ctx.args.start, "from"), _date(ctx.args.end, "to"))
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    if not rows:
        ctx.say("名册中还没有调解员。")
    for r in rows:
        rate = f"{r['agreement_rate'] * 100:.0f}%" if r["agreement_rate"] is not None else "—"
        ctx.say(f"{r['org_code']}  {r['name']}（{r['background_label']}）  办案 {r['cases_handled']}  协议 "
                f"{r['agreements']}  调解成功率 {rate}  超期 {r['overdue']}  培训 {r['training_hours_text']} 学时")
    return 0


def run_training_add(ctx) -> int:
    from mediation_desktop.services.training import add_training

    a = ctx.args
    add_training(ctx.backend(), a.mediator, a.course, a.hours, a.on, organiser=a.organiser, certificate_no=a.certificate)
    ctx.say("已登记培训记录。")
    return 0


def run_training_list(ctx) -> int:
    from mediation_desktop.services.training import courses, list_training

    backend = ctx.backend()
    rows, offered = list_training(backend), courses(backend)
    if ctx.args.json:
        ctx.out_json({"records": rows, "courses": offered})
        return 0
    for r in rows:
        ctx.say(f"{r['held_on']}  {r['org_code']}  {r['mediator']}  {r['course']}  {r['hours']} 学时")
    for c in offered:
        ctx.say(f"{c['held_on']}  区人社培训：{c['course']}  {c['hours']} 学时")
    return 0


def run_training_target(ctx) -> int:
    from mediation_desktop.services.training import set_yearly_target, yearly_target

    backend = ctx.backend()
    value = set_yearly_target(backend, ctx.args.hours) if ctx.args.hours is not None else yearly_target(backend)
    if ctx.args.json:
        ctx.out_json({"target_hours": value})
    else:
        ctx.say(f"每名调解员的年度培训目标：{value} 学时。")
    return 0


def run_training_offer(ctx) -> int:
    from mediation_desktop.services.training import offer_course

    a = ctx.args
    offer_course(ctx.backend(), a.course, a.hours, a.on, organiser=a.organiser)
    ctx.say("已记录，将随下一批下发包送达各调解组织。")
    return 0


def run_outreach_add(ctx) -> int:
    from mediation_desktop.services.outreach import add_outreach

    a = ctx.args
    row = add_outreach(ctx.backend(), a.on, a.title, place=a.place, audience=a.audience, enterprise=a.enterprise,
                       materials=a.materials, photos=a.photo)
    if a.json:
        import json

        ctx.out_json({**_iso(row), "photos": json.loads(row["photos"])})
    else:
        ctx.say(f"已登记普法活动“{row['title']}”。")
    return 0


def run_outreach_list(ctx) -> int:
    from mediation_desktop.services.outreach import list_outreach

    rows = list_outreach(ctx.backend())
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['held_on']}  {r['org_code']}  {r['title']}  {r['place'] or r['enterprise'] or ''}  "
                f"{r['audience'] or '—'}人")
    return 0


def run_screening_add(ctx) -> int:
    from mediation_desktop.services.screenings import add_screening

    a = ctx.args
    row = add_screening(ctx.backend(), a.enterprise, a.on, a.level, a.findings, uscc=a.uscc, checks=a.check,
                        workers=a.workers, follow_up=a.follow_up)
    if a.json:
        ctx.out_json(_iso(row))
    else:
        ctx.say(f"已登记排查记录 {row['id']}（{row['enterprise']}，{row['level']}）。")
    return 0


def run_screening_list(ctx) -> int:
    from mediation_desktop.services.screenings import list_screenings

    rows = list_screenings(ctx.backend())
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['screened_on']}  {r['org_code']}  {r['enterprise']}  {r['level_label']}  "
                f"{'、'.join(r['checks_labels'])}  {'跟进中' if r['status'] == 'open' else '已处置'}  {r['id']}")
    return 0


def run_screening_close(ctx) -> int:
    from mediation_desktop.services.screenings import close_screening

    close_screening(ctx.backend(), ctx.args.id, ctx.args.follow_up)
    ctx.say("已标为处置完毕。")
    return 0


def run_screening_reminder(ctx) -> int:
    from mediation_desktop.services.screenings import season_reminder

    found = season_reminder(ctx.backend(), _date(ctx.args.on, "on"))
    if ctx.args.json:
        ctx.out_json(found)
        return 0
    if found is None:
        ctx.say("现在不在春节前排查期内。")
        return 0
    ctx.say(f"春节前排查期 {found['season_start']} 至 {found['spring_festival']}：重点企业 {found['listed']} 家，"
            f"尚未排查 {len(found['not_screened'])} 家。")
    for e in found["not_screened"]:
        ctx.say(f"  {e['uscc']}  {e['name']}")
    return 0


def run_screening_season(ctx) -> int:
    from mediation_desktop.services.screenings import season_start, set_season_start

    backend = ctx.backend()
    value = set_season_start(backend, ctx.args.start) if ctx.args.start else season_start(backend)
    ctx.say(f"春节前排查提醒从每年 {value} 开始，到春节为止。")
    return 0


def run_alert(ctx) -> int:
    from mediation_desktop.services.output_files import check_output_file
    from mediation_desktop.services.urgent_reports import create_report, write_report

    a = ctx.args
    check_output_file(a.out)   # a bad path is refused before the report is recorded
    backend = ctx.backend()
    row = create_report(backend, case_no=a.case_no, screening_id=a.screening, measures=a.measures, request=a.request)
    path = write_report(backend, row, a.out)
    if a.json:
        ctx.out_json({**_iso(row), "file": str(path)})
    else:
        ctx.say(f"已写出情况快报 {path}，并将随下一个同步包报送区人社。")
    return 0


def run_alerts(ctx) -> int:
    from mediation_desktop.services.urgent_reports import list_reports, mark_seen

    if ctx.args.seen:
        mark_seen(ctx.backend(), ctx.args.seen)
    if ctx.args.delete:
        from mediation_desktop.services.programme_delete import delete_record

        deleted = delete_record(ctx.backend(), "urgent_report", ctx.args.delete)
        if not ctx.args.json:
            ctx.say(f"已删除{deleted['label']}“{deleted['name']}”。")
    rows = list_reports(ctx.backend())
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{'' if r['seen'] else '【未阅】'}{r['reported_on']}  {r['org_code']}  {r['title']}")
    return 0


def _typical_json(row: dict) -> dict:
    from mediation_desktop.services.typical_cases import FIELDS

    return {"id": row["id"], "org_code": row.get("org_code"), **{k: row[k] for k in FIELDS},
            "dispute_types": [t for t in row["dispute_types"].split(",") if t]}


def run_typical_add(ctx) -> int:
    from mediation_desktop.services.typical_cases import add_from_case

    backend = ctx.backend()
    row = add_from_case(backend, ctx.args.case_no, ctx.args.title)
    if ctx.args.json:
        ctx.out_json(_typical_json({**row, "org_code": backend.node.org.code}))
    else:
        ctx.say(f"已整理典型案例“{row['title']}”（编号 {row['id']}），请核对后再报送。")
    return 0


def run_typical_list(ctx) -> int:
    from mediation_desktop.services.typical_cases import list_cases

    rows = list_cases(ctx.backend(), ctx.args.search)
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['created_on']}  {r['org_code']}  {'【推广】' if r['promoted'] else ''}{r['title']}  {r['id']}")
    return 0


def run_typical_show(ctx) -> int:
    from mediation_desktop.core.typical_draft import SECTIONS
    from mediation_desktop.services.typical_cases import get

    row = get(ctx.backend(), ctx.args.id)
    if ctx.args.json:
        ctx.out_json(_typical_json(row))
        return 0
    ctx.say(row["title"])
    for key, label in SECTIONS:
        ctx.say(f"\n{label}\n{row[key]}")
    return 0


def run_typical_edit(ctx) -> int:
    from mediation_desktop.services.typical_cases import FIELDS, edit

    a = ctx.args
    edit(ctx.backend(), a.id, **{k: getattr(a, k) for k in FIELDS})
    ctx.say("已保存。")
    return 0


def run_typical_export(ctx) -> int:
    from mediation_desktop.services.typical_cases import export

    path = export(ctx.backend(), ctx.args.id, ctx.args.out)
    ctx.say(f"已写出 {path}")
    return 0


def run_typical_promote(ctx) -> int:
    from mediation_desktop.services.typical_cases import promote

    promote(ctx.backend(), ctx.args.id)
    ctx.say("已标为推广，将随下一批下发包送达各调解组织。")
    return 0


def run_orgs_list(ctx) -> int:
    from mediation_desktop.services.mediation_orgs import list_orgs

    rows = list_orgs(ctx.backend())
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['org_code'] or '—'}  {r['name']}  {r['org_type_label']}  调解员 {r['mediators'] or '—'} 人")
    return 0


def run_orgs_add(ctx) -> int:
    from mediation_desktop.services.mediation_orgs import add_org

    a = ctx.args
    row = add_org(ctx.backend(), a.name, a.org_type, address=a.address, head=a.head, mediators=a.mediators,
                  set_up_on=a.set_up, org_code=a.org_code)
    if a.json:
        ctx.out_json(_iso(row))
    else:
        ctx.say(f"已登记调解组织“{row['name']}”。")
    return 0


def run_delete(ctx) -> int:
    from mediation_desktop.services.mediators import find_mediator
    from mediation_desktop.services.programme_delete import delete_record

    backend, entity, target = ctx.backend(), ctx.args.entity, ctx.args.target
    record_id = find_mediator(backend, target)["id"] if entity == "mediator" else target
    deleted = delete_record(backend, entity, record_id)
    if ctx.args.json:
        ctx.out_json(deleted)
    else:
        ctx.say(f"已删除{deleted['label']}“{deleted['name']}”。")
    return 0

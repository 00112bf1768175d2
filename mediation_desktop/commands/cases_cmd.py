"""``cases``, ``case show`` and ``deadlines``."""

from __future__ import annotations

from mediation_desktop.commands.arguments import bounded_int, days_after
from mediation_desktop.core.clock import parse_iso_date
from mediation_desktop.core.enums import OUTCOME_LABELS, STAGE_LABELS, Status
from mediation_desktop.core.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("cases", help="列出案件（最新的在前）")
    p.add_argument("--status", choices=[s.value for s in Status], help="按状态筛选")
    p.add_argument("--search", help="按申请人、用人单位、案号或案情检索")
    p.add_argument("--org", help="（区人社）只列出该调解组织（组织代码）的案件")
    p.add_argument("--limit", type=bounded_int(0, 10_000_000), default=0, help="最多列出多少件（默认全部）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_cases)

    show = case_subcommands(sub).add_parser("show", help="显示一个案件及其期限")
    show.add_argument("case_no", metavar="CASE_NO")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    d = sub.add_parser("deadlines", help="列出即将到期和已经超期的期限")
    d.add_argument("--on", help="以哪一天为准（YYYY-MM-DD，默认今天）")
    d.add_argument("--within", type=bounded_int(0, 3660), default=3, help="多少天内到期（默认3）")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=run_deadlines)


def case_subcommands(sub):
    """The one ``case`` command's ACTION sub-parsers (``show`` here, the lifecycle actions in
    lifecycle_cmd): made by whichever group registers first, found again by the others."""
    case = sub.choices.get("case")
    if case is None:
        case = sub.add_parser("case", help="单个案件：查看，以及登记、受理、调解、协议、结案等办案操作")
        case.set_defaults(case_actions=case.add_subparsers(dest="case_command", metavar="ACTION", required=True))
    return case.get_default("case_actions")


def run_cases(ctx) -> int:
    from mediation_desktop.core.enums import Outcome, Stage
    from mediation_desktop.core.model import CaseFilter
    from mediation_desktop.services.case_list import CaseListService

    if ctx.args.limit < 0:
        raise UserError("E_ARGUMENT", "--limit 不能为负数")
    service = CaseListService(ctx.backend())
    org_id = service.organisation_id(ctx.args.org) if ctx.args.org is not None else None
    found = service.summaries(CaseFilter(status=ctx.args.status, search=ctx.args.search, org_id=org_id),
                              limit=ctx.args.limit or None)
    if ctx.args.json:
        ctx.out_json(found)
        return 0
    if not found:
        ctx.say("没有符合条件的案件。")
    for c in found:
        label = STAGE_LABELS[Stage(c["stage"])] + (f"·{OUTCOME_LABELS[Outcome(c['outcome'])]}" if c["outcome"] else "")
        names = "、".join(a["name"] for a in c["applicants"])
        ctx.say(f"{c['case_no']}\t{c['received_on']}\t{names}\t{c['respondent']['name']}\t{label}")
    return 0


def run_show(ctx) -> int:
    from mediation_desktop.core.deadlines import DEADLINE_LABELS, warning_text
    from mediation_desktop.core.lifecycle import late_acceptance_text
    from mediation_desktop.core.money import format_figures
    from mediation_desktop.services.case_json import case_detail_json
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.district_messages import case_remarks

    view = CaseService(ctx.backend()).view(ctx.args.case_no)
    case = view.case
    if ctx.args.json:
        data = case_detail_json(case, view.deadlines, view.risk.as_json())
        data["remarks"] = [r.as_json() for r in case_remarks(ctx.backend(), case.id)]
        ctx.out_json(data)
        return 0
    ctx.say(f"案号：{case.case_no}    状态：{STAGE_LABELS[case.stage]}"
            + (f"（{OUTCOME_LABELS[case.outcome]}）" if case.outcome else ""))
    ctx.say(f"申请人：{case.applicant_names}（涉及{case.workers_involved}人{'，集体争议' if case.collective else ''}）")
    ctx.say(f"被申请人：{case.respondent.name}" + (f"（{case.respondent.uscc}）" if case.respondent.uscc else ""))
    ctx.say(f"收案日期：{case.received_on.isoformat()}" + (f"    受理日期：{case.accepted_on.isoformat()}" if case.accepted_on else ""))
    if case.amount_claimed_fen is not None:
        ctx.say(f"请求金额：{format_figures(case.amount_claimed_fen)}")
    for key, value in view.deadlines.as_json().items():
        if value:
            approx = "（估算）" if key in view.deadlines.approximate else ""
            ctx.say(f"{DEADLINE_LABELS[key]}：{value}{approx}")
    for w in view.deadlines.warnings:
        ctx.say("注意：" + warning_text(w))
    if case.accepted_late:
        ctx.say("注意：" + late_acceptance_text(case, view.deadlines.acceptance_due))
    if case.extended_until:
        agreed = f"（双方于 {case.extension_agreed_on.isoformat()} 同意）" if case.extension_agreed_on else ""
        ctx.say(f"调解期限延长至：{case.extended_until.isoformat()}{agreed}")
    if view.risk.level != "none":
        ctx.say(f"风险提示（{view.risk.level}）：" + "；".join(view.risk.reasons))
    for r in case_remarks(ctx.backend(), case.id):
        state = "（待答复）" if r.open else ""
        ctx.say(f"区人社{'更正请求' if r.kind == 'correction' else '批注'}{state}（{r.created_at[:10]}，编号 {r.id[:8]}）："
                f"{r.text}")
        for a in r.answers:
            ctx.say(f"  答复（{a['created_at'][:10]}，{a['author']}）：{a['text']}")
    return 0


def run_deadlines(ctx) -> int:
    from mediation_desktop.core.clock import today
    from mediation_desktop.core.deadlines import DEADLINE_LABELS
    from mediation_desktop.services.case_list import CaseListService

    on = parse_iso_date(ctx.args.on, field="on") if ctx.args.on else today()
    if ctx.args.within < 0:
        raise UserError("E_ARGUMENT", "--within 不能为负数")
    until = days_after(on, ctx.args.within, "--within")
    items = CaseListService(ctx.backend()).due_items(on, until)
    if ctx.args.json:
        ctx.out_json([i.as_json() for i in items])
        return 0
    if not items:
        ctx.say(f"{on.isoformat()} 起 {ctx.args.within} 天内没有到期的期限，也没有超期案件。")
    for i in items:
        flag = "已超期" if i.overdue else ("今天到期" if i.due == on else "")
        ctx.say(f"{i.due.isoformat()}\t{DEADLINE_LABELS[i.deadline_key]}\t{i.case_no}\t{flag}{'（估算）' if i.approximate else ''}")
    return 0

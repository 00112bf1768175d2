"""The case lifecycle on the command line (CONTRACT §1 "Case lifecycle", §6): ``case add``, ``accept``,
``reject``, ``session``, ``schedule``, ``extend``, ``agree``, ``end``, ``pay``, ``close``.

Each action is one call of the same CaseService method the GUI's buttons use: one transaction,
audited, refused with E_TRANSITION when the case's stage does not allow it.
"""

from __future__ import annotations

from pathlib import Path

from mediation_desktop.commands.arguments import bounded_int
from mediation_desktop.commands.cases_cmd import case_subcommands

END_OUTCOMES = ("failed", "withdrawn", "settled", "transferred")
DATE_HELP = "YYYY-MM-DD，默认今天"


def register(sub) -> None:
    actions = case_subcommands(sub)

    def action(name: str, help_text: str, run, *, case_no: bool = True):
        p = actions.add_parser(name, help=help_text)
        if case_no:
            p.add_argument("case_no", metavar="CASE_NO")
        p.add_argument("--json", action="store_true", help="输出案件的 JSON")
        p.set_defaults(func=run)
        return p

    p = action("add", "从 JSON 文件登记新案件（格式见 docs/case-json.md），输出案号", run_add, case_no=False)
    p.add_argument("file", metavar="FILE.json")

    p = action("accept", "受理", run_accept)
    p.add_argument("--on", help=f"受理日期（{DATE_HELP}）")
    p.add_argument("--mediator", help="承办调解员")

    p = action("reject", "不予受理", run_reject)
    p.add_argument("--reason", required=True, help="不予受理的理由")
    p.add_argument("--on", help=f"决定日期（{DATE_HELP}）")

    p = action("session", "记录一次调解", run_session)
    p.add_argument("--on", required=True, help="调解日期（YYYY-MM-DD）")
    p.add_argument("--place", default="", help="地点")
    p.add_argument("--present", default="", help="参加人员")
    p.add_argument("--notes", default="", help="调解经过与双方意见")
    p.add_argument("--mode", choices=("现场", "视频", "电话"), default="现场", help="方式（默认现场）")
    p.add_argument("--recorder", default="", help="记录人")

    p = action("schedule", "安排下次调解（日期、时间、地点），工作台的今日调解/本周调解据此列出", run_schedule)
    p.add_argument("--on", required=True, help="调解日期（YYYY-MM-DD，不早于今天）")
    p.add_argument("--at", help="时间（时:分，如 09:30）")
    p.add_argument("--place", default="", help="地点")

    p = action("extend", "记录双方同意的延期", run_extend)
    p.add_argument("--until", required=True, help="延长后的调解期限（YYYY-MM-DD）")
    p.add_argument("--agreed-on", required=True, dest="agreed_on", help="双方同意延期的日期（YYYY-MM-DD）")

    p = action("agree", "记录调解协议（JSON 文件，格式见 docs/case-json.md）", run_agree)
    p.add_argument("file", metavar="FILE.json")

    p = action("end", "未达成协议而结束调解", run_end)
    p.add_argument("--outcome", required=True, choices=END_OUTCOMES,
                   help="failed 调解不成/终止，withdrawn 撤回，settled 和解，transferred 转办")
    p.add_argument("--on", help=f"结束日期（{DATE_HELP}）")
    p.add_argument("--reason", help="原因或说明（转办时写明转往何处）")
    p.add_argument("--to", help="转办去向（transferred；缺省时取 --reason）")

    p = action("pay", "记录协议第 N 项的履行", run_pay)
    p.add_argument("--item", required=True, type=bounded_int(1, 200), help="协议事项序号（从1开始）")
    p.add_argument("--amount", required=True, help="履行金额，如 36800.50")
    p.add_argument("--on", required=True, help="履行日期（YYYY-MM-DD）")

    p = action("close", "结案", run_close)
    p.add_argument("--on", help=f"结案日期（{DATE_HELP}）")


# -- helpers -----------------------------------------------------------------------------------------

def _service(ctx):
    from mediation_desktop.services.cases import CaseService

    return CaseService(ctx.backend())


def _date(text: str | None, option: str):
    from mediation_desktop.core.clock import parse_iso_date, today

    return today() if text is None else parse_iso_date(text, field=option)


def _done(ctx, case, said: str) -> int:
    if ctx.args.json:
        from mediation_desktop.services.case_json import case_detail_json
        from mediation_desktop.services.cases import CaseService

        view = CaseService(ctx.backend()).view(case.id)
        ctx.out_json(case_detail_json(view.case, view.deadlines, view.risk.as_json()))
    else:
        ctx.say(f"{case.case_no}：{said}")
    return 0


# -- the actions -------------------------------------------------------------------------------------

def run_add(ctx) -> int:
    from mediation_desktop.services.case_input import read_case

    case = _service(ctx).register(read_case(Path(ctx.args.file)))
    if ctx.args.json:
        return _done(ctx, case, "")
    ctx.say(case.case_no)
    return 0


def run_accept(ctx) -> int:
    on = _date(ctx.args.on, "--on")
    case = _service(ctx).accept(ctx.args.case_no, on, ctx.args.mediator)
    _warn_unregistered_mediator(ctx, ctx.args.mediator)
    late = "（已超过3个工作日的受理期限，记为逾期受理）" if case.accepted_late else ""
    return _done(ctx, case, f"已于 {on.isoformat()} 受理{late}")


def _warn_unregistered_mediator(ctx, name: str | None) -> None:
    """A name outside the mediator register is recorded as given, with a word on stderr (exit 0)."""
    import sys

    from mediation_desktop.services.mediators import unregistered_mediator

    warning = unregistered_mediator(ctx.backend(), name)
    if warning:
        sys.stderr.write("注意：" + warning + "\n")


def run_reject(ctx) -> int:
    on = _date(ctx.args.on, "--on")
    case = _service(ctx).not_accept(ctx.args.case_no, on, ctx.args.reason)
    return _done(ctx, case, f"已于 {on.isoformat()} 决定不予受理")


def run_session(ctx) -> int:
    from mediation_desktop.core.model import MediationSession

    session = MediationSession(held_on=_date(ctx.args.on, "--on"), place=ctx.args.place, mode=ctx.args.mode,
                               attendees=ctx.args.present, notes=ctx.args.notes, recorder=ctx.args.recorder)
    case = _service(ctx).record_session(ctx.args.case_no, session)
    return _done(ctx, case, f"已记录 {session.held_on.isoformat()} 的调解（第{len(case.sessions)}次）")


def run_schedule(ctx) -> int:
    from mediation_desktop.core.session_schedule import schedule_text

    case = _service(ctx).schedule_session(ctx.args.case_no, _date(ctx.args.on, "--on"), ctx.args.at, ctx.args.place)
    return _done(ctx, case, "已安排" + schedule_text(case))


def run_extend(ctx) -> int:
    until, agreed_on = _date(ctx.args.until, "--until"), _date(ctx.args.agreed_on, "--agreed-on")
    case = _service(ctx).extend(ctx.args.case_no, until, agreed_on)
    return _done(ctx, case, f"调解期限经双方于 {agreed_on.isoformat()} 同意延长至 {until.isoformat()}")


def run_agree(ctx) -> int:
    from mediation_desktop.core.enums import Outcome
    from mediation_desktop.services.case_input import read_agreement

    agreement = read_agreement(Path(ctx.args.file))
    case = _service(ctx).conclude(ctx.args.case_no, Outcome.AGREEMENT, agreement.signed_on, agreement=agreement)
    return _done(ctx, case, f"已记录 {agreement.signed_on.isoformat()} 签订的调解协议（{len(agreement.items)}项）")


def run_end(ctx) -> int:
    from mediation_desktop.core.enums import OUTCOME_LABELS, Outcome

    outcome, on = Outcome(ctx.args.outcome), _date(ctx.args.on, "--on")
    reason = (ctx.args.reason or "").strip() or None
    to = ((ctx.args.to or "").strip() or reason) if outcome == Outcome.TRANSFERRED else None
    case = _service(ctx).conclude(ctx.args.case_no, outcome, on, note=reason, transferred_to=to)
    return _done(ctx, case, f"已于 {on.isoformat()} 结束调解：{OUTCOME_LABELS[outcome]}")


def run_pay(ctx) -> int:
    from mediation_desktop.core.errors import ValidationError
    from mediation_desktop.core.money import format_figures, parse_amount

    on = _date(ctx.args.on, "--on")
    fen = parse_amount(ctx.args.amount, field="--amount")
    service = _service(ctx)
    current = service.get(ctx.args.case_no)
    items = current.agreement.items if current.agreement else []
    if ctx.args.item > len(items):
        # Only a case with an agreement has items; without one the transition itself is refused.
        if current.agreement is not None:
            raise ValidationError("E_NOT_FOUND", f"协议只有 {len(items)} 项，没有第 {ctx.args.item} 项", field="item")
        item_id = ""
    else:
        item_id = items[ctx.args.item - 1].id
    case = service.record_performance(current.id, item_id, on, fen)
    return _done(ctx, case, f"已记录协议第{ctx.args.item}项于 {on.isoformat()} 履行 {format_figures(fen)}")


def run_close(ctx) -> int:
    on = _date(ctx.args.on, "--on")
    case = _service(ctx).close(ctx.args.case_no, on)
    return _done(ctx, case, f"已于 {on.isoformat()} 结案")

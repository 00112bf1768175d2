"""The case lifecycle as explicit transitions.

register → accept | not accept → mediate (sessions, extension by agreement) → conclude with an
outcome (agreement / settled / failed / withdrawn / transferred) → performance follow-up → close.
Each function checks the case's state, checks the dates, changes the case in place, and raises
:class:`TransitionError` (a clear Chinese message) when the action is not legal now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mediation_desktop.core.enums import OUTCOME_LABELS, STAGE_LABELS, Outcome, Stage, Status
from mediation_desktop.core.errors import TransitionError, ValidationError
from mediation_desktop.core.model import Agreement, Case, MediationSession


@dataclass(frozen=True)
class Action:
    code: str
    label: str


ACCEPT = Action("accept", "受理")
NOT_ACCEPT = Action("not_accept", "不予受理")
EXTEND = Action("extend", "延期")
RECORD_SESSION = Action("record_session", "记录调解")
AGREE = Action("agree", "达成协议")
SETTLE = Action("settle", "和解")
FAIL = Action("fail", "调解不成/终止")
WITHDRAW = Action("withdraw", "撤回")
TRANSFER = Action("transfer", "转办")
RECORD_PERFORMANCE = Action("record_performance", "记录履行")
CLOSE = Action("close", "结案")
REOPEN = Action("reopen", "重新打开")

_BY_STAGE: dict[Stage, tuple[Action, ...]] = {
    Stage.REGISTERED: (ACCEPT, NOT_ACCEPT, WITHDRAW, TRANSFER),
    Stage.MEDIATING: (RECORD_SESSION, EXTEND, AGREE, SETTLE, FAIL, WITHDRAW, TRANSFER),
    Stage.CONCLUDED: (RECORD_PERFORMANCE, CLOSE),
    Stage.CLOSED: (REOPEN,),
}


def allowed_actions(case: Case) -> tuple[Action, ...]:
    actions = _BY_STAGE[case.stage]
    if case.stage == Stage.CONCLUDED and case.outcome != Outcome.AGREEMENT:
        actions = tuple(a for a in actions if a is not RECORD_PERFORMANCE)
    return actions


def _require(case: Case, action: Action) -> None:
    if action not in allowed_actions(case):
        raise TransitionError(
            "E_TRANSITION",
            f"案件当前状态为“{STAGE_LABELS[case.stage]}”，不能执行“{action.label}”",
        )


def _not_before(when: date, earlier: date | None, what: str, earlier_what: str) -> None:
    if earlier is not None and when < earlier:
        raise ValidationError("E_DATE_ORDER", f"{what}（{when.isoformat()}）不能早于{earlier_what}（{earlier.isoformat()}）")


def accept(case: Case, on: date, mediator: str | None = None) -> None:
    _require(case, ACCEPT)
    _not_before(on, case.received_on, "受理日期", "收案日期")
    case.status, case.accepted_on = Status.MEDIATING, on
    if mediator:
        case.mediator = mediator


def not_accept(case: Case, on: date, reason: str) -> None:
    _require(case, NOT_ACCEPT)
    _not_before(on, case.received_on, "不予受理日期", "收案日期")
    if not reason.strip():
        raise ValidationError("E_REQUIRED", "请填写不予受理的理由", field="reason")
    case.status, case.outcome = Status.CLOSED, Outcome.NOT_ACCEPTED
    case.not_accepted_reason = reason.strip()
    case.concluded_on = case.closed_on = on


def extend(case: Case, until: date) -> None:
    """Extension by both parties' agreement; the caller checks the 15-day limit against the calendar
    (core.deadlines.check_extension) because it depends on holidays."""
    _require(case, EXTEND)
    case.extended_until = until


def record_session(case: Case, session: MediationSession) -> None:
    _require(case, RECORD_SESSION)
    _not_before(session.held_on, case.accepted_on, "调解日期", "受理日期")
    case.sessions.append(session)


def conclude(case: Case, outcome: Outcome, on: date, note: str | None = None,
             agreement: Agreement | None = None, transferred_to: str | None = None) -> None:
    """End mediation with an outcome. Withdrawal and transfer are also possible before acceptance."""
    action = {Outcome.AGREEMENT: AGREE, Outcome.SETTLED: SETTLE, Outcome.FAILED: FAIL,
              Outcome.WITHDRAWN: WITHDRAW, Outcome.TRANSFERRED: TRANSFER}.get(outcome)
    if action is None:
        raise TransitionError("E_TRANSITION", f"“{OUTCOME_LABELS.get(outcome, outcome)}”不是调解结束的结果")
    _require(case, action)
    _not_before(on, case.accepted_on or case.received_on, "结束日期", "受理日期" if case.accepted_on else "收案日期")
    if outcome == Outcome.AGREEMENT:
        if agreement is None or not agreement.items:
            raise ValidationError("E_AGREEMENT_EMPTY", "达成协议需要至少一项协议内容", field="items")
        _not_before(agreement.signed_on, case.accepted_on, "协议签订日期", "受理日期")
        case.agreement = agreement
        case.amount_agreed_fen = agreement.total_fen
    if outcome == Outcome.TRANSFERRED:
        if not (transferred_to or "").strip():
            raise ValidationError("E_REQUIRED", "请填写转办去向", field="transferred_to")
        case.transferred_to = transferred_to.strip()
    if case.status == Status.REGISTERED:
        # Withdrawn or transferred before acceptance: nothing further happens here.
        case.status, case.closed_on = Status.CLOSED, on
    case.outcome, case.concluded_on = outcome, on
    case.conclusion_note = note


def record_performance(case: Case, item_id: str, performed_on: date, performed_fen: int) -> None:
    _require(case, RECORD_PERFORMANCE)
    assert case.agreement is not None
    for item in case.agreement.items:
        if item.id == item_id:
            _not_before(performed_on, case.agreement.signed_on, "履行日期", "协议签订日期")
            if performed_fen < 0:
                raise ValidationError("E_AMOUNT_NEGATIVE", "履行金额不能为负数", field="performed_fen")
            item.performed_on, item.performed_fen = performed_on, performed_fen
            return
    raise ValidationError("E_NOT_FOUND", "找不到这项协议内容", field="item")


def close(case: Case, on: date) -> None:
    _require(case, CLOSE)
    _not_before(on, case.concluded_on, "结案日期", "调解结束日期")
    case.status, case.closed_on = Status.CLOSED, on


def reopen(case: Case) -> None:
    """Back to mediation (or registration) with the outcome cleared; an agreement stays on file."""
    _require(case, REOPEN)
    case.status = Status.MEDIATING if case.accepted_on else Status.REGISTERED
    case.outcome = case.concluded_on = case.closed_on = None
    case.not_accepted_reason = None

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
from mediation_desktop.core.errors import TransitionError, ValidationError, ValidationErrors
from mediation_desktop.core.model import AGREEMENT_TAX, Agreement, Case, MediationSession
from mediation_desktop.core.rules import check_date


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


def amount_claimed(case: Case) -> int | None:
    """The case's claimed total: as given, else the sum of the claims that name an amount. A claim
    such as 确认劳动关系 has no amount, and a case with only such claims claims no money (None,
    never 0: documents would otherwise print 人民币零元整)."""
    if case.amount_claimed_fen is not None:
        return case.amount_claimed_fen
    amounts = [c.amount_fen for c in case.claims if c.amount_fen is not None]
    return sum(amounts) if amounts else None


def check_action_date(on: date, today: date, *, field: str, what: str) -> date:
    """A date an action happened on: a real calendar date, and not after today (a decision or a
    session cannot be recorded ahead of time; a future date is a typo)."""
    check_date(on, field=field, what=what)
    if on > today:
        raise ValidationError("E_DATE_FUTURE", f"{what}（{on.isoformat()}）不能晚于今天（{today.isoformat()}）", field=field)
    return on


def is_late_acceptance(accepted_on: date | None, acceptance_due: date | None) -> bool:
    """Accepted after the 3 working days for deciding: allowed, but on record (every way a case
    gets an acceptance date, by the accept action or from an imported ledger, asks this)."""
    return accepted_on is not None and acceptance_due is not None and accepted_on > acceptance_due


LATE_ACCEPTANCE = "late_acceptance"   # the deadline-warning code of a case accepted after acceptance_due


def late_acceptance_text(case: Case, acceptance_due: date | None) -> str:
    due = f"（受理期限 {acceptance_due.isoformat()}）" if acceptance_due else ""
    on = case.accepted_on.isoformat() if case.accepted_on else ""
    return f"逾期受理：{on} 受理，超过收到申请后3个工作日的受理期限{due}"


def accept(case: Case, on: date, mediator: str | None = None, acceptance_due: date | None = None) -> None:
    """Accept the case. Accepting after ``acceptance_due`` (3 working days, which the caller counts
    with the holiday calendar) is still an acceptance, but the case keeps the fact on record."""
    _require(case, ACCEPT)
    _not_before(on, case.received_on, "受理日期", "收案日期")
    case.status, case.accepted_on = Status.MEDIATING, on
    case.accepted_late = is_late_acceptance(on, acceptance_due)
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


def extend(case: Case, until: date, agreed_on: date, term_ends: date | None) -> None:
    """Extension by both parties' agreement, made on ``agreed_on``. ``term_ends`` is the mediation
    term running when they agreed (the original 15 days, or an earlier extension): a term that has
    already run out cannot be extended, because the mediation has by then ended by law. The caller
    checks the 15-day cap against the calendar (core.deadlines.check_extension): it depends on
    holidays."""
    _require(case, EXTEND)
    _not_before(agreed_on, case.accepted_on, "同意延期的日期", "受理日期")
    if term_ends is not None and agreed_on > term_ends:
        raise ValidationError(
            "E_EXTENSION_LATE",
            f"调解期限已于 {term_ends.isoformat()} 届满，{agreed_on.isoformat()} 才同意延期的，不能再延长；"
            "请按调解不成终止调解，并告知当事人申请仲裁的权利",
            field="agreed_on",
        )
    if until < agreed_on:
        raise ValidationError("E_DATE_ORDER", f"延长后的调解期限（{until.isoformat()}）不能早于同意延期的日期"
                              f"（{agreed_on.isoformat()}）", field="extended_until")
    case.extended_until, case.extension_agreed_on = until, agreed_on


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
        if agreement is None:
            raise ValidationError("E_AGREEMENT_EMPTY", "达成协议需要至少一项协议内容", field="items")
        errors = agreement_problems(case, agreement)
        if errors:
            raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
        case.agreement = agreement
        # An agreement that pays nothing (a certificate, a reference) agrees no amount: None, not 0.
        paying = any(item.amount_fen is not None for item in agreement.items)
        case.amount_agreed_fen = agreement.total_fen if paying else None
    if outcome == Outcome.TRANSFERRED:
        if not (transferred_to or "").strip():
            raise ValidationError("E_REQUIRED", "请填写转办去向", field="transferred_to")
        case.transferred_to = (transferred_to or "").strip()
    if case.status == Status.REGISTERED:
        # Withdrawn or transferred before acceptance: nothing further happens here.
        case.status, case.closed_on = Status.CLOSED, on
    case.outcome, case.concluded_on = outcome, on
    case.conclusion_note = note


def agreement_problems(case: Case, agreement: Agreement) -> list[ValidationError]:
    """Every problem with an agreement about to be recorded, one per field (the GUI dialog and
    ``case agree`` both show these)."""
    errors: list[ValidationError] = []
    if not agreement.items:
        errors.append(ValidationError("E_AGREEMENT_EMPTY", "达成协议需要至少一项协议内容", field="items"))
    if case.accepted_on is not None and agreement.signed_on < case.accepted_on:
        errors.append(ValidationError(
            "E_DATE_ORDER", f"协议签订日期（{agreement.signed_on.isoformat()}）不能早于受理日期（{case.accepted_on.isoformat()}）",
            field="signed_on"))
    if agreement.effective_on is not None and agreement.effective_on < agreement.signed_on:
        errors.append(ValidationError("E_DATE_ORDER", "协议生效日期不能早于签订日期", field="effective_on"))
    if agreement.tax is not None and agreement.tax not in AGREEMENT_TAX:
        errors.append(ValidationError("E_AGREEMENT_TAX", "协议金额的税务口径应为 pre_tax（税前）、after_tax（税后）或 none（不涉及）",
                                      field="tax"))
    for i, item in enumerate(agreement.items):
        for name, what in (("payer", "给付方"), ("payee", "接受方"), ("description", "内容")):
            if not str(getattr(item, name) or "").strip():
                errors.append(ValidationError("E_REQUIRED", f"第{i + 1}项协议内容缺少{what}", field=f"items.{i}.{name}"))
        if item.amount_fen is not None and item.amount_fen < 0:
            errors.append(ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数", field=f"items.{i}.amount"))
        if item.due_on is not None and item.due_on < agreement.signed_on:
            errors.append(ValidationError("E_DATE_ORDER", f"第{i + 1}项的履行期限不能早于协议签订日期", field=f"items.{i}.due"))
    pays_money = any(item.amount_fen for item in agreement.items)
    if case.collective and pays_money and not agreement.per_worker:
        # Each worker applies for a 支付令 alone (民事诉讼法 第221条), so the court needs each one's sum.
        errors.append(ValidationError(
            "E_PER_WORKER_REQUIRED", f"集体争议（涉及{case.workers_involved}人）的协议约定了给付金额，"
            "请逐一列明每名劳动者的姓名和应得金额（per_worker）", field="per_worker"))
    for i, share in enumerate(agreement.per_worker):
        if not share.name.strip():
            errors.append(ValidationError("E_REQUIRED", f"第{i + 1}名劳动者缺少姓名", field=f"per_worker.{i}.name"))
        if share.amount_fen < 0:
            errors.append(ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数", field=f"per_worker.{i}.amount"))
    return errors


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

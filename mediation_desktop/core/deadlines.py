"""The statutory deadlines of a case (CONTRACT §2), and which of them still need attention.

Counting follows 民事诉讼法第85条: the start day is not counted, "N days" are calendar days, and a
last day that is not a working day moves to the next working day. Only the acceptance period is
counted in working days (劳动人事争议协商调解规定: 3个工作日).

When a computation touches a year without an official holiday table (see :mod:`core.calendar`), the
key is listed in ``Deadlines.approximate`` and ``holiday_calendar_missing:YYYY`` in the warnings.

Which deadlines still matter, by stage (``open_deadline_items``; the choice is independent of
"today" so that ``next_due`` can be stored as an indexed column and stay correct):

- 待受理 (registered): ``acceptance_due`` and ``statutory_due``.
- 调解中 (mediating, no outcome yet): ``mediation_due`` only. The statutory 15 days from receipt
  usually end a day or two before the mediation term (Order 17 counts from acceptance), and
  mediating on inside the term is lawful; flagging the statutory day as overdue then would be a
  false alarm. It stays visible in the case's deadlines.
- 调解结束 (concluded) with an agreement: ``arbitration_review_due`` and
  ``judicial_confirmation_due`` until either has been applied for (the two routes exclude each
  other: an agreement already 司法确认'd is refused for 仲裁审查 and vice versa).
- 已结案 (closed), or concluded without agreement: nothing.

A deadline that has passed stays listed as overdue until the stage moves on: an unanswered
application, a mediation past its term, or a lapsed review window are all things the mediator must
act on (accept/refuse, end or extend the mediation, record the outcome, close the case).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mediation_desktop.core.calendar import WorkCalendar
from mediation_desktop.core.enums import Stage
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Case

ACCEPTANCE_WORKING_DAYS = 3
STATUTORY_DAYS = 15
MEDIATION_DAYS = 15
# The cap on an agreed extension. 《企业劳动争议协商调解规定》（人社部令第17号）第二十六条: the committee
# ends a mediation within 15 days of accepting it, "但是双方当事人同意延期的可以延长" -- it sets no cap.
# The cap of 15 days comes from 人社厅发〔2024〕4号 (关于加强新就业形态劳动纠纷一站式调解工作的通知:
# "调解应当自受理之日起15日内结束，双方当事人同意的可以延长，最长不超过15日"), which the app applies to
# every case as the stricter common practice. The documents therefore cite no cap of their own.
MAX_EXTENSION_DAYS = 15
ARBITRATION_REVIEW_DAYS = 15
JUDICIAL_CONFIRMATION_DAYS = 30

DEADLINE_KEYS = (
    "acceptance_due",
    "statutory_due",
    "mediation_due",
    "arbitration_review_due",
    "judicial_confirmation_due",
)

DEADLINE_LABELS = {
    "acceptance_due": "受理期限",
    "statutory_due": "法定调解期限",
    "mediation_due": "调解期限",
    "arbitration_review_due": "仲裁审查申请期限",
    "judicial_confirmation_due": "司法确认申请期限",
}

RULE_TEXTS = {
    "acceptance_due": "收到调解申请后3个工作日内决定是否受理（工作日按国务院节假日安排计算）",
    "statutory_due": "自收到调解申请之日起15日内未达成协议的，当事人可以依法申请仲裁（届满日为节假日的顺延）",
    "mediation_due": "自受理之日起15日内结束调解；双方同意的可以延长，本软件按人社厅发〔2024〕4号最长延长15日（届满日为节假日的顺延）",
    "arbitration_review_due": "调解协议生效之日起15日内，双方可以共同向仲裁委员会申请仲裁审查（届满日为节假日的顺延）",
    "judicial_confirmation_due": "调解协议生效之日起30日内，双方可以共同向人民法院申请司法确认（届满日为节假日的顺延）",
}

MISSING_CALENDAR_PREFIX = "holiday_calendar_missing:"


def warning_text(code: str) -> str:
    """The Chinese sentence for a deadline warning code (unknown codes are returned unchanged)."""
    if code.startswith(MISSING_CALENDAR_PREFIX):
        year = code[len(MISSING_CALENDAR_PREFIX):]
        return (
            f"缺少{year}年节假日安排表，相关期限按周末及元旦、劳动节、国庆的固定日期估算，仅供参考；"
            "请导入当年国务院办公厅节假日安排"
        )
    return code


@dataclass
class Deadlines:
    acceptance_due: date | None = None
    statutory_due: date | None = None
    mediation_due: date | None = None
    arbitration_review_due: date | None = None
    judicial_confirmation_due: date | None = None
    warnings: list[str] = field(default_factory=list)
    approximate: frozenset[str] = frozenset()

    def get(self, key: str) -> date | None:
        if key not in DEADLINE_KEYS:
            raise KeyError(key)
        due: date | None = getattr(self, key)
        return due

    def as_json(self) -> dict[str, str | None]:
        """The ``deadlines`` object of the case JSON: the five keys, ISO dates or None."""
        return {key: (d.isoformat() if (d := getattr(self, key)) else None) for key in DEADLINE_KEYS}


def _base_mediation_due(case: Case, calendar: WorkCalendar) -> date | None:
    if case.accepted_on is None:
        return None
    return calendar.add_calendar_days_rolled(case.accepted_on, MEDIATION_DAYS)


def deadline_inputs(case: Case) -> tuple[date | bool | None, ...]:
    """Everything compute_deadlines reads from a case: cases equal in these have equal deadlines
    (a bulk write computes them once per distinct value)."""
    agreement = case.agreement
    effective = agreement.takes_effect_on if agreement is not None else None
    return (case.received_on, case.accepted_on, case.extended_until, agreement is not None, effective)


def compute_deadlines(case: Case, calendar: WorkCalendar) -> Deadlines:
    """All five deadlines of ``case`` (CONTRACT §2)."""
    values: dict[str, date] = {}
    approximate: set[str] = set()
    missing: set[int] = set()

    def record(key: str, result: tuple[date, tuple[int, ...]]) -> None:
        values[key], years = result
        if years:
            approximate.add(key)
            missing.update(years)

    record("acceptance_due", calendar.add_working_days_with_missing(case.received_on, ACCEPTANCE_WORKING_DAYS))
    record("statutory_due", calendar.add_calendar_days_rolled_with_missing(case.received_on, STATUTORY_DAYS))
    # The mediation term exists only once the case is accepted; an agreed extension replaces it.
    if case.accepted_on is not None:
        if case.extended_until is not None:
            values["mediation_due"] = case.extended_until
        else:
            record("mediation_due", calendar.add_calendar_days_rolled_with_missing(case.accepted_on, MEDIATION_DAYS))
    if case.agreement is not None:
        effective = case.agreement.takes_effect_on
        record("arbitration_review_due",
               calendar.add_calendar_days_rolled_with_missing(effective, ARBITRATION_REVIEW_DAYS))
        record("judicial_confirmation_due",
               calendar.add_calendar_days_rolled_with_missing(effective, JUDICIAL_CONFIRMATION_DAYS))
    return Deadlines(
        **values,
        warnings=[f"{MISSING_CALENDAR_PREFIX}{y}" for y in sorted(missing)],
        approximate=frozenset(approximate),
    )


# --------------------------------------------------------------------------------------------
# Extension of the mediation term
# --------------------------------------------------------------------------------------------

def max_extension_until(case: Case, calendar: WorkCalendar) -> date:
    """The latest date an agreed extension may run to: the original mediation term plus at most
    15 more calendar days, the last day moved to a working day."""
    base = _base_mediation_due(case, calendar)
    if base is None:
        raise ValidationError("E_EXTENSION_NOT_ACCEPTED", "案件尚未受理，不能延长调解期限", field="extended_until")
    return calendar.add_calendar_days_rolled(base, MAX_EXTENSION_DAYS)


def check_extension(case: Case, until: date, calendar: WorkCalendar) -> date:
    """Refuse an extension end outside (original term, original term + 15 days]; returns ``until``."""
    limit = max_extension_until(case, calendar)
    base = _base_mediation_due(case, calendar)
    assert base is not None  # max_extension_until refused unaccepted cases
    if until <= base:
        raise ValidationError(
            "E_EXTENSION_BEFORE_DUE",
            f"延长后的调解期限（{until.isoformat()}）必须晚于原调解期限 {base.isoformat()}",
            field="extended_until",
        )
    if until > limit:
        raise ValidationError(
            "E_EXTENSION_TOO_LONG",
            f"调解期限最多延长15日，最晚到 {limit.isoformat()}，不能延至 {until.isoformat()}",
            field="extended_until",
        )
    return until


# --------------------------------------------------------------------------------------------
# What is due
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DueItem:
    case_no: str
    deadline_key: str
    due: date
    overdue: bool
    approximate: bool

    def as_json(self) -> dict[str, object]:
        """One entry of ``deadlines --json`` (CONTRACT §2)."""
        return {
            "case_no": self.case_no,
            "deadline": self.deadline_key,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
            "approximate": self.approximate,
        }


def relevant_keys(case: Case) -> tuple[str, ...]:
    """The deadline keys that matter at the case's current stage (see the module docstring)."""
    stage = case.stage
    if stage == Stage.REGISTERED:
        return ("acceptance_due", "statutory_due")
    if stage == Stage.MEDIATING:
        return ("mediation_due",)
    if stage == Stage.CONCLUDED and case.agreement is not None:
        agreement = case.agreement
        if agreement.arbitration_review_applied_on or agreement.judicial_confirmation_applied_on:
            return ()
        return ("arbitration_review_due", "judicial_confirmation_due")
    return ()


def open_deadline_items(case: Case, deadlines: Deadlines, today: date) -> list[DueItem]:
    """The deadlines still to watch for ``case``, soonest first; ``overdue`` means due before today."""
    items = []
    for key in relevant_keys(case):
        due = deadlines.get(key)
        if due is None:
            continue
        items.append(DueItem(case.case_no, key, due, due < today, key in deadlines.approximate))
    items.sort(key=lambda item: (item.due, DEADLINE_KEYS.index(item.deadline_key)))
    return items


def next_due(case: Case, deadlines: Deadlines) -> date | None:
    """The earliest deadline still to watch, or None. Independent of today, so it can be stored
    and indexed: a case has something due by day X (or overdue) exactly when next_due <= X."""
    if case.review_pending:
        # An old open case from a legacy ledger stays off the deadline lists until the mediator
        # has reviewed it (closed it, or kept it open as a normal case).
        return None
    dues = [d for key in relevant_keys(case) if (d := deadlines.get(key)) is not None]
    return min(dues, default=None)

"""Case use cases: register, change through the lifecycle, read. Each runs in one transaction that
also writes the outbox entry and the audit entry, so a change is all there or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from mediation_desktop.core import lifecycle
from mediation_desktop.core.case_fields import case_rule_errors
from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.collective import representative_problem
from mediation_desktop.core.deadlines import Deadlines, check_extension, compute_deadlines
from mediation_desktop.core.enums import COURT_CHANNELS, DisputeType
from mediation_desktop.core.errors import NotFoundError, PermissionDenied, ValidationError, ValidationErrors
from mediation_desktop.core.model import Case
from mediation_desktop.core.risk import Risk, assess
from mediation_desktop.core.rules import check_date
from mediation_desktop.core.validation import check_id_number, check_name, check_phone, check_uscc
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import owns_case, require_action
from mediation_desktop.storage import Connection, cases_repo, queries, sync_repo
from mediation_desktop.storage.outbox import audit, record_changes

VALID_TYPES = {t.value for t in DisputeType}


def validate_case(case: Case, today: date | None = None) -> list[ValidationError]:
    """Every problem with a case about to be saved, each naming its field (for inline display)."""
    errors: list[ValidationError] = []

    def check(fn: Callable, *args, **kw):
        try:
            return fn(*args, **kw)
        except ValidationError as exc:
            errors.append(exc)
            return None

    today = today or clock_today()
    # Text, money, date and head-count bounds (core.rules), the same for every way in; texts are
    # cleaned in place, so the checks below see the cleaned values.
    rule_errors = case_rule_errors(case)
    if not case.applicants:
        errors.append(ValidationError("E_REQUIRED", "至少需要一名申请人", field="applicants"))
    for i, a in enumerate(case.applicants):
        name = check(check_name, a.name, field=f"applicants.{i}.name", what="申请人姓名")
        if name:
            a.name = name
        if a.id_number:
            a.id_number = check(check_id_number, a.id_number, field=f"applicants.{i}.id_number", today=today)
        if a.phone:
            a.phone = check(check_phone, a.phone, field=f"applicants.{i}.phone")
    name = check(check_name, case.respondent.name, field="respondent.name", what="被申请人（用人单位）名称",
                 rule="respondent.name")
    if name:
        case.respondent.name = name
    if case.respondent.uscc:
        case.respondent.uscc = check(check_uscc, case.respondent.uscc, field="respondent.uscc")
    if case.respondent.phone:
        case.respondent.phone = check(check_phone, case.respondent.phone, field="respondent.phone")
    if case.received_on > today:
        errors.append(ValidationError("E_DATE_FUTURE", "收案日期不能晚于今天", field="received_on"))
    if case.accepted_on and case.accepted_on < case.received_on:
        errors.append(ValidationError("E_DATE_ORDER", "受理日期不能早于收案日期", field="accepted_on"))
    if case.closed_on and case.closed_on < (case.accepted_on or case.received_on):
        errors.append(ValidationError("E_DATE_ORDER", "结案日期不能早于受理或收案日期", field="closed_on"))
    unknown = [t for t in case.dispute_types if t not in VALID_TYPES]
    if unknown:
        errors.append(ValidationError("E_DISPUTE_TYPE", f"未知的争议类型：{'、'.join(unknown)}", field="dispute_types"))
    if not case.dispute_types:
        errors.append(ValidationError("E_REQUIRED", "请至少选择一种争议类型", field="dispute_types"))
    if case.channel in COURT_CHANNELS and not (case.court_case_no or "").strip():
        errors.append(ValidationError("E_REQUIRED", "法院委派/委托的案件请填写法院案号", field="court_case_no"))
    for i, c in enumerate(case.claims):
        if not c.description.strip():
            errors.append(ValidationError("E_REQUIRED", "请求事项不能为空", field=f"claims.{i}.description"))
        if c.amount_fen is not None and c.amount_fen < 0:
            errors.append(ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数", field=f"claims.{i}.amount"))
    if case.amount_claimed_fen is not None and case.amount_claimed_fen < 0:
        errors.append(ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数", field="amount_claimed"))
    # A collective case is brought by the representatives the workers elect (core.collective); the
    # ledger import, which has no column for them, warns instead (services.ledger_reader).
    representative = representative_problem(case)
    if representative is not None:
        errors.append(representative)
    return _first_per_field(errors + rule_errors)


def _first_per_field(errors: list[ValidationError]) -> list[ValidationError]:
    # One message per field: a name the text rules refuse is not reported again by the name check,
    # a future date not again as out of range.
    seen: set[str | None] = set()
    kept = []
    for e in errors:
        if e.field is None or e.field not in seen:
            seen.add(e.field)
            kept.append(e)
    return kept


@dataclass
class CaseView:
    case: Case
    deadlines: Deadlines
    risk: Risk
    remarks: list[dict] = field(default_factory=list)   # the district's remarks and correction requests


class CaseService:
    def __init__(self, backend: Backend):
        self.backend = backend

    # -- reading -----------------------------------------------------------------------------------
    def get(self, case_no_or_id: str) -> Case:
        with self.backend.db.read() as conn:
            return self._load(conn, case_no_or_id)

    def _load(self, conn: Connection, case_no_or_id: str) -> Case:
        case_id = cases_repo.find_case_id(conn, case_no_or_id)
        if case_id is None:
            raise NotFoundError("E_CASE_NOT_FOUND", f"找不到案件“{case_no_or_id}”")
        return cases_repo.load_cases(conn, [case_id])[0]

    def view(self, case_no_or_id: str, today: date | None = None) -> CaseView:
        with self.backend.db.read() as conn:
            case = self._load(conn, case_no_or_id)
            same_employer = queries.open_cases_of_employer(conn, case.respondent)
            key_enterprise = queries.is_key_enterprise(conn, case.respondent.uscc)
            remarks = sync_repo.remarks_rows_for_case(conn, case.id)
        deadlines = compute_deadlines(case, self.backend.calendar)
        risk = assess(case, open_cases_same_employer=same_employer, key_enterprise=key_enterprise, today=today)
        return CaseView(case, deadlines, risk, remarks)

    def find_duplicates(self, case: Case) -> list[str]:
        """Case numbers of open cases with the same applicant (by ID number or name) and employer."""
        with self.backend.db.read() as conn:
            return queries.open_duplicates(conn, case)

    # -- writing -----------------------------------------------------------------------------------
    def register(self, case: Case) -> Case:
        """Validate, number and save a new case."""
        require_action(self.backend, "register")
        node = self.backend.node
        case.org_id = node.org.id
        case.amount_claimed_fen = lifecycle.amount_claimed(case)
        errors = validate_case(case)
        if errors:
            raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
        with self.backend.db.write() as conn:
            if not case.case_no:
                case.seq_no = cases_repo.next_seq_no(conn, node.org.id, case.received_on.year)
                case.case_no = node.org.format_case_no(case.received_on.year, case.seq_no)
            elif case.seq_no is None:
                case.seq_no = cases_repo.next_seq_no(conn, node.org.id, case.received_on.year)
            case.origin_node = node.node_id
            self._save(conn, case, "register")
        return case

    def update(self, case: Case, action: str = "edit") -> Case:
        require_action(self.backend, action)
        errors = validate_case(case)
        if errors:
            raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
        with self.backend.db.write() as conn:
            self._save(conn, case, action)
        return case

    def _save(self, conn: Connection, case: Case, action: str, detail: dict | None = None) -> None:
        node_id = self.backend.node.node_id
        # Every save (lifecycle actions included) keeps the field rules, so no saved case can stop sync.
        errors = case_rule_errors(case)
        if errors:
            raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
        if not owns_case(case.origin_node, node_id):
            # A room owns its cases; at the district they are read-only, and remarks or correction
            # requests (records of the supervisor's own) travel back instead.
            raise PermissionDenied("E_NOT_OWNER", "这是其他调解组织登记的案件，只能查看；如需更正，请发送更正意见")
        deadlines = compute_deadlines(case, self.backend.calendar)
        cases_repo.save_case(conn, case, deadlines, self.backend.node.node_id, self.backend.user)
        record_changes(conn, "case", [case.id])
        audit(conn, self.backend.user, action, "case", case.id,
              {"case_no": case.case_no, "status": str(case.status), **(detail or {})})

    def apply(self, case_no_or_id: str, action: str, change: Callable[[Case], None], detail: dict | None = None) -> Case:
        """Load a case, apply one lifecycle change, save: all inside one write transaction so two
        people acting on the same case cannot overwrite each other."""
        require_action(self.backend, action)
        with self.backend.db.write() as conn:
            case = self._load(conn, case_no_or_id)
            change(case)
            self._save(conn, case, action, detail)
        return case

    @staticmethod
    def _on(on: date, field: str, what: str) -> date:
        return lifecycle.check_action_date(on, clock_today(), field=field, what=what)

    def accept(self, ref: str, on: date, mediator: str | None = None) -> Case:
        self._on(on, "on", "受理日期")

        def change(c: Case) -> None:
            due = compute_deadlines(c, self.backend.calendar).acceptance_due
            lifecycle.accept(c, on, mediator, acceptance_due=due)
        return self.apply(ref, "accept", change, {"on": on.isoformat()})

    def not_accept(self, ref: str, on: date, reason: str) -> Case:
        self._on(on, "on", "不予受理日期")
        return self.apply(ref, "not_accept", lambda c: lifecycle.not_accept(c, on, reason), {"on": on.isoformat()})

    def extend(self, ref: str, until: date, agreed_on: date) -> Case:
        """Record the parties' agreement, made on ``agreed_on``, to mediate on until ``until``."""
        self._on(agreed_on, "agreed_on", "同意延期的日期")
        check_date(until, field="until", what="延长后的调解期限")

        def change(c: Case) -> None:
            term_ends = compute_deadlines(c, self.backend.calendar).mediation_due
            lifecycle.extend(c, until, agreed_on, term_ends)
            check_extension(c, until, self.backend.calendar)
        return self.apply(ref, "extend", change, {"until": until.isoformat(), "agreed_on": agreed_on.isoformat()})

    def record_session(self, ref: str, session) -> Case:  # core.model.MediationSession
        self._on(session.held_on, "held_on", "调解日期")
        return self.apply(ref, "record_session", lambda c: lifecycle.record_session(c, session),
                          {"held_on": session.held_on.isoformat()})

    def schedule_session(self, ref: str, on: date, at: str | None = None, place: str = "") -> Case:
        """Book the case's next mediation session (core.session_schedule): the desk lists it."""
        from mediation_desktop.core.session_schedule import schedule

        today = clock_today()
        return self.apply(ref, "schedule_session", lambda c: schedule(c, on, at, place, today),
                          {"on": on.isoformat()})

    def conclude(self, ref: str, outcome, on: date, **kw) -> Case:
        self._on(on, "on", "调解结束日期")
        return self.apply(ref, "conclude", lambda c: lifecycle.conclude(c, outcome, on, **kw),
                          {"outcome": str(outcome), "on": on.isoformat()})

    def record_performance(self, ref: str, item_id: str, on: date, fen: int) -> Case:
        self._on(on, "on", "履行日期")
        return self.apply(ref, "record_performance", lambda c: lifecycle.record_performance(c, item_id, on, fen),
                          {"item": item_id, "on": on.isoformat()})

    def close(self, ref: str, on: date, unpaid_acknowledged: list[str] | None = None) -> Case:
        """``unpaid_acknowledged``: the agreement items still owed that the person closing was shown
        and confirmed (the window asks); recorded with the close in the audit trail."""
        self._on(on, "on", "结案日期")
        detail: dict = {"on": on.isoformat()}
        if unpaid_acknowledged:
            detail["unpaid_acknowledged"] = list(unpaid_acknowledged)
        return self.apply(ref, "close", lambda c: lifecycle.close(c, on), detail)

    def reopen(self, ref: str) -> Case:
        return self.apply(ref, "reopen", lifecycle.reopen)

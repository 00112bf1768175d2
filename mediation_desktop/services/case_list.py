"""What the GUI's case list and desk read: keys first, rows on demand, today's work, the audit trail.

Qt-free and cheap to import: storage (and so SQLAlchemy) is imported inside the methods, which run
on the GUI's worker thread, so the window can paint before the database layer is loaded.
Everything returned is plain data (dataclasses of str/int/date), never database rows.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediation_desktop.core.enums import (
    DISPUTE_TYPE_LABELS,
    OUTCOME_LABELS,
    STAGE_LABELS,
    DisputeType,
    Outcome,
    Stage,
)
from mediation_desktop.core.model import CaseFilter, stage_of

if TYPE_CHECKING:
    from mediation_desktop.core.deadlines import DueItem
    from mediation_desktop.services.backend import Backend

# The columns a list can sort by (the keys of storage.queries.SORTABLE).
SORT_COLUMNS = ("case_no", "received_on", "applicant_names", "respondent_name", "dispute_types",
                "workers_involved", "amount_claimed_fen", "status", "next_due")
NAME_COLUMNS = ("applicant_names", "respondent_name")
# Above this many matches, names sort by the database's code-point order: collating a million
# names in Python takes seconds, and a list that large is scrolled, not read alphabetically.
COLLATE_LIMIT = 100_000
DESK_LIMIT = 200
SOON_DAYS = 3


class QueryCancelled(Exception):
    """The query was interrupted because a newer one replaced it (typing went on)."""


class QueryCancel:
    """Lets another thread stop a running list query (SQLite ``interrupt``), so a long scan for
    a one-character prefix never delays the query for what the user finally typed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dbapi = None
        self.cancelled = False

    def attach(self, dbapi_connection) -> None:
        with self._lock:
            self._dbapi = dbapi_connection
            if self.cancelled:
                self._interrupt()

    def detach(self) -> None:
        with self._lock:
            self._dbapi = None

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            self._interrupt()

    def _interrupt(self) -> None:
        interrupt = getattr(self._dbapi, "interrupt", None)
        if interrupt is not None:
            interrupt()


# The list's filters are core's CaseFilter (the name stays for the GUI's callers).
ListFilter = CaseFilter


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list, ready to display."""

    num: int
    case_id: str
    case_no: str
    received_on: date
    applicant_names: str
    respondent_name: str
    dispute_types: tuple[str, ...]
    workers_involved: int
    amount_claimed_fen: int | None
    status: str
    outcome: str | None
    next_due: date | None
    mediator: str | None
    org_id: str | None = None   # the organisation the case belongs to (the district's 调解组织 column)

    @property
    def stage(self) -> Stage:
        return stage_of(self.status, self.outcome)

    @property
    def status_label(self) -> str:
        label = STAGE_LABELS[self.stage]
        if self.outcome:
            label += f"（{OUTCOME_LABELS[Outcome(self.outcome)]}）"
        return label

    @property
    def dispute_labels(self) -> str:
        return "、".join(DISPUTE_TYPE_LABELS.get(DisputeType(t), t) if t in DisputeType._value2member_map_ else t
                        for t in self.dispute_types)


@dataclass(frozen=True)
class DeskItem:
    """One line on the desk; ``urgency`` is overdue | today | soon | info."""

    case_id: str
    case_no: str
    title: str
    detail: str
    urgency: str = "info"
    due: date | None = None
    rule: str = ""


@dataclass
class Desk:
    today: date
    deadlines: list[DeskItem] = field(default_factory=list)
    deadlines_total: int = 0
    new_registrations: list[DeskItem] = field(default_factory=list)
    collective: list[DeskItem] = field(default_factory=list)
    performance_overdue: list[DeskItem] = field(default_factory=list)
    late_acceptance: list[DeskItem] = field(default_factory=list)   # open cases accepted after the deadline
    late_acceptance_total: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AuditEntry:
    at: str
    user: str
    action: str
    detail: dict[str, Any]


ACTION_LABELS = {
    "register": "登记", "edit": "修改", "accept": "受理", "not_accept": "不予受理", "extend": "延期",
    "record_session": "记录调解", "schedule_session": "安排调解", "conclude": "调解结束", "record_performance": "记录履行", "close": "结案",
    "reopen": "重新打开", "attach": "添加附件", "agreement_application": "登记审查/确认申请",
    "ledger_import": "台账导入", "sync_import": "同步导入", "view_personal_data": "查看个人信息",
    "ledger_review_close": "核实后结案", "ledger_review_keep": "核实后继续办理", "ledger_undo": "撤销台账导入",
}


def _case_row(r: Any) -> CaseRow:  # a SQLAlchemy Row
    return CaseRow(num=r.num, case_id=r.id, case_no=r.case_no, received_on=r.received_on,
                   applicant_names=r.applicant_names, respondent_name=r.respondent_name,
                   dispute_types=tuple(t for t in r.dispute_types.split(",") if t),
                   workers_involved=r.workers_involved, amount_claimed_fen=r.amount_claimed_fen,
                   status=r.status, outcome=r.outcome, next_due=r.next_due, mediator=r.mediator,
                   org_id=str(r.org_id) if r.org_id is not None else None)


class CaseListService:
    def __init__(self, backend: Backend):
        self.backend = backend

    def keys(self, f: ListFilter, sort: str = "received_on", descending: bool = True,
             name_key: Callable[[str], Any] | None = None, cancel: QueryCancel | None = None) -> list[int]:
        """The row keys matching ``f`` in display order. For name columns, ``name_key`` (a
        locale collation key) sorts up to COLLATE_LIMIT matches; larger sets use database order.
        ``cancel`` lets another thread interrupt the query (then QueryCancelled is raised)."""
        if f.risk_level:
            risky = self.risk_nums(f.risk_level)
            return [k for k in self.keys(replace(f, risk_level=None), sort, descending, name_key, cancel) if k in risky]
        if cancel is not None and cancel.cancelled:
            raise QueryCancelled()
        with self.backend.db.read() as conn:
            if cancel is None:
                return self._keys(conn, f, sort, descending, name_key)
            cancel.attach(conn.connection.driver_connection)
            try:
                return self._keys(conn, f, sort, descending, name_key)
            except Exception as exc:
                if cancel.cancelled:
                    raise QueryCancelled() from exc
                raise
            finally:
                cancel.detach()

    def _keys(self, conn, f: ListFilter, sort: str, descending: bool,  # a Connection
              name_key: Callable[[str], Any] | None) -> list[int]:
        from mediation_desktop.storage import queries

        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort}")
        if sort in NAME_COLUMNS and name_key is not None:
            if queries.count_cases(conn, f) <= COLLATE_LIMIT:
                pairs = queries.keys_with_values(conn, f, sort)
                pairs.sort(key=lambda p: (name_key(str(p[1])), p[0]), reverse=descending)
                return [p[0] for p in pairs]
        return queries.list_keys(conn, f, sort, descending)

    def rows(self, nums: Sequence[int]) -> dict[int, CaseRow]:
        from mediation_desktop.storage import queries

        with self.backend.db.read() as conn:
            return {num: _case_row(r) for num, r in queries.rows_by_keys(conn, nums).items()}

    def risk_nums(self, level: str) -> set[int]:
        """Row keys of the open cases at ``level`` or above (the 风险 filter of the list)."""
        from mediation_desktop.core.risk import LEVELS
        from mediation_desktop.services.district_risk import check_level, district_risk

        floor = LEVELS.index(check_level(level) or "yellow")
        return {c.num for c in district_risk(self.backend).cases if LEVELS.index(c.level) >= floor}

    def count(self, f: ListFilter) -> int:
        from mediation_desktop.storage import queries

        if f.risk_level:
            return len(self.keys(f))
        with self.backend.db.read() as conn:
            return queries.count_cases(conn, f)

    def mediators(self) -> list[str]:
        from mediation_desktop.storage import desk_queries

        with self.backend.db.read() as conn:
            return desk_queries.mediators(conn)

    def organisation_id(self, code: str) -> str:
        """The organisation with this code (``cases --org``, the district's room filter)."""
        from mediation_desktop.core.errors import NotFoundError
        from mediation_desktop.storage import district_queries

        wanted = (code or "").strip()
        with self.backend.db.read() as conn:
            found = district_queries.organisation_by_code(conn, wanted) if 0 < len(wanted) <= 64 else []
        if not found:
            raise NotFoundError("E_ORG_NOT_FOUND", f"没有代码为“{wanted[:32]}”的调解组织；"
                                "区人社可用 rooms 命令查看已登记的组织及其代码")
        return str(found[0].id)

    def organisations(self) -> list[tuple[str, str, str]]:
        """(id, name, code) of every organisation whose cases are held here, for the room filter."""
        from mediation_desktop.storage import district_queries

        with self.backend.db.read() as conn:
            labels = district_queries.organisation_labels(conn)
        return sorted(((i, n, c) for i, (n, c) in labels.items()), key=lambda t: t[2])

    # -- the command line's lists -------------------------------------------------------------------
    def summaries(self, f: ListFilter, limit: int | None = None) -> list[dict]:
        """``cases --json``: CONTRACT §2 case objects (without deadlines), newest first."""
        from mediation_desktop.services.case_json import summary_json
        from mediation_desktop.storage import queries

        with self.backend.db.read() as conn:
            return [summary_json(r) for r in queries.list_summaries(conn, f, limit=limit)]

    def due_items(self, on: date, until: date) -> list[DueItem]:
        """``deadlines``: each open case's deadline due by ``until`` (or overdue on ``on``), soonest first."""
        from mediation_desktop.core.deadlines import compute_deadlines, open_deadline_items
        from mediation_desktop.storage import queries

        with self.backend.db.read() as conn:
            candidates = queries.due_cases(conn, until)
        items: list[DueItem] = []
        for case in candidates:
            deadlines = compute_deadlines(case, self.backend.calendar)
            items.extend(i for i in open_deadline_items(case, deadlines, on) if i.due <= until)
        items.sort(key=lambda i: (i.due, i.case_no))
        return items

    # -- the desk ----------------------------------------------------------------------------------
    def desk(self, today: date) -> Desk:
        from mediation_desktop.core.deadlines import (
            DEADLINE_LABELS,
            RULE_TEXTS,
            compute_deadlines,
            open_deadline_items,
            warning_text,
        )
        from mediation_desktop.storage import cases_repo, desk_queries

        desk = Desk(today)
        until = today + timedelta(days=SOON_DAYS)
        with self.backend.db.read() as conn:
            desk.deadlines_total, ids = desk_queries.due_ids(conn, until, DESK_LIMIT)
            due = cases_repo.load_cases(conn, ids)
            fresh = desk_queries.newest_registered(conn, 50)
            collective = desk_queries.open_collective(conn, 50)
            unpaid = desk_queries.unpaid_items(conn, today, 50)
            desk.late_acceptance_total, late = desk_queries.late_accepted(conn, 50)
            from mediation_desktop.storage.ledger_repo import review_count

            to_review = review_count(conn)
        warnings: set[str] = set()
        for case in due:
            deadlines = compute_deadlines(case, self.backend.calendar)
            warnings.update(deadlines.warnings)
            for item in open_deadline_items(case, deadlines, today):
                if item.due > until:
                    continue
                urgency = "overdue" if item.overdue else ("today" if item.due == today else "soon")
                days = (item.due - today).days
                when = (f"已超期{-days}天" if days < 0 else "今天到期" if days == 0 else f"{days}天后到期")
                approx = "（估算）" if item.approximate else ""
                desk.deadlines.append(DeskItem(
                    case.id, case.case_no, f"{case.applicant_names} 诉 {case.respondent.name}",
                    f"{DEADLINE_LABELS[item.deadline_key]} {item.due.isoformat()}{approx}，{when}",
                    urgency, item.due, RULE_TEXTS[item.deadline_key]))
        desk.deadlines.sort(key=lambda i: (i.due or today, i.case_no))
        desk.warnings = [warning_text(w) for w in sorted(warnings)]
        if to_review:
            # Old open ledger cases are not on the deadline list above; say where they wait instead.
            from mediation_desktop.core.ledger_history import REVIEW_TITLE

            desk.warnings.append(f"{REVIEW_TITLE}：{to_review}件，见“导入台账”页的“历史在办核实”")
        desk.new_registrations = [DeskItem(r.id, r.case_no, f"{r.applicant_names} 诉 {r.respondent_name}",
                                           f"收案 {r.received_on.isoformat()}") for r in fresh]
        desk.collective = [DeskItem(r.id, r.case_no, f"{r.applicant_names} 诉 {r.respondent_name}",
                                    f"涉及{r.workers_involved}人，收案 {r.received_on.isoformat()}", "soon")
                           for r in collective]
        desk.late_acceptance = [
            DeskItem(r.id, r.case_no, f"{r.applicant_names} 诉 {r.respondent_name}",
                     f"逾期受理：{r.accepted_on.isoformat()} 受理"
                     + (f"，受理期限为 {r.acceptance_due.isoformat()}" if r.acceptance_due else ""), "overdue", None,
                     RULE_TEXTS["acceptance_due"])
            for r in late]
        from mediation_desktop.core.money import format_figures

        desk.performance_overdue = [
            DeskItem(r.id, r.case_no, f"{r.applicant_names} 诉 {r.respondent_name}",
                     f"{r.description}{'，' + format_figures(r.amount_fen) if r.amount_fen else ''}，"
                     f"履行期限 {r.due_on.isoformat()} 已过，尚未记录履行", "overdue", r.due_on)
            for r in unpaid]
        return desk

    # -- the audit trail ---------------------------------------------------------------------------
    def audit_trail(self, case_id: str) -> list[AuditEntry]:
        from mediation_desktop.storage import desk_queries

        with self.backend.db.read() as conn:
            rows = desk_queries.audit_rows_for(conn, case_id)
        out = []
        for r in rows:
            try:
                detail = json.loads(r.detail or "{}")
            except ValueError:
                detail = {}
            out.append(AuditEntry(r.at, r.user, ACTION_LABELS.get(r.action, r.action), detail))
        return out

    # -- export ------------------------------------------------------------------------------------
    def export_xlsx(self, nums: Sequence[int], path: str | Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
        """Write the given rows, in order, to an Excel file; returns the number written."""
        from openpyxl import Workbook

        from mediation_desktop.core.money import fen_to_decimal
        from mediation_desktop.services.spreadsheet_cells import append_safe

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("案件")
        ws.append(["案号", "收案日期", "申请人", "被申请人", "争议类型", "人数", "请求金额（元）", "状态",
                   "下一期限", "调解员"])
        total, step = len(nums), 2000
        for start in range(0, total, step):
            chunk = nums[start:start + step]
            rows = self.rows(chunk)
            for num in chunk:
                r = rows.get(num)
                if r is None:
                    continue
                amount = None if r.amount_claimed_fen is None else fen_to_decimal(r.amount_claimed_fen)
                append_safe(ws, [r.case_no, r.received_on, r.applicant_names, r.respondent_name, r.dispute_labels,
                                 r.workers_involved, amount, r.status_label, r.next_due, r.mediator or ""])
            if progress:
                progress(min(start + step, total), total)
        target = Path(path)
        wb.save(target)
        return total

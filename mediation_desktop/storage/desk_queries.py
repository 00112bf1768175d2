"""The queries behind the desk (工作台) and the case list's small helpers, each through an index."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, func, select

from mediation_desktop.core.enums import Outcome, Status
from mediation_desktop.core.model import OPEN_STATUSES
from mediation_desktop.storage.schema import agreement_items, agreements, audit_log, cases


def mediators(conn: Connection, limit: int = 200) -> list[str]:
    stmt = select(cases.c.mediator).where(cases.c.mediator.is_not(None)).distinct().limit(limit)
    return sorted(m for m in conn.execute(stmt).scalars() if m)


def due_ids(conn: Connection, until: date, limit: int) -> tuple[int, list[str]]:
    """How many open cases have something due by ``until`` (or overdue), and the soonest ids.
    ``status IN (open)`` rather than ``!= closed`` lets SQLite range-scan ix_cases_open_due."""
    where = (cases.c.status.in_(OPEN_STATUSES), cases.c.next_due <= until)
    total = conn.execute(select(func.count()).select_from(cases).where(*where)).scalar_one()
    ids = list(conn.execute(select(cases.c.id).where(*where).order_by(cases.c.next_due, cases.c.num).limit(limit)).scalars())
    return total, ids


def newest_registered(conn: Connection, limit: int) -> Sequence[Row[Any]]:
    return list(conn.execute(select(cases).where(cases.c.status == Status.REGISTERED.value)
                        .order_by(cases.c.received_on.desc(), cases.c.num.desc()).limit(limit)).all())


def open_collective(conn: Connection, limit: int) -> Sequence[Row[Any]]:
    return list(conn.execute(select(cases).where(cases.c.status.in_(OPEN_STATUSES), cases.c.collective.is_(True))
                        .order_by(cases.c.received_on.desc(), cases.c.num.desc()).limit(limit)).all())


def unpaid_items(conn: Connection, today: date, limit: int) -> list[Any]:
    """Agreed payments past their date with no performance recorded. Only mediating cases concluded
    by agreement can owe performance: drive from the status index, not every agreement item."""
    return list(conn.execute(
        select(cases.c.id, cases.c.case_no, cases.c.applicant_names, cases.c.respondent_name,
               agreement_items.c.description, agreement_items.c.amount_fen, agreement_items.c.due_on)
        .join(agreements, agreements.c.case_id == cases.c.id)
        .join(agreement_items, agreement_items.c.agreement_id == agreements.c.id)
        .where(cases.c.status == Status.MEDIATING.value, cases.c.outcome == Outcome.AGREEMENT.value,
               agreement_items.c.due_on < today,
               agreement_items.c.performed_on.is_(None))
        .order_by(agreement_items.c.due_on, cases.c.num).limit(limit)).all())


def late_accepted(conn: Connection, limit: int) -> tuple[int, list]:
    """Open cases accepted after their acceptance deadline: how many, and the newest ``limit``."""
    where = (cases.c.status.in_(OPEN_STATUSES), cases.c.accepted_late.is_(True))
    total = conn.execute(select(func.count()).select_from(cases).where(*where)).scalar_one()
    rows = conn.execute(select(cases.c.id, cases.c.case_no, cases.c.applicant_names, cases.c.respondent_name,
                               cases.c.accepted_on, cases.c.acceptance_due).where(*where)
                        .order_by(cases.c.accepted_on.desc(), cases.c.num.desc()).limit(limit)).all()
    return total, list(rows)


def audit_rows_for(conn: Connection, entity_id: str) -> list:
    return list(conn.execute(select(audit_log).where(audit_log.c.entity_id == entity_id).order_by(audit_log.c.id)).all())


# Audit actions that change nothing the desk shows: signing in is a write, but the desk read before
# it is still the desk after it.
DESK_NEUTRAL_ACTIONS = ("sign_in", "sign_in_failed", "sign_out")


def audit_mark(conn: Connection) -> int:
    """The newest audit entry's id (0 for none): every change to cases is audited, so entries after
    this mark are the changes since (a primary-key lookup)."""
    return int(conn.execute(select(func.max(audit_log.c.id))).scalar() or 0)


def changed_since(conn: Connection, mark: int) -> bool:
    """Whether anything the desk may show was written after ``audit_mark`` returned ``mark``."""
    return conn.execute(select(audit_log.c.id).where(audit_log.c.id > mark,
                                                     audit_log.c.action.not_in(DESK_NEUTRAL_ACTIONS))
                        .limit(1)).first() is not None

"""The open cases booked for a mediation session in a day range (the desk's 今日调解 and 本周调解),
through ix_cases_next_session."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from mediation_desktop.core.model import OPEN_STATUSES
from mediation_desktop.storage.schema import cases


def booked_between(conn: Connection, first: date, last: date, limit: int) -> list[Any]:
    """Cases still in mediation whose next session falls on ``first``..``last``, soonest (then earliest
    time) first. A case whose mediation has ended keeps its last booking on record, but nobody is
    coming to it."""
    if last < first:
        return []
    return list(conn.execute(
        select(cases.c.id, cases.c.case_no, cases.c.applicant_names, cases.c.respondent_name,
               cases.c.next_session_on, cases.c.next_session_at, cases.c.next_session_place)
        .where(cases.c.next_session_on >= first, cases.c.next_session_on <= last,
               cases.c.status.in_(OPEN_STATUSES), cases.c.outcome.is_(None))
        .order_by(cases.c.next_session_on, cases.c.next_session_at, cases.c.num).limit(limit)).all())

"""The desk's 今日调解 and 本周调解: open cases booked for a session today, and later this week
(core.session_schedule.week_bounds). Plain data for the GUI's worker thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mediation_desktop.core.session_schedule import week_bounds

if TYPE_CHECKING:
    from mediation_desktop.services.backend import Backend

LIMIT = 200
WEEKDAYS = "一二三四五六日"


@dataclass
class BookedSession:
    case_id: str
    case_no: str
    title: str      # 申请人 诉 被申请人
    detail: str     # 12月1日（周二）09:30，调解室
    on: date


@dataclass
class SessionDesk:
    today: list[BookedSession] = field(default_factory=list)
    this_week: list[BookedSession] = field(default_factory=list)


def _detail(on: date, at: str | None, place: str | None) -> str:
    when = f"{on.month}月{on.day}日（周{WEEKDAYS[on.weekday()]}）" + (f" {at}" if at else "")
    return when + (f"，{place}" if place else "")


def session_desk(backend: Backend, today: date) -> SessionDesk:
    from mediation_desktop.storage.schedule_queries import booked_between

    first, last = week_bounds(today)
    with backend.db.read() as conn:
        rows_today = booked_between(conn, today, today, LIMIT)
        rows_week = booked_between(conn, first, last, LIMIT)

    def item(r) -> BookedSession:
        return BookedSession(r.id, r.case_no, f"{r.applicant_names} 诉 {r.respondent_name}",
                             _detail(r.next_session_on, r.next_session_at, r.next_session_place), r.next_session_on)
    return SessionDesk([item(r) for r in rows_today], [item(r) for r in rows_week])

"""The next mediation session a case is booked for (date, optional time, place), and the rules for
booking one. A booking is a plan, not a record: 记录调解 (core.lifecycle.record_session) records a
session once it has been held; the booking stays until it is changed or the case is no longer open."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mediation_desktop.core.enums import STAGE_LABELS
from mediation_desktop.core.errors import TransitionError, ValidationError
from mediation_desktop.core.model import OPEN_STATUSES, Case
from mediation_desktop.core.rules import check_date, clean_text

# 9:30, 09:30 and 09：30 (a full-width colon from a Chinese input method) all read as 09:30.
_TIME = re.compile(r"([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)")


def parse_time(text: str | None, *, field: str = "at") -> str | None:
    """``HH:MM`` from what was typed, None when blank; E_TIME for anything else."""
    if text is None or not text.strip():
        return None
    found = _TIME.fullmatch(text.strip())
    if found is None:
        shown = text.strip()[:20]
        raise ValidationError("E_TIME", f"时间“{shown}”格式不正确，应为 时:分，如 09:30", field=field)
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def schedule(case: Case, on: date, at: str | None, place: str, today: date) -> None:
    """Book the case's next session: a case still being mediated (not ended), on today or later (a booking is not a record of
    the past), at ``at`` (HH:MM, optional) and ``place`` (text rules of a session's place)."""
    if str(case.status) not in OPEN_STATUSES or case.outcome is not None:   # mediation has ended
        raise TransitionError("E_TRANSITION", f"案件当前状态为“{STAGE_LABELS[case.stage]}”，不能安排调解")
    check_date(on, field="on", what="调解日期")
    if on < today:
        raise ValidationError("E_DATE_PAST", f"安排的调解日期（{on.isoformat()}）不能早于今天（{today.isoformat()}）；"
                              "已经进行的调解请用“记录调解”登记", field="on")
    if on < case.received_on:
        raise ValidationError("E_DATE_ORDER", f"调解日期（{on.isoformat()}）不能早于收案日期"
                              f"（{case.received_on.isoformat()}）", field="on")
    case.next_session_at = parse_time(at)
    case.next_session_place = clean_text("session.place", place or "", field="place")
    case.next_session_on = on


def schedule_text(case: Case) -> str:
    """下次调解：2026-12-01 09:30，调解室 (empty when none is booked)."""
    if case.next_session_on is None:
        return ""
    at = f" {case.next_session_at}" if case.next_session_at else ""
    place = f"，{case.next_session_place}" if case.next_session_place else ""
    return f"下次调解：{case.next_session_on.isoformat()}{at}{place}"


def week_bounds(today: date) -> tuple[date, date]:
    """本周调解 lists tomorrow to this Sunday (today's sessions are 今日调解); on a Sunday, nothing."""
    sunday = today + timedelta(days=6 - today.weekday())
    return today + timedelta(days=1), sunday

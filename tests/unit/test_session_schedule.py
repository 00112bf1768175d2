"""Booking the next mediation session (core.session_schedule, CaseService.schedule_session): the
rule, the stored booking, the desk's 今日调解/本周调解, and the booking in sync records (a record from a
node that does not know it still reads)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import TransitionError, ValidationError
from mediation_desktop.core.session_schedule import parse_time, schedule, schedule_text, week_bounds
from mediation_desktop.services import cases as cases_service
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.session_schedule import session_desk
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.records import RecordError

from .helpers import make_backend, walk_in

TODAY = date(2026, 12, 2)   # a Wednesday


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([":", "：", " : "]), st.booleans())
def test_any_clock_time_reads_as_hh_mm(hour, minute, colon, pad):
    typed = f"{hour:02d}" if pad else str(hour)
    assert parse_time(f" {typed}{colon}{minute:02d} ") == f"{hour:02d}:{minute:02d}"


@given(st.text(max_size=12))
def test_any_other_text_is_refused_or_is_a_real_time(text):
    try:
        found = parse_time(text)
    except ValidationError as exc:
        assert exc.code == "E_TIME" and exc.field == "at"
        return
    assert found is None or (0 <= int(found[:2]) <= 23 and 0 <= int(found[3:]) <= 59 and len(found) == 5)


def test_the_week_runs_from_tomorrow_to_sunday():
    assert week_bounds(TODAY) == (date(2026, 12, 3), date(2026, 12, 6))
    monday = date(2026, 11, 30)
    assert week_bounds(monday) == (date(2026, 12, 1), date(2026, 12, 6))
    first, last = week_bounds(date(2026, 12, 6))   # a Sunday: the rest of the week is empty
    assert last < first


def test_the_rule():
    case = walk_in(received=date(2026, 11, 20))
    schedule(case, TODAY, "9:05", "  第一调解室 ", TODAY)
    assert (case.next_session_on, case.next_session_at, case.next_session_place) == (TODAY, "09:05", "第一调解室")
    assert schedule_text(case) == "下次调解：2026-12-02 09:05，第一调解室"
    with pytest.raises(ValidationError) as past:
        schedule(case, TODAY - timedelta(days=1), None, "", TODAY)
    assert past.value.code == "E_DATE_PAST"
    # A refused booking leaves the old one as it was.
    assert (case.next_session_on, case.next_session_at) == (TODAY, "09:05")
    with pytest.raises(ValidationError) as bad_time:
        schedule(case, TODAY, "25:00", "", TODAY)
    assert bad_time.value.code == "E_TIME" and case.next_session_at == "09:05"
    case.status, case.outcome = "mediating", Outcome.AGREEMENT   # concluded: mediation has ended
    with pytest.raises(TransitionError):
        schedule(case, TODAY, None, "", TODAY)
    case.status = "closed"
    with pytest.raises(TransitionError):
        schedule(case, TODAY, None, "", TODAY)


def test_booked_sessions_are_stored_listed_on_the_desk_and_synced(tmp_path, monkeypatch):
    monkeypatch.setattr(cases_service, "clock_today", lambda: TODAY)
    backend = make_backend(tmp_path / "room")
    service = CaseService(backend)
    cases = [service.register(walk_in(f"申请人{i}", received=date(2026, 11, 25))) for i in range(4)]
    service.schedule_session(cases[0].case_no, TODAY, "14:00", "第二调解室")
    service.schedule_session(cases[1].case_no, TODAY, "09:30")
    service.schedule_session(cases[2].case_no, date(2026, 12, 5), None, "社区工作站")
    service.schedule_session(cases[3].case_no, date(2026, 12, 8))   # next week: on neither list

    stored = service.get(cases[0].case_no)
    assert (stored.next_session_on, stored.next_session_at, stored.next_session_place) == (TODAY, "14:00", "第二调解室")
    desk = session_desk(backend, TODAY)
    assert [s.case_no for s in desk.today] == [cases[1].case_no, cases[0].case_no]   # by time
    assert desk.today[1].detail == "12月2日（周三） 14:00，第二调解室"
    assert [(s.case_no, s.detail) for s in desk.this_week] == [(cases[2].case_no, "12月5日（周六），社区工作站")]

    service.conclude(cases[2].case_no, Outcome.WITHDRAWN, TODAY, note="撤回")
    assert session_desk(backend, TODAY).this_week == []   # a case no longer open is off the desk

    wire = json.loads(json.dumps(rec.case_data(stored, [], [], "测试员"), ensure_ascii=False))
    back = rec.case_from_data(stored.id, stored.origin_node, 1, rec.CASE(wire, "data"))
    assert (back.next_session_on, back.next_session_at, back.next_session_place) == (TODAY, "14:00", "第二调解室")
    for key in ("next_session_on", "next_session_at", "next_session_place"):
        del wire[key]
    older = rec.case_from_data(stored.id, stored.origin_node, 1, rec.CASE(wire, "data"))
    assert (older.next_session_on, older.next_session_at, older.next_session_place) == (None, None, "")


@pytest.mark.parametrize("key,value", [("next_session_at", "9:30"), ("next_session_at", "24:00"),
                                       ("next_session_at", 930), ("next_session_on", "2026-02-30"),
                                       ("next_session_place", "室\x07")])
def test_a_bad_booking_in_a_record_is_refused(key, value):
    case = walk_in()
    case.case_no, case.seq_no, case.org_id = "津和平劳调〔2026〕1号", 1, "6f1c1a9e-3a34-4b8e-9a53-5b3e2f0b9c11"
    case.created_at = case.updated_at = datetime(2026, 9, 1, tzinfo=UTC)
    wire = json.loads(json.dumps(rec.case_data(case, [], [], "测试员"), ensure_ascii=False))
    wire[key] = value
    with pytest.raises(RecordError):
        rec.CASE(wire, "data")

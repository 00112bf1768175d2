"""Legacy ledgers land as they really are: finished rows closed (their close date inferred when the
ledger has none, and flagged), old open rows on the review list instead of the deadline lists, the
ledger's 序号 kept; the review list closes several at once or keeps cases open."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.clock import today
from mediation_desktop.core.enums import Outcome, Status
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.ledger_history import (
    REVIEW_GRACE_DAYS,
    TERM_DAYS,
    ClosedOn,
    inferred_close_date,
    needs_review,
)
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services import ledger_review
from mediation_desktop.services.case_json import case_json
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.ledger_import import import_ledger

from .helpers import make_backend

HEADER = ["序号", "收案日期", "受理日期", "申请人", "被申请人", "争议类型", "请求金额", "调解结果", "结案日期", "调解金额"]
FINAL_WORDS = ["调解成功", "达成协议", "和解", "撤回", "调解不成", "终止", "不予受理", "转办"]


@pytest.fixture
def backend(tmp_path):
    b = make_backend(tmp_path / "d")
    yield b
    b.close()


def write_ledger(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r.get(h, "") for h in HEADER])
    return path


def case_by_ledger_no(backend, no):
    from sqlalchemy import select

    from mediation_desktop.storage.schema import cases

    with backend.db.read() as conn:
        (case_no,) = conn.execute(select(cases.c.case_no).where(cases.c.ledger_no == no)).scalars().all()
    found = {r["case_no"] for r in CaseListService(backend).summaries(CaseFilter(search=no))}
    assert case_no in found          # the 序号 is searchable
    return CaseService(backend).get(case_no)


# -- the rule ------------------------------------------------------------------------------------

def test_the_close_date_comes_from_the_ledger_then_the_latest_date_then_the_import_day():
    day = date(2026, 11, 30)
    assert inferred_close_date(date(2025, 3, 1), [date(2025, 1, 1)], day) == ClosedOn(date(2025, 3, 1), False)
    assert inferred_close_date(None, [date(2025, 1, 1), date(2025, 1, 4), None], day) == ClosedOn(date(2025, 1, 4), True)
    assert inferred_close_date(None, [None], day) == ClosedOn(day, True)


@given(st.dates(date(2000, 1, 1), date(2030, 1, 1)), st.integers(0, 30), st.integers(0, 400))
def test_an_open_row_is_reviewed_only_past_term_and_grace(received, accept_after, age):
    accepted = received + timedelta(days=accept_after)
    imported = accepted + timedelta(days=age)
    assert needs_review(received, accepted, imported) is (age > TERM_DAYS + REVIEW_GRACE_DAYS)


# -- the import ----------------------------------------------------------------------------------

def test_finished_rows_import_closed_with_their_outcome_and_flags(backend, tmp_path):
    path = write_ledger(tmp_path / "l.csv", [
        {"序号": "1", "收案日期": "2025-01-02", "受理日期": "2025-01-03", "申请人": "甲", "被申请人": "天津甲公司",
         "调解结果": "调解成功", "结案日期": "2025-01-10", "调解金额": "3000"},
        {"序号": "2", "收案日期": "2025-02-02", "受理日期": "2025-02-06", "申请人": "乙", "被申请人": "天津乙公司",
         "调解结果": "和解"},
        {"序号": "3", "收案日期": "2025-03-02", "申请人": "丙", "被申请人": "天津丙公司", "调解结果": "转办"},
    ])
    report = import_ledger(backend, path)
    assert (report["imported"], report["closed_historical"], report["to_review"]) == (3, 3, 0)
    one, two, three = (case_by_ledger_no(backend, n) for n in ("1", "2", "3"))
    assert (one.status, one.outcome, one.closed_on, one.closed_on_inferred) == (
        Status.CLOSED, Outcome.AGREEMENT, date(2025, 1, 10), False)
    assert one.agreement is not None and one.agreement.total_fen == 300000
    assert (two.outcome, two.closed_on, two.closed_on_inferred) == (Outcome.SETTLED, date(2025, 2, 6), True)
    assert (three.outcome, three.closed_on, three.closed_on_inferred) == (Outcome.TRANSFERRED, date(2025, 3, 2), True)
    shown = case_json(two)
    assert shown["historical_import"] is True and shown["closed_on_inferred"] is True and shown["ledger_no"] == "2"
    assert case_json(one)["closed_on_inferred"] is False


def test_old_open_rows_wait_for_review_off_the_deadline_lists(backend, tmp_path):
    recent = today() - timedelta(days=5)
    path = write_ledger(tmp_path / "l.csv", [
        {"序号": "老1", "收案日期": "2025-01-02", "受理日期": "2025-01-03", "申请人": "甲", "被申请人": "天津甲公司",
         "调解结果": "在办"},
        {"序号": "老2", "收案日期": "2025-02-02", "申请人": "乙", "被申请人": "天津乙公司"},
        {"序号": "新1", "收案日期": recent.isoformat(), "申请人": "丙", "被申请人": "天津丙公司"},
    ])
    assert import_ledger(backend, path)["to_review"] == 2
    listed = {i.ledger_no for i in ledger_review.review_list(backend)}
    assert listed == {"老1", "老2"}
    lists = CaseListService(backend)
    due = {i.case_no for i in lists.due_items(today(), today() + timedelta(days=3650))}
    old = {case_by_ledger_no(backend, n).case_no for n in ("老1", "老2")}
    assert not due & old
    desk = lists.desk(today())
    assert {d.case_no for d in desk.deadlines}.isdisjoint(old)
    assert "历史在办案件，请核实：2件" in "；".join(desk.warnings)
    assert lists.count(CaseFilter(overdue_on=today() + timedelta(days=3650))) == 1   # only the recent row

    # Keep one open: it is a normal case again, overdue like any other.
    ledger_review.keep_reviewed(backend, [case_by_ledger_no(backend, "老1").case_no])
    due = {i.case_no for i in lists.due_items(today(), today())}
    assert case_by_ledger_no(backend, "老1").case_no in due
    assert {i.ledger_no for i in ledger_review.review_list(backend)} == {"老2"}


def test_several_reviewed_cases_close_at_once_and_a_wrong_one_changes_nothing(backend, tmp_path):
    path = write_ledger(tmp_path / "l.csv", [
        {"序号": f"R{i}", "收案日期": f"2025-0{i}-02", "申请人": f"甲{i}", "被申请人": "天津甲公司"} for i in range(1, 5)])
    import_ledger(backend, path)
    nos = [case_by_ledger_no(backend, f"R{i}").case_no for i in range(1, 5)]
    ledger_review.keep_reviewed(backend, [nos[3]])
    with pytest.raises(UserError) as refused:
        ledger_review.close_reviewed(backend, nos, Outcome.WITHDRAWN)
    assert refused.value.code == "E_REVIEW_NOT_PENDING" and nos[3] in refused.value.message
    assert len(ledger_review.review_list(backend)) == 3                      # nothing closed
    with pytest.raises(UserError) as early:
        ledger_review.close_reviewed(backend, nos[:3], Outcome.WITHDRAWN, on=date(2025, 2, 1))
    assert early.value.code == "E_REVIEW_DATE"
    assert len(ledger_review.review_list(backend)) == 3
    assert ledger_review.close_reviewed(backend, nos[:2], ledger_review.parse_outcome("和解"),
                                        on=date(2025, 6, 1)) == nos[:2]
    ledger_review.close_reviewed(backend, [nos[2]], Outcome.FAILED)
    first, third = case_by_ledger_no(backend, "R1"), case_by_ledger_no(backend, "R3")
    assert (first.status, first.outcome, first.closed_on, first.closed_on_inferred) == (
        Status.CLOSED, Outcome.SETTLED, date(2025, 6, 1), False)
    assert (third.closed_on, third.closed_on_inferred) == (date(2025, 3, 2), True)   # the row's latest date
    assert ledger_review.review_list(backend) == []


@pytest.mark.parametrize("word", ["", "在办", "胜诉", "x" * 500])
def test_an_outcome_that_is_not_final_is_refused(word):
    with pytest.raises(UserError) as exc:
        ledger_review.parse_outcome(word)
    assert exc.value.code == "E_REVIEW_OUTCOME"


def test_a_thousand_row_historical_ledger_puts_no_finished_case_on_the_overdue_list(backend, tmp_path):
    rows = []
    start = date(2024, 1, 1)
    for i in range(1000):
        received = start + timedelta(days=i % 600)
        row = {"序号": f"H{i}", "收案日期": received.isoformat(), "申请人": f"职工{i}", "被申请人": f"天津{i % 37}号公司",
               "争议类型": "劳动报酬", "请求金额": str(1000 + i)}
        if i % 10 < 8:                                   # finished in the ledger, half without a close date
            row["调解结果"] = FINAL_WORDS[i % len(FINAL_WORDS)]
            row["受理日期"] = (received + timedelta(days=1)).isoformat()
            if i % 2:
                row["结案日期"] = (received + timedelta(days=12)).isoformat()
        elif i % 10 == 8:
            row["调解结果"] = "在办"
        rows.append(row)
    report = import_ledger(backend, write_ledger(tmp_path / "h.csv", rows))
    assert (report["imported"], report["rejected"]) == (1000, 0)
    assert report["closed_historical"] == 800 and report["to_review"] == 200
    lists = CaseListService(backend)
    overdue = lists.summaries(CaseFilter(overdue_on=today() + timedelta(days=1)))
    assert overdue == []
    assert lists.due_items(today(), today() + timedelta(days=30)) == []
    assert lists.desk(today()).deadlines == []
    closed = lists.count(CaseFilter(status="closed"))
    assert closed == 800


def test_statistics_count_historical_cases_unless_asked_to_leave_them_out(backend, tmp_path):
    from mediation_desktop.services.statistics import compile_return, monthly_received_closed

    path = write_ledger(tmp_path / "l.csv", [
        {"序号": "S1", "收案日期": "2025-03-02", "受理日期": "2025-03-03", "申请人": "甲", "被申请人": "天津甲公司",
         "调解结果": "调解成功", "调解金额": "1000"},
        {"序号": "S2", "收案日期": "2025-03-05", "申请人": "乙", "被申请人": "天津乙公司", "调解结果": "撤回",
         "结案日期": "2025-03-20"},
        {"序号": "S3", "收案日期": "2025-03-06", "申请人": "丙", "被申请人": "天津丙公司"},
    ])
    import_ledger(backend, path)
    start, end = date(2025, 3, 1), date(2025, 3, 31)
    every = compile_return(backend, start, end).rows[-1]
    without = compile_return(backend, start, end, exclude_historical=True).rows[-1]
    assert (every["received"], every["closed"], every["agreement"]) == (3, 2, 1)
    assert (without["received"], without["closed"], without["agreement"]) == (1, 0, 0)
    assert compile_return(backend, start, end, by="month", exclude_historical=True).rows[-1]["received"] == 1
    assert monthly_received_closed(backend, start, end, exclude_historical=True) == [("2025年3月", 1, 0)]


def test_undo_refuses_once_the_import_was_sent_to_the_district(tmp_path):
    from .sync_helpers import enrol, export_one, make_node

    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    import_ledger(room, write_ledger(tmp_path / "l.csv", [
        {"序号": "1", "收案日期": "2025-01-02", "申请人": "甲", "被申请人": "天津甲公司", "调解结果": "撤回"}]))
    export_one(room, tmp_path / "out")
    count = CaseListService(room).count(CaseFilter())
    with pytest.raises(UserError) as refused:
        ledger_review.undo_last_import(room)
    assert refused.value.code == "E_UNDO_REFUSED" and "已同步" in refused.value.message
    assert CaseListService(room).count(CaseFilter()) == count == 1
    room.close()
    sup.close()


def test_the_ledger_flags_travel_to_the_district(tmp_path):
    from .sync_helpers import enrol, export_one, import_one, make_node

    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    import_ledger(room, write_ledger(tmp_path / "l.csv", [
        {"序号": "T1", "收案日期": "2025-01-02", "申请人": "甲", "被申请人": "天津甲公司", "调解结果": "撤回"},
        {"序号": "T2", "收案日期": "2025-01-03", "申请人": "乙", "被申请人": "天津乙公司"}]))
    import_one(sup, export_one(room, tmp_path / "out"))
    closed, pending = case_by_ledger_no(sup, "T1"), case_by_ledger_no(sup, "T2")
    assert (closed.historical, closed.closed_on_inferred, closed.import_batch) == (True, True, None)
    assert pending.review_pending and [i.ledger_no for i in ledger_review.review_list(sup)] == ["T2"]
    from mediation_desktop.services.statistics import compile_return

    start, end = date(2025, 1, 1), date(2025, 1, 31)
    assert compile_return(sup, start, end, exclude_historical=True).rows[-1]["received"] == 1
    room.close()
    sup.close()


def test_deadlines_worked_out_once_per_distinct_dates_are_each_rows_own(backend, tmp_path, monkeypatch):
    """The bulk write reuses deadlines for rows with the same dates, in a table it clears when full."""
    from sqlalchemy import select

    from mediation_desktop.core.deadlines import compute_deadlines
    from mediation_desktop.services import bulk
    from mediation_desktop.storage.schema import cases

    monkeypatch.setattr(bulk, "KNOWN_DEADLINES", 2)
    days = ["2025-01-02", "2025-01-03", "2025-01-02", "2025-04-30", "2025-01-03", "2025-09-30"]
    rows = [{"序号": str(i), "收案日期": day, "受理日期": day if i % 2 else "", "申请人": f"甲{i}",
             "被申请人": "天津甲公司"} for i, day in enumerate(days)]
    rows[5].update({"调解结果": "调解成功", "结案日期": "2025-10-09", "调解金额": "100"})
    assert import_ledger(backend, write_ledger(tmp_path / "l.csv", rows))["imported"] == 6
    with backend.db.read() as conn:
        stored = conn.execute(select(cases.c.ledger_no, cases.c.acceptance_due, cases.c.statutory_due,
                                     cases.c.mediation_due)).all()
    assert len({(r.acceptance_due, r.mediation_due) for r in stored}) == 5
    for row in stored:
        own = compute_deadlines(case_by_ledger_no(backend, row.ledger_no), backend.calendar)
        assert (row.acceptance_due, row.statutory_due, row.mediation_due) == (
            own.acceptance_due, own.statutory_due, own.mediation_due)


def test_imported_cases_applicants_and_agreements_are_keyed_in_time_order(backend, tmp_path):
    """Time-ordered (version 7) ids keep the import's key indexes growing at one end."""
    import uuid

    from sqlalchemy import select

    from mediation_desktop.storage.schema import agreement_items, agreements, applicants, cases

    rows = [{"序号": str(i), "收案日期": "2025-01-02", "申请人": f"甲{i}、乙{i}", "被申请人": "天津甲公司",
             "调解结果": "调解成功", "结案日期": "2025-01-10", "调解金额": "3000"} for i in range(3)]
    assert import_ledger(backend, write_ledger(tmp_path / "l.csv", rows))["imported"] == 3
    with backend.db.read() as conn:
        ids = [i for table in (cases, applicants, agreements, agreement_items)
               for i in conn.execute(select(table.c.id)).scalars()]
    assert len(ids) == 15 and {uuid.UUID(i).version for i in ids} == {7}

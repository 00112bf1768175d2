"""Holiday tables that move the deadlines of cases received today, and reading stored deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from mediation_desktop.core import clock
from mediation_desktop.core.calendar import YearTable, parse_year_table
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.cases import CaseService
from mediation_desktop.storage import cases_repo, sync_repo


def coming_weeks_table(today: date | None = None) -> YearTable:
    """Every weekday of the next 25 days made a holiday, in the table that may arrange them: from
    December on the next year's (its notice arranges late December too), so at the end of 2026
    this is a 2027 table."""
    today = today or clock.today()
    start = today + timedelta(days=1)
    year = start.year + 1 if start.month == 12 else start.year
    days = [start + timedelta(days=i) for i in range(25)]
    holidays = [d.isoformat() for d in days
                if d.weekday() < 5 and (d.year == year or (d.year == year - 1 and d.month == 12))]
    import json

    return parse_year_table(json.dumps({"year": year, "source": "国务院办公厅（测试）", "holidays": holidays,
                                        "workdays": []}).encode("utf-8"))


def register_open_case(backend: Backend, received_on: date | None = None) -> Case:
    case = Case(org_id="", received_on=received_on or clock.today(), applicants=[Applicant(name="张明华")],
                respondent=Respondent(name="天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                claims=[Claim(description="支付拖欠工资", amount_fen=3_680_050, dispute_type="wages")],
                facts="拖欠工资三个月", mediator="刘建华")
    return CaseService(backend).register(case)


def stored_deadlines(backend: Backend) -> dict[str, tuple]:
    """case id → the stored deadline columns, for every case this node owns."""
    from sqlalchemy import select

    from mediation_desktop.storage.schema import cases

    with backend.db.read() as conn:
        return {r.id: (r.acceptance_due, r.statutory_due, r.mediation_due, r.next_due, r.deadlines_approx)
                for r in conn.execute(select(cases.c.id, cases.c.acceptance_due, cases.c.statutory_due,
                                             cases.c.mediation_due, cases.c.next_due, cases.c.deadlines_approx))}


def owned_cases(backend: Backend) -> list[Case]:
    with backend.db.read() as conn:
        return cases_repo.load_cases(conn, sync_repo.owned_case_ids(conn, backend.node.node_id))

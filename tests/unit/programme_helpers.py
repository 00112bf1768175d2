"""Builders for the programme-register tests: a closed case with known people in it."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.model import Applicant, Case, Claim, MediationSession, Respondent
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.cases import CaseService

EMPLOYER = "天津市顺达物流有限公司"
USCC = "91350100M000100Y43"


def closed_case(backend: Backend, *, workers: int = 1, mediator: str = "王建国") -> Case:
    """A wages case by 张伟明 and 李秀英 against 顺达物流, mediated and settled, then closed."""
    case = Case(org_id="", received_on=date(2026, 3, 2),
                applicants=[Applicant("张伟明", id_number="120101199001011239", phone="13812345678",
                                      address="天津市和平区南京路88号"),
                            Applicant("李秀英", phone="022-23456789")],
                respondent=Respondent(EMPLOYER, uscc=USCC, legal_rep="赵志刚", address="天津市河西区友谊路1号",
                                      phone="13987654321"),
                dispute_types=["wages"], workers_involved=max(workers, 2),
                claims=[Claim("支付张伟明拖欠工资", 1200000, "wages")],
                facts="张伟明、李秀英在顺达物流做分拣员，顺达公司拖欠两人工资。伟明多次找赵志刚协商未果，"
                      "联系电话13812345678。")
    service = CaseService(backend)
    case = service.register(case)
    service.accept(case.case_no, date(2026, 3, 3), mediator)
    service.record_session(case.case_no, MediationSession(date(2026, 3, 10), place="调解室",
                                                           notes="调解员王建国向张伟明和顺达物流释明法律规定。"))
    service.conclude(case.case_no, Outcome.SETTLED, date(2026, 3, 12))
    return service.close(case.case_no, date(2026, 3, 13))

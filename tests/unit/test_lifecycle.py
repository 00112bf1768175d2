from datetime import date

import pytest

from mediation_desktop.core import lifecycle as lc
from mediation_desktop.core.enums import Outcome, Stage, Status
from mediation_desktop.core.errors import TransitionError, ValidationError
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    MediationSession,
    Respondent,
)


def new_case() -> Case:
    return Case(org_id="o", received_on=date(2026, 2, 13), applicants=[Applicant("张三")],
                respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"])


def agreement() -> Agreement:
    return Agreement(signed_on=date(2026, 2, 20), items=[AgreementItem("公司", "张三", "工资", 1200000)])


def test_full_path_register_to_close():
    c = new_case()
    assert [a.code for a in lc.allowed_actions(c)] == ["accept", "not_accept", "withdraw", "transfer"]
    lc.accept(c, date(2026, 2, 14), mediator="刘建华")
    assert c.stage == Stage.MEDIATING and c.mediator == "刘建华"
    lc.record_session(c, MediationSession(held_on=date(2026, 2, 16)))
    lc.conclude(c, Outcome.AGREEMENT, date(2026, 2, 20), agreement=agreement())
    assert c.stage == Stage.CONCLUDED and c.amount_agreed_fen == 1200000
    assert "record_performance" in [a.code for a in lc.allowed_actions(c)]
    lc.record_performance(c, c.agreement.items[0].id, date(2026, 3, 1), 1200000)
    lc.close(c, date(2026, 3, 2))
    assert c.status == Status.CLOSED and c.closed_on == date(2026, 3, 2)
    lc.reopen(c)
    assert c.stage == Stage.MEDIATING and c.outcome is None


def test_illegal_transitions_are_refused_with_a_message():
    c = new_case()
    with pytest.raises(TransitionError, match="待受理.*结案"):
        lc.close(c, date(2026, 3, 1))
    with pytest.raises(TransitionError):
        lc.record_session(c, MediationSession(held_on=date(2026, 2, 14)))
    lc.not_accept(c, date(2026, 2, 14), "不属于受案范围")
    assert c.status == Status.CLOSED and c.outcome == Outcome.NOT_ACCEPTED
    with pytest.raises(TransitionError):
        lc.accept(c, date(2026, 2, 15))


def test_dates_must_not_run_backwards():
    c = new_case()
    with pytest.raises(ValidationError) as exc:
        lc.accept(c, date(2026, 2, 12))
    assert exc.value.code == "E_DATE_ORDER"
    assert c.status == Status.REGISTERED and c.accepted_on is None


def test_agreement_needs_items_and_failed_needs_nothing_more():
    c = new_case()
    lc.accept(c, date(2026, 2, 14))
    with pytest.raises(ValidationError):
        lc.conclude(c, Outcome.AGREEMENT, date(2026, 2, 20), agreement=Agreement(signed_on=date(2026, 2, 20)))
    assert c.outcome is None
    lc.conclude(c, Outcome.FAILED, date(2026, 2, 20), note="分歧较大")
    assert "record_performance" not in [a.code for a in lc.allowed_actions(c)]


def test_withdraw_before_acceptance_closes_at_once():
    c = new_case()
    lc.conclude(c, Outcome.WITHDRAWN, date(2026, 2, 14))
    assert c.status == Status.CLOSED and c.outcome == Outcome.WITHDRAWN


def test_transfer_needs_a_destination():
    c = new_case()
    with pytest.raises(ValidationError):
        lc.conclude(c, Outcome.TRANSFERRED, date(2026, 2, 14), transferred_to=" ")
    lc.conclude(c, Outcome.TRANSFERRED, date(2026, 2, 14), transferred_to="区仲裁委")
    assert c.transferred_to == "区仲裁委"

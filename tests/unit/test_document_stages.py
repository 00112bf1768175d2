"""The document-by-stage matrix against the lifecycle: whatever sequence of actions a case went
through, a permitted document never contradicts its record. Also the lifecycle rules this round
added: late acceptance, the extension's agreed date, claims without money, the agreement checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core import document_stages as ds
from mediation_desktop.core import lifecycle as lc
from mediation_desktop.core.enums import Outcome, Stage, Status
from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Respondent,
    WorkerAmount,
    stage_of,
)

RECEIVED = date(2026, 9, 14)
ACTIONS = ("accept", "not_accept", "session", "extend", "agree", "settle", "fail", "withdraw", "transfer",
           "perform", "close", "reopen")


def new_case(workers: int = 1) -> Case:
    return Case(org_id="o", received_on=RECEIVED, applicants=[Applicant("张三")],
                respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"], workers_involved=workers)


def act(case: Case, action: str, on: date) -> None:
    """One action as the service would run it; refusals leave the case as it was (the service
    discards the changed copy with its transaction)."""
    import copy

    trial = copy.deepcopy(case)
    outcomes = {"settle": Outcome.SETTLED, "fail": Outcome.FAILED, "withdraw": Outcome.WITHDRAWN,
                "transfer": Outcome.TRANSFERRED}
    try:
        if action == "accept":
            lc.accept(trial, on, acceptance_due=RECEIVED + timedelta(days=3))
        elif action == "not_accept":
            lc.not_accept(trial, on, "不属于调解范围")
        elif action == "session":
            lc.record_session(trial, MediationSession(held_on=on))
        elif action == "extend":
            lc.extend(trial, on + timedelta(days=10), on, (trial.accepted_on or on) + timedelta(days=15))
        elif action == "agree":
            lc.conclude(trial, Outcome.AGREEMENT, on, agreement=Agreement(
                signed_on=on, items=[AgreementItem("公司", "张三", "工资", 100)]))
        elif action in outcomes:
            lc.conclude(trial, outcomes[action], on, transferred_to="仲裁委")
        elif action == "perform":
            item = trial.agreement.items[0].id if trial.agreement else ""
            lc.record_performance(trial, item, on, 100)
        elif action == "close":
            lc.close(trial, on)
        else:
            lc.reopen(trial)
    except UserError:
        return
    case.__dict__.update(trial.__dict__)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ACTIONS), max_size=8))
def test_a_permitted_document_never_contradicts_the_record(actions):
    case = new_case()
    on = RECEIVED
    for action in actions:
        on += timedelta(days=1)
        act(case, action, on)
        allowed = {kind for kind, reason in ds.permitted(case).items() if reason is None}
        refused = ds.permitted(case)
        assert all(refused[k] for k in set(ds.DOCUMENT_KINDS) - allowed)   # every refusal has a reason
        assert "application" in allowed
        assert ("rejection" in allowed) == (case.outcome == Outcome.NOT_ACCEPTED and case.accepted_on is None)
        assert ("acceptance" in allowed) == (case.accepted_on is not None and case.outcome != Outcome.NOT_ACCEPTED)
        assert ("record" in allowed) == bool(case.sessions)
        assert ("agreement" in allowed) == (case.agreement is not None and case.outcome == Outcome.AGREEMENT)
        if "termination" in allowed:
            assert case.accepted_on is not None and case.agreement is None
            assert case.outcome in (Outcome.FAILED, Outcome.WITHDRAWN, Outcome.SETTLED, Outcome.TRANSFERRED)
        if "extension" in allowed:
            assert case.extended_until is not None and case.stage == Stage.MEDIATING
        if "service" in allowed:
            assert case.accepted_on is not None or case.outcome is not None


def test_the_examples_of_the_record_are_refused():
    settled = new_case()
    act(settled, "accept", RECEIVED)
    act(settled, "settle", RECEIVED + timedelta(days=2))
    assert ds.refusal("rejection", settled) and ds.refusal("extension", settled)
    refused = new_case()
    act(refused, "not_accept", RECEIVED)
    assert ds.refusal("acceptance", refused) == "本案已决定不予受理"
    open_case = new_case()
    assert ds.refusal("termination", open_case) == "本案尚未受理"
    act(open_case, "accept", RECEIVED)
    assert ds.refusal("termination", open_case) == "本案仍在调解中，尚未终止调解"
    assert ds.refusal("extension", open_case) == "本案没有记录经双方同意的延期"
    with pytest.raises(UserError) as exc:
        ds.require_permitted("termination", open_case, "终止调解告知书")
    assert exc.value.code == "E_DOC_STAGE" and "终止调解告知书" in exc.value.message


def test_the_acceptance_notice_sees_the_case_before_its_extension_and_the_confirmation_is_dated_when_agreed():
    case = new_case()
    act(case, "accept", RECEIVED + timedelta(days=1))
    lc.extend(case, date(2026, 10, 14), date(2026, 9, 28), date(2026, 9, 30))
    issued = ds.as_issued("acceptance", case)
    assert issued.extended_until is None and case.extended_until == date(2026, 10, 14)   # the record is untouched
    assert ds.as_issued("extension", case) is case
    assert ds.issue_date("extension", case, date(2026, 11, 30)) == date(2026, 9, 28)
    assert ds.issue_date("acceptance", case, date(2026, 11, 30)) == date(2026, 11, 30)


@given(st.lists(st.one_of(st.none(), st.integers(0, 10**12)), max_size=6))
def test_claims_without_money_claim_no_money(amounts):
    case = new_case()
    case.claims = [Claim(f"请求{i}", a) for i, a in enumerate(amounts)]
    expected = None if all(a is None for a in amounts) else sum(a for a in amounts if a is not None)
    assert lc.amount_claimed(case) == expected


@given(st.integers(-10, 10))
def test_acceptance_after_its_due_date_is_recorded_as_late(offset):
    case = new_case()
    due = RECEIVED + timedelta(days=3)
    lc.accept(case, due + timedelta(days=offset) if offset >= -3 else RECEIVED, acceptance_due=due)
    assert case.accepted_late is (offset > 0)
    assert case.status == Status.MEDIATING


@given(st.integers(-5, 5))
def test_an_extension_agreed_after_the_term_ran_out_is_refused(offset):
    case = new_case()
    lc.accept(case, RECEIVED)
    term_ends = date(2026, 9, 29)
    agreed = term_ends + timedelta(days=offset)
    if offset > 0:
        with pytest.raises(ValidationError) as exc:
            lc.extend(case, date(2026, 10, 14), agreed, term_ends)
        assert exc.value.code == "E_EXTENSION_LATE" and case.extended_until is None
    else:
        lc.extend(case, date(2026, 10, 14), agreed, term_ends)
        assert (case.extended_until, case.extension_agreed_on) == (date(2026, 10, 14), agreed)


def test_a_collective_agreement_that_pays_lists_each_worker():
    case = new_case(workers=12)
    lc.accept(case, RECEIVED)
    paying = Agreement(signed_on=RECEIVED, items=[AgreementItem("公司", "张三等12人", "工资", 1200000)])
    codes = [e.code for e in lc.agreement_problems(case, paying)]
    assert codes == ["E_PER_WORKER_REQUIRED"]
    paying.per_worker = [WorkerAmount(f"工人{i}", 100000) for i in range(12)]
    assert lc.agreement_problems(case, paying) == []
    no_money = Agreement(signed_on=RECEIVED, items=[AgreementItem("公司", "张三等12人", "出具离职证明")])
    assert lc.agreement_problems(case, no_money) == []
    bad = Agreement(signed_on=RECEIVED - timedelta(days=1), effective_on=RECEIVED - timedelta(days=2), tax="gross",
                    items=[AgreementItem("", "张三", "工资", -1, due_on=RECEIVED - timedelta(days=5))],
                    per_worker=[WorkerAmount(" ", 1)])
    fields = {e.field for e in lc.agreement_problems(case, bad)}
    assert fields == {"signed_on", "effective_on", "tax", "items.0.payer", "items.0.amount", "items.0.due",
                      "per_worker.0.name"}


@pytest.mark.parametrize("status,outcome,stage", [
    ("registered", None, Stage.REGISTERED), ("mediating", None, Stage.MEDIATING),
    ("mediating", "agreement", Stage.CONCLUDED), ("closed", "agreement", Stage.CLOSED),
    ("closed", None, Stage.CLOSED), ("registered", "withdrawn", Stage.REGISTERED)])
def test_the_stage_is_derived_from_status_and_outcome(status, outcome, stage):
    assert stage_of(status, outcome) == stage


def test_an_imported_case_accepted_after_its_deadline_is_recorded_as_late(tmp_path):
    from mediation_desktop.services.bulk import insert_new_cases
    from mediation_desktop.services.cases import CaseService

    from .helpers import make_backend, walk_in

    backend = make_backend(tmp_path / "d")
    try:
        late, on_time = walk_in("甲"), walk_in("乙")   # received 2026-02-13: acceptance due 2026-02-25
        for case, accepted in ((late, date(2026, 3, 2)), (on_time, date(2026, 2, 25))):
            case.status, case.accepted_on = Status.MEDIATING, accepted
        with backend.db.write() as conn:
            insert_new_cases(backend, conn, [late, on_time])
        service = CaseService(backend)
        assert service.get(late.case_no).accepted_late is True
        assert service.get(on_time.case_no).accepted_late is False
    finally:
        backend.close()


def test_an_agreement_without_money_agrees_no_amount():
    case = new_case()
    lc.accept(case, RECEIVED)
    lc.conclude(case, Outcome.AGREEMENT, RECEIVED, agreement=Agreement(
        signed_on=RECEIVED, items=[AgreementItem("公司", "张三", "出具离职证明")]))
    assert case.amount_agreed_fen is None
    paid = new_case()
    lc.accept(paid, RECEIVED)
    lc.conclude(paid, Outcome.AGREEMENT, RECEIVED, agreement=Agreement(
        signed_on=RECEIVED, items=[AgreementItem("公司", "张三", "工资", 0), AgreementItem("公司", "张三", "证明")]))
    assert paid.amount_agreed_fen == 0

"""Every lifecycle button of the case detail, pressed in the real window on a register that holds a
case in every stage; after each press the database (read back through a fresh service) says what
the action did, and the page shows the new stage."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import Outcome, Stage
from mediation_desktop.core.lifecycle import _BY_STAGE
from mediation_desktop.core.model import Agreement, AgreementItem, Applicant, Case, Claim, Respondent
from mediation_desktop.gui.dialogs import actions as action_dialogs

ACTION_CODES = sorted({a.code for stage_actions in _BY_STAGE.values() for a in stage_actions})


def _case(name: str, received: date) -> Case:
    return Case(org_id="", received_on=received, applicants=[Applicant(name=name)],
                respondent=Respondent(name="天津鑫达建筑工程有限公司"),
                claims=[Claim(description="支付拖欠工资", amount_fen=1_200_000)], dispute_types=["wages"])


@pytest.fixture
def register(make_window):
    """A window signed in as head and administrator, and a case in every stage:
    registered, mediating, concluded with an agreement, concluded otherwise, closed."""
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    service = CaseService(window.ctx.backend)
    today = clock_today()
    received = today - timedelta(days=1)
    made: dict[str, str] = {}

    def new(key: str, stage: str) -> None:
        case = service.register(_case(f"申请人{key}", received))
        if stage != "registered":
            service.accept(case.id, received, "刘建华")
        if stage in ("agreed", "closed"):
            agreement = Agreement(signed_on=today, items=[AgreementItem(
                payer="天津鑫达建筑工程有限公司", payee=f"申请人{key}", description="支付工资",
                amount_fen=1_200_000, due_on=today + timedelta(days=30))])
            service.conclude(case.id, Outcome.AGREEMENT, today, agreement=agreement)
        if stage == "failed":
            service.conclude(case.id, Outcome.FAILED, today, note="双方差距过大")
        if stage == "closed":
            service.close(case.id, today)
        made[key] = case.id

    for key, stage in (("accept", "registered"), ("not_accept", "registered"), ("withdraw_new", "registered"),
                       ("transfer_new", "registered"), ("record_session", "mediating"), ("extend", "mediating"),
                       ("agree", "mediating"), ("settle", "mediating"), ("fail", "mediating"),
                       ("withdraw", "mediating"), ("transfer", "mediating"), ("record_performance", "agreed"),
                       ("application", "agreed"), ("close", "failed"), ("reopen", "closed")):
        new(key, stage)
    return window, made


@pytest.fixture
def answer_dialogs(monkeypatch):
    """Action dialogs are answered by their class: the filler sets fields, then 确定 is pressed
    the way a person would (``_accept`` runs the dialog's own checks)."""
    fillers: dict[str, object] = {}
    shown: list[str] = []

    def exec_(dialog) -> int:
        shown.append(type(dialog).__name__)
        fill = fillers.get(type(dialog).__name__)
        if fill is not None:
            fill(dialog)
        dialog._accept()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
        return dialog.result()

    monkeypatch.setattr(action_dialogs.ActionDialog, "exec", exec_)
    fillers["_shown"] = shown
    return fillers


def _open(window, qtbot, wait_idle, case_id: str):
    window.open_case(case_id)
    wait_idle(window)
    detail = window.detail
    assert detail.loaded is not None and detail.loaded.view.case.id == case_id
    return detail


def _press(window, qtbot, wait_idle, detail, code: str) -> None:
    button = detail.application_button if code == "application" else detail.action_buttons[code]
    if code == "application":
        detail.tabs.setCurrentWidget(button.parentWidget())   # it sits on the 调解协议 tab
    assert button.isVisibleTo(detail), code
    button.click()
    wait_idle(window)


def _stored(window, case_id: str) -> Case:
    from mediation_desktop.services.cases import CaseService

    return CaseService(window.ctx.backend).get(case_id)


def test_the_register_offers_every_lifecycle_action_somewhere():
    # The fixture below must drive each button the detail page can show.
    assert set(ACTION_CODES) == {"accept", "not_accept", "extend", "record_session", "agree", "settle", "fail",
                                 "withdraw", "transfer", "record_performance", "close", "reopen"}


def test_every_case_action_through_the_window(register, answer_dialogs, qtbot, wait_idle):
    window, ids = register
    today = clock_today()
    driven: set[str] = set()
    announced: list = []
    window.ctx.changed.connect(announced.append)

    def run(key: str, code: str, fill=None):
        detail = _open(window, qtbot, wait_idle, ids[key])
        before = _stored(window, ids[key])
        if fill is not None:
            answer_dialogs[fill[0]] = fill[1]
        announced.clear()
        _press(window, qtbot, wait_idle, detail, code)
        driven.add(code)
        assert [c.kinds for c in announced] == [("cases",)], code   # lists and the desk refresh from it
        after = _stored(window, ids[key])
        assert window.detail.loaded.view.case.status == after.status   # the page reloaded
        return before, after

    # -- registered ------------------------------------------------------------------------------
    _, case = run("accept", "accept", ("AcceptDialog", lambda d: d.mediator.setText("王调解")))
    assert case.stage == Stage.MEDIATING and case.accepted_on == today and case.mediator == "王调解"
    assert "record_session" in window.detail.action_buttons

    _, case = run("not_accept", "not_accept", ("NotAcceptDialog", lambda d: d.reason.setPlainText("不属于劳动争议")))
    assert case.stage == Stage.CLOSED and case.outcome == Outcome.NOT_ACCEPTED and case.closed_on == today

    _, case = run("withdraw_new", "withdraw", ("ConcludeDialog", lambda d: d.note.setPlainText("申请人撤回")))
    assert case.stage == Stage.CLOSED and case.outcome == Outcome.WITHDRAWN   # never accepted: closed at once

    _, case = run("transfer_new", "transfer", ("ConcludeDialog", lambda d: d.transferred_to.setText("和平区仲裁委")))
    assert case.stage == Stage.CLOSED and case.outcome == Outcome.TRANSFERRED and case.transferred_to == "和平区仲裁委"

    # -- mediating -------------------------------------------------------------------------------
    def session(d):
        d.attendees.setText("申请人，被申请人代理人")
        d.notes.setPlainText("双方同意分期支付")
    before, case = run("record_session", "record_session", ("SessionDialog", session))
    assert len(case.sessions) == len(before.sessions) + 1 and case.sessions[-1].notes == "双方同意分期支付"
    assert case.stage == Stage.MEDIATING

    before, case = run("extend", "extend")
    view = window.detail.loaded.view
    assert before.extended_until is None and case.extended_until is not None
    assert case.extended_until > today and case.stage == Stage.MEDIATING
    assert view.deadlines.mediation_due == case.extended_until or case.extended_until in view.deadlines.values()

    _, case = run("agree", "agree")
    assert case.outcome == Outcome.AGREEMENT and case.agreement is not None
    assert case.agreement.items[0].amount_fen == 1_200_000

    _, case = run("settle", "settle", ("ConcludeDialog", lambda d: d.note.setPlainText("双方自行和解")))
    assert case.stage == Stage.CONCLUDED and case.outcome == Outcome.SETTLED and case.concluded_on == today

    _, case = run("fail", "fail", ("ConcludeDialog", lambda d: d.note.setPlainText("被申请人拒绝调解")))
    assert case.outcome == Outcome.FAILED

    _, case = run("withdraw", "withdraw")
    assert case.outcome == Outcome.WITHDRAWN

    _, case = run("transfer", "transfer", ("ConcludeDialog", lambda d: d.transferred_to.setText("区法院")))
    assert case.outcome == Outcome.TRANSFERRED and case.transferred_to == "区法院"

    # -- concluded -------------------------------------------------------------------------------
    def pay(d):
        d.amount.setText("5000")
    _, case = run("record_performance", "record_performance", ("PerformanceDialog", pay))
    assert case.agreement.items[0].performed_fen == 500_000 and case.agreement.items[0].performed_on == today

    def review(d):
        d.outcome_text.setText("已出具仲裁调解书")
    _, case = run("application", "application", ("ApplicationDialog", review))
    assert case.agreement.arbitration_review_applied_on == today
    assert case.agreement.arbitration_review_result == "已出具仲裁调解书"

    _, case = run("close", "close")
    assert case.stage == Stage.CLOSED and case.closed_on == today and case.outcome == Outcome.FAILED

    # -- closed ----------------------------------------------------------------------------------
    _, case = run("reopen", "reopen")
    assert case.stage != Stage.CLOSED and case.outcome is None and case.closed_on is None
    assert list(window.detail.action_buttons) != ["reopen"]

    assert driven >= set(ACTION_CODES)
    from mediation_desktop.gui import crash, messages

    assert crash.crashes == [] and messages.shown == []


def test_a_refused_action_changes_nothing_and_says_why(register, answer_dialogs, qtbot, wait_idle):
    window, ids = register
    detail = _open(window, qtbot, wait_idle, ids["extend"])
    before = _stored(window, ids["extend"])

    def too_far(d):
        d.until.setDate(d.until.date().addDays(60))
    answer_dialogs["ExtendDialog"] = too_far
    announced: list = []
    window.ctx.changed.connect(announced.append)
    _press(window, qtbot, wait_idle, detail, "extend")
    assert announced == []   # nothing changed, nothing to refresh
    from mediation_desktop.gui import messages

    assert messages.shown, "the refusal is shown"
    assert _stored(window, ids["extend"]).extended_until == before.extended_until
    assert detail.loaded.view.case.extended_until == before.extended_until


def test_a_mediator_is_not_offered_what_the_service_refuses(register, qtbot, wait_idle):
    from mediation_desktop.core.errors import PermissionDenied
    from mediation_desktop.services.cases import CaseService

    window, ids = register
    window.ctx.backend.role = "mediator"
    detail = _open(window, qtbot, wait_idle, ids["close"])
    assert "close" not in detail.action_buttons and "record_performance" not in detail.action_buttons
    with pytest.raises(PermissionDenied):
        CaseService(window.ctx.backend).close(ids["close"], clock_today())
    assert _stored(window, ids["close"]).stage == Stage.CONCLUDED
    detail = _open(window, qtbot, wait_idle, ids["settle"])
    assert {"settle", "record_session", "extend"} <= set(detail.action_buttons)   # casework stays offered


def test_an_empty_agreement_is_refused_in_the_dialog_and_nothing_is_saved(register, qtbot, wait_idle):
    window, ids = register
    detail = _open(window, qtbot, wait_idle, ids["agree"])
    before = _stored(window, ids["agree"])
    dialog = action_dialogs.dialog_for("agree", detail.loaded.view.case, clock_today(), detail)
    for form in list(dialog.items):
        dialog.remove_item(form)
    dialog._accept()
    assert dialog.change is None and "至少一项" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert _stored(window, ids["agree"]) == before

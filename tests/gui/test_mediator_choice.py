"""A case's mediator is chosen from the mediator register (调解员名册) in the registration form and
the accept dialog: the register's active names are offered, and a name typed by hand (an old case,
someone not yet registered) is still recorded as typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from mediation_desktop.core.clock import today
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent

ACTIVE = ["刘建华", "王调解"]


@pytest.fixture
def window(make_window, monkeypatch):
    from mediation_desktop.gui import messages
    from mediation_desktop.services import mediators

    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)   # closing with a filled form: discard it
    window = make_window()
    backend = window.ctx.backend
    for name in [*ACTIVE, "赵离任"]:
        mediators.add_mediator(backend, name)
    gone = next(m for m in mediators.list_mediators(backend) if m["name"] == "赵离任")
    mediators.set_active(backend, gone["id"], False)       # no longer mediates: not offered
    return window


def _fill(page, name: str) -> None:
    page.applicant_rows[0].name.setText(name)
    page.resp_name.setText("天津鑫达建筑工程有限公司")
    row = page.claim_rows[0]
    row.description.setText("支付拖欠工资")
    row.amount.setText("8000")
    row.dispute_type.setCurrentIndex(row.dispute_type.findData("wages"))


def _saved_mediator(window, qtbot, wait_idle) -> str | None:
    from mediation_desktop.services.case_list import CaseListService, ListFilter
    from mediation_desktop.services.cases import CaseService

    page = window.register
    with qtbot.waitSignal(page.registered, timeout=15000) as saved:
        page.save()
    wait_idle(window)
    assert saved.args and CaseListService(window.ctx.backend).count(ListFilter()) >= 1
    return CaseService(window.ctx.backend).get(saved.args[0]).mediator


def test_the_registration_form_offers_the_registers_active_mediators(window, qtbot, wait_idle):
    window.show_page(2)
    page = window.register
    qtbot.waitUntil(lambda: page.mediator.names() == ACTIVE, timeout=15000)
    assert page.mediator.isEditable() and page.mediator.text() == ""

    _fill(page, "赵明")
    page.mediator.setCurrentIndex(page.mediator.findText("王调解"))
    assert _saved_mediator(window, qtbot, wait_idle) == "王调解"
    assert page.mediator.text() == ""                      # a new form starts without a mediator

    # Someone not (yet) in the register: typed, and recorded as typed.
    _fill(page, "钱亮")
    page.mediator.setText("孙外聘")
    assert _saved_mediator(window, qtbot, wait_idle) == "孙外聘"


def test_the_registration_form_learns_names_added_to_the_register(window, qtbot):
    from mediation_desktop.services import mediators

    window.show_page(2)
    page = window.register
    qtbot.waitUntil(lambda: page.mediator.names() == ACTIVE, timeout=15000)
    mediators.add_mediator(window.ctx.backend, "周新任")
    page.mediator.setText("周")                              # what is typed survives the refresh
    window.show_page(0)
    window.show_page(2)
    qtbot.waitUntil(lambda: "周新任" in page.mediator.names(), timeout=15000)
    assert page.mediator.text() == "周"


def test_the_accept_dialog_offers_the_register_and_keeps_an_old_cases_name(window, qtbot, wait_idle):
    from mediation_desktop.services.cases import CaseService

    backend = window.ctx.backend
    case = CaseService(backend).register(Case(
        org_id="", received_on=today(), applicants=[Applicant(name="张三")],
        respondent=Respondent(name="天津鑫达建筑工程有限公司"), dispute_types=["wages"],
        claims=[Claim(description="支付拖欠工资", amount_fen=800_000, dispute_type="wages")],
        mediator="老张（原台账）"))
    window.open_case(case.id)
    wait_idle(window)
    detail = window.detail
    offered: dict = {}

    def accept(dialog: QDialog) -> None:
        qtbot.waitUntil(lambda: dialog.mediator.names() == ACTIVE, timeout=15000)
        offered["kept"] = dialog.mediator.text()          # the case's own free text stays until changed
        dialog.mediator.setCurrentIndex(dialog.mediator.findText("刘建华"))
        dialog._accept()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    detail.run_action("accept", accept)
    wait_idle(window)
    assert offered["kept"] == "老张（原台账）"
    stored = CaseService(backend).get(case.id)
    assert stored.accepted_on == today() and stored.mediator == "刘建华"

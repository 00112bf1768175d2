"""Closing a case whose agreement is not yet carried out asks first and names what is owed (the answer
is audited); the audit trail reads in Chinese words, with no field names, codes or hashes."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.audit_words import describe_detail
from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.model import Agreement, AgreementItem, Applicant, Case, Claim, Respondent
from mediation_desktop.gui.dialogs.actions import CloseDialog


def _concluded(window) -> Case:
    from mediation_desktop.services.cases import CaseService

    service = CaseService(window.ctx.backend)
    case = service.register(Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("孙未付")],
                                 respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                                 claims=[Claim("支付拖欠工资", 800000, "wages")]))
    service.accept(case.case_no, date(2026, 9, 15))
    agreement = Agreement(signed_on=date(2026, 9, 20), items=[
        AgreementItem("天津鑫达建筑工程有限公司", "孙未付", "支付工资", 800000, date(2026, 9, 30)),
        AgreementItem("天津鑫达建筑工程有限公司", "孙未付", "出具离职证明")])
    case = service.conclude(case.case_no, Outcome.AGREEMENT, date(2026, 9, 20), agreement=agreement)
    item = case.agreement.items[0]
    return service.record_performance(case.case_no, item.id, date(2026, 9, 28), 300000)


def test_closing_with_items_owed_names_them_asks_and_audits_the_answer(make_window, qtbot):
    from mediation_desktop.services.audit_view import AuditFilter, query_audit
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    case = _concluded(window)
    dialog = CloseDialog(case, date(2026, 10, 8))
    qtbot.addWidget(dialog)
    assert dialog.unpaid == ["支付工资（天津鑫达建筑工程有限公司→孙未付）尚欠 ¥5,000.00",
                             "出具离职证明（天津鑫达建筑工程有限公司→孙未付）尚未履行"]
    assert dialog.acknowledge.isVisibleTo(dialog)
    dialog._accept()
    assert dialog.change is None and "确认知悉" in dialog.error.text()
    dialog.acknowledge.setChecked(True)
    dialog._accept()
    closed = dialog.change(CaseService(window.ctx.backend), case.case_no)
    assert closed.closed_on == date(2026, 10, 8)
    entry = query_audit(window.ctx.backend, AuditFilter(action="close"))[0]
    assert entry.detail["unpaid_acknowledged"] == dialog.unpaid
    assert "确认知悉未履行完毕：支付工资" in describe_detail(entry.detail)


def test_closing_a_case_with_nothing_owed_asks_nothing(make_window, qtbot):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    case = _concluded(window)
    service = CaseService(window.ctx.backend)
    for item in case.agreement.items:
        case = service.record_performance(case.case_no, item.id, date(2026, 9, 29), item.amount_fen or 0)
    dialog = CloseDialog(case, date(2026, 10, 8))
    qtbot.addWidget(dialog)
    assert dialog.unpaid == [] and not dialog.acknowledge.isVisibleTo(dialog)
    dialog._accept()
    assert dialog.change is not None


def test_audit_details_read_as_words():
    text = describe_detail({"case_no": "津和平劳调〔2026〕1号", "status": "registered", "on": "2026-09-15",
                            "document_id": "document_g7f3", "sha256": "ab" * 32, "dry_run": False,
                            "kind": "acceptance"}, skip=("case_no",))
    assert text == "状态：待受理，日期：2026-09-15，种类：受理通知书"
    assert describe_detail({"dry_run": True, "count": 3}) == "数量：3，预检：是"
    for shown in (text, describe_detail({"status": "mediating", "outcome": "agreement", "role": "head+admin"})):
        assert not any(c.isascii() and c.isalpha() for c in shown), shown

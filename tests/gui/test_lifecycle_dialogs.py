"""The lifecycle dialogs ask for what the record needs: the day the parties agreed to an extension,
and for a collective agreement each worker's share; the service refuses what the command line refuses."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem, Applicant, Case, Claim, Respondent
from mediation_desktop.gui.dialogs.actions import ExtendDialog
from mediation_desktop.gui.dialogs.agreement import AgreementDialog


def _accepted(window, name: str, workers: int = 1) -> Case:
    from mediation_desktop.services.cases import CaseService

    service = CaseService(window.ctx.backend)
    case = service.register(Case(org_id="", received_on=date(2026, 9, 14),
                                 applicants=[Applicant(name, is_representative=workers >= 10)],
                                 respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                                 workers_involved=workers, claims=[Claim("支付拖欠工资", 12000000, "wages")]))
    return service.accept(case.case_no, date(2026, 9, 15))


def test_the_extension_dialog_records_the_day_the_parties_agreed(make_window, qtbot):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    service = CaseService(window.ctx.backend)
    case = _accepted(window, "周延期")

    late = ExtendDialog(case, date(2026, 10, 9))
    qtbot.addWidget(late)
    late.until.setDate(QDate(2026, 10, 14))
    late._accept()
    with pytest.raises(UserError) as refused:      # the 15-day term ended on 2026-09-30
        late.change(service, case.case_no)
    assert refused.value.code == "E_EXTENSION_LATE"

    dialog = ExtendDialog(case, date(2026, 10, 9))
    qtbot.addWidget(dialog)
    dialog.until.setDate(QDate(2026, 10, 14))
    dialog.agreed_on.setDate(QDate(2026, 9, 28))
    dialog._accept()
    saved = dialog.change(service, case.case_no)
    assert (saved.extended_until, saved.extension_agreed_on) == (date(2026, 10, 14), date(2026, 9, 28))


def test_a_collective_agreement_asks_each_workers_share(make_window, qtbot):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    service = CaseService(window.ctx.backend)
    case = _accepted(window, "蒋代表", workers=12)

    dialog = AgreementDialog(case, date(2026, 9, 25))
    qtbot.addWidget(dialog)
    assert dialog.per_worker.isVisibleTo(dialog)
    assert dialog.per_worker.item(0, 0).text() == "蒋代表"     # the applicants are listed to start with
    dialog.per_worker.setRowCount(0)
    dialog._accept()                                          # refused in the dialog, as the service would
    assert dialog.change is None and "逐一列明每名劳动者" in dialog.per_worker_error.text()
    with pytest.raises(UserError) as refused:
        service.conclude(case.case_no, Outcome.AGREEMENT, date(2026, 9, 25),
                         agreement=Agreement(signed_on=date(2026, 9, 25),
                                             items=[AgreementItem("单位", "蒋代表", "工资", 100)]))
    assert refused.value.code == "E_PER_WORKER_REQUIRED"

    for n in range(1, 13):
        dialog.add_worker(f"工人{n:02d}", "10000.00")
    assert dialog.per_worker.item(0, 2).text() == "人民币壹万元整"
    dialog.tax.setCurrentIndex(dialog.tax.findData("after_tax"))
    dialog.items[0].account.setText("6222000011112222")
    dialog._accept()
    saved = dialog.change(service, case.case_no).agreement
    assert [(w.name, w.amount_fen) for w in saved.per_worker] == [(f"工人{n:02d}", 1000000) for n in range(1, 13)]
    assert saved.tax == "after_tax" and saved.items[0].method == "银行转账"
    assert saved.items[0].account == "6222000011112222"

    bad = AgreementDialog(case, date(2026, 9, 25))
    qtbot.addWidget(bad)
    bad.per_worker.setRowCount(0)
    bad.add_worker("只有名字")
    bad._accept()
    assert bad.change is None and "姓名和金额" in bad.error.text()


def test_the_desk_lists_a_late_acceptance(make_window, wait_idle):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    service = CaseService(window.ctx.backend)
    late = service.register(Case(org_id="", received_on=date(2026, 9, 1), applicants=[Applicant("杨逾期")],
                                 respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"]))
    late = service.accept(late.case_no, date(2026, 9, 10))   # due 2026-09-04
    on_time = _accepted(window, "钱按时")
    assert late.accepted_late and not on_time.accepted_late
    window.desk.reload()
    wait_idle(window)
    lines = [(item.text(0), item.text(2)) for item in window.desk.items() if "逾期受理" in item.text(2)]
    assert lines == [(late.case_no, "逾期受理：2026-09-10 受理，受理期限为 2026-09-04")]
    assert window.desk.desk.late_acceptance_total == 1
    window.open_case(late.id)
    wait_idle(window)
    assert "逾期受理：2026-09-10 受理" in window.detail.warning.text()
    window.open_case(on_time.id)
    wait_idle(window)
    assert "逾期受理" not in window.detail.warning.text()

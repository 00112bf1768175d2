"""The documents tab and batch generation never produce a document the case's record contradicts:
the kind is greyed with the reason as its tooltip, and batch generation skips and lists the case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.gui.documents.tab import DocumentsPanel


def _case(name: str) -> Case:
    return Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant(name)],
                respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                claims=[Claim("支付拖欠工资", 3680050, "wages")])


def _refused_case(window) -> Case:
    from mediation_desktop.services.cases import CaseService

    service = CaseService(window.ctx.backend)
    case = service.register(_case("孙不予"))
    return service.not_accept(case.case_no, date(2026, 9, 15), "不属于劳动争议调解范围")


def test_the_documents_tab_greys_a_kind_the_record_contradicts(make_window, qtbot, wait_idle):
    window = make_window()
    case = _refused_case(window)
    window.open_case(case.id)
    wait_idle(window)
    detail = window.detail
    detail.tabs.setCurrentWidget(detail.documents_tab)
    panel = detail.documents_tab.findChild(DocumentsPanel)

    acceptance = panel.kind.findData("acceptance")
    panel.kind.setCurrentIndex(acceptance)
    assert not panel.generate_button.isEnabled()
    assert panel.generate_button.toolTip() == "不能生成：本案已决定不予受理"
    assert panel.kind.itemData(acceptance, Qt.ItemDataRole.ToolTipRole) == "本案已决定不予受理"
    termination = panel.kind.findData("termination")
    assert panel.kind.itemData(termination, Qt.ItemDataRole.ToolTipRole)

    panel.kind.setCurrentIndex(panel.kind.findData("rejection"))
    assert panel.generate_button.isEnabled() and panel.generate_button.toolTip() == ""
    assert panel.kind.itemData(panel.kind.currentIndex(), Qt.ItemDataRole.ToolTipRole) == ""
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "不予受理通知书"


def test_batch_generation_skips_and_lists_cases_the_record_refuses(make_window, qtbot, wait_idle, tmp_path):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    refused = _refused_case(window)
    service = CaseService(window.ctx.backend)
    accepted = service.accept(service.register(_case("钱受理")).case_no, date(2026, 9, 15))
    window.show_page(1)
    page = window.cases
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    wait_idle(window)
    selection = QItemSelection(page.model.index(0, 0), page.model.index(1, page.model.columnCount() - 1))
    page.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
    window.batch_documents.run("acceptance", tmp_path / "批量")
    wait_idle(window, 60000)
    written, skipped = window.batch_documents.last_result
    assert [p.exists() for p in written] == [True] and accepted.case_no in written[0].name
    assert skipped == [(refused.case_no, "本案已决定不予受理")]

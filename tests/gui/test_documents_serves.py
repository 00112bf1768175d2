"""The documents tab lets a 送达回证 name the document it serves, as ``doc … service --serves`` does:
only the documents the record permits are offered, the stage's usual one first, the receipt goes to
that document's addressees, and a refused choice is shown as a message with nothing generated."""

from __future__ import annotations

from datetime import date

from docx import Document
from PySide6.QtCore import Qt

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.gui import messages
from mediation_desktop.gui.documents.tab import DocumentsPanel
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.document_register import DocumentService

EMPLOYER = "天津鑫达建筑工程有限公司"


def _panel(window, wait_idle, case_id: str) -> DocumentsPanel:
    window.open_case(case_id)
    wait_idle(window)
    detail = window.detail
    detail.tabs.setCurrentWidget(detail.documents_tab)
    panel = detail.documents_tab.findChild(DocumentsPanel)
    panel.kind.setCurrentIndex(panel.kind.findData("service"))
    return panel


def _offered(panel) -> list[str]:
    return [panel.serves.itemData(i) for i in range(panel.serves.count())]


def test_a_receipt_serves_the_document_chosen(make_window, qtbot, wait_idle):
    window = make_window()
    service = CaseService(window.ctx.backend)
    case = service.register(Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("孙送达")],
                                 respondent=Respondent(EMPLOYER), dispute_types=["wages"],
                                 claims=[Claim("支付拖欠工资", 3680050, "wages")]))
    service.accept(case.case_no, date(2026, 9, 15))
    panel = _panel(window, wait_idle, case.id)
    assert panel.serves.isVisibleTo(panel) and _offered(panel) == ["application", "acceptance"]
    assert panel.serves.currentData() == "acceptance"
    panel.kind.setCurrentIndex(panel.kind.findData("record"))
    assert not panel.serves.isVisibleTo(panel)                  # only a receipt names what it serves

    service.conclude(case.case_no, Outcome.FAILED, date(2026, 9, 20))
    panel = _panel(window, wait_idle, case.id)
    assert _offered(panel) == ["application", "acceptance", "termination"]
    assert panel.serves.currentData() == "termination"           # the stage's usual one
    panel.serves.setCurrentIndex(panel.serves.findData("acceptance"))
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert "送达受理通知书" in panel.message.text()
    documents = DocumentService(window.ctx.backend)
    (receipt,) = documents.list(case.id)
    text = "\n".join([p.text for p in Document(str(documents.path_of(receipt))).paragraphs]
                     + [c.text for t in Document(str(documents.path_of(receipt))).tables
                        for r in t.rows for c in r.cells])
    assert "受理通知书" in text and "终止调解告知书" not in text
    assert "孙送达" in text and EMPLOYER not in text              # the notice goes to the applicant alone

    # A choice the record no longer permits (the list was made before the case changed) is refused.
    messages.shown.clear()
    panel.serves.addItem("送达回证", "service")
    panel.serves.setCurrentIndex(panel.serves.count() - 1)
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert [title for title, _ in messages.shown] == ["操作未完成"]
    assert "送达回证所送达的文书种类“service”无效" in messages.shown[0][1]
    assert len(documents.list(case.id)) == 1

"""Screenshots for the README: the desk, the case list, a registration with an error, a case detail
with its documents, the sync page and the sign-in dialog.

Run under a real X server with a CJK font, e.g.::

    xvfb-run -a -s "-screen 0 1366x768x24" python -m mediation_desktop.gui.screenshots docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mediation_desktop.gui.screenshot_setup import close_window, new_register, open_window, prepare, settle

SETTLE_MS = 300


def _book_sessions(backend) -> None:
    """A few open cases booked for today and later this week, so the desk shows 今日调解 and 本周调解."""
    from datetime import timedelta

    from mediation_desktop.core.clock import today
    from mediation_desktop.core.session_schedule import week_bounds
    from mediation_desktop.services.case_list import CaseListService, ListFilter
    from mediation_desktop.services.cases import CaseService

    service, day = CaseService(backend), today()
    first, last = week_bounds(day)
    later = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    keys = CaseListService(backend).keys(ListFilter(status="mediating", outcome="open"))[:5]
    rows = CaseListService(backend).rows(keys)
    plan = [(day, "09:30", "第一调解室"), (day, "14:00", "第二调解室"), (day, "15:30", "鑫达公司会议室")]
    plan += [(on, "10:00", "第一调解室") for on in later[:2]]
    for row, (on, at, place) in zip(rows.values(), plan, strict=False):
        service.schedule_session(row.case_id, on, at, place)


def main(out_dir: str) -> int:
    from mediation_desktop.services.demo import fill_demo

    out = prepare(out_dir)
    folder = tempfile.mkdtemp(prefix="md_shots_")
    backend = new_register(folder, "王调解", "和平区劳动人事争议调解中心", "津和平", display_name="王建国")
    fill_demo(backend, 600)
    _book_sessions(backend)
    backend.close()

    def photograph(dialog) -> None:  # the sign-in dialog, with the name typed
        dialog.adjustSize()
        dialog.grab().save(str(out / "sign_in.png"))

    window = open_window(folder, "王调解", at_sign_in=photograph)
    window.grab().save(str(out / "desk.png"))

    window.show_page(1)
    settle(window, SETTLE_MS)
    settle(window, SETTLE_MS)
    window.grab().save(str(out / "case_list.png"))

    window.show_page(2)
    page = window.register
    row = page.applicant_rows[0]
    row.name.setText("张三")
    row.id_number.setText("120101199003071230")
    row.phone.setText("13812345678")
    page.resp_name.setText("天津鑫达建筑工程有限公司")
    page.claim_rows[0].description.setText("支付2025年10月至12月拖欠工资")
    page.claim_rows[0].amount.setText("16409.02")
    page.facts.setPlainText("申请人自2023年入职被申请人处从事钢筋工工作，被申请人自三个月前起拖欠工资。")
    page.received_on.edit.setText("2026年9月1日")     # typed the Chinese way, read as 2026-09-01
    page.save()
    settle(window, SETTLE_MS)
    from PySide6.QtWidgets import QScrollArea

    scroll = page.findChild(QScrollArea)
    if scroll is not None:   # both refusals in view: the ID number's and the dispute type's
        scroll.verticalScrollBar().setValue(125)
        settle(window, SETTLE_MS)
    window.grab().save(str(out / "register_validation.png"))
    page.dirty = False
    _dialog_shots(window, out)

    window.show_page(1)
    # A case with an agreement (one still being performed if there is one): its items and documents.
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    listing = CaseListService(window.ctx.backend)
    agreed = (listing.keys(ListFilter(status="mediating", outcome="agreement"))
              or listing.keys(ListFilter(outcome="agreement")))[:1]
    case_id = listing.rows(agreed)[agreed[0]].case_id if agreed else window.cases.model.row_at(0).case_id
    window.ctx.open_case.emit(case_id)
    settle(window, SETTLE_MS)
    window.detail.tabs.setCurrentIndex(2)
    settle(window, SETTLE_MS)
    window.grab().save(str(out / "case_detail.png"))

    from mediation_desktop.gui.documents.tab import DocumentsPanel

    window.detail.tabs.setCurrentWidget(window.detail.documents_tab)
    panel = window.detail.documents_tab.findChild(DocumentsPanel)
    for kind in ("application", "acceptance", "agreement", "agreement"):
        panel.generate(kind)
        settle(window, SETTLE_MS)
    # The receipt for the acceptance notice, with the choice of the served document in view.
    panel.kind.setCurrentIndex(panel.kind.findData("service"))
    panel.serves.setCurrentIndex(max(panel.serves.findData("acceptance"), 0))
    panel.generate()
    settle(window, SETTLE_MS)
    panel.table.selectRow(0)
    settle(window, SETTLE_MS)
    window.grab().save(str(out / "case_detail_documents.png"))

    window.show_tool_page("sync")
    settle(window, SETTLE_MS)
    window.grab().save(str(out / "sync.png"))
    close_window(window)
    return 0


def _dialog_shots(window, out: Path) -> None:
    """The forms from ui/: the agreement dialog (one form per item) and the organisation settings with
    the case-number example."""
    from datetime import date

    from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
    from mediation_desktop.gui.dialogs.agreement import AgreementDialog
    from mediation_desktop.gui.settings_dialog import OrganisationDialog

    case = Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("张三")],
                respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                claims=[Claim("支付拖欠工资", 1640902, "wages")], amount_claimed_fen=1640902,
                accepted_on=date(2026, 9, 15), case_no="津和平劳调〔2026〕12号")
    dialog = AgreementDialog(case, date(2026, 9, 25), window)
    second = dialog.add_item("天津鑫达建筑工程有限公司", "张三", "支付经济补偿", "8000")
    second.due.setDate(date(2026, 10, 15))
    dialog.add_item(payee="张三", what="出具解除劳动合同证明")
    dialog._accept()                  # the third item lacks its payer: marked in place
    dialog.resize(900, 740)
    dialog.show()
    settle(window, SETTLE_MS)
    dialog.grab().save(str(out / "agreement_dialog.png"))
    dialog.reject()
    settings = OrganisationDialog(window.ctx, window)
    settings.edits["case_no_pattern"].setText("{org_code}劳人调〔{year}〕第{seq}号")
    settings.show()
    settle(window, SETTLE_MS)
    settings.grab().save(str(out / "settings_organisation.png"))
    settings.reject()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

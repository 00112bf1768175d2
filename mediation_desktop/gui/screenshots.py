"""Screenshots for the README: the desk, the case list, a registration with an error, a case detail
with its documents, the sync page and the sign-in dialog.

Run under a real X server with a CJK font, e.g.::

    xvfb-run -a -s "-screen 0 1400x900x24" python -m mediation_desktop.gui.screenshots docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

SHOT_PASSWORD = "screenshot-pass"


def _settle(app: QApplication, window, ms: int = 300) -> None:
    loop = QEventLoop()
    def check() -> None:
        if window.ctx.runner.idle:
            QTimer.singleShot(ms, loop.quit)
        else:
            QTimer.singleShot(20, check)
    check()
    loop.exec()


def main(out_dir: str) -> int:
    from mediation_desktop.gui import messages
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.gui.main_window import MainWindow
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.demo import fill_demo

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages.HEADLESS = True
    folder = tempfile.mkdtemp(prefix="md_shots_")
    backend = Backend(DataPaths.resolve(folder), "王调解")
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    from mediation_desktop.sync.trust import create_keys

    create_keys(backend)
    from mediation_desktop.services.accounts import create_first_user

    create_first_user(backend, "王调解", SHOT_PASSWORD, "王建国")
    fill_demo(backend, 2000)
    backend.close()
    app = make_app()
    from mediation_desktop.gui import main_window

    def sign_in(dialog) -> bool:  # the sign-in dialog, photographed then answered
        dialog.name.setText("王调解")
        dialog.adjustSize()
        dialog.grab().save(str(out / "sign_in.png"))
        dialog.password.setText(SHOT_PASSWORD)
        dialog.try_sign_in()
        return dialog.account is not None

    main_window.run_dialog = sign_in
    window = MainWindow(DataPaths.resolve(folder), "王调解")
    window.resize(1360, 860)
    window.show()
    window.start()
    _settle(app, window)
    window.grab().save(str(out / "desk.png"))

    window.show_page(1)
    _settle(app, window)
    _settle(app, window)
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
    page.save()
    _settle(app, window)
    from PySide6.QtWidgets import QScrollArea

    scroll = page.findChild(QScrollArea)
    if scroll is not None:   # both refusals in view: the ID number's and the dispute type's
        scroll.verticalScrollBar().setValue(90)
        _settle(app, window)
    window.grab().save(str(out / "register_validation.png"))
    page.dirty = False

    window.show_page(1)
    model = window.cases.model
    case_id = None
    for r in range(model.rowCount()):
        row_data = model.row_at(r)
        if row_data is not None and row_data.status == "mediating" and row_data.outcome == "agreement":
            case_id = row_data.case_id
            break
    window.ctx.open_case.emit(case_id or model.row_at(0).case_id)
    _settle(app, window)
    window.detail.tabs.setCurrentIndex(2)
    _settle(app, window)
    window.grab().save(str(out / "case_detail.png"))

    from mediation_desktop.gui.documents.tab import DocumentsPanel

    window.detail.tabs.setCurrentWidget(window.detail.documents_tab)
    panel = window.detail.documents_tab.findChild(DocumentsPanel)
    for kind in ("application", "acceptance", "agreement", "agreement"):
        panel.generate(kind)
        _settle(app, window)
    panel.table.selectRow(0)
    _settle(app, window)
    window.grab().save(str(out / "case_detail_documents.png"))

    window.show_tool_page("sync")
    _settle(app, window)
    window.grab().save(str(out / "sync.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

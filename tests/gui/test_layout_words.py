"""Words and small truths of the window: document files named in Chinese, 打印 saying so when nothing
opened, Qt's own dialogs in Chinese."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="Windows prints through the file's own program")
def test_print_says_so_when_no_program_opened_the_document(monkeypatch, tmp_path):
    from mediation_desktop.gui.documents import tab

    monkeypatch.setattr(tab, "open_file", lambda path: False)
    with pytest.raises(OSError, match="没有能打开 .docx 文书的程序"):
        tab.print_file(tmp_path / "a.docx")
    monkeypatch.setattr(tab, "open_file", lambda path: True)
    assert "Word 或 WPS" in tab.print_file(tmp_path / "a.docx")


def test_generated_documents_have_chinese_file_names(make_window):
    from datetime import date

    from mediation_desktop.core.model import Applicant, Case, Respondent
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.document_register import DocumentService

    window = make_window()
    case = CaseService(window.ctx.backend).register(
        Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("周文书")],
             respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"]))
    case = CaseService(window.ctx.backend).accept(case.case_no, date(2026, 9, 15))
    service = DocumentService(window.ctx.backend)
    rec = service.generate(case.case_no, "acceptance")[0]
    assert rec.file_name == f"{case.case_no}_受理通知书_第1版.docx"
    assert (service.folder_for(case) / rec.file_name).is_file()
    assert service.generate(case.case_no, "acceptance")[0].file_name.endswith("_受理通知书_第2版.docx")


def test_qt_own_buttons_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication

    from mediation_desktop.gui import i18n

    assert "qtbase_zh_CN" in i18n.install_translations(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_documents_tab_lists_what_the_stage_still_needs(make_window, qtbot, wait_idle):
    from datetime import date

    from mediation_desktop.core.model import Applicant, Case, Respondent
    from mediation_desktop.gui.documents.tab import DocumentsPanel
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.document_register import DocumentService

    window = make_window()
    service = CaseService(window.ctx.backend)
    case = service.register(Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("吴待办")],
                                 respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"]))
    case = service.accept(case.case_no, date(2026, 9, 15))
    panel = DocumentsPanel(window.ctx)
    qtbot.addWidget(panel)
    panel.show_case(case)
    qtbot.waitUntil(lambda: panel.needs.text() != "", timeout=10000)
    assert panel.needs.text() == "本阶段还需要：调解申请书、受理通知书"
    documents = DocumentService(window.ctx.backend)
    documents.generate(case.case_no, "application")
    documents.generate(case.case_no, "acceptance")
    panel.reload()
    qtbot.waitUntil(lambda: "受理通知书）" in panel.needs.text(), timeout=10000)
    assert panel.needs.text() == "本阶段还需要：送达回证（受理通知书）"
    documents.generate(case.case_no, "service")
    panel.reload()
    qtbot.waitUntil(lambda: panel.needs.text() == "", timeout=10000)


@pytest.fixture
def backend(data_dir, qapp):
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.services.backend import Backend

    make_app()
    b = Backend.open(data_dir, "setup", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    yield b
    b.close()


def test_the_audit_page_reads_chinese_dates_and_shows_words(backend, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from mediation_desktop.gui.admin.audit_page import AuditPage
    from mediation_desktop.gui.context import AppContext
    from mediation_desktop.gui.tasks import TaskRunner
    from mediation_desktop.services.audit_events import record_event

    record_event(backend, "document", "case", "c1", {"kind": "agreement", "sha256": "ab" * 32, "dry_run": False})
    ctx = AppContext(TaskRunner(), QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    ctx.backend = backend
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: ctx.runner.idle, timeout=15000)
    page.date_from.edit.setText("2020年1月1日")
    page.date_to.clear()                                   # no upper bound
    wanted = page.current_filter()
    assert (wanted.date_from.isoformat(), wanted.date_to) == ("2020-01-01", None)
    page.search()
    qtbot.waitUntil(lambda: ctx.runner.idle, timeout=15000)
    shown = [page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())]
    assert "种类：调解协议书" in shown
    assert not any("=" in text or "sha256" in text or "dry_run" in text for text in shown)


def _acceptance_notice(window):
    from datetime import date

    from mediation_desktop.core.model import Applicant, Case, Respondent
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.document_register import DocumentService

    service = CaseService(window.ctx.backend)
    case = service.register(Case(org_id="", received_on=date(2026, 9, 14), applicants=[Applicant("郑预览")],
                                 respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"]))
    case = service.accept(case.case_no, date(2026, 9, 15))
    documents = DocumentService(window.ctx.backend)
    rec = documents.generate(case.case_no, "acceptance")[0]
    return case, documents.path_of(rec)


def test_preview_without_libreoffice_shows_the_documents_text(make_window, qtbot, monkeypatch):
    from mediation_desktop.documents import pdf
    from mediation_desktop.gui.documents.preview import PreviewDialog, make_preview

    window = make_window()
    case, path = _acceptance_notice(window)
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    kind, text = make_preview(path)
    assert kind == "text" and "受理通知书" in text and "郑预览" in text and case.case_no in text
    dialog = PreviewDialog(path.name, (kind, text))
    qtbot.addWidget(dialog)
    assert "需要安装 LibreOffice" in dialog.note.text() and dialog.view.toPlainText() == text


@pytest.mark.libreoffice
def test_preview_with_libreoffice_is_the_first_page_as_an_image(make_window, qtbot):
    from PySide6.QtGui import QImage

    from mediation_desktop.gui.documents.preview import make_preview

    window = make_window()
    _case, path = _acceptance_notice(window)
    kind, image = make_preview(path)
    assert kind == "image"
    picture = QImage(image)
    assert not picture.isNull() and picture.height() > picture.width()      # a portrait A4 page


def test_desk_headings_count_once_even_when_the_list_is_cut_short(make_window):
    import re
    from dataclasses import replace

    window = make_window()
    page = window.desk
    desk = page.desk
    assert desk is not None
    page.show_desk(replace(desk, deadlines_total=len(desk.deadlines) + 150))
    headings = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert headings[0] == f"期限提醒：今天、3天内到期及已超期（共{len(desk.deadlines) + 150}件，显示前{len(desk.deadlines)}件）"
    for heading in headings:
        count = re.search(r"（(?:共\d+件，显示前\d+件|\d+)）$", heading)
        assert count, heading
        rest = heading[:count.start()]
        assert "显示前" not in rest and not re.search(r"（\d+）$", rest), heading


def test_a_refusal_does_not_send_the_user_to_the_administrator():
    from mediation_desktop.core.errors import UserError, ValidationError
    from mediation_desktop.gui.messages import user_error_text

    for exc in (ValidationError("E_REQUIRED", "请填写申请人姓名"), UserError("E_CASE_NO_PATTERN", "案号格式不对"),
                UserError("E_DATE", "日期不对")):
        text = user_error_text(exc)
        assert "管理员" not in text and "命令" not in text and "mediation-desktop" not in text, text


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_case_page_fits_the_screen_and_its_deadline_chips_wrap(make_window, qtbot, wait_idle, size):
    window = make_window()
    case, _path = _acceptance_notice(window)
    window.resize(*size)
    window.ctx.open_case.emit(case.id)
    wait_idle(window)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.chips.count() >= 2, timeout=10000)
    # Nothing forces the window larger than the screen, and the status bar shows.
    assert (window.width(), window.height()) == size and window.statusBar().isVisible()

    def rows() -> set[int]:
        return {detail.chips.itemAt(i).geometry().y() for i in range(detail.chips.count())}

    box = detail.chips_box
    for width in (box.width(), 360):
        box.resize(width, box.layout().heightForWidth(width))
        box.layout().setGeometry(box.rect())
        for i in range(detail.chips.count()):
            assert detail.chips.itemAt(i).geometry().right() <= max(width, detail.chips.itemAt(i).sizeHint().width())
    assert len(rows()) > 1                                  # at 360 px the chips take more than one line

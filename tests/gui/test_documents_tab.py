"""The case detail's 文书 tab and 批量生成文书 in the case list, driven through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from mediation_desktop.gui import messages
from mediation_desktop.gui.documents import tab as documents_tab
from mediation_desktop.gui.documents.tab import DocumentsPanel


@pytest.fixture
def opened(monkeypatch):
    """What would have been handed to Word/WPS or the file manager."""
    paths: list[Path] = []
    monkeypatch.setattr(documents_tab, "open_file", lambda path: paths.append(Path(path)) or True)
    return paths


def _open_first_case(window, wait_idle):
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    service = CaseListService(window.ctx.backend)
    num = service.keys(ListFilter())[0]
    case_id = service.rows([num])[num].case_id
    window.open_case(case_id)
    wait_idle(window)
    detail = window.detail
    detail.tabs.setCurrentWidget(detail.documents_tab)
    panel = detail.documents_tab.findChild(DocumentsPanel)
    assert panel is detail.documents and panel.isVisibleTo(detail)
    return detail, panel


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_generate_versions_open_print_folder_and_attach_a_signed_scan(make_window, qtbot, wait_idle, opened, tmp_path):
    window = make_window(demo=3)
    detail, panel = _open_first_case(window, wait_idle)
    assert panel.table.rowCount() == 0 and not panel.open_button.isEnabled()

    panel.kind.setCurrentIndex(panel.kind.findData("application"))
    _click(qtbot, panel.generate_button)
    wait_idle(window)
    _click(qtbot, panel.generate_button)   # regenerating makes a new version, the old one stays
    wait_idle(window)
    rows = [[panel.table.item(r, c).text() for c in range(3)] for r in range(panel.table.rowCount())]
    assert rows == [["调解申请书", "第2版", "测试员"], ["调解申请书", "第1版", "测试员"]]
    assert "第2版" in panel.message.text()

    panel.table.selectRow(1)
    _click(qtbot, panel.open_button)
    wait_idle(window)
    path = opened[-1]
    assert path.name.endswith("_调解申请书_第1版.docx") and path.exists()
    case_no = detail.title.text()
    assert case_no in "\n".join(p.text for p in Document(str(path)).paragraphs)

    _click(qtbot, panel.print_button)      # not Windows here: opened, with the advice to print from Word/WPS
    wait_idle(window)
    assert opened[-1] == path and "Word 或 WPS" in panel.message.text()
    _click(qtbot, panel.folder_button)
    wait_idle(window)
    assert opened[-1] == path.parent

    scan = tmp_path / "签字件.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"signed" * 100)
    panel.attach_signed(str(scan))
    wait_idle(window)
    panel = detail.documents_tab.findChild(DocumentsPanel)
    texts = {panel.table.item(r, 1).text(): panel.table.item(r, 5).text() for r in range(panel.table.rowCount())}
    assert texts == {"第2版": "", "第1版": "已附 1 份"}
    assert detail.attachments.rowCount() == 1 and "第1版签字扫描件" in detail.attachments.item(0, 1).text()


def test_a_broken_user_template_falls_back_with_a_warning(make_window, qtbot, wait_idle, opened):
    window = make_window(demo=3)
    detail, panel = _open_first_case(window, wait_idle)
    from docx import Document as NewDocument

    from mediation_desktop.documents import builtin_template_dir

    folder = window.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    broken = NewDocument(str(builtin_template_dir() / "application.docx"))
    broken.add_paragraph("{{ case_number }}")
    broken.save(str(folder / "application.docx"))

    panel.generate("application")
    wait_idle(window)
    title, text = messages.shown[-1]
    assert "内置模板" in title and "{{ case_number }}" in text
    assert panel.table.item(0, 4).text() == "内置模板"


def test_a_supervisor_cannot_generate(make_window, wait_idle, opened):
    window = make_window(demo=3)
    window.ctx.backend.role = "supervisor"
    _detail, panel = _open_first_case(window, wait_idle)
    assert not panel.generate_button.isEnabled()


def test_batch_generation_for_selected_cases_reports_files_and_skipped_cases(make_window, qtbot, wait_idle, tmp_path):
    window = make_window(demo=12)
    window.show_page(1)
    page = window.cases
    qtbot.waitUntil(lambda: page.model.rowCount() == 12, timeout=10000)
    wait_idle(window)
    assert window.batch_documents.button.text() == "批量生成文书…"
    selection = QItemSelection(page.model.index(0, 0), page.model.index(11, page.model.columnCount() - 1))
    page.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
    out = tmp_path / "批量"
    window.batch_documents.run("agreement", out)
    wait_idle(window, 60000)
    written, skipped = window.batch_documents.last_result
    assert len(written) + len(skipped) == 12
    assert written and all(p.exists() and p.parent == out for p in written)
    assert skipped and all(case_no.startswith("津和平") and reason for case_no, reason in skipped)
    title, text = messages.shown[-1]
    assert title == "批量生成文书" and f"已生成 {len(written)} 份文书" in text and f"未生成 {len(skipped)} 件" in text

    page.view.clearSelection()
    window.batch_documents.run("service", out)
    assert "请先在案件列表中选中" in messages.shown[-1][1]

"""The import page's blank template, clearing, undo, and the review list of old open cases
(历史在办案件，请核实), driven through the real window."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import QItemSelectionModel

from mediation_desktop.core.ledger_history import HISTORICAL_FLAG, REVIEW_TITLE
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.gui import messages
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.ledger_review import review_list

LEDGER = ("序号,收案日期,受理日期,申请人,被申请人,调解结果,结案日期\n"
          "1,2025-01-02,2025-01-03,张三,天津甲公司,调解成功,\n"
          "2,2025-02-02,,李四,天津乙公司,在办,\n"
          "3,2025-03-02,,王五,天津丙公司,,\n"
          "4,2025-04-02,,赵六,天津丁公司,,\n")


def import_through_page(window, wait_idle, path):
    window.show_page(3)
    page = window.ledger
    page.path.setText(str(path))
    page.dry_run()
    wait_idle(window)
    page.run_import()
    wait_idle(window)
    return page


def select_rows(table, rows):
    model = table.selectionModel()
    model.clearSelection()
    for r in rows:
        model.select(table.model().index(r, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_review_list_closes_several_and_keeps_one(make_window, wait_idle, tmp_path):
    window = make_window()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    page = import_through_page(window, wait_idle, ledger)
    assert "导入完成" in page.summary.text() and "历史在办核实" in page.summary.text()
    page.tabs.setCurrentIndex(1)
    wait_idle(window)
    review = page.review
    assert review.table.rowCount() == 3
    assert review.title.text() == f"{REVIEW_TITLE}（3件）"
    assert page.tabs.tabText(1) == "历史在办核实（3）"
    ledger_nos = [review.table.item(r, 1).text() for r in range(3)]
    assert ledger_nos == ["2", "3", "4"]

    select_rows(review.table, [0, 1])
    review.outcome.setCurrentIndex(review.outcome.findText("撤回"))
    review.close_selected()
    wait_idle(window)
    assert review.table.rowCount() == 1 and "已结案（撤回）：2件" in review.status.text()
    select_rows(review.table, [0])
    review.keep_selected()
    wait_idle(window)
    assert review.table.rowCount() == 0 and not review.close_button.isEnabled()
    assert review_list(window.ctx.backend) == []
    assert page.tabs.tabText(1) == "历史在办核实"

    # Nothing selected: a plain warning, nothing changes.
    messages.shown.clear()
    review.close_selected()
    assert messages.shown and messages.shown[0][0] == "请选择案件"


def test_the_case_page_shows_where_a_ledger_case_came_from(make_window, wait_idle, tmp_path):
    window = make_window()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    import_through_page(window, wait_idle, ledger)
    lists = CaseListService(window.ctx.backend)
    (closed,) = lists.summaries(CaseFilter(status="closed"))
    window.ctx.open_case.emit(closed["id"])
    wait_idle(window)
    text = window.detail.warning.text()
    assert "台账序号：1" in text and HISTORICAL_FLAG in text
    pending = review_list(window.ctx.backend)[0]
    window.ctx.open_case.emit(pending.case_id)
    wait_idle(window)
    assert REVIEW_TITLE in window.detail.warning.text()


def test_a_new_or_failing_file_clears_the_previous_results(make_window, wait_idle, tmp_path):
    window = make_window()
    window.show_page(3)
    page = window.ledger
    good = tmp_path / "台账.csv"
    good.write_text(LEDGER, encoding="utf-8")
    page.path.setText(str(good))
    page.dry_run()
    wait_idle(window)
    assert page.report is not None and page.summary.text()
    page.path.setText(str(tmp_path / "另一个.csv"))          # another file chosen
    assert page.report is None and page.summary.text() == "" and page.errors.rowCount() == 0
    page.path.setText(str(good))
    page.dry_run()
    wait_idle(window)
    assert page.summary.text()
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    page.path.setText(str(broken))
    page.summary.setText("上一个文件的结果")                  # as if left over
    page.dry_run()
    wait_idle(window)
    assert page.summary.text() == "" and page.errors.rowCount() == 0 and not page.import_button.isEnabled()
    assert any("E_LEDGER_FORMAT" in text or "无法读取" in text for _, text in messages.shown)


def test_blank_template_and_undo_from_the_page(make_window, wait_idle, tmp_path, monkeypatch):
    window = make_window()
    window.show_page(3)
    page = window.ledger
    target = tmp_path / "空白台账.xlsx"
    page.save_template(str(target))
    wait_idle(window)
    header = [c.value for c in openpyxl.load_workbook(target).worksheets[0][1]]
    assert "序号" in header and "调解结果" in header and "结案日期" in header

    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    import_through_page(window, wait_idle, ledger)
    lists = CaseListService(window.ctx.backend)
    assert lists.count(CaseFilter()) == 4
    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, text, **kw: asked.append(text) or True)
    page.undo_last()
    wait_idle(window)
    assert asked and "台账.csv" in asked[0] and "4 件" in asked[0]
    assert lists.count(CaseFilter()) == 0
    assert "已撤销" in page.summary.text()
    messages.shown.clear()
    page.undo_last()
    wait_idle(window)
    assert messages.shown[-1][0] == "没有可撤销的导入"


def test_the_case_list_finds_a_person_by_id_suffix_phone_suffix_and_ledger_number(make_window, qtbot, wait_idle,
                                                                                    tmp_path):
    from mediation_desktop.core.validation import id_check_char, mask_id

    ident = "12010119850612345" + id_check_char("12010119850612345")
    ledger = tmp_path / "台账.csv"
    ledger.write_text("序号,收案日期,申请人,身份证号,联系电话,被申请人\n"
                      f"旧-17,2026-11-20,张三,{ident},13802261234,天津甲公司\n"
                      "旧-18,2026-11-21,李四,,13911112222,天津乙公司\n", encoding="utf-8")
    import_through_page(window := make_window(), wait_idle, ledger)
    window.show_page(1)
    page = window.cases
    wait_idle(window)
    for typed, name in ((ident[-6:], "张三"), ("1234", "张三"), ("2222", "李四"), ("旧-18", "李四")):
        with qtbot.waitSignal(page.keys_loaded, timeout=5000):
            page.search.setText(typed)
        wait_idle(window)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0) is not None, timeout=5000)
        assert page.model.row_at(0).applicant_names == name, typed
    # Found by the full number, the hit shows it masked, as every list does.
    from mediation_desktop.services.case_json import case_json
    from mediation_desktop.services.cases import CaseService

    (row,) = CaseListService(window.ctx.backend).summaries(CaseFilter(search=ident))
    assert "id_number" not in row["applicants"][0]
    shown = case_json(CaseService(window.ctx.backend).get(row["case_no"]))
    assert shown["applicants"][0]["id_number"] == mask_id(ident) == ident[:3] + "*" * 11 + ident[-4:]


def test_the_review_list_has_its_own_navigation_entry(make_window, wait_idle, tmp_path):
    window = make_window()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    import_through_page(window, wait_idle, ledger)
    page = window.show_key("review")
    wait_idle(window)
    assert window.nav.item(window.nav_keys.index("review")).text() == "历史核实"
    assert page.table.rowCount() == 3 and page.title.text() == f"{REVIEW_TITLE}（3件）"

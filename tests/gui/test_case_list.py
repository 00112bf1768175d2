"""The case list (filters, short-name search, collated sort, export), its lazy model, ledger import
through the page, attachments."""

from __future__ import annotations

import dataclasses
import functools

from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt

from mediation_desktop.gui.i18n import name_collator
from mediation_desktop.gui.models.case_table import OVERDUE_COLOUR, PLACEHOLDER, SOON_COLOUR, CaseTableModel
from mediation_desktop.services.case_list import CaseListService, CaseRow, ListFilter


def _row_texts(page, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _wait_rows(qtbot, page) -> None:
    model = page.model
    qtbot.waitUntil(lambda: all(model.data(model.index(r, 0)) != PLACEHOLDER
                                for r in range(min(model.rowCount(), 400))), timeout=10000)


def test_list_filters_search_sort_and_export(make_window, qtbot, wait_idle, tmp_path):
    window = make_window(demo=300)
    window.show_page(1)
    page = window.cases
    wait_idle(window)
    assert page.model.rowCount() == 300
    _wait_rows(qtbot, page)
    dates = _row_texts(page, 1)
    assert dates == sorted(dates, reverse=True)   # newest first by default

    # A two-character surname+name search works (LIKE path), through the debounce.
    first_applicant = page.model.row_at(0).applicant_names.split("、")[0]
    with qtbot.waitSignal(page.keys_loaded, timeout=5000):
        page.search.setText(first_applicant[:2])
    wait_idle(window)
    _wait_rows(qtbot, page)
    assert 0 < page.model.rowCount() < 300
    assert all(first_applicant[:2] in page.model.row_at(r).applicant_names + page.model.row_at(r).respondent_name
               + page.model.row_at(r).case_no for r in range(page.model.rowCount()))
    assert page.count_label.text() == f"共 {page.model.rowCount():,} 件"
    page.search.setText("")
    page.query()
    wait_idle(window)

    # Filters: closed cases only, then collective ones.
    page.stage.setCurrentIndex(page.stage.findData("closed"))
    wait_idle(window)
    _wait_rows(qtbot, page)
    assert page.model.rowCount() > 0
    assert all(page.model.row_at(r).status == "closed" for r in range(page.model.rowCount()))
    page.stage.setCurrentIndex(0)
    page.collective.setChecked(True)
    wait_idle(window)
    _wait_rows(qtbot, page)
    assert all(page.model.row_at(r).workers_involved >= 10 for r in range(page.model.rowCount()))
    page.collective.setChecked(False)
    wait_idle(window)

    # Sort by applicant in pinyin order (header click), then descending by amount.
    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    wait_idle(window)
    _wait_rows(qtbot, page)
    names = _row_texts(page, 2)
    collator = name_collator()
    assert names == sorted(names, key=functools.cmp_to_key(collator.compare))
    assert names != sorted(names)   # code-point order would differ for Chinese names
    page.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    wait_idle(window)
    _wait_rows(qtbot, page)
    amounts = [page.model.row_at(r).amount_claimed_fen or 0 for r in range(page.model.rowCount())]
    assert amounts[:50] == sorted(amounts[:50], reverse=True)

    # Export the current view to Excel through the task runner.
    target = tmp_path / "案件.xlsx"
    page.export(str(target))
    wait_idle(window)
    book = load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0][0] == "案号" and len(rows) == 301
    assert rows[1][0] == page.model.row_at(0).case_no

    # Opening a row shows the case.
    page.view.activated.emit(page.model.index(3, 0))
    wait_idle(window)
    assert window.stack.currentWidget() is window.detail
    assert window.detail.title.text() == page.model.row_at(3).case_no


def test_case_table_model_passes_the_model_tester(qtmodeltester, qapp):
    from datetime import date

    rows = {n: CaseRow(n, f"id{n}", f"津和平劳调〔2026〕{n}号", date(2026, 2, n % 27 + 1), "张三、李四", "某有限公司",
                       ("wages",), 2, 1_200_000, "mediating", None, date(2026, 3, 1), "刘建华") for n in range(1, 451)}

    def fetch(nums, callback):  # synchronous for the tester
        callback({n: rows[n] for n in nums})

    model = CaseTableModel(fetch, lambda: date(2026, 3, 2))
    model.set_keys(list(range(1, 451)))
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 6)) == "¥12,000.00"
    # The 下一期限 column is coloured by how near the date is: overdue (due 1 March, today 2 March),
    # due within three days, or plain; other columns and closed cases are never coloured.
    assert model.data(model.index(0, 8), Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert model.data(model.index(0, 6), Qt.ItemDataRole.ForegroundRole) is None

    def loaded(fetcher, today):  # a model whose first row is fetched (an unfetched row has no colour)
        m = CaseTableModel(fetcher, lambda: today)
        m.set_keys([1])
        m.row_at(0)
        assert m.row_at(0) is not None
        return m

    soon = loaded(fetch, date(2026, 2, 27))
    assert soon.data(soon.index(0, 8), Qt.ItemDataRole.ForegroundRole).color() == SOON_COLOUR
    calm = loaded(fetch, date(2026, 2, 20))
    assert calm.data(calm.index(0, 8), Qt.ItemDataRole.ForegroundRole) is None
    closed = loaded(lambda nums, cb: cb({n: dataclasses.replace(rows[n], status="closed") for n in nums}),
                    date(2026, 3, 2))
    assert closed.data(closed.index(0, 8), Qt.ItemDataRole.ForegroundRole) is None
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 450
    empty = CaseTableModel(None)
    qtmodeltester.check(empty, force_py=True)
    lazy = CaseTableModel(lambda nums, cb: None)
    lazy.set_keys([1, 2])
    assert lazy.data(lazy.index(0, 0)) == PLACEHOLDER


def test_ledger_import_through_the_page(make_window, qtbot, wait_idle, tmp_path):
    window = make_window()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "序号,收案日期,申请人,被申请人,争议类型,涉及人数,请求金额\n"
        "1,2026-2-13,张三、李四,天津恒通物流有限公司,劳动报酬,2,\"¥16,409.02\"\n"
        "2,2026/02/14,王五,天津瑞丰餐饮管理有限公司,经济补偿或赔偿金,1,1.2万元\n"
        "3,,赵六,天津华泰商贸有限公司,劳动报酬,1,3000\n", encoding="utf-8")
    window.show_page(3)
    page = window.ledger
    page.path.setText(str(ledger))
    page.dry_run()
    wait_idle(window)
    assert "预检结果" in page.summary.text() and "已导入" not in page.summary.text()
    assert page.report["rows"] == 3 and page.report["imported"] == 2 and page.report["rejected"] == 1
    assert page.errors.item(0, 0).text() == "4" or page.errors.item(0, 0).text() == "3"
    assert page.import_button.isEnabled()
    assert CaseListService(window.ctx.backend).count(ListFilter()) == 0   # a dry run changes nothing
    window.show_page(1)
    wait_idle(window)
    assert window.cases.model.rowCount() == 0
    page.run_import()
    wait_idle(window)
    assert "导入完成" in page.summary.text() and "导入 2 件" in page.summary.text()
    assert "可导入" not in page.summary.text()   # it is done, no longer a prospect
    assert window.cases.model.rowCount() == 2   # the list refreshed itself


def test_attachments_are_stored_by_hash_and_listed(make_window, qtbot, wait_idle, tmp_path):
    import hashlib

    window = make_window(demo=3)
    window.show_page(1)
    wait_idle(window)
    case_id = window.cases.model.data(window.cases.model.index(0, 0), Qt.ItemDataRole.UserRole + 1)
    if case_id is None:
        _wait_rows(qtbot, window.cases)
        case_id = window.cases.model.row_at(0).case_id
    window.ctx.open_case.emit(case_id)
    wait_idle(window)
    scan = tmp_path / "调解协议书（签字）.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan")
    window.detail.add_attachment(str(scan), "双方签字页")
    wait_idle(window)
    assert window.detail.attachments.rowCount() == 1
    assert window.detail.attachments.item(0, 0).text() == scan.name
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    stored = window.paths.attachments / digest[:2] / digest
    assert stored.read_bytes() == scan.read_bytes()
    actions = [window.detail.audit.item(r, 2).text() for r in range(window.detail.audit.rowCount())]
    assert "添加附件" in actions

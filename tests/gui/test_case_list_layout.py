"""The case list at 1280×800 and 1366×768: every case number shown whole, and 下一期限 in view without
scrolling sideways; column widths measured against the font metrics of what the rows really show."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mediation_desktop.core.model import Applicant, Case, Claim, Respondent


def _register(window, n: int) -> list[str]:
    from mediation_desktop.services.cases import CaseService

    service, today = CaseService(window.ctx.backend), window.ctx.today()
    numbers = []
    for i in range(n):
        case = service.register(Case(
            org_id="", received_on=today - timedelta(days=1), applicants=[Applicant(f"申请人{i}号")],
            respondent=Respondent("天津市和平区某某某某某某建筑劳务分包有限责任公司第三分公司"), dispute_types=["wages"],
            claims=[Claim("支付拖欠工资", 123456789, "wages")]))
        numbers.append(case.case_no)
    return numbers


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_case_number_and_the_next_deadline_show_whole(make_window, wait_idle, qtbot, size):
    window = make_window()
    numbers = _register(window, 3)
    window.resize(*size)
    window.show_page(1)
    page = window.cases
    page.query()
    wait_idle(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.model.row_at(0) is not None, timeout=10000)
    wait_idle(window)
    assert (window.width(), window.height()) == size
    view, model = page.view, page.model
    cells = view.fontMetrics()
    case_col, due_col = model.column_of("case_no"), model.column_of("next_due")
    shown = [view.model().index(r, case_col).data() for r in range(3)]
    assert sorted(shown) == sorted(numbers)
    widest = max(cells.horizontalAdvance(n) for n in shown)
    assert view.columnWidth(case_col) >= widest + 12, (view.columnWidth(case_col), widest)
    # Wide enough for a date, and inside the viewport: no horizontal scrolling needed.
    assert view.columnWidth(due_col) >= cells.horizontalAdvance("2026-12-31") + 12
    header = view.horizontalHeader()
    right = header.sectionViewportPosition(due_col) + header.sectionSize(due_col)
    assert right <= view.viewport().width(), (right, view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()
    # The long employer name is the column that gives way (elided, not the case number).
    resp_col = model.column_of("respondent_name")
    assert header.sectionResizeMode(resp_col).name == "Stretch"
    assert header.sectionSize(resp_col) < cells.horizontalAdvance(model.row_at(0).respondent_name)


def test_a_longer_case_number_arriving_widens_its_column(make_window, wait_idle, qtbot):
    window = make_window()
    window.show_page(1)
    page = window.cases
    wait_idle(window)
    col = page.model.column_of("case_no")
    before = page.view.columnWidth(col)
    long_no = "津和平劳人调〔2026〕第1234567号（补）"
    needed = page.needed_width("案号", [long_no])
    assert needed > before
    from types import SimpleNamespace

    page.model._keys = [1]
    page.model._pages[0] = {1: SimpleNamespace(case_no=long_no)}
    page._rows_arrived(page.model.index(0, 0), page.model.index(0, 0))
    assert page.view.columnWidth(col) == needed

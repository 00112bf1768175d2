"""Every date field in the window is the date edit (gui/widgets/date_edit.py), which reads dates typed
the Chinese way: the case list's received-date filter, the statistics period and the ledger review's
close date. A scan of gui/ finds no QDateEdit left."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import mediation_desktop.gui as gui_package
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.gui.widgets.date_edit import DateEdit

GUI = Path(gui_package.__file__).parent


def test_no_qdateedit_is_left_in_the_window():
    found = [f"{p.relative_to(GUI)}:{n}" for p in GUI.rglob("*.py") if p.parent.name != "forms"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bQDateEdit\(", line)]
    assert found == []


def test_the_case_list_filter_reads_chinese_dates(make_window, wait_idle, qtbot):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    service, today = CaseService(window.ctx.backend), window.ctx.today()
    for name, days in (("旧案", 40), ("新案", 2)):
        service.register(Case(org_id="", received_on=today - timedelta(days=days), applicants=[Applicant(name)],
                              respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                              claims=[Claim("支付拖欠工资", 100000, "wages")]))
    window.show_page(1)
    page = window.cases
    assert isinstance(page.date_from, DateEdit) and isinstance(page.date_to, DateEdit)
    page.use_dates.setChecked(True)
    start = today - timedelta(days=10)
    page.date_from.edit.setText(f"{start.year}年{start.month}月{start.day}日")
    page.date_to.edit.setText(f"{today.year}.{today.month}.{today.day}")
    f = page.current_filter()
    assert (f.received_from, f.received_to) == (start, today)
    page.query()
    wait_idle(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    # Half-typed, the bound is left out (the field is marked) rather than raising.
    page.date_from.edit.setText("2026年13月")
    assert page.current_filter().received_from is None


def test_the_statistics_period_and_the_review_date_are_date_edits(make_window, wait_idle, qtbot):
    window = make_window()
    from mediation_desktop.gui.pages.ledger_review import LedgerReviewPage
    from mediation_desktop.gui.pages.statistics import StatisticsPage

    stats, review = StatisticsPage(window.ctx), LedgerReviewPage(window.ctx)
    for page in (stats, review):
        qtbot.addWidget(page)
    assert isinstance(stats.date_from, DateEdit) and isinstance(stats.date_to, DateEdit)
    stats.date_from.edit.setText("2026/1/5")
    assert stats.date_from.value() == date(2026, 1, 5)
    assert isinstance(review.on, DateEdit)
    review.on.edit.setText("2026年2月3日")
    assert review.on.value() == date(2026, 2, 3)
    wait_idle(window)

"""Forms a person can use: date fields that read dates as people write them (the ledger's rule), and the
agreement dialog with one form per item, live 大写, an empty due date and inline checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.core.rules import MAX_DATE, MIN_DATE
from mediation_desktop.gui.dialogs.agreement import AgreementDialog
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services.ledger_values import CellError, DateReader

WAYS = (
    lambda d: d.isoformat(),
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    lambda d: f"{d.year:d}".translate(str.maketrans("0123456789", "０１２３４５６７８９")) + f"年{d.month}月{d.day}日",
)


@pytest.fixture
def field(qtbot):
    edit = DateEdit(what="收案日期")
    qtbot.addWidget(edit)
    return edit


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE), st.sampled_from(range(len(WAYS))))
def test_a_date_typed_any_usual_way_is_read_as_the_ledger_reads_it(field, day, way):
    text = WAYS[way](day)
    field.edit.setText(text)
    assert field.value() == day
    assert field.date() == QDate(day)
    assert DateReader()(text) == day          # one rule: the ledger import reads the same text the same way


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=20))
def test_any_text_is_either_the_ledgers_date_or_refused_with_the_ledgers_reason(field, text):
    field.edit.setText(text)
    try:
        expected = DateReader()(text.strip()) if text.strip() else None
    except CellError as exc:
        with pytest.raises(ValidationError) as refused:
            field.value()
        assert refused.value.code == "E_DATE" and exc.args[0] in refused.value.message
        return
    if expected is None:
        with pytest.raises(ValidationError) as refused:
            field.value()
        assert refused.value.code == "E_REQUIRED" and "收案日期" in refused.value.message
    elif isinstance(expected, date) and not text.strip().replace(".", "").isdigit():
        assert field.value() == expected


def test_typing_a_chinese_date_and_leaving_shows_it_one_way(field, qtbot):
    field.show()
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "2027")
    field.edit.insert("年1月15日")            # as an input method commits Chinese text (QTest types ASCII only)
    assert field.value() == date(2027, 1, 15)
    field.edit.editingFinished.emit()
    assert field.text() == "2027-01-15"


def test_an_unreadable_date_stays_as_typed_and_is_refused_with_the_reason(field):
    field.edit.setText("2027年2月30日")
    field.edit.editingFinished.emit()
    assert field.text() == "2027年2月30日"
    with pytest.raises(ValidationError) as refused:
        field.value()
    assert refused.value.code == "E_DATE" and "不存在" in refused.value.message
    assert "c62828" in field.edit.styleSheet()


def test_an_optional_date_may_be_empty_and_the_limits_are_explained(qtbot):
    due = DateEdit(optional=True, what="履行期限")
    qtbot.addWidget(due)
    assert due.value() is None and not due.date().isValid()
    assert "可不填" in due.edit.placeholderText()
    due.setMaximumDate(date(2026, 9, 30))
    due.setDate(date(2026, 10, 1))
    with pytest.raises(ValidationError, match="履行期限不能晚于2026-09-30"):
        due.value()


# The offscreen platform has no window manager to raise a popup or give it the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_the_calendar_pops_up_and_a_click_fills_the_field(field, qtbot):
    field.show()
    field.setDate(date(2026, 9, 14))
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible() and field.calendar.selectedDate() == QDate(2026, 9, 14)
    field.calendar.clicked.emit(QDate(2026, 9, 18))
    assert not field.calendar.isVisible()
    assert field.value() == date(2026, 9, 18)


def test_changing_the_date_signals_once_per_real_change(field, qtbot):
    seen = []
    field.dateChanged.connect(seen.append)
    field.edit.setText("2026-9-1")
    field.edit.setText("2026-09-01")          # the same day written another way
    field.edit.setText("2026-09-0")           # half typed: no date
    assert seen == [QDate(2026, 9, 1), QDate()]


# -- the agreement dialog ---------------------------------------------------------------------------

def _case(workers: int = 1) -> Case:
    return Case(org_id="o", received_on=date(2026, 9, 14), applicants=[Applicant("黄工人")],
                respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
                workers_involved=workers, claims=[Claim("支付拖欠工资", 1200000, "wages")],
                amount_claimed_fen=1200000, accepted_on=date(2026, 9, 15), case_no="津和平劳调〔2026〕1号")


@pytest.fixture
def agreement(qtbot):
    dialog = AgreementDialog(_case(), date(2026, 9, 25))
    qtbot.addWidget(dialog)
    return dialog


def test_each_item_is_a_form_with_live_words_and_an_empty_due_date(agreement):
    first = agreement.items[0]
    assert (first.payer.text(), first.payee.text(), first.description.text()) == \
        ("天津鑫达建筑工程有限公司", "黄工人", "支付款项")
    assert first.due.text() == "" and first.due.value() is None      # not the signing date
    assert "壹万贰仟元整" in first.amount.words.text()
    first.amount.setText("3,500.5")
    assert "叁仟伍佰元伍角" in first.amount.words.text()
    second = agreement.add_item()
    assert second.title() == "第2项" and second.method.currentText() == ""
    second.payer.setText("天津鑫达建筑工程有限公司")
    second.payee.setText("黄工人")
    second.description.setText("经济补偿")
    second.amount.setText("1万")
    assert "合计：¥13,500.50（壹万叁仟伍佰元伍角）" in agreement.ui.items_total.text()


def test_a_saved_agreement_keeps_every_item_field(agreement):
    first = agreement.items[0]
    first.due.edit.setText("2026年10月8日")
    first.account.setText("中国银行 6222 0000 1111")
    agreement._accept()
    assert agreement.change is not None
    captured = {}

    class Service:
        def conclude(self, ref, outcome, on, agreement):
            captured.update(ref=ref, on=on, agreement=agreement)

    agreement.change(Service(), "ref")
    item = captured["agreement"].items[0]
    assert (item.amount_fen, item.due_on, item.method, item.account) == \
        (1200000, date(2026, 10, 8), "银行转账", "中国银行 6222 0000 1111")
    assert captured["on"] == date(2026, 9, 25)


def test_an_item_missing_its_payer_is_marked_in_place_and_clears_when_corrected(agreement):
    second = agreement.add_item(payee="黄工人", what="出具离职证明")
    agreement._accept()
    assert agreement.change is None
    assert second.error.isVisibleTo(agreement) and "第2项协议内容缺少给付方" in second.error.text()
    assert "c62828" in second.payer.styleSheet()
    assert not agreement.items[0].error.isVisibleTo(agreement)
    second.payer.setText("天津鑫达建筑工程有限公司")
    assert not second.error.isVisibleTo(agreement) and second.payer.styleSheet() == ""
    agreement._accept()
    assert agreement.change is not None


def test_an_unreadable_amount_or_due_date_names_the_item(agreement):
    first = agreement.items[0]
    first.due.edit.setText("下个月")
    agreement._accept()
    assert agreement.change is None and "第1项的履行期限" in first.error.text()
    first.due.edit.setText("2026.9.20")            # before the signing date: core's rule
    agreement._accept()
    assert agreement.change is None and "不能早于协议签订日期" in first.error.text()
    first.due.clear()
    first.amount.setText("一万块钱左右")
    agreement._accept()
    assert agreement.change is None and "第1项的金额" in first.error.text()


def test_removing_every_item_is_refused_and_the_rest_are_renumbered(agreement):
    agreement.add_item("甲", "乙", "丙")
    agreement.remove_item(agreement.items[0])
    assert [form.title() for form in agreement.items] == ["第1项"]
    agreement.remove_item(agreement.items[0])
    agreement._accept()
    assert agreement.change is None and "至少一项" in agreement.error.text()


def test_a_single_workers_case_has_no_per_worker_table_and_a_collective_one_lists_the_applicants(qtbot):
    single = AgreementDialog(_case(), date(2026, 9, 25))
    qtbot.addWidget(single)
    assert not single.ui.per_worker_group.isVisibleTo(single)
    collective = AgreementDialog(_case(workers=12), date(2026, 9, 25))
    qtbot.addWidget(collective)
    assert collective.ui.per_worker_group.isVisibleTo(collective)
    collective.per_worker.item(0, 1).setText("2000")
    assert collective.per_worker.item(0, 2).text() == "人民币贰仟元整"
    assert "1人，合计 ¥2,000.00" in collective.ui.per_worker_total.text()

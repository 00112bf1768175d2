"""The registration form as a new mediator meets it: the dispute type comes from the claims, a mark
clears as its field is corrected, a new form starts from nothing, and representatives belong to
collective disputes only."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def page(make_window, monkeypatch):
    from mediation_desktop.gui import messages

    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)   # closing with a filled form: discard it
    window = make_window()
    window.show_page(2)
    return window.register


def _fill(page, name="赵明", claim="支付拖欠工资", amount="8000", kind="wages"):
    page.applicant_rows[0].name.setText(name)
    page.resp_name.setText("天津鑫达建筑工程有限公司")
    row = page.claim_rows[0]
    row.description.setText(claim)
    row.amount.setText(amount)
    if kind:
        row.dispute_type.setCurrentIndex(row.dispute_type.findData(kind))
    return row


def test_the_dispute_types_are_the_claims_types_and_not_asked_again(page):
    assert not hasattr(page, "type_boxes")
    _fill(page)
    second = page.add_claim()
    second.description.setText("支付经济补偿")
    second.dispute_type.setCurrentIndex(second.dispute_type.findData("compensation"))
    third = page.add_claim()
    third.description.setText("补发加班费")
    third.dispute_type.setCurrentIndex(third.dispute_type.findData("wages"))
    case, errors = page.build_case()
    assert not errors
    assert case.dispute_types == ["wages", "compensation"]


def test_a_claim_without_a_type_is_marked_on_its_type_and_the_mark_clears_when_chosen(page):
    row = _fill(page, kind=None)
    page.save()
    label = row.errors["dispute_type"]
    assert label.isVisibleTo(page) and "争议类型" in label.text()
    assert "1 处" in page.summary.text()
    row.dispute_type.setCurrentIndex(row.dispute_type.findData("wages"))
    assert not label.isVisibleTo(page)
    assert page.summary.text() == ""


def test_each_mark_clears_as_its_field_is_corrected(page):
    page.save()                                       # everything empty
    name_error = page.applicant_rows[0].errors["name"]
    employer_error = page.resp_errors["name"]
    assert name_error.isVisibleTo(page) and employer_error.isVisibleTo(page)
    before = page.summary.text()
    page.applicant_rows[0].name.setText("钱芳")
    assert not name_error.isVisibleTo(page) and employer_error.isVisibleTo(page)
    assert page.summary.text() != before and "还有" in page.summary.text()
    page.resp_name.setText("天津恒通物流有限公司")
    assert not employer_error.isVisibleTo(page)


def test_a_received_date_typed_the_chinese_way_is_read_and_a_wrong_one_is_marked(page):
    _fill(page)
    page.received_on.edit.setText("2026年9月1日")
    case, errors = page.build_case()
    assert not errors and case.received_on == date(2026, 9, 1)
    page.received_on.edit.setText("2026年13月1日")
    page.save()
    assert page.received_error.isVisibleTo(page) and "收案日期" in page.received_error.text()
    page.received_on.edit.setText("2026.9.2")
    assert not page.received_error.isVisibleTo(page)


def test_the_total_resets_with_a_new_form(page):
    _fill(page, amount="12000")
    assert "12,000.00" in page.total_label.text()
    page.reset()
    assert page.total_label.text() == ""


def test_a_collective_case_needs_a_representative_and_a_single_applicant_is_none(page):
    _fill(page)
    assert not page.applicant_rows[0].representative.isEnabled()
    case, errors = page.build_case()
    assert not errors and case.applicants[0].is_representative is False
    page.workers.setValue(12)
    assert page.applicant_rows[0].representative.isEnabled()
    case, errors = page.build_case()
    assert [e.code for e in errors] == ["E_REPRESENTATIVE_REQUIRED"]
    page.show_errors(errors)
    assert page.applicants_error.isVisibleTo(page) and "代表人" in page.applicants_error.text()
    page.applicant_rows[0].representative.setChecked(True)
    assert not page.applicants_error.isVisibleTo(page)
    case, errors = page.build_case()
    assert not errors and case.applicants[0].is_representative
    page.workers.setValue(3)                          # not collective after all: no representative
    assert not page.applicant_rows[0].representative.isChecked()
    assert page.build_case()[0].applicants[0].is_representative is False

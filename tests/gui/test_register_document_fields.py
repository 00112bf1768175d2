"""The registration form takes what the documents print about the employer: the legal
representative's 职务, its agent (and 特别授权), its position, the employment end date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def test_register_form_builds_the_document_fields(make_window):
    window = make_window()
    window.show_page(2)
    page = window.register
    page.applicant_rows[0].name.setText("张三")
    page.resp_name.setText("天津鑫达建筑工程有限公司")
    page.resp_legal_rep.setText("马振华")
    page.resp_legal_rep_title.setText("执行董事")
    page.resp_agent.setText("马某（人事经理）")
    page.resp_agent_special.setChecked(True)
    page.respondent_position.setPlainText("对欠薪数额无异议，请求分期支付。")
    page.employment_ended.setChecked(True)
    page.employment_ended_on.setDate(QDate(2026, 1, 31))
    case, _errors = page.build_case()
    r = case.respondent
    assert (r.legal_rep_title, r.agent, r.agent_special) == ("执行董事", "马某（人事经理）", True)
    assert case.respondent_position == "对欠薪数额无异议，请求分期支付。"
    assert case.employment_ended_on == date(2026, 1, 31)

    page.employment_ended.setChecked(False)   # unticked: no end date, whatever the date box shows
    assert page.build_case()[0].employment_ended_on is None
    page.reset()
    case, _errors = page.build_case()
    assert case.respondent.agent is None and not case.respondent.agent_special and case.respondent_position == ""

"""The registration form reads its limits from the rules table and reports what the case service
refuses, field by field, before anything is saved."""

from __future__ import annotations

from mediation_desktop.core.rules import MAX_WORKERS, max_len


def test_form_fields_take_their_lengths_from_the_rules_table(make_window):
    window = make_window()
    window.show_page(2)
    page = window.register
    row = page.applicant_rows[0]
    limits = {row.name: "applicant.name", row.phone: "applicant.phone", page.resp_name: "respondent.name",
              page.resp_legal_rep: "respondent.legal_rep", page.resp_address: "respondent.address",
              page.resp_phone: "respondent.phone", page.resp_agent: "respondent.agent",
              page.court_case_no: "case.court_case_no"}
    for widget, key in limits.items():
        assert widget.maxLength() == max_len(key), key
    assert page.workers.maximum() == MAX_WORKERS
    row.name.setText("字" * (max_len("applicant.name") + 5))
    assert len(row.name.text()) == max_len("applicant.name")
    page.reset()   # nothing left to ask about when the window closes


def test_form_reports_control_and_bidi_characters_on_their_fields(make_window):
    window = make_window()
    window.show_page(2)
    page = window.register
    page.applicant_rows[0].name.setText("张\x07三")
    page.resp_name.setText("天津\u202e鑫达公司")
    page.facts.setPlainText("第一行\r\n第二行")
    case, errors = page.build_case()
    found = {e.field: e.code for e in errors}
    assert found["applicants.0.name"] == "E_TEXT_CONTROL"
    assert found["respondent.name"] == "E_TEXT_BIDI"
    assert "facts" not in found and case.facts == "第一行\n第二行"
    page.reset()

"""Every kind renders for realistic cases and says what the law and the mediators need."""

from __future__ import annotations

import re
from datetime import date

import pytest
from docx import Document
from docx.shared import Cm

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.money import amount_in_words
from mediation_desktop.documents import (
    KINDS,
    TERMINATION_REASONS,
    batch_render,
    build_context,
    render,
    termination_reason_text,
)
from mediation_desktop.documents.formatting import ordinal_cn, safe_file_stem

from .documents_cases import (
    NAMES,
    TODAY,
    collective_case,
    contract_case,
    organisation,
    paragraphs,
    text_of,
)

ZERO_PADDED_DATE = re.compile(r"\d{4}年0\d月|月0\d日")


def rendered(tmp_path, kind, case=None, org=None, **kwargs):
    case = case or collective_case()
    out = tmp_path / f"{kind}.docx"
    result = render(kind, case, org or organisation(), out, today=TODAY, **kwargs)
    assert result.path == out and result.kind == kind and result.template_source == "builtin"
    return text_of(out)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "termination"])
def test_every_kind_names_case_organisation_and_parties(tmp_path, kind):
    text = rendered(tmp_path, kind)
    assert "（2026）津西友调字第7号" in text
    assert "河西区友谊路街道劳动人事争议调解委员会" in text
    assert "天津宏远建设工程有限公司" in text
    assert "张𠮷" in text  # an Extension-B character survives the round trip
    assert "{{" not in text and "{%" not in text
    assert not ZERO_PADDED_DATE.search(text)


def test_termination_names_case_organisation_and_parties(tmp_path):
    text = rendered(tmp_path, "termination", contract_case())
    assert "（2026）津西友调字第9号" in text and "河西区友谊路街道劳动人事争议调解委员会" in text
    assert "李明" in text and "天津A&B<科技>有限公司" in text  # escaped for XML, printed as typed


def test_agreement_content(tmp_path):
    case = collective_case()
    text = rendered(tmp_path, "agreement", case)
    for applicant in case.applicants:
        assert applicant.name in text
        assert applicant.id_number in text  # the signed agreement carries full ID numbers
    assert "钱大江" in text and "91120103MA06ABCD1X" in text
    for claim in case.claims:
        assert amount_in_words(claim.amount_fen) in text
    for item in case.agreement.items:
        if item.amount_fen is not None:
            assert amount_in_words(item.amount_fen) in text
    assert "人民币贰拾万元整（¥200,000.00）" in text
    assert "人民币壹万陆仟肆佰零玖元零贰分（¥16,409.02）" in text
    assert f"以上款项合计{amount_in_words(case.agreement.total_fen)}" in text
    assert "于2026年2月28日前以银行转账方式向申请人张𠮷等12人支付拖欠工资第一期" in text
    assert "2026年2月13日" in text and "2026年2月14日" in text and "2026年2月20日" in text
    # The long facts arrive paragraph by paragraph.
    assert sum(1 for p in paragraphs(tmp_path / "agreement.docx") if p.startswith("第") and "段：" in p) == 6
    # The notices the law requires.
    assert "十五日内" in text and "仲裁审查" in text and "三十日内" in text and "司法确认" in text
    assert "支付令" in text and "第十六条" in text
    assert "本协议约定的义务履行完毕后" in text
    # Twelve applicants and the employer each keep one, and the organisation one.
    assert "一式十四份" in text and "一式三份" not in text
    assert "调解员" in text and "郑平" in text and "（印章）" in text


def test_agreement_clauses_are_numbered_without_gaps(tmp_path):
    case = collective_case()
    rendered(tmp_path, "agreement", case)
    numbered = [p.split("、", 1)[0] for p in paragraphs(tmp_path / "agreement.docx")
                if re.match(r"^[一二三四五六七八九十]+、", p)]
    # 4 items + full-and-final + route + effect + review + copies
    assert numbered == [ordinal_cn(i) for i in range(1, 10)]

    case.agreement.full_and_final = False
    rendered(tmp_path, "agreement", case)
    text = text_of(tmp_path / "agreement.docx")
    assert "本协议约定的义务履行完毕后" not in text
    assert "八、本协议一式十四份" in text


def test_agreement_without_payment_order_types_points_to_arbitration(tmp_path):
    case = contract_case(outcome="agreement")
    from mediation_desktop.core.model import Agreement, AgreementItem

    case.agreement = Agreement(signed_on=date(2026, 3, 10), full_and_final=False, items=[
        AgreementItem(payer="被申请人", payee="申请人李明", description="协商解除劳动合同的补偿",
                      amount_fen=500_000, due_on=date(2026, 3, 20))])
    text = rendered(tmp_path, "agreement", case)
    assert "支付令" not in text
    assert "第十五条" in text and "申请仲裁" in text
    assert "人民币伍仟元整（¥5,000.00）" in text
    assert "以上款项合计" not in text  # one payment needs no total
    assert "申请人：李明，男，1990年5月1日出生" in text


def test_agreement_review_dates_when_deadlines_known(tmp_path):
    deadlines = {"arbitration_review_due": date(2026, 3, 9), "judicial_confirmation_due": "2026-03-23"}
    text = rendered(tmp_path, "agreement", deadlines=deadlines)
    assert "仲裁审查申请期限至2026年3月9日" in text and "司法确认申请期限至2026年3月23日" in text


def test_collective_case_lists_applicants_and_signatures_in_tables(tmp_path):
    rendered(tmp_path, "agreement")
    document = Document(str(tmp_path / "agreement.docx"))
    party_table, signature_table = document.tables
    party_rows = [[c.text for c in row.cells] for row in party_table.rows]
    assert party_rows[0][:2] == ["序号", "姓名"]
    assert [r[1] for r in party_rows[1:]] == NAMES
    assert [r[6] for r in party_rows[1:]] == ["是"] * 3 + [""] * 9  # the representatives
    signers = [row.cells[i].text for row in signature_table.rows[1:] for i in (1, 4)]
    # The elected representatives sign for all, under the workers' written authorisation.
    assert [n for n in signers if n] == NAMES[:3]
    assert "授权委托书" in text_of(tmp_path / "agreement.docx")


def test_single_applicant_signs_on_a_line(tmp_path):
    text = rendered(tmp_path, "record", contract_case(sessions=collective_case().sessions))
    assert "申请人：李明　　签名（捺印）：" in text
    assert not Document(str(tmp_path / "record.docx")).tables[1:]  # only the header table


def test_termination_content(tmp_path):
    text = rendered(tmp_path, "termination", contract_case())
    assert TERMINATION_REASONS["wide_divergence"] in text
    assert "天津市河西区劳动人事争议仲裁委员会" in text and "天津市河西区解放南路256号" in text
    assert "一年" in text and "第二十七条" in text
    assert "2026年3月2日" in text and "2026年3月3日" in text and "2026年3月17日" in text


def test_termination_reason_free_text_and_missing_arbitration_address(tmp_path):
    case = contract_case(conclusion_note="其他：被申请人已注销")
    text = rendered(tmp_path, "termination", case, organisation(arbitration=False))
    assert "终止调解的原因：被申请人已注销。本委员会决定终止调解" in text
    assert "____劳动人事争议仲裁委员会" in text and "地址：____" in text


def test_termination_refused_for_an_agreement(tmp_path):
    with pytest.raises(UserError) as exc:
        render("termination", collective_case(), organisation(), tmp_path / "t.docx", today=TODAY)
    assert exc.value.code == "E_DOC_NOT_READY"


@pytest.mark.parametrize("kind,change", [("agreement", {"agreement": None}), ("record", {"sessions": []})])
def test_documents_that_need_data_refuse_without_it(tmp_path, kind, change):
    with pytest.raises(UserError) as exc:
        render(kind, contract_case(**change), organisation(), tmp_path / "x.docx", today=TODAY)
    assert exc.value.code == "E_DOC_NOT_READY"
    assert not (tmp_path / "x.docx").exists()


def test_record_uses_the_latest_session(tmp_path):
    text = rendered(tmp_path, "record")
    assert "第二次调解：被申请人同意分三期支付。" in text
    assert "第一次调解：双方陈述" not in text
    assert "2026年2月19日" in text and "第二调解室" in text and "林书记" in text


def test_application_oral_and_written(tmp_path):
    written = rendered(tmp_path, "application")
    assert "调解申请书" in written and "此致" in written
    assert "人民币肆拾壹万贰仟伍佰陆拾元整（¥412,560.00）" in written
    oral = rendered(tmp_path, "application", contract_case())
    assert "口头申请记录" in oral and "申请时间：2026年3月2日" in oral and "记录人" in oral


def test_acceptance_rejection_extension_service(tmp_path):
    acceptance = rendered(tmp_path, "acceptance", deadlines={"mediation_due": date(2026, 3, 2)})
    assert "决定于2026年2月14日予以受理" in acceptance and "调解员郑平" in acceptance
    assert "自受理之日起十五日，至2026年3月2日" in acceptance and "（即" not in acceptance
    assert "十五日；" in rendered(tmp_path, "acceptance")  # unknown deadline: no empty hint

    rejection = rendered(tmp_path, "rejection", contract_case(outcome="not_accepted"))
    assert "该争议已由仲裁委员会受理" in rejection and "不予受理" in rejection

    case = collective_case()
    case.extended_until = date(2026, 3, 16)
    assert "调解期限延长至2026年3月16日" in rendered(tmp_path, "extension", case)

    service = rendered(tmp_path, "service")
    assert "《调解协议书》一份" in service
    for name in NAMES:
        assert name in service
    document = Document(str(tmp_path / "service.docx"))
    fields, recipients, footer = document.tables
    assert len(recipients.rows) == 1 + 13  # header, 12 applicants + the employer
    assert len(fields.rows) == 5 and len(footer.rows) == 5


def test_service_receipt_document_override(tmp_path):
    out = tmp_path / "s.docx"
    render("service", collective_case(), organisation(), out, today=TODAY, extra={"served_document": "受理通知书"})
    assert "《受理通知书》一份" in text_of(out)


def test_context_is_plain_strings_never_none():
    def walk(value, where):
        assert value is not None, where
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    for case in (collective_case(), contract_case()):
        walk(build_context("agreement" if case.agreement else "termination", case, organisation(), today=TODAY), "ctx")


def test_unknown_kind():
    with pytest.raises(UserError) as exc:
        build_context("verdict", collective_case(), organisation(), today=TODAY)
    assert exc.value.code == "E_DOC_KIND"


def test_page_is_a4_with_official_margins_and_page_numbers(tmp_path):
    rendered(tmp_path, "agreement")
    document = Document(str(tmp_path / "agreement.docx"))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.top_margin - Cm(3.7)) < Cm(0.01) and abs(section.bottom_margin - Cm(3.5)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.8)) < Cm(0.01) and abs(section.right_margin - Cm(2.6)) < Cm(0.01)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_batch_render_unique_windows_names_progress_and_failures(tmp_path):
    first, second, odd, no_agreement = collective_case(), collective_case(), collective_case(), contract_case()
    odd.case_no = "（2026）津西/友调字:第7号?"
    calls = []
    result = batch_render("agreement", [first, second, odd, no_agreement], organisation(), tmp_path / "out",
                          progress=lambda done, total: calls.append((done, total)), today=TODAY)
    names = [doc.path.name for doc in result]
    assert names == ["（2026）津西友调字第7号_agreement.docx", "（2026）津西友调字第7号_agreement_2.docx",
                     "（2026）津西_友调字_第7号__agreement.docx"]
    assert all(doc.path.is_file() and len(doc.sha256) == 64 for doc in result)
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [(no, e.code) for no, e in result.failures] == [("（2026）津西友调字第9号", "E_DOC_NOT_READY")]
    with pytest.raises(UserError):
        batch_render("agreement", [no_agreement], organisation(), tmp_path / "o2", stop_on_error=True)



@pytest.mark.parametrize("n,expected", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                        (99, "九十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_clause_ordinals(n, expected):
    assert ordinal_cn(n) == expected


@pytest.mark.parametrize("note,printed", [
    ("unreachable", TERMINATION_REASONS["unreachable"]),
    ("一方拒绝签署", TERMINATION_REASONS["refused_to_sign"]),
    ("other:工厂整体搬迁", "工厂整体搬迁"),
    ("申请人已另行起诉", "申请人已另行起诉"),
    ("  ", None),
])
def test_termination_reason_text(note, printed):
    assert termination_reason_text(note) == printed


def test_windows_file_names():
    assert safe_file_stem("CON") == "_CON"
    assert safe_file_stem('a<b>c:"d"/e\\f|g?h*. ') == "a_b_c__d__e_f_g_h_"
    assert safe_file_stem("...") == "未编号"

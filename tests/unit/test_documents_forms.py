"""The documents against the real forms, read back with python-docx: every field is printed for a case
that has it and absent (or a blank to fill in) for one that does not."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.enums import DisputeType, Outcome
from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.core.model import Applicant, WorkerAmount
from mediation_desktop.documents import render
from mediation_desktop.documents.context import build_context, copies
from mediation_desktop.documents.formatting import ordinal_cn
from mediation_desktop.documents.samples import sample_collective_case, sample_org, sample_single_case

from .documents_cases import NAMES, TODAY, collective_case, contract_case, organisation, text_of


def _render(tmp_path, kind, case, org=None, **kw) -> str:
    out = tmp_path / f"{kind}.docx"
    render(kind, case, org or organisation(), out, today=TODAY, **kw)
    return text_of(out)


def _with_parties(case):
    """The collective case with everything the forms can carry about the parties."""
    case.applicants[1].agent, case.applicants[1].agent_special = "刘平（天津某律师事务所律师）", True
    r = case.respondent
    r.legal_rep, r.legal_rep_title, r.agent, r.agent_special = "马振华", "执行董事", "马某（人事经理）", False
    case.respondent_position = "被申请人对欠薪数额无异议。\n请求分两期支付。"
    case.employment_ended_on = date(2026, 1, 31)
    case.agreement.tax = "after_tax"
    case.agreement.items[0].account = "中国工商银行天津分行 6222 0000 1111 2222"
    return case


# -- 调解协议书 ------------------------------------------------------------------------------------

def test_agreement_prints_agents_title_position_end_date_tax_and_account(tmp_path):
    text = _render(tmp_path, "agreement", _with_parties(collective_case()))
    assert "王䶮的委托代理人：刘平（天津某律师事务所律师），特别授权。" in text
    assert "法定代表人（主要负责人）：马振华，执行董事。" in text
    assert "委托代理人：马某（人事经理），一般授权。" in text
    assert "被申请人意见" in text and "被申请人对欠薪数额无异议。\n请求分两期支付。" in text
    assert "劳动关系于2026年1月31日解除（终止）" in text
    assert "以上款项均为税后金额" in text and "税前" not in text
    assert "支付至收款账户：中国工商银行天津分行 6222 0000 1111 2222" in text
    body, _, signatures = text.partition("（以下无正文）")
    assert signatures and "一式十四份" in body and "被申请人（盖章）" in signatures
    assert "调解员（签名）" not in body


def test_agreement_without_those_facts_prints_none_of_them(tmp_path):
    case = collective_case()
    case.respondent.legal_rep = None
    text = _render(tmp_path, "agreement", case)
    for absent in ("委托代理人：", "法定代表人（主要负责人）：", "被申请人意见", "劳动关系于", "税前", "税后",
                   "个人所得税", "收款账户", "附表"):
        assert absent not in text, absent
    assert "（以下无正文）" in text


def test_legal_representative_without_title_prints_the_name_alone(tmp_path):
    case = contract_case(outcome="agreement")
    case.agreement = collective_case().agreement
    case.respondent.legal_rep, case.respondent.legal_rep_title = "周某", None
    assert "法定代表人（主要负责人）：周某。" in _render(tmp_path, "agreement", case)


@pytest.mark.parametrize("tax,words", [("pre_tax", "税前金额"), ("after_tax", "税后金额"), ("none", "不涉及个人所得税")])
def test_each_tax_statement(tmp_path, tax, words):
    case = collective_case()
    case.agreement.tax = tax
    assert words in _render(tmp_path, "agreement", case)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=200))
def test_copies_are_one_per_party_and_one_kept(n):
    case = sample_single_case()
    case.applicants = [Applicant(f"甲{i}") for i in range(n)]
    case.workers_involved = n
    case.agreement = sample_collective_case().agreement
    ctx = build_context("agreement", case, sample_org(), today=TODAY)
    assert copies(n) == n + 2
    assert ctx["agreement"]["copies_cn"] == ordinal_cn(n + 2)
    assert ctx["agreement"]["copy_holders"] == ("双方当事人各执一份" if n == 1 else "申请人各执一份，被申请人执一份")


def test_thirteen_parties_do_not_get_three_copies(tmp_path):
    case = collective_case()
    case.applicants.append(Applicant("钱十三"))
    case.workers_involved = 13
    text = _render(tmp_path, "agreement", case)
    assert "本协议一式十五份，申请人各执一份，被申请人执一份" in text and "一式三份" not in text


# -- collective cases -------------------------------------------------------------------------------

def _signers(table) -> list[str]:
    """Names in a signature table: two signers a row (columns 1 and 4), header row skipped."""
    names = []
    for row in table.rows[1:]:
        names += [row.cells[1].text, row.cells[4].text]
    return [n for n in names if n]


def _header_flags(table) -> list[bool]:
    return [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]


def test_per_worker_schedule_with_a_repeated_header(tmp_path):
    case = collective_case()
    total = case.agreement.total_fen
    case.agreement.per_worker = [WorkerAmount(n, total // 12 + (total % 12 if i == 0 else 0))
                                 for i, n in enumerate(NAMES)]
    render("agreement", case, organisation(), tmp_path / "a.docx", today=TODAY)
    document = Document(str(tmp_path / "a.docx"))
    schedule = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in schedule.rows]
    assert rows[0][:3] == ["序号", "姓名", "金额"]
    assert [r[1] for r in rows[1:]] == NAMES
    assert rows[2][2] == f"¥{total // 12 / 100:,.2f}"
    assert _header_flags(schedule) == [True] + [False] * 12
    text = text_of(tmp_path / "a.docx")
    assert "附表：各申请人应得款项明细" in text and "各申请人应得的款项见本协议附表" in text
    assert "合计：人民币" in text


def test_every_table_that_lists_people_repeats_its_header(tmp_path):
    case = collective_case()
    case.agreement.per_worker = [WorkerAmount(n, 100_00) for n in NAMES]
    for kind in ("application", "agreement", "record", "service"):
        render(kind, case, organisation(), tmp_path / f"{kind}.docx", today=TODAY)
        for table in Document(str(tmp_path / f"{kind}.docx")).tables:
            if len(table.rows) > 10:   # the lists of 12 applicants, signatures, shares, recipients
                assert _header_flags(table)[0], (kind, table.rows[0].cells[0].text)


def test_representatives_sign_for_all_with_their_authorisation(tmp_path):
    render("agreement", collective_case(), organisation(), tmp_path / "a.docx", today=TODAY)
    document = Document(str(tmp_path / "a.docx"))
    assert _signers(document.tables[1]) == NAMES[:3]
    assert "授权委托书" in text_of(tmp_path / "a.docx")


def test_without_representatives_every_applicant_signs(tmp_path):
    case = collective_case()
    for a in case.applicants:
        a.is_representative = False
    render("agreement", case, organisation(), tmp_path / "a.docx", today=TODAY)
    document = Document(str(tmp_path / "a.docx"))
    assert _signers(document.tables[1]) == NAMES
    assert "授权委托书" not in text_of(tmp_path / "a.docx")


def test_collective_record_is_signed_by_those_present(tmp_path):
    case = collective_case()
    for session in case.sessions:
        session.attendees = "申请人张𠮷、黄明到场；被申请人委托代理人马某到场"
        session.recorder = "林记录"
    render("record", case, organisation(), tmp_path / "r.docx", today=TODAY)
    document = Document(str(tmp_path / "r.docx"))
    assert _signers(document.tables[-1]) == ["张𠮷", "黄明"]
    text = text_of(tmp_path / "r.docx")
    assert "到场的申请人签名（捺印）" in text and "林记录" in text
    assert "记录人（签名）：__________" in text.splitlines()


# -- 你 / 你们, wording -------------------------------------------------------------------------------

def test_one_applicant_is_you_singular_several_plural(tmp_path):
    one = _render(tmp_path, "acceptance", contract_case())
    assert "你与" in one and "你们" not in one and "你（们）" not in one
    several = _render(tmp_path, "acceptance", collective_case())
    assert "你们与" in several
    refused = _render(tmp_path, "rejection", contract_case(outcome="not_accepted"))
    assert refused.count("你于") == 1 and "你们" not in refused


def test_acceptance_states_the_term_as_a_date(tmp_path):
    text = _render(tmp_path, "acceptance", collective_case(), deadlines={"mediation_due": date(2026, 10, 8)})
    assert "自受理之日起十五日，至2026年10月8日" in text and "（即" not in text
    # 《企业劳动争议协商调解规定》 sets no cap on an extension, so the notice states none.
    assert "最长不超过" not in text


def test_dispute_types_in_the_words_of_the_law(tmp_path):
    case = contract_case()
    case.dispute_types = [DisputeType.HOURS_LEAVE, DisputeType.DISMISSAL, DisputeType.WELFARE_TRAINING]
    case.claims = []
    text = _render(tmp_path, "acceptance", case)
    assert "因工作时间、休息休假、除名、辞退和辞职、离职、福利、培训或者劳动保护发生的劳动争议" in text


def test_no_因经调解_in_any_termination(tmp_path):
    for note in (None, "wide_divergence", "其他：工厂搬迁"):
        case = contract_case(conclusion_note=note)
        text = _render(tmp_path, "termination", case)
        assert "因经调解" not in text
        assert "终止调解的原因：" in text


def test_organisation_address_and_phone_or_blanks(tmp_path):
    assert "地址：天津市河西区友谊路35号，联系电话：022-28000000" in _render(tmp_path, "acceptance", contract_case())
    bare = dataclasses.replace(organisation(), address=None, phone=None)
    assert "地址：__________，联系电话：__________" in _render(tmp_path, "acceptance", contract_case(), bare)


# -- 终止调解告知书 / 不予受理通知书 -----------------------------------------------------------------

def test_termination_carries_claims_reason_limitation_and_jurisdiction(tmp_path):
    case = contract_case()
    text = _render(tmp_path, "termination", case)
    assert case.claims[0].description in text
    assert "终止调解的原因：双方当事人分歧较大" in text
    assert "时效期间为一年" in text
    assert "申请人于2026年3月2日" in text and "仲裁时效因此中断" in text and "重新计算" in text
    assert "第二十七条第二款" in text
    assert "劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会" in text and "第二十一条" in text
    assert "本辖区的劳动人事争议仲裁委员会为天津市河西区劳动人事争议仲裁委员会" in text


def test_rejection_has_the_same_jurisdiction(tmp_path):
    text = _render(tmp_path, "rejection", contract_case(outcome="not_accepted"))
    assert "劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会" in text
    assert "本辖区的劳动人事争议仲裁委员会为天津市河西区劳动人事争议仲裁委员会" in text


# -- 送达回证 -------------------------------------------------------------------------------------------

def _recipients(path) -> list[list[str]]:
    table = Document(str(path)).tables[1]
    return [[c.text for c in r.cells] for r in table.rows]


def test_service_receipt_is_addressed_to_the_document_addressees_only(tmp_path):
    case = collective_case()
    render("service", case, organisation(), tmp_path / "a.docx", today=TODAY, extra={"served_kind": "acceptance"})
    rows = _recipients(tmp_path / "a.docx")
    assert rows[0] == ["受送达人", "送达地址", "送达方式", "签名或盖章", "签收时间"]
    assert [r[0].split("\n")[-1] for r in rows[1:]] == NAMES       # the notice goes to the applicants
    assert "《受理通知书》一份" in text_of(tmp_path / "a.docx")

    render("service", case, organisation(), tmp_path / "b.docx", today=TODAY)  # the agreement binds both
    rows = _recipients(tmp_path / "b.docx")
    assert [r[0].split("\n")[0] for r in rows[1:]] == ["申请人"] * 12 + ["被申请人"]


def test_service_receipt_fields_and_blanks(tmp_path):
    render("service", contract_case(), organisation(), tmp_path / "s.docx", today=TODAY)
    document = Document(str(tmp_path / "s.docx"))
    fields = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert fields["案由"] == "劳动合同争议" and "签发人" in fields and fields["签发人"] == ""
    recipient = [c.text for c in document.tables[1].rows[1].cells]
    assert recipient[4] == "　　年　月　日\n　时　分"   # no service recorded: the recipient writes it
    assert recipient[2] == recipient[3] == ""
    extra = {r.cells[0].text: r.cells[1].text for r in document.tables[2].rows}
    assert extra["见证人（签名）"] == "" and extra["备注"] == ""     # the 备注 box is left free


# -- the data behind the fields --------------------------------------------------------------------

def test_fields_survive_the_database_and_a_sync_record(tmp_path):
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.sync.records import case_data, case_from_data, check_record

    from .helpers import make_backend, walk_in

    backend = make_backend(tmp_path / "d")
    case = walk_in()
    case.applicants[0].agent, case.applicants[0].agent_special = "李律师", True
    case.respondent.legal_rep, case.respondent.legal_rep_title = "马振华", "执行董事"
    case.respondent.agent, case.respondent.agent_special = "马某", True
    case.respondent_position, case.employment_ended_on = "无异议", date(2026, 1, 31)
    saved = CaseService(backend).register(case)
    back = CaseService(backend).get(saved.case_no)
    for got in (back, _through_sync(back, case_data, check_record, case_from_data)):
        assert (got.applicants[0].agent, got.applicants[0].agent_special) == ("李律师", True)
        assert (got.respondent.legal_rep_title, got.respondent.agent, got.respondent.agent_special) == \
            ("执行董事", "马某", True)
        assert (got.respondent_position, got.employment_ended_on) == ("无异议", date(2026, 1, 31))


def _through_sync(case, case_data, check_record, case_from_data):
    import json

    line = {"entity": "case", "id": case.id, "origin_node": case.origin_node, "version": 1,
            "data": case_data(case, [], [], None)}
    checked = check_record(json.loads(json.dumps(line)), "records[0]")
    return case_from_data(case.id, case.origin_node, 1, checked["data"])


def test_a_record_from_a_node_without_the_fields_still_reads(tmp_path):
    import json

    from mediation_desktop.sync.records import case_data, case_from_data, check_record

    case = dataclasses.replace(sample_single_case(), seq_no=31, origin_node="0" * 8 + "-0000-4000-8000-" + "0" * 12,
                               org_id="1" * 8 + "-1111-4111-8111-" + "1" * 12,
                               created_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                               updated_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
    case.applicants[0].id = "2" * 8 + "-2222-4222-8222-" + "2" * 12
    data = json.loads(json.dumps(case_data(case, [], [], None)))
    for key in ("respondent_position", "employment_ended_on"):
        del data[key]
    for key in ("legal_rep_title", "agent", "agent_special"):
        del data["respondent"][key]
    for key in ("agent", "agent_special"):
        del data["applicants"][0][key]
    case_id = "3" * 8 + "-3333-4333-8333-" + "3" * 12
    line = {"entity": "case", "id": case_id, "origin_node": case.origin_node, "version": 1, "data": data}
    got = case_from_data(case_id, case.origin_node, 1, check_record(line, "r")["data"])
    assert got.respondent.agent is None and not got.applicants[0].agent_special and got.respondent_position == ""


def test_case_add_json_reads_the_fields_and_refuses_bad_ones():
    from mediation_desktop.core.errors import ValidationErrors
    from mediation_desktop.services.case_input import case_from_json

    doc = {"received_on": "2026-02-13", "applicants": [{"name": "张三", "agent": "李律师", "agent_special": True}],
           "respondent": {"name": "天津某公司", "legal_representative": "马振华",
                          "legal_representative_title": "执行董事", "agent": "马某"},
           "respondent_position": "无异议", "employment_ended_on": "2026-01-31"}
    case = case_from_json(doc)
    assert (case.applicants[0].agent, case.applicants[0].agent_special) == ("李律师", True)
    assert (case.respondent.legal_rep_title, case.respondent.agent, case.respondent.agent_special) == \
        ("执行董事", "马某", False)
    assert (case.respondent_position, case.employment_ended_on) == ("无异议", date(2026, 1, 31))
    doc["applicants"][0]["agent_special"] = "yes"
    doc["employment_ended_on"] = "2026-13-01"
    with pytest.raises((ValidationError, ValidationErrors)) as exc:
        case_from_json(doc)
    fields = {e.field for e in getattr(exc.value, "errors", [exc.value])}
    assert {"applicants.0.agent_special", "employment_ended_on"} <= fields


def test_organisation_phone_is_checked_at_first_start(tmp_path):
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.backend import Backend

    backend = Backend(DataPaths.resolve(tmp_path / "d"), "测试员")
    backend.migrate()
    with pytest.raises(UserError) as exc:
        backend.initialise("和平区劳动人事争议调解中心", "津和平", address="和平区", phone="12345")
    assert exc.value.code == "E_PHONE" and not backend.initialised
    node = backend.initialise("和平区劳动人事争议调解中心", "津和平", address=" 和平区南营门街道 ", phone="022-23456789")
    assert (node.org.address, node.org.phone) == ("和平区南营门街道", "022-23456789")


def test_termination_refused_without_outcome_is_not_this_modules_business():
    # The stage matrix (core.document_stages) decides which documents a case may have; the context
    # builder only refuses what it cannot fill. A settled case still gets the settled wording.
    case = contract_case(outcome="withdrawn", conclusion_note=None)
    case.outcome = Outcome.WITHDRAWN
    ctx = build_context("termination", case, organisation(), today=TODAY)
    assert ctx["termination_reason"] == "双方当事人自行和解，申请人撤回调解申请"


_PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1,
                     max_size=60).map(str.strip).filter(bool)


@settings(max_examples=25, deadline=None)
@given(agent=_PRINTABLE, position=_PRINTABLE, title=_PRINTABLE)
def test_any_text_in_the_new_fields_is_printed_as_written(tmp_path_factory, agent, position, title):
    tmp_path = tmp_path_factory.mktemp("any")
    case = contract_case(outcome="agreement")
    case.agreement = collective_case().agreement
    case.applicants[0].agent = agent
    case.respondent.legal_rep, case.respondent.legal_rep_title = "周某", title
    case.respondent_position = position
    text = _render(tmp_path, "agreement", case)
    assert f"委托代理人：{agent}，一般授权。" in text
    assert f"法定代表人（主要负责人）：周某，{title}。" in text
    assert position in text

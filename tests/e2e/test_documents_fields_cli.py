"""The document fields end to end through the real command line: ``init`` with the organisation's
address and phone, ``case add`` with agents and the employer's position, a session with its recorder,
an agreement with tax and account, then ``doc`` read back with python-docx."""

from __future__ import annotations

import json

from docx import Document
from docx.oxml.ns import qn

from .cli import run_cli


def _text(path) -> str:
    body = Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def test_document_fields_through_the_command_line(tmp_path):
    data = tmp_path / "d"
    refused = run_cli(data, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "津和平",
                      "--address", "和平区南营门街道", "--phone", "12345")
    assert refused.code == 2 and refused.err.startswith("E_PHONE") and "Traceback" not in refused.err
    ok = run_cli(data, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "津和平",
                 "--address", "天津市和平区南营门街道办事处二楼", "--phone", "022-23456789")
    assert ok.code == 0, ok.err      # the refused init left nothing behind

    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({
        "received_on": "2026-02-13", "channel": "written",
        "applicants": [{"name": "张明华", "agent": "刘平（天津某律师事务所律师）", "agent_special": True}],
        "respondent": {"name": "天津鑫达建筑工程有限公司", "legal_representative": "马振华",
                       "legal_representative_title": "执行董事", "agent": "马某（人事经理）"},
        "dispute_types": ["wages"], "claims": [{"description": "支付拖欠工资", "amount": "36800.50"}],
        "respondent_position": "对欠薪数额无异议，请求分期支付。", "employment_ended_on": "2026-01-31",
    }, ensure_ascii=False), encoding="utf-8")
    added = run_cli(data, "case", "add", str(case_file), "--json")
    assert added.code == 0, added.err
    case_no = added.json()["case_no"]
    assert run_cli(data, "case", "accept", case_no, "--on", "2026-02-14", "--mediator", "郑调解").code == 0
    session = run_cli(data, "case", "session", case_no, "--on", "2026-02-16", "--present", "张明华、马某",
                      "--recorder", "林记录")
    assert session.code == 0, session.err
    agreement = tmp_path / "agreement.json"
    agreement.write_text(json.dumps({
        "signed_on": "2026-02-20", "tax": "pre_tax",
        "items": [{"payer": "被申请人", "payee": "申请人张明华", "content": "支付拖欠工资", "amount": "36800.50",
                   "due": "2026-02-28", "method": "银行转账", "account": "中国工商银行 6222000011112222"}],
    }, ensure_ascii=False), encoding="utf-8")
    agreed = run_cli(data, "case", "agree", case_no, str(agreement))
    assert agreed.code == 0, agreed.err

    shown = run_cli(data, "case", "show", case_no, "--json").json()
    assert shown["respondent"]["legal_representative_title"] == "执行董事"
    assert shown["employment_ended_on"] == "2026-01-31" and shown["sessions"][0]["recorder"] == "林记录"

    out = tmp_path / "agreement.docx"
    made = run_cli(data, "doc", case_no, "agreement", "--out", str(out))
    assert made.code == 0, made.err
    text = _text(out)
    assert "委托代理人：刘平（天津某律师事务所律师），特别授权。" in text
    assert "法定代表人（主要负责人）：马振华，执行董事。" in text and "马某（人事经理），一般授权。" in text
    assert "对欠薪数额无异议，请求分期支付。" in text and "劳动关系于2026年1月31日解除（终止）" in text
    assert "以上款项均为税前金额" in text and "收款账户：中国工商银行 6222000011112222" in text
    assert "一式三份" in text and "（以下无正文）" in text

    record = tmp_path / "record.docx"
    assert run_cli(data, "doc", case_no, "record", "--out", str(record)).code == 0
    assert "林记录" in _text(record)
    notice = tmp_path / "acceptance.docx"
    assert run_cli(data, "doc", case_no, "acceptance", "--out", str(notice)).code == 0
    assert "地址：天津市和平区南营门街道办事处二楼，联系电话：022-23456789" in _text(notice)

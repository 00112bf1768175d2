"""``case accept --mediator NAME``: a name outside the mediator register is recorded as given, with a
warning on stderr and exit status 0; a registered name passes without a word."""

from __future__ import annotations

import json

from mediation_desktop.core.clock import today

from .cli import run_cli


def _add_case(room, tmp_path, applicant: str) -> str:
    doc = {"received_on": today().isoformat(), "channel": "written", "applicants": [{"name": applicant}],
           "respondent": {"name": "天津鑫达建筑工程有限公司"}, "workers_involved": 1, "dispute_types": ["wages"],
           "claims": [{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "100.00"}],
           "facts": "拖欠工资"}
    path = tmp_path / f"{applicant}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run_cli(room, "case", "add", str(path), "--json")
    assert r.code == 0, r.err
    return r.json()["case_no"]


def test_accepting_with_a_mediator_outside_the_register_warns_and_records_the_name(tmp_path):
    room = tmp_path / "room"
    assert run_cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP").code == 0
    assert run_cli(room, "mediators", "add", "刘建华").code == 0
    registered, outside = _add_case(room, tmp_path, "张三"), _add_case(room, tmp_path, "李四")

    ok = run_cli(room, "case", "accept", registered, "--mediator", "刘建华", "--json")
    assert ok.code == 0 and ok.err == "", ok.err
    assert ok.json()["mediator"] == "刘建华"

    warned = run_cli(room, "case", "accept", outside, "--mediator", "孙外聘", "--json")
    assert warned.code == 0, warned.err
    assert warned.err.startswith("注意：调解员“孙外聘”不在本组织的调解员名册中"), warned.err
    assert "mediators add" in warned.err and "Traceback" not in warned.err
    assert warned.json()["mediator"] == "孙外聘"            # stdout stays one JSON document
    shown = run_cli(room, "case", "show", outside, "--json").json()
    assert shown["mediator"] == "孙外聘" and shown["accepted_on"] == today().isoformat()

"""The case lifecycle on the command line (CONTRACT §1, §6), end to end in subprocesses: every command,
every refusal of an action the stage does not allow (E_TRANSITION), and bad input refused with exit 2
and nothing changed in the database."""

from __future__ import annotations

import json
import sqlite3

import pytest

from .cli import run_cli
from .stage_register import COLLECTIVE_WORKERS, EMPLOYER, STAGES


def snapshot(root) -> tuple:
    """Everything a refused command must leave alone: every case row with its version, every child
    row, the outbox and the audit trail."""
    con = sqlite3.connect(root / "mediation.sqlite3")
    try:
        out = []
        for table in ("cases", "applicants", "claims", "sessions", "agreements", "agreement_items",
                      "agreement_workers", "documents", "changes", "audit_log"):
            out.append(tuple(con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()))
        return tuple(out)
    finally:
        con.close()


def show(root, case_no: str) -> dict:
    r = run_cli(root, "case", "show", case_no, "--json")
    assert r.code == 0, r.err
    return r.json()


def refused(root, code: str, *args: str) -> str:
    before = snapshot(root)
    r = run_cli(root, *args)
    assert r.code == 2, (args, r.code, r.out, r.err)
    # argparse prints its usage line first; every other refusal starts with its code.
    lines = r.err.splitlines()
    assert (lines[-1] if code == "E_ARGUMENT" else lines[0]).startswith(f"{code}:"), (args, r.err)
    assert "Traceback" not in r.err
    assert snapshot(root) == before, f"{args} changed the database"
    return r.err


# -- every stage on record -----------------------------------------------------------------------

EXPECTED = {
    # key: (status, stage, outcome)
    "registered": ("registered", "registered", None),
    "accepted": ("mediating", "mediating", None),
    "rejected": ("closed", "closed", "not_accepted"),
    "session": ("mediating", "mediating", None),
    "extended": ("mediating", "mediating", None),
    "agreed": ("mediating", "concluded", "agreement"),
    "agreed_paid": ("mediating", "concluded", "agreement"),
    "failed": ("mediating", "concluded", "failed"),
    "withdrawn": ("mediating", "concluded", "withdrawn"),
    "settled": ("mediating", "concluded", "settled"),
    "transferred": ("mediating", "concluded", "transferred"),
    "closed_agreement": ("closed", "closed", "agreement"),
    "collective": ("mediating", "concluded", "agreement"),
    "late_accepted": ("mediating", "mediating", None),
}


def test_the_commands_put_every_stage_on_record(stage_register):
    assert set(EXPECTED) == set(STAGES)
    listed = {c["case_no"]: c for c in run_cli(stage_register.root, "cases", "--json").json()}
    for key, (status, stage, outcome) in EXPECTED.items():
        case = stage_register.case(key)
        data = show(stage_register.root, case.case_no)
        assert (data["status"], data["stage"], data["outcome"]) == (status, stage, outcome), key
        # The list derives the same stage from its row as the case does from itself.
        assert listed[case.case_no]["stage"] == stage, key
        assert data["received_on"] == case.received_on
        assert data["accepted_on"] == case.accepted_on
        assert [a["name"] for a in data["applicants"]] == case.applicants
        assert data["respondent"]["name"] == EMPLOYER
        assert data["late_acceptance"] is (key == "late_accepted"), key
        assert ("late_acceptance" in data["deadline_warnings"]) is (key == "late_accepted"), key

    rejected = show(stage_register.root, stage_register.numbers["rejected"])
    assert rejected["closed_on"] == "2026-09-04" and rejected["accepted_on"] is None

    session = show(stage_register.root, stage_register.numbers["session"])["sessions"]
    assert session == [{"held_on": "2026-09-20", "place": "第一调解室", "mode": "现场",
                        "attendees": "申请人、被申请人委托代理人", "notes": "双方陈述意见，同意继续协商。",
                        "recorder": "李记录"}]

    extended = show(stage_register.root, stage_register.numbers["extended"])
    assert (extended["extended_until"], extended["extension_agreed_on"]) == ("2026-10-14", "2026-09-28")
    assert extended["deadlines"]["mediation_due"] == "2026-10-14"

    agreed = show(stage_register.root, stage_register.numbers["agreed"])
    assert agreed["amount_agreed"] == "36800.50"
    ag = agreed["agreement"]
    assert (ag["signed_on"], ag["tax"], ag["other_terms"]) == ("2026-09-25", "after_tax", "双方再无其他劳动争议。")
    assert [(i["payee"], i["amount"], i["due_on"], i["method"], i["account"]) for i in ag["items"]] == [
        ("吴协议", "36800.50", "2026-10-15", "银行转账", "中国工商银行天津和平支行 6222000011112222")]
    assert ag["items"][0]["performed_on"] is None
    assert agreed["deadlines"]["arbitration_review_due"] is not None

    paid = show(stage_register.root, stage_register.numbers["agreed_paid"])["agreement"]["items"][0]
    assert (paid["performed_on"], paid["performed"]) == ("2026-10-10", "36800.50")

    closed = show(stage_register.root, stage_register.numbers["closed_agreement"])
    assert closed["closed_on"] == "2026-10-12" and closed["concluded_on"] == "2026-09-25"

    collective = show(stage_register.root, stage_register.numbers["collective"])
    assert collective["collective"] is True and collective["workers_involved"] == 12
    assert collective["agreement"]["per_worker"] == [{"name": n, "amount": "10000.00"} for n in COLLECTIVE_WORKERS]

    transferred = show(stage_register.root, stage_register.numbers["transferred"])
    assert transferred["outcome"] == "transferred" and transferred["concluded_on"] == "2026-09-24"


def test_a_claim_without_money_claims_no_money(stage_register):
    data = show(stage_register.root, stage_register.numbers["accepted"])
    assert data["amount_claimed"] is None
    assert data["claims"] == [{"description": "确认劳动关系", "amount": None, "dispute_type": "labor_relation"}]
    assert show(stage_register.root, stage_register.numbers["session"])["amount_claimed"] == "36800.50"


def test_every_action_is_audited(stage_register):
    con = sqlite3.connect(stage_register.root / "mediation.sqlite3")
    try:
        actions = {a for (a,) in con.execute("SELECT action FROM audit_log WHERE entity = 'case'")}
    finally:
        con.close()
    assert actions >= {"register", "accept", "not_accept", "record_session", "extend", "conclude",
                       "record_performance", "close"}


def test_case_add_prints_the_number_or_the_case(stage_register, tmp_path):
    doc = STAGES["accepted"].document()
    source = tmp_path / "新案.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run_cli(stage_register.root, "case", "add", str(source), "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["case_no"] == "津和平劳调〔2026〕15号" and data["status"] == "registered"
    assert data["amount_claimed"] is None and data["late_acceptance"] is False
    plain = run_cli(stage_register.root, "case", "add", str(source))
    assert plain.code == 0 and plain.out.strip() == "津和平劳调〔2026〕16号"


def test_late_acceptance_is_counted_in_statistics(stage_register, tmp_path):
    out = tmp_path / "报表.json"
    r = run_cli(stage_register.root, "report", "--from", "2026-09-01", "--to", "2026-09-30", "--out", str(out))
    assert r.code == 0, r.err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["total"]["late_acceptance"] == 1


# -- actions the stage does not allow --------------------------------------------------------------

AGREEMENT_FILE = "AGREEMENT"   # replaced by a valid agreement document's path

REFUSED_TRANSITIONS = {
    "registered": [["session", "--on", "2026-11-21"], ["extend", "--until", "2026-12-10", "--agreed-on", "2026-11-21"],
                   ["agree", AGREEMENT_FILE], ["end", "--outcome", "failed"], ["end", "--outcome", "settled"],
                   ["pay", "--item", "1", "--amount", "1", "--on", "2026-11-21"], ["close"]],
    "accepted": [["accept"], ["reject", "--reason", "理由"], ["pay", "--item", "1", "--amount", "1", "--on", "2026-09-20"],
                 ["close"]],
    "rejected": [["accept"], ["reject", "--reason", "理由"], ["session", "--on", "2026-09-20"],
                 ["extend", "--until", "2026-09-25", "--agreed-on", "2026-09-10"], ["agree", AGREEMENT_FILE],
                 ["end", "--outcome", "withdrawn"], ["pay", "--item", "1", "--amount", "1", "--on", "2026-09-20"],
                 ["close"]],
    "agreed": [["accept"], ["reject", "--reason", "理由"], ["session", "--on", "2026-09-26"],
               ["extend", "--until", "2026-10-14", "--agreed-on", "2026-09-26"], ["agree", AGREEMENT_FILE],
               ["end", "--outcome", "failed"]],
    "failed": [["pay", "--item", "1", "--amount", "1", "--on", "2026-09-30"], ["session", "--on", "2026-09-30"],
               ["agree", AGREEMENT_FILE], ["accept"]],
    "closed_agreement": [["pay", "--item", "1", "--amount", "1", "--on", "2026-10-13"], ["close"],
                         ["session", "--on", "2026-10-13"], ["end", "--outcome", "failed"]],
}


def test_actions_the_stage_does_not_allow_are_refused(stage_register, tmp_path):
    agreement = tmp_path / "协议.json"
    agreement.write_text(json.dumps(STAGES["agreed"].agreement, ensure_ascii=False), encoding="utf-8")
    for key, commands in REFUSED_TRANSITIONS.items():
        case_no = stage_register.numbers[key]
        for command in commands:
            args = [str(agreement) if a == AGREEMENT_FILE else a for a in command]
            err = refused(stage_register.root, "E_TRANSITION", "case", args[0], case_no, *args[1:])
            assert "不能执行" in err


# -- bad input -------------------------------------------------------------------------------------

def _write(path, content) -> str:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                        encoding="utf-8")
    return str(path)


def _case(**changes) -> dict:
    doc = STAGES["session"].document()
    doc.update(changes)
    return doc


BAD_CASES = [
    ("E_JSON", "{\"received_on\": "),
    ("E_JSON", json.dumps(_case(), ensure_ascii=False).encode("gbk")),
    ("E_JSON_TYPE", [1, 2]),
    ("E_JSON_FIELD", _case(recieved_on="2026-09-01")),
    ("E_REQUIRED", {k: v for k, v in _case().items() if k != "respondent"}),
    ("E_DATE", _case(received_on="2026-13-01")),
    ("E_DATE", _case(received_on=20260901)),
    ("E_DATE_FUTURE", _case(received_on="2099-01-01")),
    ("E_AMOUNT", _case(claims=[{"dispute_type": "wages", "description": "工资", "amount": 1.5}])),
    ("E_AMOUNT", _case(claims=[{"dispute_type": "wages", "description": "工资", "amount": "一些钱"}])),
    ("E_AMOUNT_NEGATIVE", _case(claims=[{"dispute_type": "wages", "description": "工资", "amount": "-5"}])),
    ("E_DISPUTE_TYPE", _case(dispute_types=["salary"])),
    ("E_WORKERS", _case(workers_involved=0)),
    ("E_REQUIRED", _case(applicants=[{"name": "  "}])),
    ("E_CHANNEL", _case(channel="email")),
    ("E_JSON_TYPE", _case(applicants="张三")),
]


@pytest.mark.parametrize("code,content", BAD_CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(BAD_CASES)])
def test_a_bad_case_document_is_refused_and_nothing_changes(stage_register, tmp_path, code, content):
    refused(stage_register.root, code, "case", "add", _write(tmp_path / "case.json", content))


def test_every_problem_of_a_document_is_reported_at_once(stage_register, tmp_path):
    doc = _case(received_on="2026-02-30", dispute_types=["salary"], extra=1)
    err = refused(stage_register.root, "E_JSON_FIELD", "case", "add", _write(tmp_path / "case.json", doc))
    lines = err.strip().splitlines()
    assert {line.split(":")[0] for line in lines} == {"E_JSON_FIELD", "E_DATE", "E_DISPUTE_TYPE"}
    assert all("：" in line for line in lines)   # each names its field


def test_a_missing_file_is_refused(stage_register, tmp_path):
    refused(stage_register.root, "E_JSON", "case", "add", str(tmp_path / "没有.json"))
    refused(stage_register.root, "E_JSON", "case", "agree", stage_register.numbers["session"], str(tmp_path))


def _agreement(**changes) -> dict:
    doc = dict(STAGES["agreed"].agreement)
    doc.update(changes)
    return doc


BAD_AGREEMENTS = [
    ("session", "E_REQUIRED", {k: v for k, v in _agreement().items() if k != "signed_on"}),
    ("session", "E_AGREEMENT_TAX", _agreement(tax="gross")),
    ("session", "E_AGREEMENT_EMPTY", _agreement(items=[])),
    ("session", "E_DATE_ORDER", _agreement(signed_on="2026-09-10", effective_on="2026-09-10")),
    ("session", "E_JSON_FIELD", _agreement(items=[{**_agreement()["items"][0], "contnet": "x"}])),
    ("session", "E_AMOUNT", _agreement(items=[{**_agreement()["items"][0], "amount": 100.5}])),
    ("session", "E_TOO_LONG", _agreement(items=[{**_agreement()["items"][0], "payer": "某" * 500}])),
    ("collective", "E_TRANSITION", _agreement()),
]


@pytest.mark.parametrize("key,code,content", BAD_AGREEMENTS, ids=[c for _, c, _ in BAD_AGREEMENTS])
def test_a_bad_agreement_is_refused_and_nothing_changes(stage_register, tmp_path, key, code, content):
    refused(stage_register.root, code, "case", "agree", stage_register.numbers[key],
            _write(tmp_path / "agreement.json", content))


def test_a_collective_agreement_that_pays_must_list_each_worker(stage_register, tmp_path):
    case = dict(STAGES["collective"].document())
    source = _write(tmp_path / "集体.json", case)
    added = run_cli(stage_register.root, "case", "add", source)
    assert added.code == 0, added.err
    case_no = added.out.strip()
    assert run_cli(stage_register.root, "case", "accept", case_no, "--on", "2026-09-15").code == 0
    without = {k: v for k, v in STAGES["collective"].agreement.items() if k != "per_worker"}
    err = refused(stage_register.root, "E_PER_WORKER_REQUIRED", "case", "agree", case_no,
                  _write(tmp_path / "协议.json", without))
    assert "12人" in err


def test_bad_options_are_refused_and_nothing_changes(stage_register):
    root, n = stage_register.root, stage_register.numbers
    refused(root, "E_CASE_NOT_FOUND", "case", "accept", "津和平劳调〔2026〕999号")
    refused(root, "E_DATE", "case", "accept", n["registered"], "--on", "2026/11/21")
    refused(root, "E_DATE_FUTURE", "case", "accept", n["registered"], "--on", "2099-01-01")
    refused(root, "E_DATE_ORDER", "case", "accept", n["registered"], "--on", "2026-11-19")
    refused(root, "E_REQUIRED", "case", "reject", n["registered"], "--reason", "   ")
    refused(root, "E_ARGUMENT", "case", "end", n["session"], "--outcome", "agreement")
    refused(root, "E_REQUIRED", "case", "end", n["session"], "--outcome", "transferred")
    refused(root, "E_DATE_ORDER", "case", "session", n["session"], "--on", "2026-09-01")
    refused(root, "E_NOT_FOUND", "case", "pay", n["agreed"], "--item", "2", "--amount", "1", "--on", "2026-10-01")
    refused(root, "E_ARGUMENT", "case", "pay", n["agreed"], "--item", "0", "--amount", "1", "--on", "2026-10-01")
    refused(root, "E_AMOUNT", "case", "pay", n["agreed"], "--item", "1", "--amount", "很多", "--on", "2026-10-01")
    refused(root, "E_DATE_ORDER", "case", "pay", n["agreed"], "--item", "1", "--amount", "1", "--on", "2026-09-01")
    refused(root, "E_DATE_ORDER", "case", "close", n["failed"], "--on", "2026-09-20")


def test_an_extension_is_capped_and_must_be_agreed_in_time(stage_register):
    root, case_no = stage_register.root, stage_register.numbers["session"]
    # Accepted 2026-09-15: the 15-day term ends 2026-09-30; at most 15 more days.
    refused(root, "E_EXTENSION_LATE", "case", "extend", case_no, "--until", "2026-10-14", "--agreed-on", "2026-10-09")
    refused(root, "E_EXTENSION_TOO_LONG", "case", "extend", case_no, "--until", "2026-10-30", "--agreed-on", "2026-09-28")
    refused(root, "E_EXTENSION_BEFORE_DUE", "case", "extend", case_no, "--until", "2026-09-29", "--agreed-on", "2026-09-28")
    refused(root, "E_DATE_ORDER", "case", "extend", case_no, "--until", "2026-10-14", "--agreed-on", "2026-09-14")
    ok = run_cli(root, "case", "extend", case_no, "--until", "2026-10-15", "--agreed-on", "2026-09-30")
    assert ok.code == 0, ok.err
    # A second extension runs from the first one's end, and the cap still counts from the original term.
    refused(root, "E_EXTENSION_LATE", "case", "extend", case_no, "--until", "2026-10-15", "--agreed-on", "2026-10-16")


def test_the_remaining_commands_move_a_case_on(stage_register):
    root, n = stage_register.root, stage_register.numbers
    r = run_cli(root, "case", "close", n["failed"], "--on", "2026-10-01", "--json")
    assert r.code == 0, r.err
    assert (r.json()["status"], r.json()["closed_on"]) == ("closed", "2026-10-01")
    r = run_cli(root, "case", "reject", n["registered"], "--reason", "超过申请时效", "--on", "2026-11-21")
    assert r.code == 0 and "不予受理" in r.out
    r = run_cli(root, "case", "end", n["late_accepted"], "--outcome", "transferred", "--reason", "转仲裁", "--on",
                "2026-09-20")
    assert r.code == 0, r.err
    assert show(root, n["late_accepted"])["outcome"] == "transferred"

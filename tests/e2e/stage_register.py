"""A register with one case in every stage, built through the lifecycle commands of the real
command line (``case add``, ``accept``, ``reject``, ``session``, ``extend``, ``agree``, ``end``,
``pay``, ``close``), as a script would.

The commands run one after another through ``mediation_desktop.cli.main`` in ONE subprocess, not
one process each: starting some forty interpreters dominated the e2e run, and nothing here depends
on each command having a process of its own (every lifecycle command is run as its own process in
test_lifecycle_commands.py). Each command still parses its own arguments, opens and closes the
register and must exit 0.

The register is built once per test session (``stage_master``) and copied for each test that asks
for ``stage_register``, so a test may change its copy freely. ``STAGES`` describes every case: the
facts a test can expect to find in its record and its documents.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .cli import run_cli

ORG = "和平区劳动人事争议调解中心"
ORG_CODE = "津和平"
EMPLOYER = "天津鑫达建筑工程有限公司"


@dataclass
class StageCase:
    """One case of the register and the facts its record holds."""

    key: str
    received_on: str
    applicants: list[str]
    accepted_on: str | None = None
    steps: list[list[str]] = field(default_factory=list)      # lifecycle commands after ``case add``
    claims: list[dict] = field(default_factory=lambda: [
        {"dispute_type": "wages", "description": "支付拖欠工资", "amount": "36800.50"}])
    agreement: dict | None = None
    workers: int | None = None
    case_no: str = ""                                          # filled in when the register is built

    def document(self) -> dict:
        return {
            "received_on": self.received_on, "channel": "written",
            "applicants": [{"name": n, "phone": "13812345678", "address": "天津市和平区南京路1号",
                            "representative": self.workers is not None and i < 2}
                           for i, n in enumerate(self.applicants)],
            "respondent": {"name": EMPLOYER, "uscc": "91350100M000100Y43", "address": "天津市和平区贵州路8号",
                           "legal_representative": "王建国", "phone": "022-23456789"},
            "workers_involved": self.workers or len(self.applicants),
            "dispute_types": sorted({c["dispute_type"] for c in self.claims}),
            "claims": self.claims, "facts": f"{self.applicants[0]}在被申请人处工作，被拖欠工资。",
            "mediator": "刘建华", "court_case_no": None,
        }


def _agreement(payee: str, amount: str = "36800.50", per_worker: list[dict] | None = None) -> dict:
    doc = {"signed_on": "2026-09-25", "effective_on": "2026-09-25", "tax": "after_tax",
           "items": [{"payer": EMPLOYER, "payee": payee, "content": "支付拖欠工资", "amount": amount,
                      "due": "2026-10-15", "method": "银行转账", "account": "中国工商银行天津和平支行 6222000011112222"}],
           "other_terms": "双方再无其他劳动争议。"}
    if per_worker is not None:
        doc["per_worker"] = per_worker
    return doc


SESSION = ["session", "--on", "2026-09-20", "--place", "第一调解室", "--present", "申请人、被申请人委托代理人",
           "--notes", "双方陈述意见，同意继续协商。", "--recorder", "李记录"]

COLLECTIVE_WORKERS = [f"工人{n:02d}" for n in range(1, 13)]

STAGES: dict[str, StageCase] = {c.key: c for c in [
    StageCase("registered", "2026-11-20", ["赵登记"]),
    # Only a claim without money: amount_claimed stays null.
    StageCase("accepted", "2026-09-01", ["钱受理"], "2026-09-02",
              claims=[{"dispute_type": "labor_relation", "description": "确认劳动关系", "amount": None}]),
    StageCase("rejected", "2026-09-03", ["孙不予"], steps=[
        ["reject", "--reason", "申请事项不属于劳动争议调解范围", "--on", "2026-09-04"]]),
    StageCase("session", "2026-09-14", ["李调解"], "2026-09-15", steps=[SESSION]),
    StageCase("extended", "2026-09-14", ["周延期"], "2026-09-15", steps=[
        SESSION, ["extend", "--until", "2026-10-14", "--agreed-on", "2026-09-28"]]),
    StageCase("agreed", "2026-09-14", ["吴协议"], "2026-09-15", steps=[SESSION], agreement=_agreement("吴协议")),
    StageCase("agreed_paid", "2026-09-14", ["郑履行"], "2026-09-15", steps=[SESSION],
              agreement=_agreement("郑履行")),
    StageCase("failed", "2026-09-14", ["王不成"], "2026-09-15", steps=[
        SESSION, ["end", "--outcome", "failed", "--on", "2026-09-29", "--reason", "双方当事人分歧较大，难以达成调解协议"]]),
    StageCase("withdrawn", "2026-09-14", ["冯撤回"], "2026-09-15", steps=[
        ["end", "--outcome", "withdrawn", "--on", "2026-09-22", "--reason", "申请人撤回调解申请"]]),
    StageCase("settled", "2026-09-14", ["陈和解"], "2026-09-15", steps=[
        ["end", "--outcome", "settled", "--on", "2026-09-23", "--reason", "双方当事人自行和解"]]),
    StageCase("transferred", "2026-09-14", ["褚转办"], "2026-09-15", steps=[
        ["end", "--outcome", "transferred", "--on", "2026-09-24", "--to", "和平区劳动人事争议仲裁委员会",
         "--reason", "涉及工伤认定，转仲裁处理"]]),
    StageCase("closed_agreement", "2026-09-14", ["卫结案"], "2026-09-15", steps=[SESSION],
              agreement=_agreement("卫结案")),
    StageCase("collective", "2026-09-14", ["蒋代表", "沈代表", "韩工人"], "2026-09-15", steps=[SESSION],
              workers=12, claims=[{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "120000.00"}],
              agreement=_agreement("蒋代表等12名劳动者", "120000.00",
                                   [{"name": n, "amount": "10000.00"} for n in COLLECTIVE_WORKERS])),
    # Received on Tuesday 1 September: acceptance due Friday 4 September; accepted on the 10th.
    StageCase("late_accepted", "2026-09-01", ["杨逾期"], "2026-09-10"),
]}
# Steps that follow the agreement.
AFTER_AGREEMENT = {
    "agreed_paid": [["pay", "--item", "1", "--amount", "36800.50", "--on", "2026-10-10"]],
    "closed_agreement": [["pay", "--item", "1", "--amount", "36800.50", "--on", "2026-10-10"],
                         ["close", "--on", "2026-10-12"]],
}


# Runs a plan of commands through the command line's entry point in this one process. A case's
# ``case add`` prints its number; the steps that follow name it as "{case_no}".
BATCH = r"""
import contextlib, io, json, sys
from mediation_desktop.cli import main

root, plan = sys.argv[1], json.loads(sys.stdin.read())
numbers = {}
for case in plan:
    case_no = None
    for command in case["commands"]:
        argv = ["--data-dir", root, "--user", "测试员", *(case_no if a == "{case_no}" else a for a in command)]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        if code != 0:
            sys.stderr.write(f"{case['key']}: {' '.join(command)}: exit {code}\n{err.getvalue()}")
            sys.exit(1)
        case_no = case_no or out.getvalue().strip()
    numbers[case["key"]] = case_no
print(json.dumps(numbers, ensure_ascii=False))
"""


def _ok(result, what: str) -> None:
    assert result.code == 0, f"{what}: exit {result.code}\n{result.err}"


def _plan(inputs: Path) -> list[dict]:
    """Every case of STAGES as the commands that make it, in order."""
    plan = []
    for case in STAGES.values():
        source = inputs / f"{case.key}.json"
        source.write_text(json.dumps(case.document(), ensure_ascii=False), encoding="utf-8")
        commands = [["case", "add", str(source)]]
        if case.accepted_on:
            commands.append(["case", "accept", "{case_no}", "--on", case.accepted_on])
        commands += [["case", step[0], "{case_no}", *step[1:]] for step in case.steps]
        if case.agreement is not None:
            doc = inputs / f"{case.key}-agreement.json"
            doc.write_text(json.dumps(case.agreement, ensure_ascii=False), encoding="utf-8")
            commands.append(["case", "agree", "{case_no}", str(doc)])
        commands += [["case", step[0], "{case_no}", *step[1:]] for step in AFTER_AGREEMENT.get(case.key, [])]
        plan.append({"key": case.key, "commands": commands})
    return plan


def build(root: Path) -> dict[str, str]:
    """Initialise ``root`` and make every case of STAGES; returns key -> case number."""
    _ok(run_cli(root, "init", "--org", ORG, "--org-code", ORG_CODE), "init")
    inputs = root.parent / f"{root.name}-inputs"
    inputs.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("MEDIATION_DESKTOP_DATA_DIR", None)
    proc = subprocess.run([sys.executable, "-c", BATCH, str(root)], input=json.dumps(_plan(inputs), ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    numbers = json.loads(proc.stdout)
    assert set(numbers) == set(STAGES) and all(numbers.values()), numbers
    (root.parent / f"{root.name}-numbers.json").write_text(json.dumps(numbers, ensure_ascii=False), encoding="utf-8")
    return numbers


@dataclass
class StageRegister:
    root: Path                    # this test's own copy of the data folder
    numbers: dict[str, str]       # stage key -> case number

    def case(self, key: str) -> StageCase:
        return StageCase(**{**STAGES[key].__dict__, "case_no": self.numbers[key]})


@pytest.fixture(scope="session")
def stage_master(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The register, built once for the whole session (never changed by a test)."""
    root = tmp_path_factory.mktemp("stage-register") / "data"
    return root, build(root)


@pytest.fixture
def stage_register(stage_master, tmp_path) -> StageRegister:
    """A private copy of the register for one test."""
    master, numbers = stage_master
    copy = tmp_path / "stages"
    shutil.copytree(master, copy)
    return StageRegister(copy, dict(numbers))

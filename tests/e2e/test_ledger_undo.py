"""Undoing the last ledger import and working the review list, through the real command line."""

from __future__ import annotations

import csv

import pytest

from .cli import run_cli

ENV = {"MEDIATION_DESKTOP_PASSPHRASE": "和平区 2026 口令", "MEDIATION_DESKTOP_USER_PASSWORD": "Correct-Horse-9"}
HEADER = ["序号", "收案日期", "受理日期", "申请人", "被申请人", "调解结果", "结案日期"]


def cli(d, *args, code=0):
    r = run_cli(d, *args, env=ENV)
    assert r.code == code, (args, r.code, r.out, r.err)
    assert "Traceback" not in r.err
    return r


def ledger(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


@pytest.fixture
def room(tmp_path):
    d = tmp_path / "room"
    cli(d, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    return d


def case_nos(d):
    return {c["case_no"] for c in cli(d, "cases", "--json").json()}


def test_undo_removes_exactly_the_last_import(room, tmp_path):
    first = ledger(tmp_path / "一月.csv", [["1", "2025-01-02", "2025-01-03", "甲", "天津甲公司", "调解成功", ""],
                                          ["2", "2025-01-05", "", "乙", "天津乙公司", "在办", ""]])
    second = ledger(tmp_path / "二月.csv", [["1", "2025-02-02", "", "丙", "天津丙公司", "撤回", "2025-02-10"],
                                           ["2", "2025-02-03", "", "丁", "天津丁公司", "", ""],
                                           ["3", "2025-02-04", "", "戊", "天津戊公司", "和解", ""]])
    one = cli(room, "ledger", "import", str(first), "--json").json()
    before = case_nos(room)
    two = cli(room, "ledger", "import", str(second), "--json").json()
    assert one["batch"] and two["batch"] and one["batch"] != two["batch"]
    assert (two["imported"], two["closed_historical"], two["to_review"]) == (3, 2, 1)
    added = case_nos(room) - before
    assert len(added) == 3

    undone = cli(room, "ledger", "undo", "--json").json()
    assert undone["batch"] == two["batch"] and undone["removed"] == 3 and set(undone["case_nos"]) == added
    assert case_nos(room) == before
    # The same file imports again afterwards (its rows are no longer duplicates).
    assert cli(room, "ledger", "import", str(second), "--json").json()["imported"] == 3


def test_undo_refuses_naming_a_changed_case_and_changes_nothing(room, tmp_path):
    path = ledger(tmp_path / "旧台账.csv", [["7", "2025-01-02", "", "甲", "天津甲公司", "", ""],
                                           ["8", "2025-01-05", "", "乙", "天津乙公司", "在办", ""]])
    cli(room, "ledger", "import", str(path))
    review = cli(room, "ledger", "review", "--json").json()
    assert review["title"] == "历史在办案件，请核实" and review["count"] == 2
    kept = review["cases"][0]["case_no"]
    cli(room, "ledger", "review", "keep", kept)
    before = cli(room, "cases", "--json").json()
    r = cli(room, "ledger", "undo", code=2)
    assert r.err.startswith("E_UNDO_REFUSED") and kept in r.err
    assert cli(room, "cases", "--json").json() == before


def test_review_close_several_at_once_and_refusals(room, tmp_path):
    path = ledger(tmp_path / "旧台账.csv", [[str(i), f"2025-0{i}-02", "", f"甲{i}", "天津甲公司", "在办", ""]
                                           for i in range(1, 4)])
    cli(room, "ledger", "import", str(path))
    nos = [c["case_no"] for c in cli(room, "ledger", "review", "--json").json()["cases"]]
    bad = cli(room, "ledger", "review", "close", *nos, "--outcome", "胜诉", code=2)
    assert bad.err.startswith("E_REVIEW_OUTCOME")
    missing = cli(room, "ledger", "review", "close", *nos, code=2)
    assert missing.err.startswith("E_REVIEW_OUTCOME")
    early = cli(room, "ledger", "review", "close", *nos, "--outcome", "和解", "--on", "2025-01-01", code=2)
    assert early.err.startswith("E_REVIEW_DATE")
    assert cli(room, "ledger", "review", "--json").json()["count"] == 3
    done = cli(room, "ledger", "review", "close", *nos[:2], "--outcome", "撤回", "--on", "2025-06-30", "--json").json()
    assert done == {"action": "close", "cases": nos[:2]}
    shown = cli(room, "case", "show", nos[0], "--json").json()
    assert (shown["status"], shown["outcome"], shown["closed_on"]) == ("closed", "withdrawn", "2025-06-30")
    assert shown["historical_import"] is True and shown["closed_on_inferred"] is False
    assert shown["ledger_no"] == "1"
    assert [c["case_no"] for c in cli(room, "ledger", "review", "--json").json()["cases"]] == nos[2:]
    again = cli(room, "ledger", "review", "close", nos[0], "--outcome", "撤回", code=2)
    assert again.err.startswith("E_REVIEW_NOT_PENDING")
    # The old reference finds the case.
    assert {c["case_no"] for c in cli(room, "cases", "--search", "3", "--json").json()} >= {nos[2]}


def test_nothing_to_undo(room):
    r = cli(room, "ledger", "undo", code=2)
    assert r.err.startswith("E_UNDO_NOTHING")

"""The command line of CONTRACT.md §1–§3, end to end in subprocesses."""

import csv
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from .cli import run_cli

HEADERS = ["序号", "收案日期", "受理日期", "申请人", "申请人身份证号", "申请人电话", "被申请人", "统一社会信用代码",
           "争议类型", "涉及人数", "请求金额", "调解员", "调解结果", "结案日期", "协议金额", "备注"]


@pytest.fixture
def room(tmp_path):
    d = tmp_path / "room"
    r = run_cli(d, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "津和平", "--json")
    assert r.code == 0, r.err
    assert r.json()["org_code"] == "津和平"
    return d


def db_counts(d):
    con = sqlite3.connect(d / "mediation.sqlite3")
    try:
        return tuple(con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("cases", "changes", "audit_log"))
    finally:
        con.close()


def write_gbk_csv(path, rows):
    with open(path, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["天津市和平区劳动争议调解台账（2026年）"])
        w.writerow(["序号", "登记日期", "受理日期", "劳动者", "身份证号", "联系电话", "用人单位", "统一社会信用代码",
                    "争议类型", "人数", "标的额", "调解员", "处理结果", "结案日期", "调解金额", "备注"])
        w.writerows(rows)


def test_refusals_before_and_at_init(tmp_path):
    d = tmp_path / "x"
    r = run_cli(d, "cases")
    assert r.code == 2 and r.err.startswith("E_NOT_INITIALISED:")
    assert "Traceback" not in r.err
    assert run_cli(d, "init", "--org", "甲", "--org-code", "J").code == 0
    again = run_cli(d, "init", "--org", "乙", "--org-code", "Y")
    assert again.code == 2 and again.err.startswith("E_ALREADY_INITIALISED:")


def test_ledger_import_json_duplicates_and_dry_run(room, tmp_path):
    ledger = tmp_path / "旧台账.csv"
    write_gbk_csv(ledger, [
        [1, "2026年2月13日", "2026.2.14", "张三、李四", "11010519491231002X", "13812345678", "天津鑫达建筑工程有限公司",
         "91350100M000100Y43", "劳动报酬、经济补偿", "2", "￥16,409.02", "刘建华", "调解成功", "2026-2-25", "1.2万元", ""],
        [2, "2026/02/14", "", "王五", "110105194912310021", "", "天津恒通物流有限公司", "91350100M000100Y44",
         "工资", "", "16409.02元", "", "在办", "", "", "身份证号有误"],
        [3, "", "", "赵六", "", "", "某公司", "", "工资", "", "100", "", "", "", "", ""],
        [4, "2026-02-15", "", "孙七", "", "", "某某公司", "", "工资", "", "一万", "", "", "", "", ""],
    ])
    before = db_counts(room)
    dry = run_cli(room, "ledger", "import", str(ledger), "--dry-run", "--json")
    assert dry.code == 0, dry.err
    assert db_counts(room) == before
    report = dry.json()
    assert (report["rows"], report["imported"], report["rejected"]) == (4, 2, 2)
    assert {(e["row"], e["column"]) for e in report["errors"]} == {(5, "登记日期"), (6, "标的额")}
    assert {w["column"] for w in report["warnings"]} >= {"身份证号", "统一社会信用代码"}

    real = run_cli(room, "ledger", "import", str(ledger), "--json").json()
    assert (real["imported"], real["duplicates"]) == (2, 0)
    again = run_cli(room, "ledger", "import", str(ledger), "--json").json()
    assert (again["imported"], again["duplicates"]) == (0, 2)

    listed = run_cli(room, "cases", "--json").json()
    assert [c["received_on"] for c in listed] == ["2026-02-14", "2026-02-13"]
    first = listed[1]
    assert first["outcome"] == "agreement" and first["status"] == "closed"
    assert first["amount_claimed"] == "16409.02" and first["amount_agreed"] == "12000.00"
    assert [a["name"] for a in first["applicants"]] == ["张三", "李四"]
    assert first["dispute_types"] == ["wages", "compensation"]
    second = listed[0]
    assert second["respondent"]["uscc"] is None and second["status"] == "registered"
    assert run_cli(room, "cases", "--status", "closed", "--json").json()[0]["case_no"] == first["case_no"]
    assert [c["case_no"] for c in run_cli(room, "cases", "--search", "恒通物流", "--json").json()] == [second["case_no"]]


def test_case_show_and_deadlines_follow_the_contract_examples(room, tmp_path):
    ledger = tmp_path / "l.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append([1, "2026-02-13", None, "张三", None, None, "天津鑫达建筑工程有限公司", None, "工资", 1, 12000,
               None, None, None, None, None])
    ws.append([2, "2026-02-10", "2026-02-14", "李四", None, None, "天津恒通物流有限公司", None, "工资", 12, "30万",
               None, "在办", None, None, None])
    wb.save(ledger)
    assert run_cli(room, "ledger", "import", str(ledger)).code == 0
    listed = {c["applicants"][0]["name"]: c["case_no"] for c in run_cli(room, "cases", "--json").json()}

    # Open rows from an old ledger, imported long after their terms ran out, wait for review off the
    # deadline lists; once the room confirms they are still being handled, their deadlines count.
    pending = run_cli(room, "ledger", "review", "--json").json()["cases"]
    assert {c["case_no"] for c in pending} == set(listed.values())
    assert run_cli(room, "deadlines", "--on", "2026-02-24", "--within", "3", "--json").json() == []
    kept = run_cli(room, "ledger", "review", "keep", *listed.values())
    assert kept.code == 0, kept.err

    shown = run_cli(room, "case", "show", listed["张三"], "--json").json()
    assert shown["deadlines"]["acceptance_due"] == "2026-02-25"
    assert shown["deadlines"]["statutory_due"] == "2026-02-28"
    assert shown["deadlines"]["mediation_due"] is None
    assert shown["deadline_warnings"] == []
    assert shown["risk"] == {"level": "yellow", "reasons": ["春节前欠薪案件，需优先处理"]}
    assert shown["amount_claimed"] == "12000.00" and shown["collective"] is False

    collective = run_cli(room, "case", "show", listed["李四"], "--json").json()
    assert collective["deadlines"]["mediation_due"] == "2026-03-02"
    assert collective["collective"] is True and collective["risk"]["level"] == "red"

    due = run_cli(room, "deadlines", "--on", "2026-02-24", "--within", "3", "--json").json()
    assert due == [{"case_no": listed["张三"], "deadline": "acceptance_due", "due": "2026-02-25",
                    "overdue": False, "approximate": False}]
    later = run_cli(room, "deadlines", "--on", "2026-03-05", "--json").json()
    assert {(d["case_no"], d["deadline"], d["overdue"]) for d in later} == {
        (listed["张三"], "acceptance_due", True), (listed["张三"], "statutory_due", True),
        (listed["李四"], "mediation_due", True)}

    missing = run_cli(room, "case", "show", "不存在的案号")
    assert missing.code == 2 and missing.err.startswith("E_CASE_NOT_FOUND:")


def official_2026_table(extra_holidays=()):
    """The 2026 arrangement as the chinesecalendar package ships it, in the import format."""
    import chinese_calendar

    start, end = date(2026, 1, 1), date(2026, 12, 31)
    holidays = set(chinese_calendar.get_holidays(start, end, include_weekends=False)) | set(extra_holidays)
    workdays = [d for d in chinese_calendar.get_workdays(start, end, include_weekends=True) if d.weekday() >= 5]
    return {"year": 2026, "source": "测试表：官方安排另加两天",
            "holidays": sorted(d.isoformat() for d in holidays), "workdays": [d.isoformat() for d in workdays]}


def test_calendar_import_moves_the_deadlines_of_open_cases(room, tmp_path):
    # Two open cases and a closed one received on Friday 13 Feb 2026 (Spring Festival 15–23 Feb,
    # make-up working day Saturday 14 Feb): 受理 is due three working days on, 14, 24 and 25 Feb.
    # The open cases are registered as a room does (an old ledger's open rows wait for review
    # instead); the closed one comes from the ledger.
    for name, employer in (("张三", "天津鑫达建筑工程有限公司"), ("李四", "天津恒通物流有限公司")):
        doc = tmp_path / f"{name}.json"
        doc.write_text(json.dumps({
            "received_on": "2026-02-13", "channel": "written", "applicants": [{"name": name}],
            "respondent": {"name": employer}, "workers_involved": 1, "dispute_types": ["wages"],
            "claims": [{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "12000"}],
            "facts": f"{name}被拖欠工资。"}, ensure_ascii=False), encoding="utf-8")
        added = run_cli(room, "case", "add", str(doc), "--json")
        assert added.code == 0, added.err
    ledger = tmp_path / "l.csv"
    ledger.write_text("收案日期,受理日期,申请人,被申请人,争议类型,调解结果,结案日期\n"
                      "2026-02-13,2026-02-14,王五,天津宏远机械有限公司,工资,调解成功,2026-02-20\n", encoding="utf-8-sig")
    assert run_cli(room, "ledger", "import", str(ledger), "--json").json()["imported"] == 1
    listed = {c["applicants"][0]["name"]: c["case_no"] for c in run_cli(room, "cases", "--json").json()}

    def acceptance_due(name):
        return run_cli(room, "case", "show", listed[name], "--json").json()["deadlines"]["acceptance_due"]

    assert acceptance_due("张三") == acceptance_due("李四") == "2026-02-25"

    # The district's corrected table makes 24 and 25 Feb days off: 受理 moves to 27 Feb.
    table = tmp_path / "2026.json"
    table.write_text(json.dumps(official_2026_table({date(2026, 2, 24), date(2026, 2, 25)})), encoding="utf-8")
    r = run_cli(room, "calendar", "import", str(table), "--json")
    assert r.code == 0, r.err
    assert r.json()["year"] == 2026 and r.json()["cases_updated"] == 2  # the open ones, not the closed one
    assert acceptance_due("张三") == acceptance_due("李四") == "2026-02-27"
    assert run_cli(room, "deadlines", "--on", "2026-02-25", "--within", "1", "--json").json() == []
    due = run_cli(room, "deadlines", "--on", "2026-02-26", "--within", "1", "--json").json()
    assert {(d["case_no"], d["deadline"], d["due"]) for d in due} == {
        (listed["张三"], "acceptance_due", "2026-02-27"), (listed["李四"], "acceptance_due", "2026-02-27")}

    # Importing the same table again changes nothing.
    assert run_cli(room, "calendar", "import", str(table), "--json").json()["cases_updated"] == 0


def test_calendar_import_file(room, tmp_path):
    table = tmp_path / "2027.json"
    table.write_text(json.dumps({"year": 2027, "source": "测试表", "holidays": ["2027-02-08", "2027-02-09"],
                                 "workdays": ["2027-02-06"]}), encoding="utf-8")
    r = run_cli(room, "calendar", "import", str(table), "--json")
    assert r.code == 0, r.err
    assert r.json()["year"] == 2027 and (room / "holidays" / "2027.json").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"year": 2027, "holidays": ["2027-13-01"]}', encoding="utf-8")
    r = run_cli(room, "calendar", "import", str(bad))
    assert r.code == 2 and r.err.startswith("E_CALENDAR_FORMAT:")


def test_demo_and_ledger_template(room, tmp_path):
    r = run_cli(room, "demo", "--cases", "120", "--json")
    assert r.code == 0 and r.json()["created"] == 120
    cases = run_cli(room, "cases", "--json").json()
    assert len(cases) == 120
    assert len({c["case_no"] for c in cases}) == 120
    # 集体争议 means ten or more workers (the demo makes about one case in twenty collective).
    collective = [c for c in cases if c["collective"]]
    assert 0 < len(collective) < len(cases)
    assert all(c["workers_involved"] >= 10 for c in collective)
    assert all(c["workers_involved"] < 10 for c in cases if not c["collective"])
    out = tmp_path / "模板.xlsx"
    assert run_cli(room, "ledger", "template", "--out", str(out)).code == 0
    header = [c.value for c in openpyxl.load_workbook(out).active[1]]
    assert header[:len(HEADERS)] == HEADERS
    bad = run_cli(room, "demo", "--cases", "0")
    assert bad.code == 2 and "E_ARGUMENT: 参数 --cases" in bad.err  # after argparse's usage line


def test_a_damaged_database_is_refused_with_exit_2_and_no_traceback(room):
    (room / "mediation.sqlite3").write_bytes(b"this is not a database" * 100)
    for wal in ("mediation.sqlite3-wal", "mediation.sqlite3-shm"):
        (room / wal).unlink(missing_ok=True)
    r = run_cli(room, "cases")
    assert r.code == 2, r.err
    assert r.err.startswith("E_DATABASE_DAMAGED:") and "Traceback" not in r.err


def test_unexpected_fault_exits_1_with_log_path_and_no_traceback(room):
    # A fault the program did not foresee (here: opening the database raises a plain RuntimeError),
    # through the real entry point in a fresh process.
    script = (
        "import sys\n"
        "from mediation_desktop import cli\n"
        "def broken(self):\n"
        "    raise RuntimeError('a fault nobody foresaw')\n"
        "cli.Context.backend = broken\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("MEDIATION_DESKTOP_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", script, "--data-dir", str(room), "--user", "测试员", "cases"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "RuntimeError" not in proc.stderr
    assert "程序内部错误" in proc.stderr and "mediation-desktop.log" in proc.stderr
    log_text = next(room.rglob("mediation-desktop.log")).read_text(encoding="utf-8")
    assert "unexpected error in command cases" in log_text and "RuntimeError: a fault nobody foresaw" in log_text


def test_bad_arguments_are_refused_in_chinese_with_exit_2(tmp_path):
    r = run_cli(tmp_path / "x", "init")
    assert r.code == 2 and "E_ARGUMENT: 缺少必需的参数：--org, --org-code" in r.err
    r = run_cli(tmp_path / "x", "cases", "--status", "bogus")
    assert r.code == 2 and "参数 --status：无效的取值 'bogus'" in r.err
    assert "Traceback" not in r.err

"""A holiday table arriving at a room with open cases, through the real command line: by
``calendar import`` and by a district package. The stored deadlines move in the same transaction
as the table is stored, the cache file appears after it, and a second import changes nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta

from mediation_desktop.core import clock

from .cli import run_cli
from .test_sync_two_nodes import ENV, cli, enrol


def _next_table(today: date) -> dict:
    """The table for the coming weeks: every weekday of the next 25 days made a holiday. From
    December on it is the next year's table (the State Council's notice for 2027 arranges the end
    of December 2026 too), so at the end of 2026 this is the 2027 table."""
    start = today + timedelta(days=1)
    year = start.year + 1 if start.month == 12 else start.year
    days = [start + timedelta(days=i) for i in range(25)]
    holidays = [d.isoformat() for d in days
                if d.weekday() < 5 and (d.year == year or (d.year == year - 1 and d.month == 12))]
    return {"year": year, "source": "国务院办公厅关于节假日安排的通知（测试）", "holidays": holidays, "workdays": []}


def _add_open_case(d, tmp, today: date) -> str:
    case = {"received_on": today.isoformat(), "channel": "written",
            "applicants": [{"name": "张明华", "id_number": None, "phone": None, "address": None,
                            "representative": False}],
            "respondent": {"name": "天津鑫达建筑工程有限公司", "uscc": None, "address": None,
                           "legal_representative": None, "phone": None},
            "workers_involved": 1, "dispute_types": ["wages"],
            "claims": [{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "36800.50"}],
            "facts": "拖欠工资三个月", "mediator": "刘建华", "court_case_no": None}
    path = tmp / f"{d.name}-case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return cli(d, "case", "add", str(path)).out.strip()


def _deadlines(d, case_no: str, today: date) -> tuple[dict, list[str]]:
    """The case's deadlines as ``case show`` gives them, and its dues in the stored deadline list."""
    shown = cli(d, "case", "show", case_no, "--json").json()["deadlines"]
    listed = cli(d, "deadlines", "--on", today.isoformat(), "--within", "120", "--json").json()
    return shown, sorted(x["due"] for x in listed if x["case_no"] == case_no)


def _check_moved(before: tuple[dict, list[str]], after: tuple[dict, list[str]]) -> None:
    assert after[0]["acceptance_due"] > before[0]["acceptance_due"]
    assert after[0]["statutory_due"] > before[0]["statutory_due"]
    assert after[1] and after[1] != before[1]
    assert min(after[1]) > min(before[1])  # the stored next due moved, not only the computed view


def test_calendar_import_moves_the_stored_deadlines_of_open_cases(tmp_path):
    today = clock.today()
    room = tmp_path / "room"
    cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    case_no = _add_open_case(room, tmp_path, today)
    before = _deadlines(room, case_no, today)
    table = _next_table(today)
    path = tmp_path / f"{table['year']}.json"
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")

    result = cli(room, "calendar", "import", str(path), "--json").json()
    assert result["year"] == table["year"] and result["cases_updated"] == 1
    _check_moved(before, _deadlines(room, case_no, today))
    cached = json.loads((room / "holidays" / f"{table['year']}.json").read_text(encoding="utf-8"))
    assert cached["holidays"] == table["holidays"]

    again = cli(room, "calendar", "import", str(path), "--json").json()
    assert again["cases_updated"] == 0  # the same table again changes nothing


def test_a_district_package_with_the_table_moves_the_room_deadlines(tmp_path):
    today = clock.today()
    room, sup = tmp_path / "room", tmp_path / "sup"
    cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    cli(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor")
    enrol(room, sup, tmp_path)
    enrol(sup, room, tmp_path)
    case_no = _add_open_case(room, tmp_path, today)
    before = _deadlines(room, case_no, today)
    table = _next_table(today)
    path = tmp_path / "table.json"
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    cli(sup, "calendar", "import", str(path))

    down = cli(sup, "sync", "export", "--out", str(tmp_path / "down"), "--json").json()["file"]
    r = run_cli(room, "sync", "import", down, "--json", env=ENV)
    assert r.code == 0, r.err
    (report,) = r.json()
    assert report["status"] == "imported" and "参考数据未能安装" not in report["reason"]
    _check_moved(before, _deadlines(room, case_no, today))
    assert (room / "holidays" / f"{table['year']}.json").is_file()
    check = run_cli(room, "check", "--json", env=ENV)
    assert check.code == 0 and check.json()["ok"], check.out

    again = run_cli(room, "sync", "import", down, "--json", env=ENV)
    assert again.code == 0 and again.json()[0]["status"] == "already_imported"

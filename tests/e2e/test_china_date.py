"""The program's day is China's (core.clock, UTC+8), whatever the machine's time zone says.

Around midnight in China the machine's own date is a day behind (a server on UTC, late evening in
the Americas) or ahead (the Pacific). The command line runs here in a subprocess whose time zone is
chosen so that its local date differs from China's at the moment the test runs; every date the
program fills in or checks against "today" must still be China's."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from mediation_desktop.core.validation import id_check_char

from .cli import run_cli

# POSIX zones, so no tz database is needed: "<-11>11" is UTC-11 (Pago Pago), "<+14>-14" UTC+14 (Kiritimati).
BEHIND, AHEAD = "<-11>11", "<+14>-14"
OFFSETS = {BEHIND: timedelta(hours=-11), AHEAD: timedelta(hours=14)}


def machine_zone_off_china() -> tuple[str, date]:
    """A zone whose date differs from China's now, and China's date. One of the two always does:
    UTC-11 is on China's date only from 19:00 China time, UTC+14 only before 18:00."""
    utc = datetime.now(UTC)
    china = (utc + timedelta(hours=8)).date()
    for zone, offset in OFFSETS.items():
        if (utc + offset).date() != china:
            return zone, china
    raise AssertionError("no zone off China's date")  # pragma: no cover - arithmetic above


def id_born(day: date) -> str:
    head = f"120101{day:%Y%m%d}001"
    return head + id_check_char(head)


def test_a_machine_a_day_off_china_still_dates_everything_by_china(tmp_path):
    zone, today = machine_zone_off_china()
    env = {"TZ": zone}
    tomorrow = today + timedelta(days=1)
    room = tmp_path / "room"
    assert run_cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP", env=env).code == 0

    # Registered today in China by someone born today in China: neither date is in the future.
    doc = {"received_on": today.isoformat(), "channel": "written",
           "applicants": [{"name": "张三", "id_number": id_born(today), "phone": "13812345678"}],
           "respondent": {"name": "天津鑫达建筑工程有限公司"}, "workers_involved": 1, "dispute_types": ["wages"],
           "claims": [{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "100.00"}],
           "facts": "拖欠工资", "mediator": "刘建华"}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    added = run_cli(room, "case", "add", str(path), "--json", env=env)
    assert added.code == 0, added.err
    case_no = added.json()["case_no"]
    assert f"〔{today.year}〕" in case_no

    # Born tomorrow in China is refused, whatever the machine's date.
    doc["applicants"][0]["id_number"] = id_born(tomorrow)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    unborn = run_cli(room, "case", "add", str(path), "--json", env=env)
    assert unborn.code == 2 and unborn.err.startswith("E_ID_BIRTHDATE"), unborn.err

    # Accepting without a date accepts today in China; the deadlines count from it.
    accepted = run_cli(room, "case", "accept", case_no, "--json", env=env)
    assert accepted.code == 0, accepted.err
    assert accepted.json()["accepted_on"] == today.isoformat()
    due = date.fromisoformat(accepted.json()["deadlines"]["mediation_due"])
    assert due == today + timedelta(days=15)  # the 15-day mediation period

    # "deadlines" without --on looks from China's today: due in exactly N days is listed within N, not N-1.
    days = (due - today).days
    within = run_cli(room, "deadlines", "--within", str(days), "--json", env=env).json()
    assert [(d["case_no"], d["due"]) for d in within] == [(case_no, due.isoformat())]
    assert run_cli(room, "deadlines", "--within", str(days - 1), "--json", env=env).json() == []

    # In a ledger too, an ID number born today in China is kept; one born tomorrow is left blank with a warning.
    ledger = tmp_path / "台账.csv"
    ledger.write_text("收案日期,受理日期,申请人,申请人身份证号,被申请人,争议类型,调解结果,结案日期\n"
                      f"{today},,李四,{id_born(today)},天津恒通物流有限公司,工资,,\n"
                      f"{today},,王五,{id_born(tomorrow)},天津宏远机械有限公司,工资,,\n", encoding="utf-8-sig")
    report = run_cli(room, "ledger", "import", str(ledger), "--json", env=env).json()
    assert report["imported"] == 2 and report["errors"] == [], report
    assert [(w["row"], w["column"]) for w in report["warnings"]] == [(3, "申请人身份证号")], report
    assert id_born(tomorrow) in report["warnings"][0]["message"]

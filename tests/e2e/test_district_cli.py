"""The district's desk through the real command line: two rooms report to one district; the district
lists its rooms, sees the same employer in both rooms, one room's cases, and the return by room."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from mediation_desktop.core import clock
from mediation_desktop.core.risk import rooms_reason

from .cli import run_cli
from .test_sync_two_nodes import ENV, cli, enrol, export, sync_import

EMPLOYER = "天津鑫达建筑工程有限责任公司"
USCC = "91350100M000100Y43"


def _case(received: date, applicants: list[str], *, name: str, uscc: str | None, workers: int | None = None) -> dict:
    respondent = {"name": name, "address": "天津市和平区贵州路8号"}
    if uscc:
        respondent["uscc"] = uscc
    return {"received_on": received.isoformat(), "channel": "written",
            # A collective case names the workers' representatives (core.collective).
            "applicants": [{"name": n, "representative": (workers or 0) >= 10} for n in applicants],
            "respondent": respondent,
            "workers_involved": workers or len(applicants), "dispute_types": ["wages"],
            "claims": [{"dispute_type": "wages", "description": "拖欠工资", "amount": "8000.00"}],
            "facts": "被拖欠工资。", "mediator": "刘建华"}


def add_case(d, tmp, doc: dict) -> str:
    f = tmp / f"case-{d.name}-{doc['applicants'][0]['name']}.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return cli(d, "case", "add", str(f), "--json").json()["case_no"]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("district")
    room_a, room_b, sup = tmp / "room_a", tmp / "room_b", tmp / "sup"
    cli(room_a, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    cli(room_b, "init", "--org", "河西区友谊路街道调解委员会", "--org-code", "HX")
    cli(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor")
    for room in (room_a, room_b):
        enrol(room, sup, tmp)
        enrol(sup, room, tmp)
    recent = clock.today() - timedelta(days=2)
    # Room A records the credit code; room B only the name, spelled differently.
    add_case(room_a, tmp, _case(recent, ["张三"], name=EMPLOYER, uscc=USCC))
    add_case(room_b, tmp, _case(recent, ["李四"], name="天津鑫达建筑工程有限公司 ", uscc=None))
    collective = add_case(room_b, tmp, _case(recent, ["王五", "赵六"], name="天津恒通物流有限公司", uscc=None,
                                             workers=12))
    files = [export(room_a, tmp / "a"), export(room_b, tmp / "b")]
    assert [r["status"] for r in sync_import(sup, *files)] == ["imported", "imported"]
    return {"tmp": tmp, "room_a": room_a, "room_b": room_b, "sup": sup, "collective": collective}


def test_rooms_lists_each_room_with_its_open_cases(district):
    rows = {r["org_code"]: r for r in cli(district["sup"], "rooms", "--json").json()}
    assert set(rows) == {"HP", "HX"}
    assert (rows["HP"]["open"], rows["HX"]["open"]) == (1, 2)
    assert rows["HX"]["collective_open"] == 1
    assert rows["HP"]["days_since"] == 0 and rows["HP"]["stale"] is False
    assert rows["HP"]["held"] == 0 and "今天收到同步包" in rows["HP"]["sync_words"]
    text = cli(district["sup"], "rooms").out
    assert "河西区友谊路街道调解委员会（HX）" in text and "在办2件" in text


def test_rooms_stale_setting_and_export(district):
    out = district["tmp"] / "rooms.xlsx"
    bad = run_cli(district["sup"], "rooms", "--stale-days", "0", env=ENV)
    assert bad.code == 2 and bad.err.startswith("E_STALE_DAYS")
    rows = cli(district["sup"], "rooms", "--stale-days", "1", "--json", "--out", str(out)).json()
    assert all(not r["stale"] for r in rows)   # reported today: within one day
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "调解组织" and {sheet["B2"].value, sheet["B3"].value} == {"HP", "HX"}


def test_rooms_is_the_districts(district):
    r = run_cli(district["room_a"], "rooms", env=ENV)
    assert r.code == 2 and r.err.startswith("E_ROLE")


def test_risk_shows_the_same_employer_in_two_rooms(district):
    entries = cli(district["sup"], "risk", "--json").json()
    same = [e for e in entries if e["source"] == "case" and rooms_reason(2) in e["risk"]["reasons"]]
    assert {e["org_code"] for e in same} == {"HP", "HX"}
    assert all(e["risk"]["level"] in ("orange", "red") for e in same)
    collective = next(e for e in entries if e.get("case_no") == district["collective"])
    assert collective["risk"]["level"] == "red"   # collective wage arrears
    red = cli(district["sup"], "risk", "--json", "--level", "red").json()
    assert [e["case_no"] for e in red if e["source"] == "case"] == [district["collective"]]
    text = cli(district["sup"], "risk").out
    assert "同一用人单位：" + EMPLOYER in text


def test_risk_refuses_an_unknown_level_and_exports(district):
    bad = run_cli(district["sup"], "risk", "--level", "purple", env=ENV)
    assert bad.code == 2 and bad.err.startswith("E_ARGUMENT")
    out = district["tmp"] / "risk.xlsx"
    cli(district["sup"], "risk", "--out", str(out))
    wb = load_workbook(out)
    assert "同一用人单位" in wb.sheetnames
    ws = wb["同一用人单位"]
    assert ws["A2"].value == EMPLOYER and ws["C2"].value == 2


def test_room_risk_lists_its_own_cases(district):
    entries = cli(district["room_b"], "risk", "--json").json()
    assert {e["case_no"] for e in entries if e["source"] == "case"} >= {district["collective"]}
    assert all(rooms_reason(2) not in e["risk"]["reasons"] for e in entries if e["source"] == "case")


def test_cases_org_lists_one_rooms_cases(district):
    hx = cli(district["sup"], "cases", "--org", "HX", "--json").json()
    assert len(hx) == 2 and district["collective"] in {c["case_no"] for c in hx}
    assert len(cli(district["sup"], "cases", "--json").json()) == 3
    bad = run_cli(district["sup"], "cases", "--org", "NOPE", env=ENV)
    assert bad.code == 2 and bad.err.startswith("E_ORG_NOT_FOUND")


def test_report_by_room(district):
    out = district["tmp"] / "by-room.json"
    start = (clock.today() - timedelta(days=40)).isoformat()
    cli(district["sup"], "report", "--from", start, "--to", clock.today().isoformat(), "--out", str(out),
        "--by", "room")
    data = json.loads(out.read_text(encoding="utf-8"))
    by = {r["org_code"]: r for r in data["organisations"]}
    assert (by["HP"]["received"], by["HX"]["received"], data["total"]["received"]) == (1, 2, 3)
    xlsx = district["tmp"] / "by-room.xlsx"
    cli(district["sup"], "report", "--from", start, "--to", clock.today().isoformat(), "--out", str(xlsx),
        "--by", "room")
    charts = [c for ws in load_workbook(xlsx).worksheets for c in ws._charts]
    assert charts, "the workbook has native charts"


def test_a_correction_request_stays_open_until_the_room_answers(district):
    sup, room, tmp = district["sup"], district["room_a"], district["tmp"]
    case_no = cli(room, "cases", "--json").json()[0]["case_no"]
    cli(sup, "remark", "--correction", case_no, "请补充申请人的联系电话")
    cli(sup, "notice", "--title", "关于春节前欠薪排查的通知", "--body", "请于本月底前完成排查。")
    down_file = cli(sup, "sync", "export", "--out", str(tmp / "down-a"), "--to", "HP", "--json").json()["file"]
    (down,) = sync_import(room, down_file)
    assert down["status"] == "imported"
    (remark,) = cli(room, "case", "show", case_no, "--json").json()["remarks"]
    assert remark["open"] and remark["kind"] == "correction" and remark["answers"] == []
    refused = run_cli(room, "remark", "answer", "0000000000", "已补充", env=ENV)
    assert refused.code == 2 and refused.err.startswith("E_REMARK_NOT_FOUND")
    assert run_cli(sup, "remark", "answer", remark["id"], "答复", env=ENV).err.startswith("E_ROLE")
    cli(room, "remark", "answer", remark["id"][:8], "已补充电话13812345678")
    assert not cli(room, "case", "show", case_no, "--json").json()["remarks"][0]["open"]
    (up,) = sync_import(sup, export(room, tmp / "up-a"))
    assert up["status"] == "imported"
    (seen,) = cli(sup, "case", "show", case_no, "--json").json()["remarks"]
    assert not seen["open"] and [a["text"] for a in seen["answers"]] == ["已补充电话13812345678"]
    assert "答复" in cli(sup, "case", "show", case_no).out


def test_report_docx_with_chart_pictures_from_the_command_line(district):
    from docx import Document

    out = district["tmp"] / "统计报告.docx"
    start = (clock.today() - timedelta(days=40)).isoformat()
    # No display and no platform chosen: the command line draws offscreen by itself.
    r = run_cli(district["sup"], "report", "--from", start, "--to", clock.today().isoformat(), "--out", str(out),
                "--by", "room", env={**ENV, "QT_QPA_PLATFORM": "", "DISPLAY": ""})
    assert r.code == 0, r.err
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "和平区人力资源和社会保障局" in text and "本期共收案3件" in text
    pictures = [rel for rel in doc.part.rels.values() if "image" in rel.reltype]
    assert len(pictures) == 4 and all(p.target_part.blob.startswith(b"\x89PNG") for p in pictures)
    bad = run_cli(district["sup"], "report", "--from", start, "--to", clock.today().isoformat(), "--out",
                  str(out), "--by", "weekday", env=ENV)
    assert bad.code == 2 and "E_ARGUMENT: 参数 --by" in bad.err

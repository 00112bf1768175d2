"""The programme's registers through the real command line: a room keeps them, refuses bad input
with exit 2 and a coded Chinese message, and the district sees them after a package; a promoted
typical case comes back down."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx

from .cli import run_cli

ENV = {"MEDIATION_DESKTOP_PASSPHRASE": "口令 2026"}
ROOT = Path(__file__).resolve().parents[2]

CLOSED_CASE = r"""
import sys
sys.path.insert(0, sys.argv[2])
from mediation_desktop.services.backend import Backend
from tests.unit.programme_helpers import closed_case
backend = Backend.open(sys.argv[1], "刘建华")
print(closed_case(backend).case_no)
backend.close()
"""


def cli(d, *args):
    r = run_cli(d, *args, env=ENV)
    assert r.code == 0, (args, r.err)
    return r


def refused(d, code: str, *args):
    r = run_cli(d, *args, env=ENV)
    assert r.code == 2, (args, r.out, r.err)
    assert r.err.startswith(code + ":"), r.err
    assert "Traceback" not in r.err
    return r


def enrol(a, b, tmp):
    card = tmp / f"{a.name}.card"
    fp = cli(a, "keys", "export", "--out", str(card), "--json").json()["fingerprint"]
    cli(b, "keys", "trust", str(card), "--fingerprint", fp)


def _text(path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])


def test_programme_registers_on_the_command_line(tmp_path):
    room, sup = tmp_path / "room", tmp_path / "sup"
    cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    cli(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor")
    enrol(room, sup, tmp_path)
    enrol(sup, room, tmp_path)

    assert cli(room, "mediators", "add", "王建国", "--background", "律师", "--phone", "13800001111",
               "--json").json()["background"] == "lawyer"
    refused(room, "E_MEDIATOR_EXISTS", "mediators", "add", "王建国")
    refused(room, "E_MEDIATOR_BACKGROUND", "mediators", "add", "李四", "--background", "老板")
    cli(room, "mediators", "add", "孙丽华", "--background", "工会干部")
    cli(room, "mediators", "retire", "孙丽华")
    refused(room, "E_MEDIATOR_NOT_FOUND", "mediators", "retire", "无名")
    cli(room, "training", "add", "--mediator", "王建国", "--course", "调解技巧", "--hours", "1.5", "--on", "2026-04-01")
    refused(room, "E_TRAINING_HOURS", "training", "add", "--mediator", "王建国", "--course", "x", "--hours", "1.55",
            "--on", "2026-04-01")
    refused(room, "E_MEDIATOR_NOT_FOUND", "training", "add", "--mediator", "无名", "--course", "x", "--hours", "1",
            "--on", "2026-04-01")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    added = cli(room, "outreach", "add", "--on", "2026-05-01", "--title", "普法进企业", "--audience", "60",
                "--enterprise", "宏图建筑", "--photo", str(photo), "--json").json()
    assert [p["file_name"] for p in added["photos"]] == ["现场.jpg"]
    refused(room, "E_PHOTO_TYPE", "outreach", "add", "--on", "2026-05-01", "--title", "x", "--photo", str(tmp_path / "a.txt"))
    refused(room, "E_COUNT", "outreach", "add", "--on", "2026-05-01", "--title", "x", "--audience", "很多")
    screening = cli(room, "screening", "add", "--enterprise", "宏图建筑工程有限公司", "--on", "2026-05-02",
                    "--level", "red", "--findings", "两个月未发工资", "--check", "wage_arrears", "--workers", "40",
                    "--json").json()
    assert screening["checks"] == "wage_arrears"
    refused(room, "E_SCREENING_CHECK", "screening", "add", "--enterprise", "x", "--on", "2026-05-02", "--level", "red",
            "--findings", "x", "--check", "bribery")
    refused(room, "E_SCREENING_LEVEL", "screening", "add", "--enterprise", "x", "--on", "2026-05-02",
            "--level", "black", "--findings", "x")
    assert [s["level"] for s in cli(room, "screening", "list", "--json").json()] == ["red"]

    report = tmp_path / "快报.docx"
    cli(room, "alert", "--screening", screening["id"], "--out", str(report))
    assert "宏图建筑工程有限公司" in _text(report) and "40" in _text(report)
    refused(room, "E_OUTPUT_PATH", "alert", "--screening", screening["id"], "--out", str(tmp_path / "无此目录" / "a.docx"))
    refused(room, "E_ARGUMENT", "alert", "--out", str(report))

    case_no = subprocess.run([sys.executable, "-c", CLOSED_CASE, str(room), str(ROOT)], check=True, text=True,
                             capture_output=True, env={**__import__("os").environ, **ENV}).stdout.strip()
    refused(room, "E_ALERT_NOT_URGENT", "alert", case_no, "--out", str(tmp_path / "b.docx"))
    typical = cli(room, "typical", "add", case_no, "--json").json()
    whole = str(typical)
    for secret in ("张伟明", "李秀英", "顺达", "天津市顺达物流有限公司", "13812345678", case_no):
        assert secret not in whole
    assert "某物流公司" in whole
    refused(room, "E_CASE_NOT_FOUND", "typical", "add", "不存在的案号")
    refused(room, "E_TYPICAL_LEAK", "typical", "edit", typical["id"], "--experience", "张伟明多次讨薪")
    cli(room, "typical", "edit", typical["id"], "--experience", "先核对考勤和工资表。")
    assert cli(room, "typical", "show", typical["id"], "--json").json()["experience"] == "先核对考勤和工资表。"
    out = tmp_path / "典型案例.docx"
    cli(room, "typical", "export", typical["id"], "--out", str(out))
    assert typical["title"] in _text(out)

    mine = cli(room, "mediators", "list", "--json").json()
    assert [(m["name"], m["active"]) for m in mine] == [("孙丽华", False), ("王建国", True)]
    mine = [m for m in mine if m["active"]]
    assert {"name", "org_code", "background", "training_hours", "cases_handled", "agreements", "overdue"} <= set(mine[0])
    assert (mine[0]["name"], mine[0]["org_code"], mine[0]["training_hours"]) == ("王建国", "HP", 1.5)
    first_quarter = {m["name"]: m for m in cli(room, "mediators", "list", "--from", "2026-01-01", "--to", "2026-03-31",
                                              "--json").json()}
    assert first_quarter["王建国"]["training_hours"] == 0 and first_quarter["王建国"]["cases_handled"] == 1
    refused(room, "E_DATE", "mediators", "list", "--from", "2026-13-01")

    package = cli(room, "sync", "export", "--out", str(tmp_path / "up"), "--json").json()
    assert package["records"]["urgent_report"] == 1
    cli(sup, "sync", "import", package["file"])
    seen = cli(sup, "mediators", "list", "--json").json()
    assert [(m["name"], m["org_code"], m["training_hours"], m["cases_handled"]) for m in seen] == [
        ("孙丽华", "HP", 0, 0), ("王建国", "HP", 1.5, 1)]
    alerts = cli(sup, "alerts", "--json").json()
    assert [(a["org_code"], a["seen"]) for a in alerts] == [("HP", False)]
    assert cli(sup, "alerts", "--seen", alerts[0]["id"], "--json").json()[0]["seen"] is True
    refused(sup, "E_NOT_FOUND", "alerts", "--seen", "no-such-report")
    refused(sup, "E_MEDIATION_ORG_TYPE", "orgs", "add", "x", "--type", "协会")
    refused(room, "E_ROLE", "orgs", "add", "x", "--type", "新业态")
    cli(sup, "orgs", "add", "恒通科技企业调解委员会", "--type", "企业调解委员会", "--mediators", "3")
    orgs = cli(sup, "orgs", "list", "--json").json()
    assert {o["name"] for o in orgs} == {"恒通科技企业调解委员会", "和平区劳动人事争议调解中心"}
    cli(sup, "typical", "promote", typical["id"])
    down = cli(sup, "sync", "export", "--out", str(tmp_path / "down"), "--json").json()
    cli(room, "sync", "import", down["file"])
    listed = cli(room, "typical", "list", "--json").json()
    assert [(t["id"], t["promoted"]) for t in listed] == [(typical["id"], True)]

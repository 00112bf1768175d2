"""Every leaf command of the command line, run at least once end to end in a real subprocess.

The leaves are read from the real parser; ``test_every_leaf_command_is_driven`` fails when a command
exists that no test here drives, so a new command arrives with its test. Each test declares the
leaves it drives (``@drives``) and the ``cli`` fixture checks, after the test, that every declared
leaf was really run and succeeded at least once.

The register is built once: a mediation room with 200 made-up cases in every stage (``demo``) plus
cases worked through the lifecycle commands here, and its district supervisor, enrolled both ways.
Tests that change the register for good (restore, revoke) work on a copy.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from mediation_desktop import cli as cli_module

from .cli import run_cli

ENV = {"MEDIATION_DESKTOP_PASSPHRASE": "和平区 2026 口令", "MEDIATION_DESKTOP_USER_PASSWORD": "Correct-Horse-9"}
EMPLOYER = "天津鑫达建筑工程有限公司"


def parser_leaves() -> set[str]:
    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield " ".join(prefix)
            return
        for action in subs:
            for name, sub in action.choices.items():
                yield from walk(sub, (*prefix, name))

    return set(walk(cli_module.build_parser(), ()))


LEAVES = parser_leaves()
DRIVES: dict[str, set[str]] = {}


def drives(*leaves: str):
    def mark(fn):
        DRIVES[fn.__name__] = set(leaves)
        return fn

    return mark


def leaf_of(args: tuple[str, ...]) -> str:
    two = " ".join(args[:2])
    return two if two in LEAVES else args[0]


class Driver:
    def __init__(self) -> None:
        self.succeeded: set[str] = set()

    def __call__(self, d: Path, *args: str, code: int = 0):
        r = run_cli(d, *args, env=ENV)
        assert r.code == code, (args, r.code, r.err)
        assert "Traceback" not in r.err
        if code == 0:
            self.succeeded.add(leaf_of(args))
        return r


SETUP = Driver()  # what the shared register's fixture runs (init, demo, keys export/trust, sync)


@pytest.fixture
def cli(request):
    driver = Driver()
    yield driver
    declared = DRIVES.get(request.node.originalname, set())
    ran = driver.succeeded | (SETUP.succeeded if "nodes" in request.fixturenames else set())
    assert declared <= ran, f"declared but never run successfully: {sorted(declared - ran)}"


def test_every_leaf_command_is_driven():
    driven = set().union(*DRIVES.values())
    assert len(LEAVES) >= 35
    assert sorted(LEAVES - driven) == [], "add a test that drives these commands"
    assert sorted(driven - LEAVES) == [], "these commands no longer exist"


# --- the register -------------------------------------------------------------------------------

def _case_document(name: str, received_on: str, workers: int | None = None) -> dict:
    return {
        "received_on": received_on, "channel": "written",
        "applicants": [{"name": name, "phone": "13812345678", "address": "天津市和平区南京路1号"}],
        "respondent": {"name": EMPLOYER, "uscc": "91350100M000100Y43", "address": "天津市和平区贵州路8号",
                       "legal_representative": "王建国", "phone": "022-23456789"},
        "workers_involved": workers or 1, "dispute_types": ["wages"],
        "claims": [{"dispute_type": "wages", "description": "支付拖欠工资", "amount": "36800.50"}],
        "facts": f"{name}在被申请人处工作，被拖欠工资三个月。", "mediator": "刘建华", "court_case_no": None,
    }


AGREEMENT = {"signed_on": "2026-09-25", "effective_on": "2026-09-25", "tax": "after_tax",
             "items": [{"payer": EMPLOYER, "payee": "张三", "content": "支付拖欠工资", "amount": "36800.50",
                        "due": "2026-10-15", "method": "银行转账", "account": "中国工商银行天津和平支行 6222000011112222"}],
             "other_terms": "双方再无其他劳动争议。"}


def _ok(d: Path, *args: str):
    return SETUP(d, *args)


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """(room, supervisor): demo cases in every stage at the room, enrolled both ways, one package
    already received by the supervisor."""
    base = tmp_path_factory.mktemp("every")
    room, sup = base / "room", base / "sup"
    _ok(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    _ok(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor")
    _ok(room, "demo", "--cases", "200")
    for a, b in ((room, sup), (sup, room)):
        card = base / f"{a.name}.card"
        fp = _ok(a, "keys", "export", "--out", str(card), "--json").json()["fingerprint"]
        _ok(b, "keys", "trust", str(card), "--fingerprint", fp)
    package = _ok(room, "sync", "export", "--out", str(base / "stick0"), "--json").json()["file"]
    _ok(sup, "sync", "import", package)
    return room, sup


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def copy_of(d: Path, tmp_path: Path) -> Path:
    target = tmp_path / d.name
    shutil.copytree(d, target)
    return target


# --- tests ----------------------------------------------------------------------------------------

@drives("init", "demo", "cases", "case show", "deadlines", "org show", "org set")
def test_register_listing_and_organisation(cli, tmp_path):
    d = tmp_path / "fresh"
    assert cli(d, "init", "--org", "河西区劳动人事争议调解中心", "--org-code", "HX", "--json").json()["org_code"] == "HX"
    assert cli(d, "demo", "--cases", "200", "--json").json()["created"] == 200
    listed = cli(d, "cases", "--json").json()
    assert len(listed) == 200
    stages = {c["stage"] for c in listed}
    assert {"mediating", "closed"} <= stages and len(stages) >= 3
    open_case = next(c for c in listed if c["status"] == "mediating")
    shown = cli(d, "case", "show", open_case["case_no"], "--json").json()
    assert shown["id"] == open_case["id"] and "deadlines" in shown
    cli(d, "deadlines", "--on", "2026-12-31", "--json").json()
    assert cli(d, "org", "show", "--json").json()["code"] == "HX"
    cli(d, "org", "set", "--address", "天津市河西区友谊路1号", "--phone", "022-88889999")
    org = cli(d, "org", "show", "--json").json()
    assert (org["address"], org["phone"]) == ("天津市河西区友谊路1号", "022-88889999")


@drives("case add", "case accept", "case session", "case schedule", "case extend", "case agree", "case pay", "case close",
        "case reject", "case end", "doc")
def test_a_case_worked_from_registration_to_closure(cli, tmp_path):
    d = tmp_path / "room"
    cli(d, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")

    def add(name: str) -> str:
        f = tmp_path / f"{name}.json"
        f.write_text(json.dumps(_case_document(name, "2026-09-01"), ensure_ascii=False), encoding="utf-8")
        return cli(d, "case", "add", str(f), "--json").json()["case_no"]

    no = add("张三")
    assert cli(d, "case", "accept", no, "--on", "2026-09-02", "--mediator", "刘建华", "--json").json()["status"] == "mediating"
    session = cli(d, "case", "session", no, "--on", "2026-09-10", "--place", "调解室", "--present", "双方当事人",
                  "--notes", "双方同意分期支付", "--json").json()
    assert len(session["sessions"]) == 1
    from mediation_desktop.core.clock import today

    booked = cli(d, "case", "schedule", no, "--on", today().isoformat(), "--at", "9:30", "--place", "调解室",
                 "--json").json()
    assert booked["next_session"] == {"on": today().isoformat(), "at": "09:30", "place": "调解室"}
    extended = cli(d, "case", "extend", no, "--until", "2026-10-02", "--agreed-on", "2026-09-15", "--json").json()
    assert extended["deadlines"]["mediation_due"] == "2026-10-02"
    agreement = tmp_path / "agreement.json"
    agreement.write_text(json.dumps(AGREEMENT, ensure_ascii=False), encoding="utf-8")
    agreed = cli(d, "case", "agree", no, str(agreement), "--json").json()
    assert agreed["outcome"] == "agreement"
    cli(d, "case", "pay", no, "--item", "1", "--amount", "36800.50", "--on", "2026-10-10", "--json")
    out = tmp_path / "协议书.docx"
    cli(d, "doc", no, "agreement", "--out", str(out))
    text = docx_text(out)
    assert no in text and "张三" in text and "叁万陆仟捌佰元伍角" in text
    assert cli(d, "case", "close", no, "--on", "2026-10-20", "--json").json()["status"] == "closed"

    refused = add("李四")
    assert cli(d, "case", "reject", refused, "--reason", "不属于劳动争议", "--on", "2026-09-02", "--json").json()[
        "outcome"] == "not_accepted"
    ended = add("王五")
    cli(d, "case", "accept", ended, "--on", "2026-09-02")
    assert cli(d, "case", "end", ended, "--outcome", "withdrawn", "--on", "2026-09-05", "--json").json()[
        "outcome"] == "withdrawn"


@drives("ledger template", "ledger import", "ledger review", "ledger undo", "calendar import")
def test_ledger_and_calendar(cli, tmp_path):
    d = tmp_path / "room"
    cli(d, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    template = tmp_path / "台账模板.xlsx"
    cli(d, "ledger", "template", "--out", str(template))
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    row = {"收案日期": "2026-03-02", "申请人": "赵六", "被申请人": EMPLOYER, "争议类型": "劳动报酬", "请求金额": 5000}
    ws.append([row.get(h) for h in header])
    filled = tmp_path / "台账.xlsx"
    wb.save(filled)
    report = cli(d, "ledger", "import", str(filled), "--json").json()
    assert report["imported"] >= 1 and report["rejected"] == 0
    assert cli(d, "ledger", "review", "--json").json()["count"] == 1     # open since March: to review
    old = tmp_path / "旧台账.csv"
    old.write_text("序号,收案日期,申请人,被申请人,调解结果\n9,2025-01-02,钱七,天津某公司,在办\n", encoding="utf-8")
    cli(d, "ledger", "import", str(old))
    assert cli(d, "ledger", "undo", "--json").json()["removed"] == 1
    cli(d, "ledger", "import", str(old))
    (pending,) = [c for c in cli(d, "ledger", "review", "--json").json()["cases"] if c["ledger_no"] == "9"]
    cli(d, "ledger", "review", "close", pending["case_no"], "--outcome", "撤回")
    assert cli(d, "ledger", "review", "--json").json()["count"] == 1
    assert cli(d, "ledger", "undo", code=2).err.startswith("E_UNDO_REFUSED")
    table = tmp_path / "2027.json"
    table.write_text(json.dumps({"year": 2027, "source": "测试", "holidays": ["2027-01-01"], "workdays": []}),
                     encoding="utf-8")
    assert cli(d, "calendar", "import", str(table), "--json").json()["year"] == 2027


@drives("keys export", "keys trust", "keys list", "sync export", "sync import", "sync status", "remark",
        "sync conflicts", "sync resolve", "notice", "notices", "report", "key-enterprises import",
        "key-enterprises list")
def test_district_and_room_exchange(cli, nodes, tmp_path):
    room, sup = (copy_of(n, tmp_path) for n in nodes)
    peers = cli(room, "keys", "list", "--json").json()
    assert any(p.get("org_code") == "D01" for p in (peers["peers"] if isinstance(peers, dict) else peers))
    assert cli(sup, "sync", "status", "--json").json()["peers"][0]["cases"] == 200

    # The district asks for a correction; the room changes the case before answering: a conflict.
    case = next(c for c in cli(room, "cases", "--status", "mediating", "--json").json())
    cli(sup, "remark", "--correction", case["case_no"], "请补充申请人的联系电话")
    cli(sup, "notice", "--title", "关于春节前欠薪案件的通知", "--body", "请优先办理春节前的欠薪案件。")
    down = cli(sup, "sync", "export", "--out", str(tmp_path / "down"), "--json").json()["file"]
    assert cli(room, "sync", "import", down, "--json").json()[0]["status"] == "imported"
    titles = json.dumps(cli(room, "notices", "--json").json(), ensure_ascii=False)
    assert "关于春节前欠薪案件的通知" in titles
    cli(room, "case", "session", case["case_no"], "--on", case["accepted_on"], "--notes", "再次调解")
    up = cli(room, "sync", "export", "--out", str(tmp_path / "up"), "--json").json()["file"]
    cli(sup, "sync", "import", up)
    conflicts = cli(sup, "sync", "conflicts", "--json").json()
    conflicts = conflicts["conflicts"] if isinstance(conflicts, dict) else conflicts
    assert len(conflicts) == 1
    cli(sup, "sync", "resolve", conflicts[0]["id"], "--noted")
    remaining = cli(sup, "sync", "conflicts", "--json").json()
    assert (remaining["conflicts"] if isinstance(remaining, dict) else remaining) == []

    out = tmp_path / "报表.json"
    cli(sup, "report", "--from", "2000-01-01", "--to", "2099-12-31", "--out", str(out))
    rows = json.loads(out.read_text(encoding="utf-8"))["organisations"]
    assert any(r.get("org_code") == "HP" for r in rows)

    listing = tmp_path / "重点企业.csv"
    listing.write_text(f"统一社会信用代码,名称\n91350100M000100Y43,{EMPLOYER}\n", encoding="utf-8")
    cli(sup, "key-enterprises", "import", str(listing))
    assert EMPLOYER in json.dumps(cli(sup, "key-enterprises", "list", "--json").json(), ensure_ascii=False)


@drives("rooms", "risk")
def test_the_district_desk(cli, nodes, tmp_path):
    room, sup = nodes   # read only: neither command changes the register
    rows = cli(sup, "rooms", "--json").json()
    assert [r["org_code"] for r in rows] == ["HP"] and rows[0]["cases"] == 200
    assert cli(room, "rooms", code=2).err.startswith("E_ROLE")
    entries = cli(sup, "risk", "--json").json()
    assert {e["source"] for e in entries} <= {"case", "screening", "urgent_report"}
    red = cli(room, "risk", "--json", "--level", "red").json()
    assert all((e.get("risk") or e)["level"] == "red" for e in red)


@drives("keys revoke")
def test_a_revoked_peer_gets_no_more_packages(cli, nodes, tmp_path):
    room, _ = (copy_of(n, tmp_path) for n in nodes)
    cli(room, "keys", "revoke", "D01")
    refused = cli(room, "sync", "export", "--out", str(tmp_path / "out"), code=2)
    assert refused.err.startswith(("E_PEER_REVOKED", "E_SYNC_NO_RECIPIENT"))


@drives("backup", "check", "restore")
def test_backup_check_and_restore(cli, nodes, tmp_path):
    room = copy_of(nodes[0], tmp_path)
    before = cli(room, "cases", "--json").json()
    backup = tmp_path / "备份.sqlite3"
    cli(room, "backup", "--out", str(backup))
    assert backup.stat().st_size > 0
    cli(room, "check", "--json")
    cli(room, "demo", "--cases", "1", code=2)  # a synced register takes no made-up cases
    f = tmp_path / "new.json"
    f.write_text(json.dumps(_case_document("孙七", "2026-11-02"), ensure_ascii=False), encoding="utf-8")
    cli(room, "case", "add", str(f))
    assert len(cli(room, "cases", "--json").json()) == len(before) + 1
    cli(room, "restore", str(backup), "--json")
    assert cli(room, "cases", "--json").json() == before


@drives("users add", "users list", "users passwd", "users disable", "users enable", "users role")
def test_user_accounts(cli, tmp_path):
    d = tmp_path / "room"
    cli(d, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    cli(d, "users", "add", "管理员甲", "--role", "admin", "--json")
    cli(d, "users", "add", "刘建华", "--role", "mediator", "--display-name", "刘建华")
    names = json.dumps(cli(d, "users", "list", "--json").json(), ensure_ascii=False)
    assert "刘建华" in names and "管理员甲" in names
    cli(d, "users", "passwd", "刘建华")
    cli(d, "users", "role", "刘建华", "head")
    cli(d, "users", "disable", "刘建华")
    listed = cli(d, "users", "list", "--json").json()
    text = json.dumps(listed, ensure_ascii=False)
    assert "head" in text
    cli(d, "users", "enable", "刘建华")


@drives("templates list", "templates preview", "templates accept", "templates decline")
def test_templates_offered_by_the_district(cli, nodes, tmp_path):
    from docx import Document

    from mediation_desktop.documents import builtin_template_dir

    room, sup = (copy_of(n, tmp_path) for n in nodes)
    (sup / "templates").mkdir(exist_ok=True)
    for kind, text in (("agreement", "本协议依区统一格式制作"), ("service", "送达回证依区统一格式制作")):
        document = Document(str(builtin_template_dir() / f"{kind}.docx"))
        document.add_paragraph(text)
        document.save(str(sup / "templates" / f"{kind}.docx"))
    down = cli(sup, "sync", "export", "--out", str(tmp_path / "down"), "--json").json()["file"]
    cli(room, "sync", "import", down)
    offers = cli(room, "templates", "list", "--json").json()["offers"]
    assert {o["name"]: o["status"] for o in offers} == {"agreement.docx": "offered", "service.docx": "offered"}
    preview = tmp_path / "预览.docx"
    cli(room, "templates", "preview", "agreement", "--out", str(preview))
    assert "本协议依区统一格式制作" in "\n".join(p.text for p in Document(str(preview)).paragraphs)
    cli(room, "templates", "accept", "agreement")
    cli(room, "templates", "decline", "service")
    after = cli(room, "templates", "list", "--all", "--json").json()["offers"]
    assert {o["name"]: o["status"] for o in after} == {"agreement.docx": "accepted", "service.docx": "declined"}
    assert (room / "templates" / "agreement.docx").is_file()


# --- the programme's registers (docs/programme.md) ------------------------------------------------

def _demo_cases(d: Path, cli) -> list[dict]:
    return cli(d, "cases", "--json").json()


@drives("mediators add", "mediators list", "mediators retire", "training add", "training list", "training target",
        "outreach add", "outreach list", "screening add", "screening list", "screening close", "screening season",
        "alert", "typical add", "typical show", "typical edit", "typical export")
def test_a_rooms_programme_registers(cli, nodes, tmp_path):
    room = copy_of(nodes[0], tmp_path)
    cases = _demo_cases(room, cli)

    # The roster: a demo mediator's figures are the demo cases received this year under that name.
    name = next(c["mediator"] for c in cases if c["mediator"] and c["received_on"].startswith("2026"))
    assert cli(room, "mediators", "add", name, "--background", "专职", "--json").json()["background"] == "full_time"
    assert cli(room, "mediators", "add", name, code=2).err.startswith("E_MEDIATOR_EXISTS")
    cli(room, "mediators", "add", "孙丽华", "--background", "工会干部", "--appointed", "2026-03-01")
    cli(room, "mediators", "retire", "孙丽华")
    assert cli(room, "mediators", "retire", "无名氏", code=2).err.startswith("E_MEDIATOR_NOT_FOUND")
    cli(room, "training", "add", "--mediator", name, "--course", "调解技巧", "--hours", "2.5", "--on", "2026-04-01",
        "--organiser", "区人社")
    assert cli(room, "training", "add", "--mediator", name, "--course", "x", "--hours", "1.55", "--on", "2026-04-01",
               code=2).err.startswith("E_TRAINING_HOURS")
    records = cli(room, "training", "list", "--json").json()["records"]
    assert [(r["mediator"], r["course"], r["hours"]) for r in records] == [(name, "调解技巧", "2.5")]
    assert cli(room, "training", "target", "--json").json() == {"target_hours": 30}
    assert cli(room, "training", "target", "40", "--json").json() == {"target_hours": 40}
    assert cli(room, "training", "target", "0", code=2).err.startswith("E_TRAINING_TARGET")
    assert cli(room, "training", "target", "--json").json() == {"target_hours": 40}

    listed = cli(room, "mediators", "list", "--from", "2026-01-01", "--to", "2026-12-31", "--json").json()
    contract_keys = {"name", "org_code", "background", "training_hours", "cases_handled", "agreements", "overdue"}
    assert all(contract_keys <= set(m) for m in listed)
    by_name = {m["name"]: m for m in listed}
    assert set(by_name) == {name, "孙丽华"} and by_name["孙丽华"]["active"] is False
    mine = [c for c in cases if c["mediator"] == name and c["received_on"].startswith("2026")]
    assert (by_name[name]["org_code"], by_name[name]["background"], by_name[name]["training_hours"]) == (
        "HP", "full_time", 2.5)
    assert by_name[name]["cases_handled"] == len(mine) > 0
    assert by_name[name]["agreements"] == sum(c["outcome"] == "agreement" for c in mine)

    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    cli(room, "outreach", "add", "--on", "2026-05-01", "--title", "普法进企业", "--audience", "60", "--place", "园区",
        "--photo", str(photo))
    assert cli(room, "outreach", "add", "--on", "2026-05-01", "--title", "x", "--audience", "很多",
               code=2).err.startswith("E_COUNT")
    assert [(o["title"], o["audience"]) for o in cli(room, "outreach", "list", "--json").json()] == [("普法进企业", 60)]

    screening = cli(room, "screening", "add", "--enterprise", "宏图建筑工程有限公司", "--on", "2026-05-02",
                    "--level", "red", "--findings", "两个月未发工资", "--check", "wage_arrears", "--workers", "40",
                    "--json").json()
    assert cli(room, "screening", "add", "--enterprise", "x", "--on", "2026-05-02", "--level", "black",
               "--findings", "x", code=2).err.startswith("E_SCREENING_LEVEL")
    report = tmp_path / "排查快报.docx"
    cli(room, "alert", "--screening", screening["id"], "--measures", "已约谈企业负责人", "--out", str(report))
    assert "宏图建筑工程有限公司" in docx_text(report) and "已约谈企业负责人" in docx_text(report)
    cli(room, "screening", "close", screening["id"], "--follow-up", "工资已补发")
    (shown,) = cli(room, "screening", "list", "--json").json()
    assert (shown["id"], shown["level"], shown["status"]) == (screening["id"], "red", "closed")
    cli(room, "screening", "season", "11-15")
    assert "11-15" in cli(room, "screening", "season").out
    assert cli(room, "screening", "season", "13-45", code=2).err.startswith("E_SEASON_START")

    collective = next(c for c in cases if c["collective"])
    case_report = tmp_path / "案件快报.docx"
    cli(room, "alert", collective["case_no"], "--out", str(case_report))
    assert collective["respondent"]["name"] in docx_text(case_report)
    ordinary = next(c for c in cases if c["status"] == "closed" and c["outcome"] == "agreement" and not c["collective"])
    assert cli(room, "alert", ordinary["case_no"], "--out", str(tmp_path / "x.docx"), code=2).err.startswith(
        "E_ALERT_NOT_URGENT")

    open_case = next(c for c in cases if c["status"] == "mediating")
    assert cli(room, "typical", "add", open_case["case_no"], code=2).err.startswith("E_TYPICAL_NOT_CLOSED")
    typical = cli(room, "typical", "add", ordinary["case_no"], "--json").json()
    written = json.dumps(typical, ensure_ascii=False)
    for secret in (ordinary["case_no"], ordinary["respondent"]["name"], *(a["name"] for a in ordinary["applicants"])):
        assert secret not in written
    leaked = ordinary["applicants"][0]["name"] + "多次讨薪"
    assert cli(room, "typical", "edit", typical["id"], "--experience", leaked, code=2).err.startswith("E_TYPICAL_LEAK")
    cli(room, "typical", "edit", typical["id"], "--title", "欠薪案的分期调解", "--experience", "先核对考勤和工资表。")
    shown = cli(room, "typical", "show", typical["id"], "--json").json()
    assert (shown["title"], shown["experience"], shown["facts"]) == ("欠薪案的分期调解", "先核对考勤和工资表。",
                                                                       typical["facts"])
    out = tmp_path / "典型案例.docx"
    cli(room, "typical", "export", typical["id"], "--out", str(out))
    text = docx_text(out)
    assert "欠薪案的分期调解" in text and "先核对考勤和工资表。" in text and ordinary["respondent"]["name"] not in text


@drives("alerts", "orgs list", "orgs add", "training offer", "typical list", "typical promote", "screening reminder")
def test_the_programme_between_room_and_district(cli, nodes, tmp_path):
    room, sup = (copy_of(n, tmp_path) for n in nodes)
    cases = _demo_cases(room, cli)
    collective = next(c for c in cases if c["collective"])
    cli(room, "alert", collective["case_no"], "--out", str(tmp_path / "快报.docx"))
    ordinary = next(c for c in cases if c["status"] == "closed" and not c["collective"])
    typical = cli(room, "typical", "add", ordinary["case_no"], "--json").json()
    assert cli(room, "typical", "promote", typical["id"], code=2).err.startswith("E_TYPICAL_PROMOTE_ROLE")
    assert cli(room, "orgs", "add", "x", "--type", "新业态", code=2).err.startswith("E_ROLE")
    up = cli(room, "sync", "export", "--out", str(tmp_path / "up"), "--json").json()["file"]
    cli(sup, "sync", "import", up)

    alerts = cli(sup, "alerts", "--json").json()
    assert [(a["org_code"], a["seen"]) for a in alerts] == [("HP", False)]
    assert cli(sup, "alerts", "--seen", alerts[0]["id"], "--json").json()[0]["seen"] is True
    assert cli(sup, "alerts", "--seen", "no-such-report", code=2).err.startswith("E_NOT_FOUND")
    cli(sup, "orgs", "add", "恒通科技企业调解委员会", "--type", "企业调解委员会", "--mediators", "3")
    assert cli(sup, "orgs", "add", "x", "--type", "协会", code=2).err.startswith("E_MEDIATION_ORG_TYPE")
    orgs = {o["name"]: o for o in cli(sup, "orgs", "list", "--json").json()}
    assert set(orgs) == {"恒通科技企业调解委员会", "和平区劳动人事争议调解中心"}
    assert orgs["和平区劳动人事争议调解中心"]["org_code"] == "HP"
    cli(sup, "training", "offer", "--course", "集体争议调解实务", "--hours", "3", "--on", "2026-12-15")
    (at_district,) = cli(sup, "typical", "list", "--json").json()
    assert (at_district["id"], at_district["org_code"], at_district["promoted"]) == (typical["id"], "HP", False)
    cli(sup, "typical", "promote", typical["id"])
    assert cli(sup, "typical", "promote", typical["id"], code=2).err.startswith("E_TYPICAL_PROMOTED")
    assert [t["promoted"] for t in cli(sup, "typical", "list", "--json").json() if t["id"] == typical["id"]] == [True]
    enterprise = next(c["respondent"] for c in cases if c["respondent"].get("uscc"))
    listing = tmp_path / "重点企业.csv"
    listing.write_text(f"统一社会信用代码,名称\n{enterprise['uscc']},{enterprise['name']}\n", encoding="utf-8")
    cli(sup, "key-enterprises", "import", str(listing))
    down = cli(sup, "sync", "export", "--out", str(tmp_path / "down"), "--json").json()["file"]
    cli(room, "sync", "import", down)

    assert [(t["id"], t["promoted"]) for t in cli(room, "typical", "list", "--json").json()] == [(typical["id"], True)]
    offered = cli(room, "training", "list", "--json").json()["courses"]
    assert [(c["course"], c["hours"]) for c in offered] == [("集体争议调解实务", "3")]
    before = cli(room, "screening", "reminder", "--on", "2026-12-10", "--json").json()
    assert [e["uscc"] for e in before["not_screened"]] == [enterprise["uscc"]]
    cli(room, "screening", "add", "--enterprise", enterprise["name"], "--uscc", enterprise["uscc"], "--on",
        "2026-12-05", "--level", "none", "--findings", "未发现风险")
    after = cli(room, "screening", "reminder", "--on", "2026-12-10", "--json").json()
    assert (after["listed"], after["not_screened"]) == (1, [])
    assert cli(room, "screening", "reminder", "--on", "2026-07-01", "--json").json() is None


@drives("mediators delete", "training delete", "outreach delete", "screening delete", "typical delete", "orgs delete")
def test_deleting_programme_records(cli, nodes, tmp_path):
    room, sup = (copy_of(n, tmp_path) for n in nodes)
    cli(room, "mediators", "add", "孙丽华")
    cli(room, "training", "add", "--mediator", "孙丽华", "--course", "调解技巧", "--hours", "2", "--on", "2026-04-01")
    assert cli(room, "mediators", "delete", "孙丽华", code=2).err.startswith("E_MEDIATOR_IN_USE")
    (record,) = cli(room, "training", "list", "--json").json()["records"]
    assert cli(room, "training", "delete", record["id"], "--json").json() == {
        "entity": "training", "id": record["id"], "label": "培训记录", "name": "孙丽华 2026-04-01 调解技巧（2学时）"}
    assert cli(room, "training", "delete", record["id"], code=2).err.startswith("E_NOT_FOUND")
    assert "孙丽华" in cli(room, "mediators", "delete", "孙丽华").out
    assert cli(room, "mediators", "list", "--json").json() == []
    event = cli(room, "outreach", "add", "--on", "2026-05-01", "--title", "普法进企业", "--json").json()
    cli(room, "outreach", "delete", event["id"])
    assert cli(room, "outreach", "list", "--json").json() == []
    check = cli(room, "screening", "add", "--enterprise", "宏图建筑工程有限公司", "--on", "2026-05-02", "--level", "red",
                "--findings", "两个月未发工资", "--json").json()
    cli(room, "alert", "--screening", check["id"], "--out", str(tmp_path / "快报.docx"))
    (report,) = cli(room, "alerts", "--json").json()
    assert cli(room, "alerts", "--delete", report["id"], "--json").json() == []
    assert cli(room, "alerts", "--delete", report["id"], code=2).err.startswith("E_NOT_FOUND")
    cli(room, "screening", "delete", check["id"])
    assert cli(room, "screening", "list", "--json").json() == []
    ordinary = next(c for c in _demo_cases(room, cli) if c["status"] == "closed" and not c["collective"])
    typical = cli(room, "typical", "add", ordinary["case_no"], "--json").json()
    cli(room, "typical", "delete", typical["id"])
    assert cli(room, "typical", "list", "--json").json() == []
    assert cli(room, "orgs", "delete", typical["id"], code=2).err.startswith("E_ROLE")
    org = cli(sup, "orgs", "add", "恒通科技企业调解委员会", "--type", "企业调解委员会", "--json").json()
    assert cli(sup, "orgs", "delete", org["id"], "--json").json()["name"] == "恒通科技企业调解委员会"
    assert [o["source"] for o in cli(sup, "orgs", "list", "--json").json()] == ["enrolled"]

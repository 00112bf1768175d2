"""The programme's use cases on a real database: what they keep, what they refuse (and that a
refusal changes nothing), the figures they compute and the documents they write."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from mediation_desktop.core import clock
from mediation_desktop.core.errors import UserError
from mediation_desktop.services import (
    mediation_orgs,
    mediators,
    outreach,
    screenings,
    training,
    typical_cases,
    urgent_reports,
)
from mediation_desktop.services.cases import CaseService
from mediation_desktop.storage import sync_repo

from .helpers import make_backend, walk_in
from .programme_helpers import EMPLOYER, USCC, closed_case
from .sync_helpers import dump, make_pair


def _refused(backend, code, fn, *args, **kw):
    before = dump(backend)
    with pytest.raises(UserError) as refused:
        fn(*args, **kw)
    assert refused.value.code == code, refused.value
    assert refused.value.message
    assert dump(backend) == before


def test_mediator_register_and_its_refusals(tmp_path):
    b = make_backend(tmp_path)
    mediators.add_mediator(b, "王建国", background="退休法官", phone="13800001111", appointed_on="2025-01-01")
    _refused(b, "E_MEDIATOR_EXISTS", mediators.add_mediator, b, " 王建国 ")
    _refused(b, "E_REQUIRED", mediators.add_mediator, b, "  ")
    _refused(b, "E_PHONE", mediators.add_mediator, b, "李四", phone="12345")
    _refused(b, "E_MEDIATOR_BACKGROUND", mediators.add_mediator, b, "李四", background="老板")
    _refused(b, "E_TEXT_BIDI", mediators.add_mediator, b, "李\u202e四")
    _refused(b, "E_TOO_LONG", mediators.add_mediator, b, "李" * 51)
    _refused(b, "E_MEDIATOR_NOT_FOUND", training.add_training, b, "赵六", "课程", "2", "2026-01-05")
    _refused(b, "E_TRAINING_HOURS", training.add_training, b, "王建国", "课程", "0", "2026-01-05")
    _refused(b, "E_DATE", training.add_training, b, "王建国", "课程", "2", "2026-02-30")
    _refused(b, "E_DATE_RANGE", training.add_training, b, "王建国", "课程", "2", "1900-01-01")
    assert [m["background_label"] for m in mediators.list_mediators(b)] == ["退休法官"]


def test_per_mediator_figures_for_a_period(tmp_path):
    b = make_backend(tmp_path)
    closed_case(b, mediator="王建国")
    service = CaseService(b)
    late = service.register(walk_in("赵六", received=date(2026, 3, 20)))
    service.accept(late.case_no, date(2026, 3, 30), "王建国")
    mediators.add_mediator(b, "王建国")
    mediators.add_mediator(b, "李四")
    training.add_training(b, "王建国", "调解技巧", "1.5", "2026-04-01")
    training.add_training(b, "王建国", "劳动法", "6", "2025-12-01")
    rows = {m["name"]: m for m in mediators.list_mediators(b, date(2026, 1, 1), date(2026, 12, 31),
                                                           today=date(2026, 6, 1))}
    wang = rows["王建国"]
    assert (wang["cases_handled"], wang["agreements"], wang["agreement_rate"]) == (2, 0, 0.0)
    assert wang["late_acceptances"] == 1 and wang["overdue"] == 1
    assert wang["avg_days_to_close"] == 10.0          # received 03-02, concluded 03-12
    assert wang["training_hours"] == 1.5              # the 2025 course is outside the period
    assert rows["李四"]["cases_handled"] == 0 and rows["李四"]["agreement_rate"] is None
    assert mediators.list_mediators(b, date(2025, 1, 1), date(2025, 12, 31))[1]["training_hours"] == 6
    _refused(b, "E_DATE_ORDER", mediators.list_mediators, b, date(2026, 2, 1), date(2026, 1, 1))
    assert mediators.match_mediator_name(b, "王建国（专职）") == "王建国"
    assert mediators.match_mediator_name(b, "某人") is None


def test_training_target_is_a_setting(tmp_path):
    b = make_backend(tmp_path)
    assert training.yearly_target(b) == 30
    assert training.set_yearly_target(b, "40") == 40 and training.yearly_target(b) == 40
    _refused(b, "E_TRAINING_TARGET", training.set_yearly_target, b, "0")
    _refused(b, "E_TRAINING_TARGET", training.set_yearly_target, b, "4.5")
    mediators.add_mediator(b, "王建国")
    training.add_training(b, "王建国", "劳动法", "40", clock.today().isoformat())
    assert [(p["name"], p["met"]) for p in training.progress(b)] == [("王建国", True)]


def test_screenings_feed_the_risk_list_until_closed(tmp_path):
    b = make_backend(tmp_path)
    red = screenings.add_screening(b, "宏图建筑", "2026-05-02", "red", "拖欠工资两个月，准备搬迁", workers="35")
    screenings.add_screening(b, "恒通科技", "2026-05-03", "yellow", "个别投诉")
    orange = screenings.add_screening(b, "嘉禾食品", "2026-05-04", "橙色", "集体投诉", checks=["collective_complaints"])
    assert red["checks"] == "wage_arrears,halted"     # read from the findings when no item is ticked
    assert [e["id"] for e in screenings.risk_entries(b)] == [red["id"], orange["id"]]
    assert [e["id"] for e in screenings.risk_entries(b, "orange")] == [orange["id"]]
    screenings.close_screening(b, red["id"], "已督促发放工资")
    assert [e["id"] for e in screenings.risk_entries(b)] == [orange["id"]]
    _refused(b, "E_USCC_CHECKSUM", screenings.add_screening, b, "某厂", "2026-05-02", "red", "x",
             uscc="91350100M000100Y44")
    _refused(b, "E_COUNT", screenings.add_screening, b, "某厂", "2026-05-02", "red", "x", workers="0")
    _refused(b, "E_SCREENING_LEVEL", screenings.add_screening, b, "某厂", "2026-05-02", "black", "x")
    _refused(b, "E_NOT_FOUND", screenings.close_screening, b, "no-such-id")


def test_the_season_reminder_lists_key_enterprises_not_screened(tmp_path):
    b = make_backend(tmp_path)
    with b.db.write() as conn:
        sync_repo.replace_key_enterprises(conn, "00000000-0000-4000-8000-00000000000d", [
            {"uscc": USCC, "name": EMPLOYER, "reason": "欠薪投诉", "listed_at": "2026-11-01T00:00:00+08:00"},
            {"uscc": "91120101MA05M0XK5G", "name": "恒通科技", "reason": "", "listed_at": "2026-11-01T00:00:00+08:00"}])
    assert screenings.season_reminder(b, date(2026, 11, 1)) is None
    found = screenings.season_reminder(b, date(2026, 12, 10))
    assert found["spring_festival"] == "2027-02-06" and len(found["not_screened"]) == 2
    screenings.add_screening(b, EMPLOYER, "2026-11-20", "none", "正常", uscc=USCC)   # before the season: not counted
    screenings.add_screening(b, "恒通科技", "2026-12-05", "none", "正常", uscc="91120101MA05M0XK5G")
    assert [e["name"] for e in screenings.season_reminder(b, date(2026, 12, 10))["not_screened"]] == [EMPLOYER]
    screenings.set_season_start(b, "11-15")
    assert screenings.season_reminder(b, date(2026, 12, 10))["not_screened"] == []
    _refused(b, "E_SEASON_START", screenings.set_season_start, b, "02-01")


def test_outreach_counts_and_refusals(tmp_path):
    b = make_backend(tmp_path)
    outreach.add_outreach(b, "2026-05-01", "普法进企业", audience="120", enterprise="宏图建筑")
    _refused(b, "E_COUNT", outreach.add_outreach, b, "2026-05-01", "x", audience="-3")
    _refused(b, "E_REQUIRED", outreach.add_outreach, b, "2026-05-01", "")
    _refused(b, "E_TEXT_CONTROL", outreach.add_outreach, b, "2026-05-01", "普法\x07")
    assert [o["audience"] for o in outreach.list_outreach(b, date(2026, 5, 1), date(2026, 5, 31))] == [120]
    assert outreach.list_outreach(b, date(2026, 6, 1), date(2026, 6, 30)) == []


def _docx_text(path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_urgent_report_from_a_collective_case_or_a_screening(tmp_path):
    b = make_backend(tmp_path)
    single = CaseService(b).register(walk_in("张三"))
    _refused(b, "E_ALERT_NOT_URGENT", urgent_reports.create_report, b, case_no=single.case_no)
    group = CaseService(b).register(walk_in("李四", workers=25, amount_fen=50000000))
    row = urgent_reports.create_report(b, case_no=group.case_no, measures="已约谈企业负责人")
    text = _docx_text(urgent_reports.write_report(b, row, tmp_path / "快报.docx"))
    for expected in ("情况快报", "天津鑫达建筑工程有限公司", "25", "500000.00", "已约谈企业负责人", "请求事项"):
        assert expected in text, expected
    quiet = screenings.add_screening(b, "恒通科技", "2026-05-03", "none", "正常")
    _refused(b, "E_ALERT_NOT_URGENT", urgent_reports.create_report, b, screening_id=quiet["id"])
    _refused(b, "E_ARGUMENT", urgent_reports.create_report, b)
    loud = screenings.add_screening(b, "宏图建筑", "2026-05-02", "red", "拖欠工资", workers="40")
    second = urgent_reports.create_report(b, screening_id=loud["id"])
    listed = urgent_reports.list_reports(b)
    assert {r["id"] for r in listed} == {row["id"], second["id"]}
    urgent_reports.mark_seen(b, second["id"])
    assert [r["seen"] for r in urgent_reports.list_reports(b)] == [False, True]


def test_typical_case_from_a_closed_case_is_anonymised_and_edits_are_checked(tmp_path):
    b = make_backend(tmp_path)
    open_case = CaseService(b).register(walk_in("张三"))
    _refused(b, "E_TYPICAL_NOT_CLOSED", typical_cases.add_from_case, b, open_case.case_no)
    case = closed_case(b)
    t = typical_cases.add_from_case(b, case.case_no, title="顺达物流欠薪案")
    assert t["title"] == "某物流公司欠薪案"      # a title the user gives is anonymised too
    _refused(b, "E_TYPICAL_LEAK", typical_cases.edit, b, t["id"], facts="张伟明找到赵志刚")
    _refused(b, "E_TYPICAL_LEAK", typical_cases.edit, b, t["id"], experience="身份证号120101199001011239")
    typical_cases.edit(b, t["id"], experience="欠薪案件应先核对考勤和工资表。")
    path = typical_cases.export(b, t["id"], tmp_path / "典型案例.docx")
    text = _docx_text(path)
    assert "欠薪案件应先核对考勤和工资表。" in text and "案情" in text and "经验" in text
    for secret in ("张伟明", "李秀英", "赵志刚", "顺达", EMPLOYER, USCC, "13812345678", case.case_no, "伟明"):
        assert secret not in text, secret
    assert [x["id"] for x in typical_cases.list_cases(b, search="考勤")] == [t["id"]]
    assert typical_cases.list_cases(b, search="张伟明") == []


def test_the_districts_organisation_register(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    mediators.add_mediator(room, "王建国")
    _refused(room, "E_ROLE", mediation_orgs.add_org, room, "某企业调委会", "企业调解委员会")
    mediation_orgs.add_org(sup, "恒通科技企业调解委员会", "企业调解委员会", head="刘强", mediators="3",
                           set_up_on="2024-06-01")
    _refused(sup, "E_MEDIATION_ORG_TYPE", mediation_orgs.add_org, sup, "x", "协会")
    rows = mediation_orgs.list_orgs(sup)
    assert [(r["name"], r["org_type_label"], r["source"]) for r in rows] == [
        ("恒通科技企业调解委员会", "企业调解委员会", "manual"), ("和平区劳动人事争议调解中心", "区/街道调解中心", "enrolled")]


def test_programme_figures_for_the_statistics_return(tmp_path):
    from mediation_desktop.services.programme_stats import programme_figures

    room, sup = make_pair(tmp_path, cases=0)
    closed_case(room, mediator="王建国")
    mediators.add_mediator(room, "王建国")
    training.add_training(room, "王建国", "调解技巧", "2.5", "2026-04-01")
    training.add_training(room, "王建国", "劳动法", "4", "2025-04-01")
    outreach.add_outreach(room, "2026-05-01", "普法进企业", audience="60")
    outreach.add_outreach(room, "2026-06-01", "普法讲座")
    screenings.add_screening(room, "宏图建筑", "2026-05-02", "red", "拖欠工资")
    screenings.add_screening(room, "恒通科技", "2026-05-03", "yellow", "个别投诉")
    figures = programme_figures(room, date(2026, 1, 1), date(2026, 12, 31))
    (hp,) = figures["organisations"]
    assert (hp["org_code"], hp["mediators"], hp["training_hours"], hp["outreach"], hp["outreach_audience"]) == \
        ("HP", 1, "2.5", 2, 60)
    assert (hp["screenings_red"], hp["screenings_yellow"], hp["screenings_none"]) == (1, 1, 0)
    assert figures["total"]["outreach"] == 2
    assert [m["name"] for m in figures["mediators"]] == ["王建国"]
    assert "organisation_building" not in figures
    from .sync_helpers import export_one, import_one

    import_one(sup, export_one(room, tmp_path / "up"))
    district = programme_figures(sup, date(2026, 1, 1), date(2026, 12, 31))
    assert [o["org_code"] for o in district["organisations"]] == ["HP"]
    assert district["organisation_building"]["区/街道调解中心"] == 1


def test_the_statistics_return_carries_the_programme(tmp_path):
    import json

    import openpyxl

    from mediation_desktop.services.report_writers import produce_return

    b = make_backend(tmp_path)
    mediators.add_mediator(b, "王建国")
    training.add_training(b, "王建国", "调解技巧", "2", "2026-04-01")
    outreach.add_outreach(b, "2026-05-01", "普法进企业", audience="60")
    screenings.add_screening(b, "宏图建筑", "2026-05-02", "orange", "拖欠工资")
    _, out = produce_return(b, date(2026, 1, 1), date(2026, 12, 31), tmp_path / "r.json")
    programme = json.loads(out.read_text(encoding="utf-8"))["programme"]
    assert programme["total"]["training_hours"] == "2" and programme["total"]["screenings_orange"] == 1
    assert programme["total"]["outreach_audience"] == 60
    _, book = produce_return(b, date(2026, 1, 1), date(2026, 12, 31), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(book)["队伍与工作"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][:3] == ["组织代码", "在册调解员", "培训学时"]
    assert ["津和平", 1, "2", 1, 60] == rows[1][:5]
    assert any(r[1] == "王建国" for r in rows if len(r) > 1)


def test_a_ledgers_free_text_mediator_is_matched_to_the_register(tmp_path):
    import csv

    from mediation_desktop.services.ledger_import import import_ledger

    b = make_backend(tmp_path)
    mediators.add_mediator(b, "王建国")
    mediators.add_mediator(b, "李秀兰")
    ledger = tmp_path / "台账.csv"
    with open(ledger, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["序号", "登记日期", "劳动者", "用人单位", "争议类型", "标的额", "调解员"])
        w.writerow([1, "2026-02-13", "张三", "天津鑫达建筑工程有限公司", "工资", "1000", "王建国（专职）"])
        w.writerow([2, "2026-02-14", "李四", "天津鑫达建筑工程有限公司", "工资", "2000", "王建国、李秀兰"])
        w.writerow([3, "2026-02-15", "王五", "天津鑫达建筑工程有限公司", "工资", "3000", "赵六"])
    assert import_ledger(b, ledger)["imported"] == 3
    import sqlite3

    con = sqlite3.connect(b.paths.database)
    found = dict(con.execute("select applicant_names, mediator from cases"))
    con.close()
    assert found == {"张三": "王建国", "李四": "王建国、李秀兰", "王五": "赵六"}   # two names or none: left as written


def test_outreach_photos_are_stored_by_hash(tmp_path):
    b = make_backend(tmp_path / "node")
    photo = tmp_path / "活动现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg, but an image by name")
    row = outreach.add_outreach(b, "2026-05-01", "普法进企业", photos=[photo, photo])
    (listed,) = outreach.list_outreach(b)
    assert [p["file_name"] for p in listed["photos"]] == ["活动现场.jpg", "活动现场.jpg"]
    digest = listed["photos"][0]["sha256"]
    assert (b.paths.attachments / digest[:2] / digest).read_bytes() == photo.read_bytes()
    assert row["photos"].count(digest) == 2
    script = tmp_path / "run.exe"
    script.write_bytes(b"MZ")
    _refused(b, "E_PHOTO_TYPE", outreach.add_outreach, b, "2026-05-01", "x", photos=[photo, script])
    _refused(b, "E_ATTACHMENT_MISSING", outreach.add_outreach, b, "2026-05-01", "x", photos=[tmp_path / "无.jpg"])

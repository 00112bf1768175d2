"""The programme's registers between two real nodes: each register travels up, a promoted typical
case and an offered course travel down, and hostile records refuse the whole package."""

from __future__ import annotations

import json

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.services import (
    mediators,
    outreach,
    screenings,
    training,
    typical_cases,
    urgent_reports,
)
from mediation_desktop.storage import programme_repo
from mediation_desktop.sync import records as rec

from .programme_helpers import closed_case
from .sync_helpers import dump, export_one, import_one, make_pair, rewrap


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def _fill_room(room) -> dict:
    case = closed_case(room, mediator="王建国")
    mediators.add_mediator(room, "王建国", background="律师")
    training.add_training(room, "王建国", "调解技巧", "6", "2026-04-01")
    outreach.add_outreach(room, "2026-05-01", "普法进企业", audience=40, enterprise="顺达物流")
    s = screenings.add_screening(room, "宏图建筑工程有限公司", "2026-05-02", "red", "拖欠工资两个月", workers=35,
                                 checks=["wage_arrears"])
    report = urgent_reports.create_report(room, screening_id=s["id"])
    typical = typical_cases.add_from_case(room, case.case_no)
    return {"case": case, "screening": s, "report": report, "typical": typical}


def test_every_register_travels_up_and_the_district_sees_each_room(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    made = _fill_room(room)
    report = import_one(sup, export_one(room, tmp_path / "up"))
    assert report.conflicts == 0
    listed = mediators.list_mediators(sup)
    assert [(m["name"], m["org_code"], m["training_hours"], m["cases_handled"]) for m in listed] == \
        [("王建国", "HP", 6, 1)]
    assert [s["id"] for s in screenings.risk_entries(sup)] == [made["screening"]["id"]]
    assert [r["id"] for r in urgent_reports.list_reports(sup)] == [made["report"]["id"]]
    assert urgent_reports.list_reports(sup)[0]["seen"] is False
    assert [o["title"] for o in outreach.list_outreach(sup)] == ["普法进企业"]
    assert [t["id"] for t in training.list_training(sup)] and training.list_training(sup)[0]["mediator"] == "王建国"
    assert [t["id"] for t in typical_cases.list_cases(sup)] == [made["typical"]["id"]]
    # Everything again in a full package changes none of the registers.
    registers = ("mediators", "training_records", "outreach_events", "screenings", "urgent_reports", "typical_cases")
    before = {k: v for k, v in dump(sup).items() if k in registers}
    again = import_one(sup, export_one(room, tmp_path / "again", full=True))
    assert again.status == "imported" and again.created == 0 and again.conflicts == 0
    assert {k: v for k, v in dump(sup).items() if k in registers} == before


def test_promoted_typical_case_and_offered_course_travel_down(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    made = _fill_room(room)
    import_one(sup, export_one(room, tmp_path / "up"))
    with pytest.raises(UserError) as refused:
        typical_cases.promote(room, made["typical"]["id"])
    assert refused.value.code == "E_TYPICAL_PROMOTE_ROLE"
    promoted = typical_cases.promote(sup, made["typical"]["id"])
    with pytest.raises(UserError) as twice:
        typical_cases.promote(sup, made["typical"]["id"])
    assert twice.value.code == "E_TYPICAL_PROMOTED"
    training.offer_course(sup, "劳动法新规解读", "3", "2026-06-01", organiser="区人社局")
    import_one(room, export_one(sup, tmp_path / "down"))
    with room.db.read() as conn:
        library = programme_repo.all_rows(conn, "typical_library")
    assert [r["id"] for r in library] == [promoted["id"]]
    assert library[0]["org_code"] == "HP"
    assert [c["course"] for c in training.courses(room)] == ["劳动法新规解读"]
    # A second room would see it in its list; this room sees its own write-up marked 推广 instead.
    own = typical_cases.list_cases(room)
    assert [(t["id"], t["promoted"]) for t in own] == [(made["typical"]["id"], True)]
    assert typical_cases.list_cases(room, search="某物流公司")


def test_a_deleted_record_travels_as_a_tombstone(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    row = outreach.add_outreach(room, "2026-05-01", "普法讲座")
    import_one(sup, export_one(room, tmp_path / "1"))
    assert len(outreach.list_outreach(sup)) == 1
    with room.db.write() as conn:
        programme_repo.remove(conn, "outreach", row["id"], room.user)
    import_one(sup, export_one(room, tmp_path / "2"))
    assert outreach.list_outreach(sup) == []


def test_an_edit_with_the_same_version_is_held_as_a_conflict(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    mediators.add_mediator(room, "王建国")
    first = export_one(room, tmp_path / "1")
    import_one(sup, first)

    def same_version_other_phone(entries):
        lines = [json.loads(x) for x in entries[rec.RECORDS].decode("utf-8").splitlines()]
        for line in lines:
            if line["entity"] == "mediator":
                line["data"]["phone"] = "13800001111"
        entries[rec.RECORDS] = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("utf-8")

    mediators.add_mediator(room, "李四")  # a later package from the same room
    forged = rewrap(room, sup, export_one(room, tmp_path / "2", full=True), tmp_path / "f", same_version_other_phone)
    report = import_one(sup, forged)
    assert report.conflicts == 1
    with sup.db.read() as conn:
        phones = [r["phone"] for r in programme_repo.all_rows(conn, "mediator") if r["name"] == "王建国"]
    assert phones == [None]  # held, never overwritten


def _records_of(entries) -> list[dict]:
    return [json.loads(x) for x in entries[rec.RECORDS].decode("utf-8").splitlines()]


def _set_records(entries, lines) -> None:
    entries[rec.RECORDS] = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("utf-8")


def _edit(entity: str, change):
    def mutate(entries):
        lines = _records_of(entries)
        hit = [x for x in lines if x["entity"] == entity]
        assert hit
        change(hit[0])
        _set_records(entries, lines)
    return mutate


@pytest.mark.parametrize(("mutate", "code"), [
    (_edit("screening", lambda r: r["data"].update(level="purple")), "E_SYNC_RECORD"),
    (_edit("screening", lambda r: r["data"].update(checks="wage_arrears,bribery")), "E_SYNC_RECORD"),
    (_edit("mediator", lambda r: r["data"].update(name="王\u202e建国")), "E_SYNC_RECORD"),
    (_edit("mediator", lambda r: r["data"].update(background="boss")), "E_SYNC_RECORD"),
    (_edit("training", lambda r: r["data"].update(hours_tenths=1.5)), "E_JSON_FLOAT"),
    (_edit("training", lambda r: r["data"].update(hours_tenths=10**9)), "E_SYNC_RECORD"),
    (_edit("typical_case", lambda r: r["data"].update(facts="x" * 20001)), "E_SYNC_RECORD"),
    (_edit("urgent_report", lambda r: r["data"].update(amount_fen=-1)), "E_SYNC_RECORD"),
    (_edit("outreach", lambda r: r["data"].update(extra="1")), "E_SYNC_RECORD"),
    # A room may not send what only the district makes.
    (_edit("typical_case", lambda r: r.update(entity="typical_library")), None),
])
def test_hostile_programme_records_refuse_the_whole_package(tmp_path, mutate, code):
    room, sup = make_pair(tmp_path, cases=0)
    _fill_room(room)
    before = dump(sup)
    forged = rewrap(room, sup, export_one(room, tmp_path / "up"), tmp_path / "f", mutate)
    report = import_one(sup, forged)
    assert report.status == "rejected"
    assert report.reason.split(":")[0] in ((code,) if code else ("E_SYNC_OWNER", "E_SYNC_RECORD")), report.reason
    assert dump(sup) == before


def test_a_room_cannot_send_a_promoted_case_nor_the_district_a_mediator(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    made = _fill_room(room)
    import_one(sup, export_one(room, tmp_path / "up"))

    def as_library(entries):
        lines = _records_of(entries)
        t = next(x for x in lines if x["entity"] == "typical_case")
        d = t["data"]
        lines.append({"entity": "typical_library", "id": "00000000-0000-4000-8000-000000000001",
                      "origin_node": t["origin_node"], "version": 1,
                      "data": {"typical_id": t["id"], "org_code": "HP", "title": d["title"], "facts": d["facts"],
                               "process": d["process"], "result": d["result"], "experience": d["experience"],
                               "dispute_types": d["dispute_types"], "promoted_on": "2026-06-01",
                               "created_at": d["created_at"], "updated_at": d["updated_at"]}})
        _set_records(entries, lines)

    mediators.add_mediator(room, "李四")
    forged = rewrap(room, sup, export_one(room, tmp_path / "2", full=True), tmp_path / "f", as_library)
    before_up = dump(sup)
    report = import_one(sup, forged)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_OWNER"), report.reason
    assert dump(sup) == before_up

    typical_cases.promote(sup, made["typical"]["id"])

    def with_mediator(entries):
        lines = _records_of(entries)
        lines.append({"entity": "mediator", "id": "00000000-0000-4000-8000-000000000002",
                      "origin_node": lines[0]["origin_node"], "version": 1,
                      "data": {"name": "冒名", "background": "other", "phone": None, "appointed_on": None,
                               "active": True, "created_at": "2026-06-01T00:00:00+08:00",
                               "updated_at": "2026-06-01T00:00:00+08:00"}})
        _set_records(entries, lines)

    before = dump(room)
    down = rewrap(sup, room, export_one(sup, tmp_path / "down"), tmp_path / "fd", with_mediator)
    report = import_one(room, down)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_OWNER"), report.reason
    assert dump(room) == before


def test_outreach_photos_travel_with_the_record(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    photo = tmp_path / "现场.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n fake image")
    outreach.add_outreach(room, "2026-05-01", "普法进企业", photos=[photo])
    import_one(sup, export_one(room, tmp_path / "up"))
    (seen,) = outreach.list_outreach(sup)
    digest = seen["photos"][0]["sha256"]
    assert (sup.paths.attachments / digest[:2] / digest).read_bytes() == photo.read_bytes()


def test_a_photo_that_is_not_an_image_refuses_the_package(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    photo = tmp_path / "现场.png"
    photo.write_bytes(b"\x89PNG fake")
    outreach.add_outreach(room, "2026-05-01", "普法进企业", photos=[photo])
    before = dump(sup)
    forged = rewrap(room, sup, export_one(room, tmp_path / "up"), tmp_path / "f",
                    _edit("outreach", lambda r: r["data"]["photos"][0].update(file_name="run.exe")))
    report = import_one(sup, forged)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_RECORD"), report.reason
    assert dump(sup) == before

"""Deleting programme records on real databases: a room deletes its own records (audited, a tombstone
that travels up and removes the district's copy), the district withdraws a promotion and deletes the
organisations it registered by hand, and every refusal changes nothing."""

from __future__ import annotations

import sqlite3

import pytest

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
from mediation_desktop.services.programme_delete import delete_record, describe, may_delete

from .programme_helpers import closed_case
from .sync_helpers import dump, export_one, import_one, make_pair


def _refused(backend, code, fn, *args):
    before = dump(backend)
    with pytest.raises(UserError) as refused:
        fn(*args)
    assert refused.value.code == code, refused.value
    assert dump(backend) == before


def _ids(backend, table: str) -> set[str]:
    con = sqlite3.connect(backend.paths.database)
    try:
        return {r[0] for r in con.execute(f'SELECT id FROM "{table}"')}
    finally:
        con.close()


def _audited(backend, action: str) -> list[str]:
    con = sqlite3.connect(backend.paths.database)
    try:
        return [r[0] for r in con.execute("SELECT entity_id FROM audit_log WHERE action = ?", (action,))]
    finally:
        con.close()


def test_a_room_deletes_its_records_and_the_district_follows(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    kept = mediators.add_mediator(room, "王建国")
    spare = mediators.add_mediator(room, "孙丽华")
    course = training.add_training(room, "王建国", "调解技巧", "1.5", "2026-04-01")
    event = outreach.add_outreach(room, "2026-05-01", "普法进企业")
    check = screenings.add_screening(room, "宏图建筑工程有限公司", "2026-05-02", "red", "两个月未发工资")
    report = urgent_reports.create_report(room, screening_id=check["id"])
    typical = typical_cases.add_from_case(room, closed_case(room, mediator="王建国").case_no)
    import_one(sup, export_one(room, tmp_path / "up1"))
    assert event["id"] in _ids(sup, "outreach_events")

    # A mediator with training records or cases keeps them: retire, don't delete.
    _refused(room, "E_MEDIATOR_IN_USE", delete_record, room, "mediator", kept["id"])
    _refused(room, "E_NOT_FOUND", delete_record, room, "outreach", "no-such-id")
    _refused(room, "E_ROLE", delete_record, room, "mediation_org", event["id"])
    room.role = "admin"   # keeps the installation, does no casework
    assert not may_delete(room, "outreach")
    _refused(room, "E_PERMISSION", delete_record, room, "outreach", event["id"])
    room.role = "mediator"
    assert may_delete(room, "outreach") and not may_delete(room, "mediation_org")

    assert describe(room, "training", course["id"])["name"] == "王建国 2026-04-01 调解技巧（1.5学时）"
    for entity, row, table in (("mediator", spare, "mediators"), ("training", course, "training_records"),
                               ("outreach", event, "outreach_events"), ("urgent_report", report, "urgent_reports"),
                               ("screening", check, "screenings"),
                               ("typical_case", typical, "typical_cases")):
        shown = delete_record(room, entity, row["id"])
        assert (shown["entity"], shown["id"]) == (entity, row["id"])
        assert row["id"] not in _ids(room, table)
        assert _audited(room, f"{entity}_delete") == [row["id"]]
    _refused(room, "E_MEDIATOR_IN_USE", delete_record, room, "mediator", kept["id"])   # still named on a case
    room.role = None   # back to the command line's operator, who exports

    import_one(sup, export_one(room, tmp_path / "up2"))
    for table in ("outreach_events", "screenings", "typical_cases", "training_records", "urgent_reports"):
        assert _ids(sup, table) == set(), table
    assert _ids(sup, "mediators") == {kept["id"]}


def test_the_district_withdraws_a_promotion_and_deletes_its_own_organisations(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    typical = typical_cases.add_from_case(room, closed_case(room).case_no)
    import_one(sup, export_one(room, tmp_path / "up"))
    library = typical_cases.promote(sup, typical["id"])
    org = mediation_orgs.add_org(sup, "恒通科技企业调解委员会", "enterprise")

    # A room's write-up is only shown at the district; its id is refused there.
    _refused(sup, "E_ROLE", delete_record, sup, "typical_library", typical["id"])
    import_one(room, export_one(sup, tmp_path / "down1"))
    assert library["id"] in _ids(room, "typical_library")
    _refused(room, "E_ROLE", delete_record, room, "typical_case", library["id"])

    assert describe(sup, "typical_library", library["id"])["label"] == "推广的典型案例"
    delete_record(sup, "typical_library", library["id"])
    assert [t["promoted"] for t in typical_cases.list_cases(sup)] == [False]
    assert delete_record(sup, "mediation_org", org["id"])["name"] == "恒通科技企业调解委员会"
    assert [o["source"] for o in mediation_orgs.list_orgs(sup)] == ["enrolled"]
    import_one(room, export_one(sup, tmp_path / "down2"))
    assert _ids(room, "typical_library") == set()

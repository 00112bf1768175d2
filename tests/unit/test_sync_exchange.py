"""A room and its supervisor exchanging packages in process: first import, changes, re-import,
gaps held then applied, overlaps, acknowledgements and the supervisor's records travelling down."""

from __future__ import annotations

import pytest

from mediation_desktop.core.calendar import year_table_to_json
from mediation_desktop.core.deadlines import compute_deadlines
from mediation_desktop.services.calendar_service import import_calendar_file
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage.cases_repo import load_cases
from mediation_desktop.sync import supervisor
from mediation_desktop.sync.importer import import_packages

from .calendar_helpers import coming_weeks_table, owned_cases, register_open_case, stored_deadlines
from .sync_helpers import dump, export_one, import_one, make_pair


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def case_states(backend, origin):
    with backend.db.read() as conn:
        from mediation_desktop.storage import sync_repo

        ids = sync_repo.owned_case_ids(conn, origin)
        return {c.id: (c.case_no, str(c.status), c.amount_claimed_fen, len(c.applicants), len(c.sessions),
                       c.agreement is not None, c.version) for c in load_cases(conn, ids)}


def test_first_package_brings_every_case_whole(tmp_path):
    room, sup = make_pair(tmp_path, cases=30)
    report = import_one(sup, export_one(room, tmp_path / "stick"))
    assert (report.status, report.created, report.conflicts) == ("imported", 30, 0)
    assert case_states(sup, room.node.node_id) == case_states(room, room.node.node_id)
    status = supervisor.sync_status(sup)["peers"][0]
    assert status["cases"] == 30 and status["high_water"] == 31 and status["missing"] is None


def test_changes_travel_as_updates_and_reimport_is_a_no_op(tmp_path):
    room, sup = make_pair(tmp_path, cases=10)
    first = export_one(room, tmp_path / "a")
    import_one(sup, first)
    edit(room, room_cases(room)[0].case_no)
    fill_demo(room, 3, seed=99)
    second = export_one(room, tmp_path / "b")
    report = import_one(sup, second)
    assert (report.status, report.created, report.updated) == ("imported", 3, 1)
    assert case_states(sup, room.node.node_id) == case_states(room, room.node.node_id)
    before = dump(sup)
    again = import_one(sup, second)
    assert again.status == "already_imported" and "导入过" in again.reason
    assert import_one(sup, first).status == "already_imported"
    assert dump(sup) == before


def edit(room, case_no):
    CaseService(room).apply(case_no, "edit", lambda c: setattr(c, "facts", c.facts + "（补充：已电话联系）"))


def room_cases(room):
    with room.db.read() as conn:
        from mediation_desktop.storage import sync_repo

        return load_cases(conn, sync_repo.owned_case_ids(conn, room.node.node_id))


def test_a_gap_is_held_then_applied_in_order(tmp_path):
    room, sup = make_pair(tmp_path, cases=5)
    p1 = export_one(room, tmp_path / "1")
    fill_demo(room, 4, seed=11)
    p2 = export_one(room, tmp_path / "2")
    fill_demo(room, 2, seed=12)
    p3 = export_one(room, tmp_path / "3")
    r3 = import_one(sup, p3)
    r2 = import_one(sup, p2)
    assert (r3.status, r2.status) == ("held", "held")
    assert "缺少第 1–" in r2.reason
    status = supervisor.sync_status(sup)["peers"][0]
    assert status["held"] == 2 and status["missing"][0] == 1
    r1 = import_one(sup, p1)
    assert r1.status == "imported" and r1.created == 5 + 4 + 2
    assert case_states(sup, room.node.node_id) == case_states(room, room.node.node_id)
    status = supervisor.sync_status(sup)["peers"][0]
    assert status["held"] == 0 and status["missing"] is None
    assert not list((sup.paths.root / "sync" / "held").iterdir())
    assert import_one(sup, p3).status == "already_imported"


def test_dry_run_reports_like_the_real_import_and_changes_nothing(tmp_path):
    room, sup = make_pair(tmp_path, cases=8)
    package = export_one(room, tmp_path / "s")
    before = dump(sup)
    dry = import_one(sup, package, dry_run=True)
    assert dump(sup) == before
    real = import_one(sup, package)
    assert dry.as_json() == real.as_json()


def test_overlapping_resend_applies_only_the_new_part(tmp_path):
    room, sup = make_pair(tmp_path, cases=4)
    import_one(sup, export_one(room, tmp_path / "a"))
    fill_demo(room, 2, seed=5)
    resend = export_one(room, tmp_path / "b", since_ack=True)  # nothing acknowledged yet: starts at 1
    report = import_one(sup, resend)
    assert report.status == "imported" and report.created == 2 and report.unchanged == 4


def test_supervisor_records_travel_down_and_acks_move_the_room_cursor(tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    import_one(sup, export_one(room, tmp_path / "up"))
    case_no = room_cases(room)[0].case_no
    supervisor.add_remark(sup, case_no, "请补充申请人的联系电话", kind="correction")
    supervisor.add_notice(sup, "关于报送季度报表的通知", "请于每季度末前报送。")
    supervisor.set_key_enterprises(sup, [{"uscc": "91350100M000100Y43", "name": "天津鑫达建筑工程有限公司",
                                          "reason": "欠薪多发"}])
    # A table for the coming weeks: it moves the deadlines of the room's case received today.
    table = coming_weeks_table()
    table_file = tmp_path / "table.json"
    table_file.write_text(year_table_to_json(table), encoding="utf-8")
    import_calendar_file(sup, table_file)
    fresh = register_open_case(room)
    before = stored_deadlines(room)
    down = export_one(sup, tmp_path / "down")
    report = import_one(room, down)
    assert report.status == "imported" and report.created == 2  # the remark and the notice
    assert report.reason == ""  # nothing left half-installed after the commit
    after = stored_deadlines(room)
    assert after[fresh.id][:2] > before[fresh.id][:2]  # acceptance and statutory days moved
    expected = {c.id: compute_deadlines(c, room.calendar) for c in owned_cases(room) if c.is_open}
    assert {i: (after[i][0], after[i][1]) for i in expected} == \
        {i: (d.acceptance_due, d.statutory_due) for i, d in expected.items()}
    assert room.calendar.table_for(table.year) == table
    with room.db.read() as conn:
        from mediation_desktop.storage import sync_repo

        assert [r["uscc"] for r in sync_repo.key_enterprise_rows(conn)] == ["91350100M000100Y43"]
        assert sync_repo.ack_state(conn, sup.node.node_id) == (4, 4)  # the supervisor holds our 1..4
    assert (room.paths.holidays / f"{table.year}.json").read_text(encoding="utf-8") == year_table_to_json(table)
    assert len(supervisor.notices(room)) == 1
    # The room's next package starts after what the supervisor acknowledged.
    fill_demo(room, 1, seed=3)
    up = export_one(room, tmp_path / "up2")
    assert up.name.startswith("HP_000005-")


def test_room_edit_during_an_open_correction_is_flagged(tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    import_one(sup, export_one(room, tmp_path / "a"))
    target = room_cases(room)[0]
    supervisor.add_remark(sup, target.case_no, "收案日期有误，请更正", kind="correction")
    edit(room, target.case_no)
    report = import_one(sup, export_one(room, tmp_path / "b"))
    assert report.updated == 1 and report.conflicts == 1
    (conflict,) = supervisor.conflicts(sup)
    assert conflict["entity_id"] == target.id and "更正请求" in conflict["reason"]
    # Handling it closes it once; the stored case stays as the room sent it.
    from mediation_desktop.core.errors import UserError

    with pytest.raises(UserError) as exc:
        supervisor.resolve_conflict(sup, conflict["id"], "accepted_incoming")
    assert exc.value.code == "E_ARGUMENT"
    supervisor.resolve_conflict(sup, conflict["id"], "kept_local")
    assert supervisor.conflicts(sup) == []
    with pytest.raises(UserError) as exc:
        supervisor.resolve_conflict(sup, conflict["id"], "noted")
    assert exc.value.code == "E_CONFLICT_NOT_FOUND"


def test_several_files_in_one_call_report_each(tmp_path):
    room, sup = make_pair(tmp_path, cases=2)
    p1 = export_one(room, tmp_path / "1")
    fill_demo(room, 1, seed=4)
    p2 = export_one(room, tmp_path / "2")
    reports = import_packages(sup, [p2, p1, tmp_path / "missing.mdpkg"])
    assert [r.status for r in reports] == ["held", "imported", "rejected"]
    assert reports[1].created == 3


def test_shared_folder_is_used_when_reachable(tmp_path):
    from mediation_desktop.sync.auto_folder import last_received, sync_with_folder

    room, sup = make_pair(tmp_path, cases=3)
    share = tmp_path / "share"
    offline = sync_with_folder(room, share / "up", None)
    assert not offline.outbox_reachable and offline.written == []
    (share / "up").mkdir(parents=True)
    sent = sync_with_folder(room, share / "up", None)
    assert len(sent.written) == 1
    assert sync_with_folder(room, share / "up", None).written == []  # nothing new: nothing written
    received = sync_with_folder(sup, None, share / "up")
    assert [r["status"] for r in received.imported] == ["imported"]
    assert list((share / "up" / "done").iterdir()) and last_received(sup) is not None


def test_district_acknowledges_through_the_folder_even_with_nothing_else_to_say(tmp_path):
    from mediation_desktop.sync.auto_folder import sync_with_folder

    room, sup = make_pair(tmp_path, cases=3)
    up, down = tmp_path / "share" / "up", tmp_path / "share" / "down"
    up.mkdir(parents=True)
    down.mkdir(parents=True)
    assert len(sync_with_folder(room, up, down).written) == 1
    # The district has no news of its own, but it now holds the room's changes: it answers.
    answer = sync_with_folder(sup, down, up)
    assert [r["status"] for r in answer.imported] == ["imported"] and len(answer.written) == 1
    assert sync_with_folder(sup, down, up).written == []  # acknowledged once, not again
    back = sync_with_folder(room, None, down)
    assert [r["status"] for r in back.imported] == ["imported"]
    status = supervisor.sync_status(room)["peers"][0]
    assert status["acked_seq"] >= 4  # the room now knows the district holds its cases and markers
    # An answer that only acknowledges is not answered again: the exchange comes to rest.
    assert sync_with_folder(room, up, down).written == []
    assert sync_with_folder(sup, down, up).written == []

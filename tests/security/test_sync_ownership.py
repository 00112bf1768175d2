"""Who may send what (sync/ownership.py), tried with real, validly signed packages from a malicious
room: it may not delete or change another room's case, send 通知, write remarks or correction
requests signed as 区人社, or hand down reference data; a supervisor may not send cases. Each is
refused with E_SYNC_OWNER naming the record, and the whole package with it: nothing changes."""

from __future__ import annotations

import json
import uuid

import pytest
from unit.sync_helpers import dump, enrol, export_one, import_one, make_node, make_pair, rewrap

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.ownership import SENDERS, check_sender, rule_for
from mediation_desktop.sync.strict import dumps_canonical


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


@pytest.fixture
def district(tmp_path):
    """Room HP's cases at the district, and a second enrolled room HX that turns hostile."""
    room, sup = make_pair(tmp_path, cases=3)
    assert import_one(sup, export_one(room, tmp_path / "hp")).status == "imported"
    other = make_node(tmp_path / "other", "room", "河西区劳动人事争议调解中心", "HX")
    enrol(other, sup)
    fill_demo(other, 1, seed=9)
    with room.db.read() as conn:
        victim = sync_repo.owned_case_ids(conn, room.node.node_id)[0]
    return room, sup, other, victim


def _append(name: str, *lines: dict):
    def mutate(entries: dict[str, bytes]) -> None:
        entries[name] = entries[name] + b"".join(dumps_canonical(x) + b"\n" for x in lines)
    return mutate


def _refused(sup, package, *named: str) -> None:
    before = dump(sup)
    report = import_one(sup, package)
    assert report.status == "rejected", report.reason
    assert report.reason.startswith("E_SYNC_OWNER"), report.reason
    for text in named:
        assert text in report.reason
    assert dump(sup) == before


def test_a_room_cannot_tombstone_another_rooms_case(tmp_path, district):
    room, sup, other, victim = district
    base = export_one(other, tmp_path / "hx")
    tomb = {"entity": "case", "id": victim, "deleted_at": now_iso(), "deleted_by": "王某",
            "origin_node": other.node.node_id}
    _refused(sup, rewrap(other, sup, base, tmp_path / "t", _append(rec.TOMBSTONES, tomb)), victim, "案件")
    # and the package's own, legitimate part is not applied either; the honest package then is
    assert import_one(sup, base).status == "imported"
    with sup.db.read() as conn:
        assert victim in sync_repo.case_meta(conn, [victim])
        assert not sync_repo.tombstoned(conn, "case", [victim])


def test_a_room_cannot_overwrite_another_rooms_case_even_with_a_higher_version(tmp_path, district):
    room, sup, other, victim = district
    base = export_one(other, tmp_path / "hx")

    def steal(entries: dict[str, bytes]) -> None:
        lines = [json.loads(x) for x in entries[rec.RECORDS].splitlines()]
        lines[0].update(id=victim, version=999)
        lines[0]["data"]["facts"] = "已由申请人撤回"
        entries[rec.RECORDS] = b"".join(dumps_canonical(x) + b"\n" for x in lines)
    _refused(sup, rewrap(other, sup, base, tmp_path / "s", steal), victim)


def test_a_room_cannot_send_a_notice(tmp_path, district):
    _, sup, other, _ = district
    notice_id = str(uuid.uuid4())
    notice = {"entity": "notice", "id": notice_id, "origin_node": other.node.node_id, "version": 1,
              "data": {"title": "关于暂停调解工作的通知", "body": "即日起暂停。", "created_at": now_iso()}}
    base = export_one(other, tmp_path / "hx")
    _refused(sup, rewrap(other, sup, base, tmp_path / "n", _append(rec.RECORDS, notice)), notice_id, "通知",
             "区人社监管")


def test_a_room_cannot_send_a_correction_request_signed_as_the_district(tmp_path, district):
    _, sup, other, victim = district
    remark_id = str(uuid.uuid4())
    remark = {"entity": "remark", "id": remark_id, "origin_node": other.node.node_id, "version": 1,
              "data": {"case_id": victim, "kind": "correction", "text": "请撤销本案", "author": "区人社",
                       "created_at": now_iso(), "answered_at": None}}
    base = export_one(other, tmp_path / "hx")
    _refused(sup, rewrap(other, sup, base, tmp_path / "r", _append(rec.RECORDS, remark)), remark_id)


def test_a_room_cannot_delete_the_districts_records(tmp_path, district):
    _, sup, other, _ = district
    from mediation_desktop.sync import supervisor

    supervisor.add_notice(sup, "关于报送季度报表的通知", "请于每季度末前报送。")
    (notice,) = supervisor.notices(sup)
    tomb = {"entity": "notice", "id": notice["id"], "deleted_at": now_iso(), "deleted_by": "王某",
            "origin_node": other.node.node_id}
    base = export_one(other, tmp_path / "hx")
    _refused(sup, rewrap(other, sup, base, tmp_path / "t", _append(rec.TOMBSTONES, tomb)), notice["id"])


@pytest.mark.parametrize("part", ["holidays", "key_enterprises"])
def test_a_room_cannot_hand_down_reference_data(tmp_path, district, part):
    _, sup, other, _ = district
    reference = {"holidays": [], "templates": [], "key_enterprises": []}
    if part == "holidays":
        reference["holidays"] = [{"year": 2027, "source": "伪造", "holidays": ["2027-01-04"], "workdays": []}]
    else:
        reference["key_enterprises"] = [{"uscc": "91350100M000100Y43", "name": "天津鑫达建筑工程有限公司",
                                         "reason": "伪造", "listed_at": now_iso()}]

    def forge(entries: dict[str, bytes]) -> None:
        control = json.loads(entries[rec.CONTROL])
        control["reference"] = reference
        entries[rec.CONTROL] = dumps_canonical(control)
    base = export_one(other, tmp_path / "hx")
    _refused(sup, rewrap(other, sup, base, tmp_path / "x", forge), "区人社监管")


def test_a_room_cannot_send_an_audit_anchor(tmp_path, district):
    """Only the district says which head of a room's trail it holds."""
    _, sup, other, _ = district

    def forge(entries: dict[str, bytes]) -> None:
        control = json.loads(entries[rec.CONTROL])
        control["audit_anchor"] = {"seq": 1, "hash": "0" * 64}
        entries[rec.CONTROL] = dumps_canonical(control)
    base = export_one(other, tmp_path / "hx")
    _refused(sup, rewrap(other, sup, base, tmp_path / "a", forge), "审计链确认点")


def test_a_supervisor_cannot_send_cases_or_delete_a_rooms_case(tmp_path):
    room, sup = make_pair(tmp_path, cases=2)
    import_one(sup, export_one(room, tmp_path / "up"))
    with room.db.read() as conn:
        victim = sync_repo.owned_case_ids(conn, room.node.node_id)[0]
    down = export_one(sup, tmp_path / "down")
    tomb = {"entity": "case", "id": victim, "deleted_at": now_iso(), "deleted_by": "区人社",
            "origin_node": sup.node.node_id}
    _refused(room, rewrap(sup, room, down, tmp_path / "t", _append(rec.TOMBSTONES, tomb)), victim)
    # the district re-sends a room's case (taken from the room's own package) as its record
    up = export_one(room, tmp_path / "up2", full=True)
    case_line = _first_case_line(sup, up)
    case_line.update(origin_node=sup.node.node_id)
    _refused(room, rewrap(sup, room, down, tmp_path / "c", _append(rec.RECORDS, case_line)), case_line["id"])


def _first_case_line(reader, package) -> dict:
    import mediation_desktop.sync.trust as trust
    from mediation_desktop.sync.container import open_package

    with reader.db.read() as conn:
        opened = open_package(package, me=trust.node_keys(reader), known_peers=trust.peer_lookup(conn),
                              schema_versions={rec.SYNC_SCHEMA_VERSION})
    return json.loads(opened.entries[rec.RECORDS].splitlines()[0])


def test_the_role_is_the_enrolled_one_not_the_packages_claim(tmp_path, district):
    _, sup, other, _ = district

    def claim(entries: dict[str, bytes]) -> None:
        control = json.loads(entries[rec.CONTROL])
        control["organisation"]["role"] = "supervisor"
        entries[rec.CONTROL] = dumps_canonical(control)
    before = dump(sup)
    base = export_one(other, tmp_path / "hx")
    report = import_one(sup, rewrap(other, sup, base, tmp_path / "r", claim, kind="downstream"))
    assert report.status == "rejected" and dump(sup) == before


def test_every_exchanged_entity_has_a_sender_rule():
    assert set(rec.ENTITIES) <= set(SENDERS)
    for part in ("holidays", "templates", "key_enterprises", "audit_anchor"):
        assert SENDERS[part].role == "supervisor"
    assert SENDERS["case"].role == "room" and SENDERS["case"].owner_only
    with pytest.raises(UserError) as refused:
        rule_for("mediator_typo")
    assert refused.value.code == "E_SYNC_OWNER"
    check_sender("case", "room")
    with pytest.raises(UserError) as refused:
        check_sender("notice", "room", "n1")
    assert refused.value.code == "E_SYNC_OWNER" and "n1" in refused.value.message

"""A package applies whole or not at all. A fault injected at different points of a district
package's import (while deadlines are recomputed for its holiday table, after its records, at the
very end) leaves the room's database byte-for-byte the same logically, the package not recorded as
imported and no holiday file written; importing it again then does the whole job. The same for
``calendar import``."""

from __future__ import annotations

import pytest
from unit.calendar_helpers import coming_weeks_table, register_open_case, stored_deadlines
from unit.sync_helpers import dump, export_one, import_one, make_pair

from mediation_desktop.core.calendar import year_table_to_json
from mediation_desktop.services import calendar_service
from mediation_desktop.storage import cases_repo, sync_repo
from mediation_desktop.sync import supervisor


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


class Injected(RuntimeError):
    pass


def _fail_on_call(monkeypatch, module, name: str, call: int) -> None:
    real = getattr(module, name)
    calls = {"n": 0}

    def wrapper(*args, **kw):
        calls["n"] += 1
        if calls["n"] == call:
            raise Injected(f"{name} call {call}")
        return real(*args, **kw)
    monkeypatch.setattr(module, name, wrapper)


def _district_package(tmp_path):
    room, sup = make_pair(tmp_path, cases=4)
    import_one(sup, export_one(room, tmp_path / "up"))
    case_no = sup_case_no(sup, room)
    supervisor.add_remark(sup, case_no, "请补充申请人的联系电话", kind="correction")
    supervisor.add_notice(sup, "关于报送季度报表的通知", "请于每季度末前报送。")
    supervisor.set_key_enterprises(sup, [{"uscc": "91350100M000100Y43", "name": "天津鑫达建筑工程有限公司",
                                          "reason": "欠薪多发"}])
    table = coming_weeks_table()
    source = tmp_path / "table.json"
    source.write_text(year_table_to_json(table), encoding="utf-8")
    calendar_service.import_calendar_file(sup, source)
    fresh = [register_open_case(room), register_open_case(room)]
    return room, sup, table, fresh, export_one(sup, tmp_path / "down")


def sup_case_no(sup, room) -> str:
    with sup.db.read() as conn:
        ids = sync_repo.owned_case_ids(conn, room.node.node_id)
        return cases_repo.load_cases(conn, ids[:1])[0].case_no


FAULTS = [
    (cases_repo, "store_deadlines", 2),              # half-way through the deadlines the table moves
    (sync_repo, "upsert_notice", 1),                 # after the cases, the table and the remark
    (sync_repo, "replace_key_enterprises", 1),       # after every record, tombstone and acknowledgement
    (sync_repo, "record_package", 1),                # the very last write: marking the package imported
]


@pytest.mark.parametrize("module,name,call", FAULTS, ids=[f[1] for f in FAULTS])
def test_a_fault_midway_changes_nothing_and_the_package_imports_again(tmp_path, monkeypatch, module, name, call):
    room, sup, table, fresh, package = _district_package(tmp_path)
    before = dump(room)
    deadlines_before = stored_deadlines(room)
    cache = room.paths.holidays / f"{table.year}.json"
    with monkeypatch.context() as patch:
        _fail_on_call(patch, module, name, call)
        with pytest.raises(Injected):
            import_one(room, package)
    assert dump(room) == before
    assert not cache.exists()
    with room.db.read() as conn:
        assert sync_repo.packages_of(conn, sup.node.node_id) == []
    assert room.calendar.tables.get(table.year) is None

    report = import_one(room, package)
    assert (report.status, report.created, report.reason) == ("imported", 2, "")
    moved = stored_deadlines(room)
    assert all(moved[c.id][:2] > deadlines_before[c.id][:2] for c in fresh)
    assert cache.read_text(encoding="utf-8") == year_table_to_json(table)
    assert len(supervisor.notices(room)) == 1
    assert import_one(room, package).status == "already_imported"


def test_calendar_import_is_one_transaction(tmp_path, monkeypatch):
    room, _ = make_pair(tmp_path, cases=0)
    fresh = [register_open_case(room), register_open_case(room), register_open_case(room)]
    table = coming_weeks_table()
    source = tmp_path / "table.json"
    source.write_text(year_table_to_json(table), encoding="utf-8")
    before, deadlines_before = dump(room), stored_deadlines(room)
    with monkeypatch.context() as patch:
        _fail_on_call(patch, cases_repo, "store_deadlines", 2)
        with pytest.raises(Injected):
            calendar_service.import_calendar_file(room, source)
    assert dump(room) == before
    assert not (room.paths.holidays / f"{table.year}.json").exists()

    result = calendar_service.import_calendar_file(room, source)
    assert result["cases_updated"] == 3
    moved = stored_deadlines(room)
    assert all(moved[c.id][:2] > deadlines_before[c.id][:2] for c in fresh)


def test_the_holiday_file_is_a_cache_rebuilt_from_the_database(tmp_path):
    room, _ = make_pair(tmp_path, cases=0)
    table = coming_weeks_table()
    source = tmp_path / "table.json"
    source.write_text(year_table_to_json(table), encoding="utf-8")
    calendar_service.import_calendar_file(room, source)
    cache = room.paths.holidays / f"{table.year}.json"
    cache.unlink()  # as if the process died between the commit and writing the file
    room.reload_calendar()
    assert room.calendar.table_for(table.year) == table
    assert cache.read_text(encoding="utf-8") == year_table_to_json(table)

"""A batch of packages on SQLite is one write transaction with a savepoint per package: a package
refused half-way is rolled back alone and the batch goes on; a gap is filled later in the same
batch; the same package twice is imported once; a commit that fails leaves the database as it was
before the batch, the held files in place, and every report says so. Real nodes, real packages."""

from __future__ import annotations

import json
import sqlite3

import pytest

from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync.importer import held_dir, import_packages

from .sync_helpers import dump, enrol, export_one, import_one, make_node, make_pair, rewrap


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def _three_packages(tmp_path):
    """A room's three packages in the order they were made, and its supervisor."""
    room, sup = make_pair(tmp_path, cases=3)
    packages = [export_one(room, tmp_path / "p1")]
    for n, seed in ((2, 11), (3, 12)):
        fill_demo(room, 2, seed=seed)
        packages.append(export_one(room, tmp_path / f"p{n}"))
    return room, sup, packages


def _case_ids(backend, origin: str) -> list[str]:
    with backend.db.read() as conn:
        return sorted(sync_repo.owned_case_ids(conn, origin))


def test_a_package_refused_half_way_is_rolled_back_alone(tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    other = make_node(tmp_path / "hx", "room", "河西区友谊路街道调解委员会", "HX")
    enrol(other, sup)
    first = export_one(room, tmp_path / "a1")
    taken_id = _case_ids(room, room.node.node_id)[0]     # a case the first package brings
    fill_demo(room, 2, seed=5)
    second = export_one(room, tmp_path / "a2")
    fill_demo(other, 2, seed=6)

    def claim_a_case_of_the_first_room(entries: dict[str, bytes]) -> None:
        lines = [json.loads(line) for line in entries["records.jsonl"].splitlines()]
        next(r for r in lines if r["entity"] == "case")["id"] = taken_id
        entries["records.jsonl"] = b"".join(json.dumps(r, ensure_ascii=False, sort_keys=True,
                                                       separators=(",", ":")).encode() + b"\n" for r in lines)

    # Validly signed, so it is refused only while being applied: after its organisation was written.
    genuine = export_one(other, tmp_path / "b")
    forged = rewrap(other, sup, genuine, tmp_path / "forged", claim_a_case_of_the_first_room)
    reports = import_packages(sup, [first, forged, second])
    assert [r.status for r in reports] == ["imported", "rejected", "imported"]
    assert reports[1].reason.startswith("E_SYNC_OWNER")
    assert _case_ids(sup, room.node.node_id) == _case_ids(room, room.node.node_id)
    assert _case_ids(sup, other.node.node_id) == []
    with sup.db.read() as conn:
        assert sync_repo.packages_of(conn, other.node.node_id) == []
        assert sync_repo.get_peer(conn, other.node.node_id).org_id is None
        assert sync_repo.organisation_row(conn, other.node.org.id) is None
    assert import_one(sup, genuine).status == "imported"      # the genuine package still goes in


def test_a_gap_filled_later_in_the_batch_and_the_same_package_twice(tmp_path):
    room, sup, (p1, p2, p3) = _three_packages(tmp_path)
    reports = import_packages(sup, [p3, p1, p1, p2, p3])
    assert [r.status for r in reports] == ["held", "imported", "already_imported", "imported", "already_imported"]
    assert reports[3].created == 2 + 2 and "暂存" in reports[3].reason   # p3 drained with p2
    assert _case_ids(sup, room.node.node_id) == _case_ids(room, room.node.node_id)
    assert not list(held_dir(sup).iterdir())
    with sup.db.read() as conn:
        assert {p.state for p in sync_repo.packages_of(conn, room.node.node_id)} == {"imported"}


@pytest.mark.expect_log("sync import batch not saved")
def test_a_failed_commit_keeps_nothing_of_the_batch(tmp_path, monkeypatch):
    room, sup, (p1, p2, p3) = _three_packages(tmp_path)
    assert import_one(sup, p3).status == "held"
    held_file = next(held_dir(sup).iterdir())
    sup.backup_before("manual")            # stands for the batch's backup: the batch itself writes nothing else
    before = dump(sup)

    dialect = sup.db.engine.dialect
    real_commit = dialect.do_commit
    batch_connection: list = []

    def note_connection(conn, **kw):
        batch_connection.append(conn.connection.dbapi_connection)
        return real_record(conn, **kw)

    def commit(dbapi_connection):
        if batch_connection and dbapi_connection.dbapi_connection is batch_connection[0]:
            batch_connection.clear()
            raise sqlite3.OperationalError("database or disk is full")
        return real_commit(dbapi_connection)

    real_record = sync_repo.record_package
    with monkeypatch.context() as patch:
        patch.setattr(sync_repo, "record_package", note_connection)
        patch.setattr(dialect, "do_commit", commit)
        reports = import_packages(sup, [p1, p2])
    assert [r.status for r in reports] == ["rejected", "rejected"]
    assert all(r.reason.startswith("E_SYNC_BATCH_SAVE") and "磁盘" in r.reason and r.created == 0 for r in reports)
    assert dump(sup) == before
    assert held_file.is_file()

    again = import_packages(sup, [p1, p2])
    assert [(r.status, r.created) for r in again] == [("imported", 3), ("imported", 4)]
    assert not held_file.exists()
    assert _case_ids(sup, room.node.node_id) == _case_ids(room, room.node.node_id)

"""Hostile packages at the database layer: validly signed by an enrolled peer, yet refused for what
they carry, in dry run and real import alike, with the database logically unchanged afterwards."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from mediation_desktop.services.demo import fill_demo
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.trust import revoke

from .sync_helpers import dump, export_one, import_one, make_node, make_pair, rewrap


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def edit_first_case(entries: dict, change) -> None:
    lines = entries[rec.RECORDS].decode("utf-8").splitlines()
    first = json.loads(lines[0])
    change(first)
    lines[0] = json.dumps(first, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    entries[rec.RECORDS] = ("\n".join(lines) + "\n").encode("utf-8")


def raw_replace(old: str, new: str):
    def mutate(entries: dict) -> None:
        text = entries[rec.RECORDS].decode("utf-8")
        assert old in text
        entries[rec.RECORDS] = text.replace(old, new, 1).encode("utf-8")
    return mutate


def money_as_float(entries):
    edit_first_case(entries, lambda r: r["data"].update(amount_claimed_fen="__F__"))
    raw_replace('"__F__"', "1640902.5")(entries)


def duplicate_key(entries):
    edit_first_case(entries, lambda r: r["data"].update(mediator="__D__"))
    raw_replace('"mediator":"__D__"', '"mediator":"甲","mediator":"乙"')(entries)


def unknown_status(entries):
    edit_first_case(entries, lambda r: r["data"].update(status="pending_review"))


def bad_uuid(entries):
    edit_first_case(entries, lambda r: r.update(id="not-a-uuid"))


def bad_date(entries):
    edit_first_case(entries, lambda r: r["data"].update(received_on="2026-02-30"))


def negative_money(entries):
    edit_first_case(entries, lambda r: r["data"].update(amount_claimed_fen=-5))


def someone_elses_record(entries):
    edit_first_case(entries, lambda r: r.update(origin_node="00000000-0000-4000-8000-000000000000"))


def duplicated_record(entries):
    first = entries[rec.RECORDS].split(b"\n")[0]
    entries[rec.RECORDS] = first + b"\n" + entries[rec.RECORDS]


def change_list_with_a_hole(entries):
    lines = entries[rec.CHANGES].split(b"\n")
    entries[rec.CHANGES] = b"\n".join(lines[:2] + lines[3:])


def tampered_audit(entries):
    lines = entries[rec.AUDIT].decode("utf-8").splitlines()
    entry = json.loads(lines[-1])
    entry["user"] = "冒名者"
    lines[-1] = json.dumps(entry, ensure_ascii=False)
    entries[rec.AUDIT] = ("\n".join(lines) + "\n").encode("utf-8")


def wrong_org_code(entries):
    control = json.loads(entries[rec.CONTROL])
    control["organisation"]["code"] = "XX"
    entries[rec.CONTROL] = json.dumps(control, ensure_ascii=False).encode("utf-8")


MUTATIONS = {
    "float money": (money_as_float, "E_JSON_FLOAT"),
    "duplicate key": (duplicate_key, "E_JSON_DUPLICATE_KEY"),
    "unknown enum": (unknown_status, "E_SYNC_RECORD"),
    "bad uuid": (bad_uuid, "E_SYNC_RECORD"),
    "impossible date": (bad_date, "E_SYNC_RECORD"),
    "negative money": (negative_money, "E_SYNC_RECORD"),
    "another node's record": (someone_elses_record, "E_SYNC_RECORD"),
    "same record twice": (duplicated_record, "E_SYNC_RECORD"),
    "hole in the change list": (change_list_with_a_hole, "E_SYNC_RECORD"),
    "edited audit entry": (tampered_audit, "E_SYNC_RECORD"),
    "organisation code": (wrong_org_code, "E_SYNC_ORG_MISMATCH"),
}


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    os.environ.pop("MEDIATION_DESKTOP_PASSPHRASE", None)
    tmp = tmp_path_factory.mktemp("hostile")
    room, sup = make_pair(tmp, cases=6)
    return room, sup, export_one(room, tmp / "good"), tmp


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
@pytest.mark.parametrize("name", list(MUTATIONS))
def test_malformed_records_refuse_the_whole_package(pair, name, dry_run):
    room, sup, good, tmp = pair
    mutate, code = MUTATIONS[name]
    bad = rewrap(room, sup, good, tmp / f"bad-{name}-{dry_run}".replace(" ", "_"), mutate)
    before = dump(sup)
    report = import_one(sup, bad, dry_run=dry_run)
    assert report.status == "rejected"
    assert report.reason.startswith(code), report.reason
    assert dump(sup) == before


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_revoked_sender_is_refused(tmp_path, dry_run):
    room, sup = make_pair(tmp_path, cases=2)
    package = export_one(room, tmp_path / "s")
    revoke(sup, room.node.node_id)
    before = dump(sup)
    report = import_one(sup, package, dry_run=dry_run)
    assert report.status == "rejected" and report.reason.startswith("E_PKG_REVOKED")
    assert dump(sup) == before


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_cloned_installation_reusing_the_node_id_is_refused(tmp_path, dry_run):
    room, sup = make_pair(tmp_path, cases=0)
    room.db.dispose()
    shutil.copytree(room.paths.root, tmp_path / "clone")  # the room PC copied, keys and all
    clone = make_node_from(tmp_path / "clone")
    fill_demo(room, 3, seed=1)
    fill_demo(clone, 3, seed=2)
    assert import_one(sup, export_one(room, tmp_path / "a")).status == "imported"
    before = dump(sup)
    report = import_one(sup, export_one(clone, tmp_path / "b"), dry_run=dry_run)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_CLONED")
    assert dump(sup) == before


def make_node_from(root):
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.backend import Backend

    return Backend(DataPaths.resolve(root), "测试员")


def test_same_case_id_from_another_room_is_refused_whole(tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    other = make_node(tmp_path / "other", "room", "河西区调解中心", "HX")
    from .sync_helpers import enrol

    enrol(other, sup)
    first = export_one(room, tmp_path / "a")
    assert import_one(sup, first).created == 3
    fill_demo(other, 1, seed=9)
    mine = export_one(other, tmp_path / "b")
    with room.db.read() as conn:
        from mediation_desktop.storage import sync_repo

        stolen_id = sync_repo.owned_case_ids(conn, room.node.node_id)[0]
    forged = rewrap(other, sup, mine, tmp_path / "c", lambda e: edit_first_case(e, lambda r: r.update(id=stolen_id)))
    before = dump(sup)
    report = import_one(sup, forged)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_OWNER") and stolen_id in report.reason
    assert dump(sup) == before


KILLER = r"""
import os, signal, sys
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import sync_repo
import mediation_desktop.sync.trust
from mediation_desktop.sync.importer import import_packages

real = sync_repo.set_origin
def die(*args, **kw):
    real(*args, **kw)          # the cases are written, the high-water mark too: now the power fails
    os.kill(os.getpid(), signal.SIGKILL)
sync_repo.set_origin = die
backend = Backend(DataPaths.resolve(sys.argv[1]), "测试员")
import_packages(backend, [sys.argv[2]])
"""


def test_an_import_killed_half_way_leaves_nothing_behind(tmp_path):
    room, sup = make_pair(tmp_path, cases=25)
    package = export_one(room, tmp_path / "s")
    sup.db.dispose()
    before = dump(sup)
    env = {**os.environ, "MEDIATION_DESKTOP_PASSPHRASE": ""}
    proc = subprocess.run([sys.executable, "-c", KILLER, str(sup.paths.root), str(package)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    import sqlite3

    con = sqlite3.connect(sup.paths.database)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert dump(sup) == before
    report = import_one(sup, package)
    assert report.status == "imported" and report.created == 25

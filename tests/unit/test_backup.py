"""Backups: the thinning rule, restore to a known state, refusals, damage detection and recovery,
the daily automatic backup and the data-folder location warning."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.clock import CST
from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import backups
from mediation_desktop.services.audit_events import record_event
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.data_location import location_warnings
from mediation_desktop.services.integrity import full_check
from mediation_desktop.storage.backup import integrity_problems

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=CST)
stamps = st.lists(st.integers(min_value=0, max_value=800 * 24 * 60).map(lambda m: NOW - timedelta(minutes=m)),
                  max_size=80)


@given(stamps)
def test_thinning_keeps_a_subset_including_the_newest(xs):
    keep = backups.backups_to_keep(xs, NOW)
    assert keep <= set(xs)
    if xs:
        assert set(sorted(set(xs))[-backups.KEEP_NEWEST:]) <= keep


@given(stamps)
def test_thinning_keeps_the_newest_of_each_recent_day_week_and_month(xs):
    keep = backups.backups_to_keep(xs, NOW)
    for x in xs:
        age = NOW - x
        same = [y for y in xs if y.date() == x.date()] if age < timedelta(days=7) else None
        if same is not None and all(NOW - y < timedelta(days=7) for y in same):
            newest = sorted(set(xs))[-backups.KEEP_NEWEST:]
            assert (x in keep) == (x == max(same) or x in newest)
    # nothing between one week and a year lacks a kept backup in its week (younger than a month) or month
    for x in xs:
        age = NOW - x
        if timedelta(days=7) <= age < timedelta(days=31):
            assert any(y.isocalendar()[:2] == x.isocalendar()[:2] for y in keep)
        elif timedelta(days=31) <= age < timedelta(days=365):
            assert any((y.year, y.month) == (x.year, x.month) for y in keep)


@given(stamps)
def test_thinning_is_idempotent_and_bounded(xs):
    keep = backups.backups_to_keep(xs, NOW)
    assert backups.backups_to_keep(keep, NOW) == keep
    assert len(keep) <= 7 + 1 + 6 + 13 + backups.KEEP_NEWEST  # days, week boundary, weeks, months, newest


@given(stamps, st.integers(min_value=0, max_value=400))
@settings(max_examples=50)
def test_nothing_older_than_a_year_survives_but_the_newest(xs, later_days):
    at = NOW + timedelta(days=later_days)
    keep = backups.backups_to_keep(xs, at)
    old = {x for x in keep if at - x >= timedelta(days=365)}
    assert old <= set(sorted(set(xs))[-backups.KEEP_NEWEST:])


@pytest.fixture
def backend(data_dir):
    b = Backend.open(data_dir, "tester", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    yield b
    b.close()


def _count_cases(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        con.close()


def test_restore_brings_back_a_known_state_and_keeps_the_replaced_file(backend, data_dir, tmp_path):
    from mediation_desktop.services.demo import fill_demo

    fill_demo(backend, 20)
    saved = backups.backup_to_file(backend, tmp_path / "known.sqlite3")
    fill_demo(backend, 7, seed=2)
    backend.close()
    paths = DataPaths.resolve(data_dir)
    assert _count_cases(paths.database) == 27
    result = backups.restore_database(paths, saved, "admin")
    assert _count_cases(paths.database) == 20
    assert result.replaced is not None and result.replaced.name.startswith("mediation.sqlite3.replaced-")
    assert _count_cases(result.replaced) == 27  # the replaced data is still there
    assert result.safety_backup is not None and _count_cases(result.safety_backup) == 27
    report = full_check(paths)
    assert report.ok, report.problems
    con = sqlite3.connect(paths.database)
    assert con.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0] == "restore"
    con.close()


def test_restore_refuses_damaged_foreign_and_other_node_files(backend, data_dir, tmp_path):
    backend.close()
    paths = DataPaths.resolve(data_dir)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    other_node_dir = tmp_path / "elsewhere"
    b2 = Backend.open(other_node_dir, "x", must_exist=False)
    b2.initialise("另一个调解中心", "津河西")
    b2.close()
    for source, code in ((junk, "E_RESTORE_DAMAGED"), (other, "E_RESTORE_SCHEMA"),
                         (other_node_dir / "mediation.sqlite3", "E_RESTORE_OTHER_NODE"),
                         (tmp_path / "absent.sqlite3", "E_RESTORE_SOURCE")):
        before = paths.database.read_bytes()
        with pytest.raises(UserError) as info:
            backups.restore_database(paths, source, "admin")
        assert info.value.code == code
        assert paths.database.read_bytes() == before


def _corrupt(path, at: int = 2 * 4096, length: int = 4096 * 3) -> None:
    with open(path, "r+b") as fh:
        fh.seek(at)
        fh.write(b"\xde\xad\xbe\xef" * (length // 4))


@pytest.mark.expect_log(r"failed quick_check|damaged database replaced")
def test_damaged_database_is_refused_at_open_and_recovered_from_the_newest_good_backup(backend, data_dir):
    from mediation_desktop.services.demo import fill_demo

    fill_demo(backend, 40)
    good = backend.backup_before("manual")
    backend.close()
    paths = DataPaths.resolve(data_dir)
    _corrupt(paths.database)
    assert integrity_problems(paths.database)
    with pytest.raises(UserError) as info:
        Backend.open(data_dir, "x", check_max_age=None)  # the GUI's every-start check
    assert info.value.code == "E_DATABASE_DAMAGED" and good.name in info.value.message
    # The command line checks at most once a day: with no recent successful check it checks too.
    stamp = paths.logs / "last-quick-check.txt"
    stamp.write_text("2000-01-01T00:00:00+00:00", encoding="utf-8")
    with pytest.raises(UserError):
        Backend.open(data_dir, "x")
    damaged_bytes = paths.database.read_bytes()
    used = backups.recover_from_backup(paths)
    assert used == good
    assert not integrity_problems(paths.database) and _count_cases(paths.database) == 40
    kept = list(data_dir.glob("mediation.sqlite3.damaged-*"))
    assert [k.read_bytes() == damaged_bytes for k in kept if not k.name.endswith(("-wal", "-shm"))] == [True]
    Backend.open(data_dir, "x").close()


def test_recovery_skips_a_damaged_backup_and_says_when_there_is_none(backend, data_dir):
    first = backend.backup_before("manual")
    record_event(backend, "export", None, None, {"n": 1})
    second = backend.backup_before("import")
    backend.close()
    paths = DataPaths.resolve(data_dir)
    _corrupt(second, at=0, length=100)
    _corrupt(paths.database)
    assert backups.newest_good_backup(paths) == first
    _corrupt(first, at=0, length=100)
    with pytest.raises(UserError) as info:
        backups.recover_from_backup(paths)
    assert info.value.code == "E_NO_GOOD_BACKUP"


def test_automatic_backup_only_when_a_day_old_and_changed(backend, data_dir):
    paths = DataPaths.resolve(data_dir)
    assert backups.auto_backup_due(paths)  # initialised, never backed up
    taken = backups.maybe_auto_backup(backend)
    assert taken is not None and not backups.auto_backup_due(paths)
    later = backups.list_backups(paths.backups)[0].taken_at + timedelta(days=2)
    assert not backups.auto_backup_due(paths, at=later)  # a day old but nothing changed
    record_event(backend, "export", None, None, {"n": 1})
    assert not backups.auto_backup_due(paths)  # changed, but the last backup is fresh
    assert backups.auto_backup_due(paths, at=later)


def test_thin_backups_deletes_files_and_leaves_others_alone(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for days in (0, 0.5, 1, 2, 9, 10, 40, 41, 400):
        stamp = (NOW - timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
        (folder / f"mediation-{stamp}-auto.sqlite3").write_bytes(b"x")
    (folder / "notes.txt").write_text("mine")
    (folder / "mediation-20260101-000000-auto.sqlite3.part").write_bytes(b"half")
    removed = backups.thin_backups(folder, at=NOW)
    left = sorted(p.name for p in folder.iterdir())
    assert "notes.txt" in left and not any(n.endswith(".part") for n in left)
    assert len(removed) == 9 - (len(left) - 1)
    assert len(left) - 1 == len(backups.backups_to_keep([b.taken_at for b in backups.list_backups(folder)], NOW))
    assert len(left) - 1 == 6  # the five newest; 10 days shares a week with 9; one of May; none of 400 days


def test_location_warnings(tmp_path):
    mounts = "/dev/sda1 / ext4 rw 0 0\nserver:/share /mnt/office nfs4 rw 0 0\n/dev/sdb1 /media/u/USB vfat rw 0 0\n"
    from pathlib import Path

    assert location_warnings(Path("/home/u/data"), mounts_text=mounts) == []
    assert "nfs4" in location_warnings(Path("/mnt/office/data"), mounts_text=mounts)[0]
    assert "可移动" in location_warnings(Path("/media/u/USB/data"), mounts_text=mounts)[0]
    cloud = location_warnings(Path("/home/u/OneDrive/调解数据"), mounts_text=mounts)
    assert len(cloud) == 1 and "云同步" in cloud[0]
    assert "坚果云" in location_warnings(Path("/home/u/坚果云/data"), mounts_text=mounts)[0]


def test_command_line_quick_check_runs_at_most_daily(backend, data_dir, monkeypatch):
    from datetime import timedelta

    from mediation_desktop.services import integrity

    backend.close()
    calls = []
    real = integrity.store.integrity_problems
    monkeypatch.setattr(integrity.store, "integrity_problems", lambda *a, **k: calls.append(1) or real(*a, **k))
    for _ in range(3):
        Backend.open(data_dir, "x").close()
    assert len(calls) == 1
    Backend.open(data_dir, "x", check_max_age=None).close()
    Backend.open(data_dir, "x", check_max_age=timedelta(0)).close()
    assert len(calls) == 3

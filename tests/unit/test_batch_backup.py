"""A pile of packages is imported after one backup, not one per package; a backup younger than the
setting (an hour by default) with nothing written since stands for it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mediation_desktop.core.clock import now
from mediation_desktop.services import backups
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync.importer import import_packages

from .sync_helpers import enrol, export_one, make_node

ROOMS = (("和平区劳动人事争议调解中心", "HP"), ("河西区劳动人事争议调解中心", "HX"), ("南开区劳动人事争议调解中心", "NK"))


@pytest.fixture
def district(tmp_path):
    """A supervisor and three enrolled rooms, each with a package of a few cases."""
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    packages = []
    for i, (name, code) in enumerate(ROOMS):
        room = make_node(tmp_path / code, "room", name, code)
        enrol(room, sup)
        fill_demo(room, 4, seed=i)
        packages.append(export_one(room, tmp_path / f"out-{code}"))
        room.close()
    yield sup, packages
    sup.close()


def _backups(backend) -> list[str]:
    return sorted(b.path.name for b in backups.list_backups(backend.paths.backups))


def test_a_pile_of_packages_takes_one_backup(district):
    sup, packages = district
    before = _backups(sup)
    reports = import_packages(sup, packages)
    assert [r.status for r in reports] == ["imported"] * 3
    new = sorted(set(_backups(sup)) - set(before))
    assert len(new) == 1 and "sync_import" in new[0]


def test_a_recent_backup_with_no_writes_since_counts(district):
    sup, packages = district
    taken = sup.backup_before("manual")
    reports = import_packages(sup, packages[:2])
    assert [r.status for r in reports] == ["imported"] * 2
    assert _backups(sup) == [taken.name]                         # it stood for the batch's backup
    # The batch wrote: the next one needs a backup of its own.
    import_packages(sup, packages[2:])
    assert len(_backups(sup)) == 2


def test_a_write_after_the_backup_or_an_old_backup_does_not_count(district):
    sup, _ = district
    taken = sup.backup_before("manual")
    fresh = backups.fresh_for(sup)
    assert fresh == timedelta(hours=1)
    assert backups.recent_unchanged_backup(sup.paths, fresh) == taken
    assert backups.recent_unchanged_backup(sup.paths, fresh, at=now() + timedelta(minutes=61)) is None
    assert backups.recent_unchanged_backup(sup.paths, fresh, at=now() - timedelta(minutes=5)) is None  # clock went back
    fill_demo(sup, 1, seed=9)
    assert backups.recent_unchanged_backup(sup.paths, fresh) is None


@pytest.mark.parametrize(("raw", "minutes"), [("0", 0), ("15", 15), ("90.5", 90.5), ("abc", 60), ("-3", 60),
                                              ("1e9", 60), ("nan", 60)])
def test_the_setting(district, raw, minutes):
    sup, packages = district
    with sup.db.write() as conn:
        sync_repo.set_setting(conn, backups.FRESH_KEY, raw)
    assert backups.fresh_for(sup) == timedelta(minutes=minutes)
    sup.backup_before("manual")
    import_packages(sup, packages[:1])
    assert len(_backups(sup)) == (2 if minutes == 0 else 1)      # 0: always a new one


def test_a_dry_run_takes_no_backup(district):
    sup, packages = district
    reports = import_packages(sup, packages, dry_run=True)
    assert [r.status for r in reports] == ["imported"] * 3
    assert _backups(sup) == []


def test_progress_after_each_package_and_cancelling_between_them(district):
    sup, packages = district
    seen: list[tuple[int, int | None, str]] = []
    stop = [False]

    def progress(done, total, report) -> None:
        seen.append((done, total, report.status))
        stop[0] = done == 2

    reports = import_packages(sup, packages, on_progress=progress, cancelled=lambda: stop[0])
    assert seen == [(1, 3, "imported"), (2, 3, "imported")]
    assert len(reports) == 2
    lazy = import_packages(sup, iter(packages), on_progress=progress)
    assert [r.status for r in lazy] == ["already_imported", "already_imported", "imported"]
    assert seen[-1] == (3, None, "imported")


def test_backup_names_with_a_hyphenated_reason_are_listed(tmp_path):
    """Files named "…-sync-import.sqlite3" by earlier versions are backups too (thinned, offered)."""
    for name in ("mediation-20261130-101500-sync-import.sqlite3", "mediation-20261130-101500-sync-import-2.sqlite3",
                 "mediation-20261130-101501-sync_import.sqlite3", "mediation-20261130-101502-manual-3.sqlite3",
                 "mediation-20261130-1015-manual.sqlite3", "other.sqlite3"):
        (tmp_path / name).write_bytes(b"")
    found = sorted((b.path.name, b.reason) for b in backups.list_backups(tmp_path))
    assert found == [("mediation-20261130-101500-sync-import-2.sqlite3", "sync-import"),
                     ("mediation-20261130-101500-sync-import.sqlite3", "sync-import"),
                     ("mediation-20261130-101501-sync_import.sqlite3", "sync_import"),
                     ("mediation-20261130-101502-manual-3.sqlite3", "manual")]

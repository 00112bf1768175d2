"""The integrity quick_check runs after sign-in on a thread of its own: the desk is usable before
it ends, and damage it finds interrupts with the recovery dialog. Migrations still come first."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialog

from mediation_desktop.gui import messages
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts, integrity
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage.backup import integrity_problems

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"   # the account tests/gui/conftest.py signs in with


def _prepared(data_dir, cases: int = 0) -> DataPaths:
    paths = DataPaths.resolve(data_dir)
    backend = Backend(paths, TEST_USER)
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    accounts.create_first_user(backend, TEST_USER, TEST_PASSWORD)
    if cases:
        from mediation_desktop.services.demo import fill_demo

        fill_demo(backend, cases)
    backend.close()
    return paths


def test_the_desk_is_usable_before_the_check_ends(make_window, data_dir, monkeypatch, qtbot):
    """A check held back until the test lets it go: the desk is up and answers meanwhile."""
    _prepared(data_dir)
    release, started = threading.Event(), threading.Event()
    real = integrity.quick_check

    def slow(paths):
        started.set()
        assert release.wait(20)
        return real(paths)

    monkeypatch.setattr(integrity, "quick_check", slow)
    window = make_window()                                  # waits for `ready`: signed in, desk asked to load
    check = window.startup.check
    assert started.wait(5) and check.running                # still checking ...
    assert window.ctx.backend is not None and window.isVisible()
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 0   # ... and the database answers
    with qtbot.waitSignal(check.done, timeout=20000) as done:
        release.set()
    assert done.args == [True] and not check.running
    assert window.ctx.backend is not None                   # a sound file changes nothing


@pytest.fixture
def order(monkeypatch):
    """What happened, in order: migrations, the desk shown, the quick_check, the recovery dialog."""
    from mediation_desktop.gui.main_window import MainWindow

    seen: list[str] = []
    real_migrate, real_check, real_ready = Backend.migrate, integrity.quick_check, MainWindow._ready

    def migrate(self):
        seen.append("migrate")
        return real_migrate(self)

    def check(paths):
        seen.append("quick_check")
        return real_check(paths)

    def ready(self) -> None:
        real_ready(self)
        seen.append("desk")

    monkeypatch.setattr(Backend, "migrate", migrate)
    monkeypatch.setattr(integrity, "quick_check", check)
    monkeypatch.setattr(MainWindow, "_ready", ready)
    return seen


def test_migrations_come_first_and_the_check_after_the_desk(make_window, data_dir, order, qtbot):
    _prepared(data_dir)
    order.clear()
    window = make_window()
    qtbot.waitUntil(lambda: not window.startup.checking, timeout=20000)
    assert order == ["migrate", "desk", "quick_check"]
    assert window.startup.state == "check_in_background" and window.ctx.backend is not None


def _damage_an_index(paths: DataPaths) -> None:
    """Damage that opening, migrating and signing in do not touch: a case index's pages."""
    import sqlite3

    con = sqlite3.connect(paths.database)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE type='index' AND tbl_name='cases' "
                       "AND name LIKE 'ix_cases%' ORDER BY rootpage DESC").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(paths.database, "r+b") as fh:
        fh.seek((root - 1) * page_size + 8)
        fh.write(b"\xde\xad\xbe\xef" * 64)


@pytest.mark.expect_log(r"failed quick_check|damaged database replaced")
def test_damage_found_after_sign_in_brings_up_the_recovery_dialog_over_the_desk(
        make_window, data_dir, dialog_answers, order, qtbot):
    paths = _prepared(data_dir, cases=60)
    backend = Backend(paths, TEST_USER)
    good = backend.backup_before("manual")
    backend.close()
    _damage_an_index(paths)
    assert integrity_problems(paths.database, quick=True)
    order.clear()
    offered: list = []

    def recover(dialog) -> bool:
        offered.append(dialog.good)
        order.append("recovery")
        dialog.recover()
        return dialog.result() == QDialog.DialogCode.Accepted

    dialog_answers["RecoveryDialog"] = recover
    window = make_window(wait=False)
    qtbot.waitUntil(lambda: order.count("desk") == 2, timeout=30000)   # the desk, then again after recovery
    qtbot.waitUntil(lambda: not window.startup.checking, timeout=20000)
    # Restoring checks and migrates the backup on its way in; then the desk again, checked again.
    assert order[:4] == ["migrate", "desk", "quick_check", "recovery"]
    assert order[-3:] == ["migrate", "desk", "quick_check"] and order.count("desk") == 2
    assert offered == [good]
    assert any(title == "已恢复" for title, _ in messages.shown)
    assert not integrity_problems(paths.database)
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 60

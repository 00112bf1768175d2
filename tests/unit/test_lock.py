"""One writer per data folder: the GUI's lock refuses a second holder, in this process or another,
and is gone when its process dies; restore refuses to replace a database the GUI has open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import backups
from mediation_desktop.storage.lock import InstanceLock


def test_second_holder_is_refused_and_can_take_over_after_release(tmp_path):
    first, second = InstanceLock(tmp_path / "mediation.lock"), InstanceLock(tmp_path / "mediation.lock")
    assert first.acquire()
    assert not second.acquire() and second.held_elsewhere()
    assert second.holder()["pid"] == os.getpid()
    first.release()
    assert second.acquire() and first.held_elsewhere()
    second.release()


HOLD = "import sys, time; from pathlib import Path; from mediation_desktop.storage.lock import InstanceLock;" \
       "l = InstanceLock(Path(sys.argv[1])); assert l.acquire(); print('held', flush=True); time.sleep(60)"


def test_a_lock_held_by_another_process_is_refused_and_freed_when_it_dies(tmp_path):
    path = tmp_path / "mediation.lock"
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        mine = InstanceLock(path)
        assert not mine.acquire()
        assert mine.holder()["pid"] == child.pid
        child.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        child.wait(10)
        deadline = time.monotonic() + 5
        while not mine.acquire() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mine.held  # no stale lock after a crash
        mine.release()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_restore_is_refused_while_the_gui_holds_the_folder(data_dir, tmp_path):
    from mediation_desktop.services.backend import Backend

    b = Backend.open(data_dir, "x", must_exist=False)
    b.initialise("和平区调解中心", "津和平")
    saved = backups.backup_to_file(b, tmp_path / "saved.sqlite3")
    b.close()
    gui = InstanceLock(data_dir / "mediation.lock")
    assert gui.acquire()
    try:
        with pytest.raises(UserError) as info:
            backups.restore_database(DataPaths.resolve(data_dir), saved, "admin")
        assert info.value.code == "E_DATA_IN_USE"
    finally:
        gui.release()
    backups.restore_database(DataPaths.resolve(data_dir), saved, "admin")


def test_a_writer_blocked_past_the_busy_timeout_gets_a_clear_message_and_writes_nothing(data_dir, monkeypatch):
    import sqlite3

    from mediation_desktop.services.audit_events import record_event
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.storage import engine

    b = Backend.open(data_dir, "x", must_exist=False)
    b.initialise("和平区调解中心", "津和平")
    b.close()
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(data_dir / "mediation.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # someone else is writing
    b = Backend.open(data_dir, "x")
    try:
        with pytest.raises(UserError) as info:
            record_event(b, "export", None, None, {"n": 1})
        assert info.value.code == "E_DATABASE_BUSY"
        other.execute("ROLLBACK")
        record_event(b, "export", None, None, {"n": 2})
        with b.db.read() as conn:
            details = [r[0] for r in conn.exec_driver_sql("SELECT detail FROM audit_log WHERE action = 'export'")]
        assert details == ['{"n": 2}']
    finally:
        other.close()
        b.close()

"""Faults of the computer (full disk, I/O error, read-only medium, missing permission) reach the
user as a plain Chinese message with a stable code and exit 2, never as the crash dialog or exit 1,
and nothing is half-written."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from mediation_desktop import cli
from mediation_desktop.core.environment_errors import (
    EnvironmentFault,
    environment_fault,
    from_database_message,
    from_os_error,
)
from mediation_desktop.core.errors import UserError
from mediation_desktop.storage.engine import Database


@pytest.mark.parametrize("number, code", [
    (errno.ENOSPC, "E_DISK_FULL"), (errno.EDQUOT, "E_DISK_FULL"), (errno.EIO, "E_IO"),
    (errno.EROFS, "E_READ_ONLY"), (errno.EACCES, "E_NO_ACCESS"), (errno.EPERM, "E_NO_ACCESS"),
])
def test_each_errno_has_its_code_and_a_chinese_message(number, code):
    fault = from_os_error(OSError(number, os.strerror(number), "/media/u盘/报表.xlsx"))
    assert isinstance(fault, EnvironmentFault) and fault.code == code
    assert "/media/u盘/报表.xlsx" in fault.message and "操作没有完成" in fault.message
    assert str(fault).startswith(f"{code}: ")


def test_program_faults_are_not_mistaken_for_the_environment():
    assert from_os_error(OSError(errno.EBADF, "bad fd")) is None
    assert environment_fault(ValueError("boom")) is None
    assert environment_fault(KeyError("x")) is None


def test_a_wrapped_cause_is_found():
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("while saving") from inner
    except RuntimeError as outer:
        fault = environment_fault(outer)
    assert fault is not None and fault.code == "E_DISK_FULL"


@pytest.mark.parametrize("message, code", [
    ("database or disk is full", "E_DISK_FULL"), ("disk I/O error", "E_IO"),
    ("attempt to write a readonly database", "E_READ_ONLY"), ("no such table: x", None),
])
def test_sqlite_words(message, code):
    fault = from_database_message(message)
    assert (fault.code if fault else None) == code
    assert ((environment_fault(sqlite3.OperationalError(message)) or UserError("-", "")).code
            == (code or "-"))


def _small_database(path: Path) -> Database:
    db = Database(path)
    with db.write() as conn:
        conn.execute(text("CREATE TABLE notes(body TEXT)"))
        conn.execute(text("INSERT INTO notes VALUES ('kept')"))
    return db


def test_a_really_full_database_is_disk_full_and_rolled_back(tmp_path):
    """SQLite's own "database or disk is full" (the file may not grow past max_page_count, as when
    the disk has no room), through the storage layer: E_DISK_FULL, and the transaction is undone."""
    db = _small_database(tmp_path / "full.sqlite3")
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    db.dispose()

    @__import__("sqlalchemy").event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

    with pytest.raises(EnvironmentFault) as info:
        with db.write() as conn:
            conn.execute(text("INSERT INTO notes VALUES ('new')"))
            for _ in range(50):
                conn.execute(text("INSERT INTO notes VALUES (:b)"), {"b": "x" * 20000})
    assert info.value.code == "E_DISK_FULL"
    with db.read() as conn:
        assert [r[0] for r in conn.execute(text("SELECT body FROM notes"))] == ["kept"]
    db.dispose()


def test_a_read_only_database_is_read_only(tmp_path):
    path = tmp_path / "ro.sqlite3"
    _small_database(path).dispose()
    db = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(EnvironmentFault) as info:
        with db.write() as conn:
            conn.execute(text("INSERT INTO notes VALUES ('no')"))
    assert info.value.code == "E_READ_ONLY"
    db.dispose()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM notes").fetchone()[0] == 1
    con.close()


@pytest.fixture
def initialised(data_dir):
    assert cli.main(["--user", "测试员", "init", "--org", "和平区调解中心", "--org-code", "HP"]) == 0
    assert cli.main(["--user", "测试员", "demo", "--cases", "3"]) == 0
    return data_dir


def test_the_command_line_exits_2_on_a_full_disk(initialised, tmp_path, monkeypatch, capsys):
    """A full disk cannot be made here without root's mount rights, so the report writer's write
    raises ENOSPC as the kernel would; everything around it is real."""
    from mediation_desktop.services import report_writers

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report_writers, "_json", full)
    capsys.readouterr()
    code = cli.main(["--user", "测试员", "report", "--from", "2026-01-01", "--to", "2026-12-31",
                     "--out", str(tmp_path / "r.json")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("E_DISK_FULL: ") and "Traceback" not in err
    assert not (tmp_path / "r.json").exists()


def test_the_command_line_exits_2_on_a_refused_folder(initialised, tmp_path, capsys):
    """A real refusal: /sys refuses new files even to root."""
    target = Path("/sys/x.docx")
    if os.access("/sys", os.W_OK) and not Path("/sys/kernel").exists():
        pytest.skip("no /sys here")
    capsys.readouterr()
    assert cli.main(["--user", "测试员", "cases", "--json"]) == 0
    case_no = __import__("json").loads(capsys.readouterr().out)[0]["case_no"]
    code = cli.main(["--user", "测试员", "doc", case_no, "application", "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(("E_NO_ACCESS: ", "E_OUTPUT_PATH: ", "E_READ_ONLY: ")), err


@pytest.mark.expect_log("unexpected error in a background task")  # the real bug at the end
def test_the_window_shows_a_message_not_the_crash_dialog(qapp, monkeypatch):
    from mediation_desktop.gui import crash, messages
    from mediation_desktop.gui.tasks import TaskRunner

    monkeypatch.setattr(crash, "HEADLESS", True)
    monkeypatch.setattr(messages, "HEADLESS", True)
    runner = TaskRunner()
    crashes, shown = len(crash.crashes), len(messages.shown)
    runner.report_failure(OSError(errno.EROFS, "Read-only file system", "/media/u"), "tb", None)
    assert len(crash.crashes) == crashes
    title, body = messages.shown[-1]
    assert len(messages.shown) == shown + 1 and "只读" in body and "/media/u" in body
    assert body.count("写保护") == 1  # the next step is shown once
    runner.report_failure(ZeroDivisionError("bug"), "tb", None)
    assert len(crash.crashes) == crashes + 1  # a real bug still is one


def test_an_escaping_disk_fault_is_explained_not_a_crash(qapp, monkeypatch):
    """The hook for exceptions escaping Qt slots: a full disk gets its message, not the crash dialog."""
    import sys

    from mediation_desktop.gui import crash, messages

    monkeypatch.setattr(crash, "HEADLESS", True)
    monkeypatch.setattr(messages, "HEADLESS", True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook("")
    crashes, shown = len(crash.crashes), len(messages.shown)
    exc = OSError(errno.ENOSPC, "No space left on device", "D:\\调解\\备份.sqlite3")
    sys.excepthook(OSError, exc, None)
    assert len(crash.crashes) == crashes and len(messages.shown) == shown + 1
    assert "磁盘空间已满" in messages.shown[-1][1]


def test_a_data_folder_without_permission(tmp_path, monkeypatch):
    """SQLite says only "unable to open database file"; when the folder or file refuses this account
    (simulated: permission bits do not bind root), the user is told it is a permission matter."""
    db = tmp_path / "mediation.sqlite3"
    db.write_bytes(b"")
    assert from_database_message("unable to open database file", db) is None  # accessible: a real fault
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    fault = from_database_message("unable to open database file", db)
    assert fault is not None and fault.code == "E_NO_ACCESS" and str(db) in fault.message

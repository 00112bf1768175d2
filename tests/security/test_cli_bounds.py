"""Bad input on the command line is refused with an E_ code and exit 2, never exit 1 (an internal
error), and changes nothing: huge numbers, dates past year 9999, output paths that cannot be
written, and a backup aimed at the live database."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from e2e.cli import run_cli

from mediation_desktop.paths import DataPaths

HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    data = tmp_path_factory.mktemp("bounds") / "data"
    assert run_cli(data, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP").code == 0
    assert run_cli(data, "demo", "--cases", "8").code == 0
    case_no = run_cli(data, "cases", "--json").json()[0]["case_no"]
    return data, case_no


def _state(data: Path) -> tuple[str, int]:
    db = DataPaths.resolve(data).database
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    return hashlib.sha256(str((rows, docs)).encode()).hexdigest(), docs


def _refused(data: Path, *args: str, code: str = "E_") -> str:
    before = _state(data)
    result = run_cli(data, *args)
    assert result.code == 2, (args, result.code, result.err)
    assert result.err.strip().splitlines()[-1].startswith(code), result.err
    assert "Traceback" not in result.err and "内部错误" not in result.err
    assert _state(data) == before
    return result.err


@pytest.mark.parametrize("args", [
    ("deadlines", "--within", HUGE),
    ("cases", "--limit", HUGE),
    ("deadlines", "--on", "9999-12-31", "--within", "100000"),
    ("deadlines", "--on", "9999-12-31", "--within", "30"),
    ("deadlines", "--within", "-1"),
    ("cases", "--limit", "-5"),
    ("cases", "--limit", "1e3"),
    ("deadlines", "--on", "99999-01-01"),
    ("demo", "--cases", HUGE),
])
def test_numbers_and_dates_out_of_range(register, args):
    data, _ = register
    _refused(data, *args, code="E_")


def test_the_largest_accepted_values_still_work(register):
    data, _ = register
    assert run_cli(data, "cases", "--limit", "10000000", "--json").code == 0
    assert run_cli(data, "deadlines", "--within", "3660", "--json").code == 0
    assert run_cli(data, "deadlines", "--on", "9999-12-31", "--within", "0", "--json").code == 0


@pytest.mark.parametrize("out", ["/proc/x.docx", "/nonexistent-folder/x.docx", "{tmp}/missing/x.docx", "{tmp}"])
def test_doc_to_an_unwritable_or_missing_folder(register, tmp_path, out):
    data, case_no = register
    target = out.format(tmp=tmp_path)
    if target == str(tmp_path):
        target += "/"  # a folder, not a file
    _refused(data, "doc", case_no, "application", "--out", target)
    assert not Path(target).is_file()


def test_doc_to_a_read_only_folder(register, tmp_path):
    data, case_no = register
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permission bits do not stop writes")
        _refused(data, "doc", case_no, "application", "--out", str(folder / "x.docx"))
    finally:
        folder.chmod(0o700)


def test_backup_never_overwrites_the_live_database(register, tmp_path):
    data, _ = register
    db = DataPaths.resolve(data).database
    run_cli(data, "cases")  # the database is open in WAL mode; -wal and -shm may exist
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    wal_link = tmp_path / "wal-link"
    wal_link.symlink_to(db.with_name(db.name + "-wal"))
    hard = tmp_path / "hard.sqlite3"
    os.link(db, hard)
    spellings = [str(db), str(db) + "-wal", str(db) + "-shm", str(db) + "-journal",
                 str(db.parent / "." / ".." / db.parent.name / db.name), str(link), str(wal_link), str(hard)]
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    for target in spellings:
        err = _refused(data, "backup", "--out", target, code="E_BACKUP_TARGET")
        assert "数据库" in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    ok = tmp_path / "ok.sqlite3"
    assert run_cli(data, "backup", "--out", str(ok)).code == 0 and ok.stat().st_size > 0


def test_backup_to_a_missing_folder(register, tmp_path):
    data, _ = register
    _refused(data, "backup", "--out", str(tmp_path / "no" / "such" / "b.sqlite3"), code="E_OUTPUT_PATH")
    _refused(data, "backup", "--out", "/proc/b.sqlite3")

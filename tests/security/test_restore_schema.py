"""A backup is a whole SQLite file, schema included. Restore and ``check`` accept only the schema
this program's own migrations make for the file's revision: an extra trigger, view, index or
column is named and refused, and nothing changes."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from e2e.cli import run_cli

from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import backups
from mediation_desktop.services.integrity import full_check
from mediation_desktop.storage.schema_check import schema_differences

TRIGGER = ("CREATE TRIGGER wipe_cases AFTER INSERT ON audit_log "
           "BEGIN DELETE FROM cases; END")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count_cases(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        con.close()


def _alter(path: Path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """A real register with cases, and a valid backup of it taken by ``backup --out``."""
    root = tmp_path_factory.mktemp("schema")
    data = root / "data"
    assert run_cli(data, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP").code == 0
    assert run_cli(data, "demo", "--cases", "12").code == 0
    backup = root / "good.sqlite3"
    result = run_cli(data, "backup", "--out", str(backup))
    assert result.code == 0, result.err
    return data, backup


def test_a_backup_with_an_extra_trigger_is_refused_and_nothing_changes(register, tmp_path):
    data, good = register
    poisoned = tmp_path / "poisoned.sqlite3"
    poisoned.write_bytes(good.read_bytes())
    _alter(poisoned, TRIGGER)
    database = DataPaths.resolve(data).database
    before = _digest(database)
    result = run_cli(data, "restore", str(poisoned))
    assert result.code == 2, result.err
    assert result.err.startswith("E_RESTORE_SCHEMA:") and "wipe_cases" in result.err and "触发器" in result.err
    assert _digest(database) == before
    assert _count_cases(database) == 12
    # The untouched backup still restores (the refusal is about the trigger, not the file).
    assert run_cli(data, "restore", str(good)).code == 0
    assert _count_cases(database) == 12


def test_check_reports_a_trigger_added_to_the_live_database(tmp_path):
    data = tmp_path / "data"
    assert run_cli(data, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP").code == 0
    assert run_cli(data, "check").code == 0
    _alter(DataPaths.resolve(data).database, TRIGGER)
    result = run_cli(data, "check", "--json")
    assert result.code == 2
    assert not result.json()["ok"]
    assert any("wipe_cases" in p for p in result.json()["problems"])


@pytest.mark.parametrize("sql, named", [
    ("CREATE VIEW everyone AS SELECT * FROM cases", "视图“everyone”"),
    ("CREATE INDEX ix_sneaky ON cases(facts)", "索引“ix_sneaky”"),
    ("ALTER TABLE cases ADD COLUMN payload TEXT", "数据表“cases”"),
    ("CREATE TABLE stash(x)", "数据表“stash”"),
    ("DROP INDEX ix_audit_log_at", "缺少索引“ix_audit_log_at”"),
])
def test_every_kind_of_schema_change_is_named(register, tmp_path, sql, named):
    data, good = register
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(good.read_bytes())
    if sql.startswith("DROP INDEX"):
        con = sqlite3.connect(copy)
        index = con.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
                            "ORDER BY name LIMIT 1").fetchone()[0]
        con.close()
        sql, named = f"DROP INDEX {index}", f"缺少索引“{index}”"
    assert schema_differences(copy) == []
    _alter(copy, sql)
    problems = schema_differences(copy)
    assert any(named in p for p in problems), problems
    paths = DataPaths.resolve(data)
    before = _digest(paths.database)
    with pytest.raises(UserError) as info:
        backups.check_restorable(copy)
    assert info.value.code == "E_RESTORE_SCHEMA"
    assert _digest(paths.database) == before


@pytest.mark.parametrize("seed", ["1", "2", "3"])
def test_a_fresh_register_matches_in_any_process(tmp_path, seed):
    """Migrations rebuild tables with constraints in hash order; a register made in one process
    must pass ``check`` in another (a false alarm would teach users to ignore the check)."""
    data = tmp_path / "data"
    assert run_cli(data, "init", "--org", "和平区调解中心", "--org-code", "HP", env={"PYTHONHASHSEED": seed}).code == 0
    result = run_cli(data, "check", "--json", env={"PYTHONHASHSEED": str(int(seed) + 10)})
    assert result.code == 0, result.out + result.err
    assert full_check(DataPaths.resolve(data)).ok

"""Online backups with SQLite's backup API, each checked with ``integrity_check``, and the checks
``check``, ``restore`` and the start-up test run on a database file.

Files are only ever read through SQLite (never copied byte-wise while live); a new copy is written
under a temporary name, checked, synced to disk and then renamed, so a crash leaves either the old
state or the complete new file (plus at most a stray ``.part``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from mediation_desktop.core.clock import now
from mediation_desktop.core.errors import UserError
from mediation_desktop.storage.engine import Database

# Tables whose presence makes a file "our" database (beside a known Alembic revision).
REQUIRED_TABLES = ("alembic_version", "node_state", "organisations", "cases", "audit_log", "changes")


def known_revisions() -> set[str]:
    """Every schema revision this program can open (older ones are migrated on open)."""
    from alembic.script import ScriptDirectory

    from mediation_desktop.storage.migrate import alembic_config

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _connect_ro(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise sqlite3.DatabaseError(f"文件不存在：{path.name}")
    return sqlite3.connect(f"file:{pathname2url(str(path))}?mode=ro", uri=True)


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """What SQLite's integrity check reports (empty when the file is sound)."""
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    result = [r[0] for r in rows]
    return [] if result == ["ok"] else result


def table_problems(path: Path, tables: Sequence[str]) -> list[str]:
    """quick_check of some tables and their indexes only (SQLite 3.33+): the few small ones opening
    and signing in read and write, checked before the desk while the whole file is checked later."""
    problems: list[str] = []
    try:
        con = _connect_ro(path)
        try:
            present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in tables:
                if table in present:
                    rows = [r[0] for r in con.execute(f'PRAGMA quick_check("{table}")')]
                    if rows != ["ok"]:
                        problems += rows
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return problems


def schema_problems(path: Path, known_revisions: set[str] | None = None) -> list[str]:
    """Why a file is not a database of this app (empty when it is)."""
    try:
        con = _connect_ro(path)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            missing = [t for t in REQUIRED_TABLES if t not in tables]
            if missing:
                return [f"不是调解工作台的数据库（缺少数据表：{'、'.join(missing)}）"]
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if known_revisions is not None and (revision is None or revision[0] not in known_revisions):
                return [f"数据库版本（{revision[0] if revision else '无'}）比本程序新或无法识别，请先升级程序"]
            if con.execute("SELECT count(*) FROM node_state").fetchone()[0] != 1:
                return ["数据库尚未初始化或节点信息不完整"]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return []


def foreign_key_problems(path: Path, limit: int = 20) -> list[str]:
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute("PRAGMA foreign_key_check").fetchmany(limit)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在" for table, rowid, parent, _ in rows]


@dataclass(frozen=True)
class FileFacts:
    """What a sound database file says about itself: who it belongs to and how far it has got."""
    node_id: str | None
    audit_count: int
    audit_last_id: int
    audit_last_hash: str | None
    last_seq: int

    @property
    def change_marker(self) -> tuple[int, int]:
        """Grows with every committed change (each change writes an audit entry or an outbox row)."""
        return (self.audit_last_id, self.last_seq)


def file_facts(path: Path) -> FileFacts:
    con = _connect_ro(path)
    try:
        node = con.execute("SELECT node_id, last_seq FROM node_state").fetchone()
        count, last_id = con.execute("SELECT count(*), coalesce(max(id), 0) FROM audit_log").fetchone()
        last_hash = con.execute("SELECT hash FROM audit_log WHERE id = ?", (last_id,)).fetchone()
    finally:
        con.close()
    return FileFacts(node[0] if node else None, count, last_id, last_hash[0] if last_hash else None,
                     node[1] if node else 0)


def audit_hash_at(path: Path, entry_id: int) -> str | None:
    con = _connect_ro(path)
    try:
        row = con.execute("SELECT hash FROM audit_log WHERE id = ?", (entry_id,)).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def last_audit_at(path: Path, actions: tuple[str, ...]) -> str | None:
    con = _connect_ro(path)
    try:
        marks = ",".join("?" * len(actions))
        row = con.execute(f"SELECT max(at) FROM audit_log WHERE action IN ({marks})", actions).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def fsync_path(path: Path) -> None:
    """Flush a file, or a directory's entries (POSIX only: Windows has no directory handles)."""
    if path.is_dir():
        if os.name != "posix":
            return
        fd = os.open(path, os.O_RDONLY)
    else:
        fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (WAL included) through the backup API, checked with
    ``integrity_check`` and synced before it takes its final name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = _connect_ro(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    problems = integrity_problems(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise UserError("E_BACKUP_CHECK", "备份文件未通过完整性检查：" + "；".join(problems[:3]))
    fsync_path(tmp)
    tmp.replace(target)
    fsync_path(target.parent)


def backup_name(reason: str, stamp: str) -> str:
    return f"mediation-{stamp}-{reason}.sqlite3"


def backup_database(db: Database, folder: Path, reason: str = "manual") -> Path:
    if db.path is None:
        raise UserError("E_BACKUP_UNSUPPORTED", "只有本机 SQLite 数据库可以这样备份")
    stamp = now().strftime("%Y%m%d-%H%M%S")
    target = folder / backup_name(reason, stamp)
    n = 1
    while target.exists():
        n += 1
        target = folder / backup_name(f"{reason}-{n}", stamp)
    copy_database(db.path, target)
    return target


def sidecar_files(db_path: Path) -> list[Path]:
    """SQLite's companions of a database file (a hot ``-wal`` must never be separated from it)."""
    return [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal")]


def checkpoint(db_path: Path) -> None:
    """Fold the WAL into the main file and empty it, so the file alone is the whole database."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA busy_timeout=5000")
        busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy:
        raise UserError("E_DATA_IN_USE", "数据库正被其他程序使用，请先关闭调解工作台的其他窗口再试")


def move_aside(db_path: Path, suffix: str) -> Path:
    """Rename a database and its companion files to ``<name>.<suffix>`` (kept, never deleted)."""
    keep = db_path.with_name(f"{db_path.name}.{suffix}")
    n = 1
    while keep.exists():
        n += 1
        keep = db_path.with_name(f"{db_path.name}.{suffix}-{n}")
    db_path.replace(keep)
    for side in sidecar_files(db_path):
        if side.exists():
            side.replace(keep.with_name(keep.name + side.name[len(db_path.name):]))
    fsync_path(db_path.parent)
    return keep

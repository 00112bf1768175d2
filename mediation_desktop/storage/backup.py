"""Online backups with SQLite's backup API, each checked with ``integrity_check``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mediation_desktop.core.clock import now
from mediation_desktop.core.errors import UserError
from mediation_desktop.storage.engine import Database


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """What SQLite's integrity check reports (empty when the file is sound)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    result = [r[0] for r in rows]
    return [] if result == ["ok"] else result


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (WAL included) through the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
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
    tmp.replace(target)


def backup_database(db: Database, folder: Path, reason: str = "manual") -> Path:
    if db.path is None:
        raise UserError("E_BACKUP_UNSUPPORTED", "只有本机 SQLite 数据库可以这样备份")
    stamp = now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"mediation-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"mediation-{stamp}-{reason}-{n}.sqlite3"
    copy_database(db.path, target)
    return target

"""The start-up check (``quick_check`` at every open) and the full ``check``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.storage import backup as store

log = logging.getLogger(__name__)


STAMP = "last-quick-check.txt"
T = TypeVar("T")


def startup_check(paths: DataPaths, max_age: timedelta | None = None) -> None:
    """Refuse to open a damaged database, naming the way back (the damaged file is never touched).

    The GUI checks at every start. A command-line call passes ``max_age`` (a day): quick_check
    reads the whole file, seconds at a million cases, and scripts may call the CLI many times."""
    db = paths.database
    if not db.exists():
        return
    stamp = paths.logs / STAMP
    if max_age is not None and _checked_within(stamp, max_age):
        return
    problems = quick_check(paths)
    if problems:
        raise damaged_error(paths, problems)


def quick_check(paths: DataPaths) -> list[str]:
    """SQLite's quick_check of the database (empty when sound, and then stamped as checked).

    The GUI runs it on a thread of its own after sign-in (it reads the whole file: about half a
    minute at a million cases), with its own read-only connection, while the desk is in use.
    A folder whose database is on a PostgreSQL server has no file to check: the server checks its
    own pages (``check`` runs the server-side checks)."""
    from mediation_desktop.core.database_url import configured_database_url

    if configured_database_url(paths.root) is not None:
        return []
    problems = store.integrity_problems(paths.database, quick=True)
    if problems:
        log.error("database failed quick_check: %s", "; ".join(problems[:3]))
        return problems
    stamp = paths.logs / STAMP
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(datetime.now(UTC).isoformat(), encoding="utf-8")
    except OSError:
        pass  # an unwritable logs folder only means checking again next time
    return []


# What opening, migrating and signing in read or write, besides the catalogue: small tables, checked
# before the desk (milliseconds). Damage elsewhere is for the background check to find.
START_TABLES = ("alembic_version", "node_state", "settings", "organisations", "users", "peers")


def open_or_explain(paths: DataPaths, open_database: Callable[[], T]) -> T:
    """Open (and migrate) without checking the whole file first, only the start-up tables; when
    opening fails on the file itself, a quick_check decides whether it is damaged (E_DATABASE_DAMAGED with the way back)
    or the original fault stands. A damaged file that opens is caught by the background check."""
    if paths.database.exists():
        problems = store.table_problems(paths.database, START_TABLES)
        if problems:
            log.error("database failed quick_check (the start-up tables): %s", "; ".join(problems[:3]))
            raise damaged_error(paths, problems)
    try:
        return open_database()
    except UserError:
        raise
    except Exception:
        if paths.database.exists():
            problems = store.integrity_problems(paths.database, quick=True)
            if problems:
                log.error("database failed quick_check: %s", "; ".join(problems[:3]))
                raise damaged_error(paths, problems) from None
        raise


def _checked_within(stamp, max_age: timedelta) -> bool:  # a Path
    try:
        last = datetime.fromisoformat(stamp.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return False
    return timedelta(0) <= datetime.now(UTC) - last < max_age


def damaged_error(paths: DataPaths, problems: list[str]) -> UserError:
    from mediation_desktop.services.backups import newest_good_backup

    good = newest_good_backup(paths)
    detail = "；".join(problems[:2])
    if good is None:
        advice = (f"在 {paths.backups} 中没有找到完好的备份。请不要删除或覆盖这个文件，"
                  "把整个数据目录复制一份交给技术人员处理")
    else:
        advice = (f"最新的完好备份是 {good.name}。在图形界面中会提示从它恢复；也可以运行 "
                  f"“mediation-desktop restore \"{good}\"”。损坏的文件会保留在数据目录中，不会被删除")
    return UserError("E_DATABASE_DAMAGED", f"数据库文件 {paths.database} 已损坏（{detail}）。{advice}")


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "warnings": self.warnings, "checked": self.checked}


def full_check(paths: DataPaths, quick: bool = False) -> CheckReport:
    """integrity (or quick) check, foreign keys, the audit chain and its tail, the folder's place."""
    from mediation_desktop.services.audit_head import anchor_problems, tail_problems
    from mediation_desktop.services.data_location import location_warnings

    report = CheckReport(warnings=location_warnings(paths.root))
    db = paths.database
    if not db.exists():
        raise UserError("E_NOT_INITIALISED", f"数据目录 {paths.root} 中还没有数据库，请先运行 init 命令初始化")
    report.checked.append("quick_check" if quick else "integrity_check")
    found = store.integrity_problems(db, quick=quick)
    if found:
        report.problems += [f"完整性检查：{p}" for p in found[:20]]
        return report  # a damaged file's other answers cannot be trusted
    report.checked.append("schema")
    schema = store.schema_problems(db, store.known_revisions())
    if not schema:
        from mediation_desktop.storage.schema_check import schema_differences

        schema = [f"数据库结构：{p}" for p in schema_differences(db)]
    if schema:
        report.problems += schema
        return report
    report.checked.append("foreign_keys")
    report.problems += [f"外键检查：{p}" for p in store.foreign_key_problems(db)]
    report.checked.append("audit_chain")
    report.problems += _chain_problems(paths)
    report.problems += tail_problems(paths)
    report.checked.append("audit_anchor")
    report.problems += anchor_problems(paths)
    return report


def failure_message(paths: DataPaths, report: CheckReport) -> str:
    """What ``check`` says when it found problems: the first ten, and the way back when the file
    itself is damaged."""
    message = "检查发现问题：" + "；".join(report.problems[:10])
    if store.integrity_problems(paths.database, quick=True):
        message += "。" + damaged_error(paths, report.problems).message
    return message


def _chain_problems(paths: DataPaths) -> list[str]:
    from mediation_desktop.storage.engine import Database
    from mediation_desktop.storage.outbox import verify_audit_chain

    db = Database(paths.database)
    try:
        with db.read() as conn:
            return verify_audit_chain(conn)
    finally:
        db.dispose()

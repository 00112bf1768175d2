"""Backup policy: when to take one, which to keep, how to restore and how to recover.

- ``take_backup`` before migrations, imports and restores (``Backend.backup_before``) and
  ``maybe_auto_backup`` at most once a day when something changed (when a back end closes,
  and from the GUI's timer). The change marker is read from the newest backup itself, so no state
  outside the backups is needed.
- ``backups_to_keep`` is the pure thinning rule (daily for a week, weekly for a month, monthly for a
  year), after Anki's tiers.
- ``restore_database`` refuses a file that fails ``integrity_check`` or is not our schema, backs up
  first and keeps the replaced file beside the database.
- ``recover_from_backup`` puts the newest good backup in place of a damaged database, keeping it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from mediation_desktop.core.clock import CST, now
from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.storage import backup as store
from mediation_desktop.storage.lock import InstanceLock

log = logging.getLogger(__name__)

AUTO_INTERVAL = timedelta(days=1)
DAILY_FOR = timedelta(days=7)
WEEKLY_FOR = timedelta(days=31)
MONTHLY_FOR = timedelta(days=365)
KEEP_NEWEST = 5  # the safety copies from before today's imports and restores survive the day's thinning
# A reason is lower-case words joined by "_" or "-" (older versions wrote "sync-import"), then "-2"…
# when several were taken in one second.
_NAME_RE = re.compile(r"^mediation-(\d{8}-\d{6})-([a-z_]+(?:-[a-z_]+)*)(?:-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def list_backups(folder: Path) -> list[BackupFile]:
    """Our backup files in ``folder``, newest first (other files there are left alone)."""
    found = []
    if folder.is_dir():
        for p in folder.iterdir():
            m = _NAME_RE.match(p.name)
            if m and p.is_file():
                taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=CST)
                found.append(BackupFile(p, taken, m.group(2)))
    found.sort(key=lambda b: (b.taken_at, _mtime(b.path)), reverse=True)
    return found


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


# -- thinning ----------------------------------------------------------------------------------------
def _bucket(stamp: datetime, age: timedelta) -> tuple | None:
    if age < DAILY_FOR:
        return ("day", stamp.date())
    if age < WEEKLY_FOR:
        iso = stamp.isocalendar()
        return ("week", iso.year, iso.week)
    if age < MONTHLY_FOR:
        return ("month", stamp.year, stamp.month)
    return None


def backups_to_keep(stamps: Iterable[datetime], at: datetime) -> set[datetime]:
    """The newest backup of each day younger than a week, of each ISO week younger than a month and
    of each month younger than a year; plus the KEEP_NEWEST newest, however old."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[:KEEP_NEWEST])
    seen: set[tuple] = set()
    for stamp in ordered:
        bucket = _bucket(stamp, max(at - stamp, timedelta(0)))
        if bucket is not None and bucket not in seen:
            seen.add(bucket)
            keep.add(stamp)
    return keep


def thin_backups(folder: Path, at: datetime | None = None) -> list[Path]:
    """Delete the backups the rule does not keep; returns what was deleted."""
    files = list_backups(folder)
    keep = backups_to_keep([b.taken_at for b in files], at or now())
    kept_stamps: set[datetime] = set()
    removed = []
    for i, b in enumerate(files):  # newest first: of several files with one stamp, keep the first
        if i < KEEP_NEWEST or (b.taken_at in keep and b.taken_at not in kept_stamps):
            kept_stamps.add(b.taken_at)
            continue
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", b.path.name, exc)
    for stray in folder.glob("*.sqlite3.part"):  # left by a crash during a copy
        stray.unlink(missing_ok=True)
    return removed


# -- taking backups ----------------------------------------------------------------------------------
def take_backup(backend, reason: str = "manual", *, thin: bool = True) -> Path | None:
    """A checked copy in the data folder's ``backups/``; None when there is no database file."""
    from mediation_desktop.services import audit_head

    db = backend.db
    if db.path is None or not db.path.exists():
        return None
    target = store.backup_database(db, backend.paths.backups, reason=reason)
    log.info("backup taken (%s): %s", reason, target.name)
    audit_head.remember(backend.paths)
    if thin:
        thin_backups(backend.paths.backups)
    return target


# A backup this young, with no writes since, stands for the one a batch would take (the setting
# backup.fresh_minutes changes it; 0 always takes a new one). At a million cases a copy takes about
# a minute: forty rooms' packages in an hour should not pay it forty times.
FRESH_KEY = "backup.fresh_minutes"
FRESH_DEFAULT = timedelta(hours=1)


def fresh_for(backend) -> timedelta:
    from mediation_desktop.storage import sync_repo

    with backend.db.read() as conn:
        raw = sync_repo.get_setting(conn, FRESH_KEY)
    try:
        minutes = float(raw) if raw is not None else None
    except ValueError:
        minutes = None
    if minutes is None or not 0 <= minutes <= 7 * 24 * 60:
        return FRESH_DEFAULT
    return timedelta(minutes=minutes)


def recent_unchanged_backup(paths: DataPaths, fresh: timedelta, at: datetime | None = None) -> Path | None:
    """The newest backup when it is younger than ``fresh`` and nothing was written since.

    "Nothing written since" is the change marker (audit head id, this node's change counter) read
    from the backup and from the live file: every write through the services bumps one of them."""
    if fresh <= timedelta(0) or not paths.database.exists():
        return None
    at = at or now()
    for newest in list_backups(paths.backups):
        if not timedelta(0) <= at - newest.taken_at < fresh:
            return None
        try:
            same = store.file_facts(newest.path).change_marker == store.file_facts(paths.database).change_marker
        except Exception:  # noqa: BLE001 - an unreadable backup does not count
            continue
        return newest.path if same else None
    return None


def backup_before_batch(backend, reason: str) -> Path | None:
    """The one safety copy before a batch (a pile of sync packages): a backup younger than
    ``fresh_for`` with no writes since counts, otherwise a new one is taken."""
    if backend.db.path is not None:
        recent = recent_unchanged_backup(backend.paths, fresh_for(backend))
        if recent is not None:
            log.info("backup before %s: %s still current, none taken", reason, recent.name)
            return recent
    return backend.backup_before(reason)


def backup_now(backend) -> Path | None:
    """A backup someone asked for (the GUI's 立即备份): the same checked copy, for those allowed to."""
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, "backup.create")
    return take_backup(backend, "manual")


def backup_to_file(backend, out: Path) -> Path:
    """``backup --out FILE``: a checked copy wherever the user says, recorded in the audit trail."""
    from mediation_desktop.services.permissions import require_backend
    from mediation_desktop.storage.outbox import audit

    require_backend(backend, "backup.create")
    out = Path(out)
    if out.exists() and out.is_dir():
        raise UserError("E_BACKUP_TARGET", f"{out} 是一个文件夹，请给出备份文件的名称")
    if backend.db.is_server:
        return dump_server(backend, out)
    if backend.db.path is None:
        raise UserError("E_BACKUP_UNSUPPORTED", "只有本机 SQLite 数据库可以这样备份")
    if is_live_database_file(out, backend.db.path):
        raise UserError("E_BACKUP_TARGET", f"备份文件“{out}”指向正在使用的数据库文件（或其 -wal、-shm 日志），"
                        "写入会毁掉数据库。请给出数据目录以外的新文件名")
    from mediation_desktop.services.output_files import check_output_file

    check_output_file(out)
    with backend.db.write() as conn:
        audit(conn, backend.user, "backup", None, None, {"file": out.name})
    store.copy_database(backend.db.path, out)
    return out


def dump_server(backend, out: Path) -> Path:
    """``backup --out FILE`` on a PostgreSQL server: ``pg_dump`` in custom format when it is on PATH,
    otherwise E_BACKUP_PG_DUMP with the command to run. The app does not own the server: this is a
    copy for the user, the server's own backups stay with its administrator."""
    import shutil
    import subprocess

    from mediation_desktop.core.database_url import masked
    from mediation_desktop.services.output_files import check_output_file
    from mediation_desktop.storage.outbox import audit
    from mediation_desktop.storage.server_checks import libpq_url, pg_dump_args

    url = backend.db.url or ""
    tool = shutil.which("pg_dump")
    shown = " ".join(pg_dump_args(masked(url), out))
    if tool is None:
        raise UserError("E_BACKUP_PG_DUMP", f"数据库在 PostgreSQL 服务器上，需要用 pg_dump 备份，但本机找不到 pg_dump。"
                        f"请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）后重试，或在服务器上运行：{shown}"
                        "（密码用环境变量 PGPASSWORD 给出）")
    check_output_file(out)
    _dbname, password = libpq_url(url)
    env = {**os.environ, **({"PGPASSWORD": password} if password else {})}
    part = out.with_name(out.name + ".part")
    done = subprocess.run(pg_dump_args(url, part, tool), env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["没有说明"])[-1]
        raise UserError("E_BACKUP_PG_DUMP", f"pg_dump 没有完成备份：{reason}。可请数据库管理员在服务器上运行：{shown}")
    os.replace(part, out)
    with backend.db.write() as conn:
        audit(conn, backend.user, "backup", None, None, {"file": out.name, "tool": "pg_dump"})
    log.info("server database dumped to %s", out.name)
    return out


def refuse_server_restore(paths: DataPaths) -> None:
    """``restore`` when the data folder uses a server: the app does not replace a server's database."""
    from mediation_desktop.core.database_url import configured_database_url, masked

    url = configured_database_url(paths.root)
    if url is not None:
        raise UserError("E_RESTORE_SERVER", f"数据库在 PostgreSQL 服务器上（{masked(url)}），不能由本程序恢复。"
                        "请数据库管理员用 pg_restore 恢复 backup 写出的文件，例如："
                        "pg_restore --clean --if-exists --no-owner --dbname=数据库地址 备份文件"
                        "（步骤见 installer/postgres/README.md）")


def server_check(backend):  # services.integrity.CheckReport
    """``check`` on a server: the checks a client can run there. Constraints the server has not
    validated, invalid indexes, and the audit chain (one chain for all staff)."""
    from mediation_desktop.services.integrity import CheckReport
    from mediation_desktop.storage.outbox import verify_audit_chain
    from mediation_desktop.storage.server_checks import invalid_indexes, unvalidated_constraints

    report = CheckReport(warnings=["数据库在 PostgreSQL 服务器上：数据页的完整性由服务器负责，备份请用 backup（pg_dump）或由管理员进行"])
    with backend.db.read() as conn:
        report.checked.append("constraints")
        report.problems += [f"约束未经验证：{c}" for c in unvalidated_constraints(conn)]
        report.checked.append("indexes")
        report.problems += [f"索引无效：{i}" for i in invalid_indexes(conn)]
        report.checked.append("audit_chain")
        report.problems += verify_audit_chain(conn)
    return report


def is_live_database_file(path: Path, database: Path) -> bool:
    """Whether ``path`` is the live database or one of its journals, however it is spelled:
    through a symbolic link, ``..``, another letter case on Windows, or a hard link."""
    live = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    target = os.path.normcase(str(Path(path).resolve()))
    if any(target == os.path.normcase(str(f.resolve())) for f in live):
        return True
    if Path(path).exists():
        return any(f.exists() and os.path.samefile(path, f) for f in live)
    return False


def auto_backup_due(paths: DataPaths, at: datetime | None = None) -> bool:
    """True when the newest backup is a day old (or missing) and the database changed since."""
    if not paths.database.exists():
        return False
    try:
        current = store.file_facts(paths.database)
    except Exception:  # noqa: BLE001 - no schema yet, or damaged: nothing sensible to back up
        return False
    if current.change_marker == (0, 0):
        return False
    at = at or now()
    for newest in list_backups(paths.backups):
        if at - newest.taken_at < AUTO_INTERVAL and newest.taken_at <= at:
            return False
        try:
            return store.file_facts(newest.path).change_marker != current.change_marker
        except Exception:  # noqa: BLE001 - an unreadable backup does not count
            continue
    return True


def maybe_auto_backup(backend) -> Path | None:
    if backend.db.path is None or not auto_backup_due(backend.paths):
        return None
    try:
        return take_backup(backend, "auto")
    except (UserError, OSError) as exc:  # never stop the user's work for a periodic backup
        log.warning("automatic backup failed: %s", exc)
        return None


# -- restoring ---------------------------------------------------------------------------------------
def refuse_if_in_use(paths: DataPaths) -> None:
    from mediation_desktop.services.instance import lock_path

    if InstanceLock(lock_path(paths)).held_elsewhere():
        raise UserError("E_DATA_IN_USE", "调解工作台的窗口正在使用这个数据目录，请先关闭程序再恢复")


def check_restorable(source: Path) -> None:
    if not source.is_file():
        raise UserError("E_RESTORE_SOURCE", f"找不到备份文件：{source}")
    problems = store.integrity_problems(source)
    if problems:
        raise UserError("E_RESTORE_DAMAGED", f"备份文件 {source.name} 已损坏，不能用于恢复：" + "；".join(problems[:3]))
    problems = store.schema_problems(source, store.known_revisions())
    if problems:
        raise UserError("E_RESTORE_SCHEMA", f"{source.name} 不能用于恢复：" + "；".join(problems))
    from mediation_desktop.storage.schema_check import schema_differences

    # An extra trigger or view would run inside every later change: the schema must be exactly ours.
    problems = schema_differences(source)
    if problems:
        raise UserError("E_RESTORE_SCHEMA", f"{source.name} 的数据库结构与本程序不符，不能用于恢复：" + "；".join(problems[:5])
                        + "。这样的文件可能被改动过，请改用其他备份")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced: Path | None
    safety_backup: Path | None


def _install_copy(source: Path, paths: DataPaths, keep_suffix: str) -> Path | None:
    """Copy ``source`` in beside the database, then swap: the old file (with its WAL) is kept under
    ``keep_suffix``. The copy is complete and synced before the swap, so a crash leaves one of
    the two whole databases in place."""
    db = paths.database
    staged = db.with_name(db.name + ".restoring")
    store.copy_database(source, staged)
    replaced = store.move_aside(db, keep_suffix) if db.exists() else None
    staged.replace(db)
    store.fsync_path(db.parent)
    return replaced


def restore_database(paths: DataPaths, source: Path, user: str, *, lock_held_by_caller: bool = False,
                     role: str | None = None) -> RestoreResult:
    """Replace the database with a backup. The caller has closed its own connections; the GUI,
    holding the folder's lock itself, says so with ``lock_held_by_caller``. ``role`` is the signed-in
    role (the GUI); None means the command line's role (see services.permissions)."""
    refuse_server_restore(paths)
    from mediation_desktop.services import audit_head
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.permissions import cli_role, require

    require(cli_role() if role is None else role, "backup.restore")
    source = Path(source).resolve()
    check_restorable(source)
    if not lock_held_by_caller:
        refuse_if_in_use(paths)
    safety = None
    if paths.database.exists():
        if source == paths.database.resolve():
            raise UserError("E_RESTORE_SOURCE", "不能用数据库自身来恢复")
        if not store.integrity_problems(paths.database, quick=True):
            ours, theirs = store.file_facts(paths.database).node_id, store.file_facts(source).node_id
            if ours and theirs and ours != theirs:
                raise UserError("E_RESTORE_OTHER_NODE", "这个备份来自另一台电脑（另一个节点）的数据库，不能覆盖本机数据。"
                                "如需在本机使用它，请把它恢复到一个新的空数据目录（--data-dir）")
            store.checkpoint(paths.database)
            safety = store.backup_database(_db(paths), paths.backups, reason="restore")
    stamp = now().strftime("%Y%m%d-%H%M%S")
    replaced = _install_copy(source, paths, f"replaced-{stamp}")
    backend = Backend.open(paths.root, user)  # migrates an older backup to the current schema
    try:
        from mediation_desktop.storage.outbox import audit

        with backend.db.write() as conn:
            audit(conn, user, "restore", None, None,
                  {"from": source.name, "replaced": replaced.name if replaced else None})
    finally:
        backend.close()
    audit_head.remember(paths)
    log.info("database restored from %s", source.name)
    return RestoreResult(source, replaced, safety)


def _db(paths: DataPaths):
    from mediation_desktop.storage.engine import Database

    return Database(paths.database)


def newest_good_backup(paths: DataPaths) -> Path | None:
    revisions = store.known_revisions()
    for b in list_backups(paths.backups):
        if not store.integrity_problems(b.path) and not store.schema_problems(b.path, revisions):
            return b.path
    return None


def recover_from_backup(paths: DataPaths, user: str = "system", *, lock_held_by_caller: bool = False) -> Path:
    """Put the newest good backup in place of a damaged database; the damaged file is kept as
    ``mediation.sqlite3.damaged-<stamp>``. Returns the backup used."""
    source = newest_good_backup(paths)
    if source is None:
        raise UserError("E_NO_GOOD_BACKUP", f"在 {paths.backups} 中没有找到完好的备份，无法自动恢复。"
                        "请把损坏的数据库文件交给技术人员处理，不要删除它")
    if not lock_held_by_caller:
        refuse_if_in_use(paths)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    kept = _install_copy(source, paths, f"damaged-{stamp}")
    from mediation_desktop.services import audit_head
    from mediation_desktop.services.backend import Backend

    backend = Backend.open(paths.root, user)
    try:
        from mediation_desktop.storage.outbox import audit

        with backend.db.write() as conn:
            audit(conn, user, "recover", None, None, {"from": source.name, "damaged": kept.name if kept else None})
    finally:
        backend.close()
    audit_head.remember(paths)
    log.warning("damaged database replaced by backup %s; damaged file kept", source.name)
    return source


def after_close(backend) -> None:
    """Run when a back end closes; never raises (closing must always succeed)."""
    from mediation_desktop.services import audit_head

    try:
        maybe_auto_backup(backend)
        audit_head.remember(backend.paths)
    except Exception as exc:  # noqa: BLE001
        log.warning("after-close housekeeping failed: %s", exc)

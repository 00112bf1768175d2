"""Importing sync packages: check, then apply each package whole, or change nothing.

For each file: the container checks size, header, sender (enrolled, not revoked), signature,
recipient, schema and decrypts; parse.py checks every record. Then, inside a write transaction (after
a backup, unless it is a dry run), the package's sequence range is compared with what we hold of
its origin:

* wholly at or below our high-water mark → ``already_imported`` (nothing changes);
* starting beyond high-water + 1 → ``held``: kept under ``sync/held/`` until the gap is filled;
* otherwise applied; changes we already hold must be the very same changes (same sequence, entity,
  id and operation), else the sender is a cloned installation reusing a node id and the package is
  ``rejected``. Held packages that now follow on are applied in order with it.

Everything a package carries is applied together (apply.py) and the package is recorded as imported
with it, inside one savepoint: a refused package is rolled back to its savepoint, whole, and the
batch goes on. On this machine's SQLite file a whole batch (a pile of packages, or one file) is ONE
write transaction committed once at the end: with ``synchronous=FULL`` every commit is an fsync, and
one per package was a third of a forty-room import. A cancel between packages commits what is done.
A commit that fails leaves the database as it was before the batch, and every report says so.
Nothing but mirroring committed data into files (holiday tables), installing templates and deleting
drained held files happens after the commit, and only after it succeeded.

On a PostgreSQL server each package still commits on its own: a write transaction holds the server's
writers' lock (storage.engine) until it ends, so one batch transaction would make every other staff
member's save wait behind forty rooms' packages; there a commit is a round trip, not a local fsync.

A room whose audit entries do not continue the head the district holds (audit_anchor.py) has its
package refused; after its savepoint is rolled back, that refusal is noted on the room's anchor in
the same transaction, for ``check`` to list.

A dry run runs exactly the same code and rolls the batch back. The report per file is CONTRACT.md §5's.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from mediation_desktop.core.calendar import WorkCalendar
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, sync_repo
from mediation_desktop.storage.outbox import audit
from mediation_desktop.storage.retry import is_retryable, with_retries
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.apply import Counts, PostCommit, apply_package
from mediation_desktop.sync.audit_anchor import AuditChainBroken, mark_broken
from mediation_desktop.sync.container import open_package
from mediation_desktop.sync.keys import NodeKeys
from mediation_desktop.sync.parse import Parsed, parse_package
from mediation_desktop.sync.trust import node_keys, peer_lookup

log = logging.getLogger(__name__)
# A range starting this far beyond what we hold is refused as a possible fast-forward attack.
MAX_GAP = 1_000_000


@dataclass
class FileReport:
    file: str
    status: str = "rejected"
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    reason: str = ""
    package_id: str | None = None
    sender_org_code: str | None = None
    seq: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"file": self.file, "status": self.status, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "conflicts": self.conflicts, "reason": self.reason}

    def take(self, counts: Counts) -> None:
        self.created, self.updated = counts.created, counts.updated
        self.unchanged, self.conflicts = counts.unchanged, counts.conflicts

    def refuse(self, error: UserError) -> None:
        self.status, self.reason = "rejected", f"{error.code}: {error.message}"
        self.created = self.updated = self.unchanged = self.conflicts = 0


class _Rollback(Exception):
    """Leaves the transaction without committing (dry runs)."""


def held_dir(backend: Backend) -> Path:
    return backend.paths.root / "sync" / "held"


Progress = Callable[[int, "int | None", "FileReport"], None]


@dataclass
class _Pending:
    """What a package leaves for after the commit, and the calendar the next package computes with."""

    calendar: WorkCalendar | None
    post: list[PostCommit] = field(default_factory=list)
    drained: list[str] = field(default_factory=list)   # held files applied with it, deleted after the commit


def import_packages(backend: Backend, files: Iterable[str | Path], *, dry_run: bool = False,
                    on_progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[FileReport]:
    """Import a pile of packages as one batch: one backup before the first package that changes
    anything (a recent backup with no writes since counts: services.backups.backup_before_batch),
    then each package whole in the batch's transaction (one per package on a server).

    ``cancelled()`` is asked before each package (one is imported whole or not started; what is
    done is kept); ``on_progress(done, total, report)`` after each (total is None for a lazy
    iterable). A fault that is not a refusal (a bug, a lost disk) rolls back what is not yet
    committed and is raised."""
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, "sync.import")
    batch = _Batch(backend, node_keys(backend), dry_run=dry_run)
    reports: list[FileReport] = []
    total = len(files) if isinstance(files, Sized) else None
    try:
        for name in files:
            if cancelled is not None and cancelled():
                break
            if backend.db.is_server:
                reports.append(with_retries(partial(batch.package_alone, Path(name), str(name))))
            else:
                reports.append(batch.package(Path(name), str(name)))
            if on_progress is not None:
                on_progress(len(reports), total, reports[-1])
        batch.commit()
    except BaseException as exc:
        batch.abandon(exc)
        raise
    return reports


class _Batch:
    """The open write transaction of a batch and what waits for its commit."""

    def __init__(self, backend: Backend, keys: NodeKeys, *, dry_run: bool):
        self.backend, self.keys, self.dry_run = backend, keys, dry_run
        self.backed_up = False
        self._transaction: Any = None            # Database.write()'s context manager, while open
        self._conn: Connection | None = None
        self._calendar: WorkCalendar | None = None   # with the holiday tables installed in this transaction
        self._reports: list[FileReport] = []     # packages placed in this transaction
        self._after: list[tuple[FileReport, _Pending]] = []

    def package(self, path: Path, name: str) -> FileReport:
        report = FileReport(name)
        try:
            parsed = _open_and_parse(self.backend, self.keys, path)
            report.package_id, report.sender_org_code = parsed.header.package_id, parsed.header.sender_org_code
            report.seq = parsed.header.origin_seq
            conn = self._open(parsed)   # a failed backup or a busy database refuses this package; the next tries again
        except UserError as exc:
            report.refuse(exc)
            log.info("sync import refused %s: %s", name, exc.code)
            return report
        self._reports.append(report)
        pending = _Pending(self._calendar)
        try:
            # A SAVEPOINT: the package is applied whole, or rolled back alone while the batch goes on.
            with conn.begin_nested():
                _import_one(self.backend, self.keys, conn, parsed, path, report, pending, dry_run=self.dry_run)
        except UserError as exc:
            report.refuse(exc)
            log.info("sync import refused %s: %s", name, exc.code)
            if isinstance(exc, AuditChainBroken) and not self.dry_run:
                _note_broken_chain(self.backend, conn, exc, report.package_id)
            return report
        self._calendar = pending.calendar
        self._after.append((report, pending))
        return report

    def package_alone(self, path: Path, name: str) -> FileReport:
        """On a server: the package in a transaction of its own. When the server rolls that back for
        a reason that goes away on its own (a serialisation failure or a deadlock it broke, e.g.
        with another program writing the same rows), the transaction is abandoned and
        ``storage.retry`` runs the package again from the start: nothing of it was kept."""
        try:
            report = self.package(path, name)
        except Exception as exc:
            if is_retryable(exc):
                self.abandon(exc)
            raise
        self.commit()
        return report

    def _open(self, parsed: Parsed) -> Connection:
        """The batch's transaction, opened at its first package. The backup comes before the first
        package that changes anything; a transaction opened before it holds only packages that
        changed nothing, and is committed first (the backup cannot be taken under our own lock)."""
        if not self.dry_run and not self.backed_up and _needs_work(self.backend, parsed):
            from mediation_desktop.services.backups import backup_before_batch

            self.commit()
            backup_before_batch(self.backend, "sync_import")
            self.backed_up = True
        if self._conn is None:
            transaction = self.backend.db.write()
            self._conn = transaction.__enter__()
            self._transaction = transaction
        return self._conn

    def commit(self) -> None:
        """Commit the open transaction (roll it back in a dry run), then do what waited for it."""
        transaction, reports, after = self._transaction, self._reports, self._after
        self._transaction, self._conn, self._calendar, self._reports, self._after = None, None, None, [], []
        if transaction is None:
            return
        if self.dry_run:
            transaction.__exit__(_Rollback, _Rollback(), None)
            return
        try:
            transaction.__exit__(None, None, None)
        except Exception as exc:  # noqa: BLE001 - whatever failed the commit, the reports must say so
            _not_saved(reports, exc)
            return
        for report, pending in after:
            for action in pending.post:
                try:
                    action()
                except UserError as exc:
                    report.reason = (report.reason + "；" if report.reason else "") + f"参考数据未能安装：{exc.message}"
            for held_file in pending.drained:
                Path(held_file).unlink(missing_ok=True)

    def abandon(self, exc: BaseException) -> None:
        """An unexpected fault: roll back what is not committed (the fault is then raised)."""
        transaction = self._transaction
        self._transaction, self._conn, self._calendar, self._reports, self._after = None, None, None, [], []
        if transaction is not None:
            transaction.__exit__(type(exc), exc, exc.__traceback__)


def _not_saved(reports: list[FileReport], exc: Exception) -> None:
    cause = exc.message if isinstance(exc, UserError) else str(getattr(exc, "orig", exc))
    text = (f"E_SYNC_BATCH_SAVE: 保存这一批导入时出错（{cause[:200]}），这一批导入的包都没有保存，"
            "数据库与导入前相同。请排除问题后重新导入")
    log.warning("sync import batch not saved: %s", cause[:200])
    for report in reports:
        if report.status in ("imported", "held"):
            report.status = "rejected"
            report.created = report.updated = report.unchanged = report.conflicts = 0
            report.reason = text
        else:
            report.reason = (report.reason + "；" if report.reason else "") + text


def _note_broken_chain(backend: Backend, conn: Connection, exc: AuditChainBroken, package_id: str | None) -> None:
    mark_broken(conn, exc)
    audit(conn, backend.user, "sync_audit_chain_broken", "node", exc.room,
          {"package": package_id, "reason": exc.reason})


def _open_and_parse(backend: Backend, keys: NodeKeys, path: Path) -> Parsed:
    if not path.is_file():
        raise UserError("E_FILE_NOT_FOUND", f"找不到文件：{path}")
    with backend.db.read() as conn:
        lookup = peer_lookup(conn)
        opened = open_package(path, me=keys, known_peers=lookup, schema_versions={rec.SYNC_SCHEMA_VERSION})
        peer = sync_repo.get_peer(conn, opened.header.sender)
    if peer.org_code != opened.header.sender_org_code:
        raise UserError("E_SYNC_ORG_MISMATCH", f"包头中的机构代码 {opened.header.sender_org_code} 与登记的 "
                                               f"{peer.org_code} 不一致（复制的安装或改名后未重新登记？）。已拒绝。")
    if peer.role == backend.node.role:
        raise UserError("E_SYNC_CHANNEL", "同一角色的节点之间不交换同步包。已拒绝。")
    return parse_package(opened, peer.role)


def _needs_work(backend: Backend, p: Parsed) -> bool:
    with backend.db.read() as conn:
        state = sync_repo.origin_state(conn, p.sender)
    return p.header.to_seq > (state.high_water if state else 0)


def _import_one(backend: Backend, keys: NodeKeys, conn: Connection, p: Parsed, path: Path, report: FileReport,
                pending: _Pending, *, dry_run: bool) -> None:
    counts = _place(backend, keys, conn, p, path, report, pending, dry_run=dry_run)
    if counts is not None:
        report.take(counts)
        report.notes.extend(counts.notes)
    if report.status in ("imported", "held"):
        audit(conn, backend.user, "sync_import", "package", p.header.package_id,
              {"from": p.header.sender_org_code, "seq": list(p.header.origin_seq), "status": report.status,
               "created": report.created, "updated": report.updated, "conflicts": report.conflicts,
               "dry_run": dry_run})
    if report.notes:
        report.reason = "；".join(report.notes)


def _place(backend: Backend, keys: NodeKeys, conn: Connection, p: Parsed, path: Path, report: FileReport,
           pending: _Pending, *, dry_run: bool) -> Counts | None:
    state = sync_repo.origin_state(conn, p.sender)
    high = state.high_water if state else 0
    known = sync_repo.find_package(conn, p.header.package_id)
    if known is not None and known.sha256 != p.file_sha256:
        raise UserError("E_SYNC_CLONED", "同一包编号的另一个文件已经导入过，内容不同：发送方可能是复制出来的安装。已拒绝。")
    _check_identity(conn, p, high)
    if p.header.to_seq <= high:
        report.status = "already_imported"
        when = known.received_at[:16].replace("T", " ") if known is not None else None
        report.reason = f"已于 {when} 导入过" if when else f"其中的变更（至第 {high} 号）都已导入过"
        return None  # a replay changes nothing, not even "last seen"
    if p.header.from_seq > high + 1:
        if p.header.from_seq - high > MAX_GAP:
            raise UserError("E_SYNC_FAST_FORWARD", f"包的起始序号 {p.header.from_seq} 远超已收到的第 {high} 号，"
                                                   "疑似伪造的跳号包。已拒绝。")
        _hold(backend, conn, p, path, dry_run=dry_run)
        report.status = "held"
        report.reason = (f"缺少第 {high + 1}–{p.header.from_seq - 1} 号变更，已暂存；"
                         "缺少的包到达后会自动按顺序导入")
        return None
    counts = _apply(backend, conn, p, high, pending, dry_run=dry_run)
    report.status = "imported"
    high = p.header.to_seq
    for row in sync_repo.held_packages(conn, p.sender):
        if row.seq_from > high + 1:
            break
        follow = _reopen_held(backend, keys, conn, row)
        if follow is None:
            counts.notes.append(f"暂存的包 {row.package_id[:8]} 无法读取，仍在等待")
            continue
        if follow.header.to_seq > high:
            _check_identity(conn, follow, high)
            counts.add(_apply(backend, conn, follow, high, pending, dry_run=dry_run))
            high = follow.header.to_seq
        sync_repo.record_package(conn, package_id=row.package_id, origin=p.sender, seq=(row.seq_from, row.seq_to),
                                 kind=row.kind, sha256=row.sha256, state="imported")
        pending.drained.append(row.file_path)
        counts.notes.append(f"同时导入了此前暂存的包（第 {row.seq_from}–{row.seq_to} 号）")
    return counts


def _check_identity(conn: Connection, p: Parsed, high: int) -> None:
    """The changes we already hold must be exactly the package's: same (origin, seq) with other
    content means two installations share one node id."""
    last = min(p.header.to_seq, high)
    if last < p.header.from_seq:
        return
    held = sync_repo.applied_changes(conn, p.sender, p.header.from_seq, last)
    for c in p.changes:
        if c["seq"] > last:
            break
        mine = held.get(c["seq"])
        if mine is not None and mine != (c["entity"], c["id"], c["op"]):
            raise UserError("E_SYNC_CLONED", f"第 {c['seq']} 号变更与此前从同一节点收到的不同：发送方可能是复制出来的安装"
                                             "（两台电脑共用一个节点编号）。已拒绝；请对方重新生成密钥并重新登记，"
                                             "再发送完整数据包。")


def _apply(backend: Backend, conn: Connection, p: Parsed, high: int, pending: _Pending, *, dry_run: bool) -> Counts:
    counts, actions, pending.calendar = apply_package(backend, conn, p, dry_run=dry_run, calendar=pending.calendar)
    pending.post.extend(actions)
    sync_repo.add_applied_changes(conn, p.sender, [c for c in p.changes if c["seq"] > high])
    sync_repo.set_origin(conn, p.sender, max(high, p.header.to_seq), p.header.package_id)
    sync_repo.record_package(conn, package_id=p.header.package_id, origin=p.sender, seq=p.header.origin_seq,
                             kind=p.header.kind, sha256=p.file_sha256, state="imported")
    return counts


def _hold(backend: Backend, conn: Connection, p: Parsed, path: Path, *, dry_run: bool) -> None:
    target = held_dir(backend) / f"{p.header.package_id}.mdpkg"
    if dry_run:
        target = path   # nothing is copied, but a gap filled later in the same dry run still finds it
    elif not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(path, partial)
        partial.replace(target)
    sync_repo.record_package(conn, package_id=p.header.package_id, origin=p.sender, seq=p.header.origin_seq,
                             kind=p.header.kind, sha256=p.file_sha256, state="held", file_path=str(target))
    sync_repo.touch_origin(conn, p.sender)


def _reopen_held(backend: Backend, keys: NodeKeys, conn: Connection, row) -> Parsed | None:
    path = Path(row.file_path or "")
    if not path.is_file():
        return None
    try:
        opened = open_package(path, me=keys, known_peers=peer_lookup(conn), schema_versions={rec.SYNC_SCHEMA_VERSION})
        if opened.file_sha256 != row.sha256:
            return None
        peer = sync_repo.get_peer(conn, opened.header.sender)
        return parse_package(opened, peer.role)
    except UserError:
        return None


def exit_code(reports: list[FileReport]) -> int:
    return 2 if any(r.status == "rejected" for r in reports) else 0

"""Importing sync packages: check, then apply everything in one transaction, or change nothing.

For each file: the container checks size, header, sender (enrolled, not revoked), signature,
recipient, schema and decrypts; parse.py checks every record. Then, in one write transaction (after
a backup, unless it is a dry run), the package's sequence range is compared with what we hold of
its origin:

* wholly at or below our high-water mark → ``already_imported`` (nothing changes);
* starting beyond high-water + 1 → ``held``: kept under ``sync/held/`` until the gap is filled;
* otherwise applied; changes we already hold must be the very same changes (same sequence, entity,
  id and operation), else the sender is a cloned installation reusing a node id and the package is
  ``rejected``. Held packages that now follow on are applied in order in the same transaction.

Everything the package carries is applied in that one transaction (apply.py), and the package is
recorded as imported in it too: a failure anywhere leaves the database as it was and the package
unrecorded, so importing it again does the whole job. The only work after the commit mirrors
committed data into files (holiday tables) or installs templates.

A room whose audit entries do not continue the head the district holds (audit_anchor.py) has its
package refused; that refusal is then noted on the room's anchor, in a transaction of its own, for
``check`` to list.

A dry run runs exactly the same code and rolls back. The report per file is CONTRACT.md §5's.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from pathlib import Path

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, sync_repo
from mediation_desktop.storage.outbox import audit
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


class _Rollback(Exception):
    """Leaves the transaction without committing (dry runs)."""


def held_dir(backend: Backend) -> Path:
    return backend.paths.root / "sync" / "held"


Progress = Callable[[int, "int | None", "FileReport"], None]


def import_packages(backend: Backend, files: Iterable[str | Path], *, dry_run: bool = False,
                    on_progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[FileReport]:
    """Import a pile of packages as one batch: one backup before the first package that changes
    anything (a recent backup with no writes since counts: services.backups.backup_before_batch),
    then each package in a transaction of its own.

    ``cancelled()`` is asked before each package (one is imported whole or not started);
    ``on_progress(done, total, report)`` after each (total is None for a lazy iterable)."""
    from mediation_desktop.services.backups import backup_before_batch
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, "sync.import")
    keys = node_keys(backend)
    reports: list[FileReport] = []
    total = len(files) if isinstance(files, Sized) else None
    backed_up = False
    for name in files:
        if cancelled is not None and cancelled():
            break
        report = FileReport(str(name))
        reports.append(report)
        try:
            parsed = _open_and_parse(backend, keys, Path(name))
            report.package_id, report.sender_org_code = parsed.header.package_id, parsed.header.sender_org_code
            report.seq = parsed.header.origin_seq
            if not dry_run and not backed_up and _needs_work(backend, parsed):
                backup_before_batch(backend, "sync_import")
                backed_up = True
            _import_one(backend, keys, parsed, Path(name), report, dry_run=dry_run)
        except AuditChainBroken as exc:
            report.status, report.reason = "rejected", f"{exc.code}: {exc.message}"
            report.created = report.updated = report.unchanged = report.conflicts = 0
            log.info("sync import refused %s: %s", name, exc.code)
            if not dry_run:
                _note_broken_chain(backend, exc, report.package_id)
        except UserError as exc:
            report.status, report.reason = "rejected", f"{exc.code}: {exc.message}"
            report.created = report.updated = report.unchanged = report.conflicts = 0
            log.info("sync import refused %s: %s", name, exc.code)
        if on_progress is not None:
            on_progress(len(reports), total, report)
    return reports


def _note_broken_chain(backend: Backend, exc: AuditChainBroken, package_id: str | None) -> None:
    with backend.db.write() as conn:
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


def _import_one(backend: Backend, keys: NodeKeys, p: Parsed, path: Path, report: FileReport, *,
                dry_run: bool) -> None:
    post: list[PostCommit] = []
    drained: list[str] = []
    try:
        with backend.db.write() as conn:
            counts = _place(backend, keys, conn, p, path, report, dry_run=dry_run, post=post, drained=drained)
            if counts is not None:
                report.take(counts)
                report.notes.extend(counts.notes)
            if report.status in ("imported", "held"):
                audit(conn, backend.user, "sync_import", "package", p.header.package_id,
                      {"from": p.header.sender_org_code, "seq": list(p.header.origin_seq), "status": report.status,
                       "created": report.created, "updated": report.updated, "conflicts": report.conflicts,
                       "dry_run": dry_run})
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    if report.notes:
        report.reason = "；".join(report.notes)
    if dry_run:
        return
    for action in post:
        try:
            action()
        except UserError as exc:
            report.reason = (report.reason + "；" if report.reason else "") + f"参考数据未能安装：{exc.message}"
    for held_file in drained:
        Path(held_file).unlink(missing_ok=True)


def _place(backend: Backend, keys: NodeKeys, conn: Connection, p: Parsed, path: Path, report: FileReport, *,
           dry_run: bool, post: list, drained: list) -> Counts | None:
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
    counts = _apply(backend, conn, p, high, dry_run=dry_run, post=post)
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
            counts.add(_apply(backend, conn, follow, high, dry_run=dry_run, post=post))
            high = follow.header.to_seq
        sync_repo.record_package(conn, package_id=row.package_id, origin=p.sender, seq=(row.seq_from, row.seq_to),
                                 kind=row.kind, sha256=row.sha256, state="imported")
        drained.append(row.file_path)
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


def _apply(backend: Backend, conn: Connection, p: Parsed, high: int, *, dry_run: bool,
           post: list) -> Counts:
    counts, actions = apply_package(backend, conn, p, dry_run=dry_run)
    post.extend(actions)
    sync_repo.add_applied_changes(conn, p.sender, [c for c in p.changes if c["seq"] > high])
    sync_repo.set_origin(conn, p.sender, max(high, p.header.to_seq), p.header.package_id)
    sync_repo.record_package(conn, package_id=p.header.package_id, origin=p.sender, seq=p.header.origin_seq,
                             kind=p.header.kind, sha256=p.file_sha256, state="imported")
    return counts


def _hold(backend: Backend, conn: Connection, p: Parsed, path: Path, *, dry_run: bool) -> None:
    target = held_dir(backend) / f"{p.header.package_id}.mdpkg"
    if not dry_run and not target.exists():
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

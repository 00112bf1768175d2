"""Catching a cut-off audit trail.

The hash chain shows an edited entry and a deleted one in the middle, but not entries cut off the
end: the shorter chain is still consistent. So the newest entry (id and hash) is remembered outside
the database, in ``audit-head.json`` (written after each backup and when a back end closes), and the
newest backups hold earlier heads too. ``check`` reports when the database no longer contains a
remembered head. Someone who can write the data folder can still rewrite the whole chain, the head
file and the backups consistently; only a copy outside their reach (backups taken off the PC, the
audit entries shipped upstream by sync) can show that.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mediation_desktop.paths import DataPaths
from mediation_desktop.storage import backup as store

_RESET_ACTIONS = ("restore", "recover")


def head_file(paths: DataPaths) -> Path:
    return paths.root / "audit-head.json"


def remember(paths: DataPaths) -> None:
    """Record the database's current audit head (committed state only; silent when unreadable)."""
    try:
        facts = store.file_facts(paths.database)
    except Exception:  # noqa: BLE001 - not initialised or damaged: keep the previous head
        return
    target = head_file(paths)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps({"last_id": facts.audit_last_id, "hash": facts.audit_last_hash,
                               "count": facts.audit_count}), encoding="utf-8")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    tmp.replace(target)


def _missing(db: Path, entry_id: int, entry_hash: str | None) -> str | None:
    if not entry_id:
        return None
    found = store.audit_hash_at(db, entry_id)
    if found is None:
        return "missing"
    if entry_hash and found != entry_hash:
        return "different"
    return None


def tail_problems(paths: DataPaths, backups_to_compare: int = 3) -> list[str]:
    """Remembered heads the database no longer contains (empty when none)."""
    from mediation_desktop.services.backups import list_backups

    db = paths.database
    problems: list[str] = []
    try:
        head = json.loads(head_file(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        head = None
    if isinstance(head, dict):
        what = _missing(db, int(head.get("last_id") or 0), head.get("hash"))
        if what == "missing":
            problems.append(f"审计日志末尾缺少记录（上次记录到第 {head.get('last_id')} 条，现已不存在），可能被截断")
        elif what == "different":
            problems.append(f"审计记录 #{head.get('last_id')} 与上次记下的不同，审计日志可能被改写")
    reset_at = _last_reset(db)
    for b in list_backups(paths.backups)[:backups_to_compare]:
        if reset_at is not None and b.taken_at.isoformat() <= reset_at:
            continue  # taken before a restore: the restored history legitimately lacks it
        try:
            facts = store.file_facts(b.path)
        except Exception:  # noqa: BLE001 - an unreadable backup proves nothing
            continue
        if facts.node_id and facts.node_id != store.file_facts(db).node_id:
            continue
        if _missing(db, facts.audit_last_id, facts.audit_last_hash):
            problems.append(f"备份 {b.path.name} 中的审计记录 #{facts.audit_last_id} 在当前数据库中不存在或不同，"
                            "审计日志可能被截断或改写")
    return problems


def _last_reset(db: Path) -> str | None:
    try:
        return store.last_audit_at(db, _RESET_ACTIONS)
    except Exception:  # noqa: BLE001 - unreadable: compare with every backup
        return None


def anchor_problems(paths: DataPaths) -> list[str]:
    """What the district's copy shows (sync/audit_anchor.py). At a room: the head the district
    acknowledged must still be in this chain. At the district: rooms whose package was refused
    because its entries did not continue the head held for them."""
    from mediation_desktop.storage import sync_repo
    from mediation_desktop.storage.engine import Database
    from mediation_desktop.storage.outbox import this_node

    db = Database(paths.database)
    try:
        with db.read() as conn:
            node_id, _, role = this_node(conn)
            if role != "supervisor":
                mine = sync_repo.audit_anchor(conn, node_id)
                anchors = [mine] if mine is not None else []
                names = {}
            else:
                anchors = [a for a in sync_repo.all_audit_anchors(conn) if a.broken_at]
                names = {a.room_node: _room_name(sync_repo.get_peer(conn, a.room_node), a.room_node) for a in anchors}
    finally:
        db.dispose()
    if role != "supervisor":
        problems = []
        for a in anchors:
            found = store.audit_hash_at(paths.database, a.last_seq)
            if found != a.last_hash:
                what = "已不存在" if found is None else "内容不同"
                problems.append(f"区人社已确认收到本机审计记录至第 {a.last_seq} 条，但该条在本机{what}："
                                "审计日志末尾的记录被删除或改写")
        return problems
    return [f"调解组织 {names[a.room_node]} 的审计记录不再接续本机已收到的第 {a.last_seq} 条"
            f"（{a.broken_at[:16].replace('T', ' ')}：{a.broken_reason}），其审计日志可能被截断或改写"
            for a in anchors]


def _room_name(peer, node_id: str) -> str:
    return f"{peer.org_name}（{peer.org_code}）" if peer is not None else node_id

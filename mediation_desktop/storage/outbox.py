"""The change log that sync sends, and the hash-chained audit trail.

Both are written inside the caller's transaction, so a change and its log entries commit or roll
back together. The per-node sequence is gap-free because it is taken from ``node_state`` under the
write lock (``BEGIN IMMEDIATE``) and a rolled-back transaction takes its increment with it. On a
PostgreSQL server the same holds under the writers' advisory lock (``engine.hold_writer_lock``): one
sequence and one hash chain however many staff write at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import Connection, select, update

from mediation_desktop.core.clock import now_iso
from mediation_desktop.storage.engine import hold_writer_lock
from mediation_desktop.storage.schema import audit_log, changes, node_state

GENESIS_HASH = "0" * 64


def this_node(conn: Connection) -> tuple[str, str, str]:
    """(node_id, org_id, role) of this installation."""
    row = conn.execute(select(node_state.c.node_id, node_state.c.org_id, node_state.c.role)).first()
    if row is None:
        from mediation_desktop.core.errors import UserError

        raise UserError("E_NOT_INITIALISED", "数据库尚未初始化，请先运行 init 命令或在首次启动时完成设置")
    return row.node_id, row.org_id, row.role


def record_changes(conn: Connection, entity: str, entity_ids: Iterable[str], op: str = "upsert") -> int:
    """Append one outbox row per id; returns the last sequence number used."""
    ids = list(entity_ids)
    hold_writer_lock(conn)
    node_id = conn.execute(select(node_state.c.node_id)).scalar_one()
    last = conn.execute(select(node_state.c.last_seq)).scalar_one()
    if not ids:
        return last
    at = now_iso()
    conn.execute(
        changes.insert(),
        [{"origin_node": node_id, "origin_seq": last + i, "entity": entity, "entity_id": eid, "op": op, "at": at}
         for i, eid in enumerate(ids, start=1)],
    )
    conn.execute(update(node_state).values(last_seq=last + len(ids)))
    return last + len(ids)


def entry_hash(prev_hash: str, at: str, user: str, action: str, entity: str | None,
               entity_id: str | None, detail: str) -> str:
    payload = json.dumps([prev_hash, at, user, action, entity, entity_id, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def audit(conn: Connection, user: str, action: str, entity: str | None = None,
          entity_id: str | None = None, detail: dict | None = None) -> None:
    """Append one audit entry chained to the previous one. ``detail`` must hold no personal data
    beyond what the entry is about (ID and phone numbers are masked by the callers)."""
    hold_writer_lock(conn)
    prev = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
    prev = prev or GENESIS_HASH
    at = now_iso()
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    conn.execute(audit_log.insert().values(
        at=at, user=user, action=action, entity=entity, entity_id=entity_id, detail=text,
        prev_hash=prev, hash=entry_hash(prev, at, user, action, entity, entity_id, text),
    ))


def verify_audit_chain(conn: Connection) -> list[str]:
    """Problems found in the chain (empty when intact): an edited entry breaks its own hash, a
    deleted one breaks the next entry's link."""
    problems: list[str] = []
    prev = GENESIS_HASH
    for row in conn.execute(select(audit_log).order_by(audit_log.c.id)):
        if row.prev_hash != prev:
            problems.append(f"审计记录 #{row.id} 与前一条记录不衔接（可能有记录被删除）")
        expected = entry_hash(row.prev_hash, row.at, row.user, row.action, row.entity, row.entity_id, row.detail)
        if expected != row.hash:
            problems.append(f"审计记录 #{row.id} 的内容与哈希不符（可能被篡改）")
        prev = row.hash
    return problems

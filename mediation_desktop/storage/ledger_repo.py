"""Ledger import batches (undo the last import) and the review list of old open cases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from mediation_desktop.core.clock import now_iso
from mediation_desktop.storage.schema import (
    attachments,
    cases,
    changes,
    documents,
    ledger_batches,
    node_state,
    remarks,
    sync_acks,
)

CHUNK = 900


def last_seq(conn: Connection) -> int:
    return int(conn.execute(select(node_state.c.last_seq)).scalar_one())


def add_batch(conn: Connection, batch_id: str, file_name: str, user: str | None, count: int,
              seq_from: int, seq_to: int) -> None:
    conn.execute(insert(ledger_batches).values(
        id=batch_id, file_name=file_name[:255], imported_at=now_iso(), imported_by=user, cases=count,
        seq_from=seq_from, seq_to=seq_to))


def last_batch(conn: Connection) -> Row[Any] | None:
    """The newest import not undone yet."""
    return conn.execute(select(ledger_batches).where(ledger_batches.c.undone_at.is_(None))
                        .order_by(ledger_batches.c.num.desc()).limit(1)).first()


def mark_undone(conn: Connection, batch_id: str) -> None:
    conn.execute(update(ledger_batches).where(ledger_batches.c.id == batch_id).values(undone_at=now_iso()))


def batch_cases(conn: Connection, batch_id: str) -> list[Row[Any]]:
    return list(conn.execute(select(cases.c.id, cases.c.case_no, cases.c.version, cases.c.origin_node)
                             .where(cases.c.import_batch == batch_id).order_by(cases.c.num)))


def case_ids_with_records(conn: Connection, case_ids: Sequence[str]) -> set[str]:
    """Cases that gained documents, attachments or remarks since they were written."""
    found: set[str] = set()
    for start in range(0, len(case_ids), CHUNK):
        part = list(case_ids[start:start + CHUNK])
        for table in (documents, attachments, remarks):
            found.update(conn.execute(select(table.c.case_id).where(table.c.case_id.in_(part)).distinct()).scalars())
    return found


def case_ids_sent(conn: Connection, node_id: str, seq_from: int, seq_to: int) -> set[str]:
    """Of the batch's outbox rows, the cases some peer has been sent (or acknowledged)."""
    row = conn.execute(select(func.max(sync_acks.c.exported_seq), func.max(sync_acks.c.acked_seq))).one()
    sent = max(row[0] or 0, row[1] or 0)
    if sent < seq_from:
        return set()
    return set(conn.execute(select(changes.c.entity_id).where(
        changes.c.origin_node == node_id, changes.c.entity == "case",
        changes.c.origin_seq >= seq_from, changes.c.origin_seq <= min(sent, seq_to))).scalars())


def review_rows(conn: Connection, limit: int | None = None) -> list[Row[Any]]:
    stmt = (select(cases.c.id, cases.c.case_no, cases.c.ledger_no, cases.c.received_on, cases.c.accepted_on,
                   cases.c.applicant_names, cases.c.respondent_name, cases.c.mediator, cases.c.status)
            .where(cases.c.review_pending.is_(True)).order_by(cases.c.received_on, cases.c.num))
    if limit:
        stmt = stmt.limit(limit)
    return list(conn.execute(stmt))


def review_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(cases).where(cases.c.review_pending.is_(True))).scalar_one())

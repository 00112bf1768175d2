"""Reading the audit log with filters, newest first, by keyset (services.audit_view shapes it)."""

from __future__ import annotations

from sqlalchemy import Connection, Row, select

from mediation_desktop.storage.schema import audit_log


def audit_rows(conn: Connection, *, user: str | None = None, action: str | None = None,
               since: str | None = None, before: str | None = None, text: str | None = None,
               entity_id: str | None = None, before_id: int | None = None, limit: int = 200) -> list[Row]:
    stmt = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if before_id is not None:
        stmt = stmt.where(audit_log.c.id < before_id)
    if user:
        stmt = stmt.where(audit_log.c.user == user)
    if action:
        stmt = stmt.where(audit_log.c.action == action)
    if since:
        stmt = stmt.where(audit_log.c.at >= since)
    if before:
        stmt = stmt.where(audit_log.c.at < before)
    if text:
        stmt = stmt.where(audit_log.c.detail.contains(text, autoescape=True))
    if entity_id:
        stmt = stmt.where(audit_log.c.entity_id == entity_id)
    return list(conn.execute(stmt))


def distinct_audit_values(conn: Connection, column: str) -> list[str]:
    col = audit_log.c[column]
    return sorted(v for v in conn.execute(select(col).distinct()).scalars() if v is not None)

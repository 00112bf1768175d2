"""Attachment rows (the files themselves live under the data folder, named by hash)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from mediation_desktop.storage.schema import attachments, cases


def case_exists(conn: Connection, case_id: str) -> bool:
    return conn.execute(select(cases.c.num).where(cases.c.id == case_id)).first() is not None


def insert_attachment(conn: Connection, **values) -> None:  # noqa: ANN003 - the table's columns
    conn.execute(attachments.insert().values(**values))


def list_attachments(conn: Connection, case_id: str) -> list:
    return conn.execute(select(attachments).where(attachments.c.case_id == case_id)
                        .order_by(attachments.c.added_at, attachments.c.id)).all()

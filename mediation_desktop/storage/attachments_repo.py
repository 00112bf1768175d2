"""Attachment rows (the files themselves live under the data folder, named by hash)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, select

from mediation_desktop.storage.schema import attachments, cases


def case_exists(conn: Connection, case_id: str) -> bool:
    return conn.execute(select(cases.c.num).where(cases.c.id == case_id)).first() is not None


def insert_attachment(conn: Connection, **values: object) -> None:  # values: the table's columns
    conn.execute(attachments.insert().values(**values))


def list_attachments(conn: Connection, case_id: str) -> Sequence[Row[Any]]:
    return conn.execute(select(attachments).where(attachments.c.case_id == case_id)
                        .order_by(attachments.c.added_at, attachments.c.id)).all()

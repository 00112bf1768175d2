"""SQL for the ``users`` table (services.accounts holds the rules)."""

from __future__ import annotations

from sqlalchemy import Connection, Row, func, select, update

from mediation_desktop.storage.schema import users


def find_user(conn: Connection, name: str) -> Row | None:
    return conn.execute(select(users).where(users.c.name == name)).first()


def all_users(conn: Connection) -> list[Row]:
    return list(conn.execute(select(users).order_by(users.c.name)))


def count_users(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(users)).scalar_one()


def insert_user(conn: Connection, **values) -> None:  # values: the users columns
    conn.execute(users.insert().values(**values))


def update_user(conn: Connection, user_id: str, **values) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(**values))


def active_user_roles(conn: Connection) -> list[tuple[str, str]]:
    return [(r.name, r.role) for r in conn.execute(select(users.c.name, users.c.role).where(users.c.active.is_(True)))]

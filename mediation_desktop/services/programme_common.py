"""What every programme register's use cases share: checking a field, a dated value, a write with
its permission and audit entry, and the organisation code of a record's owner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from mediation_desktop.core import rules
from mediation_desktop.core.clock import parse_iso_date
from mediation_desktop.core.errors import NotFoundError, ValidationError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, programme_repo
from mediation_desktop.storage.outbox import audit


def required(key: str, value: str | None, *, field: str) -> str:
    cleaned = rules.clean_text(key, value if value is not None else "", field=field)
    if not cleaned:
        raise ValidationError("E_REQUIRED", f"{rules.rule(key).label}不能为空", field=field)
    return cleaned


def optional(key: str, value: str | None, *, field: str) -> str | None:
    return rules.clean_optional(key, value, field=field)


def day(value: str | date | None, *, field: str, what: str, required_: bool = True) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required_:
            raise ValidationError("E_REQUIRED", f"{what}不能为空", field=field)
        return None
    found = value if isinstance(value, date) else parse_iso_date(value, field=field)
    return rules.check_date(found, field=field, what=what)


@contextmanager
def writing(backend: Backend, permission: str, action: str, entity: str, record_id: str | None,
            detail: dict | None = None) -> Iterator[Connection]:
    """One transaction for one change, with its audit entry; refused without ``permission``."""
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, permission)
    with backend.db.write() as conn:
        yield conn
        audit(conn, backend.user, action, entity, record_id, detail or {})


def load(conn: Connection, entity: str, record_id: str, what: str) -> dict:
    row = programme_repo.get(conn, entity, (record_id or "").strip())
    if row is None:
        raise NotFoundError("E_NOT_FOUND", f"找不到要处理的记录：{what} {str(record_id)[:40]}")
    return row


def owned_here(backend: Backend, row: dict, what: str) -> None:
    """A record another node made is shown here, never changed here (it would be refused upstream)."""
    from mediation_desktop.core.errors import UserError

    if row["origin_node"] != backend.node.node_id:
        raise UserError("E_NOT_OWNER", f"这条{what}由其他节点登记，只能查看，不能在本机修改")


def with_org(conn: Connection, rows: list[dict]) -> list[dict]:
    codes = programme_repo.node_org_codes(conn)
    for r in rows:
        r["org_code"] = r.get("org_code") or codes.get(r["origin_node"], "")
    return rows


def visible_origin(backend: Backend) -> str | None:
    """Whose records a list shows: a room its own, the district every room's."""
    return None if backend.node.role == "supervisor" else backend.node.node_id

"""Deleting a record of the programme's registers: a mediator, a training record, an outreach
activity, a screening, an urgent report, a typical case, a promotion (推广) and (district) a
hand-registered organisation.

One table says who may delete what and how the record is named in the confirmation, the audit entry
and the refusals; the page's 删除 button and the command line's ``delete`` both come through here.
A deleted record leaves a tombstone (``programme_repo.remove``), so the deletion travels like the
record did. A record another node made is only shown here and is refused (``E_NOT_OWNER``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.programme import hours_text
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import allowed, backend_role
from mediation_desktop.services.programme_common import load, owned_here, writing
from mediation_desktop.storage import Connection, programme_repo


@dataclass(frozen=True)
class Deletable:
    label: str        # how the record is named: 删除调解员“王建国”
    permission: str   # services.permissions: the one who may add the record may delete it
    node_role: str    # the kind of node that keeps this register


DELETABLE: dict[str, Deletable] = {
    "mediator": Deletable("调解员", "case.record", "room"),
    "training": Deletable("培训记录", "case.record", "room"),
    "outreach": Deletable("普法活动", "case.record", "room"),
    "screening": Deletable("排查记录", "case.record", "room"),
    "urgent_report": Deletable("情况快报", "case.record", "room"),
    "typical_case": Deletable("典型案例", "case.record", "room"),
    "typical_library": Deletable("推广的典型案例", "remark.write", "supervisor"),
    "mediation_org": Deletable("调解组织", "remark.write", "supervisor"),
}


def may_delete(backend: Backend, entity: str) -> bool:
    """Whether a page offers 删除 on this register (the same rule ``delete_record`` enforces)."""
    rule = DELETABLE[entity]
    return backend.node.role == rule.node_role and allowed(backend_role(backend), rule.permission)


def _name(conn: Connection, entity: str, row: dict) -> str:
    if entity == "mediator":
        return row["name"]
    if entity == "training":
        person = programme_repo.get(conn, "mediator", row["mediator_id"])
        who = person["name"] if person else "—"
        return f"{who} {row['held_on'].isoformat()} {row['course']}（{hours_text(row['hours_tenths'])}学时）"
    if entity == "outreach":
        return f"{row['held_on'].isoformat()} {row['title']}"
    if entity == "screening":
        return f"{row['screened_on'].isoformat()} {row['enterprise']}"
    if entity == "urgent_report":
        return f"{row['reported_on'].isoformat()} {row['title']}"
    return row["title"] if entity in ("typical_case", "typical_library") else row["name"]


_TYPICAL = ("typical_case", "typical_library")


def _entity_of(conn: Connection, entity: str, record_id: str) -> str:
    """A typical case's id may name a room's write-up or the district's promoted copy (the list
    shows both), so either name finds either."""
    if entity in _TYPICAL and programme_repo.get(conn, entity, record_id) is None:
        other = _TYPICAL[1 - _TYPICAL.index(entity)]
        if programme_repo.get(conn, other, record_id) is not None:
            return other
    return entity


def _check(backend: Backend, conn: Connection, entity: str, record_id: str) -> tuple[str, dict]:
    entity = _entity_of(conn, entity, record_id)
    rule = DELETABLE[entity]
    if backend.node.role != rule.node_role:
        keeper = "区人社监管" if rule.node_role == "supervisor" else "登记它的调解组织"
        raise UserError("E_ROLE", f"{rule.label}由{keeper}维护，不能在本机删除")
    row = load(conn, entity, record_id, rule.label)
    owned_here(backend, row, rule.label)
    if entity == "mediator":
        _mediator_unused(backend, conn, row)
    return entity, row


def _mediator_unused(backend: Backend, conn: Connection, row: dict) -> None:
    """A mediator with training records or cases keeps their figures: retire, don't delete."""
    trained = any(t["mediator_id"] == row["id"]
                  for t in programme_repo.all_rows(conn, "training", origin=backend.node.node_id))
    handled = row["name"] in programme_repo.mediator_names_on_cases(conn, backend.node.node_id)
    if trained or handled:
        what = "、".join(w for w, found in (("培训记录", trained), ("办理的案件", handled)) if found)
        raise UserError("E_MEDIATOR_IN_USE", f"调解员“{row['name']}”已有{what}，删除会使这些记录失去调解员，不能删除")


def describe(backend: Backend, entity: str, record_id: str) -> dict:
    """What the confirmation names, after the same checks the deletion makes (nothing changes)."""
    from mediation_desktop.services.permissions import require_backend

    record_id = (record_id or "").strip()
    require_backend(backend, DELETABLE[entity].permission)
    with backend.db.read() as conn:
        entity, row = _check(backend, conn, entity, record_id)
        return {"entity": entity, "id": row["id"], "label": DELETABLE[entity].label, "name": _name(conn, entity, row)}


def delete_record(backend: Backend, entity: str, record_id: str) -> dict:
    """Delete one record (audited; a tombstone travels in the next package). Returns what was deleted."""
    record_id = (record_id or "").strip()
    with backend.db.read() as conn:
        entity = _entity_of(conn, entity, record_id)
        found = programme_repo.get(conn, entity, record_id)
        name = _name(conn, entity, found) if found else ""
    rule = DELETABLE[entity]
    with writing(backend, rule.permission, f"{entity}_delete", entity, record_id, {"name": name}) as conn:
        entity, row = _check(backend, conn, entity, record_id)
        shown = {"entity": entity, "id": row["id"], "label": rule.label, "name": _name(conn, entity, row)}
        programme_repo.remove(conn, entity, row["id"], backend.user)
    return shown

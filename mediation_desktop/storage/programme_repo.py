"""Rows of the programme's registers: mediators, training, outreach, screenings, urgent reports,
typical cases, the district's library and courses, and the district's register of organisations.

Every register has the same bookkeeping (id, origin_node, version, created_at, updated_at), so one set
of functions serves them all, keyed by the entity name sync uses. Each write records its outbox change
in the caller's transaction, except for ``mediation_org``, which stays with the district.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, Table, and_, delete, func, insert, select, update
from sqlalchemy import case as sql_case

from mediation_desktop.core.clock import now_iso
from mediation_desktop.storage.outbox import record_changes
from mediation_desktop.storage.schema import (
    cases,
    mediation_orgs,
    mediators,
    node_state,
    outreach_events,
    peers,
    remark_answers,
    screenings,
    tombstones,
    training_courses,
    training_records,
    typical_cases,
    typical_library,
    urgent_reports,
)

TABLES: dict[str, Table] = {
    "mediator": mediators, "training": training_records, "training_course": training_courses,
    "outreach": outreach_events, "screening": screenings, "urgent_report": urgent_reports,
    "typical_case": typical_cases, "typical_library": typical_library, "mediation_org": mediation_orgs,
    # Not a programme register, but kept the same way: a room's answer to the district's remark.
    "remark_answer": remark_answers,
}
NOT_SYNCED = frozenset({"mediation_org"})
# Columns that describe this node's handling of a record, not the record: they never travel.
LOCAL_COLUMNS: dict[str, tuple[str, ...]] = {"urgent_report": ("seen_at",)}
BOOKKEEPING = ("id", "origin_node", "version")
# Columns holding JSON text here and a JSON value in a package.
JSON_COLUMNS: dict[str, tuple[str, ...]] = {"outreach": ("photos",)}


def _node(conn: Connection) -> str:
    return conn.execute(select(node_state.c.node_id)).scalar_one()


def data_columns(entity: str) -> list[str]:
    """The columns that travel as a record's ``data``."""
    skip = set(BOOKKEEPING) | set(LOCAL_COLUMNS.get(entity, ()))
    return [c.name for c in TABLES[entity].c if c.name not in skip]


def add(conn: Connection, entity: str, record_id: str, values: dict) -> dict:
    stamp = now_iso()
    row = {"id": record_id, "origin_node": _node(conn), "version": 1, "created_at": stamp, "updated_at": stamp,
           **values}
    conn.execute(insert(TABLES[entity]).values(**row))
    if entity not in NOT_SYNCED:
        record_changes(conn, entity, [record_id])
    return row


def change(conn: Connection, entity: str, record_id: str, values: dict) -> None:
    table = TABLES[entity]
    conn.execute(update(table).where(table.c.id == record_id)
                 .values(**values, version=table.c.version + 1, updated_at=now_iso()))
    if entity not in NOT_SYNCED:
        record_changes(conn, entity, [record_id])


def mark_local(conn: Connection, entity: str, record_id: str, values: dict) -> None:
    """Set local-only columns (no version, no outbox)."""
    table = TABLES[entity]
    conn.execute(update(table).where(table.c.id == record_id).values(**values))


def remove(conn: Connection, entity: str, record_id: str, user: str) -> None:
    """Delete a record and leave a tombstone, so the deletion travels like the record did."""
    table = TABLES[entity]
    conn.execute(delete(table).where(table.c.id == record_id))
    if entity in NOT_SYNCED:
        return
    node = _node(conn)
    conn.execute(delete(tombstones).where(and_(tombstones.c.entity == entity, tombstones.c.entity_id == record_id)))
    conn.execute(insert(tombstones).values(entity=entity, entity_id=record_id, deleted_at=now_iso(),
                                           deleted_by=user, origin_node=node))
    record_changes(conn, entity, [record_id], op="delete")


def get(conn: Connection, entity: str, record_id: str) -> dict | None:
    table = TABLES[entity]
    row = conn.execute(select(table).where(table.c.id == record_id)).first()
    return dict(row._mapping) if row else None


def by_ids(conn: Connection, entity: str, ids: Sequence[str]) -> dict[str, dict]:
    table = TABLES[entity]
    out: dict[str, dict] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        for r in conn.execute(select(table).where(table.c.id.in_(ids[start:start + 500]))):
            out[r.id] = dict(r._mapping)
    return out


def all_rows(conn: Connection, entity: str, *, origin: str | None = None, order: str | None = None,
             descending: bool = False) -> list[dict]:
    table = TABLES[entity]
    query = select(table)
    if origin is not None:
        query = query.where(table.c.origin_node == origin)
    if order is not None:
        col = table.c[order]
        query = query.order_by(col.desc() if descending else col, table.c.created_at)
    return [dict(r._mapping) for r in conn.execute(query)]


def store(conn: Connection, entity: str, row: dict, *, exists: bool) -> None:
    """A record from another node, as it came (its version and times kept)."""
    table = TABLES[entity]
    if exists:
        conn.execute(update(table).where(table.c.id == row["id"]).values(**row))
    else:
        conn.execute(insert(table).values(**row))


def delete_rows(conn: Connection, entity: str, ids: Sequence[str]) -> int:
    table = TABLES[entity]
    return conn.execute(delete(table).where(table.c.id.in_(list(ids)))).rowcount or 0


# -- lookups the services need ---------------------------------------------------------------------------

def mediator_by_name(conn: Connection, name: str, origin: str) -> dict | None:
    row = conn.execute(select(mediators).where(mediators.c.name == name, mediators.c.origin_node == origin)).first()
    return dict(row._mapping) if row else None


def mediator_names(conn: Connection, origin: str) -> list[str]:
    """The names in a node's register (ledger import and case acceptance match free text to them)."""
    return [r[0] for r in conn.execute(select(mediators.c.name).where(mediators.c.origin_node == origin))]


def node_org_codes(conn: Connection) -> dict[str, str]:
    """origin node -> organisation code: enrolled peers and this node."""
    from mediation_desktop.storage.schema import organisations

    out = {r.node_id: r.org_code for r in conn.execute(select(peers.c.node_id, peers.c.org_code))}
    me = conn.execute(select(node_state.c.node_id, organisations.c.code)
                      .join(organisations, organisations.c.id == node_state.c.org_id)).first()
    if me is not None:
        out[me.node_id] = me.code
    return out


def training_tenths(conn: Connection, start: date, end: date) -> dict[str, int]:
    """mediator id -> training hours (tenths) held between start and end."""
    t = training_records
    query = (select(t.c.mediator_id, func.sum(t.c.hours_tenths)).where(t.c.held_on.between(start, end))
             .group_by(t.c.mediator_id))
    return {r[0]: int(r[1] or 0) for r in conn.execute(query)}


def case_figures(conn: Connection, start: date, end: date, today: date) -> dict[tuple[str, str], dict]:
    """(origin node, mediator name) -> figures of the cases received in the period, counted by the
    database (a district holds a million cases)."""
    c = cases
    done = func.coalesce(c.c.concluded_on, c.c.closed_on)
    if conn.dialect.name == "sqlite":
        days = func.julianday(done) - func.julianday(c.c.received_on)
    else:
        days = done - c.c.received_on   # PostgreSQL: whole days

    def count(condition):
        return func.sum(sql_case((condition, 1), else_=0))

    query = (select(c.c.origin_node, c.c.mediator, func.count(),
                    count(c.c.outcome == "agreement"), count(c.c.accepted_late.is_(True)),
                    count(and_(c.c.status != "closed", c.c.next_due < today)), func.count(done), func.sum(days))
             .where(c.c.received_on.between(start, end), c.c.mediator.is_not(None))
             .group_by(c.c.origin_node, c.c.mediator))
    return {(r[0], r[1]): {"cases_handled": int(r[2]), "agreements": int(r[3] or 0), "late_acceptances": int(r[4] or 0),
                           "overdue": int(r[5] or 0), "closed": int(r[6] or 0), "days_to_close": int(round(r[7] or 0))}
            for r in conn.execute(query)}


def mediator_names_on_cases(conn: Connection, origin: str) -> list[str]:
    c = cases
    return [r[0] for r in conn.execute(select(c.c.mediator).where(c.c.origin_node == origin, c.c.mediator.is_not(None))
                                       .group_by(c.c.mediator))]


def screened_usccs(conn: Connection, origin: str, start: date, end: date) -> set[str]:
    s = screenings
    return {r[0] for r in conn.execute(select(s.c.uscc).where(s.c.origin_node == origin, s.c.uscc.is_not(None),
                                                               s.c.screened_on.between(start, end)))}

"""The district's aggregates across rooms: one grouped pass per question, so the overview and the risk
list cost about what the bare SQL costs, also at a million cases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, select

from mediation_desktop.core.model import OPEN_STATUSES
from mediation_desktop.storage.engine import bounded_cache
from mediation_desktop.storage.schema import cases, key_enterprises, organisations

# Outcomes that count as "concluded by mediation" for the success rate (statistics uses the same four).
MEDIATED_OUTCOMES = ("agreement", "settled", "withdrawn", "failed")


def room_case_figures(conn: Connection, today: date, year_start: date) -> dict[str, dict[str, int]]:
    """Per origin node (a room): open, overdue, late-accepted (open), open collective cases, and this
    year's agreements and cases concluded by mediation (for the agreement rate)."""
    c = cases.c
    is_open = c.status.in_(OPEN_STATUSES)
    this_year = and_(c.concluded_on >= year_start, c.concluded_on <= today)

    def n(cond: Any) -> Any:
        return func.sum(case((cond, 1), else_=0))

    stmt = select(
        c.origin_node,
        func.count().label("cases"),
        n(is_open).label("open"),
        n(and_(is_open, c.next_due < today)).label("overdue"),
        n(and_(is_open, c.accepted_late)).label("late_accepted"),
        n(and_(is_open, c.collective)).label("collective_open"),
        n(and_(this_year, c.outcome == "agreement")).label("agreements_year"),
        n(and_(this_year, c.outcome.in_(MEDIATED_OUTCOMES))).label("mediated_year"),
    ).group_by(c.origin_node)
    return {r.origin_node: {k: int(v or 0) for k, v in r._mapping.items() if k != "origin_node"}
            for r in conn.execute(stmt)}


# The columns the risk rules and the district's lists read of an open case (district_risk unpacks them
# in this order).
SCAN_CACHE_KIB = 2000   # SQLite's own default
RISK_COLUMNS = (cases.c.num, cases.c.id, cases.c.case_no, cases.c.org_id, cases.c.received_on,
                cases.c.workers_involved, cases.c.collective, cases.c.dispute_types, cases.c.amount_claimed_fen,
                cases.c.respondent_name, cases.c.respondent_uscc, cases.c.applicant_names, cases.c.next_due)


def open_case_statement() -> Select:
    return (select(*RISK_COLUMNS).where(cases.c.status.in_(OPEN_STATUSES))
            .order_by(cases.c.received_on, cases.c.num))


def open_case_rows(conn: Connection) -> list[tuple]:
    """Every open case's risk columns as plain tuples (at a district of a million cases, the open ones
    are a few per cent, tens of thousands). On SQLite the compiled statement goes straight to the
    driver: SQLAlchemy's result rows would cost twice the query. Its ISO date text becomes dates
    here, so both databases give the same values."""
    stmt = open_case_statement()
    if conn.dialect.name != "sqlite":
        return [tuple(r) for r in conn.execute(stmt)]
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in (compiled.positiontup or ())]
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its DB-API connection
    # Open cases fall on a few hundred days: one date object per day, not two per row (fewer objects
    # to make, to keep and to free).
    day = lru_cache(maxsize=4096)(date.fromisoformat)
    # The open cases lie scattered over the whole file: their pages are more than the connection's
    # page cache holds and would only push the desk's pages out of it one by one. Read through a
    # small cache, as a fresh connection would (a fifth faster at a million cases).
    with bounded_cache(conn, SCAN_CACHE_KIB):
        return [(num, case_id, case_no, org_id, day(received_on), workers, collective, types, amount, respondent,
                 uscc, applicants, next_due and day(next_due))
                for (num, case_id, case_no, org_id, received_on, workers, collective, types, amount, respondent,
                     uscc, applicants, next_due) in driver.execute(compiled.string, params)]


def key_enterprise_codes(conn: Connection) -> dict[str, str]:
    """uscc → name of the key-enterprise list."""
    return {r.uscc.upper(): r.name for r in conn.execute(select(key_enterprises.c.uscc, key_enterprises.c.name))}


def organisation_labels(conn: Connection) -> dict[str, tuple[str, str]]:
    """organisation id → (name, code)."""
    return {r.id: (r.name, r.code) for r in conn.execute(select(organisations.c.id, organisations.c.name,
                                                                organisations.c.code))}


def organisation_by_code(conn: Connection, code: str) -> Sequence[Any]:
    return conn.execute(select(organisations.c.id, organisations.c.name, organisations.c.code,
                               organisations.c.role).where(organisations.c.code == code)).all()


def sync_positions(conn: Connection) -> dict[str, dict[str, Any]]:
    """Per origin node: its high-water mark and last package time, how many packages were imported,
    and the held ones (how many, and the first held change number): three grouped reads, whatever
    the number of rooms."""
    from mediation_desktop.storage.schema import sync_origins, sync_packages

    out: dict[str, dict[str, Any]] = defaultdict(lambda: {"high_water": 0, "last_package_at": None, "imported": 0,
                                                          "held": 0, "first_held": None})
    for r in conn.execute(select(sync_origins.c.origin_node, sync_origins.c.high_water,
                                 sync_origins.c.last_package_at)):
        out[r.origin_node].update(high_water=r.high_water or 0, last_package_at=r.last_package_at)
    p = sync_packages.c
    for r in conn.execute(select(p.origin_node, p.state, func.count().label("n"), func.min(p.seq_from).label("first"))
                          .where(p.state.in_(("imported", "held"))).group_by(p.origin_node, p.state)):
        if r.state == "imported":
            out[r.origin_node]["imported"] = int(r.n)
        else:
            out[r.origin_node].update(held=int(r.n), first_held=r.first)
    return dict(out)


def remark_ids_starting(conn: Connection, prefix: str, limit: int = 2) -> list[str]:
    """Remark ids beginning with ``prefix`` (a user may type the first 8 characters shown)."""
    from mediation_desktop.storage.schema import remarks

    return list(conn.execute(select(remarks.c.id).where(remarks.c.id.startswith(prefix, autoescape=True))
                             .order_by(remarks.c.id).limit(limit)).scalars())


def answers_of(conn: Connection, remark_ids: Sequence[str]) -> dict[str, list[dict]]:
    """The rooms' answers to these remarks, oldest first."""
    from mediation_desktop.storage.schema import remark_answers

    out: dict[str, list[dict]] = defaultdict(list)
    ids = list(remark_ids)
    for start in range(0, len(ids), 500):
        for r in conn.execute(select(remark_answers).where(remark_answers.c.remark_id.in_(ids[start:start + 500]))
                              .order_by(remark_answers.c.created_at)):
            out[r.remark_id].append(dict(r._mapping))
    return dict(out)


def recent_remarks(conn: Connection, limit: int = 500) -> list[dict]:
    """The newest remarks and correction requests with their case's number and organisation (the
    district's 通知与批注 page), open correction requests first."""
    from mediation_desktop.storage.schema import remarks

    r = remarks.c
    unanswered = case((and_(r.kind == "correction", r.answered_at.is_(None)), 0), else_=1)
    stmt = (select(r.id, r.case_id, r.kind, r.text, r.author, r.created_at, r.answered_at, cases.c.case_no,
                   organisations.c.name.label("org_name"))
            .join(cases, cases.c.id == r.case_id).join(organisations, organisations.c.id == cases.c.org_id)
            .order_by(unanswered, r.created_at.desc()).limit(limit))
    return [dict(row._mapping) for row in conn.execute(stmt)]


def mark_remark_answered(conn: Connection, remark_id: str, stamp: str) -> None:
    from sqlalchemy import update

    from mediation_desktop.storage.schema import remarks

    conn.execute(update(remarks).where(remarks.c.id == remark_id, remarks.c.answered_at.is_(None))
                 .values(answered_at=stamp))


def notice_read_state(conn: Connection) -> tuple[int, int]:
    """(notices from the district, of which unread) at a room; read state is this node's own."""
    from mediation_desktop.storage.schema import node_state, notices

    me = conn.execute(select(node_state.c.node_id)).scalar_one()
    row = conn.execute(select(func.count(), func.sum(case((notices.c.read_at.is_(None), 1), else_=0)))
                       .where(notices.c.origin_node != me)).one()
    return int(row[0] or 0), int(row[1] or 0)


def mark_notices_read(conn: Connection, ids: Sequence[str] | None, stamp: str) -> int:
    """Mark these notices (all from others when None) read; returns how many changed."""
    from sqlalchemy import update

    from mediation_desktop.storage.schema import node_state, notices

    me = conn.execute(select(node_state.c.node_id)).scalar_one()
    stmt = update(notices).where(notices.c.read_at.is_(None), notices.c.origin_node != me)
    if ids is not None:
        stmt = stmt.where(notices.c.id.in_(list(ids)))
    return int(conn.execute(stmt.values(read_at=stamp)).rowcount or 0)

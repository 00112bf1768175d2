"""Aggregates for the statistics return, computed in SQL (a district holds up to a million cases)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, and_, case, func, or_, select

from mediation_desktop.storage.schema import agreement_items, agreements, cases, organisations


def _between(col, start: date, end: date):
    return and_(col >= start, col <= end)


def _scope(exclude_historical: bool) -> list:
    """Conditions every figure shares: cases closed in a legacy ledger and imported as history
    (migration 0011) count unless the return asks to leave them out."""
    return [cases.c.historical.is_(False)] if exclude_historical else []


# What a return can be broken down by: the organisation (a room) or the mediator.
GROUP_COLUMNS = {"org": cases.c.org_id, "mediator": cases.c.mediator}


def period_totals(conn: Connection, start: date, end: date, by: str = "org",
                  exclude_historical: bool = False) -> dict[str, dict]:
    """Per organisation id (or mediator name): the counts and sums of one period (dates inclusive)."""
    c = cases.c
    group = GROUP_COLUMNS[by].label("grp")
    received = _between(c.received_on, start, end)
    closed = and_(c.status == "closed", _between(c.closed_on, start, end))
    concluded = _between(c.concluded_on, start, end)

    def n(cond):
        return func.sum(case((cond, 1), else_=0))

    def s(cond, col):
        return func.sum(case((cond, col), else_=0))

    stmt = select(
        group,
        n(and_(c.received_on < start, or_(c.closed_on.is_(None), c.closed_on >= start))).label("carried_over"),
        n(received).label("received"),
        n(and_(received, c.accepted_on.is_not(None))).label("accepted"),
        n(and_(received, c.outcome == "not_accepted")).label("not_accepted"),
        n(closed).label("closed"),
        n(and_(concluded, c.outcome == "agreement")).label("agreement"),
        n(and_(concluded, c.outcome == "settled")).label("settled"),
        n(and_(concluded, c.outcome == "withdrawn")).label("withdrawn"),
        n(and_(concluded, c.outcome == "failed")).label("failed"),
        n(and_(concluded, c.outcome == "transferred")).label("transferred"),
        n(and_(c.received_on <= end, or_(c.closed_on.is_(None), c.closed_on > end))).label("pending"),
        n(and_(c.received_on <= end, c.mediation_due.is_not(None),
               or_(and_(c.concluded_on.is_not(None), c.concluded_on > c.mediation_due, concluded),
                   and_(c.concluded_on.is_(None), c.mediation_due < end)))).label("over_limit"),
        # Accepted in the period, but after the 3 working days for deciding (recorded on acceptance).
        n(and_(_between(c.accepted_on, start, end), c.accepted_late)).label("late_acceptance"),
        s(received, c.workers_involved).label("workers"),
        n(and_(received, c.collective)).label("collective_cases"),
        s(and_(received, c.collective), c.workers_involved).label("collective_workers"),
        s(received, func.coalesce(c.amount_claimed_fen, 0)).label("amount_claimed_fen"),
        s(and_(concluded, c.outcome == "agreement"), func.coalesce(c.amount_agreed_fen, 0)).label("amount_agreed_fen"),
        n(and_(received, c.channel.in_(("court_delegated", "court_entrusted")))).label("court_referrals"),
    ).where(*_scope(exclude_historical)).group_by(GROUP_COLUMNS[by])
    return {r.grp: {k: int(v or 0) for k, v in r._mapping.items() if k != "grp"} for r in conn.execute(stmt)}


def amount_paid(conn: Connection, start: date, end: date, by: str = "org",
                exclude_historical: bool = False) -> dict[str, int]:
    stmt = (select(GROUP_COLUMNS[by], func.sum(agreement_items.c.performed_fen))
            .join(agreements, agreements.c.id == agreement_items.c.agreement_id)
            .join(cases, cases.c.id == agreements.c.case_id)
            .where(_between(agreement_items.c.performed_on, start, end), *_scope(exclude_historical))
            .group_by(GROUP_COLUMNS[by]))
    return {org: int(total or 0) for org, total in conn.execute(stmt)}


def dispute_type_counts(conn: Connection, start: date, end: date, by: str = "org",
                        exclude_historical: bool = False) -> dict[str, dict[str, int]]:
    """Per organisation (or mediator), cases received by dispute type (a case with two types counts in both)."""
    out: dict[str, dict[str, int]] = {}
    stmt = (select(GROUP_COLUMNS[by], cases.c.dispute_types, func.count())
            .where(_between(cases.c.received_on, start, end), *_scope(exclude_historical))
            .group_by(GROUP_COLUMNS[by], cases.c.dispute_types))
    for org, types, count in conn.execute(stmt):
        bucket = out.setdefault(org, {})
        for t in (types or "other").split(","):
            bucket[t or "other"] = bucket.get(t or "other", 0) + count
    return out


def organisation_names(conn: Connection) -> dict[str, tuple[str, str]]:
    return {r.id: (r.name, r.code) for r in conn.execute(select(organisations.c.id, organisations.c.name, organisations.c.code))}


def daily_received_closed(conn: Connection, start: date, end: date,
                          exclude_historical: bool = False) -> tuple[dict[date, int], dict[date, int]]:
    """Cases received and cases closed per day of the period (months are summed from these, which
    keeps the SQL the same on SQLite and PostgreSQL)."""
    received = {d: int(n) for d, n in conn.execute(
        select(cases.c.received_on, func.count()).where(_between(cases.c.received_on, start, end),
                                                        *_scope(exclude_historical))
        .group_by(cases.c.received_on))}
    closed = {d: int(n) for d, n in conn.execute(
        select(cases.c.closed_on, func.count()).where(cases.c.status == "closed", _between(cases.c.closed_on, start, end),
                                                      *_scope(exclude_historical))
        .group_by(cases.c.closed_on))}
    return received, closed


def received_count(conn: Connection, start: date, end: date, exclude_historical: bool = False) -> int:
    return int(conn.execute(select(func.count()).select_from(cases)
                            .where(_between(cases.c.received_on, start, end), *_scope(exclude_historical))).scalar_one())

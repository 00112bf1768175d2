"""Cases in and out of the database, as core.model objects.

A case is stored as one row in ``cases`` (with the respondent, the deadlines and the applicants'
names denormalised for lists and search) plus child rows. Saving replaces the children, which keeps
the aggregate consistent and makes a case the unit that sync sends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from operator import itemgetter

from sqlalchemy import Boolean, Connection, Date, delete, func, insert, select, update

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.deadlines import Deadlines, next_due
from mediation_desktop.core.enums import Channel, Outcome, Status
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Respondent,
    WorkerAmount,
)
from mediation_desktop.storage import lookup_repo
from mediation_desktop.storage.pg_copy import copy_rows
from mediation_desktop.storage.schema import (
    agreement_items,
    agreement_workers,
    agreements,
    applicants,
    cases,
    claims,
    number_lookups,
    sessions,
)


def case_row(case: Case, deadlines: Deadlines, origin_node: str, user: str | None = None,
             stamp: str | None = None) -> dict:
    """The ``cases`` row for a case (without ``num``, which the database assigns). ``stamp`` is the
    write's time when a bulk write gives one for all its rows."""
    stamp = stamp or now_iso()
    return {
        "id": case.id, "org_id": case.org_id, "case_no": case.case_no,
        "year": case.received_on.year, "seq_no": case_seq(case),
        "status": str(case.status), "outcome": str(case.outcome) if case.outcome else None,
        "received_on": case.received_on, "accepted_on": case.accepted_on,
        "concluded_on": case.concluded_on, "closed_on": case.closed_on,
        "extended_until": case.extended_until, "extension_agreed_on": case.extension_agreed_on,
        "next_session_on": case.next_session_on, "next_session_at": case.next_session_at,
        "next_session_place": case.next_session_place or None,
        "accepted_late": bool(case.accepted_late),
        "dispute_types": ",".join(case.dispute_types),
        "workers_involved": case.workers_involved, "collective": case.collective,
        "amount_claimed_fen": case.amount_claimed_fen, "amount_agreed_fen": case.amount_agreed_fen,
        "channel": str(case.channel), "court_case_no": case.court_case_no, "mediator": case.mediator,
        "facts": case.facts, "not_accepted_reason": case.not_accepted_reason,
        "conclusion_note": case.conclusion_note, "transferred_to": case.transferred_to,
        "remarks": case.remarks,
        "applicant_names": case.applicant_names, "respondent_name": case.respondent.name,
        "respondent_uscc": case.respondent.uscc, "respondent_legal_rep": case.respondent.legal_rep,
        "respondent_address": case.respondent.address, "respondent_phone": case.respondent.phone,
        "respondent_legal_rep_title": case.respondent.legal_rep_title,
        "respondent_agent": case.respondent.agent, "respondent_agent_special": bool(case.respondent.agent_special),
        "respondent_position": case.respondent_position or None, "employment_ended_on": case.employment_ended_on,
        "acceptance_due": deadlines.acceptance_due, "statutory_due": deadlines.statutory_due,
        "mediation_due": deadlines.mediation_due,
        "next_due": next_due(case, deadlines) if case.is_open else None,
        "deadlines_approx": bool(deadlines.approximate),
        "ledger_key": case.ledger_key, "ledger_no": case.ledger_no, "import_batch": case.import_batch,
        "historical": bool(case.historical), "closed_on_inferred": bool(case.closed_on_inferred),
        "review_pending": bool(case.review_pending),
        "origin_node": origin_node,
        "created_at": case.created_at.isoformat() if case.created_at else stamp,
        "updated_at": stamp, "created_by": user,
    }


def case_seq(case: Case) -> int:
    if case.seq_no is None:
        raise ValueError("case has no sequence number; assign a case number first")
    return case.seq_no


def child_rows(case: Case) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {"applicants": [], "claims": [], "sessions": [], "agreements": [], "agreement_items": [],
                                   "agreement_workers": []}
    for pos, a in enumerate(case.applicants):
        rows["applicants"].append({
            "id": a.id, "case_id": case.id, "position": pos, "name": a.name, "id_number": a.id_number,
            "phone": a.phone, "gender": a.gender, "address": a.address, "is_representative": a.is_representative,
            "agent": a.agent, "agent_special": bool(a.agent_special),
        })
    for pos, c in enumerate(case.claims):
        rows["claims"].append({"id": c.id, "case_id": case.id, "position": pos, "description": c.description,
                               "amount_fen": c.amount_fen, "dispute_type": c.dispute_type})
    for s in case.sessions:
        rows["sessions"].append({"id": s.id, "case_id": case.id, "held_on": s.held_on, "place": s.place,
                                 "mode": s.mode, "attendees": s.attendees, "notes": s.notes, "recorder": s.recorder})
    ag = case.agreement
    if ag is not None:
        rows["agreements"].append({
            "id": ag.id, "case_id": case.id, "signed_on": ag.signed_on, "effective_on": ag.effective_on,
            "full_and_final": ag.full_and_final, "default_route": ag.default_route,
            "arbitration_review_applied_on": ag.arbitration_review_applied_on,
            "arbitration_review_result": ag.arbitration_review_result,
            "judicial_confirmation_applied_on": ag.judicial_confirmation_applied_on,
            "judicial_confirmation_result": ag.judicial_confirmation_result,
            "tax": ag.tax, "other_terms": ag.other_terms or "",
        })
        for pos, it in enumerate(ag.items):
            rows["agreement_items"].append({
                "id": it.id, "agreement_id": ag.id, "position": pos, "payer": it.payer, "payee": it.payee,
                "description": it.description, "amount_fen": it.amount_fen, "due_on": it.due_on,
                "method": it.method, "account": it.account or "", "performed_on": it.performed_on,
                "performed_fen": it.performed_fen,
            })
        for pos, share in enumerate(ag.per_worker):
            rows["agreement_workers"].append({"id": share.id, "agreement_id": ag.id, "position": pos,
                                              "name": share.name, "amount_fen": share.amount_fen})
    return rows


CHILD_TABLES = (("applicants", applicants), ("claims", claims), ("sessions", sessions),
                ("agreements", agreements), ("agreement_items", agreement_items),
                ("agreement_workers", agreement_workers))


def insert_cases(conn: Connection, rows: Sequence[dict], children: dict[str, list[dict]]) -> None:
    """Bulk insert (the ledger import, demo data and sync paths). On SQLite the rows go straight to
    the driver's executemany as tuples: SQLAlchemy's per-row parameter processing cost as much as
    SQLite's own work here. PostgreSQL takes them as one COPY stream per table."""
    batches = [(cases, list(rows))] + [(table, children.get(name) or []) for name, table in CHILD_TABLES]
    # The applicants' numbers are found through keyed hashes (lookup_repo), written beside them.
    batches.append((number_lookups, lookup_repo.insert_for_applicants(conn, children.get("applicants") or [])))
    for table, batch in batches:
        if not batch:
            continue
        if conn.dialect.name == "sqlite":
            _sqlite_executemany(conn, table, batch)
        elif conn.dialect.name == "postgresql":
            copy_rows(conn, table, batch)
        else:
            conn.execute(insert(table), batch)


def _sqlite_executemany(conn: Connection, table, batch: list[dict]) -> None:  # table: a Table
    """Rows as tuples, with dates and booleans stored as SQLAlchemy's SQLite types store them."""
    given = [c.name for c in table.columns if c.name in batch[0]]
    # Column defaults are applied by SQLAlchemy in Python (e.g. ``version`` = 1), so apply them here.
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in batch[0] and c.default is not None and c.default.is_scalar}
    tail = tuple(int(v) if isinstance(v, bool) else v for v in defaults.values())
    dates = [i for i, n in enumerate(given) if isinstance(table.c[n].type, Date)]
    flags = [i for i, n in enumerate(given) if isinstance(table.c[n].type, Boolean)]
    pick = itemgetter(*given) if len(given) > 1 else (lambda row: (row[given[0]],))
    if dates or flags:
        values = []
        for row in batch:
            v = list(pick(row))
            for i in dates:
                if v[i] is not None:
                    v[i] = v[i].isoformat()
            for i in flags:
                if v[i] is not None:
                    v[i] = int(v[i])
            values.append(tuple(v) + tail)
    else:
        values = [pick(row) + tail for row in batch]
    names = given + list(defaults)
    _insert_rows(conn, table.name, names, values)


def _insert_rows(conn: Connection, table_name: str, names: list[str], values: list[tuple]) -> None:
    """As many rows per INSERT statement as SQLite's bound-parameter limit allows. SQLite copies
    the pages each statement changes into a statement journal, and inside a savepoint (each package
    of a sync batch has one) that journal keeps growing until the savepoint ends: row by row, a
    package's cases went in four times slower than outside one. A statement of hundreds of rows is
    also about half the work of a row-by-row executemany outside a savepoint.

    A statement holds at most ROWS_PER_STATEMENT rows, and a shorter rest is sent in power-of-two
    parts: the driver keeps every statement text it has seen prepared (its statement cache), so a
    text per rest length, each of hundreds of rows, held about 100 MB at a 20,000-row ledger import
    and 340 MB at 100,000. Now a table has at most nine texts. More rows per statement gained nothing."""
    import sqlite3
    from itertools import chain

    width = len(names)
    limit = conn.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # type: ignore[union-attr]
    per = max(1, min(ROWS_PER_STATEMENT, limit // width))
    head = f"INSERT INTO {table_name} ({', '.join(names)}) VALUES "
    one = f"({', '.join('?' * width)})"
    full = head + ", ".join([one] * per)   # the same text for every full chunk: prepared once
    start = 0
    while start < len(values):
        left = len(values) - start
        count = per if left >= per else 1 << (left.bit_length() - 1)
        sql = full if count == per else head + ", ".join([one] * count)
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(values[start:start + count])))
        start += count


ROWS_PER_STATEMENT = 256


def delete_children(conn: Connection, case_ids: Sequence[str]) -> None:
    ag_ids = select(agreements.c.id).where(agreements.c.case_id.in_(case_ids))
    conn.execute(delete(agreement_items).where(agreement_items.c.agreement_id.in_(ag_ids)))
    conn.execute(delete(agreement_workers).where(agreement_workers.c.agreement_id.in_(ag_ids)))
    for table in (agreements, sessions, claims, applicants):
        conn.execute(delete(table).where(table.c.case_id.in_(case_ids)))
    lookup_repo.delete_for_cases(conn, case_ids)


def save_case(conn: Connection, case: Case, deadlines: Deadlines, origin_node: str, user: str | None) -> None:
    """Insert a new case or replace an existing one (row version +1)."""
    row = case_row(case, deadlines, origin_node, user)
    existing = conn.execute(select(cases.c.version, cases.c.created_at, cases.c.created_by, cases.c.origin_node)
                            .where(cases.c.id == case.id)).first()
    children = child_rows(case)
    if existing is None:
        insert_cases(conn, [row], children)
        return
    row.update(version=existing.version + 1, created_at=existing.created_at, created_by=existing.created_by,
               origin_node=existing.origin_node)
    conn.execute(update(cases).where(cases.c.id == case.id).values(**row))
    delete_children(conn, [case.id])
    insert_cases(conn, [], children)


def store_deadlines(conn: Connection, case: Case, deadlines: Deadlines) -> None:
    """Refresh only the stored deadline columns (a holiday table arrived): the case itself, its
    version and its owner's record stay as they are."""
    conn.execute(update(cases).where(cases.c.id == case.id).values(
        acceptance_due=deadlines.acceptance_due, statutory_due=deadlines.statutory_due,
        mediation_due=deadlines.mediation_due, next_due=next_due(case, deadlines) if case.is_open else None,
        deadlines_approx=bool(deadlines.approximate)))


def next_seq_no(conn: Connection, org_id: str, year: int) -> int:
    current = conn.execute(select(func.max(cases.c.seq_no)).where(cases.c.org_id == org_id, cases.c.year == year)).scalar()
    return (current or 0) + 1


# -- reading ---------------------------------------------------------------------------------------

def case_from_row(r, children: dict | None = None) -> Case:  # r: a Row
    children = children or {}
    case = Case(
        id=r.id, org_id=r.org_id, case_no=r.case_no, received_on=r.received_on,
        # Without child rows (a list), the names stand in; id "" marks them as not stored records.
        applicants=children.get("applicants") or [Applicant(name=n, id="") for n in r.applicant_names.split("、") if n],
        respondent=Respondent(name=r.respondent_name, uscc=r.respondent_uscc, legal_rep=r.respondent_legal_rep,
                              address=r.respondent_address, phone=r.respondent_phone,
                              legal_rep_title=r.respondent_legal_rep_title, agent=r.respondent_agent,
                              agent_special=bool(r.respondent_agent_special)),
        respondent_position=r.respondent_position or "", employment_ended_on=r.employment_ended_on,
        status=Status(r.status), outcome=Outcome(r.outcome) if r.outcome else None,
        accepted_on=r.accepted_on, concluded_on=r.concluded_on, closed_on=r.closed_on,
        extended_until=r.extended_until, extension_agreed_on=r.extension_agreed_on,
        accepted_late=bool(r.accepted_late),
        next_session_on=r.next_session_on, next_session_at=r.next_session_at,
        next_session_place=r.next_session_place or "",
        dispute_types=[t for t in r.dispute_types.split(",") if t],
        workers_involved=r.workers_involved, claims=children.get("claims", []),
        amount_claimed_fen=r.amount_claimed_fen, amount_agreed_fen=r.amount_agreed_fen,
        channel=Channel(r.channel), court_case_no=r.court_case_no, mediator=r.mediator, facts=r.facts,
        not_accepted_reason=r.not_accepted_reason, conclusion_note=r.conclusion_note,
        transferred_to=r.transferred_to, remarks=r.remarks,
        sessions=children.get("sessions", []), agreement=children.get("agreement"),
        seq_no=r.seq_no, version=r.version, origin_node=r.origin_node, ledger_key=r.ledger_key,
        ledger_no=r.ledger_no, import_batch=r.import_batch, historical=bool(r.historical),
        closed_on_inferred=bool(r.closed_on_inferred), review_pending=bool(r.review_pending),
        created_at=datetime.fromisoformat(r.created_at), updated_at=datetime.fromisoformat(r.updated_at),
    )
    return case


def load_children(conn: Connection, case_ids: Sequence[str]) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(lambda: {"applicants": [], "claims": [], "sessions": [], "agreement": None})
    if not case_ids:
        return out
    for r in conn.execute(select(applicants).where(applicants.c.case_id.in_(case_ids)).order_by(applicants.c.position)):
        out[r.case_id]["applicants"].append(Applicant(
            id=r.id, name=r.name, id_number=r.id_number, phone=r.phone, gender=r.gender, address=r.address,
            is_representative=bool(r.is_representative), agent=r.agent, agent_special=bool(r.agent_special)))
    for r in conn.execute(select(claims).where(claims.c.case_id.in_(case_ids)).order_by(claims.c.position)):
        out[r.case_id]["claims"].append(Claim(id=r.id, description=r.description, amount_fen=r.amount_fen,
                                              dispute_type=r.dispute_type))
    for r in conn.execute(select(sessions).where(sessions.c.case_id.in_(case_ids)).order_by(sessions.c.held_on, sessions.c.id)):
        out[r.case_id]["sessions"].append(MediationSession(
            id=r.id, held_on=r.held_on, place=r.place, mode=r.mode, attendees=r.attendees, notes=r.notes,
            recorder=r.recorder))
    for case_id, ag in _agreements_of(conn, case_ids).items():
        out[case_id]["agreement"] = ag
    return out


def _agreements_of(conn: Connection, case_ids: Sequence[str]) -> dict[str, Agreement]:
    by_case: dict[str, Agreement] = {}
    by_id: dict[str, Agreement] = {}
    for r in conn.execute(select(agreements).where(agreements.c.case_id.in_(case_ids))):
        ag = Agreement(id=r.id, signed_on=r.signed_on, effective_on=r.effective_on,
                       full_and_final=bool(r.full_and_final), default_route=r.default_route,
                       arbitration_review_applied_on=r.arbitration_review_applied_on,
                       arbitration_review_result=r.arbitration_review_result,
                       judicial_confirmation_applied_on=r.judicial_confirmation_applied_on,
                       judicial_confirmation_result=r.judicial_confirmation_result,
                       tax=r.tax, other_terms=r.other_terms or "")
        by_id[r.id] = by_case[r.case_id] = ag
    if by_id:
        for r in conn.execute(select(agreement_items).where(agreement_items.c.agreement_id.in_(list(by_id)))
                              .order_by(agreement_items.c.position)):
            by_id[r.agreement_id].items.append(AgreementItem(
                id=r.id, payer=r.payer, payee=r.payee, description=r.description, amount_fen=r.amount_fen,
                due_on=r.due_on, method=r.method, account=r.account or "", performed_on=r.performed_on,
                performed_fen=r.performed_fen))
        for r in conn.execute(select(agreement_workers).where(agreement_workers.c.agreement_id.in_(list(by_id)))
                              .order_by(agreement_workers.c.position)):
            by_id[r.agreement_id].per_worker.append(WorkerAmount(id=r.id, name=r.name, amount_fen=r.amount_fen))
    return by_case


def load_agreements(conn: Connection, case_ids: Sequence[str]) -> dict[str, Agreement]:
    """Agreements (with items) of the given cases, by case id, in chunks the driver accepts."""
    out: dict[str, Agreement] = {}
    for start in range(0, len(case_ids), 500):
        out.update(_agreements_of(conn, list(case_ids[start:start + 500])))
    return out


def load_cases(conn: Connection, case_ids: Sequence[str]) -> list[Case]:
    """Whole aggregates for the given ids, in the given order (missing ids are skipped)."""
    result: list[Case] = []
    for start in range(0, len(case_ids), 500):
        chunk = list(case_ids[start:start + 500])
        rows = {r.id: r for r in conn.execute(select(cases).where(cases.c.id.in_(chunk)))}
        kids = load_children(conn, chunk)
        result.extend(case_from_row(rows[i], kids[i]) for i in chunk if i in rows)
    return result


def find_case_id(conn: Connection, case_no_or_id: str) -> str | None:
    """By case number, else by id: two indexed lookups (an OR of the two would scan the table)."""
    key = case_no_or_id.strip()
    found = conn.execute(select(cases.c.id).where(cases.c.case_no == key).order_by(cases.c.num).limit(1)).scalar()
    return found or conn.execute(select(cases.c.id).where(cases.c.id == key)).scalar()


def existing_ledger_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    found: set[str] = set()
    keys = list(keys)
    for start in range(0, len(keys), 900):
        chunk = keys[start:start + 900]
        found.update(conn.execute(select(cases.c.ledger_key).where(cases.c.ledger_key.in_(chunk))).scalars())
    return found

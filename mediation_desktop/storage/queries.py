"""List, search and deadline queries, shaped for a million cases.

Lists sort newest first by ``(received_on, num)`` (an index) and page by keyset, never OFFSET.
Search: terms of 3+ characters go to the full-text index (SQLite FTS5 trigram, PostgreSQL pg_trgm);
1–2 character terms use LIKE on the short name columns, because a trigram index cannot answer them.
A term with digits may also be a ledger 序号 or an applicant's ID or phone number (lookup_repo).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import filterfalse, islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, desc, func, or_, select, text
from sqlalchemy.sql import ColumnElement, Select

from mediation_desktop.core.model import OPEN_STATUSES, Case, CaseFilter, Respondent
from mediation_desktop.core.number_lookup import typed_number
from mediation_desktop.storage import lookup_repo
from mediation_desktop.storage.cases_repo import case_from_row, load_agreements
from mediation_desktop.storage.schema import applicants, case_names, cases, key_enterprises

FTS_MIN = 3


def search_terms(query: str) -> list[str]:
    return [t for t in query.replace("　", " ").split() if t]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search_clause(conn: Connection, query: str):
    """Every term must match (AND). A term matches the text (case number, names, facts); a term
    with a digit in it may also be the ledger's 序号 (exactly) or an applicant's ID or phone number,
    found through the keyed-hash lookup table (full number, last six of an ID, last four of a phone).
    Terms without digits keep the single full-text query that answers names fastest."""
    whole_number = typed_number(query)
    terms = ["".join(whole_number.split())] if whole_number and " " in whole_number else search_terms(query)
    words = [t for t in terms if not any(c.isdigit() for c in t)]
    clauses: list[ColumnElement[bool]] = []
    long_words = [t for t in words if len(t) >= FTS_MIN]
    if long_words and conn.dialect.name == "sqlite":
        clauses.append(_fts_clause(" AND ".join(_fts_phrase(t) for t in long_words), 0))
        words = [t for t in words if len(t) < FTS_MIN]
    clauses.extend(_text_clause(conn, t, i) for i, t in enumerate(words, start=1))
    for i, t in enumerate((t for t in terms if any(c.isdigit() for c in t)), start=len(terms) + 1):
        either: list[ColumnElement[bool]] = [_text_clause(conn, t, i), cases.c.ledger_no == t]
        numbers = lookup_repo.case_ids_matching(conn, t)
        if numbers is not None:
            either.append(cases.c.id.in_(numbers))
        clauses.append(or_(*either))
    return and_(*clauses) if clauses else None


def _fts_clause(match: str, i: int) -> ColumnElement[bool]:
    return cases.c.num.in_(select(text("rowid")).select_from(text("cases_fts"))
                           .where(text(f"cases_fts MATCH :fts_q{i}").bindparams(bindparam(f"fts_q{i}", match))))


def _text_clause(conn: Connection, t: str, i: int) -> ColumnElement[bool]:
    pattern = _like(t)
    if len(t) >= FTS_MIN:
        if conn.dialect.name == "sqlite":
            return _fts_clause(_fts_phrase(t), i)
        return or_(*(col.like(pattern, escape="\\") for col in
                     (cases.c.case_no, cases.c.applicant_names, cases.c.respondent_name, cases.c.facts)))
    if conn.dialect.name == "sqlite":
        return cases.c.num.in_(select(case_names.c.num).where(case_names.c.names.like(pattern, escape="\\")))
    return or_(cases.c.applicant_names.like(pattern, escape="\\"),
               cases.c.respondent_name.like(pattern, escape="\\"),
               cases.c.case_no.like(pattern, escape="\\"))


def filtered(conn: Connection, columns, f: CaseFilter) -> Select:
    stmt = select(*columns)
    conds = []
    if f.org_id:
        conds.append(cases.c.org_id == f.org_id)
    if f.status:
        conds.append(cases.c.status == f.status)
    if f.outcome:
        conds.append(cases.c.outcome.is_(None) if f.outcome == "open" else cases.c.outcome == f.outcome)
    if f.dispute_type:
        conds.append(func.instr("," + cases.c.dispute_types + ",", f",{f.dispute_type},") > 0)
    if f.mediator:
        conds.append(cases.c.mediator == f.mediator)
    if f.received_from:
        conds.append(cases.c.received_on >= f.received_from)
    if f.received_to:
        conds.append(cases.c.received_on <= f.received_to)
    if f.overdue_on:
        conds.append(and_(cases.c.status.in_(OPEN_STATUSES), cases.c.next_due < f.overdue_on))
    if f.collective is not None:
        conds.append(cases.c.collective == f.collective)
    if f.search and f.search.strip():
        clause = _search_clause(conn, f.search)
        if clause is not None:
            conds.append(clause)
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


NEWEST_FIRST = (desc(cases.c.received_on), desc(cases.c.num))


def list_cases(conn: Connection, f: CaseFilter, limit: int | None = None,
               after: tuple[date, int] | None = None) -> list[Case]:
    """Cases (without child records) newest first; ``after`` is the keyset of the last row seen."""
    stmt = filtered(conn, [cases], f).order_by(*NEWEST_FIRST)
    if after is not None:
        stmt = stmt.where(or_(cases.c.received_on < after[0],
                              and_(cases.c.received_on == after[0], cases.c.num < after[1])))
    if limit:
        stmt = stmt.limit(limit)
    return [case_from_row(r) for r in conn.execute(stmt)]


# What a list row shows (CONTRACT §2 case objects without deadlines): no wide text, no children.
SUMMARY_COLUMNS = [cases.c[name] for name in (
    "id", "case_no", "status", "outcome", "received_on", "accepted_on", "concluded_on", "closed_on",
    "applicant_names", "respondent_name", "respondent_uscc", "dispute_types", "workers_involved", "collective",
    "amount_claimed_fen", "amount_agreed_fen", "channel", "court_case_no", "mediator", "accepted_late",
    "ledger_no", "historical", "closed_on_inferred", "review_pending")]


def list_summaries(conn: Connection, f: CaseFilter, limit: int | None = None) -> Sequence[Row[Any]]:
    """Rows of SUMMARY_COLUMNS newest first: the fast path for long lists (``cases --json``)."""
    stmt = filtered(conn, SUMMARY_COLUMNS, f).order_by(*NEWEST_FIRST)
    if limit:
        stmt = stmt.limit(limit)
    return conn.execute(stmt).all()


def count_cases(conn: Connection, f: CaseFilter) -> int:
    return conn.execute(filtered(conn, [func.count()], f).select_from(cases)).scalar_one()


def due_cases(conn: Connection, until: date) -> list[Case]:
    """Open cases with a deadline on or before ``until`` (overdue ones included), soonest first,
    with their agreements (the 仲裁审查/司法确认 deadlines run from them)."""
    # status IN (the open ones) rather than != closed, so SQLite range-scans ix_cases_open_due.
    stmt = (select(cases).where(cases.c.status.in_(OPEN_STATUSES), cases.c.next_due <= until)
            .order_by(cases.c.next_due, cases.c.num))
    rows = conn.execute(stmt).all()
    agreed = load_agreements(conn, [r.id for r in rows if r.outcome == "agreement"])
    return [case_from_row(r, {"agreement": agreed[r.id]} if r.id in agreed else None) for r in rows]


# -- the GUI's lazy list: keys first, rows on demand ------------------------------------------------

SORTABLE = {
    "case_no": cases.c.case_no, "received_on": cases.c.received_on, "applicant_names": cases.c.applicant_names,
    "respondent_name": cases.c.respondent_name, "dispute_types": cases.c.dispute_types,
    "workers_involved": cases.c.workers_involved, "amount_claimed_fen": cases.c.amount_claimed_fen,
    "status": cases.c.status, "next_due": cases.c.next_due,
}


# A full-text search whose term matches at least BROAD_HITS cases is "broad": sorting every hit by
# date means reading each hit's row (the sort itself is cheap; the row look-ups are not). Instead the
# newest TOP_BY_DATE hits are found by walking the date index newest first, and the other hits follow
# in the full-text index's order (newest entered first), which is the order cases were registered.
BROAD_HITS = 2000
TOP_BY_DATE = 500


def list_keys(conn: Connection, f: CaseFilter, sort: str = "received_on", descending: bool = True) -> list[int]:
    if sort == "received_on" and descending and conn.dialect.name == "sqlite":
        broad = _broad_search_keys(conn, f)
        if broad is not None:
            return broad
    col = SORTABLE[sort]
    order = (desc(col), desc(cases.c.num)) if descending else (col, cases.c.num)
    return _first_column(conn, filtered(conn, [cases.c.num], f).order_by(*order))


def _fts_only_match(f: CaseFilter) -> str | None:
    """The FTS5 query when ``f`` is a search alone whose every term goes to the full-text index
    (3+ characters, no digits: those may also be numbers, see _search_clause); else None."""
    if not f.search or replace(f, search=None) != CaseFilter() or typed_number(f.search):
        return None
    terms = search_terms(f.search)
    if not terms or any(len(t) < FTS_MIN or any(c.isdigit() for c in t) for t in terms):
        return None
    return " AND ".join(_fts_phrase(t) for t in terms)


def _broad_search_keys(conn: Connection, f: CaseFilter) -> list[int] | None:
    """A broad search's keys without sorting every hit (see BROAD_HITS); None for any other list.

    Each pass over the hits or the date index runs in C (map, filter, islice): the hits are tens of
    thousands of row ids, and a Python loop over them would cost as much as the full-text query."""
    match = _fts_only_match(f)
    if match is None:
        return None
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its DB-API connection
    first = itemgetter(0)
    # In row id order (FTS5's own order, so nothing is sorted), oldest registered first.
    registered = list(map(first, driver.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? "
                                                "ORDER BY rowid", (match,))))
    if len(registered) < BROAD_HITS:
        return None
    hits = set(registered)
    # Hits are spread over the dates, so about TOP_BY_DATE × cases / hits index entries hold the
    # newest TOP_BY_DATE; read a few times that before giving up (hits bunched in the past).
    total = driver.execute("SELECT max(num) FROM cases").fetchone()[0] or 1   # about the case count, at once
    budget = 4 * TOP_BY_DATE * total // len(hits) + 1000
    newest = driver.execute("SELECT num FROM cases INDEXED BY ix_cases_received "
                            "ORDER BY received_on DESC, num DESC LIMIT ?", (budget,))
    top = list(islice(filter(hits.__contains__, map(first, newest)), TOP_BY_DATE))
    newest.close()
    if len(top) < TOP_BY_DATE:
        return None   # the budget ran out: the ordinary sorted query
    chosen = set(top)
    return top + list(filterfalse(chosen.__contains__, reversed(registered)))


def _first_column(conn: Connection, stmt: Select) -> list:
    """The first column of every row. On SQLite the compiled statement goes straight to the driver:
    for the unfiltered list of a million cases, SQLAlchemy's result rows cost more than the query."""
    if conn.dialect.name != "sqlite":
        return list(conn.execute(stmt).scalars())
    # render_postcompile expands IN (...) lists into plain positional parameters.
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [_sqlite_param(compiled.params[name]) for name in (compiled.positiontup or ())]
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its DB-API connection
    return [row[0] for row in driver.execute(compiled.string, params)]


def _sqlite_param(value):  # as SQLAlchemy's SQLite types would bind it
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def keys_with_values(conn: Connection, f: CaseFilter, sort: str) -> list[tuple[int, object]]:
    """(num, value of the sort column) of every matching case, for sorting in Python (Chinese
    collation of names, which SQLite cannot do)."""
    return [tuple(r) for r in conn.execute(filtered(conn, [cases.c.num, SORTABLE[sort]], f))]


def rows_by_keys(conn: Connection, nums: Sequence[int]) -> dict[int, object]:
    out: dict[int, object] = {}
    for start in range(0, len(nums), 900):
        chunk = list(nums[start:start + 900])
        for r in conn.execute(select(cases).where(cases.c.num.in_(chunk))):
            out[r.num] = r
    return out


def open_cases_of_employer(conn: Connection, respondent: Respondent) -> int:
    """Open cases against the same employer (by credit code when known, else by name)."""
    col = cases.c.respondent_uscc if respondent.uscc else cases.c.respondent_name
    value = respondent.uscc or respondent.name
    return conn.execute(select(func.count()).select_from(cases).where(col == value, cases.c.status.in_(OPEN_STATUSES))).scalar_one()


def is_key_enterprise(conn: Connection, uscc: str | None) -> bool:
    if not uscc:
        return False
    return conn.execute(select(key_enterprises.c.uscc).where(key_enterprises.c.uscc == uscc)).first() is not None


def open_duplicates(conn: Connection, case: Case) -> list[str]:
    """Case numbers of open cases with the same applicant (by ID number or name) and employer."""
    person: ColumnElement[bool] = applicants.c.name.in_([a.name for a in case.applicants])
    ids = [a.id_number for a in case.applicants if a.id_number]
    if ids:
        person = person | applicants.c.id_number.in_(ids)
    employer: ColumnElement[bool] = cases.c.respondent_name == case.respondent.name
    if case.respondent.uscc:
        employer = employer | (cases.c.respondent_uscc == case.respondent.uscc)
    stmt = (select(cases.c.case_no).distinct().join(applicants, applicants.c.case_id == cases.c.id)
            .where(person, employer, cases.c.status.in_(OPEN_STATUSES), cases.c.id != case.id))
    return list(conn.execute(stmt).scalars())


def open_case_ids_received(conn: Connection, received_from: date, received_to: date) -> list[str]:
    return list(conn.execute(select(cases.c.id).where(
        cases.c.status.in_(OPEN_STATUSES), cases.c.received_on >= received_from, cases.c.received_on <= received_to)).scalars())

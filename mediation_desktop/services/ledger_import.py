"""Importing a legacy 调解台账 into the register (CONTRACT.md §3).

The reader (``ledger_reader``) checks every row; here the good rows become cases in ONE
transaction: all of them or none. A row already imported before (same received date, applicants,
employer and amount) is counted as a duplicate and skipped, so re-importing a file adds nothing.
``dry_run`` runs exactly the same code and rolls back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import Channel, Outcome, Status
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.ledger_history import inferred_close_date, needs_review
from mediation_desktop.core.model import Agreement, AgreementItem, Case, new_id, uuid7_strings
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.ledger_reader import LedgerIssue, LedgerRecord, read_ledger
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage import ledger_repo
from mediation_desktop.storage.cases_repo import existing_ledger_keys
from mediation_desktop.storage.engine import bounded_cache
from mediation_desktop.storage.outbox import audit

Progress = Callable[[str, int, int], None]

# The import's SQLite page cache. Its random-keyed indexes (ledger keys, number lookups, case ids)
# outgrow 8 MB at about 20,000 rows, and every page pushed out is written to the WAL again when it
# changes again; at 100,000 rows 8 MB made the inserts far slower. 32 MB keeps the whole import near
# 240 MB beside calamine's sheet (the usual 64 MB: about 275 MB; the target is 300 MB).
IMPORT_CACHE_KIB = 32 * 1024


@dataclass
class ImportBatch:
    """One import: its id (``ledger undo``), its date (the inferred close date of last resort) and
    how many rows landed closed or on the review list."""

    id: str
    on: date
    closed: int = 0
    to_review: int = 0
    ids: Iterator[str] = field(default_factory=uuid7_strings)   # time-ordered: see core.model


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run."""


def ledger_key(r: LedgerRecord) -> str:
    parts = [r.received_on.isoformat(), "、".join(a.name for a in r.applicants), r.respondent.name,
             str(r.amount_claimed_fen or "")]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _payee(case: Case) -> str:
    """All applicants' names, or ``张三等12人`` when they would not fit the payee field (core.rules)."""
    from mediation_desktop.core.rules import max_len

    names = case.applicant_names
    if len(names) <= max_len("item.payee"):
        return names
    return f"{case.applicants[0].name[:150]}等{len(case.applicants)}人"


def record_to_case(r: LedgerRecord, key: str, imported_on: date | None = None, batch_id: str | None = None,
                   ids: Iterator[str] | None = None) -> Case:
    """A ledger row as the case it really is (core.ledger_history): a row with a final 调解结果 is
    closed, on its 结案日期 or an inferred date; an open row long past its term waits for review."""
    imported_on = imported_on or clock_today()
    ids = ids or iter(new_id, None)
    case = Case(
        org_id="", received_on=r.received_on, applicants=r.applicants, respondent=r.respondent,
        accepted_on=r.accepted_on, dispute_types=list(r.dispute_types), workers_involved=r.workers_involved,
        amount_claimed_fen=r.amount_claimed_fen, amount_agreed_fen=r.amount_agreed_fen,
        channel=Channel.LEDGER, mediator=r.mediator, remarks=r.remarks, ledger_key=key,
        ledger_no=r.ledger_no, import_batch=batch_id, id=next(ids),
    )
    if r.outcome is None:
        case.status = Status.MEDIATING if r.accepted_on else Status.REGISTERED
        case.review_pending = needs_review(r.received_on, r.accepted_on, imported_on)
        return case
    closed = inferred_close_date(r.closed_on, [r.received_on, r.accepted_on], imported_on)
    case.outcome = r.outcome
    case.status = Status.CLOSED
    case.closed_on = case.concluded_on = closed.day
    case.historical = True
    case.closed_on_inferred = closed.inferred
    if r.outcome == Outcome.AGREEMENT and r.amount_agreed_fen:
        case.agreement = Agreement(signed_on=closed.day, id=next(ids), items=[AgreementItem(
            payer=r.respondent.name, payee=_payee(case), description="调解协议约定款项（台账导入）",
            amount_fen=r.amount_agreed_fen, id=next(ids))])
    return case


def _issue(i: LedgerIssue) -> dict:
    return {"row": i.row, "column": i.column, "message": i.message}


def import_ledger(backend: Backend, path: Path, dry_run: bool = False, progress: Progress | None = None) -> dict:
    """Read, check and write a ledger: all good rows in one transaction, or none.

    The reader hands over checked records in chunks while it goes on reading, and each chunk is
    written at once inside the one write transaction, so a large ledger is never held in memory
    whole. (A writer thread was tried: both sides are mostly Python, so they only took turns.)"""
    require_backend(backend, "ledger.import")
    path = Path(path)
    if not path.is_file():
        raise UserError("E_FILE_NOT_FOUND", f"找不到文件：{path}")
    if progress:
        progress("读取台账", 0, 0)
    counts = {"imported": 0, "duplicates": 0}
    backed_up = dry_run  # a dry run changes nothing and needs no backup
    batch = ImportBatch(new_id(), clock_today())
    try:
        # A bounded page cache: the default one would fill with the import's dirty pages (memory).
        with backend.db.write() as conn, bounded_cache(conn, IMPORT_CACHE_KIB):
            seen: set[str] = set()
            seq_from = ledger_repo.last_seq(conn) + 1

            def write(chunk: list[LedgerRecord]) -> None:
                nonlocal backed_up
                if not backed_up:
                    # The backup is taken once there is something to write, so a wrong file costs no
                    # backup. It copies the last committed state (WAL lets it read beside our open
                    # transaction), which is the database as it was before this import.
                    backend.backup_before("import")
                    backed_up = True
                _write_chunk(backend, conn, chunk, seen, counts, batch)
                if progress:
                    progress("写入数据库", counts["imported"] + counts["duplicates"], 0)

            result = read_ledger(path, sink=write)
            rejected = len({e.row for e in result.errors})
            if counts["imported"]:
                ledger_repo.add_batch(conn, batch.id, path.name, backend.user, counts["imported"],
                                      seq_from, ledger_repo.last_seq(conn))
            audit(conn, backend.user, "ledger_import", None, None, {
                "file": path.name, "rows": result.rows, "rejected": rejected, "dry_run": dry_run,
                "batch": batch.id if counts["imported"] else None, **counts})
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    report = {"rows": result.rows, **counts, "rejected": rejected,
              "batch": batch.id if counts["imported"] and not dry_run else None,
              "closed_historical": batch.closed, "to_review": batch.to_review,
              "errors": [_issue(e) for e in result.errors], "warnings": [_issue(w) for w in result.warnings]}
    if dry_run:
        report["dry_run"] = True
    if progress:
        progress("完成", counts["imported"], counts["imported"])
    return report


def _write_chunk(backend: Backend, conn, chunk: list[LedgerRecord], seen: set[str],
                 counts: dict[str, int], batch: ImportBatch) -> None:
    """Insert the chunk's new cases; a row already in the database, or earlier in this file, is a
    duplicate."""
    from mediation_desktop.core.programme import match_name
    from mediation_desktop.storage.programme_repo import mediator_names

    keyed = [(ledger_key(r), r) for r in chunk]
    seen |= existing_ledger_keys(conn, [k for k, _ in keyed if k not in seen])
    registered = mediator_names(conn, backend.node.node_id)   # free text matched to the register
    fresh: list[Case] = []
    for key, record in keyed:
        if key in seen:
            counts["duplicates"] += 1
            continue
        seen.add(key)
        case = record_to_case(record, key, batch.on, batch.id, batch.ids)
        case.mediator = match_name(case.mediator, registered) or case.mediator
        batch.closed += case.historical
        batch.to_review += case.review_pending
        fresh.append(case)
    counts["imported"] += insert_new_cases(backend, conn, fresh, user=backend.user)

"""Importing a legacy 调解台账 into the register (CONTRACT.md §3).

The reader (``ledger_reader``) checks every row; here the good rows become cases in ONE
transaction: all of them or none. A row already imported before (same received date, applicants,
employer and amount) is counted as a duplicate and skipped, so re-importing a file adds nothing.
``dry_run`` runs exactly the same code and rolls back.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from mediation_desktop.core.enums import Channel, Outcome, Status
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem, Case
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.services.ledger_reader import LedgerIssue, LedgerRecord, read_ledger
from mediation_desktop.storage.cases_repo import existing_ledger_keys
from mediation_desktop.storage.outbox import audit

Progress = Callable[[str, int, int], None]


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


def record_to_case(r: LedgerRecord, key: str) -> Case:
    case = Case(
        org_id="", received_on=r.received_on, applicants=r.applicants, respondent=r.respondent,
        accepted_on=r.accepted_on, dispute_types=list(r.dispute_types), workers_involved=r.workers_involved,
        amount_claimed_fen=r.amount_claimed_fen, amount_agreed_fen=r.amount_agreed_fen,
        channel=Channel.LEDGER, mediator=r.mediator, remarks=r.remarks, ledger_key=key,
    )
    if r.outcome is None:
        case.status = Status.MEDIATING if r.accepted_on else Status.REGISTERED
        return case
    case.outcome = r.outcome
    if r.outcome == Outcome.NOT_ACCEPTED:
        case.closed_on = case.concluded_on = r.closed_on or r.accepted_on or r.received_on
        case.status = Status.CLOSED
        return case
    # With a closing date the case is closed; without one it waits for the mediator to close it.
    case.concluded_on = r.closed_on
    case.status = Status.CLOSED if r.closed_on else Status.MEDIATING
    case.closed_on = r.closed_on
    if r.outcome == Outcome.AGREEMENT and r.amount_agreed_fen and r.closed_on:
        case.agreement = Agreement(signed_on=r.closed_on, items=[AgreementItem(
            payer=r.respondent.name, payee=_payee(case), description="调解协议约定款项（台账导入）",
            amount_fen=r.amount_agreed_fen)])
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
    try:
        with backend.db.write() as conn:
            seen: set[str] = set()

            def write(chunk: list[LedgerRecord]) -> None:
                nonlocal backed_up
                if not backed_up:
                    # The backup is taken once there is something to write, so a wrong file costs no
                    # backup. It copies the last committed state (WAL lets it read beside our open
                    # transaction), which is the database as it was before this import.
                    backend.backup_before("import")
                    backed_up = True
                _write_chunk(backend, conn, chunk, seen, counts)
                if progress:
                    progress("写入数据库", counts["imported"] + counts["duplicates"], 0)

            result = read_ledger(path, sink=write)
            rejected = len({e.row for e in result.errors})
            audit(conn, backend.user, "ledger_import", None, None, {
                "file": path.name, "rows": result.rows, "rejected": rejected, "dry_run": dry_run, **counts})
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    report = {"rows": result.rows, **counts, "rejected": rejected,
              "errors": [_issue(e) for e in result.errors], "warnings": [_issue(w) for w in result.warnings]}
    if dry_run:
        report["dry_run"] = True
    if progress:
        progress("完成", counts["imported"], counts["imported"])
    return report


def _write_chunk(backend: Backend, conn, chunk: list[LedgerRecord], seen: set[str],  # noqa: ANN001 - a Connection
                 counts: dict[str, int]) -> None:
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
        case = record_to_case(record, key)
        case.mediator = match_name(case.mediator, registered) or case.mediator
        fresh.append(case)
    counts["imported"] += insert_new_cases(backend, conn, fresh, user=backend.user)

"""Importing a legacy 调解台账 into the register (CONTRACT.md §3).

The reader (``ledger_reader``) checks every row; here the good rows become cases in ONE
transaction: all of them or none. A row already imported before (same received date, applicants,
employer and amount) is counted as a duplicate and skipped, so re-importing a file adds nothing.
``dry_run`` runs exactly the same code and rolls back.
"""

from __future__ import annotations

import hashlib
import queue
import threading
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
            payer=r.respondent.name, payee=case.applicant_names, description="调解协议约定款项（台账导入）",
            amount_fen=r.amount_agreed_fen)])
    return case


def _issue(i: LedgerIssue) -> dict:
    return {"row": i.row, "column": i.column, "message": i.message}


def import_ledger(backend: Backend, path: Path, dry_run: bool = False, progress: Progress | None = None) -> dict:
    """Read, check and write a ledger: all good rows in one transaction, or none.

    Reading (openpyxl, Python) and writing (SQLite, which lets go of the GIL while it works) run at
    the same time: the reader hands chunks of checked records to a writer thread that holds the
    one write transaction. A problem on either side rolls the whole transaction back."""
    require_backend(backend, "ledger.import")
    path = Path(path)
    if not path.is_file():
        raise UserError("E_FILE_NOT_FOUND", f"找不到文件：{path}")
    if not dry_run:
        backend.backup_before("import")
    writer = _Writer(backend, dry_run, progress)
    writer.start()
    try:
        if progress:
            progress("读取台账", 0, 0)
        result = read_ledger(path, sink=writer.put)
    except BaseException:
        writer.finish(abort=True)
        raise
    report = {"rows": result.rows, "imported": 0, "duplicates": 0, "rejected": len({e.row for e in result.errors}),
              "errors": [_issue(e) for e in result.errors], "warnings": [_issue(w) for w in result.warnings]}
    if dry_run:
        report["dry_run"] = True
    writer.finish(audit_detail={"file": path.name, "rows": result.rows, "rejected": report["rejected"],
                                "dry_run": dry_run})
    report["imported"], report["duplicates"] = writer.imported, writer.duplicates
    if progress:
        progress("完成", writer.imported, writer.imported)
    return report


class _Writer:
    """The write side of an import: one thread, one connection, one transaction."""

    _ABORT = object()

    def __init__(self, backend: Backend, dry_run: bool, progress: Progress | None):
        self.backend, self.dry_run, self.progress = backend, dry_run, progress
        self.queue: queue.Queue = queue.Queue(maxsize=4)   # bounded: the reader waits, memory stays flat
        self.imported = self.duplicates = 0
        self.error: BaseException | None = None
        self.audit_detail: dict | None = None
        self.thread = threading.Thread(target=self._run, name="ledger-import-writer", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def put(self, records: list[LedgerRecord]) -> None:
        if self.error is not None:
            raise self.error       # stop reading as soon as the writer has failed
        self.queue.put(records)

    def finish(self, abort: bool = False, audit_detail: dict | None = None) -> None:
        self.audit_detail = audit_detail
        self.queue.put(self._ABORT if abort else None)
        self.thread.join()
        if self.error is not None and not abort:
            raise self.error

    def _run(self) -> None:
        try:
            with self.backend.db.write() as conn:
                seen: set[str] = set()
                while (chunk := self.queue.get()) is not None:
                    if chunk is self._ABORT:
                        raise _Rollback
                    self._write(conn, chunk, seen)
                audit(conn, self.backend.user, "ledger_import", None, None, {
                    **(self.audit_detail or {}), "imported": self.imported, "duplicates": self.duplicates})
                if self.dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread, which raises it
            self.error = exc
            while True:  # let a reader blocked on the full queue go on to its own error
                try:
                    if self.queue.get_nowait() in (None, self._ABORT):
                        break
                except queue.Empty:
                    break

    def _write(self, conn, chunk: list[LedgerRecord], seen: set[str]) -> None:  # noqa: ANN001 - a Connection
        keyed = [(ledger_key(r), r) for r in chunk]
        seen |= existing_ledger_keys(conn, [k for k, _ in keyed if k not in seen])
        fresh: list[Case] = []
        for key, record in keyed:
            if key in seen:
                self.duplicates += 1
                continue
            seen.add(key)
            fresh.append(record_to_case(record, key))
        self.imported += insert_new_cases(self.backend, conn, fresh, user=self.backend.user)
        if self.progress:
            self.progress("写入数据库", self.imported + self.duplicates, 0)

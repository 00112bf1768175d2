"""How a row of a legacy ledger lands: closed as it was, or open and held for review.

A ledger is mostly finished work. A row with a final 调解结果 is a closed case; a row still open
long after its term is more likely a case nobody wrote the ending of than a case overdue for a year,
so it waits on the review list (历史在办案件，请核实) instead of flooding the deadline lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

HISTORICAL_FLAG = "历史台账导入，结案日期为推定"
REVIEW_TITLE = "历史在办案件，请核实"
TERM_DAYS = 15          # 调解期限: 15 days from acceptance (domain.md)
REVIEW_GRACE_DAYS = 30  # how far past its term an open row may be before it is reviewed, not chased


@dataclass(frozen=True)
class ClosedOn:
    day: date
    inferred: bool      # not the ledger's own 结案日期


def inferred_close_date(closed_on: date | None, row_dates: list[date | None], imported_on: date) -> ClosedOn:
    """The close date of a finished row: its 结案日期; else the latest date in the row; else the
    import date."""
    if closed_on is not None:
        return ClosedOn(closed_on, False)
    known = [d for d in row_dates if d is not None]
    return ClosedOn(max(known), True) if known else ClosedOn(imported_on, True)


def needs_review(received_on: date, accepted_on: date | None, imported_on: date) -> bool:
    """An open row older than the 15-day term by more than 30 days."""
    start = accepted_on or received_on
    return imported_on > start + timedelta(days=TERM_DAYS + REVIEW_GRACE_DAYS)


def ledger_notes(ledger_no: str | None, historical: bool, closed_on_inferred: bool, review_pending: bool) -> list[str]:
    """What a case page says about a case that came from a legacy ledger (nothing otherwise)."""
    notes = []
    if ledger_no:
        notes.append(f"台账序号：{ledger_no}")
    if historical:
        notes.append(HISTORICAL_FLAG if closed_on_inferred else "历史台账导入")
    if review_pending:
        notes.append(f"{REVIEW_TITLE}（暂不提醒期限）")
    return notes

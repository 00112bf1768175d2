"""Writing many new cases at once (ledger import, demo data) with Core executemany in the caller's
transaction: numbers assigned in memory per year, deadlines computed, outbox rows written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.deadlines import Deadlines, compute_deadlines, deadline_inputs
from mediation_desktop.core.lifecycle import is_late_acceptance
from mediation_desktop.core.model import Case
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, cases_repo
from mediation_desktop.storage.outbox import record_changes

CHUNK = 5000
KNOWN_DEADLINES = 20_000


class CaseNumberer:
    """Hands out 案号 per year without a query per case (the write lock is held by the caller)."""

    def __init__(self, conn: Connection, backend: Backend):
        self.conn = conn
        self.org = backend.node.org
        self.next: dict[int, int] = {}

    def assign(self, case: Case) -> None:
        year = case.received_on.year
        if year not in self.next:
            self.next[year] = cases_repo.next_seq_no(self.conn, self.org.id, year)
        case.seq_no = self.next[year]
        self.next[year] += 1
        case.case_no = self.org.format_case_no(year, case.seq_no)


def insert_new_cases(backend: Backend, conn: Connection, new_cases: Iterable[Case], user: str | None = None) -> int:
    node = backend.node
    calendar = backend.calendar
    numberer = CaseNumberer(conn, backend)
    total = 0
    batch: list[Case] = []

    # A ledger's hundred thousand rows share a few thousand dates: deadlines once per distinct input
    # (held to KNOWN_DEADLINES, as a million demo cases have far more distinct inputs).
    known: dict[tuple, Deadlines] = {}

    def flush() -> None:
        rows, children = [], defaultdict(list)
        stamp = now_iso()
        for case in batch:
            inputs = deadline_inputs(case)
            deadlines = known.get(inputs)
            if deadlines is None:
                if len(known) >= KNOWN_DEADLINES:
                    known.clear()
                deadlines = known[inputs] = compute_deadlines(case, calendar)
            case.accepted_late = is_late_acceptance(case.accepted_on, deadlines.acceptance_due)
            rows.append(cases_repo.case_row(case, deadlines, node.node_id, user, stamp))
            for name, kid_rows in cases_repo.child_rows(case).items():
                children[name].extend(kid_rows)
        cases_repo.insert_cases(conn, rows, children)
        record_changes(conn, "case", [c.id for c in batch])
        batch.clear()

    for case in new_cases:
        case.org_id = node.org.id
        case.origin_node = node.node_id
        if not case.case_no:
            numberer.assign(case)
        batch.append(case)
        total += 1
        if len(batch) >= CHUNK:
            flush()
    if batch:
        flush()
    return total

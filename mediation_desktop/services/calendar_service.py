"""Loading an official holiday table and bringing stored deadlines up to date with it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mediation_desktop.core.calendar import YearTable, parse_year_table, save_year_table
from mediation_desktop.core.deadlines import compute_deadlines
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import cases_repo, queries
from mediation_desktop.storage.outbox import audit


def import_calendar_file(backend: Backend, path: Path) -> dict:
    if not path.is_file():
        raise UserError("E_FILE_NOT_FOUND", f"找不到文件：{path}")
    table = parse_year_table(path)
    return install_year_table(backend, table)


def install_year_table(backend: Backend, table: YearTable) -> dict:
    """Save the table beside the others, then recompute the deadlines of open cases it can touch
    (received from the year before, since a deadline can run into the next year)."""
    save_year_table(backend.paths.holidays, table)
    backend.reload_calendar()
    updated = recompute_open_deadlines(backend, date(table.year - 1, 1, 1), date(table.year, 12, 31),
                                       reason={"calendar_year": table.year, "source": table.source})
    return {"year": table.year, "holidays": len(table.holidays), "workdays": len(table.workdays),
            "cases_updated": updated}


def recompute_open_deadlines(backend: Backend, received_from: date, received_to: date, reason: dict) -> int:
    count = 0
    with backend.db.write() as conn:
        ids = queries.open_case_ids_received(conn, received_from, received_to)
        for start in range(0, len(ids), 500):
            for case in cases_repo.load_cases(conn, ids[start:start + 500]):
                cases_repo.store_deadlines(conn, case, compute_deadlines(case, backend.calendar))
                count += 1
        audit(conn, backend.user, "calendar_import", "calendar", None, {**reason, "cases_updated": count})
    return count

"""Official holiday tables: kept in the database, with the stored deadlines brought up to date in the
same transaction.

A table (from ``calendar import FILE`` or a district package) is written to ``settings`` under
``calendar.table.<year>`` and the open cases it can touch get their deadlines recomputed, in the
caller's one transaction: either both happen or neither does. The files in the data folder's
``holidays/`` are a cache of those rows, written only after the commit from what was committed and
rebuilt whenever the calendar is loaded (``refresh_holiday_files``), so a crash between the commit
and the file leaves nothing half-done: the next start writes the file. A file placed in the folder
by hand is still read, but a table held in the database wins for its year.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from mediation_desktop.core.calendar import (
    WorkCalendar,
    YearTable,
    parse_year_table,
    save_year_table,
    year_table_to_json,
)
from mediation_desktop.core.deadlines import compute_deadlines
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, cases_repo, queries, sync_repo
from mediation_desktop.storage.outbox import audit

log = logging.getLogger(__name__)
TABLE_KEY = "calendar.table."
CHUNK = 500


def import_calendar_file(backend: Backend, path: Path) -> dict:
    if not path.is_file():
        raise UserError("E_FILE_NOT_FOUND", f"找不到文件：{path}")
    table = parse_year_table(path)
    with backend.db.write() as conn:
        installed = install_tables(conn, backend, [table], source="file")
    refresh_holiday_files(backend)
    return {"year": table.year, "holidays": len(table.holidays), "workdays": len(table.workdays),
            "cases_updated": installed.cases_updated}


class Installed:
    """What ``install_tables`` did: the tables that were new or changed, the calendar with them, and
    how many open cases got new deadlines."""

    def __init__(self, changed: list[YearTable], calendar: WorkCalendar, cases_updated: int):
        self.changed = changed
        self.calendar = calendar
        self.cases_updated = cases_updated


def install_tables(conn: Connection, backend: Backend, tables: Iterable[YearTable], *, source: str,
                   calendar: WorkCalendar | None = None) -> Installed:
    """Store ``tables`` and recompute the deadlines they touch, inside ``conn``'s transaction.
    Tables identical to the stored ones change nothing (a re-sent package is a no-op)."""
    calendar = calendar or backend.calendar
    stored = stored_tables(conn)
    changed = [t for t in tables if stored.get(t.year) != year_table_to_json(t)]
    if not changed:
        return Installed([], calendar, 0)
    for table in changed:
        sync_repo.set_setting(conn, f"{TABLE_KEY}{table.year}", year_table_to_json(table))
        calendar = calendar.with_table(table)
    years = [t.year for t in changed]
    # A case received the year before can have a deadline running into the table's year.
    count = recompute_open_deadlines(conn, calendar, date(min(years) - 1, 1, 1), date(max(years), 12, 31))
    audit(conn, backend.user, "calendar_import", "calendar", None,
          {"years": years, "sources": [t.source for t in changed], "from": source, "cases_updated": count})
    return Installed(changed, calendar, count)


def recompute_open_deadlines(conn: Connection, calendar: WorkCalendar, received_from: date, received_to: date) -> int:
    ids = queries.open_case_ids_received(conn, received_from, received_to)
    count = 0
    for start in range(0, len(ids), CHUNK):
        for case in cases_repo.load_cases(conn, ids[start:start + CHUNK]):
            cases_repo.store_deadlines(conn, case, compute_deadlines(case, calendar))
            count += 1
    return count


def stored_tables(conn: Connection) -> dict[int, str]:
    """year → the table's canonical JSON, as held in the database."""
    out: dict[int, str] = {}
    for key, value in sync_repo.settings_with_prefix(conn, TABLE_KEY).items():
        suffix = key[len(TABLE_KEY):]
        if suffix.isdigit():
            out[int(suffix)] = value
    return out


def refresh_holiday_files(backend: Backend) -> None:
    """After a commit: bring ``holidays/`` in line with the committed tables and make the back end
    load its calendar again."""
    _mirror(backend, _committed_tables(backend))
    backend.reload_calendar()


def load_calendar(backend: Backend) -> WorkCalendar:
    """The working calendar (what ``Backend.calendar`` holds): the cache files are rewritten from
    the database first, then the folder is read and the database's tables laid over it, so even an
    unwritable folder gives the right deadlines."""
    tables = _committed_tables(backend)
    _mirror(backend, tables)
    calendar = WorkCalendar.load(backend.paths.holidays)
    for text in tables.values():
        calendar = calendar.with_table(parse_year_table(text.encode("utf-8")))
    return calendar


def _committed_tables(backend: Backend) -> dict[int, str]:
    try:
        with backend.db.read() as conn:
            return stored_tables(conn)
    except Exception:  # noqa: BLE001 - not initialised yet: there is nothing to mirror
        return {}


def _mirror(backend: Backend, tables: dict[int, str]) -> None:
    folder = backend.paths.holidays
    for year, text in sorted(tables.items()):
        target = folder / f"{year}.json"
        try:
            if target.is_file() and target.read_text(encoding="utf-8") == text:
                continue
            save_year_table(folder, parse_year_table(text.encode("utf-8")))
        except (OSError, UserError) as exc:
            # The database stays the source: the file is written again at the next load.
            log.warning("holiday table %s not written to %s: %s", year, folder, exc)

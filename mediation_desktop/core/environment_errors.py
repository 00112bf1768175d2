"""Faults of the computer rather than of the program: a full disk, a failing disk or USB stick, a
read-only folder, a missing permission. Each becomes a plain Chinese message with a stable code, the
same on the command line (exit 2) and in the window (a message box, not the crash dialog), because
the user can fix them and nothing was half-saved (every change is one transaction).

Database drivers report the same faults as text ("database or disk is full"); the storage layer
hands that text to :func:`from_database_message` and raises what it returns.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from mediation_desktop.core import error_codes
from mediation_desktop.core.errors import UserError


class EnvironmentFault(UserError):
    """The computer refused (disk, folder, permission); the user can fix it and retry."""


def _fault(code: str, path: object) -> EnvironmentFault:
    # The words live in the code registry; the message carries the next step too, because the
    # command line prints only the message.
    where = f"（{path}）" if path else ""
    return EnvironmentFault(code, f"{error_codes.message_template(code).format(where=where)}。{error_codes.next_step(code)}")


def disk_full(path: object = None) -> EnvironmentFault:
    return _fault("E_DISK_FULL", path)


def io_error(path: object = None) -> EnvironmentFault:
    return _fault("E_IO", path)


def read_only(path: object = None) -> EnvironmentFault:
    return _fault("E_READ_ONLY", path)


def no_permission(path: object = None) -> EnvironmentFault:
    # Not E_PERMISSION: that code is an account's missing right inside the program.
    return _fault("E_NO_ACCESS", path)


def path_missing(path: object = None) -> EnvironmentFault:
    return _fault("E_PATH_MISSING", path)


_BY_ERRNO = {
    errno.ENOSPC: disk_full,
    errno.EDQUOT: disk_full,
    errno.EIO: io_error,
    errno.EROFS: read_only,
    errno.EACCES: no_permission,
    errno.EPERM: no_permission,
}


def from_os_error(exc: OSError) -> EnvironmentFault | None:
    """The fault behind an OSError, or None when it is not one the user can fix."""
    make = _BY_ERRNO.get(exc.errno or 0)
    if make is None and isinstance(exc, FileNotFoundError) and exc.filename:
        make = path_missing
    if make is None:
        # Windows reports a full disk as winerror 112 (ERROR_DISK_FULL) and a read-only medium as 19.
        make = {112: disk_full, 39: disk_full, 19: read_only, 5: no_permission}.get(getattr(exc, "winerror", None) or 0)
    return make(exc.filename) if make else None


# SQLite's own words for the same faults (sqlite3.OperationalError and the like).
_DATABASE_MESSAGES = (
    ("database or disk is full", disk_full),
    ("disk i/o error", io_error),
    ("attempt to write a readonly database", read_only),
    ("readonly database", read_only),
)


def from_database_message(message: str, path: object = None) -> EnvironmentFault | None:
    text = message.lower()
    for needle, make in _DATABASE_MESSAGES:
        if needle in text:
            return make(path)
    if "unable to open database file" in text and path is not None and not _accessible(Path(str(path))):
        return no_permission(path)  # the data folder belongs to another account, or was locked down
    return None


def _accessible(database: Path) -> bool:
    folder = database.parent
    if folder.exists() and not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return False
    return not database.exists() or os.access(database, os.R_OK | os.W_OK)


def environment_fault(exc: BaseException) -> UserError | None:
    """The user-fixable fault behind ``exc`` (looking through wrapped causes), or None.

    The one place the command line, the task runner and the crash hook ask before treating an
    exception as a program fault.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, UserError):
            return current
        if isinstance(current, OSError):
            fault = from_os_error(current)
            if fault is not None:
                return fault
        # Database errors (sqlite3 directly, or wrapped with the driver's original in ``orig``).
        if type(current).__module__.startswith(("sqlite3", "sqlalchemy")) or hasattr(current, "orig"):
            fault = from_database_message(str(getattr(current, "orig", None) or current))
            if fault is not None:
                return fault
        current = current.__cause__ or current.__context__
    return None

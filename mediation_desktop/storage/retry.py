"""Running a write again when the server rolled it back for a reason that goes away on its own.

PostgreSQL may abort a transaction that did nothing wrong: a serialisation failure (SQLSTATE 40001)
or a deadlock it broke (40P01). The whole transaction was rolled back, so running the same work
again from the start is safe. SQLite never reports these (its writers queue on ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from mediation_desktop.storage.engine import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})   # serialization_failure, deadlock_detected
ATTEMPTS = 5


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and sqlstate(exc) in RETRYABLE_SQLSTATES


def with_retries(work: Callable[[], T], *, attempts: int = ATTEMPTS,
                 sleep: Callable[[float], None] = time.sleep) -> T:
    """``work()`` (one whole transaction), again after a short random pause while the server says
    the failure was transient; the last failure is raised as it came."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            log.info("transaction rolled back by the server (%s), attempt %d of %d", sqlstate(exc), attempt, attempts)
            sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")


def write_with_retries(db: Database, work: Callable[[Connection], T], *, attempts: int = ATTEMPTS) -> T:
    """``work(conn)`` in one write transaction of ``db``, retried as a whole on a transient failure.
    ``work`` must not keep effects outside the database (it may run more than once)."""

    def once() -> T:
        with db.write() as conn:
            return work(conn)

    return with_retries(once, attempts=attempts)

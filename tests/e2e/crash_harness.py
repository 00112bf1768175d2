"""Killing a writer at random moments: a forked child runs a workload in a loop, the parent
SIGKILLs it after a random delay, then checks the database the way the next start would.

Forking (instead of starting a fresh interpreter each time) makes one kill cost milliseconds, so a
CI-sized run covers hundreds of kills. The parent holds no SQLite connection across the fork. A
SIGKILL stops the process at any instruction, including inside SQLite's commit; it does not model
a power cut (the operating system still writes what the process handed it), which is what
``synchronous=FULL`` on real disks is for.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
import traceback
from collections.abc import Callable
from pathlib import Path

SCALE = float(os.environ.get("MEDIATION_CRASH_SCALE", "1"))


def runs(n: int) -> int:
    return max(1, int(n * SCALE))


def record_committed(side_file: Path, text: str) -> None:
    """Append one line and force it to disk: what the worker has seen committed."""
    fd = os.open(side_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (text + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def committed_lines(side_file: Path) -> list[str]:
    if not side_file.exists():
        return []
    # a kill between write() and the newline is impossible (one write), but keep only whole lines
    text = side_file.read_text()
    lines = text.split("\n")
    return [line for line in lines[:-1] if line]


def run_and_kill(work: Callable[[Callable[[], None]], None], max_delay: float, rng: random.Random) -> bool:
    """Fork, let ``work`` set up until it calls ``ready()``, kill it after a random delay (the
    delay covers the workload, not the start-up of the process).

    Returns True when the kill landed (False when the child had already finished). A failure in
    the workload itself is reported through a pipe, so a kill cannot hide it."""
    ready_r, ready_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 0
        try:
            os.close(ready_r)
            os.close(err_r)
            work(lambda: os.write(ready_w, b"r"))
        except BaseException:  # noqa: BLE001 - whatever stops the child is reported to the parent
            os.write(err_w, traceback.format_exc().encode()[-4000:])
            code = 3
        finally:
            os._exit(code)
    os.close(ready_w)
    os.close(err_w)
    os.read(ready_r, 1)
    os.close(ready_r)
    time.sleep(rng.uniform(0, max_delay))
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status = os.waitpid(pid, 0)
    failure = os.read(err_r, 4000)
    os.close(err_r)
    if failure:
        raise AssertionError("the workload failed on its own:\n" + failure.decode(errors="replace"))
    return os.WIFSIGNALED(status)


def integrity(db: Path) -> list[str]:
    """integrity_check on a read-write connection, as the next start would open it (WAL recovery)."""
    con = sqlite3.connect(db)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def audit_chain_problems(db: Path) -> list[str]:
    from mediation_desktop.storage.engine import Database
    from mediation_desktop.storage.outbox import verify_audit_chain

    database = Database(db)
    try:
        with database.read() as conn:
            return verify_audit_chain(conn)
    finally:
        database.dispose()

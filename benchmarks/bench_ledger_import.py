"""`ledger import` of an N-row ledger against the floor the issue sets, measured in the same run.

Usage: python benchmarks/bench_ledger_import.py [ROWS]   (default 100000, the issue's scale)

Ours = the whole import (reading with calamine, checking, numbering, deadlines, one transaction into
a fresh database with its FTS index). Floor = python-calamine reading the same file + raw sqlite3
`executemany` of the same cases, applicants and claims (the rows our import wrote, read back) into
a fresh copy of the same schema, in one transaction. Best of REPEAT, alternately. openpyxl's reading
time is printed for comparison. Peak memory of a whole import is measured in a child process (its
own VmHWM: ru_maxrss would include the parent's peak, which holds the floor's rows).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from common import fresh_backend, raw_connect, report, tmpdir
from make_ledger import write_ledger

from mediation_desktop.services.ledger_import import IMPORT_CACHE_KIB, import_ledger
from mediation_desktop.storage.engine import BULK_CACHE_KIB, CACHE_KIB

REPEAT = 2
TABLES = ("cases", "applicants", "claims")
MEMORY_LIMIT_MB = 300


def openpyxl_alone(path: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in wb.worksheets[0].iter_rows(values_only=True):
        pass
    wb.close()
    return time.perf_counter() - start


def calamine_alone(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds."""
    from python_calamine import CalamineWorkbook

    start, cpu = time.perf_counter(), time.process_time()
    wb = CalamineWorkbook.from_path(str(path))
    for _ in wb.get_sheet_by_index(0).iter_rows():
        pass
    wb.close()
    return time.perf_counter() - start, time.process_time() - cpu


# CPU seconds of the import's number lookups (core.number_lookup), which the floor does not write:
# the keyed hashes of every ID and phone number and their suffixes, and the rows' inserts.
LOOKUP_CPU: list[float] = []


def count_lookup_cpu() -> None:
    from mediation_desktop.storage import cases_repo, lookup_repo

    def timed(function, only=None):
        def wrapper(*args):
            if only is not None and args[1] is not only:
                return function(*args)
            start = time.process_time()
            try:
                return function(*args)
            finally:
                LOOKUP_CPU[-1] += time.process_time() - start
        return wrapper

    lookup_repo.rows_for = timed(lookup_repo.rows_for)
    cases_repo._sqlite_executemany = timed(cases_repo._sqlite_executemany, only=cases_repo.number_lookups)


def ours(path: Path, work: Path, i: int) -> tuple[tuple[float, float], dict, Path, Path]:
    backend = fresh_backend(work / f"db{i}")
    backend.db.dispose()
    empty = work / f"empty{i}.sqlite3"
    shutil.copyfile(backend.paths.database, empty)   # the same schema and set-up, before the import
    LOOKUP_CPU.append(0.0)
    start, cpu = time.perf_counter(), time.process_time()
    result = import_ledger(backend, path)
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    backend.close()
    return elapsed, result, backend.paths.database, empty


def written_rows(database: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    src = sqlite3.connect(database)
    rows = {}
    for table in TABLES:
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})") if r[1] != "num"]
        rows[table] = (cols, src.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall())
    src.close()
    return rows


def raw_insert(empty: Path, rows: dict) -> tuple[float, float]:
    con = raw_connect(empty)
    start, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN IMMEDIATE")
    for table in TABLES:
        cols, data = rows[table]
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", data)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    return elapsed


CHILD = """
import resource, sys, time
sys.path.insert(0, {bench!r})
from pathlib import Path
from common import fresh_backend
from mediation_desktop.services import ledger_import
from mediation_desktop.services.ledger_import import import_ledger
ledger_import.IMPORT_CACHE_KIB = {cache_kib}
backend = fresh_backend(Path({root!r}))
start = time.perf_counter()
import_ledger(backend, Path({path!r}))
elapsed = time.perf_counter() - start
backend.close()
# VmHWM is this process's own peak: ru_maxrss would carry the parent's peak over the fork and exec.
status = Path("/proc/self/status")
peak = [int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM:")] if status.exists() else []
print(elapsed, peak[0] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def import_in_child(path: Path, work: Path, cache_kib: int) -> tuple[float, float]:
    """(seconds, peak MB) of a whole import in a fresh process, with the import's page cache at
    ``cache_kib``."""
    root = work / f"memory-{cache_kib}"
    code = CHILD.format(bench=os.path.dirname(os.path.abspath(__file__)), root=str(root), path=str(path),
                        cache_kib=cache_kib)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    elapsed, rss = out.split()[-2:]
    shutil.rmtree(root, ignore_errors=True)
    return float(elapsed), int(rss) / 1024     # KiB on Linux


def main(rows: int) -> None:
    work = tmpdir("bench-ledger-")
    path = work / "ledger.xlsx"
    write_ledger(path, rows)
    count_lookup_cpu()
    floors, mine, readers, cpu = [], [], [], []
    for i in range(REPEAT):
        reading, reading_cpu = calamine_alone(path)
        (elapsed, elapsed_cpu), result, database, empty = ours(path, work, i)
        inserting, inserting_cpu = raw_insert(empty, written_rows(database))
        floors.append(reading + inserting)
        readers.append((reading, inserting))
        mine.append(elapsed)
        cpu.append((elapsed_cpu, reading_cpu + inserting_cpu))
    reading, inserting = readers[floors.index(min(floors))]
    print(f"ledger of {rows} rows: imported {result['imported']}, rejected {result['rejected']}, "
          f"warnings {len(result['warnings'])}")
    print(f"floor parts: calamine reading {reading:.2f} s + raw executemany {inserting:.2f} s; "
          f"openpyxl reading alone {openpyxl_alone(path):.2f} s")
    report(f"ledger import {rows} rows", min(mine), min(floors), 2.0)
    # On a shared machine the wall times carry other work's load; the CPU seconds of each side do not.
    print("CPU seconds, ours / floor: " + ", ".join(f"{a:.2f} / {b:.2f} ({a / b:.2f}x)" for a, b in cpu))
    print("of ours, the number lookups (hashes and rows the floor does not write): "
          + ", ".join(f"{extra:.2f} s; without them {(a - extra) / b:.2f}x" for extra, (a, b) in zip(LOOKUP_CPU, cpu, strict=True)))
    # The import's page cache against the connection's usual one and the generic bulk bound, each
    # once in a child (the peak barely varies; the times above are the ones that count).
    runs: dict[int, list[tuple[float, float]]] = {IMPORT_CACHE_KIB: [], CACHE_KIB: [], BULK_CACHE_KIB: []}
    for kib in runs:
        runs[kib].append(import_in_child(path, work, kib))
    labels = {IMPORT_CACHE_KIB: "the import's cache", CACHE_KIB: "the connection's usual cache",
              BULK_CACHE_KIB: "the generic bulk bound"}
    for kib, measured in runs.items():
        label = labels[kib]
        peak = max(m for _, m in measured)
        verdict = "OK" if peak <= MEMORY_LIMIT_MB else "OVER TARGET"
        print(f"whole import in a child, {label} {kib // 1024} MB: best {min(t for t, _ in measured):.2f} s, "
              f"peak memory {peak:.0f} MB (target <= {MEMORY_LIMIT_MB} MB) {verdict}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

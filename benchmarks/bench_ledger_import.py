"""`ledger import` of an N-row ledger against openpyxl alone reading the same file (read-only mode).

Usage: python benchmarks/bench_ledger_import.py [ROWS]   (default 100000, the issue's scale)
Both are timed in this run, alternately, best of REPEAT; our side is the whole import: reading,
checking, numbering, deadlines, one transaction into a fresh database with its FTS index.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import fresh_backend, report, tmpdir
from make_ledger import write_ledger

from mediation_desktop.services.ledger_import import import_ledger

REPEAT = 2


def openpyxl_alone(path: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in wb.worksheets[0].iter_rows(values_only=True):
        pass
    wb.close()
    return time.perf_counter() - start


def ours(path: Path, work: Path, i: int) -> tuple[float, dict]:
    backend = fresh_backend(work / f"db{i}")
    start = time.perf_counter()
    result = import_ledger(backend, path)
    elapsed = time.perf_counter() - start
    backend.close()
    return elapsed, result


def main(rows: int) -> None:
    work = tmpdir("bench-ledger-")
    path = work / "ledger.xlsx"
    write_ledger(path, rows)
    floors, mine = [], []
    for i in range(REPEAT):
        floors.append(openpyxl_alone(path))
        elapsed, result = ours(path, work, i)
        mine.append(elapsed)
    print(f"ledger of {rows} rows: imported {result['imported']}, rejected {result['rejected']}, "
          f"warnings {len(result['warnings'])}")
    report(f"ledger import {rows} rows", min(mine), min(floors), 2.0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

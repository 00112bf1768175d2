"""Time read_ledger against openpyxl alone on the same ledger.

Usage: python benchmarks/bench_ledger_read.py [ROWS] [--file LEDGER.xlsx] [--repeat N]

The budget: ``ledger import`` (this read plus the database insert) within 2x of openpyxl's read-only
``for row in ws.iter_rows(values_only=True)``, so the reader's own share must stay small.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import openpyxl

from mediation_desktop.services.ledger_reader import read_ledger


def openpyxl_alone(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for _ in book.worksheets[0].iter_rows(values_only=True):
        rows += 1
    book.close()
    return rows


def timed(work) -> tuple[float, float, object]:
    started, started_cpu = time.perf_counter(), time.process_time()
    value = work()
    return time.perf_counter() - started, time.process_time() - started_cpu, value


def interleaved(repeat: int, path: Path):
    """Best wall-clock and CPU seconds of each side, the two runs alternating so load hits both alike.

    CPU time is the steadier figure on a shared machine.
    """
    best = {"alone": [float("inf"), float("inf"), None], "ours": [float("inf"), float("inf"), None]}
    for _ in range(repeat):
        for name, work in (("alone", lambda: openpyxl_alone(path)), ("ours", lambda: read_ledger(path))):
            wall, cpu, value = timed(work)
            entry = best[name]
            entry[0], entry[1], entry[2] = min(entry[0], wall), min(entry[1], cpu), value
    return best["alone"], best["ours"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=100_000)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.file
        if path is None:
            from make_ledger import write_ledger

            path = Path(folder) / "ledger.xlsx"
            started = time.perf_counter()
            write_ledger(path, args.rows)
            print(f"wrote {args.rows} rows in {time.perf_counter() - started:.1f} s ({path.stat().st_size // 1024} KiB)")
        (alone, alone_cpu, sheet_rows), (ours, ours_cpu, result) = interleaved(args.repeat, path)
    rows = max(result.rows, 1)
    print(f"openpyxl alone : wall {alone:6.2f} s   cpu {alone_cpu:6.2f} s  ({sheet_rows} sheet rows)")
    print(f"read_ledger    : wall {ours:6.2f} s   cpu {ours_cpu:6.2f} s  ({result.rows} rows, "
          f"{len(result.records)} records, {len(result.errors)} errors, {len(result.warnings)} warnings)")
    print(f"ratio          : wall {ours / alone:6.2f}x   cpu {ours_cpu / alone_cpu:6.2f}x  "
          f"(our share {(ours_cpu - alone_cpu) / rows * 1e6:.1f} µs/row of cpu)")


if __name__ == "__main__":
    main()

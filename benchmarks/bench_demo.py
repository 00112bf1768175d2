"""`demo --cases N` against raw sqlite3.executemany of the same rows into the same schema.

Usage: python benchmarks/bench_demo.py [N]   (default 100000; the issue's target is at 1,000,000)
The floor: the rows our run wrote are read back, then inserted by raw sqlite3.executemany (tuples,
one transaction, same pragmas, same tables, indexes and FTS triggers) into a freshly migrated copy.
"""

from __future__ import annotations

import sqlite3
import sys

from common import fresh_backend, raw_connect, report, timer, tmpdir

from mediation_desktop.services.demo import fill_demo

TABLES = ("cases", "applicants", "claims", "sessions", "agreements", "agreement_items", "changes", "audit_log")


def main(n: int) -> None:
    work = tmpdir("bench-demo-")
    ours_backend = fresh_backend(work / "ours")
    with timer() as t_ours:
        fill_demo(ours_backend, n)
    ours_backend.close()

    floor_backend = fresh_backend(work / "floor")
    floor_path = floor_backend.db.path
    floor_backend.close()
    src = sqlite3.connect(work / "ours" / "mediation.sqlite3")
    dst = raw_connect(floor_path)
    # Same node identity so that the outbox rows fit.
    dst.execute("DELETE FROM node_state")
    dst.execute("DELETE FROM organisations")
    dst.execute("DELETE FROM audit_log")
    for table in ("organisations", "node_state"):
        rows = src.execute(f"SELECT * FROM {table}").fetchall()
        cols = len(rows[0])
        dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * cols)})", rows)
    data = {}
    for table in TABLES:
        data[table] = src.execute(f"SELECT * FROM {table}").fetchall()
    src.close()
    with timer() as t_floor:
        dst.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            rows = data[table]
            if rows:
                dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
        dst.execute("COMMIT")
    dst.close()
    print(f"demo --cases {n}: {sum(len(v) for v in data.values())} rows in {len(TABLES)} tables")
    report(f"demo {n} cases", t_ours["s"], t_floor["s"], 3.0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

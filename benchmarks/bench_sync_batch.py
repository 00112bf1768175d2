"""A pile of packages: 40 rooms' packages, N cases in all, imported in one batch into a supervisor
database that already holds M cases, against a raw sqlite3 upsert of the same rows in the same run
(issue 14: N=100,000, M=1,000,000, the batch at most 2x the raw upsert).

Usage: python benchmarks/bench_sync_batch.py [--cases N] [--existing M] [--rooms 40] [--profile FILE]

Ours = one `import_packages` call for the 40 files (signatures, decryption, strict ZIP and JSON,
validation of every record, deadlines, one transaction per package), including the one backup it
takes before the batch, which is also printed on its own; the floor takes none. Floor = the rows our
import wrote (cases and their children, the rooms' organisations, the applicants' number-lookup
hashes), read back and written by raw sqlite3 `INSERT ... ON CONFLICT DO UPDATE` executemany (plain
INSERT for the lookup rows, which have no key) in one transaction into a copy of the supervisor
database taken just before the import. A second batch within the hour with nothing
written since shows the backup being skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time

from common import raw_connect, report, timer, tmpdir

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "unit"))
os.environ.pop("MEDIATION_DESKTOP_PASSPHRASE", None)

from sync_helpers import enrol, make_node

from mediation_desktop.services import backups
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.importer import import_packages

TABLES = ("organisations", "cases", "applicants", "claims", "sessions", "agreements", "agreement_items",
          "number_lookups")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000, help="cases in all the packages together")
    ap.add_argument("--existing", type=int, default=1_000_000, help="cases the supervisor holds already")
    ap.add_argument("--rooms", type=int, default=40)
    ap.add_argument("--profile", help="write a cProfile of the batch import alone to this file")
    args = ap.parse_args()
    late_share = 50   # one more room's small package, for the second batch
    work = tmpdir("bench-sync-batch-")
    sup = make_node(work / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    packages, origins = [], []
    with timer() as t_setup:
        if args.existing:
            fill_demo(sup, args.existing, seed=1)   # stands in for the cases already held
        for i in range(args.rooms):
            room = make_node(work / f"room{i}", "room", f"第{i + 1}调解委员会", f"R{i:02d}")
            enrol(room, sup)
            share = args.cases // args.rooms + (1 if i < args.cases % args.rooms else 0)
            fill_demo(room, share, seed=100 + i)
            (result,) = export_packages(room, work / "stick")
            packages.append(result.path)
            origins.append(room.node.node_id)
            room.close()
        late = make_node(work / "late", "room", "迟到调解委员会", "RLT")
        enrol(late, sup)
        fill_demo(late, late_share, seed=99)
        (late_package,) = export_packages(late, work / "late-stick")
        late.close()
    print(f"set-up: {args.existing} existing cases, {args.rooms} packages of {args.cases} cases in all, "
          f"{t_setup['s']:.0f} s")

    sup.db.dispose()
    floor_db = work / "floor.sqlite3"
    shutil.copyfile(sup.paths.database, floor_db)
    taken: list[float] = []
    real_backup = sup.backup_before

    def timed_backup(reason: str):
        start = time.perf_counter()
        try:
            return real_backup(reason)
        finally:
            taken.append(time.perf_counter() - start)

    sup.backup_before = timed_backup
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu = time.process_time()
    with timer() as t_import:
        reports = import_packages(sup, packages)
    cpu_import = time.process_time() - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    assert all(r.status == "imported" for r in reports), [r.as_json() for r in reports if r.status != "imported"]
    assert sum(r.created for r in reports) == args.cases
    print(f"backups taken by the batch: {len(taken)}, {sum(taken):.2f} s (inside the import time below)")

    sup.db.dispose()
    src = sqlite3.connect(sup.paths.database)
    marks = ", ".join("?" * len(origins))
    rows = {}
    for table in TABLES:
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})") if r[1] != "num"]
        if table in ("cases", "organisations"):
            where = f"WHERE origin_node IN ({marks})"
        elif table == "agreement_items":
            where = ("WHERE agreement_id IN (SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id "
                     f"WHERE c.origin_node IN ({marks}))")
        else:
            where = f"WHERE case_id IN (SELECT id FROM cases WHERE origin_node IN ({marks}))"
        rows[table] = (cols, src.execute(f"SELECT {', '.join(cols)} FROM {table} {where}", origins).fetchall())
    src.close()
    con = raw_connect(floor_db)
    cpu = time.process_time()
    with timer() as t_floor:
        con.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            cols, data = rows[table]
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            upsert = f" ON CONFLICT(id) DO UPDATE SET {updates}" if "id" in cols else ""
            con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                            + upsert, data)
        con.execute("COMMIT")
    cpu_floor = time.process_time() - cpu
    con.close()
    print("rows: " + ", ".join(f"{t} {len(rows[t][1])}" for t in TABLES))
    report(f"batch of {args.rooms} packages ({args.cases} cases) into {args.existing}, backup included",
           t_import["s"], t_floor["s"], 2.0)
    report("the same without its backup", t_import["s"] - sum(taken), t_floor["s"], 2.0)
    # On a shared machine the wall clock waits for the processor too; the processor time of each
    # side (this process only) shows what each did.
    print(f"processor time: ours {cpu_import:.2f} s (the backup's included), floor {cpu_floor:.2f} s")

    # A backup taken just now, nothing written since: the next batch takes none.
    backups.take_backup(sup, "manual")
    taken.clear()
    with timer() as t_again:
        (late_report,) = import_packages(sup, [late_package.path])
    assert late_report.status == "imported"
    print(f"one more room's package right after a backup: {len(taken)} backups taken, {t_again['s']:.2f} s")
    sup.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

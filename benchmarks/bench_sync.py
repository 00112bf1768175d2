"""Sync export and import of N cases into a supervisor database that already holds M cases, against
a raw sqlite3 upsert of the same rows measured in the same run (issue 5: N=100,000, M=1,000,000,
import at most 3x the raw upsert).

Usage: python benchmarks/bench_sync.py [N] [M]     (defaults 100000 1000000)

Ours = `import_packages` for the package file (signature, decryption, strict ZIP and JSON, validation
of every record, deadlines, one transaction); the pre-import backup is timed separately since the
floor has none. Floor = the rows our import wrote (cases and their children), read back and written
by raw sqlite3 `INSERT ... ON CONFLICT DO UPDATE` executemany in one transaction into a copy of the
supervisor database taken just before the import.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys

from common import raw_connect, report, timer, tmpdir

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "unit"))
os.environ.pop("MEDIATION_DESKTOP_PASSPHRASE", None)

from sync_helpers import enrol, make_node

from mediation_desktop.services.demo import fill_demo
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.importer import import_packages

TABLES = ("organisations", "cases", "applicants", "claims", "sessions", "agreements", "agreement_items")


def main(n: int, existing: int) -> None:
    work = tmpdir("bench-sync-")
    room = make_node(work / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(work / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    with timer() as t_fill:
        if existing:
            fill_demo(sup, existing, seed=1)  # stands in for the other rooms' cases already held
        fill_demo(room, n, seed=2)
    print(f"set-up: {existing} existing + {n} room cases in {t_fill['s']:.1f} s")

    with timer() as t_export:
        (result,) = export_packages(room, work / "stick")
    print(f"export of {n} cases: {t_export['s']:.2f} s, package {result.size / 2**20:.1f} MiB")

    sup.db.dispose()
    floor_db = work / "floor.sqlite3"
    shutil.copyfile(sup.paths.database, floor_db)
    with timer() as t_backup:
        sup.backup_before("bench")
    sup.backup_before = lambda reason: None  # timed above; the floor takes none
    with timer() as t_import:
        (rep,) = import_packages(sup, [result.path])
    assert rep.status == "imported" and rep.created == n, rep.as_json()
    print(f"pre-import backup of the supervisor database: {t_backup['s']:.2f} s")

    sup.db.dispose()
    src = sqlite3.connect(sup.paths.database)
    rows = {}
    origin = room.node.node_id
    for table in TABLES:
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        if table in ("cases", "organisations"):
            where = "WHERE origin_node = ?"
        elif table == "agreement_items":
            where = ("WHERE agreement_id IN (SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id "
                     "WHERE c.origin_node = ?)")
        else:
            where = "WHERE case_id IN (SELECT id FROM cases WHERE origin_node = ?)"
        rows[table] = (cols, src.execute(f"SELECT {', '.join(cols)} FROM {table} {where}", (origin,)).fetchall())
    src.close()
    con = raw_connect(floor_db)
    with timer() as t_floor:
        con.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            cols, data = rows[table]
            cols = [c for c in cols if c != "num"]
            key = "id"
            idx = [i for i, c in enumerate(rows[table][0]) if c != "num"]
            data = [tuple(r[i] for i in idx) for r in data]
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
            con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                            f"ON CONFLICT({key}) DO UPDATE SET {updates}", data)
        con.execute("COMMIT")
    con.close()
    print("rows: " + ", ".join(f"{t} {len(rows[t][1])}" for t in TABLES))
    report(f"sync import of {n} cases into {existing} existing", t_import["s"], t_floor["s"], 3.0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)

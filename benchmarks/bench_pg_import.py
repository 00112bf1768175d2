"""The consolidated database on PostgreSQL (issue 14 §1): a room's sync package of N cases imported
into a supervisor database already holding M cases, and search at that size, each against a floor
measured in the same run on the same server.

At the issue's scale (N = 100,000 into M = 1,000,000):

    export MEDIATION_DESKTOP_BENCH_PG_URL=postgresql+psycopg://postgres@127.0.0.1:55433/postgres
    python benchmarks/bench_pg_import.py --base bench_pg_1m --existing 1000000 --cases 100000

The first run builds the kept database ``bench_pg_1m`` with M cases (``pg_fill.py``: the app's own
bulk insert, 50,000 cases per transaction: 22 minutes for a million on 2 busy cores) and a room's
package of N cases beside it (state in ``$TMPDIR/md-bench_pg_1m``); later runs reuse both. Each run
imports into a fresh copy of it (``CREATE DATABASE … TEMPLATE``) and drops the copy afterwards.
Without ``--base`` the set-up is built for this run only and dropped (the defaults are small).
Drop a kept one with ``DROP DATABASE bench_pg_1m`` and ``rm -r $TMPDIR/md-bench_pg_1m``.

Import, ours = ``import_packages`` of the package (signature, decryption, strict ZIP and JSON,
validation of every record, one transaction on the server under the writers' lock). Floor = the rows
our import wrote (cases, their children and their number lookups), read back and written in one
transaction into another copy of the database as it was before the import, the faster of two ways
(both printed): psycopg ``executemany`` of ``INSERT … ON CONFLICT (id) DO UPDATE``, or COPY into a
temporary table merged with ``INSERT … SELECT … ON CONFLICT``. Target: ≤ 2×. The ratio without the
number lookups in the floor is printed too.

Search, ours = ``list_keys`` (what the case list asks) for a 3+ character term; floor = the raw SQL
over the pg_trgm-indexed columns in the same order. Target: ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
import uuid

import psycopg
from common import best_of, report, timer
from pg_fill import admin_url, create_db, drop_db, ensure_base, libpq, state_dir

from mediation_desktop.core.model import CaseFilter
from mediation_desktop.storage.queries import list_keys
from mediation_desktop.sync.importer import import_packages

TABLES = ("organisations", "cases", "applicants", "claims", "sessions", "agreements", "agreement_items",
          "agreement_workers")
LOOKUPS = "number_lookups"   # what finds a case by ID or phone number, written by the import beside the applicants
SEARCH = ("天津市和平区", "建筑工程", "经济补偿")   # an address, an employer's trade, words of the facts


def rows_of(conn: psycopg.Connection, origin: str) -> dict[str, tuple[list[str], list[tuple]]]:
    rows = {}
    for table in (*TABLES, LOOKUPS):
        cols = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name <> 'num' "
            "ORDER BY ordinal_position", (table,))]
        if table in ("cases", "organisations"):
            where = "WHERE origin_node = %s"
        elif table in ("agreement_items", "agreement_workers"):
            where = ("WHERE agreement_id IN (SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id "
                     "WHERE c.origin_node = %s)")
        else:
            where = "WHERE case_id IN (SELECT id FROM cases WHERE origin_node = %s)"
        quoted = ", ".join(f'"{c}"' for c in cols)
        rows[table] = (cols, conn.execute(f"SELECT {quoted} FROM {table} {where}", (origin,)).fetchall())
    return rows


def upsert_columns(cols: list[str]) -> tuple[str, str]:
    """The quoted column list and the ``SET`` list of an ``INSERT … ON CONFLICT (id) DO UPDATE``."""
    return (", ".join(f'"{c}"' for c in cols),
            ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id"))


def floor_upsert(url: str, rows: dict) -> tuple[float, float]:
    """Seconds for the upsert of the cases and their children, and for the plain INSERT of their
    number lookups (keyed hashes, no key of their own) after it in the same transaction."""
    with psycopg.connect(libpq(url)) as conn:   # one transaction, committed on leaving
        start = time.perf_counter()
        with conn.cursor() as cur:
            for table in TABLES:
                cols, data = rows[table]
                quoted, updates = upsert_columns(cols)
                cur.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(cols))}) "
                                f"ON CONFLICT (id) DO UPDATE SET {updates}", data)
            upserted = time.perf_counter()
            cols, data = rows[LOOKUPS]
            cur.executemany(f"INSERT INTO {LOOKUPS} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})",
                            data)
        conn.commit()
        lookups = time.perf_counter() - upserted
    return time.perf_counter() - start - lookups, lookups


def floor_copy_merge(url: str, rows: dict) -> tuple[float, float]:
    """The other floor the issue allows: each table's rows COPYed into a temporary table and merged
    with ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE``; the number lookups COPYed straight in."""
    with psycopg.connect(libpq(url)) as conn:   # one transaction, committed on leaving
        start = time.perf_counter()
        with conn.cursor() as cur:
            for table in TABLES:
                cols, data = rows[table]
                quoted, updates = upsert_columns(cols)
                cur.execute(f"CREATE TEMP TABLE incoming_{table} ON COMMIT DROP AS "
                            f"SELECT {quoted} FROM {table} WITH NO DATA")
                with cur.copy(f"COPY incoming_{table} ({quoted}) FROM STDIN") as copy:
                    for row in data:
                        copy.write_row(row)
                cur.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM incoming_{table} "
                            f"ON CONFLICT (id) DO UPDATE SET {updates}")
            merged = time.perf_counter()
            cols, data = rows[LOOKUPS]
            with cur.copy(f"COPY {LOOKUPS} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)
        conn.commit()
        lookups = time.perf_counter() - merged
    return time.perf_counter() - start - lookups, lookups


def settle(admin: str) -> None:
    """Start each timed write from a quiet server: what the one before it (or the copies) left
    dirty is written out first, so that its writeback is not charged to the next one."""
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        conn.execute("CHECKPOINT")
    os.sync()


def raw_search(conn: psycopg.Connection, term: str) -> list:
    like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return conn.execute(
        "SELECT num FROM cases WHERE case_no LIKE %(p)s OR applicant_names LIKE %(p)s OR respondent_name LIKE %(p)s "
        "OR facts LIKE %(p)s ORDER BY received_on DESC, num DESC", {"p": like}).fetchall()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10_000, help="cases in the room's package (the issue's scale: 100000)")
    ap.add_argument("--existing", type=int, default=50_000, help="cases already on the server (the issue's: 1000000)")
    ap.add_argument("--base", help="keep the set-up as this database and reuse it on later runs (e.g. bench_pg_1m)")
    ap.add_argument("--keep", action="store_true", help="also keep this run's imported copy and the floors' copies")
    args = ap.parse_args()
    admin = admin_url()
    n, existing = args.cases, args.existing
    kept = args.base is not None
    base_name = args.base or f"md_bench_{uuid.uuid4().hex[:8]}"
    run = f"{base_name}_run_{uuid.uuid4().hex[:6]}"
    floor_name = run + "_floor"
    try:
        with timer() as t_fill:
            base = ensure_base(admin, base_name, existing, n, log=lambda s: print(s, flush=True))
        print(f"set-up: {existing:,} cases on the server, a room's package of {n:,} ({t_fill['s']:.1f} s)")
        start = time.perf_counter()
        url = create_db(admin, run, template=base_name)
        floor_urls = [create_db(admin, f"{floor_name}{i}", template=base_name) for i in (1, 2)]  # before the import
        print(f"three copies of the server's database in {time.perf_counter() - start:.1f} s")

        sup = base.supervisor(url)
        settle(admin)
        with timer() as t_import:
            (rep,) = import_packages(sup, [base.package])
        assert rep.status == "imported" and rep.created == n, rep.as_json()
        with psycopg.connect(libpq(url)) as conn:
            rows = rows_of(conn, base.room_node)
        print("rows: " + ", ".join(f"{t} {len(rows[t][1])}" for t in (*TABLES, LOOKUPS)))
        settle(admin)
        floors = {"psycopg executemany of INSERT … ON CONFLICT": floor_upsert(floor_urls[0], rows)}
        settle(admin)
        floors["COPY into a temporary table and INSERT … SELECT … ON CONFLICT"] = floor_copy_merge(floor_urls[1], rows)
        for how, (upsert, lookups) in floors.items():
            print(f"floor, {how}: {upsert:.1f} s, and the {len(rows[LOOKUPS][1])} number lookups {lookups:.1f} s")
        best = min(floors, key=lambda how: sum(floors[how]))
        upsert, lookups = floors[best]
        report(f"PostgreSQL sync import of {n} cases into {existing} (floor: {best}, number lookups included)",
               t_import["s"], upsert + lookups, 2.0)
        report("  the same, the floor without the number lookups", t_import["s"], upsert, 2.0)

        total = existing + n
        with psycopg.connect(libpq(url), autocommit=True) as raw:
            raw.execute("ANALYZE cases")
            for term in SEARCH:
                def ours(term: str = term):  # bound now: each is timed in this iteration only
                    with sup.db.read() as conn:
                        return list_keys(conn, CaseFilter(search=term))

                def floor(term: str = term):  # bound now: each is timed in this iteration only
                    return raw_search(raw, term)

                hits = len(floor())
                assert len(ours()) == hits, (term, len(ours()), hits)
                report(f"PostgreSQL search {term!r} at {total} cases ({hits} hits)", best_of(ours, 3),
                       best_of(floor, 3), 1.5)
        sup.db.dispose()
    finally:
        copies = [run, f"{floor_name}1", f"{floor_name}2"]
        if args.keep:
            print("kept databases " + ", ".join(copies))
        else:
            for copy in copies:
                drop_db(admin, copy)
        if kept:
            print(f"kept database {base_name} for later runs (state in {state_dir(base_name)})")
        else:
            drop_db(admin, base_name)
            shutil.rmtree(state_dir(base_name), ignore_errors=True)


if __name__ == "__main__":
    main()

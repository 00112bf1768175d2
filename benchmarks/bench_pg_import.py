"""The consolidated database on PostgreSQL (issue 14 §1): a room's sync package of N cases imported
into a supervisor database already holding M cases, and search at that size, each against a floor
measured in the same run on the same server.

Usage: MEDIATION_DESKTOP_BENCH_PG_URL=postgresql+psycopg://postgres@127.0.0.1:55433/postgres \\
       python benchmarks/bench_pg_import.py [--cases N] [--existing M] [--keep]
       (targets at N=100,000 and M=1,000,000; the defaults are small because building M cases
       through the app takes long on a small machine; the scale is printed with every figure)

Import, ours = ``import_packages`` of the package (signature, decryption, strict ZIP and JSON,
validation of every record, one transaction on the server under the writers' lock). Floor = the rows
our import wrote (cases and their children), read back and written with psycopg ``executemany`` of
``INSERT … ON CONFLICT (id) DO UPDATE`` in one transaction into a copy of the supervisor database
taken just before the import (``CREATE DATABASE … TEMPLATE``). Target: ≤ 2×.

Search, ours = ``list_keys`` (what the case list asks) for a 3+ character term; floor = the raw SQL
over the pg_trgm-indexed columns in the same order. Target: ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid

from common import best_of, report, timer, tmpdir

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "unit"))
os.environ.pop("MEDIATION_DESKTOP_PASSPHRASE", None)
os.environ.pop("MEDIATION_DESKTOP_DATABASE_URL", None)

import psycopg
from sync_helpers import enrol, make_node

from mediation_desktop.core.model import CaseFilter
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage.queries import list_keys
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.importer import import_packages
from mediation_desktop.sync.trust import create_keys

TABLES = ("organisations", "cases", "applicants", "claims", "sessions", "agreements", "agreement_items")
SEARCH = ("天津市和平区", "建筑工程", "劳动报酬")


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def create_db(admin: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        extra = f' TEMPLATE "{template}"' if template else " TEMPLATE template0"
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'{extra}")
    return f"{admin.rsplit('/', 1)[0]}/{name}"


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows_of(conn: psycopg.Connection, origin: str) -> dict[str, tuple[list[str], list[tuple]]]:
    rows = {}
    for table in TABLES:
        cols = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name <> 'num' "
            "ORDER BY ordinal_position", (table,))]
        if table in ("cases", "organisations"):
            where = "WHERE origin_node = %s"
        elif table == "agreement_items":
            where = ("WHERE agreement_id IN (SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id "
                     "WHERE c.origin_node = %s)")
        else:
            where = "WHERE case_id IN (SELECT id FROM cases WHERE origin_node = %s)"
        quoted = ", ".join(f'"{c}"' for c in cols)
        rows[table] = (cols, conn.execute(f"SELECT {quoted} FROM {table} {where}", (origin,)).fetchall())
    return rows


def floor_upsert(url: str, rows: dict) -> None:
    with psycopg.connect(libpq(url)) as conn:   # one transaction, committed on leaving
        with conn.cursor() as cur:
            for table in TABLES:
                cols, data = rows[table]
                quoted = ", ".join(f'"{c}"' for c in cols)
                updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
                cur.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(cols))}) "
                                f"ON CONFLICT (id) DO UPDATE SET {updates}", data)


def raw_search(conn: psycopg.Connection, term: str) -> list:
    like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return conn.execute(
        "SELECT num FROM cases WHERE case_no LIKE %(p)s OR applicant_names LIKE %(p)s OR respondent_name LIKE %(p)s "
        "OR facts LIKE %(p)s ORDER BY received_on DESC, num DESC", {"p": like}).fetchall()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=10_000, help="cases in the room's package (target scale 100000)")
    ap.add_argument("--existing", type=int, default=50_000, help="cases already on the server (target 1000000)")
    ap.add_argument("--keep", action="store_true", help="keep the databases (names printed)")
    args = ap.parse_args()
    admin = os.environ.get("MEDIATION_DESKTOP_BENCH_PG_URL") or os.environ.get("MEDIATION_DESKTOP_TEST_PG_URL")
    if not admin:
        sys.exit("set MEDIATION_DESKTOP_BENCH_PG_URL to a PostgreSQL server's postgres database")
    n, existing = args.cases, args.existing
    name = f"md_bench_{uuid.uuid4().hex[:8]}"
    url = create_db(admin, name)
    floor_name = name + "_floor"
    try:
        work = tmpdir("bench-pg-")
        room = make_node(work / "room", "room", "和平区劳动人事争议调解中心", "HP")
        sup = Backend(DataPaths.resolve(work / "sup"), "基准测试", db_url=url)
        sup.migrate()
        sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
        create_keys(sup)
        enrol(room, sup)
        with timer() as t_fill:
            if existing:
                fill_demo(sup, existing, seed=1)   # stands in for the other rooms' cases already held
            fill_demo(room, n, seed=2)
        print(f"set-up: {existing} cases on the server + {n} room cases in {t_fill['s']:.1f} s")
        with timer() as t_export:
            (result,) = export_packages(room, work / "stick")
        print(f"export of {n} cases: {t_export['s']:.2f} s, package {result.size / 2**20:.1f} MiB")

        sup.db.dispose()
        with psycopg.connect(libpq(url), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        floor_url = create_db(admin, floor_name, template=name)   # the server before the import
        with timer() as t_import:
            (rep,) = import_packages(sup, [result.path])
        assert rep.status == "imported" and rep.created == n, rep.as_json()
        with psycopg.connect(libpq(url)) as conn:
            rows = rows_of(conn, room.node.node_id)
        with timer() as t_floor:
            floor_upsert(floor_url, rows)
        print("rows: " + ", ".join(f"{t} {len(rows[t][1])}" for t in TABLES))
        report(f"PostgreSQL sync import of {n} cases into {existing}", t_import["s"], t_floor["s"], 2.0)

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
        if args.keep:
            print(f"kept databases {name} and {floor_name}")
        else:
            drop_db(admin, floor_name)
            drop_db(admin, name)


if __name__ == "__main__":
    main()

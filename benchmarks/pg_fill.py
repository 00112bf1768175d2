"""A supervisor's consolidated database on PostgreSQL with M cases already in it, built once and kept
under a name, so that a benchmark at 1,000,000 cases does not spend an hour building its set-up on
every run. Each run copies the kept database (``CREATE DATABASE … TEMPLATE``) and works on the copy.

The cases are made by the app's own bulk path (``insert_new_cases``, as ``demo`` does): real rows in
every table the app uses (cases, applicants, claims, sessions, agreements, the outbox, the lookup
index), with the migrations' indexes and pg_trgm in place, as a district would have them. The only
difference from ``demo`` is that the rows go in chunks of ``--chunk`` cases per transaction, so that
a long fill shows its progress, can be watched, and does not hold one transaction for an hour.

Beside the database a state folder holds what is not in it: the supervisor's keys, and per package
size a room (SQLite) enrolled both ways with its exported package.

Usage: MEDIATION_DESKTOP_BENCH_PG_URL=postgresql+psycopg://postgres@127.0.0.1:55433/postgres \\
       python benchmarks/pg_fill.py --base bench_pg_1m --existing 1000000 [--cases 100000] [--chunk 50000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "unit"))
os.environ.pop("MEDIATION_DESKTOP_PASSPHRASE", None)
os.environ.pop("MEDIATION_DESKTOP_DATABASE_URL", None)

import psycopg
from sync_helpers import enrol, make_node

from mediation_desktop.core.clock import today
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.services.demo_data import DemoGenerator
from mediation_desktop.storage.outbox import audit
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.trust import create_keys

SUPERVISOR = ("和平区人力资源和社会保障局", "D01")
ROOM = ("和平区劳动人事争议调解中心", "HP")


def admin_url() -> str:
    url = os.environ.get("MEDIATION_DESKTOP_BENCH_PG_URL") or os.environ.get("MEDIATION_DESKTOP_TEST_PG_URL")
    if not url:
        sys.exit("set MEDIATION_DESKTOP_BENCH_PG_URL to a PostgreSQL server's postgres database")
    return url


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def db_url(admin: str, name: str) -> str:
    return f"{admin.rsplit('/', 1)[0]}/{name}"


def db_exists(admin: str, name: str) -> bool:
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def create_db(admin: str, name: str, template: str | None = None) -> str:
    """A new database; a copy of ``template`` by file copy (PostgreSQL 15's default WAL_LOG strategy
    writes a multi-gigabyte template through the WAL, several times slower)."""
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        extra = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else " TEMPLATE template0"
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'{extra}")
    return db_url(admin, name)


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(libpq(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def state_dir(base: str) -> Path:
    return Path(tempfile.gettempdir()) / f"md-{base}"


@dataclass
class Base:
    """A kept supervisor database with ``existing`` cases, and a room's package of ``cases`` for it."""
    name: str
    url: str
    state: Path
    existing: int
    cases: int
    package: Path
    room_node: str

    def supervisor(self, url: str) -> Backend:
        """The supervisor working on ``url`` (the kept database or a copy of it) with its own keys."""
        return Backend(DataPaths.resolve(self.state / "sup"), "基准测试", db_url=url)


def fill_existing(sup: Backend, existing: int, chunk: int, log) -> None:
    gen = DemoGenerator(seed=1, today=today()).cases(existing)
    done, start = 0, time.perf_counter()
    while done < existing:
        with sup.db.write() as conn:
            made = insert_new_cases(sup, conn, itertools.islice(gen, chunk), user=sup.user)
            audit(conn, sup.user, "demo", None, None, {"cases": made, "seed": 1})
        done += made
        elapsed = time.perf_counter() - start
        log(f"  {done:,} of {existing:,} cases on the server, {elapsed:.0f} s ({done / elapsed:.0f} cases/s)")


def ensure_base(admin: str, name: str, existing: int, cases: int, chunk: int = 50_000, log=print) -> Base:
    """The kept database ``name`` with ``existing`` cases and a room's package of ``cases``; built
    where missing. A database whose state says another size is refused rather than reused."""
    state = state_dir(name)
    meta_file = state / "base.json"
    url = db_url(admin, name)
    meta = json.loads(meta_file.read_text()) if meta_file.exists() and db_exists(admin, name) else None
    if meta is None:
        drop_db(admin, name)
        if state.exists():
            shutil.rmtree(state)
        state.mkdir(parents=True)
        create_db(admin, name)
        sup = Backend(DataPaths.resolve(state / "sup"), "基准测试", db_url=url)
        sup.migrate()
        sup.initialise(*SUPERVISOR, "supervisor")
        create_keys(sup)
        start = time.perf_counter()
        fill_existing(sup, existing, chunk, log)
        log(f"filled {existing:,} cases in {time.perf_counter() - start:.0f} s")
        sup.db.dispose()
        with psycopg.connect(libpq(url), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        meta = {"existing": existing, "packages": {}}
        meta_file.write_text(json.dumps(meta))
    if meta["existing"] != existing:
        sys.exit(f"database {name} holds {meta['existing']} cases, not {existing}: use another --base, "
                 f"or drop it (DROP DATABASE \"{name}\") and remove {state}")
    key = str(cases)
    if key not in meta["packages"]:
        sup = Backend(DataPaths.resolve(state / "sup"), "基准测试", db_url=url)
        room = make_node(state / f"room-{cases}", "room", *ROOM)
        enrol(room, sup)
        start = time.perf_counter()
        fill_demo(room, cases, seed=2)
        (result,) = export_packages(room, state / f"stick-{cases}")
        log(f"room of {cases:,} cases and its package ({result.size / 2**20:.1f} MiB) "
            f"in {time.perf_counter() - start:.0f} s")
        sup.db.dispose()
        meta["packages"][key] = {"path": str(result.path), "room_node": room.node.node_id}
        meta_file.write_text(json.dumps(meta))
    pkg = meta["packages"][key]
    return Base(name, url, state, existing, cases, Path(pkg["path"]), pkg["room_node"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="name of the kept database (e.g. bench_pg_1m)")
    ap.add_argument("--existing", type=int, required=True, help="cases on the server (the issue's scale: 1000000)")
    ap.add_argument("--cases", type=int, default=100_000, help="cases in the room's package (default 100000)")
    ap.add_argument("--chunk", type=int, default=50_000, help="cases per transaction while filling")
    args = ap.parse_args()
    base = ensure_base(admin_url(), args.base, args.existing, args.cases, args.chunk,
                       log=lambda s: print(s, flush=True))
    print(f"kept database {base.name} ({base.existing:,} cases), state {base.state}, package {base.package}")


if __name__ == "__main__":
    main()

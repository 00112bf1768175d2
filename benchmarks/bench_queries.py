"""Search, deadlines and case show on a large database.

Usage: python benchmarks/bench_queries.py [N] [--db DIR] [--ids-only]   (default N=1000000; reuses DIR
if it already holds a database, so the slow fill happens once)

Floors: a raw sqlite3 FTS5 query returning the same ids and rows, newest first; for ids also the
bare FTS5 query (its rowids, unsorted). A broad term (storage.queries.BROAD_HITS or more hits) lists
its newest TOP_BY_DATE hits by date and the rest in registration order, without sorting every hit.
Ids and their floors are timed in turns (median of 15 each), so a burst of load slows both alike.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from datetime import timedelta
from pathlib import Path

from common import best_of, fresh_backend, report, timer

from mediation_desktop.core.clock import today
from mediation_desktop.core.deadlines import compute_deadlines, open_deadline_items
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.case_json import summary_json
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage.queries import due_cases, list_keys, list_summaries

QUERIES = ["恒通物流", "拖欠工资三个月", "天津市和平区", "建筑工程"]
SHORT = ["杜娟", "伟"]


def ensure_db(root: Path, n: int) -> Backend:
    if (root / "mediation.sqlite3").exists():
        return Backend.open(root, "基准测试")
    backend = fresh_backend(root)
    with timer() as t:
        fill_demo(backend, n)
    print(f"filled {n} cases in {t['s']:.1f} s")
    return backend


def interleaved(ours, floor, repeat: int = 15) -> tuple[float, float]:
    """Median times of ``ours`` and ``floor`` run in turns: on a shared machine a burst of load then
    slows both alike, where timing one after the other can catch only one of them in it."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, into in ((ours, times[0]), (floor, times[1])):
            start = time.perf_counter()
            fn()
            into.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/md-bench-1m"))
    ap.add_argument("--ids-only", action="store_true", help="time only the searches' ids against their floors")
    args = ap.parse_args()
    backend = ensure_db(args.db, args.n)
    raw = sqlite3.connect(backend.db.path)
    total = raw.execute("select count(*) from cases").fetchone()[0]
    print(f"database: {total} cases, {backend.db.path.stat().st_size / 1e6:.0f} MB")

    for q in QUERIES:
        def ours_ids(q: str = q):  # bound now: each is timed in this iteration only
            with backend.db.read() as conn:
                return list_keys(conn, CaseFilter(search=q))

        def floor_ids(q: str = q):  # bound now: each is timed in this iteration only
            return raw.execute(
                "SELECT c.num FROM cases c WHERE c.num IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) "
                "ORDER BY c.received_on DESC, c.num DESC", ('"' + q + '"',)).fetchall()

        def ours_json(q: str = q):  # bound now: each is timed in this iteration only
            with backend.db.read() as conn:
                return [summary_json(r) for r in list_summaries(conn, CaseFilter(search=q))]

        def floor_rows(q: str = q):  # bound now: each is timed in this iteration only
            return raw.execute(
                "SELECT c.* FROM cases c WHERE c.num IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) "
                "ORDER BY c.received_on DESC, c.num DESC", ('"' + q + '"',)).fetchall()

        def fts_alone(q: str = q):  # bound now: each is timed in this iteration only
            return raw.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?", ('"' + q + '"',)).fetchall()

        hits = len(floor_ids())
        assert len(ours_ids()) == hits == len(ours_json())
        assert sorted(ours_ids()) == sorted(r[0] for r in floor_ids())
        ours, floor = interleaved(ours_ids, floor_ids)
        report(f"search ids {q!r} ({hits} hits)", ours, floor, 1.5)
        report(f"search ids {q!r} vs the bare FTS5 query", *interleaved(ours_ids, fts_alone), 1.5)
        if args.ids_only:
            continue
        report(f"search as JSON {q!r} vs raw rows", best_of(ours_json, 3), best_of(floor_rows, 3), 1.5)

    if args.ids_only:
        return
    for q in SHORT:
        def short(q: str = q):  # bound now: each is timed in this iteration only
            with backend.db.read() as conn:
                return list_keys(conn, CaseFilter(search=q))
        t = best_of(short, 3)
        print(f"short search {q!r}: {len(short())} hits in {t * 1000:.0f} ms (LIKE over case_names)")

    on = today()
    def deadlines():
        with backend.db.read() as conn:
            found = due_cases(conn, on + timedelta(days=3))
        items = []
        for case in found:
            items.extend(open_deadline_items(case, compute_deadlines(case, backend.calendar), on))
        return items
    t = best_of(deadlines, 3)
    print(f"deadlines (within 3 days + overdue): {len(deadlines())} items in {t * 1000:.0f} ms")

    some = raw.execute("select case_no from cases order by random() limit 20").fetchall()
    svc = CaseService(backend)
    start = time.perf_counter()
    for (case_no,) in some:
        svc.view(case_no)
    print(f"case show: {(time.perf_counter() - start) / len(some) * 1000:.1f} ms per case (in process)")


if __name__ == "__main__":
    main()

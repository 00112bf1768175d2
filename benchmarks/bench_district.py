"""The district's desk on a large supervisor database: the rooms overview, the cross-room risk list
and a one-year statistics return with its charts.

Usage: python benchmarks/bench_district.py [N] [--rooms R] [--db DIR]   (default N=1000000, R=20;
reuses DIR if it already holds a database, so the slow fill happens once)

The database is a supervisor's: demo cases spread over R enrolled rooms (each case's organisation
and origin set to one room), as a district holds them after importing every room's packages.

Floors, measured in the same run on the same file with raw sqlite3:
- overview: the grouped aggregates it shows (one GROUP BY over the cases);
- risk: the open cases' rows the risk rules read (the very statement the list runs), plus the
  key-enterprise list and the rooms' names; the list and its floor are timed in turns (median wall
  and CPU time of at least 7 each);
- statistics: the return's aggregates (the period totals, paid amounts, dispute types, daily
  received/closed, last year's count). Chart rendering (QtCharts, offscreen) is timed on its own.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

from common import best_of, report, timer

from mediation_desktop.core import clock
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo


def ensure_db(root: Path, n: int, rooms: int) -> Backend:
    if (root / "mediation.sqlite3").exists():
        return Backend.open(root, "基准测试")
    import shutil

    if root.exists():
        shutil.rmtree(root)
    backend = Backend(DataPaths.resolve(root), "基准测试")
    backend.migrate()
    backend.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
    with timer() as t:
        fill_demo(backend, n)
    print(f"filled {n} cases in {t['s']:.1f} s")
    backend.db.dispose()   # not close(): that takes the daily backup, a copy of the whole file
    spread_over_rooms(root / "mediation.sqlite3", rooms)
    return Backend.open(root, "基准测试")


def spread_over_rooms(path: Path, rooms: int) -> None:
    """R rooms (organisations and enrolled peers), each case given to one of them."""
    con = sqlite3.connect(path)
    now = "2026-11-30T09:00:00+08:00"
    ids = []
    for i in range(rooms):
        org, node = str(uuid.uuid4()), str(uuid.uuid4())
        ids.append((org, node))
        con.execute("INSERT INTO organisations (id, name, code, role, origin_node) VALUES (?, ?, ?, 'room', ?)",
                    (org, f"第{i + 1}调解委员会", f"R{i + 1:02d}", node))
        con.execute("INSERT INTO peers (node_id, org_id, org_name, org_code, role, card, fingerprint, status, "
                    "enrolled_at) VALUES (?, ?, ?, ?, 'room', '{}', ?, 'trusted', ?)",
                    (node, org, f"第{i + 1}调解委员会", f"R{i + 1:02d}", "0" * 64, now))
        con.execute("INSERT INTO sync_origins (origin_node, high_water, last_package_at, last_seen) "
                    "VALUES (?, ?, ?, ?)", (node, 100, now, now))
    con.execute("CREATE TEMP TABLE room_of (k INTEGER PRIMARY KEY, org TEXT, node TEXT)")
    con.executemany("INSERT INTO room_of VALUES (?, ?, ?)", [(i, o, n) for i, (o, n) in enumerate(ids)])
    with timer() as t:
        con.execute(f"UPDATE cases SET org_id = (SELECT org FROM room_of WHERE k = cases.num % {rooms}), "
                    f"origin_node = (SELECT node FROM room_of WHERE k = cases.num % {rooms})")
        con.commit()
    print(f"spread over {rooms} rooms in {t['s']:.1f} s")
    con.close()


OVERVIEW_FLOOR = """
SELECT origin_node, count(*),
  sum(CASE WHEN status IN ('registered','mediating') THEN 1 ELSE 0 END),
  sum(CASE WHEN status IN ('registered','mediating') AND next_due < :today THEN 1 ELSE 0 END),
  sum(CASE WHEN status IN ('registered','mediating') AND accepted_late THEN 1 ELSE 0 END),
  sum(CASE WHEN status IN ('registered','mediating') AND collective THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on >= :y0 AND concluded_on <= :today AND outcome = 'agreement' THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on >= :y0 AND concluded_on <= :today
           AND outcome IN ('agreement','settled','withdrawn','failed') THEN 1 ELSE 0 END)
FROM cases GROUP BY origin_node
"""

def risk_floor_sql() -> tuple[str, list]:
    """The open cases' rows exactly as the risk list asks SQLite for them (the same compiled statement:
    the same columns, filter and order), to be run with raw sqlite3."""
    from sqlalchemy.dialects import sqlite

    from mediation_desktop.storage.district_queries import open_case_statement

    compiled = open_case_statement().compile(dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True})
    return compiled.string, [compiled.params[name] for name in (compiled.positiontup or ())]


def stats_floor(raw: sqlite3.Connection, start: str, end: str) -> None:
    p = {"s": start, "e": end}
    raw.execute("""
    SELECT org_id,
      sum(CASE WHEN received_on < :s AND (closed_on IS NULL OR closed_on >= :s) THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e AND accepted_on IS NOT NULL THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e AND outcome = 'not_accepted' THEN 1 ELSE 0 END),
      sum(CASE WHEN status = 'closed' AND closed_on BETWEEN :s AND :e THEN 1 ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'agreement' THEN 1 ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'settled' THEN 1 ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'withdrawn' THEN 1 ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'failed' THEN 1 ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'transferred' THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on <= :e AND (closed_on IS NULL OR closed_on > :e) THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on <= :e AND mediation_due IS NOT NULL AND
          ((concluded_on IS NOT NULL AND concluded_on > mediation_due AND concluded_on BETWEEN :s AND :e)
           OR (concluded_on IS NULL AND mediation_due < :e)) THEN 1 ELSE 0 END),
      sum(CASE WHEN accepted_on BETWEEN :s AND :e AND accepted_late THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e THEN workers_involved ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e AND collective THEN 1 ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e AND collective THEN workers_involved ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e THEN coalesce(amount_claimed_fen, 0) ELSE 0 END),
      sum(CASE WHEN concluded_on BETWEEN :s AND :e AND outcome = 'agreement' THEN coalesce(amount_agreed_fen, 0)
          ELSE 0 END),
      sum(CASE WHEN received_on BETWEEN :s AND :e AND channel IN ('court_delegated','court_entrusted') THEN 1
          ELSE 0 END)
    FROM cases GROUP BY org_id""", p).fetchall()
    raw.execute("""SELECT c.org_id, sum(i.performed_fen) FROM agreement_items i JOIN agreements a ON a.id = i.agreement_id
                   JOIN cases c ON c.id = a.case_id WHERE i.performed_on BETWEEN :s AND :e GROUP BY c.org_id""",
                p).fetchall()
    raw.execute("SELECT org_id, dispute_types, count(*) FROM cases WHERE received_on BETWEEN :s AND :e "
                "GROUP BY org_id, dispute_types", p).fetchall()
    raw.execute("SELECT received_on, count(*) FROM cases WHERE received_on BETWEEN :s AND :e GROUP BY received_on",
                p).fetchall()
    raw.execute("SELECT closed_on, count(*) FROM cases WHERE status = 'closed' AND closed_on BETWEEN :s AND :e "
                "GROUP BY closed_on", p).fetchall()
    raw.execute("SELECT count(*) FROM cases WHERE received_on BETWEEN :s AND :e",
                {"s": f"{int(start[:4]) - 1}{start[4:]}", "e": f"{int(end[:4]) - 1}{end[4:]}"}).fetchall()


def in_turns(ours, floor, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) seconds of ``ours`` and ``floor`` run in turns: on a shared machine a burst of
    load then slows both alike, where timing one after the other can catch only one of them in it."""
    times: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
    for _ in range(repeat):
        for fn, into in ((ours, times[0]), (floor, times[1])):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            into.append((time.perf_counter() - wall, time.process_time() - cpu))

    def medians(t: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(w for w, _ in t), statistics.median(c for _, c in t)

    return medians(times[0]), medians(times[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=1_000_000)
    ap.add_argument("--rooms", type=int, default=20)
    ap.add_argument("--db", type=Path, default=Path("/tmp/md-bench-district"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="overview,risk,statistics", help="which parts to time, comma-separated")
    args = ap.parse_args()
    backend = ensure_db(args.db, args.n, args.rooms)
    raw = sqlite3.connect(backend.db.path)
    total = raw.execute("select count(*) from cases").fetchone()[0]
    opened = raw.execute("select count(*) from cases where status in ('registered','mediating')").fetchone()[0]
    print(f"database: {total} cases ({opened} open) in {args.rooms} rooms, "
          f"{backend.db.path.stat().st_size / 1e6:.0f} MB")

    from mediation_desktop.services.district_risk import district_risk
    from mediation_desktop.services.rooms import room_overview

    parts = set(args.only.split(","))
    today = clock.today()
    params = {"today": today.isoformat(), "y0": date(today.year, 1, 1).isoformat()}
    if "overview" in parts:
        floor = best_of(lambda: raw.execute(OVERVIEW_FLOOR, params).fetchall(), args.repeat)
        ours = best_of(lambda: room_overview(backend, today), args.repeat)
        report("rooms overview", ours, floor, 1.5)

    risk_sql, risk_params = risk_floor_sql()

    def risk_floor() -> None:  # the rows the list is made of: open cases, key enterprises, room names
        raw.execute(risk_sql, risk_params).fetchall()
        raw.execute("SELECT uscc, name FROM key_enterprises").fetchall()
        raw.execute("SELECT id, name, code FROM organisations").fetchall()

    if "risk" in parts:
        found = district_risk(backend, today)
        print(f"  risk: {len(found.cases)} cases with a level, {len(found.overdue)} overdue, "
              f"{len(found.employers)} employers across rooms or many in one")
        del found
        (ours, ours_cpu), (floor, floor_cpu) = in_turns(lambda: district_risk(backend, today), risk_floor,
                                                        max(args.repeat, 7))
        print(f"  CPU time: ours {ours_cpu:.3f} s, floor {floor_cpu:.3f} s, ratio {ours_cpu / floor_cpu:.2f}x")
        report("cross-room risk", ours, floor, 1.5)
    if "statistics" not in parts:
        backend.db.dispose()
        return

    from mediation_desktop.services.chart_data import report_charts
    from mediation_desktop.services.statistics import (
        compile_return,
        monthly_received_closed,
        received_last_year,
        summary_text,
    )

    year = max(2000, min(today.year, 2100))
    start, end = date(year, 1, 1), date(year, 12, 31)
    floor = best_of(lambda: stats_floor(raw, start.isoformat(), end.isoformat()), args.repeat)

    def one_year():  # the return, the monthly series, the summary and the chart data
        ret = compile_return(backend, start, end)
        charts = report_charts(ret, monthly_received_closed(backend, start, end))
        summary_text(ret, received_last_year(backend, start, end))
        return ret, charts

    ours = best_of(one_year, args.repeat)
    report(f"one-year statistics ({year}, by room)", ours, floor, 2.0)
    _, charts = one_year()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from mediation_desktop.gui.charts import render_png

    render_png(charts[0])  # the first picture loads Qt and its fonts: not counted
    started = time.perf_counter()
    sizes = [len(render_png(c)) for c in charts]
    print(f"chart rendering (QtCharts offscreen, {len(charts)} PNGs, {sum(sizes) // 1024} KB): "
          f"{time.perf_counter() - started:.3f} s")
    backend.db.dispose()


if __name__ == "__main__":
    main()

"""Finding a case by an applicant's ID number or phone (full, or its suffix) on a large database.

Usage: python benchmarks/bench_id_search.py [--cases N] [--db DIR]
    default N = 200,000 (a fill of a few minutes); --cases 1000000 for the issue's figure (build
    it once: about ten minutes here, then the same DIR is reused).

What is timed: ``cases --search``'s and the GUI list's query (storage.queries.list_keys with the
search filter: the keyed-hash lookup, the text and the 序号 alternatives), median of 7, in process.
Floor, measured in the same run: a raw sqlite3 query of the lookup index for the same digest,
returning the same rows newest first. Target: <= 50 ms for each kind of number.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from common import fresh_backend, timer

from mediation_desktop.core import number_lookup as nl
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage.queries import list_keys

TARGET_MS = 50.0


def ensure_db(root: Path, n: int) -> Backend:
    if (root / "mediation.sqlite3").exists():
        return Backend.open(root, "基准测试")
    backend = fresh_backend(root)
    with timer() as t:
        fill_demo(backend, n)
    print(f"filled {n:,} cases in {t['s']:.1f} s")
    return backend


def median_ms(fn, repeat: int = 7) -> float:
    fn()  # warm the page cache once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    root = args.db or Path(f"/tmp/md-bench-ids-{args.cases}")
    backend = ensure_db(root, args.cases)
    raw = sqlite3.connect(backend.db.path)
    total = raw.execute("SELECT count(*) FROM cases").fetchone()[0]
    lookups = raw.execute("SELECT count(*) FROM number_lookups").fetchone()[0]
    print(f"database: {total:,} cases, {lookups:,} lookup rows, {backend.db.path.stat().st_size / 1e6:.0f} MB")
    secret = bytes.fromhex(raw.execute("SELECT value FROM settings WHERE key = 'number_lookup_secret'").fetchone()[0])
    id_number, phone = raw.execute(
        "SELECT id_number, phone FROM applicants WHERE id_number IS NOT NULL AND phone IS NOT NULL "
        "ORDER BY case_id LIMIT 1 OFFSET ?", (total // 2,)).fetchone()
    digits = nl.normalise_phone(phone)
    assert digits is not None
    terms = {"full ID number": (id_number, nl.ID_FULL, id_number),
             "ID last 6": (id_number[-6:], nl.ID_SUFFIX, id_number[-6:]),
             "full phone": (phone, nl.PHONE_FULL, digits),
             "phone last 4": (digits[-4:], nl.PHONE_SUFFIX, digits[-4:])}
    worst = 0.0
    for label, (typed, kind, value) in terms.items():
        digest = nl.digest(secret, kind, value)

        def ours(typed: str = typed) -> list:
            with backend.db.read() as conn:
                return list_keys(conn, CaseFilter(search=typed))

        def floor(digest: bytes = digest) -> list:
            return raw.execute(
                "SELECT num FROM cases WHERE id IN (SELECT case_id FROM number_lookups WHERE hash = ?) "
                "ORDER BY received_on DESC, num DESC", (digest,)).fetchall()

        hits, floor_hits = len(ours()), len(floor())
        ours_ms, floor_ms = median_ms(ours), median_ms(floor)
        worst = max(worst, ours_ms)
        print(f"{label:15} {typed!r:22} hits {hits:6,} (index alone {floor_hits:6,}): ours {ours_ms:7.2f} ms, "
              f"floor {floor_ms:7.2f} ms, ratio {ours_ms / floor_ms if floor_ms else float('inf'):5.2f}x")
    print(f"slowest {worst:.1f} ms: {'OK' if worst <= TARGET_MS else 'OVER TARGET'} (target <= {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()

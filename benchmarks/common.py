"""Helpers shared by the benchmarks: timing, fresh databases, printing a ratio to a floor."""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend


def fresh_backend(root: Path, name: str = "bench") -> Backend:
    if root.exists():
        shutil.rmtree(root)
    backend = Backend(DataPaths.resolve(root), "基准测试")
    backend.migrate()
    backend.initialise(f"{name}调解中心", "津测", "room")
    from mediation_desktop.sync.trust import create_keys

    create_keys(backend)
    return backend


@contextmanager
def timer():
    box = {}
    start = time.perf_counter()
    yield box
    box["s"] = time.perf_counter() - start


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(label: str, ours: float, floor: float, target: float) -> None:
    ratio = ours / floor if floor else float("inf")
    verdict = "OK" if ratio <= target else "OVER TARGET"
    print(f"{label}: ours {ours:.3f} s, floor {floor:.3f} s, ratio {ratio:.2f}x (target <= {target}x) {verdict}")


def raw_connect(path: Path) -> sqlite3.Connection:
    """A raw sqlite3 connection with the same pragmas the app uses, in manual transaction mode."""
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "temp_store=MEMORY", "cache_size=-65536"):
        con.execute(f"PRAGMA {pragma}")
    return con


def tmpdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))

"""A bulk write holds SQLite's page cache small and gives the connection its own setting back, also
when the write fails or is a dry run (the connection returns to the pool and serves the desk next)."""

from __future__ import annotations

import csv

import pytest

from mediation_desktop.services.ledger_import import import_ledger
from mediation_desktop.storage.engine import BULK_CACHE_KIB, CACHE_KIB, bounded_cache

from .helpers import make_backend

HEADER = ["收案日期", "申请人", "被申请人", "争议类型", "请求金额"]


@pytest.fixture
def backend(tmp_path):
    b = make_backend(tmp_path / "d")
    yield b
    b.close()


def cache_size(conn) -> int:
    return int(conn.exec_driver_sql("PRAGMA cache_size").scalar())


def pooled_cache_sizes(backend) -> set[int]:
    """The setting of every connection the pool holds (checked out one after another, all at once)."""
    conns = [backend.db.engine.connect() for _ in range(backend.db.engine.pool.checkedin() or 1)]
    try:
        return {cache_size(c) for c in conns}
    finally:
        for c in conns:
            c.close()


def test_the_cache_is_bounded_inside_and_restored_after(backend):
    with backend.db.write() as conn:
        assert cache_size(conn) == -CACHE_KIB
        with bounded_cache(conn):
            assert cache_size(conn) == -BULK_CACHE_KIB
        assert cache_size(conn) == -CACHE_KIB


def test_the_cache_is_restored_when_the_bulk_write_fails(backend):
    with pytest.raises(RuntimeError), backend.db.write() as conn, bounded_cache(conn):
        assert cache_size(conn) == -BULK_CACHE_KIB
        raise RuntimeError("the import went wrong")
    assert pooled_cache_sizes(backend) == {-CACHE_KIB}


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_ledger_import_leaves_the_connections_with_their_own_cache(backend, tmp_path, dry_run):
    path = tmp_path / "l.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(30):
            w.writerow(["2026-03-02", f"申请人{i}", "天津市鑫达建筑工程有限公司", "拖欠工资", str(1000 + i)])
    seen = []
    report = import_ledger(backend, path, dry_run=dry_run,
                           progress=lambda stage, *_: seen.append(stage))
    assert report["imported"] == 30 and "写入数据库" in seen
    assert pooled_cache_sizes(backend) == {-CACHE_KIB}

"""A broad full-text search (many hits) lists its newest hits by date without sorting every hit;
the other hits follow in the order the cases were registered. Every other list sorts exactly."""

from __future__ import annotations

import pytest

from mediation_desktop.core.model import CaseFilter
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage import queries


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    backend = Backend(DataPaths.resolve(tmp_path_factory.mktemp("broad")), "测试员")
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    fill_demo(backend, 400, seed=3)
    yield backend
    backend.close()


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(queries, "BROAD_HITS", 20)
    monkeypatch.setattr(queries, "TOP_BY_DATE", 7)


def _sorted_keys(backend, f: CaseFilter) -> list[int]:
    """The exact order: every hit sorted newest first (what the ordinary query returns)."""
    with backend.db.read() as conn:
        stmt = queries.filtered(conn, [queries.cases.c.num], f).order_by(*queries.NEWEST_FIRST)
        return list(conn.execute(stmt).scalars())


def _keys(backend, f: CaseFilter, **kw) -> list[int]:
    with backend.db.read() as conn:
        return queries.list_keys(conn, f, **kw)


def _a_broad_word(backend) -> str:
    """A three-character piece of a respondent name that many cases share."""
    with backend.db.read() as conn:
        names = [r[0] for r in conn.execute(queries.select(queries.cases.c.respondent_name))]
    counts: dict[str, int] = {}
    for name in names:
        for i in range(len(name) - 2):
            piece = name[i:i + 3]
            if not any(c.isdigit() for c in piece) and " " not in piece:
                counts[piece] = counts.get(piece, 0) + 1
    return max(counts, key=counts.get)


def test_the_newest_hits_by_date_then_the_rest_by_registration(backend, small_limits):
    word = _a_broad_word(backend)
    f = CaseFilter(search=word)
    exact = _sorted_keys(backend, f)
    assert len(exact) >= 40
    ours = _keys(backend, f)
    assert sorted(ours) == sorted(exact)                      # the same cases, each once
    assert ours[:7] == exact[:7]                              # the newest by date, exactly
    assert ours[7:] == sorted(set(exact) - set(exact[:7]), reverse=True)


def test_narrow_filtered_numeric_or_other_orders_sort_exactly(backend, small_limits):
    word = _a_broad_word(backend)
    for f in (CaseFilter(search=word, status="accepted"), CaseFilter(search=word, collective=False),
              CaseFilter(search=word + " 12"), CaseFilter(search="恒通物流有限公司不存在")):
        assert _keys(backend, f) == _sorted_keys(backend, f), f
    f = CaseFilter(search=word)
    with backend.db.read() as conn:
        ascending = queries.list_keys(conn, f, descending=False)
    assert ascending == list(reversed(_sorted_keys(backend, f)))


def test_hits_bunched_in_the_past_fall_back_to_the_exact_sort(backend, small_limits, monkeypatch):
    """When the date index yields too few hits within its budget, the ordinary query answers."""
    monkeypatch.setattr(queries, "TOP_BY_DATE", 10_000)
    f = CaseFilter(search=_a_broad_word(backend))
    assert _keys(backend, f) == _sorted_keys(backend, f)


def test_below_the_threshold_nothing_changes(backend):
    f = CaseFilter(search=_a_broad_word(backend))
    assert _keys(backend, f) == _sorted_keys(backend, f)      # 400 cases: far below BROAD_HITS

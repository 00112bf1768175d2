"""The bulk insert under the ledger import, demo data and sync: every row goes in once, in a few
statement texts per table (the driver keeps each text it has seen prepared, so one text per batch
length once held hundreds of megabytes through a large import)."""

from __future__ import annotations

from sqlalchemy import create_engine, event

from mediation_desktop.storage import cases_repo


def test_any_number_of_rows_goes_in_once_each_through_few_statement_texts():
    engine = create_engine("sqlite://")
    texts: set[str] = set()
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: texts.add(statement) if "INTO t " in statement else None)
    counts = [0, 1, 2, 3, 255, 256, 257, 511, 700, *range(5, 600, 37)]
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (batch INTEGER, n INTEGER)")
        for batch, count in enumerate(counts):
            cases_repo._insert_rows(conn, "t", ["batch", "n"], [(batch, n) for n in range(count)])
        stored = conn.exec_driver_sql("SELECT batch, count(*), count(DISTINCT n), sum(n) FROM t GROUP BY batch").all()
    assert {b: (c, d, s) for b, c, d, s in stored} == {
        b: (n, n, n * (n - 1) // 2) for b, n in enumerate(counts) if n}
    assert len(texts) <= 1 + cases_repo.ROWS_PER_STATEMENT.bit_length()

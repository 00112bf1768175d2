"""Many new rows into one table on PostgreSQL as a single ``COPY … FROM STDIN``.

A sync import of 100,000 cases writes about a million rows (cases, their children, the number
lookups, the applied changes). Through Core executemany each row was a prepared statement on the
server and a round of SQLAlchemy's parameter processing in Python, which together cost more than
the server's own work of adding the rows to the tables and their trigram indexes.
"""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError


def copy_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys, as for executemany) in the caller's transaction.
    psycopg adapts the values as it does for INSERT parameters; columns a row leaves out get their
    scalar Python-side default, as SQLAlchemy would give them. A refused row (a duplicate key)
    raises SQLAlchemy's exception for it, as the INSERT did, and nothing of the COPY remains."""
    import psycopg

    if not rows:
        return
    given = [c.name for c in table.columns if c.name in rows[0]]
    defaults = {c.name: c.default.arg for c in table.columns   # type: ignore[attr-defined]  # a scalar default has .arg
                if c.name not in rows[0] and c.default is not None and c.default.is_scalar}
    tail = tuple(defaults.values())
    pick = itemgetter(*given) if len(given) > 1 else (lambda row: (row[given[0]],))
    quoted = ", ".join(f'"{n}"' for n in given + list(defaults))
    statement = f"COPY {table.name} ({quoted}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its DB-API connection
    try:
        with driver.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(pick(row) + tail)
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from None

"""Opening the SQLite database with the pragmas every connection needs.

pysqlite's own transaction handling is switched off so that SQLAlchemy's ``begin`` really issues
``BEGIN`` (reads see one snapshot) and writers take the lock up front with ``BEGIN IMMEDIATE``
(no deadlock between two writers upgrading read locks).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from mediation_desktop.core.errors import UserError

BUSY_TIMEOUT_MS = 5000


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # DB-API objects
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url_or_path: str | Path) -> Engine:
    url = str(url_or_path)
    if "://" not in url:
        url = f"sqlite:///{Path(url_or_path)}"
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


class Database:
    """One database: ``read()`` for a consistent snapshot, ``write()`` for one atomic change."""

    def __init__(self, url_or_path: str | Path):
        self.path = Path(url_or_path) if "://" not in str(url_or_path) else None
        self.engine = make_engine(url_or_path)
        self.dialect = self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            self._raise_environment_fault(exc)
            raise

    @contextmanager
    def write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(write=True)
                with conn.begin():
                    yield conn
        except OperationalError as exc:
            # Another process held the write lock past the busy timeout: nothing was written.
            if "database is locked" in str(exc.orig):
                raise UserError("E_DATABASE_BUSY", "数据库正被另一个程序（如已打开的调解工作台窗口或其他命令）写入，"
                                "本次操作没有保存。请稍后重试") from None
            self._raise_environment_fault(exc)
            raise
        except DBAPIError as exc:
            self._raise_environment_fault(exc)
            raise

    def _raise_environment_fault(self, exc: DBAPIError) -> None:
        """A full disk, an I/O error or a read-only file, reported by SQLite as text, becomes the
        core error the user is shown (the transaction was rolled back: nothing was written)."""
        from mediation_desktop.core.environment_errors import from_database_message

        fault = from_database_message(str(exc.orig), self.path)
        if fault is not None:
            raise fault from exc

    def dispose(self) -> None:
        self.engine.dispose()

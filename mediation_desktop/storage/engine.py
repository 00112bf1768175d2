"""Opening the SQLite database with the pragmas every connection needs.

pysqlite's own transaction handling is switched off so that SQLAlchemy's ``begin`` really issues
``BEGIN`` (reads see one snapshot) and writers take the lock up front with ``BEGIN IMMEDIATE``
(no deadlock between two writers upgrading read locks).

On a PostgreSQL server several staff work at once. Reads run at REPEATABLE READ (one snapshot, as on
SQLite); each write transaction first takes one transaction-scoped advisory lock, so writers queue
on the server exactly as they queue on SQLite's write lock: the audit chain and the change sequence
stay single chains, and two staff importing the same package see each other's commit (the second
finds it ``already_imported``). The lock is released by the server at commit, rollback or when a
client dies.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from mediation_desktop.core.errors import UserError

BUSY_TIMEOUT_MS = 5000
# pg_advisory_xact_lock keys (any two fixed 64-bit numbers; "MDWRITE" and "MDMIGR" in ASCII).
PG_WRITER_LOCK = 0x4D44575249544500
PG_MIGRATION_LOCK = 0x4D444D4947520000
PG_LOCK_TIMEOUT = "60s"     # how long a writer waits for another staff member's write before E_DATABASE_BUSY
PG_CONNECT_TIMEOUT = 10     # seconds
CACHE_KIB = 65536           # every connection's page cache: the desk's and the lists' working set
BULK_CACHE_KIB = 8192       # a bulk write's page cache: it mostly appends, so more cache only holds dirty pages


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
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url_or_path: str | Path) -> Engine:
    url = str(url_or_path)
    if "://" not in url:
        url = f"sqlite:///{Path(url_or_path)}"
    kwargs: dict = {}
    if url.startswith("postgresql"):
        # Staff notice a dead server within seconds, not after the operating system's TCP timeout.
        kwargs = {"connect_args": {"connect_timeout": PG_CONNECT_TIMEOUT, "application_name": "mediation-desktop"},
                  "pool_pre_ping": True}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


class Database:
    """One database: ``read()`` for a consistent snapshot, ``write()`` for one atomic change."""

    def __init__(self, url_or_path: str | Path):
        self.path = Path(url_or_path) if "://" not in str(url_or_path) else None
        self.engine = make_engine(url_or_path)
        self.dialect = self.engine.dialect.name
        self.url = None if self.path is not None else str(url_or_path)

    @property
    def is_server(self) -> bool:
        """A database server shared by several staff (PostgreSQL), not this folder's own file."""
        return self.dialect == "postgresql"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                if self.is_server:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
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
                    if self.is_server:
                        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{PG_LOCK_TIMEOUT}'")
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
                    yield conn
        except OperationalError as exc:
            # Another process held the write lock past the busy timeout: nothing was written.
            if "database is locked" in str(exc.orig):
                raise UserError("E_DATABASE_BUSY", "数据库正被另一个程序（如已打开的调解工作台窗口或其他命令）写入，"
                                "本次操作没有保存。请稍后重试") from None
            if _sqlstate(exc) == "55P03":   # lock_timeout: another staff member's long write
                raise UserError("E_DATABASE_BUSY", "数据库服务器上另一位工作人员的写入（如导入同步包）尚未完成，"
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

        if self.is_server:
            if isinstance(exc, OperationalError) and _sqlstate(exc) in (None, "08001", "08006", "08004", "28P01",
                                                                        "28000", "3D000", "57P03"):
                raise connect_error(self.url or "", exc) from None
            return
        fault = from_database_message(str(exc.orig), self.path)
        if fault is not None:
            raise fault from exc

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def bounded_cache(conn: Connection, kib: int | None = None) -> Iterator[None]:
    """Hold SQLite's page cache to ``kib`` for a bulk write on ``conn``, then give the connection its
    own setting back (it returns to the pool and serves the desk next). A 100,000-row ledger import
    with the usual 64 MB cache filled it with dirty pages and peaked far above the reader's memory;
    with 8 MB it writes as fast. On a server the cache is the server's business: nothing to do."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -CACHE_KIB)
    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(kib or BULK_CACHE_KIB)}")
    try:
        yield
    except BaseException:
        # The import's own fault is the one to report, not a failed restore on a broken connection.
        with suppress(DBAPIError):
            conn.exec_driver_sql(f"PRAGMA cache_size={before}")
        raise
    conn.exec_driver_sql(f"PRAGMA cache_size={before}")


def hold_writer_lock(conn: Connection) -> None:
    """On a server, make sure this transaction holds the writers' lock (``Database.write`` takes it
    first; taking it again in the same transaction is free). The audit chain and the change
    sequence call this, so a write from any path cannot interleave with another client's."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def connect_error(url: str, exc: BaseException) -> UserError:
    """E_DATABASE_CONNECT naming the server (password masked) and the server's own reason."""
    from mediation_desktop.core.database_url import masked

    reason = str(getattr(exc, "orig", exc)).strip().splitlines()
    return UserError("E_DATABASE_CONNECT", f"无法连接数据库服务器 {masked(url)}：{reason[0] if reason else '没有回答'}。"
                     "请确认服务器已启动、地址和端口正确、用户名和密码无误，且该数据库已由管理员建立；本次操作没有进行")


def probe_server(url: str) -> tuple[str, bool]:
    """(the server's version, whether the app's tables exist there) for 测试连接; E_DATABASE_CONNECT
    when the server does not answer or refuses the login."""
    engine = create_engine(url, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT,
                                              "application_name": "mediation-desktop"})
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar() or ""
            migrated = conn.exec_driver_sql(
                "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'").first() is not None
        return str(version), migrated
    except DBAPIError as exc:
        raise connect_error(url, exc) from None
    finally:
        engine.dispose()

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mediation_desktop.storage import migrate
from mediation_desktop.storage.engine import Database
from mediation_desktop.storage.outbox import record_changes
from mediation_desktop.storage.schema import changes, metadata, node_state

from .helpers import make_backend


def test_migrations_create_exactly_the_schema(tmp_path):
    db = Database(tmp_path / "m.sqlite3")
    assert migrate.upgrade(db) is True
    assert migrate.upgrade(db) is False  # idempotent at head
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": lambda n, t, p: not (t == "table" and n.startswith("cases_fts"))})
        assert compare_metadata(ctx, metadata) == []


def test_downgrade_and_upgrade_round_trip(tmp_path):
    from alembic import command

    db = Database(tmp_path / "m.sqlite3")
    migrate.upgrade(db)
    cfg = migrate.alembic_config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        conn.commit()
    names = {r[0] for r in sqlite3.connect(tmp_path / "m.sqlite3").execute("select name from sqlite_master where type='table'")}
    assert names == {"alembic_version"}
    assert migrate.upgrade(db) is True


def test_every_connection_has_the_pragmas(tmp_path):
    db = Database(tmp_path / "p.sqlite3")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_migration_backs_up_an_existing_database_first(tmp_path):
    from alembic import command

    backend = make_backend(tmp_path / "d")
    cfg = migrate.alembic_config()
    with backend.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
    assert backend.migrate() is True
    backups = list(backend.paths.backups.glob("*migration*.sqlite3"))
    assert len(backups) == 1


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.booleans()), min_size=1, max_size=12))
def test_outbox_sequence_is_gap_free_even_when_transactions_roll_back(tmp_path_factory, batches):
    backend = make_backend(tmp_path_factory.mktemp("o"))
    committed = 0
    for size, fail in batches:
        try:
            with backend.db.write() as conn:
                record_changes(conn, "case", [f"id{i}" for i in range(size)])
                if fail:
                    raise RuntimeError("simulated failure")
            committed += size
        except RuntimeError:
            pass
    with backend.db.read() as conn:
        seqs = list(conn.execute(select(changes.c.origin_seq).order_by(changes.c.origin_seq)).scalars())
        last = conn.execute(select(node_state.c.last_seq)).scalar_one()
    assert seqs == list(range(1, committed + 1))
    assert last == committed
    backend.close()


def test_schema_head_constant_matches_alembic():
    assert migrate.SCHEMA_HEAD == migrate.head_revision()

"""Bring a database to the newest schema with Alembic, taking a backup first when it has data."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import text

from mediation_desktop.storage.engine import Database

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")

# The newest revision in migrations/versions. Checked against Alembic by a test; kept here so that
# opening an up-to-date database does not pay Alembic's import time (about half a second).
SCHEMA_HEAD = "0014"


def alembic_config():  # an alembic.config.Config, imported lazily
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder ships with the package"
    return head


def current_revision(db: Database) -> str | None:
    with db.read() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'"
            if db.dialect == "postgresql" else
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, backup=None) -> bool:
    """Upgrade to head. ``backup`` (a callable) runs first when an existing schema is older.

    Returns True when something was migrated. On a PostgreSQL server several clients may start at
    once: the migration runs under a session advisory lock, and a client that waited for it finds
    the schema already at head and does nothing (the migration runs once per server)."""
    current = current_revision(db)
    if current == SCHEMA_HEAD:
        return False
    if db.is_server:
        return _upgrade_server(db)
    from alembic import command

    head = head_revision()
    if current is not None and backup is not None:
        backup()
    log.info("migrating database from %s to %s", current, head)
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn = conn.execution_options(write=True)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    return True


def _upgrade_server(db: Database) -> bool:
    """Alembic on a server, once: under ``pg_advisory_lock`` (held by this session until released
    or the client dies), re-reading the revision after the wait. No backup here: the server's
    backups are its administrator's (pg_dump), the app does not pretend to own them."""
    from alembic import command

    from mediation_desktop.storage.engine import PG_MIGRATION_LOCK

    with db.engine.connect() as lock_conn:
        lock_conn.exec_driver_sql(f"SELECT pg_advisory_lock({PG_MIGRATION_LOCK})")
        lock_conn.commit()
        try:
            if current_revision(db) == SCHEMA_HEAD:
                return False
            log.info("migrating server database to %s", SCHEMA_HEAD)
            cfg = alembic_config()
            with db.engine.connect() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
            return True
        finally:
            lock_conn.exec_driver_sql(f"SELECT pg_advisory_unlock({PG_MIGRATION_LOCK})")
            lock_conn.commit()

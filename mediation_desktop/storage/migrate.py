"""Bring a database to the newest schema with Alembic, taking a backup first when it has data."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from mediation_desktop.storage.engine import Database

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, backup=None) -> bool:
    """Upgrade to head. ``backup`` (a callable) runs first when an existing schema is older.

    Returns True when something was migrated."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return False
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

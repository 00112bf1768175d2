"""Every downgrade undoes its upgrade exactly: down to 0004 and up again gives the very schema a
fresh database has, so `check` and restore's schema comparison accept a register that was rolled
back (a batch table copy in a downgrade would rewrite a table's SQL and fail that comparison)."""

from __future__ import annotations

from alembic import command

from mediation_desktop.storage import schema_check
from mediation_desktop.storage.engine import Database
from mediation_desktop.storage.migrate import alembic_config


def test_down_to_0004_and_up_again_gives_the_fresh_schema(tmp_path):
    path = tmp_path / "roundtrip.sqlite3"
    db = Database(path)
    try:
        cfg = alembic_config()
        with db.engine.connect() as conn:
            conn = conn.execution_options(write=True)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
            command.downgrade(cfg, "0004")
            conn.commit()
            command.upgrade(cfg, "head")
            conn.commit()
    finally:
        db.dispose()
    assert schema_check.schema_differences(path) == []

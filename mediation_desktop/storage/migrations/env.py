"""Alembic environment. Migrations run inside the app (``storage.migrate``) on a connection it
passes in; the FTS virtual table and its shadow tables are kept out of autogenerate."""

from __future__ import annotations

from alembic import context

from mediation_desktop.storage.schema import metadata

FTS_PREFIX = "cases_fts"


def include_name(name, type_, parent_names):  # alembic's hook signature
    if type_ == "table" and name and name.startswith(FTS_PREFIX):
        return False
    return True


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()

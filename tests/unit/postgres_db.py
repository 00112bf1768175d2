"""A fresh PostgreSQL database on the test server (env MEDIATION_DESKTOP_TEST_PG_URL, started by
scripts/run-tests.sh), dropped afterwards. Skips without a server; fails on CI, where it must run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def server_url() -> str:
    url = os.environ.get("MEDIATION_DESKTOP_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("MEDIATION_DESKTOP_TEST_PG_URL is not set on CI: the PostgreSQL tests must run there")
        pytest.skip("no PostgreSQL server (set MEDIATION_DESKTOP_TEST_PG_URL)")
    return url


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextmanager
def fresh_database(prefix: str = "md_test") -> Iterator[str]:
    """The URL (postgresql+psycopg://) of a new, empty database, created and dropped with psycopg."""
    import psycopg

    admin_url = server_url()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    try:
        yield f"{admin_url.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def supervisor_on(folder, url: str):
    """A district supervisor whose consolidated database is ``url``: migrated, initialised, with its
    keys (a Backend; close it with ``.db.dispose()``)."""
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.sync.trust import create_keys

    sup = Backend(DataPaths.resolve(folder), "督导员", db_url=url)
    sup.migrate()
    sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
    create_keys(sup)
    return sup

"""The supervisor's consolidated database on PostgreSQL: migrated fresh, room packages imported into
it, totals and search checked. Needs env MEDIATION_DESKTOP_TEST_PG_URL (scripts/run-tests.sh starts a
server); skipped without it, except on CI where a missing server is a failure."""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest

from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services.statistics import compile_return
from mediation_desktop.storage.queries import list_cases

from .postgres_db import supervisor_on
from .sync_helpers import enrol, export_one, import_one, make_node

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("MEDIATION_DESKTOP_TEST_PG_URL")


@pytest.fixture
def pg_url():
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("MEDIATION_DESKTOP_TEST_PG_URL is not set on CI: the PostgreSQL tests must run there")
        pytest.skip("no PostgreSQL server (set MEDIATION_DESKTOP_TEST_PG_URL)")
    from sqlalchemy import create_engine, text  # tests may use SQLAlchemy directly

    name = f"md_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_rooms_packages_consolidate_on_postgres(tmp_path, pg_url, monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sup = supervisor_on(tmp_path / "sup", pg_url)
    rooms = [make_node(tmp_path / code, "room", name, code) for code, name in
             (("HP", "和平区劳动人事争议调解中心"), ("HX", "河西区劳动人事争议调解中心"))]
    from mediation_desktop.services.demo import fill_demo

    for i, room in enumerate(rooms):
        enrol(room, sup)
        fill_demo(room, 15 + i * 5, seed=30 + i)
        report = import_one(sup, export_one(room, tmp_path / f"stick{i}"))
        assert (report.status, report.created) == ("imported", 15 + i * 5)
    again = import_one(sup, export_one(rooms[0], tmp_path / "again", full=True))
    assert again.status == "imported" and again.unchanged == 15

    start, end = date(2000, 1, 1), date(2099, 12, 31)
    consolidated = {r["org_code"]: r for r in compile_return(sup, start, end).rows if "org_code" in r}
    for room in rooms:
        mine = next(r for r in compile_return(room, start, end).rows if r.get("org_code") == room.node.org.code)
        assert consolidated[room.node.org.code] == mine

    with rooms[1].db.read() as conn:
        name = list_cases(conn, CaseFilter(), limit=1)[0].respondent.name
    with sup.db.read() as conn:
        found = list_cases(conn, CaseFilter(search=name[:4]))
    with rooms[1].db.read() as conn:
        local = list_cases(conn, CaseFilter(search=name[:4]))
    assert {c.id for c in local} <= {c.id for c in found} and found
    sup.db.dispose()


def test_a_package_the_server_rolled_back_is_imported_again_whole(tmp_path, pg_url, monkeypatch):
    """A serialisation failure after the package's rows were written: the server rolled the whole
    transaction back, the import runs it again from the start, and the package is in once."""
    import psycopg
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.sync import importer

    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sup = supervisor_on(tmp_path / "sup", pg_url)
    room = make_node(tmp_path / "HP", "room", "和平区劳动人事争议调解中心", "HP")
    enrol(room, sup)
    fill_demo(room, 12, seed=5)
    package = export_one(room, tmp_path / "stick")
    real, tries = importer._import_one, []

    def rolled_back_once(*args, **kwargs):
        real(*args, **kwargs)
        tries.append(1)
        if len(tries) == 1:
            raise OperationalError("COMMIT", {}, psycopg.errors.SerializationFailure("could not serialize access"))

    monkeypatch.setattr(importer, "_import_one", rolled_back_once)
    (report,) = importer.import_packages(sup, [package])
    assert len(tries) == 2 and (report.status, report.created) == ("imported", 12)
    with sup.db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 12
        imports = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'sync_import'")).scalar()
    assert imports == 1
    sup.db.dispose()

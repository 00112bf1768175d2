"""Cases written in bulk on PostgreSQL go in by COPY (storage.cases_repo.insert_cases): a synced case
reads back exactly as the room stored it, and a refused row leaves nothing of its batch."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.services.demo_data import DemoGenerator
from mediation_desktop.storage import cases_repo
from mediation_desktop.storage.schema import applicants, cases, number_lookups
from mediation_desktop.sync.trust import create_keys

from .sync_helpers import enrol, export_one, import_one, make_node
from .test_consolidated_postgres import pg_url  # noqa: F401 - the fixture (a throw-away database)

pytestmark = pytest.mark.postgres


def _supervisor(tmp_path, url: str) -> Backend:
    sup = Backend(DataPaths.resolve(tmp_path / "sup"), "督导员", db_url=url)
    sup.migrate()
    sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
    create_keys(sup)
    return sup


def test_synced_cases_read_back_on_postgres_as_the_room_stored_them(tmp_path, pg_url, monkeypatch):  # noqa: F811
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sup = _supervisor(tmp_path, pg_url)
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    enrol(room, sup)
    fill_demo(room, 40, seed=11)   # dates, flags, amounts, agreements, sessions, ID and phone numbers
    assert import_one(sup, export_one(room, tmp_path / "stick")).created == 40
    with room.db.read() as conn:
        ids = [r[0] for r in conn.execute(select(cases.c.id))]
        theirs = {c.id: c for c in cases_repo.load_cases(conn, ids)}
        their_lookups = conn.execute(select(func.count()).select_from(number_lookups)).scalar()
    with sup.db.read() as conn:
        ours = {c.id: c for c in cases_repo.load_cases(conn, ids)}
        our_lookups = conn.execute(select(func.count()).select_from(number_lookups)).scalar()
    assert ours == theirs
    assert our_lookups == their_lookups > 0
    sup.db.dispose()


def test_a_refused_row_leaves_nothing_of_the_copy(tmp_path, pg_url, monkeypatch):  # noqa: F811
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sup = _supervisor(tmp_path, pg_url)
    fill_demo(sup, 3, seed=12)
    counted = (cases, applicants, number_lookups)
    with sup.db.read() as conn:
        stored = conn.execute(select(cases.c.id).limit(1)).scalar_one()
        before = [conn.execute(select(func.count()).select_from(t)).scalar() for t in counted]
    new, repeated = DemoGenerator(seed=13).cases(2)
    repeated.id = stored   # the second row repeats a stored case's key
    with pytest.raises(IntegrityError), sup.db.write() as conn:
        insert_new_cases(sup, conn, [new, repeated])
    with sup.db.read() as conn:
        after = [conn.execute(select(func.count()).select_from(t)).scalar() for t in counted]
        assert conn.execute(select(cases.c.id).where(cases.c.id == new.id)).first() is None
    assert after == before
    sup.db.dispose()

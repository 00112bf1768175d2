"""Two real nodes (a room and its supervisor) in temporary folders, enrolled both ways, plus ways to
forge validly signed packages with bad contents and to compare whole databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import mediation_desktop.sync.trust as trust
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.container import open_package, write_package
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.importer import import_packages
from mediation_desktop.sync.keys import export_card, fingerprint


def make_node(root: Path, role: str, name: str, code: str) -> Backend:
    backend = Backend(DataPaths.resolve(root), "测试员")
    backend.migrate()
    backend.initialise(name, code, role)
    trust.create_keys(backend)
    return backend


def enrol(a: Backend, b: Backend) -> None:
    """a trusts b and b trusts a, each after checking the other's fingerprint."""
    for me, other in ((a, b), (b, a)):
        keys = trust.node_keys(other)
        card = me.paths.root / f"{other.node.org.code}.card"
        card.write_bytes(export_card(keys))
        trust.trust(me, card, fingerprint(keys))


def make_pair(tmp_path: Path, cases: int = 20) -> tuple[Backend, Backend]:
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    if cases:
        fill_demo(room, cases, seed=7)
    return room, sup


def export_one(backend: Backend, out: Path, **kw) -> Path:
    (result,) = export_packages(backend, out, **kw)
    return result.path


def import_one(backend: Backend, path: Path, dry_run: bool = False):
    (report,) = import_packages(backend, [path], dry_run=dry_run)
    return report


def dump(backend: Backend) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two dumps are equal when the database is logically the same."""
    con = sqlite3.connect(backend.paths.database)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
        return {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        con.close()


def rewrap(sender: Backend, receiver: Backend, package: Path, out: Path,
           mutate: Callable[[dict[str, bytes]], None], *, origin_seq: tuple[int, int] | None = None,
           kind: str | None = None) -> Path:
    """A package signed by ``sender`` with the contents of ``package`` changed by ``mutate``."""
    with receiver.db.read() as conn:
        opened = open_package(package, me=trust.node_keys(receiver), known_peers=trust.peer_lookup(conn),
                              schema_versions={rec.SYNC_SCHEMA_VERSION})
    entries = dict(opened.entries)
    mutate(entries)
    h = opened.header
    return write_package(out, sender=trust.node_keys(sender), recipients=[trust.node_keys(receiver).public()],
                         entries=entries, header_fields={"schema_version": h.schema_version, "kind": kind or h.kind,
                                                         "origin_seq": origin_seq or h.origin_seq,
                                                         "meta": dict(h.meta)})

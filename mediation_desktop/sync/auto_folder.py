""""When a connection is available": a configured outbox/inbox folder (a mapped network share, say)
used automatically whenever it is reachable. Qt-free; the GUI calls :func:`sync_with_folder` on a
timer and shows :func:`last_received` in the status bar.

Each run: if the outbox folder is reachable, write a package when there is anything new for a
recipient; if the inbox folder is reachable, import every package there not seen before (with all the
usual checks; held and already-imported ones are fine). Imported and rejected files are moved to
``done/`` and ``rejected/`` beside them, so the inbox shows only what still waits.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync.container import SUFFIX
from mediation_desktop.sync.export import ack_sent_key, export_packages, recipients
from mediation_desktop.sync.importer import import_packages

log = logging.getLogger(__name__)


@dataclass
class FolderReport:
    outbox_reachable: bool = False
    inbox_reachable: bool = False
    written: list[str] = field(default_factory=list)
    imported: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"outbox_reachable": self.outbox_reachable, "inbox_reachable": self.inbox_reachable,
                "written": self.written, "imported": self.imported, "errors": self.errors}


def _reachable(folder: Path | None) -> bool:
    try:
        return folder is not None and Path(folder).is_dir()
    except OSError:  # an unplugged share can raise instead of answering False
        return False


def _has_news(backend: Backend) -> bool:
    """Something to send: our outbox moved past what we exported to some recipient (ignoring the
    export markers themselves, or we would send forever), or we have received more of a peer's
    changes than we last acknowledged to it (so a room learns promptly that the district has its
    data, even when the district has nothing else to say)."""
    me = backend.node
    with backend.db.read() as conn:
        try:
            targets = recipients(conn, me.role, None)
        except UserError:
            return False
        last = sync_repo.last_seq(conn)
        for peer in targets:
            held = sync_repo.origin_state(conn, peer.node_id)
            acked = int(sync_repo.get_setting(conn, ack_sent_key(peer.node_id)) or 0)
            if held and held.high_water > acked:
                # Only real changes deserve an answer: acknowledging a bare export marker would
                # make two nodes answer each other's acknowledgements forever.
                got = sync_repo.applied_changes(conn, peer.node_id, acked + 1, held.high_water)
                if any(entity != "package" for entity, _, _ in got.values()):
                    return True
            _, exported = sync_repo.ack_state(conn, peer.node_id)
            if any(r.entity != "package" for r in sync_repo.outbox_range(conn, me.node_id, exported + 1, last)):
                return True
    return False


def sync_with_folder(backend: Backend, outbox_dir: Path | None, inbox_dir: Path | None) -> FolderReport:
    report = FolderReport(_reachable(outbox_dir), _reachable(inbox_dir))
    # Read the inbox first, so that what goes out acknowledges what just came in.
    if report.inbox_reachable and inbox_dir is not None:
        inbox = Path(inbox_dir)
        files = sorted(p for p in inbox.iterdir() if p.suffix == SUFFIX and p.is_file() and not p.name.startswith("."))
        if files:
            for r in import_packages(backend, files):
                report.imported.append(r.as_json())
                _file_away(Path(r.file), "rejected" if r.status == "rejected" else
                           (None if r.status == "held" else "done"))
    if report.outbox_reachable and outbox_dir is not None and _has_news(backend):
        try:
            report.written = [str(r.path) for r in export_packages(backend, Path(outbox_dir))]
        except UserError as exc:
            report.errors.append(f"{exc.code}: {exc.message}")
    return report


def _file_away(path: Path, where: str | None) -> None:
    """Move a handled package out of the inbox (held ones stay: we keep our own copy anyway)."""
    if where is None:
        where = "done"
    try:
        target = path.parent / where
        target.mkdir(exist_ok=True)
        shutil.move(str(path), str(target / path.name))
    except OSError as exc:  # a read-only share: leave it, re-import is a no-op
        log.info("could not move %s: %s", path.name, exc)


def last_received(backend: Backend) -> str | None:
    from mediation_desktop.sync.supervisor import last_received as last

    return last(backend)

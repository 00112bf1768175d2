"""Work the window does on its own while someone is signed in: the hourly automatic-backup check and
the shared-folder sync (every few minutes and at start), with the sync state in the status bar.

A mapped network share that has gone away can take many seconds to answer even ``is_dir``, so its
reachability is probed on a thread of its own; only a reachable folder puts sync work on the one
task runner, where it would otherwise hold up searches and saves.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel

from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.changes import EVERYTHING

log = logging.getLogger("mediation_desktop.gui.background")

BACKUP_INTERVAL_MS = 60 * 60 * 1000
SYNC_INTERVAL_MS = 5 * 60 * 1000
OUTBOX_KEY, INBOX_KEY = "sync/outbox", "sync/inbox"


def sync_folders(settings: QSettings) -> tuple[Path | None, Path | None]:
    outbox = settings.value(OUTBOX_KEY, "", str).strip()
    inbox = settings.value(INBOX_KEY, "", str).strip()
    return (Path(outbox) if outbox else None), (Path(inbox) if inbox else None)


def _reachable(folder: Path | None) -> bool:
    try:
        return folder is not None and folder.is_dir()
    except OSError:
        return False


def _when(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else "尚无"


class _Probe(QObject):
    answered = Signal(object)   # (outbox reachable, inbox reachable): never a bare None (PySide6 6.12)


class BackgroundWork(QObject):
    synced = Signal(object)     # the FolderReport, or a (False, False) probe when nothing ran

    def __init__(self, ctx: AppContext, settings: QSettings, status: QLabel, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx, self.settings, self.status = ctx, settings, status
        self.folder_state = "未设置"
        self.last_received: str | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(SYNC_INTERVAL_MS)
        self.sync_timer.timeout.connect(self.sync_now)
        self._probe = _Probe(self)
        self._probe.answered.connect(self._probed)
        self._syncing = False

    def start(self) -> None:
        self.backup_timer.start()
        self.sync_timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.backup_timer.stop()
        self.sync_timer.stop()

    # -- backups -------------------------------------------------------------------------------------
    def backup_if_due(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.services.backups import maybe_auto_backup

        self.ctx.runner.run(lambda: maybe_auto_backup(backend), None)

    # -- the shared folder -----------------------------------------------------------------------------
    def sync_now(self) -> None:
        """Probe the configured folders off the GUI thread; sync only when one answers."""
        if self.ctx.backend is None or self._syncing:
            return
        outbox, inbox = sync_folders(self.settings)
        if outbox is None and inbox is None:
            self.folder_state = "未设置"
            self._read_last_received()
            return
        self._syncing = True
        probe = self._probe

        def ask() -> None:
            answer = (_reachable(outbox), _reachable(inbox))
            try:
                probe.answered.emit(answer)
            except RuntimeError:  # the window closed while the share kept us waiting
                pass

        threading.Thread(target=ask, name="sync-folder-probe", daemon=True).start()

    def _probed(self, reachable: tuple[bool, bool]) -> None:
        backend = self.ctx.backend
        if backend is None:
            self._syncing = False
            return
        if not any(reachable):
            self._syncing = False
            self.folder_state = "无法访问"
            self._read_last_received()
            self.synced.emit(reachable)
            return
        outbox, inbox = sync_folders(self.settings)
        outbox = outbox if reachable[0] else None
        inbox = inbox if reachable[1] else None

        def work():  # (FolderReport, last received)
            from mediation_desktop.sync.auto_folder import sync_with_folder
            from mediation_desktop.sync.supervisor import last_received

            return sync_with_folder(backend, outbox, inbox), last_received(backend)

        def failed(exc: BaseException) -> bool:
            from mediation_desktop.core.errors import UserError

            self._syncing = False
            self.folder_state = "同步出错"
            self._show()
            log.warning("shared-folder sync failed: %s", exc)
            return isinstance(exc, UserError)   # anything else is a bug: the crash dialog

        self.ctx.runner.run(work, self._synced, on_error=failed)

    def _synced(self, result) -> None:
        report, last = result
        self._syncing = False
        self.last_received = last
        if report.errors:
            self.folder_state = "同步出错"
        else:
            sent = f"，发出 {len(report.written)} 个包" if report.written else ""
            got = f"，收到 {len(report.imported)} 个包" if report.imported else ""
            self.folder_state = "可用" + sent + got
        self._show()
        if report.imported:
            self.ctx.announce(EVERYTHING)   # packages bring cases, remarks, notices and peers
        self.synced.emit(report)

    def _read_last_received(self) -> None:
        backend = self.ctx.backend

        def work():
            from mediation_desktop.sync.supervisor import last_received

            return last_received(backend)

        def done(last) -> None:
            self.last_received = last
            self._show()

        self.ctx.runner.run(work, done)

    def _show(self) -> None:
        backend = self.ctx.backend
        supervisor = backend is not None and backend.node.role == "supervisor"
        who = "最近收到调解组织数据" if supervisor else "区人社最近收到数据"
        self.status.setText(f"{who}：{_when(self.last_received)}　共享文件夹：{self.folder_state}")


class _Checked(QObject):
    answered = Signal(object)   # the quick_check's problems (a list, empty when sound)


class BackgroundCheck(QObject):
    """quick_check of the database on a thread of its own, started once the desk is up.

    It reads the whole file (about half a minute at a million cases) through its own read-only
    connection; SQLite leaves the GIL while it reads, so the window stays usable meanwhile. A
    damaged file is reported through ``damaged`` (the window then puts its session down and offers
    the recovery dialog). An answer that arrives after ``cancel`` (the window closed, or the
    database was restored meanwhile) is dropped."""

    damaged = Signal(str)     # E_DATABASE_DAMAGED's message, with the newest good backup named
    done = Signal(bool)       # True: sound; False: damaged

    def __init__(self, paths, parent: QObject | None = None):  # paths.DataPaths
        super().__init__(parent)
        self.paths = paths
        self.running = False
        self._generation = 0
        self._answer = _Checked(self)
        self._answer.answered.connect(self._answered)

    def start(self) -> None:
        from mediation_desktop.services import integrity

        self._generation += 1
        generation, paths, answer = self._generation, self.paths, self._answer
        self.running = True

        def check() -> None:
            try:
                problems = integrity.quick_check(paths)
            except Exception as exc:  # noqa: BLE001 - an unreadable file is a damaged one here
                problems = [str(exc) or type(exc).__name__]
            try:
                answer.answered.emit((generation, problems))
            except RuntimeError:  # the window closed while the check ran
                pass

        threading.Thread(target=check, name="quick-check", daemon=True).start()

    def cancel(self) -> None:
        self._generation += 1
        self.running = False

    def _answered(self, answer: tuple[int, list[str]]) -> None:
        generation, problems = answer
        if generation != self._generation:
            return
        self.running = False
        if problems:
            from mediation_desktop.services.integrity import damaged_error

            self.done.emit(False)
            self.damaged.emit(damaged_error(self.paths, problems).message)
        else:
            self.done.emit(True)

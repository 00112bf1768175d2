"""The one task runner: database and file work runs off the GUI thread, results come back by signal.

All work goes through a single worker thread (SQLite serialises writers anyway, and ordered work
means a refresh always sees the change before it). A progress dialog appears only if a task with a
label takes longer than ``PROGRESS_DELAY_MS``. A :class:`UserError` becomes a Chinese message box
with its message; any other exception is logged and opens the crash dialog; the window stays usable.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.changes import NOTHING, Changes

log = logging.getLogger("mediation_desktop.gui.tasks")

PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """Raised inside a task's progress callback once the user pressed 取消."""


class _Boxed:
    """Results cross threads inside a box: emitting a bare ``None`` through a ``Signal(object)``
    from a worker thread corrupted None's reference count in PySide6 6.12 (a fatal error after
    many emissions), so no bare Python singleton is ever sent."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = task.fn(task.report) if task.wants_progress else task.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            task.signals.failed.emit(_Boxed(exc), traceback.format_exc())
        else:
            task.signals.finished.emit(_Boxed(result))


class Task:
    """One unit of work; ``report(done, total)`` may be called from the work to move the bar."""

    def __init__(self, runner: TaskRunner, fn: Callable[..., Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], bool] | None, label: str | None, wants_progress: bool,
                 parent: QWidget | None, changes: Changes = NOTHING):
        self.runner, self.fn, self.on_done, self.on_error = runner, fn, on_done, on_error
        self.changes = changes
        self.label, self.wants_progress, self.parent = label, wants_progress, parent
        self.cancelled = False
        self.done = False
        self.dialog: QProgressDialog | None = None
        self.signals = _Signals()
        self.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._last = (0, 0)

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(int(done), int(total))

    # -- GUI thread ---------------------------------------------------------------------------------
    def _show_progress(self) -> None:
        if self.done or not self.label:
            return
        dialog = QProgressDialog(self.label, "取消", 0, 0, self.parent)
        dialog.setWindowTitle("请稍候")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self.wants_progress:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._cancel)
        done, total = self._last
        if total:
            dialog.setRange(0, total)
            dialog.setValue(done)
        dialog.show()
        self.dialog = dialog

    def _cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self.dialog is not None and total:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.runner._forget(self)

    def _finished(self, boxed: _Boxed) -> None:
        result = boxed.value
        self._close()
        if self.changes:
            self.runner.changed.emit(self.changes)   # pages refresh before the caller's own handler
        if self.on_done is not None:
            try:
                self.on_done(result)
            except Exception as exc:  # noqa: BLE001 - a bug in a result handler must not kill the app
                self.runner.report_failure(exc, traceback.format_exc(), self.parent)

    def _failed(self, boxed: _Boxed, tb: str) -> None:
        exc = boxed.value
        self._close()
        if isinstance(exc, Cancelled):
            return
        if self.on_error is not None and self.on_error(exc):
            return
        self.runner.report_failure(exc, tb, self.parent)


class TaskRunner(QObject):
    """Runs callables on one worker thread. ``idle`` turns True when nothing is queued or running."""

    all_done = Signal()
    changed = Signal(object)   # services.changes.Changes of a task that succeeded

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._live: set[Task] = set()
        self.log_path: str = ""

    def run(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None, *,
            on_error: Callable[[BaseException], bool] | None = None, label: str | None = None,
            progress: bool = False, parent: QWidget | None = None, changes: Changes = NOTHING) -> Task:
        """Queue ``fn`` (called as ``fn(report)`` when ``progress``). ``on_error`` may return True
        to say it handled an error itself; otherwise errors are shown the standard way. ``changes``
        names the kinds of record the work changes; ``changed`` announces them once it succeeded."""
        task = Task(self, fn, on_done, on_error, label, progress, parent, changes)
        self._live.add(task)
        if label:
            QTimer.singleShot(PROGRESS_DELAY_MS, task._show_progress)
        self.pool.start(_Job(task))
        return task

    def _forget(self, task: Task) -> None:
        self._live.discard(task)
        if not self._live:
            self.all_done.emit()

    @property
    def idle(self) -> bool:
        return not self._live

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (shutdown only; signals are delivered afterwards)."""
        return self.pool.waitForDone(msecs)

    def report_failure(self, exc: BaseException, tb: str, parent: QWidget | None) -> None:
        from mediation_desktop.core.environment_errors import environment_fault
        from mediation_desktop.gui import messages

        fault = environment_fault(exc)
        if fault is not None:  # refused input, or a full disk / read-only folder: the user's to fix
            if not isinstance(exc, UserError):
                log.info("background task stopped by the environment: %s", exc)
            messages.show_user_error(parent, fault)
            return
        log.error("unexpected error in a background task:\n%s", tb)
        from mediation_desktop.gui.crash import show_crash

        show_crash(parent, exc, tb, self.log_path)

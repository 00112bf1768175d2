"""What every page needs: the open back end, the task runner, settings and the "what changed" signals.

Pages receive this small object instead of the main window, so each page can be built and tested
on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.gui.i18n import name_collator
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.services.changes import Changes

if TYPE_CHECKING:
    from mediation_desktop.services.backend import Backend


class AppContext(QObject):
    changed = Signal(object)          # services.changes.Changes: what a finished operation changed
    cases_changed = Signal()          # case records changed: lists and the desk refresh
    open_case = Signal(str)           # a case id to show in the detail page

    def __init__(self, runner: TaskRunner, settings: QSettings, today: Callable[[], date] = clock_today,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.today = today
        self.backend: Backend | None = None
        self.collator = name_collator()
        runner.changed.connect(self.announce)

    def announce(self, changes: Changes) -> None:
        """Tell the pages what changed (the runner calls this for every successful operation)."""
        self.changed.emit(changes)
        if changes.cases:
            self.cases_changed.emit()

    def require_backend(self) -> Backend:
        if self.backend is None:
            from mediation_desktop.core.errors import UserError

            raise UserError("E_NOT_READY", "数据库尚未打开，请稍候再试")
        return self.backend

    def name_key(self, text: str):
        return self.collator.sortKey(text or "")

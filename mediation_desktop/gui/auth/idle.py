"""Lock the window after idle time: any key or mouse input restarts the clock; when it runs out
the window's content is hidden and the unlock dialog asks for the password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from mediation_desktop.gui.context import AppContext

DEFAULT_IDLE_MINUTES = 10
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, ctx: AppContext, window: QMainWindow, minutes: float = DEFAULT_IDLE_MINUTES,
                 ask_password: Callable[[], bool] | None = None):
        super().__init__(window)
        self.ctx = ctx   # the back end of the moment is asked at unlock time (a restore may have replaced it)
        self.window = window
        self.is_locked = False
        self._ask = ask_password or self._dialog
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() in _INPUT and not self.is_locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)  # personal data is not left on the screen
        self.locked.emit()
        if self._ask():
            self.unlock()

    def unlock(self) -> None:
        self.is_locked = False
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.timer.start()
        self.unlocked.emit()

    def _dialog(self) -> bool:
        from mediation_desktop.gui.auth.signin import SignInDialog

        backend = self.ctx.require_backend()
        dialog = SignInDialog(backend, self.window, locked_user=backend.user)
        return dialog.exec() == SignInDialog.DialogCode.Accepted

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

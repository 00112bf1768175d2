"""The sign-in dialog (also the unlock dialog after idle time) and the first-account dialog.

Passwords are checked (and the first one hashed) on a thread of their own: argon2 at its real cost
takes a good part of a second, and the dialog meanwhile stays responsive and says 正在验证….
argon2 releases the GIL, so at start-up the check runs beside the desk's read on the task runner.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui.forms.ui_first_user import Ui_FirstUserDialog
from mediation_desktop.gui.forms.ui_signin import Ui_SignInDialog

CHECKING = "正在验证…"
ERROR_STYLE, CHECKING_STYLE = "color: #b3261e", "color: #5f6368"


class _Verdict(QObject):
    # (result, None) or (None, the exception): never a bare None across threads (PySide6 6.12)
    answered = Signal(object)


class _OffThread:
    """One account operation at a time on a thread of its own; ``answered(result, exc)`` runs on
    the GUI thread with its outcome."""

    def __init__(self, owner: QObject, answered: Callable[[Any, UserError | None], None]):
        self._thread: threading.Thread | None = None
        self._waiting: QEventLoop | None = None
        self._answered = answered
        self._verdict = _Verdict(owner)
        self._verdict.answered.connect(self._done, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, work: Callable[[], Any]) -> None:
        verdict = self._verdict

        def run() -> None:
            try:
                result: tuple = (work(), None)
            except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the dialog
                result = (None, exc)
            try:
                verdict.answered.emit(result)
            except RuntimeError:
                pass   # the dialog went away meanwhile

        self._thread = threading.Thread(target=run, name="account-check", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the outcome has been handled, the event loop running meanwhile. ``_done`` runs
        only on this thread's event loop, so either it ran already (no thread) or it ends this
        loop: no verdict can slip past between the check and the loop."""
        if self._thread is None:
            return
        self._waiting = QEventLoop()
        try:
            self._waiting.exec()
        finally:
            self._waiting = None

    def _done(self, result: tuple) -> None:
        self._thread = None
        if self._waiting is not None:
            self._waiting.quit()   # returns once this handler is done
        value, exc = result
        if exc is not None and not isinstance(exc, UserError):
            raise exc   # a fault, not a refusal: the crash dialog and the log have it
        self._answered(value, exc)


def _show_checking(label: QLabel, checking: bool) -> None:
    label.setStyleSheet(CHECKING_STYLE if checking else ERROR_STYLE)
    label.setText(CHECKING if checking else "")


class SignInDialog(QDialog):
    """On accept, ``account`` is set and the back end acts as that account. With ``locked_user``
    it unlocks a locked window: the name is fixed and cancelling is not offered. ``refused`` says
    a check failed (the start-up sequence then drops the desk it read behind the dialog)."""

    refused = Signal(str)

    def __init__(self, backend, parent: QWidget | None = None, locked_user: str | None = None):
        super().__init__(parent)
        self.backend = backend
        self.account = None
        self._locked = bool(locked_user)
        self._check = _OffThread(self, self._answered)
        self.ui = Ui_SignInDialog()   # the form: ui/signin.ui
        self.ui.setupUi(self)
        self.name, self.password, self.error = self.ui.name, self.ui.password, self.ui.error
        if locked_user:
            self.setWindowTitle("已锁定，请重新登录")
            self.ui.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
        self.ui.locked_note.setVisible(bool(locked_user))
        self.name.setText(locked_user or "")
        self.name.setReadOnly(bool(locked_user))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登录")
        self.ui.buttons.accepted.connect(self.check)
        self.ui.buttons.rejected.connect(self.reject)
        (self.password if locked_user else self.name).setFocus()

    @property
    def checking(self) -> bool:
        return self._check.running

    def check(self) -> None:
        """Start checking the name and password; the verdict accepts the dialog or says why not."""
        if self._check.running:
            return   # one check at a time: a second press of Enter waits for the first
        from mediation_desktop.services.accounts import sign_in

        backend, name, password = self.backend, self.name.text(), self.password.text()
        self._set_checking(True)
        self._check.start(lambda: sign_in(backend, name, password))

    def try_sign_in(self) -> None:
        """Check and wait for the verdict, the event loop running meanwhile (for a caller that
        fills the dialog from a script: the screenshots, the tests, the start-up benchmark)."""
        self.check()
        self._check.wait()

    def _set_checking(self, checking: bool) -> None:
        self.ui.buttons.setEnabled(not checking)
        self.password.setReadOnly(checking)
        if not self._locked:
            self.name.setReadOnly(checking)
        _show_checking(self.error, checking)

    def _answered(self, account: Any, exc: UserError | None) -> None:
        self._set_checking(False)
        if exc is None:
            self.account = account
            self.accept()
            return
        self.error.setText(exc.message)
        self.password.clear()
        self.password.setFocus()
        self.refused.emit(exc.message)

    def reject(self) -> None:
        if self.name.isReadOnly():
            return  # a locked window opens only with the password (and nobody leaves mid-check)
        super().reject()


class FirstUserDialog(QDialog):
    """Setup: the first account (the head who also administers, by default)."""

    def __init__(self, backend, parent: QWidget | None = None, suggested_name: str = ""):
        super().__init__(parent)
        self.backend = backend
        self.account = None
        self.ui = Ui_FirstUserDialog()   # the form: ui/first_user.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.name, self.display, self.password, self.again, self.error = (
            ui.name, ui.display, ui.password, ui.again, ui.error)
        self.name.setText(suggested_name)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("创建")
        ui.buttons.accepted.connect(self.submit)
        ui.buttons.rejected.connect(self.reject)
        self._hashing = _OffThread(self, self._created)

    def submit(self) -> None:
        """Start making the account (argon2 hashes the password on a thread of its own)."""
        if self._hashing.running:
            return
        from mediation_desktop.services.accounts import create_first_user

        if self.password.text() != self.again.text():
            self.error.setText("两次输入的密码不一致")
            return
        backend, name, password, display = self.backend, self.name.text(), self.password.text(), self.display.text()
        self._set_busy(True)
        self._hashing.start(lambda: create_first_user(backend, name, password, display))

    def create(self) -> None:
        """Make the account and wait for the outcome (a caller that fills the dialog from a script)."""
        self.submit()
        self._hashing.wait()

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttons.setEnabled(not busy)
        for edit in (self.name, self.display, self.password, self.again):
            edit.setReadOnly(busy)
        _show_checking(self.error, busy)

    def _created(self, account: Any, exc: UserError | None) -> None:
        self._set_busy(False)
        if exc is not None:
            self.error.setText(exc.message)
            return
        self.account = account
        self.backend.user, self.backend.role = account.name, account.role
        self.accept()

    def reject(self) -> None:
        if self._hashing.running:
            return   # the account is being made: its outcome decides
        super().reject()

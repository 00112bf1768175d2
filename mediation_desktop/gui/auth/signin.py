"""The sign-in dialog (also the unlock dialog after idle time) and the first-account dialog.

The password is checked on a thread of its own: argon2 at its real cost takes a good part of a
second, and the dialog meanwhile stays responsive and says 正在验证…. argon2 releases the GIL, so
the check also runs beside the desk's read on the task runner.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui.forms.ui_first_user import Ui_FirstUserDialog
from mediation_desktop.gui.forms.ui_signin import Ui_SignInDialog


class _Verdict(QObject):
    # (account, None) or (None, the exception): never a bare None across threads (PySide6 6.12)
    answered = Signal(object)


CHECKING = "正在验证…"


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
        self._checking: threading.Thread | None = None
        self._verdict = _Verdict(self)
        self._verdict.answered.connect(self._answered, Qt.ConnectionType.QueuedConnection)
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
        return self._checking is not None

    def check(self) -> None:
        """Start checking the name and password; the verdict accepts the dialog or says why not."""
        if self._checking is not None:
            return   # one check at a time: a second press of Enter waits for the first
        from mediation_desktop.services.accounts import sign_in

        backend, name, password = self.backend, self.name.text(), self.password.text()
        verdict = self._verdict

        def work() -> None:
            try:
                result: tuple = (sign_in(backend, name, password), None)
            except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the dialog
                result = (None, exc)
            try:
                verdict.answered.emit(result)
            except RuntimeError:
                pass   # the dialog went away while the password was checked

        self._set_checking(True)
        self._checking = threading.Thread(target=work, name="sign-in", daemon=True)
        self._checking.start()

    def try_sign_in(self) -> None:
        """Check and wait for the verdict, the event loop running meanwhile (for a caller that
        fills the dialog from a script: the screenshots, the tests, the start-up benchmark)."""
        self.check()
        if self._checking is None:
            return
        loop = QEventLoop()
        self._verdict.answered.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        loop.exec()   # the verdict's own handler runs first: it was connected first

    def _set_checking(self, checking: bool) -> None:
        self.ui.buttons.setEnabled(not checking)
        self.password.setReadOnly(checking)
        if not self._locked:
            self.name.setReadOnly(checking)
        if checking:
            self.error.setStyleSheet("color: #5f6368")
            self.error.setText(CHECKING)
        else:
            self.error.setStyleSheet("color: #b3261e")
            self.error.setText("")

    def _answered(self, result: tuple) -> None:
        account, exc = result
        self._checking = None
        self._set_checking(False)
        if exc is None:
            self.account = account
            self.accept()
            return
        if not isinstance(exc, UserError):
            raise exc   # a fault, not a refusal: the crash dialog and the log have it
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
        ui.buttons.accepted.connect(self.create)
        ui.buttons.rejected.connect(self.reject)

    def create(self) -> None:
        from mediation_desktop.services.accounts import create_first_user

        if self.password.text() != self.again.text():
            self.error.setText("两次输入的密码不一致")
            return
        try:
            self.account = create_first_user(self.backend, self.name.text(), self.password.text(),
                                             self.display.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.backend.user, self.backend.role = self.account.name, self.account.role
        self.accept()

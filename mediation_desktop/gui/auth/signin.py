"""The sign-in dialog (also the unlock dialog after idle time) and the first-account dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui.forms.ui_first_user import Ui_FirstUserDialog
from mediation_desktop.gui.forms.ui_signin import Ui_SignInDialog


class SignInDialog(QDialog):
    """On accept, ``account`` is set and the back end acts as that account. With ``locked_user``
    it unlocks a locked window: the name is fixed and cancelling is not offered."""

    def __init__(self, backend, parent: QWidget | None = None, locked_user: str | None = None):
        super().__init__(parent)
        self.backend = backend
        self.account = None
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
        self.ui.buttons.accepted.connect(self.try_sign_in)
        self.ui.buttons.rejected.connect(self.reject)
        (self.password if locked_user else self.name).setFocus()

    def try_sign_in(self) -> None:
        from mediation_desktop.services.accounts import sign_in

        try:
            self.account = sign_in(self.backend, self.name.text(), self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            return
        self.accept()

    def reject(self) -> None:
        if self.name.isReadOnly():
            return  # a locked window opens only with the password
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

"""The sign-in dialog (also the unlock dialog after idle time) and the first-account dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from mediation_desktop.core.errors import UserError


class SignInDialog(QDialog):
    """On accept, ``account`` is set and the back end acts as that account. With ``locked_user``
    it unlocks a locked window: the name is fixed and cancelling is not offered."""

    def __init__(self, backend, parent: QWidget | None = None, locked_user: str | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.backend = backend
        self.account = None
        self.setWindowTitle("已锁定，请重新登录" if locked_user else "登录")
        self.name = QLineEdit(locked_user or "")
        self.name.setReadOnly(bool(locked_user))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("用户名", self.name)
        form.addRow("密码", self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | (QDialogButtonBox.StandardButton.NoButton if locked_user
                                      else QDialogButtonBox.StandardButton.Cancel))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登录")
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked_user:
            layout.addWidget(QLabel("长时间未操作，窗口已锁定。请输入密码继续。"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
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

    def __init__(self, backend, parent: QWidget | None = None, suggested_name: str = ""):  # noqa: ANN001
        super().__init__(parent)
        self.backend = backend
        self.account = None
        self.setWindowTitle("创建第一个账户")
        self.name = QLineEdit(suggested_name)
        self.display = QLineEdit()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("用户名", self.name)
        form.addRow("姓名", self.display)
        form.addRow("密码（至少8位）", self.password)
        form.addRow("再输入一次", self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("创建")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("这个账户是组织负责人，同时是管理员，可以为其他人员建立账户。"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

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

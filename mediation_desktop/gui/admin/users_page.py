"""User management for administrators: list, add, disable/enable, reset a password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.services import accounts
from mediation_desktop.services.changes import USERS
from mediation_desktop.services.permissions import ROLE_LABELS

ROLE_CHOICES = [("mediator", "调解员"), ("head", "组织负责人"), ("supervisor", "区人社监管"), ("admin", "管理员"),
                ("head+admin", "组织负责人兼管理员")]


class AddUserDialog(QDialog):
    """The new account's fields. 确定 asks the page to save (``on_submit``); a refusal (a weak password,
    a name already taken) is shown here and everything typed stays, so only the refused field changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("添加用户")
        self.on_submit: Callable[[], None] | None = None
        self.name, self.display, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for code, label in ROLE_CHOICES:
            self.role.addItem(label, code)
        form = QFormLayout(self)
        form.addRow("用户名", self.name)
        form.addRow("姓名", self.display)
        form.addRow("角色", self.role)
        form.addRow("初始密码", self.password)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c62828;")
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _ok(self) -> None:
        self.error.clear()
        if self.on_submit is None:
            self.accept()
        else:
            self.on_submit()

    def refused(self, message: str) -> None:
        """Show why the account was not added; the fields keep what was typed."""
        self.buttons.setEnabled(True)
        self.error.setText(message)
        field = self.password if "密码" in message else self.name
        field.setFocus()
        field.selectAll()


class UsersPage(QWidget):
    """Every read and change runs on the task runner; a change reloads the list when it is saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["用户名", "姓名", "角色", "状态"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        row = QHBoxLayout()
        for text, slot in (("添加用户", self.add), ("停用", lambda: self.set_active(False)),
                           ("启用/解锁", lambda: self.set_active(True)), ("重设密码", self.reset_password)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        backend = self.ctx.require_backend()
        self.ctx.runner.run(lambda: accounts.list_users(backend), self._show, parent=self)

    def _show(self, found: list) -> None:
        self.table.setRowCount(len(found))
        for i, a in enumerate(found):
            state = "已停用" if not a.active else ("已锁定" if a.locked_until else "正常")
            for j, text in enumerate((a.name, a.display_name, a.role_label, state)):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 else None

    def _do(self, action: Callable[[Any], Any], done: Callable[[], None] | None = None) -> None:
        """``action(backend)`` on the runner; a refusal is shown by the runner, success reloads."""
        backend = self.ctx.require_backend()

        def saved(_result: Any) -> None:
            self.reload()
            if done is not None:
                done()

        self.ctx.runner.run(lambda: action(backend), saved, label="正在保存…", parent=self, changes=USERS)

    def add(self, dialog: AddUserDialog | None = None) -> AddUserDialog:
        """Open the dialog (or save a dialog already filled and accepted); it closes once saved."""
        dialog = dialog or AddUserDialog(self)
        self.add_dialog = dialog
        dialog.on_submit = lambda: self._save_user(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted:
            self._save_user(dialog)
        else:
            dialog.open()
        return dialog

    def _save_user(self, dialog: AddUserDialog) -> None:
        name, password, role, display = (dialog.name.text(), dialog.password.text(), dialog.role.currentData(),
                                         dialog.display.text())
        backend = self.ctx.require_backend()
        dialog.buttons.setEnabled(False)

        def saved(_result: Any) -> None:
            dialog.buttons.setEnabled(True)
            dialog.accept()
            self.reload()

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                dialog.buttons.setEnabled(True)
                return False   # an unexpected fault: the standard crash report
            dialog.setResult(QDialog.DialogCode.Rejected)
            dialog.refused(exc.message)
            if not dialog.isVisible():
                dialog.open()
            return True

        self.ctx.runner.run(lambda: accounts.add_user(backend, name, password, role, display), saved,
                            on_error=failed, label="正在保存…", parent=self, changes=USERS)

    def set_active(self, active: bool) -> None:
        name = self.selected_name()
        if name:
            self._do(lambda backend: accounts.set_active(backend, name, active))

    def reset_password(self, new_password: str | None = None) -> None:
        from PySide6.QtWidgets import QInputDialog

        name = self.selected_name()
        if not name:
            return
        if new_password is None:
            new_password, ok = QInputDialog.getText(self, "重设密码", f"{name} 的新密码（至少8位）：",
                                                    QLineEdit.EchoMode.Password)
            if not ok:
                return
        password = new_password
        self._do(lambda backend: accounts.change_password(backend, name, password),
                 lambda: messages.info(self, "重设密码", f"已重设 {name} 的密码"))


__all__ = ["UsersPage", "AddUserDialog", "ROLE_LABELS"]

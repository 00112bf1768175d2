"""First start: the organisation (with the address and phone its notices print), its role and the
first user account (name and password), then the main window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE


class SetupDialog(QDialog):
    """Collects the answers; the caller runs ``Backend.initialise`` and shows any refusal in ``error``."""

    def __init__(self, parent: QWidget | None = None, user: str = ""):
        super().__init__(parent)
        self.setWindowTitle("首次使用设置")
        layout = QVBoxLayout(self)
        intro = QLabel("欢迎使用调解工作台。请填写本调解组织的信息，只需设置一次。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText("如：和平区劳动人事争议调解中心")
        self.org_code = QLineEdit()
        self.org_code.setPlaceholderText("用于案号，如：津和平")
        self.org_code.setMaxLength(32)
        # Every notice prints "地址：…，联系电话：…": asked here so the first notice is complete.
        self.org_address = QLineEdit()
        self.org_address.setPlaceholderText("如：天津市和平区南营门街道办事处二楼")
        self.org_address.setMaxLength(200)
        self.org_phone = QLineEdit()
        self.org_phone.setPlaceholderText("如：022-23456789")
        self.org_phone.setMaxLength(32)
        self.role = QComboBox()
        self.role.addItem("调解组织（街道、乡镇、企业调解委员会等）", "room")
        self.role.addItem("区人社监管（汇总各调解组织的数据）", "supervisor")
        self.user = QLineEdit(user)
        self.user.setPlaceholderText("登录用的用户名，如您的姓名，记入操作记录")
        self.password = QLineEdit()
        self.password.setPlaceholderText("至少8位")
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("组织名称(&N)：", self.org_name)
        form.addRow("组织代码(&C)：", self.org_code)
        form.addRow("组织地址(&A)：", self.org_address)
        form.addRow("联系电话(&T)：", self.org_phone)
        form.addRow("角色(&R)：", self.role)
        form.addRow("用户名(&U)：", self.user)
        form.addRow("密码(&P)：", self.password)
        form.addRow("再输入一次：", self.again)
        account = QLabel("这个账户是组织负责人，同时是管理员，可以为其他人员建立账户。")
        account.setWordWrap(True)
        account.setStyleSheet("color:#546e7a;")
        layout.addLayout(form)
        layout.addWidget(account)
        self.example = QLabel("")
        self.example.setStyleSheet("color:#546e7a;")
        layout.addWidget(self.example)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始使用")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.org_code.textChanged.connect(self._example)
        self.setMinimumWidth(480)

    def _example(self, code: str) -> None:
        from datetime import date

        self.example.setText(f"案号示例：{code.strip()}劳调〔{date.today().year}〕1号" if code.strip() else "")

    def _check(self) -> None:
        from mediation_desktop.core.errors import UserError
        from mediation_desktop.services.accounts import check_password_strength
        from mediation_desktop.services.organisation import check_contact

        missing = [what for what, edit in (("组织名称", self.org_name), ("组织代码", self.org_code),
                                           ("组织地址", self.org_address), ("联系电话", self.org_phone),
                                           ("用户名", self.user), ("密码", self.password)) if not edit.text().strip()]
        if missing:
            self.error.setText("请填写" + "、".join(missing))
            return
        if any(c.isspace() for c in self.user.text().strip()):
            self.error.setText("用户名不能含空格")
            return
        if self.password.text() != self.again.text():
            self.error.setText("两次输入的密码不一致")
            return
        try:
            check_password_strength(self.password.text())
            for key, edit in (("address", self.org_address), ("phone", self.org_phone)):
                check_contact(key, edit.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def contact(self) -> tuple[str, str]:
        """The organisation's address and phone."""
        return self.org_address.text().strip(), self.org_phone.text().strip()

    def values(self) -> tuple[str, str, str, str]:
        return (self.org_name.text().strip(), self.org_code.text().strip(), self.role.currentData(),
                self.user.text().strip())

"""First start: the organisation (with the address and phone its notices print), its role and the
first user account (name and password), then the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desktop.gui.forms.ui_setup_dialog import Ui_SetupDialog
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE


class SetupDialog(QDialog):
    """Collects the answers; the caller runs ``Backend.initialise`` and shows any refusal in ``error``.
    The fields and their order are in ui/setup_dialog.ui; the checks are here."""

    def __init__(self, parent: QWidget | None = None, user: str = ""):
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.org_name, self.org_code = ui.org_name, ui.org_code
        # Every notice prints "地址：…，联系电话：…": asked here so the first notice is complete.
        self.org_address, self.org_phone = ui.org_address, ui.org_phone
        self.role, self.user, self.password, self.again = ui.role, ui.user, ui.password, ui.again
        self.example, self.error, self.buttons = ui.example, ui.error, ui.buttons
        # The item data are codes, which Designer cannot hold; the visible words stay beside them.
        self.role.addItem("调解组织（街道、乡镇、企业调解委员会等）", "room")
        self.role.addItem("区人社监管（汇总各调解组织的数据）", "supervisor")
        self.user.setText(user)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始使用")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.org_code.textChanged.connect(self._example)

    def _example(self, code: str) -> None:
        from mediation_desktop.core.clock import today

        self.example.setText(f"案号示例：{code.strip()}劳调〔{today().year}〕1号" if code.strip() else "")

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

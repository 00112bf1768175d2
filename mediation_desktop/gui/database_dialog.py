"""设置 → 组织信息 → 数据库服务器…: the PostgreSQL server a district office shares, with 测试连接.

The connection is tried on the task runner's thread (a server that does not answer takes seconds);
the answer, or the reason it failed, is shown in Chinese under the field. Saving stores the URL in
the data folder; it is used from the next start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE
from mediation_desktop.paths import DataPaths

HINT = ("区人社有几位工作人员同时使用、汇总案件超过约一百万件或全市汇总时，可以使用 PostgreSQL 数据库服务器"
        "（建立方法见 installer/postgres/README.md）。留空则使用数据目录中的本机数据库。"
        "保存后重新启动程序生效；密钥、文书和日志仍在本机数据目录中。")


class DatabaseServerDialog(QDialog):
    def __init__(self, paths: DataPaths, runner, parent: QWidget | None = None):  # runner: gui.tasks.TaskRunner
        super().__init__(parent)
        from mediation_desktop.services.database_server import current_setting

        self.paths, self.runner = paths, runner
        self.setWindowTitle("数据库服务器")
        layout = QVBoxLayout(self)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.url = QLineEdit(current_setting(paths))
        self.url.setPlaceholderText("postgresql://用户名:密码@服务器:5432/数据库名")
        self.url.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        layout.addWidget(self.url)
        self.test_button = QPushButton("测试连接")
        self.test_button.clicked.connect(self.test_connection)
        layout.addWidget(self.test_button)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.url.textChanged.connect(lambda _t: self._say(""))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def test_connection(self) -> None:
        from mediation_desktop.services.database_server import try_connection

        url = self.url.text()
        self.test_button.setEnabled(False)
        self._say("正在连接…")

        def done(message: str) -> None:
            self.test_button.setEnabled(True)
            self._say(message)

        def failed(exc: BaseException) -> bool:
            self.test_button.setEnabled(True)
            if isinstance(exc, UserError):
                self._say(f"连接失败：{exc.message}", error=True)
                return True
            return False

        self.runner.run(lambda: try_connection(url), done, on_error=failed, parent=self)

    def save(self) -> None:
        from mediation_desktop.services.database_server import save_setting

        try:
            save_setting(self.paths, self.url.text())
        except UserError as exc:
            self._say(exc.message, error=True)
            return
        self.accept()

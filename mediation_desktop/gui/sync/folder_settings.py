"""设置 → 同步文件夹: the outbox and inbox folders (for example on a mapped network share) used
automatically whenever they are reachable. Stored in the data folder's gui.ini."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.background import INBOX_KEY, OUTBOX_KEY


class SyncFolderDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("同步文件夹")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel("有网络时，程序每5分钟把新的同步包写到“发出”文件夹，并导入“收取”文件夹中的同步包"
                       "（与手动导入同样校验）。可以是映射的网络共享文件夹；留空则不自动同步。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.outbox = self._row(form, "发出文件夹：", settings.value(OUTBOX_KEY, "", str))
        self.inbox = self._row(form, "收取文件夹：", settings.value(INBOX_KEY, "", str))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText("如：Z:\\调解同步\\发出")
        browse = QPushButton("浏览…")
        browse.clicked.connect(lambda: self._browse(edit))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(label, row)
        return edit

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择文件夹", edit.text())
        if folder:
            edit.setText(folder)

    def save(self) -> None:
        self.settings.setValue(OUTBOX_KEY, self.outbox.text().strip())
        self.settings.setValue(INBOX_KEY, self.inbox.text().strip())
        self.settings.sync()
        self.accept()

"""Offered at start-up when the database fails its quick check: restore the newest good backup,
keeping the damaged file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths


class RecoveryDialog(QDialog):
    def __init__(self, paths: DataPaths, message: str, parent: QWidget | None = None, user: str = "system"):
        super().__init__(parent)
        from mediation_desktop.services.backups import newest_good_backup

        self.paths, self.user = paths, user
        self.used: Path | None = None
        self.setWindowTitle("数据库已损坏")
        self.good = newest_good_backup(paths)
        text = QLabel(message)
        text.setWordWrap(True)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox()
        if self.good is not None:
            buttons.addButton(f"从备份 {self.good.name} 恢复", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("退出程序", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.recover)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel("损坏的文件会改名保留在数据目录中，不会删除。"))
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def recover(self) -> None:
        from mediation_desktop.services.backups import recover_from_backup

        try:
            self.used = recover_from_backup(self.paths, self.user, lock_held_by_caller=True)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

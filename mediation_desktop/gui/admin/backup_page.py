"""Backups in the GUI: the list, back up now, check, restore a chosen backup (administrators), and
the data-folder location warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.services import backups
from mediation_desktop.services.changes import EVERYTHING
from mediation_desktop.services.data_location import location_warnings
from mediation_desktop.services.permissions import backend_role, require

REASONS = {"auto": "每日自动", "manual": "手动", "import": "导入前", "migration": "升级前", "restore": "恢复前"}


class BackupPage(QWidget):
    """``restored`` callback: the page closes the back end before a restore; the caller reopens.
    Listing, backing up, checking and restoring all run on the task runner; the services check who
    may back up and restore."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, restored=None):
        super().__init__(parent)
        self.ctx = ctx
        self.restored = restored
        self.files: list[backups.BackupFile] = []
        paths = ctx.require_backend().paths
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["时间", "原因", "大小"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        row = QHBoxLayout()
        for text, slot in (("立即备份", self.backup_now), ("检查数据库", self.check), ("从所选备份恢复", self.restore_selected)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(f"备份保存在 {paths.backups}。建议定期把备份复制到加密的移动硬盘等其他地方。"))
        self.reload()

    def reload(self) -> None:
        paths = self.ctx.require_backend().paths
        self.ctx.runner.run(lambda: (location_warnings(paths.root), backups.list_backups(paths.backups)),
                            self._show, parent=self)

    def _show(self, found: tuple[list[str], list[backups.BackupFile]]) -> None:
        warnings, self.files = found
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.table.setRowCount(len(self.files))
        for i, b in enumerate(self.files):
            for j, text in enumerate((b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), REASONS.get(b.reason, b.reason),
                                      f"{b.size // 1024} KB")):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def backup_now(self) -> None:
        backend = self.ctx.require_backend()

        def done(path: Path | None) -> None:
            self.reload()
            messages.info(self, "备份", f"已备份（完整性检查通过）：{path.name if path else ''}")

        self.ctx.runner.run(lambda: backups.backup_now(backend), done, label="正在备份…", parent=self)

    def check(self) -> None:
        from mediation_desktop.services.integrity import full_check

        paths = self.ctx.require_backend().paths

        def shown(report) -> None:
            if report.ok:
                messages.info(self, "检查数据库", "检查通过：数据库完整，审计日志未被改动。")
            else:
                messages.warn(self, "检查数据库", "发现问题：\n" + "\n".join(report.problems[:10]))

        self.ctx.runner.run(lambda: full_check(paths), shown, label="正在检查数据库…", parent=self)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        backend = self.ctx.require_backend()
        source, role = self.files[row].path, backend_role(backend)
        try:
            require(role, "backup.restore")   # ask nothing of someone the service would refuse
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        if not messages.ask(self, "从备份恢复", f"用 {source.name} 替换当前数据库？当前数据库会先备份并保留在数据目录中。",
                            yes="恢复", no="取消"):
            return
        paths, user = backend.paths, backend.user

        def work() -> backups.RestoreResult:
            # The runner runs one task at a time, so nothing else holds the file while it is replaced.
            backend.close()
            return backups.restore_database(paths, source, user, lock_held_by_caller=True, role=role)

        def done(result: backups.RestoreResult) -> None:
            if self.restored is not None:
                self.restored()
            messages.info(self, "从备份恢复",
                          f"已恢复。被替换的数据库保留为 {result.replaced.name if result.replaced else '（无）'}")

        def failed(exc: BaseException) -> bool:
            if self.restored is not None:
                self.restored()   # the back end was closed: open again, whatever happened
            return False

        self.ctx.runner.run(work, done, on_error=failed, label="正在恢复…", parent=self, changes=EVERYTHING)

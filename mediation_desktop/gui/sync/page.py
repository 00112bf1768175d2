"""The sync page (同步): export a package (then say when the stick is safe to remove), import with a
dry-run report the user confirms, this node's fingerprint in groups people can read aloud, and per
enrolled node the sync status (for a supervisor: every room). All work runs on the task runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.changes import EVERYTHING, SYNC, Changes

STATUS_LABELS = {"imported": "已导入", "already_imported": "此前已导入", "held": "已暂存（等待缺少的包）",
                 "rejected": "已拒绝"}
# A dry run has imported nothing: its confirmation says what would happen.
DRY_RUN_LABELS = {**STATUS_LABELS, "imported": "可以导入", "held": "将暂存（等待缺少的包）", "rejected": "不能导入"}
COLUMNS = ("机构", "代码", "角色", "已收到序号", "缺口", "暂存", "案件", "冲突", "最后联系", "状态")


def spoken_groups(fingerprint: str) -> str:
    """'1234 5678 …' shown as two lines of four groups, with wide gaps, for reading over the phone."""
    groups = fingerprint.split()
    return "    ".join(groups[:4]) + "\n" + "    ".join(groups[4:])


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner
        layout = QVBoxLayout(self)
        self.fingerprint = QLabel("本机指纹：…")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-size: 18px; font-family: monospace;")
        layout.addWidget(self.fingerprint)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("导出同步包…")
        self.import_button = QPushButton("导入同步包…")
        self.refresh_button = QPushButton("刷新")
        self.conflicts_button = QPushButton("处理冲突…")
        self.conflicts_button.setEnabled(False)
        self.card_button = QPushButton("导出本机身份卡…")
        self.enrol_button = QPushButton("登记对方身份卡…")
        for b in (self.export_button, self.import_button, self.refresh_button, self.conflicts_button,
                  self.card_button, self.enrol_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        self.refresh_button.clicked.connect(self.refresh)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.card_button.clicked.connect(self._choose_card_target)
        self.enrol_button.clicked.connect(self._choose_card_to_enrol)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        """An automatic folder sync or an enrolment elsewhere: show the new state when on screen."""
        if changes.sync and self.isVisible():
            self.refresh()

    # -- status -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        backend = self.ctx.require_backend()

        def work():
            from mediation_desktop.sync.keys import fingerprint
            from mediation_desktop.sync.supervisor import sync_status
            from mediation_desktop.sync.trust import node_keys

            return fingerprint(node_keys(backend)), sync_status(backend)
        self.runner.run(work, self._show_status, parent=self)

    def _show_status(self, result) -> None:
        fp, status = result
        self.fingerprint.setText("本机指纹（请逐组念给对方核对）：\n" + spoken_groups(fp))
        peers = status["peers"]
        self.table.setRowCount(len(peers))
        for row, p in enumerate(peers):
            gap = f"{p['missing'][0]}–{p['missing'][1]}" if p["missing"] else ""
            values = (p["org_name"], p["org_code"], "区人社监管" if p["role"] == "supervisor" else "调解组织",
                      str(p["high_water"]), gap, str(p["held"]), str(p["cases"]), str(p["conflicts"]),
                      (p["last_seen"] or "从未")[:16].replace("T", " "),
                      "已吊销" if p["status"] == "revoked" else "已信任")
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.conflicts_button.setEnabled(bool(status["conflicts"]))
        if status["conflicts"]:
            self.message.setText(f"有 {status['conflicts']} 条同步冲突待处理（双方都修改了同一记录，未自动覆盖）。")

    # -- enrolment --------------------------------------------------------------------------------
    def _choose_card_target(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "保存本机身份卡", "身份卡.mdcard", "身份卡 (*.mdcard *.json)")
        if target:
            self.write_card(Path(target))

    def write_card(self, target: Path) -> None:
        from mediation_desktop.sync.trust import write_card

        backend = self.ctx.require_backend()
        self.runner.run(lambda: write_card(backend, target),
                        lambda fp: self.message.setText(
                            f"已保存本机身份卡：{target.name}。请把它交给对方，并在电话中逐组念出指纹：\n"
                            + spoken_groups(fp)), parent=self)

    def _choose_card_to_enrol(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, "选择对方的身份卡", "", "身份卡 (*.mdcard *.json);;所有文件 (*)")
        if source:
            self.enrol_from(Path(source))

    def enrol_from(self, source: Path) -> None:
        from mediation_desktop.core.errors import UserError
        from mediation_desktop.gui.sync.enrol import EnrolDialog

        try:
            dialog = EnrolDialog(self.ctx, source, self)
        except UserError as exc:
            self.message.setText(exc.message)
            return
        dialog.accepted.connect(lambda: self._enrolled(dialog.result_info))
        dialog.open()
        self.enrol_dialog = dialog  # reachable for tests; Qt owns it through its parent

    def _enrolled(self, info: dict | None) -> None:
        if info:
            self.message.setText(f"已登记：{info['org_name']}（{info['org_code']}），今后可以与对方交换同步包。")
        self.refresh()

    # -- conflicts --------------------------------------------------------------------------------
    def show_conflicts(self) -> None:
        from mediation_desktop.gui.sync.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.ctx, self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
        self.conflicts_dialog = dialog  # reachable for tests; Qt owns it through its parent

    # -- export -----------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择 U 盘或共享文件夹")
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from mediation_desktop.sync.export import export_packages

        self.message.setText("正在写出同步包，请不要拔出 U 盘…")
        backend = self.ctx.require_backend()
        self.runner.run(lambda: export_packages(backend, folder), self._exported, label="正在导出同步包", parent=self,
                        changes=SYNC, on_error=self._export_failed)

    def _export_failed(self, _exc: BaseException) -> bool:
        # The progress line must not outlive the work: the refusal itself is shown the standard way.
        self.message.setText("同步包没有写出。")
        return False

    def _exported(self, results) -> None:
        names = "、".join(r.path.name for r in results)
        self.message.setText(f"已写出并校验：{names}。现在可以安全拔出 U 盘。")
        self.refresh()

    # -- import -----------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择同步包", "", "同步包 (*.mdpkg)")
        if files:
            self.dry_run([Path(f) for f in files])

    def dry_run(self, files: list[Path]) -> None:
        from mediation_desktop.sync.importer import import_packages

        backend = self.ctx.require_backend()
        self.runner.run(lambda: import_packages(backend, files, dry_run=True),
                        lambda reports: self._confirm(files, reports), label="正在检查同步包", parent=self)

    def report_text(self, reports, dry_run: bool = False) -> str:
        labels = DRY_RUN_LABELS if dry_run else STATUS_LABELS
        lines = []
        for r in reports:
            will = "将" if dry_run else ""
            lines.append(f"{Path(r.file).name}：{labels[r.status]}；{will}新增 {r.created}，{will}更新 {r.updated}，"
                         f"未变 {r.unchanged}，冲突 {r.conflicts}" + (f"。{r.reason}" if r.reason else ""))
        return "\n".join(lines)

    def _confirm(self, files: list[Path], reports) -> None:
        text = self.report_text(reports, dry_run=True)
        if all(r.status in ("rejected", "already_imported") for r in reports):
            self.message.setText("试导入结果：\n" + text)
            return
        answer = QMessageBox.question(self, "确认导入", "试导入结果如下，确定导入吗？\n\n" + text)
        if answer == QMessageBox.StandardButton.Yes:
            self.import_now(files)

    def import_now(self, files: list[Path]) -> None:
        from mediation_desktop.sync.importer import import_packages

        backend = self.ctx.require_backend()
        self.runner.run(lambda: import_packages(backend, files), self._imported, label="正在导入同步包",
                        parent=self, changes=EVERYTHING)   # packages bring cases, remarks, notices and peers

    def _imported(self, reports) -> None:
        self.message.setText("导入结果：\n" + self.report_text(reports))
        self.refresh()

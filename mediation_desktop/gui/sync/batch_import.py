"""导入同步包: a folder (a USB stick) or dropped files imported as one batch (sync.package_batch: one
backup before the batch, a package imported whole or not started), with one line per room in words:
imported, already imported, held or refused and why, the counts, and the conflicts (opening the
conflicts dialog). The batch can be cancelled between packages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import fill_rows, page_title, paint_row, read_only_table
from mediation_desktop.services.changes import EVERYTHING

ROOM_HEADERS = ("调解组织", "导入", "以前已导入", "暂存", "拒绝", "新增案件", "更新案件", "冲突", "情况")


class BatchImportPage(QWidget):
    finished = Signal(object)   # sync.package_batch.BatchResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list[str] = []
        self.result = None
        self.task = None
        self.conflicts_dialog = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("导入同步包"))
        top.addStretch(1)
        self.folder_button = QPushButton("选择文件夹（U盘）…")
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        top.addWidget(self.folder_button)
        self.files_button = QPushButton("选择文件…")
        self.files_button.clicked.connect(lambda: self.choose_files())
        top.addWidget(self.files_button)
        layout.addLayout(top)
        hint = QLabel("把U盘上的文件夹或同步包文件（.mdpkg）拖到这里，或用上面的按钮选择；一次导入全部，导入前自动备份。"
                      "缺少前序包的包会暂存，等前序包到来后自动导入。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#546e7a;")
        layout.addWidget(hint)
        self.source_list = QListWidget()
        self.source_list.setMaximumHeight(90)
        layout.addWidget(self.source_list)
        row = QHBoxLayout()
        self.import_button = QPushButton("全部导入(&I)")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start)
        row.addWidget(self.import_button)
        self.cancel_button = QPushButton("停止（当前包导入完后）")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        self.clear_button = QPushButton("清空列表")
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.conflicts_button = QPushButton("处理冲突…")
        self.conflicts_button.setEnabled(False)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        row.addWidget(self.conflicts_button)
        layout.addLayout(row)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = read_only_table(ROOM_HEADERS)
        for col, width in enumerate((220, 50, 80, 50, 50, 70, 70, 50)):
            self.table.setColumnWidth(col, width)
        self.table.cellDoubleClicked.connect(self._row_activated)
        layout.addWidget(self.table, 1)

    # -- choosing --------------------------------------------------------------------------------
    def add_sources(self, paths: list[str]) -> None:
        for p in paths:
            if p and p not in self.sources:
                self.sources.append(p)
                self.source_list.addItem(("［文件夹］" if Path(p).is_dir() else "") + p)
        self.import_button.setEnabled(bool(self.sources))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放同步包的文件夹（U盘）")
        if folder:
            self.add_sources([folder])

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择同步包", "", "同步包 (*.mdpkg)")
        self.add_sources(files)

    def clear(self) -> None:
        self.sources = []
        self.source_list.clear()
        self.import_button.setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_sources([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # -- importing -------------------------------------------------------------------------------
    def start(self) -> None:
        backend = self.ctx.require_backend()
        if not self.sources:
            return
        from mediation_desktop.gui.tasks import Cancelled
        from mediation_desktop.sync.package_batch import import_batch

        sources = list(self.sources)
        holder: dict = {}

        def cancelled() -> bool:
            task = holder.get("task")
            return bool(task is not None and task.cancelled)

        def work(report):
            def progress(done: int, total: int, _name: str) -> None:
                try:
                    report(done, total)
                except Cancelled:
                    pass   # asked between packages by ``cancelled``: the current one finishes whole
            return import_batch(backend, sources, cancelled=cancelled, progress=progress)

        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.setText("正在导入…")
        self.task = holder["task"] = self.ctx.runner.run(
            work, self._done, on_error=self._failed, label="正在导入同步包…", progress=True, parent=self,
            changes=EVERYTHING)   # packages bring cases, remarks, notices and peers

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancelled = True
            self.cancel_button.setEnabled(False)
            self.summary.setText("正在停止：当前的包导入完成后停止…")

    def _failed(self, _exc: BaseException) -> bool:
        self.task = None
        self.cancel_button.setEnabled(False)
        self.import_button.setEnabled(bool(self.sources))
        self.summary.setText("")
        return False   # shown the standard way

    def _done(self, result) -> None:
        self.task = None
        self.result = result
        self.cancel_button.setEnabled(False)
        self.summary.setText(result.summary)
        rooms = result.rooms
        fill_rows(self.table, [[r.org_name, r.imported, r.already_imported, r.held, r.rejected, r.created,
                                r.updated, r.conflicts, r.words] for r in rooms])
        for i, r in enumerate(rooms):
            if r.rejected:
                paint_row(self.table, i, "#b71c1c", "#ffebee")
            elif r.held or r.conflicts:
                paint_row(self.table, i, "#8d6e00", "#fffde7")
        self.conflicts_button.setEnabled(result.conflicts > 0)
        if result.cancelled:
            self.sources = list(result.not_started)
            self.source_list.clear()
            self.source_list.addItems(self.sources)
        else:
            self.clear()
        self.import_button.setEnabled(bool(self.sources))
        self.finished.emit(result)

    def _row_activated(self, row: int, _column: int) -> None:
        if self.result is not None and row < len(self.result.rooms) and self.result.rooms[row].conflicts:
            self.show_conflicts()

    def show_conflicts(self) -> None:
        from mediation_desktop.gui.sync.conflicts import ConflictsDialog

        self.conflicts_dialog = ConflictsDialog(self.ctx, self)
        self.conflicts_dialog.open()


class DistrictSyncPage(QWidget):
    """同步 in the district's navigation: the batch import first, then the sync page (status,
    export, enrolment, conflicts)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QTabWidget

        from mediation_desktop.gui.sync.page import SyncPage

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.batch = BatchImportPage(ctx)
        self.status_page = SyncPage(ctx)
        self.tabs.addTab(self.batch, "导入同步包")
        self.tabs.addTab(self.status_page, "同步状态、下发与密钥")
        layout.addWidget(self.tabs)

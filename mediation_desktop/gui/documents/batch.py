"""批量生成文书: one kind of document for every case selected in the case list (for example the
service receipts of a morning's registrations), written into a chosen folder, with progress; then
a report of the files written and of each case skipped with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext

SHOWN_NAMES = 10   # files and skipped cases listed by name in the report; the rest are counted


class BatchDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None):
        from mediation_desktop.documents.kinds import KINDS

        super().__init__(parent)
        self.setWindowTitle(f"批量生成文书（已选 {count} 件）")
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(self.kind.findData("service"))
        self.folder = QLineEdit()
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("文书种类：", self.kind)
        form.addRow("保存到文件夹：", row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("生成")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择保存文书的文件夹", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _check(self) -> None:
        if self.folder.text().strip():
            self.accept()
        else:
            self.folder.setPlaceholderText("请选择保存文书的文件夹")
            self.folder.setFocus()


def report_text(written: list[Path], skipped: list[tuple[str, str]]) -> str:
    lines = [f"已生成 {len(written)} 份文书" + (f"，保存在 {written[0].parent}" if written else "") + "。"]
    lines += [f"  {p.name}" for p in written[:SHOWN_NAMES]]
    if len(written) > SHOWN_NAMES:
        lines.append(f"  ……另有 {len(written) - SHOWN_NAMES} 份")
    if skipped:
        lines.append(f"未生成 {len(skipped)} 件：")
        lines += [f"  {case_no}：{reason}" for case_no, reason in skipped[:SHOWN_NAMES]]
        if len(skipped) > SHOWN_NAMES:
            lines.append(f"  ……另有 {len(skipped) - SHOWN_NAMES} 件")
    return "\n".join(lines)


class BatchDocuments(QObject):
    """Adds the action to the case list (button and context menu) and runs it."""

    def __init__(self, page, ctx: AppContext):  # pages.case_list.CaseListPage
        super().__init__(page)
        self.page, self.ctx = page, ctx
        self.last_result: tuple[list[Path], list[tuple[str, str]]] | None = None
        page.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.button = QPushButton("批量生成文书…")
        self.button.setToolTip("先在列表中选中多件案件（按住 Ctrl 或 Shift 点选）")
        self.button.clicked.connect(lambda: self.run())
        page.actions.addWidget(self.button)
        self.action = QAction("批量生成文书…", page.view)
        self.action.triggered.connect(lambda: self.run())
        page.view.addAction(self.action)
        page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def selected_keys(self) -> list[int]:
        keys = self.page.model.keys()
        rows = sorted({index.row() for index in self.page.view.selectionModel().selectedRows()})
        return [keys[r] for r in rows if 0 <= r < len(keys)]

    def run(self, kind: str | None = None, out_dir: Path | None = None) -> None:
        """Ask for the kind and folder (unless given), then generate on the task runner."""
        from mediation_desktop.services.permissions import allowed

        backend = self.ctx.backend
        if backend is None:
            return
        if not allowed(backend.role, "document.generate"):
            messages.warn(self.page, "批量生成文书", "当前账户无权生成文书。")
            return
        nums = self.selected_keys()
        if not nums:
            messages.info(self.page, "批量生成文书", "请先在案件列表中选中要生成文书的案件（按住 Ctrl 或 Shift 可多选）。")
            return
        if kind is None or out_dir is None:
            dialog = BatchDialog(len(nums), self.page)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            kind, out_dir = dialog.kind.currentData(), Path(dialog.folder.text().strip())

        def work(report):
            from mediation_desktop.services.case_list import CaseListService
            from mediation_desktop.services.document_register import DocumentService

            rows = CaseListService(backend).rows(nums)
            ids = [rows[n].case_id for n in nums if n in rows]
            case_nos = {rows[n].case_id: rows[n].case_no for n in nums if n in rows}
            out_dir.mkdir(parents=True, exist_ok=True)
            written, failures = DocumentService(backend).generate_batch(kind, ids, out_dir, report)
            return written, [(case_nos.get(ref, ref), reason) for ref, reason in failures]

        def done(result) -> None:
            self.last_result = result
            written, skipped = result
            (messages.warn if skipped else messages.info)(self.page, "批量生成文书", report_text(written, skipped))

        from mediation_desktop.documents.kinds import KINDS

        self.ctx.runner.run(work, done, label=f"正在生成 {len(nums)} 份{KINDS.get(kind, kind)}…", progress=True,
                            parent=self.page)


def install_batch_action(page, ctx: AppContext) -> BatchDocuments:
    return BatchDocuments(page, ctx)

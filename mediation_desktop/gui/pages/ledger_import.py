"""导入台账: pick a file, see the dry-run report (rows, errors with row numbers), confirm, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.changes import CASES, NOTHING


class LedgerImportPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: dict | None = None
        self.checked_path: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("把以前用 Excel 记录的调解台账导入本系统。支持 .xlsx 和 .csv（UTF-8 或 GBK）。"
                       "先“预检”查看每一行的问题，确认无误后再“导入”；同一文件重复导入不会产生重复案件。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText("台账文件路径")
        self.browse = QPushButton("选择文件(&O)…")
        self.browse.clicked.connect(self.choose_file)
        self.check_button = QPushButton("预检(&C)")
        self.check_button.clicked.connect(self.dry_run)
        self.import_button = QPushButton("确认导入(&I)")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        for w in (self.path, self.browse, self.check_button, self.import_button):
            row.addWidget(w)
        layout.addLayout(row)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels(["行号", "列", "问题"])
        self.errors.verticalHeader().setVisible(False)
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.setColumnWidth(1, 140)
        self.errors.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.errors, 1)
        self.path.textChanged.connect(self._path_changed)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择台账文件", "", "台账 (*.xlsx *.csv);;所有文件 (*)")
        if path:
            self.path.setText(path)
            self.dry_run()

    def _path_changed(self) -> None:
        self.import_button.setEnabled(False)
        self.checked_path = None

    def _run(self, dry_run: bool) -> None:
        text = self.path.text().strip()
        if not text or self.ctx.backend is None:
            messages.warn(self, "请选择文件", "请先选择要导入的台账文件。")
            return
        from mediation_desktop.services.ledger_import import import_ledger

        backend, path = self.ctx.backend, Path(text)

        def work(report):  # noqa: ANN001, ANN202 - the task's progress callback
            return import_ledger(backend, path, dry_run=dry_run, progress=lambda _stage, done, total: report(done, total))

        label = "正在预检台账…" if dry_run else "正在导入台账…"
        self.ctx.runner.run(work, lambda result: self._done(result, dry_run, text), label=label,
                            progress=True, parent=self, changes=NOTHING if dry_run else CASES)

    def dry_run(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        self._run(dry_run=False)

    def _done(self, report: dict, dry_run: bool, path: str) -> None:
        self.report = report
        issues = [(e, "错误") for e in report.get("errors", [])] + [(w, "提示") for w in report.get("warnings", [])]
        self.errors.setRowCount(len(issues))
        for r, (issue, kind) in enumerate(issues):
            if isinstance(issue, dict):
                cells = [str(issue.get("row", "")), str(issue.get("column", "") or ""), f"{kind}：{issue.get('message', '')}"]
            else:
                cells = ["", "", f"{kind}：{issue}"]
            for c, text in enumerate(cells):
                self.errors.setItem(r, c, QTableWidgetItem(text))
        counts = (f"共 {report.get('rows', 0)} 行；可导入 {report.get('imported', 0)} 件，"
                  f"重复 {report.get('duplicates', 0)} 件，有错误 {report.get('rejected', 0)} 行")
        if dry_run:
            self.summary.setText(f"预检结果（尚未导入）：{counts}。有错误的行不会导入，其他行可以导入。")
            self.checked_path = path
            self.import_button.setEnabled(report.get("imported", 0) > 0)
        else:
            self.summary.setText(f"导入完成：{counts}。")
            self.import_button.setEnabled(False)

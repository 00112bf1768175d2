"""导入台账: pick a file, see the dry-run report (rows, errors with row numbers), confirm, import;
download a blank ledger, undo the last import, and (second tab) review the old open cases an import
held off the deadline lists."""

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.ledger_review import LedgerReviewPage
from mediation_desktop.services.changes import CASES, NOTHING


class LedgerImportPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: dict | None = None
        self.checked_path: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        importing = QWidget()
        layout = QVBoxLayout(importing)
        self.tabs.addTab(importing, "导入台账")
        self.review = LedgerReviewPage(ctx)
        self.tabs.addTab(self.review, "历史在办核实")
        self.review.changed.connect(self._review_counted)
        self.tabs.currentChanged.connect(lambda index: self.review.reload() if index == 1 else None)
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
        more = QHBoxLayout()
        self.template_button = QPushButton("下载空白台账模板(&T)…")
        self.template_button.clicked.connect(self.save_template)
        self.undo_button = QPushButton("撤销最近一次导入(&U)…")
        self.undo_button.clicked.connect(self.undo_last)
        more.addWidget(self.template_button)
        more.addStretch(1)
        more.addWidget(self.undo_button)
        layout.addLayout(more)
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
        # Another file: the previous file's results no longer describe anything on screen.
        self.import_button.setEnabled(False)
        self.checked_path = None
        self.clear_results()

    def clear_results(self) -> None:
        self.report = None
        self.summary.setText("")
        self.errors.setRowCount(0)

    def _failed(self, exc: BaseException) -> bool:
        """A file that cannot be read leaves no earlier file's results behind; the error shows as usual."""
        self.clear_results()
        self.import_button.setEnabled(False)
        return False

    def save_template(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "保存空白台账模板", "调解台账模板.xlsx", "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        from mediation_desktop.services.ledger_template import write_template

        target = Path(path)
        self.ctx.runner.run(lambda: write_template(target),
                            lambda _result: self.summary.setText(f"已保存空白台账模板：{target}"), parent=self)

    def undo_last(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.services.ledger_review import last_import

        self.ctx.runner.run(lambda: last_import(backend), self._confirm_undo, parent=self)

    def _confirm_undo(self, last: dict | None) -> None:
        if last is None:
            messages.info(self, "没有可撤销的导入", "没有可以撤销的台账导入。")
            return
        question = (f"撤销 {last['imported_at'][:16].replace('T', ' ')} 导入的“{last['file']}”？\n"
                    f"这次导入的 {last['cases']} 件案件将被删除。导入后修改过或已同步的案件不能撤销，"
                    "届时会列出这些案件，且不删除任何案件。")
        if not messages.ask(self, "撤销导入", question, yes="撤销导入", no="取消"):
            return
        backend = self.ctx.backend
        from mediation_desktop.services.ledger_review import undo_last_import

        self.ctx.runner.run(lambda: undo_last_import(backend), self._undone, parent=self, changes=CASES,
                            label="正在撤销导入…")

    def _undone(self, result: dict) -> None:
        self.clear_results()
        self.summary.setText(f"已撤销“{result['file']}”的导入，删除了 {result['removed']} 件案件。")

    def _review_counted(self) -> None:
        count = len(self.review.items)
        self.tabs.setTabText(1, f"历史在办核实（{count}）" if count else "历史在办核实")

    def _run(self, dry_run: bool) -> None:
        text = self.path.text().strip()
        if not text or self.ctx.backend is None:
            messages.warn(self, "请选择文件", "请先选择要导入的台账文件。")
            return
        from mediation_desktop.services.ledger_import import import_ledger

        backend, path = self.ctx.backend, Path(text)

        def work(report):
            return import_ledger(backend, path, dry_run=dry_run, progress=lambda _stage, done, total: report(done, total))

        label = "正在预检台账…" if dry_run else "正在导入台账…"
        self.ctx.runner.run(work, lambda result: self._done(result, dry_run, text), label=label,
                            progress=True, parent=self, changes=NOTHING if dry_run else CASES,
                            on_error=self._failed)

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
            landed = ""
            if report.get("closed_historical") or report.get("to_review"):
                landed = (f"其中 {report.get('closed_historical', 0)} 件在台账中已办结，按已结案导入"
                          f"（无结案日期的已标注“历史台账导入，结案日期为推定”）；"
                          f"{report.get('to_review', 0)} 件为历史在办案件，请在“历史在办核实”中逐件核实。")
            done = (f"共 {report.get('rows', 0)} 行；导入 {report.get('imported', 0)} 件，"
                    f"重复未导入 {report.get('duplicates', 0)} 件，有错误未导入 {report.get('rejected', 0)} 行")
            self.summary.setText(f"导入完成：{done}。{landed}")
            self.import_button.setEnabled(False)
            self.review.reload()

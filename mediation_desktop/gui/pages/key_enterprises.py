"""重点企业: the district's key-enterprise list (重点监测企业名单). Importing a file shows a preview
first (rows to import, rows refused and why, repeated credit codes); only a file with no refused row
can replace the list (services.key_enterprise_list, the same reader as the command line). At a room
the page shows the list the district sent, read-only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import fill_rows, page_title, read_only_table
from mediation_desktop.services.changes import NOTICES, Changes


class KeyEnterprisesPage(QWidget):
    previewed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None    # services.key_enterprise_list.KeyListPreview waiting for confirmation
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("重点企业"))
        top.addStretch(1)
        self.count_label = QLabel("")
        top.addWidget(self.count_label)
        self.import_button = QPushButton("从Excel导入名单…")
        self.import_button.clicked.connect(lambda: self.choose_file())
        top.addWidget(self.import_button)
        layout.addLayout(top)
        hint = QLabel("名单表格需有“统一社会信用代码”“名称”两列，可有“原因”列（.xlsx，或 UTF-8/GBK 的 .csv）。"
                      "导入会替换现有名单，并随下发包送达各调解组织；有重点企业的案件在各处显示风险提示。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#546e7a;")
        layout.addWidget(hint)

        self.preview_box = QWidget()
        box = QVBoxLayout(self.preview_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel("")
        self.preview_label.setWordWrap(True)
        box.addWidget(self.preview_label)
        self.preview_tabs = QTabWidget()
        self.to_import = read_only_table(("统一社会信用代码", "名称", "原因"))
        self.refused = read_only_table(("行号", "问题"))
        self.repeated = read_only_table(("行号", "重复的信用代码"))
        for table, title in ((self.to_import, "将导入"), (self.refused, "不能导入的行"), (self.repeated, "重复的行")):
            table.setColumnWidth(0, 190)
            table.setColumnWidth(1, 300)
            self.preview_tabs.addTab(table, title)
        box.addWidget(self.preview_tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_button = QPushButton("确认导入，替换现有名单")
        self.confirm_button.clicked.connect(self.confirm)
        row.addWidget(self.confirm_button)
        self.cancel_button = QPushButton("放弃")
        self.cancel_button.clicked.connect(self.discard)
        row.addWidget(self.cancel_button)
        box.addLayout(row)
        self.preview_box.setVisible(False)
        layout.addWidget(self.preview_box, 1)

        self.current_label = QLabel("现行名单")
        layout.addWidget(self.current_label)
        self.table = read_only_table(("统一社会信用代码", "名称", "原因"))
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 330)
        layout.addWidget(self.table, 2)
        ctx.changed.connect(self._changed)

    def set_role(self, node_role: str) -> None:
        self.import_button.setVisible(node_role == "supervisor")

    def _changed(self, changes: Changes) -> None:
        if changes.notices or changes.sync:
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.sync.supervisor import key_enterprises

        self.ctx.runner.run(lambda: key_enterprises(backend), self._show, parent=self)

    def _show(self, rows: list[dict]) -> None:
        fill_rows(self.table, [[r["uscc"], r["name"], r["reason"]] for r in rows])
        self.count_label.setText(f"现行名单 {len(rows)} 家")

    def choose_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "选择重点企业名单", "", "表格 (*.xlsx *.csv)")
            if not path:
                return
        from mediation_desktop.services.key_enterprise_list import read_key_list

        self.ctx.runner.run(lambda: read_key_list(path), self._show_preview, parent=self, label="正在读取名单…")

    def _show_preview(self, preview) -> None:
        self.preview = preview
        fill_rows(self.to_import, [[e["uscc"], e["name"], e["reason"]] for e in preview.entries])
        fill_rows(self.refused, [[n, why] for n, why in preview.problems])
        fill_rows(self.repeated, [[n, uscc] for n, uscc in preview.duplicates])
        self.preview_tabs.setTabText(0, f"将导入（{len(preview.entries)}）")
        self.preview_tabs.setTabText(1, f"不能导入的行（{len(preview.problems)}）")
        self.preview_tabs.setTabText(2, f"重复的行（{len(preview.duplicates)}）")
        if preview.ok:
            repeated = f"，{len(preview.duplicates)}行重复的信用代码只导入一次" if preview.duplicates else ""
            self.preview_label.setText(f"预览：将导入 {len(preview.entries)} 家企业{repeated}。确认后替换现有名单。")
            self.preview_label.setStyleSheet("")
        else:
            self.preview_label.setText(f"有 {len(preview.problems)} 行不能导入（见“不能导入的行”）：请改正表格后重新导入。"
                                       "名单未改变。")
            self.preview_label.setStyleSheet("color:#b71c1c;")
            self.preview_tabs.setCurrentIndex(1)
        self.confirm_button.setEnabled(preview.ok)
        self.preview_box.setVisible(True)
        self.previewed.emit()

    def discard(self) -> None:
        self.preview = None
        self.preview_box.setVisible(False)

    def confirm(self) -> None:
        preview = self.preview
        if preview is None or not preview.ok:
            return
        backend = self.ctx.require_backend()
        from mediation_desktop.sync.supervisor import set_key_enterprises

        entries = list(preview.entries)

        def done(count: int) -> None:
            self.discard()
            messages.info(self, "名单已导入", f"已导入重点监测企业 {count} 家，将随下发包送达各调解组织。")

        self.ctx.runner.run(lambda: set_key_enterprises(backend, entries), done, parent=self,
                            changes=NOTICES)

"""The list of open sync conflicts (the same record changed on both sides, or a record that clashes
with one already here), each closed by the user after reading it. Nothing is overwritten: the owner
of a record corrects it at home and the correction arrives in its next package."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.changes import SYNC

COLUMNS = ("发现时间", "记录", "原因")


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("同步冲突")
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("以下记录在双方都有改动或与本地记录冲突，系统没有自动覆盖。"
                                "请与对方核实；如需更正，由案件所属的调解组织修改后重新同步。"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.keep_button = QPushButton("保留本地记录")
        self.noted_button = QPushButton("标记为已知悉")
        row.addWidget(self.keep_button)
        row.addWidget(self.noted_button)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.keep_button.clicked.connect(lambda: self.resolve_selected("kept_local"))
        self.noted_button.clicked.connect(lambda: self.resolve_selected("noted"))
        self.ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        from mediation_desktop.sync.supervisor import conflicts

        backend = self.ctx.require_backend()
        self.ctx.runner.run(lambda: conflicts(backend), self._show, parent=self)

    def _show(self, found: list[dict]) -> None:
        self.ids = [c["id"] for c in found]
        self.table.setRowCount(len(found))
        for r, c in enumerate(found):
            record = (c["incoming"] or {}).get("case_no") or c["entity_id"]
            for col, value in enumerate((c["detected_at"][:16].replace("T", " "), f"{c['entity']} {record}",
                                         c["reason"])):
                self.table.setItem(r, col, QTableWidgetItem(value))
        if found:
            self.table.selectRow(0)
        for b in (self.keep_button, self.noted_button):
            b.setEnabled(bool(found))

    def resolve_selected(self, resolution: str) -> None:
        from mediation_desktop.sync.supervisor import resolve_conflict

        backend = self.ctx.require_backend()
        chosen = [self.ids[r] for r in sorted({i.row() for i in self.table.selectedIndexes()})]

        def work() -> None:
            for conflict_id in chosen:
                resolve_conflict(backend, conflict_id, resolution)

        self.ctx.runner.run(work, lambda _none: self.reload(), parent=self, changes=SYNC)

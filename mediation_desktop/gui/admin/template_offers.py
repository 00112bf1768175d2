"""下发模板: templates a district package offered, for the organisation head to preview, accept or decline.

Nothing here decides anything itself: services/template_offers.py checks the role, renders the
sample in the sandbox, installs and audits. An offer whose sample render is refused (an unsafe or
broken template) shows why, and its 接受 button stays disabled.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.services import template_offers

COLUMNS = ("模板文件", "文书", "来自", "收到时间", "检查结果")


def open_file(path: Path) -> bool:
    """Open the preview with Word or WPS (the documents tab's way; tests replace it)."""
    from mediation_desktop.gui.documents.tab import open_file as open_with_system

    return open_with_system(path)


class TemplateOffersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.offers: list[dict] = []
        self.last_preview: Path | None = None
        self._previews: Path | None = None  # a private temporary folder; the previews hold sample data only
        self.intro = QLabel("区人社随同步包下发的文书模板不会自动启用。请先预览（用样例案件生成，数据均为虚构），"
                            "确认无误后接受；接受后生成该类文书时使用新模板。")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.preview_button = QPushButton("预览")
        self.accept_button = QPushButton("接受")
        self.decline_button = QPushButton("拒绝")
        refresh = QPushButton("刷新")
        row = QHBoxLayout()
        for button, slot in ((self.preview_button, self.preview_selected), (self.accept_button, self.accept_selected),
                             (self.decline_button, self.decline_selected), (refresh, self.reload)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        self.empty = QLabel("没有待处理的下发模板。")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self._update_buttons()
        self.reload()

    # -- list ---------------------------------------------------------------------------------
    def reload(self) -> None:
        backend = self.ctx.require_backend()
        self.ctx.runner.run(lambda: template_offers.list_offers(backend), self._show, parent=self)

    def _show(self, offers: list[dict]) -> None:
        self.offers = offers
        self.table.setRowCount(len(offers))
        for i, o in enumerate(offers):
            problem = o.get("problem")
            cells = (o["name"], o["title"] or "（未知文书）", o["from_org"] or o["from_node"],
                     o["received_at"][:16].replace("T", " "), f"不能接受：{problem}" if problem else "可以接受")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if problem and j == len(cells) - 1:
                    item.setForeground(QColor("#b3261e"))
                    item.setToolTip(problem)
                self.table.setItem(i, j, item)
        self.empty.setVisible(not offers)
        if offers:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.offers[row] if 0 <= row < len(self.offers) else None

    def _update_buttons(self) -> None:
        offer = self.selected()
        self.preview_button.setEnabled(offer is not None and not offer.get("problem"))
        self.accept_button.setEnabled(offer is not None and not offer.get("problem"))
        self.decline_button.setEnabled(offer is not None)

    # -- actions ------------------------------------------------------------------------------
    def preview_selected(self) -> None:
        offer = self.selected()
        if offer is None:
            return
        backend = self.ctx.require_backend()
        if self._previews is None:
            self._previews = Path(tempfile.mkdtemp(prefix="template-preview-"))
        out = self._previews / f"预览_{offer['kind']}.docx"

        def done(path: Path) -> None:
            self.last_preview = path
            if not open_file(path):
                messages.info(self, "预览", f"预览已生成：{path}")

        self.ctx.runner.run(lambda: template_offers.preview(backend, offer["name"], out), done,
                            label="正在生成预览…", parent=self)

    def accept_selected(self) -> None:
        offer = self.selected()
        if offer is None or not messages.ask(
                self, "接受下发模板", f"接受“{offer['name']}”？以后生成“{offer['title'] or offer['kind']}”时将使用这个模板。",
                yes="接受", no="取消"):
            return
        backend = self.ctx.require_backend()

        def done(result: dict) -> None:
            messages.info(self, "接受下发模板", f"已接受，模板保存在 {result['installed']}。")
            self.reload()

        self.ctx.runner.run(lambda: template_offers.accept(backend, offer["name"]), done, parent=self)

    def decline_selected(self) -> None:
        offer = self.selected()
        if offer is None or not messages.ask(self, "拒绝下发模板", f"拒绝“{offer['name']}”？继续使用原来的模板。",
                                             yes="拒绝", no="取消"):
            return
        backend = self.ctx.require_backend()

        def done(_result: dict) -> None:
            messages.info(self, "拒绝下发模板", f"已拒绝“{offer['name']}”。")
            self.reload()

        self.ctx.runner.run(lambda: template_offers.decline(backend, offer["name"]), done, parent=self)

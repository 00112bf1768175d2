"""调解组织 (the district's rooms) and the table of rooms the 区域总览 shares.

A room that has not reported for the set number of days (services.rooms: default 7) stands out by
colour and by a ⚠ mark in its name and a words column, so it is seen without colour too. Double-click
(or Enter) opens that room's cases.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import (
    STALE_BG,
    STALE_FG,
    choose_xlsx,
    fill_rows,
    page_title,
    paint_row,
    row_key,
    setup_read_only,
)
from mediation_desktop.services.changes import SETTINGS, Changes

STALE_MARK = "⚠ "
ROOM_HEADERS = ("调解组织", "代码", "最近收到同步包", "距今天数", "报送情况", "在办", "超期", "逾期受理",
                "集体争议（在办）", "本年调解成功率", "未处理冲突")


def room_cells(row) -> list:
    name = (STALE_MARK if row.stale else "") + row.org_name + ("（已吊销）" if row.status == "revoked" else "")
    last = (row.last_package_at or "")[:16].replace("T", " ") or "尚未收到"
    days = row.days_since if row.days_since is not None else "—"
    return [name, row.org_code, last, days, row.sync_words, row.open, row.overdue, row.late_accepted,
            row.collective_open, row.agreement_rate, row.conflicts]


class RoomsTable(QTableWidget):
    """Every enrolled room; emits ``open_room(org_code)`` on double-click or Enter."""

    open_room = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        setup_read_only(self, ROOM_HEADERS)
        for col, width in enumerate((210, 60, 125, 60, 240, 50, 50, 70, 125, 100, 70)):
            self.setColumnWidth(col, width)
        self.rows: list = []
        self.cellActivated.connect(lambda r, _c: self._open(r))
        self.cellDoubleClicked.connect(lambda r, _c: self._open(r))

    def show_rooms(self, rows: list) -> None:
        self.rows = rows
        fill_rows(self, [room_cells(r) for r in rows], [r.org_code for r in rows])
        for i, r in enumerate(rows):
            if r.stale:
                paint_row(self, i, STALE_FG, STALE_BG)

    def _open(self, row: int) -> None:
        code = row_key(self, row)
        if code:
            self.open_room.emit(code)


class RoomsPage(QWidget):
    """调解组织: the register of rooms with their reporting, the stale-days setting and Excel export."""

    open_room = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("调解组织"))
        top.addStretch(1)
        self.summary = QLabel("")
        top.addWidget(self.summary)
        layout.addLayout(top)
        tools = QHBoxLayout()
        tools.addWidget(QLabel("超过"))
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, 366)
        self.stale_days.setValue(7)
        self.stale_days.setSuffix(" 天")
        tools.addWidget(self.stale_days)
        tools.addWidget(QLabel("未报送的组织标为 ⚠ 并排在前面"))
        self.save_days = QPushButton("保存提醒天数")
        self.save_days.clicked.connect(self.save_stale_days)
        tools.addWidget(self.save_days)
        tools.addStretch(1)
        self.export_button = QPushButton("导出Excel(&E)")
        self.export_button.clicked.connect(lambda: self.export())
        tools.addWidget(self.export_button)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        tools.addWidget(self.refresh_button)
        layout.addLayout(tools)
        self.table = RoomsTable()
        self.table.open_room.connect(self.open_room)
        layout.addWidget(self.table, 1)
        hint = QLabel("双击一个调解组织，查看它的案件。")
        hint.setStyleSheet("color:#546e7a;")
        layout.addWidget(hint)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.sync or changes.settings:
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.services.permissions import allowed
        from mediation_desktop.services.rooms import room_overview, stale_days

        # The setting is the organisation's (services.rooms.set_stale_days checks org.settings).
        may_set = allowed(backend.role, "org.settings")
        self.save_days.setVisible(may_set)
        self.stale_days.setEnabled(may_set)
        today = self.ctx.today()
        self.ctx.runner.run(lambda: (stale_days(backend), room_overview(backend, today)), self._show, parent=self)

    def _show(self, result: tuple[int, list]) -> None:
        days, rows = result
        self.stale_days.setValue(days)
        self.table.show_rooms(rows)
        stale = sum(1 for r in rows if r.stale)
        self.summary.setText(f"已登记 {len(rows)} 个调解组织　超过{days}天未报送 {stale} 个")

    def save_stale_days(self) -> None:
        backend = self.ctx.require_backend()
        from mediation_desktop.services.rooms import set_stale_days

        value = self.stale_days.value()
        self.ctx.runner.run(lambda: set_stale_days(backend, value), None, parent=self, changes=SETTINGS)

    def export(self, path: str | None = None) -> None:
        if not self.table.rows:
            messages.info(self, "没有可导出的内容", "还没有登记任何调解组织。")
            return
        path = path or choose_xlsx(self, f"调解组织_{self.ctx.today().isoformat()}.xlsx")
        if not path:
            return
        from mediation_desktop.services.rooms import export_overview_xlsx

        rows = list(self.table.rows)
        self.ctx.runner.run(lambda: export_overview_xlsx(rows, path),
                            lambda written: messages.info(self, "导出完成", f"已导出到：\n{written}"), parent=self)

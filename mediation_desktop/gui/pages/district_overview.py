"""区域总览: the district's first page. Urgent reports from the rooms on top (when there are any), then
one line of figures across rooms, then every enrolled room with late ones first and marked."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import (
    fill_rows,
    page_title,
    paint_row,
    read_only_table,
    row_key,
)
from mediation_desktop.gui.pages.district_rooms import RoomsTable
from mediation_desktop.services.changes import NOTICES, Changes


@dataclass(frozen=True)
class Overview:
    rooms: list
    urgent: list[dict]          # urgent reports not yet marked seen
    overdue: int
    collective: int
    employers: int
    key_enterprises: int


def load_overview(backend, today) -> Overview:
    """Everything the page shows, read on the worker thread."""
    from mediation_desktop.services.district_risk import district_risk
    from mediation_desktop.services.rooms import room_overview

    rooms = room_overview(backend, today)
    risk = district_risk(backend, today)
    return Overview(rooms, risk.urgent_reports, len(risk.overdue), len(risk.collective), len(risk.employers),
                    len(risk.key_enterprises))


class DistrictOverviewPage(QWidget):
    open_room = Signal(str)    # an organisation code: show its cases
    show_risk = Signal()       # the figures line leads to the 风险 page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("区域总览"))
        top.addStretch(1)
        self.date_label = QLabel("")
        top.addWidget(self.date_label)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.urgent_box = QGroupBox("情况快报（未阅）")
        self.urgent_box.setStyleSheet("QGroupBox{color:#b71c1c;font-weight:bold;}")
        urgent = QVBoxLayout(self.urgent_box)
        self.urgent_table = read_only_table(("调解组织代码", "报告日期", "标题", "涉及人数", "情况"))
        for col, width in enumerate((100, 100, 260, 80)):
            self.urgent_table.setColumnWidth(col, width)
        self.urgent_table.setMaximumHeight(140)
        urgent.addWidget(self.urgent_table)
        row = QHBoxLayout()
        row.addStretch(1)
        self.seen_button = QPushButton("标为已阅")
        self.seen_button.clicked.connect(self.mark_seen)
        row.addWidget(self.seen_button)
        urgent.addLayout(row)
        self.urgent_box.setVisible(False)
        layout.addWidget(self.urgent_box)

        figures = QHBoxLayout()
        self.figures = QLabel("")
        self.figures.setStyleSheet("font-size:11pt;")
        figures.addWidget(self.figures, 1)
        self.risk_button = QPushButton("查看风险…")
        self.risk_button.clicked.connect(self.show_risk)
        figures.addWidget(self.risk_button)
        layout.addLayout(figures)
        self.late = QLabel("")
        self.late.setWordWrap(True)
        self.late.setStyleSheet("color:#b71c1c;")
        layout.addWidget(self.late)
        self.rooms = RoomsTable()
        self.rooms.open_room.connect(self.open_room)
        layout.addWidget(self.rooms, 1)
        hint = QLabel("⚠ 标记的组织超过提醒天数未报送（在“调解组织”页设置天数）。双击一个组织查看它的案件。")
        hint.setStyleSheet("color:#546e7a;")
        layout.addWidget(hint)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.sync or changes.settings or changes.notices:
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        today = self.ctx.today()
        self.date_label.setText(today.isoformat())
        self.ctx.runner.run(lambda: load_overview(backend, today), self._show, parent=self)

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        rooms = overview.rooms
        self.rooms.show_rooms(rooms)
        stale = [r for r in rooms if r.stale]
        open_cases = sum(r.open for r in rooms)
        self.figures.setText(
            f"调解组织 {len(rooms)} 个　在办 {open_cases} 件　超期 {overview.overdue} 件　"
            f"集体争议（在办）{overview.collective} 件　同一用人单位多处投诉 {overview.employers} 家　"
            f"重点监测企业有案 {overview.key_enterprises} 家")
        self.late.setText("⚠ 未按时报送：" + "、".join(r.org_name for r in stale) if stale else "")
        self.late.setVisible(bool(stale))
        urgent = overview.urgent
        fill_rows(self.urgent_table, [[u.get("org_code", ""), u["reported_on"], u["title"], u.get("workers") or "",
                                       u["what"]] for u in urgent], [u["id"] for u in urgent])
        for i in range(len(urgent)):
            paint_row(self.urgent_table, i, "#b71c1c", None)
        self.urgent_box.setVisible(bool(urgent))

    def mark_seen(self) -> None:
        row = self.urgent_table.currentRow()
        report_id = row_key(self.urgent_table, row if row >= 0 else 0)
        if not report_id:
            return
        backend = self.ctx.require_backend()
        from mediation_desktop.services.urgent_reports import mark_seen

        self.ctx.runner.run(lambda: mark_seen(backend, report_id), None, parent=self, changes=NOTICES)

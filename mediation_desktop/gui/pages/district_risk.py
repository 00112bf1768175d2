"""风险: the lists across rooms that no single room can see alone (services.district_risk): risky open
cases, overdue deadlines, collective disputes, one employer in several rooms (or many in one), key
enterprises with open cases, open screenings and unseen urgent reports. Each list is a tab; the
export writes every list to Excel, a sheet each. Double-click a case to open it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import (
    LEVEL_STYLE,
    choose_xlsx,
    fill_rows,
    page_title,
    paint_row,
    read_only_table,
    row_key,
)
from mediation_desktop.services.changes import Changes

CASE_HEADERS = ("调解组织", "案号", "收案日期", "申请人", "被申请人", "涉及人数", "下一期限", "超期天数", "风险", "原因")
EMPLOYER_HEADERS = ("用人单位", "统一社会信用代码", "在办案件", "涉及调解组织", "重点监测", "原因")
LEVEL_FILTERS = (("yellow", "黄色及以上"), ("orange", "橙色及以上"), ("red", "仅红色"))
LEVEL_ORDER = ("none", "yellow", "orange", "red")


def case_cells(c) -> list:
    level = LEVEL_STYLE[c.level][2]
    return [c.org_name, c.case_no, c.received_on, c.applicant_names, c.respondent_name, c.workers_involved,
            c.next_due, c.overdue_days or "", level, "；".join(c.reasons)]


def employer_cells(e) -> list:
    return [e.name, e.uscc or "", e.open_cases, "、".join(f"{n}（{k}件）" for n, _, k in e.rooms),
            "是" if e.key_enterprise else "", "；".join(e.reasons)]


class DistrictRiskPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.risk = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("风险"))
        top.addStretch(1)
        top.addWidget(QLabel("风险案件："))
        self.level = QComboBox()
        for code, text in LEVEL_FILTERS:
            self.level.addItem(text, code)
        self.level.currentIndexChanged.connect(lambda _i: self._fill())
        top.addWidget(self.level)
        self.export_button = QPushButton("导出Excel(&E)")
        self.export_button.clicked.connect(lambda: self.export())
        top.addWidget(self.export_button)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for key, headers in (("cases", CASE_HEADERS), ("overdue", CASE_HEADERS), ("collective", CASE_HEADERS),
                             ("employers", EMPLOYER_HEADERS), ("key_enterprises", EMPLOYER_HEADERS),
                             ("screenings", ("调解组织代码", "用人单位", "统一社会信用代码", "等级", "排查日期", "原因")),
                             ("urgent", ("调解组织代码", "报告日期", "标题", "涉及人数", "情况"))):
            table = read_only_table(headers)
            if headers is CASE_HEADERS:
                for col, width in enumerate((170, 130, 90, 120, 180, 60, 90, 60, 50)):
                    table.setColumnWidth(col, width)
                table.cellActivated.connect(lambda r, _c, t=table: self._open_case(t, r))
                table.cellDoubleClicked.connect(lambda r, _c, t=table: self._open_case(t, r))
            elif headers is EMPLOYER_HEADERS:
                for col, width in enumerate((230, 170, 70, 330, 70)):
                    table.setColumnWidth(col, width)
            self.tables[key] = table
            self.tabs.addTab(table, "")
        layout.addWidget(self.tabs, 1)
        note = QLabel("同一用人单位按统一社会信用代码认定，没有代码时按规范化后的名称；风险原因与案件页的提示一致。")
        note.setStyleSheet("color:#546e7a;")
        note.setWordWrap(True)
        layout.addWidget(note)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.sync or changes.notices or changes.settings:
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.services.district_risk import district_risk

        today = self.ctx.today()
        self.ctx.runner.run(lambda: district_risk(backend, today), self._show, parent=self)

    def _show(self, risk) -> None:
        self.risk = risk
        self._fill()

    def _fill(self) -> None:
        risk = self.risk
        if risk is None:
            return
        floor = LEVEL_ORDER.index(self.level.currentData() or "yellow")
        cases = [c for c in risk.cases if LEVEL_ORDER.index(c.level) >= floor]
        self._cases("cases", cases)
        self._cases("overdue", risk.overdue)
        self._cases("collective", risk.collective)
        for key in ("employers", "key_enterprises"):
            entries = getattr(risk, key)
            fill_rows(self.tables[key], [employer_cells(e) for e in entries])
        fill_rows(self.tables["screenings"], [[s.get("org_code", ""), s["employer"], s.get("uscc") or "",
                                               LEVEL_STYLE.get(s["level"], LEVEL_STYLE["none"])[2],
                                               s.get("screened_on", ""), "；".join(s["reasons"])]
                                              for s in risk.screenings])
        fill_rows(self.tables["urgent"], [[u.get("org_code", ""), u["reported_on"], u["title"],
                                           u.get("workers") or "", u["what"]] for u in risk.urgent_reports])
        titles = (("cases", "风险案件"), ("overdue", "超期案件"), ("collective", "集体争议"),
                  ("employers", "同一用人单位"), ("key_enterprises", "重点监测企业"), ("screenings", "风险排查"),
                  ("urgent", "情况快报"))
        for i, (key, title) in enumerate(titles):
            self.tabs.setTabText(i, f"{title}（{self.tables[key].rowCount()}）")

    def _cases(self, key: str, cases: list) -> None:
        table = self.tables[key]
        fill_rows(table, [case_cells(c) for c in cases], [c.case_id for c in cases])
        for i, c in enumerate(cases):
            fg, bg, _ = LEVEL_STYLE[c.level]
            if bg:
                paint_row(table, i, fg, bg)

    def _open_case(self, table: QTableWidget, row: int) -> None:
        case_id = row_key(table, row)
        if case_id:
            self.ctx.open_case.emit(case_id)

    def export(self, path: str | None = None) -> None:
        if self.risk is None:
            return
        path = path or choose_xlsx(self, f"风险_{self.ctx.today().isoformat()}.xlsx")
        if not path:
            return
        from mediation_desktop.services.district_risk import export_risk_xlsx

        risk = self.risk
        self.ctx.runner.run(lambda: export_risk_xlsx(risk, path),
                            lambda written: messages.info(self, "导出完成", f"已导出风险清单到：\n{written}"),
                            parent=self)

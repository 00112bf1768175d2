"""统计: the statistics return for a chosen period (month, quarter, year or custom), as the MA1-style
table (per room at the district, per mediator or month at a room), its charts drawn by QtCharts
(gui/charts.py, the same charts the .docx report carries) and export to .xlsx (native Excel charts)
or .docx (the 统计报告)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import fill_rows, page_title, read_only_table
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services.changes import Changes

PERIOD_KINDS = (("month", "月度"), ("quarter", "季度"), ("year", "年度"), ("custom", "自定义"))
GROUPS = {"supervisor": (("room", "按调解组织"), ("month", "按月份")),
          "room": (("mediator", "按调解员"), ("month", "按月份"))}
# The table's columns: the return's own indicators (services.statistics.INDICATORS), the group first.
TABLE_KEYS = ("received", "accepted", "not_accepted", "closed", "agreement", "settled", "withdrawn", "failed",
              "pending", "over_limit", "late_acceptance", "workers", "collective_cases", "amount_claimed",
              "amount_agreed", "success_rate")


@dataclass(frozen=True)
class Loaded:
    ret: object          # services.statistics.Return
    charts: list         # services.chart_data.ChartSpec
    summary: str


def load_return(backend, start: date, end: date, by: str) -> Loaded:
    from mediation_desktop.services.chart_data import report_charts
    from mediation_desktop.services.statistics import (
        compile_return,
        monthly_received_closed,
        received_last_year,
        summary_text,
    )

    ret = compile_return(backend, start, end, by)
    charts = report_charts(ret, monthly_received_closed(backend, start, end))
    return Loaded(ret, charts, summary_text(ret, received_last_year(backend, start, end)))


def period_of(kind: str, year: int, part: int, custom: tuple[date, date]) -> tuple[date, date]:
    """The period chosen; the rules (and their refusals) are services.statistics'."""
    from mediation_desktop.services.statistics import custom_period, month_period, quarter_period, year_period

    if kind == "month":
        return month_period(year, part)
    if kind == "quarter":
        return quarter_period(year, part)
    if kind == "year":
        return year_period(year)
    return custom_period(*custom)


def fit_to_screen(chart, categories: int):   # a QChart, returned
    """The same chart as the report's picture, made legible in a quarter of the page: slanted and
    smaller category labels and no value labels when there are many bars, and a pie's slices keep
    their own labels instead of a cut-off legend."""
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QPieSeries

    crowded = categories > 12
    for axis in chart.axes():
        if isinstance(axis, QBarCategoryAxis):
            font = axis.labelsFont()
            font.setPointSize(max(7, font.pointSize() - 1))
            axis.setLabelsFont(font)
            if crowded:
                axis.setLabelsAngle(-45)
    for series in chart.series():
        if isinstance(series, QBarSeries) and crowded:
            series.setLabelsVisible(False)
        if isinstance(series, QPieSeries):
            chart.legend().setVisible(False)
    return chart


class StatisticsPage(QWidget):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: Loaded | None = None
        self.period: tuple[date, date] | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_title("统计"))
        top.addSpacing(16)
        self.kind = QComboBox()
        for code, text in PERIOD_KINDS:
            self.kind.addItem(text, code)
        top.addWidget(self.kind)
        today = ctx.today()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(" 年")
        top.addWidget(self.year)
        self.part = QComboBox()
        top.addWidget(self.part)
        # The custom period, typed the Chinese way or picked (gui/widgets/date_edit.py); an unreadable
        # bound is refused with its reason when 统计 is pressed.
        self.date_from = DateEdit(value=QDate(today.year, 1, 1), what="统计起始日期")
        self.date_to = DateEdit(value=today, what="统计截止日期")
        top.addWidget(self.date_from)
        self.to_label = QLabel("至")
        top.addWidget(self.to_label)
        top.addWidget(self.date_to)
        self.by = QComboBox()
        top.addWidget(self.by)
        self.run_button = QPushButton("统计(&T)")
        self.run_button.clicked.connect(self.reload)
        top.addWidget(self.run_button)
        top.addStretch(1)
        self.xlsx_button = QPushButton("导出Excel…")
        self.xlsx_button.clicked.connect(lambda: self.export(suffix=".xlsx"))
        top.addWidget(self.xlsx_button)
        self.docx_button = QPushButton("导出统计报告Word…")
        self.docx_button.clicked.connect(lambda: self.export(suffix=".docx"))
        top.addWidget(self.docx_button)
        layout.addLayout(top)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.table = read_only_table(["名称"])
        self.tabs.addTab(self.table, "统计表")
        # One chart a row, full width, so every category's label fits; the tab scrolls.
        self.chart_box = QWidget()
        self.chart_grid = QGridLayout(self.chart_box)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_views: list[QChartView] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart_box)
        self.tabs.addTab(scroll, "图表")
        layout.addWidget(self.tabs, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        ctx.changed.connect(self._changed)

    def set_role(self, node_role: str) -> None:
        """The groupings a node offers: rooms at the district, mediators at a room."""
        self.by.clear()
        for code, text in GROUPS.get(node_role, GROUPS["room"]):
            self.by.addItem(text, code)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.part.clear()
        if kind == "month":
            for m in range(1, 13):
                self.part.addItem(f"{m}月", m)
            self.part.setCurrentIndex(self.ctx.today().month - 1)
        elif kind == "quarter":
            for q in range(1, 5):
                self.part.addItem(f"第{q}季度", q)
            self.part.setCurrentIndex((self.ctx.today().month - 1) // 3)
        custom = kind == "custom"
        self.part.setVisible(kind in ("month", "quarter"))
        self.year.setVisible(not custom)
        for w in (self.date_from, self.to_label, self.date_to):
            w.setVisible(custom)

    def choose(self, kind: str, year: int | None = None, part: int | None = None) -> None:
        """Pick a period (tests and the screenshot script)."""
        self.kind.setCurrentIndex([k for k, _ in PERIOD_KINDS].index(kind))
        if year is not None:
            self.year.setValue(year)
        if part is not None:
            self.part.setCurrentIndex(self.part.findData(part))

    def _changed(self, changes: Changes) -> None:
        if self.current is not None and (changes.cases or changes.sync):
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        if self.by.count() == 0:
            self.set_role(backend.node.role)
        from mediation_desktop.core.errors import UserError

        try:
            start, end = period_of(self.kind.currentData(), self.year.value(), self.part.currentData() or 1,
                                   (self.date_from.date().toPython(), self.date_to.date().toPython()))
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        by = self.by.currentData() or "room"
        self.period = (start, end)
        self.ctx.runner.run(lambda: load_return(backend, start, end, by), self._show, parent=self,
                            label="正在统计…")

    def _show(self, loaded: Loaded) -> None:
        from mediation_desktop.services.statistics import BY_LABELS, INDICATORS

        self.current = loaded
        ret = loaded.ret
        labels = dict(INDICATORS)
        self.table.setColumnCount(len(TABLE_KEYS) + 1)
        self.table.setHorizontalHeaderLabels([BY_LABELS[ret.by]] + [labels[k] for k in TABLE_KEYS])
        fill_rows(self.table, [[row["org_name"]] + [row[k] for k in TABLE_KEYS] for row in ret.rows])
        self.table.setColumnWidth(0, 230)
        for col in range(1, self.table.columnCount()):
            self.table.setColumnWidth(col, 84)
        self.summary.setText(f"{ret.start.isoformat()} 至 {ret.end.isoformat()}：{loaded.summary}")
        self._draw(loaded.charts)
        self.loaded.emit()

    def _draw(self, charts: list) -> None:
        from mediation_desktop.gui.charts import build_chart

        for view in self.chart_views:
            self.chart_grid.removeWidget(view)
            view.deleteLater()
        self.chart_views = []
        for i, spec in enumerate(charts):
            view = QChartView(fit_to_screen(build_chart(spec), len(spec.categories)))
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(320)
            self.chart_grid.addWidget(view, i, 0)
            self.chart_views.append(view)

    def export(self, path: str | None = None, suffix: str = ".xlsx") -> None:
        backend = self.ctx.backend
        if backend is None or self.current is None or self.period is None:
            messages.info(self, "请先统计", "请先选择期间并按“统计”，再导出。")
            return
        start, end = self.period
        if not path:
            kind = "Excel 工作簿 (*.xlsx)" if suffix == ".xlsx" else "Word 文档 (*.docx)"
            default = f"统计报表_{start.isoformat()}_{end.isoformat()}{suffix}"
            path, _ = QFileDialog.getSaveFileName(self, "导出统计报表", default, kind)
            if not path:
                return
        renderer = None
        if path.lower().endswith(".docx"):
            # Chart pictures are drawn here, on the GUI thread (QtCharts is a widget library); the
            # worker only writes the file.
            from mediation_desktop.gui.charts import render_png

            pictures = {spec.key: render_png(spec) for spec in self.current.charts}

            def renderer(spec):
                return pictures.get(spec.key) or b""
        from pathlib import Path

        from mediation_desktop.services.report_writers import produce_return

        by = self.current.ret.by
        self.ctx.runner.run(lambda: produce_return(backend, start, end, Path(path), by=by, renderer=renderer)[1],
                            lambda written: messages.info(self, "导出完成", f"统计报表已保存到：\n{written}"),
                            parent=self, label="正在导出统计报表…")

"""案件: every case in a lazy table, with filters, instant search, sort by any column and Excel export."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS, OUTCOME_LABELS, STAGE_LABELS, Stage
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.models.case_table import CASE_ID_ROLE, CaseTableModel
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services.case_list import ListFilter

SEARCH_DELAY_MS = 60   # short: a query under 100 ms after the last key needs most of the budget
# 1–2 characters cannot use the trigram index (a scan); wait until typing pauses before running one.
SHORT_SEARCH_DELAY_MS = 400
# 状态 filters by the stored status; 结果 narrows further (调解中 + 达成协议 = agreed, not yet closed).
STATUS_FILTERS = (("", "全部状态"), ("registered", "待受理"), ("mediating", "调解中（含待结案）"), ("closed", "已结案"))
# 风险 filters open cases by core.risk's level (the same reckoning as the 风险 page).
RISK_FILTERS = (("", "全部风险"), ("yellow", "黄色及以上"), ("orange", "橙色及以上"), ("red", "红色"))
ORG_CODE_ROLE = Qt.ItemDataRole.UserRole + 2


# What the fixed columns must show whole, measured in the table's font: the widest date, head count,
# amount and status. The case number is measured from the room's own pattern and the rows shown.
COLUMN_SAMPLES = {
    "received_on": ("2026-12-31",), "next_due": ("2026-12-31",), "workers_involved": ("9999",),
    "amount_claimed_fen": ("99,999,999.99",),
    "status": tuple(f"{STAGE_LABELS[Stage.CONCLUDED]}（{o}）" for o in OUTCOME_LABELS.values()),
    "dispute_types": ("劳动报酬、经济补偿",),
}
STRETCH_KEYS = ("applicant_names", "respondent_name", "")   # names (and the district's 调解组织) elide
CELL_PADDING = 28   # the cell's margins and the header's sort arrow


def _bound(edit: DateEdit):
    """The date in a filter field, or None (no bound) when it is empty or cannot be read yet."""
    from mediation_desktop.core.errors import ValidationError

    try:
        return edit.value()
    except ValidationError:
        return None


class CaseListPage(QWidget):
    keys_loaded = Signal(int)   # number of matches, after each query (tests and benchmarks wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sort_key, self.descending = "received_on", True
        self._query_generation = 0
        self._cancel = None   # services.case_list.QueryCancel of the query in flight
        self._loaded = False
        layout = QVBoxLayout(self)

        row1 = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索 案号、申请人、被申请人、案情（输入1个字以上即可）  Ctrl+F")
        self.search.setClearButtonEnabled(True)
        row1.addWidget(QLabel("搜索(&S)："))
        row1.itemAt(0).widget().setBuddy(self.search)
        row1.addWidget(self.search, 3)
        # The date range sits beside the search: with the district's room filter the filters would not
        # fit one row of a 1366-pixel screen, and a cut row hides its last filter or button.
        dates = QHBoxLayout()
        row1.addLayout(dates)
        self.count_label = QLabel("")
        row1.addWidget(self.count_label)
        # The buttons acting on the list; gui/documents/batch.py adds 批量生成文书 here.
        self.actions = QHBoxLayout()
        self.export_button = QPushButton("导出Excel(&E)")
        self.export_button.clicked.connect(self.export)
        self.actions.addWidget(self.export_button)
        row1.addLayout(self.actions)
        layout.addLayout(row1)

        row2 = QHBoxLayout()
        # The district's room filter (hidden at a room, which holds only its own cases).
        self.room = self._combo("调解组织", [("", "全部调解组织")], row2)
        self.room.setVisible(False)
        self.room.setMinimumContentsLength(16)
        self._pending_room: str | None = None
        self.stage = self._combo("状态", list(STATUS_FILTERS), row2)
        self.outcome = self._combo("结果", [("", "全部结果"), ("open", "未结束")] +
                                   [(str(k), v) for k, v in OUTCOME_LABELS.items()], row2)
        self.dispute_type = self._combo("类型", [("", "全部类型")] +
                                        [(str(k), v) for k, v in DISPUTE_TYPE_LABELS.items()], row2)
        self.mediator = self._combo("调解员", [("", "全部调解员")], row2)
        self.use_dates = QCheckBox("收案日期")
        dates.addWidget(self.use_dates)
        # Typed the Chinese way or picked from the calendar (gui/widgets/date_edit.py); an empty bound
        # is open-ended, and an unreadable one is marked in the field and left out of the filter.
        self.date_from = DateEdit(value=QDate(ctx.today()).addMonths(-1), optional=True, what="收案日期起")
        self.date_to = DateEdit(value=ctx.today(), optional=True, what="收案日期止")
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
            edit.dateChanged.connect(self.query)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.use_dates.toggled.connect(self.query)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("至"))
        dates.addWidget(self.date_to)
        self.risk = self._combo("风险", list(RISK_FILTERS), row2)
        self.overdue = QCheckBox("已超期")
        self.collective = QCheckBox("集体争议")
        for box in (self.overdue, self.collective):
            box.toggled.connect(self.query)
            row2.addWidget(box)
        row2.addStretch(1)
        layout.addLayout(row2)

        self.model = CaseTableModel(self._fetch_rows, ctx.today, self)
        self.model.sort_requested.connect(self._sort)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fit_columns()
        self.model.dataChanged.connect(self._rows_arrived)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self.query)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.query)
        setTabOrder = QWidget.setTabOrder  # Qt's name
        setTabOrder(self.search, self.stage)
        setTabOrder(self.stage, self.outcome)
        setTabOrder(self.outcome, self.dispute_type)
        setTabOrder(self.dispute_type, self.mediator)
        setTabOrder(self.mediator, self.view)
        ctx.cases_changed.connect(self.refresh)

    def _combo(self, label: str, entries: list[tuple[str, str]], row: QHBoxLayout) -> QComboBox:
        combo = QComboBox()
        for code, text in entries:
            combo.addItem(text, code)
        combo.setToolTip(label)
        combo.currentIndexChanged.connect(self.query)
        row.addWidget(combo)
        return combo

    def _search_changed(self, text: str) -> None:
        longest = max((len(t) for t in text.split()), default=0)
        self.debounce.setInterval(SHORT_SEARCH_DELAY_MS if 0 < longest < 3 else SEARCH_DELAY_MS)
        self.debounce.start()
        if self._cancel is not None:
            self._cancel.cancel()   # the result would be thrown away: stop scanning now

    # -- querying ----------------------------------------------------------------------------------
    def current_filter(self) -> ListFilter:
        kw: dict = {}
        if self.stage.currentData():
            kw["status"] = self.stage.currentData()
        if self.outcome.currentData():
            kw["outcome"] = self.outcome.currentData()
        if self.dispute_type.currentData():
            kw["dispute_type"] = self.dispute_type.currentData()
        if self.mediator.currentData():
            kw["mediator"] = self.mediator.currentData()
        if self.use_dates.isChecked():
            kw["received_from"], kw["received_to"] = _bound(self.date_from), _bound(self.date_to)
        if self.overdue.isChecked():
            kw["overdue_on"] = self.ctx.today()
        if self.collective.isChecked():
            kw["collective"] = True
        if self.room.currentData():
            kw["org_id"] = self.room.currentData()
        if self.risk.currentData():
            kw["risk_level"] = self.risk.currentData()
        text = self.search.text().strip()
        if text:
            kw["search"] = text
        return ListFilter(**kw)

    def activate(self) -> None:
        """Called when the page is shown: the first visit loads the list and the mediators."""
        if not self._loaded and self.ctx.backend is not None:
            self._loaded = True
            self._load_mediators()
            if self.ctx.backend.node.role == "supervisor":
                self._load_rooms()
            else:
                self.query()

    def _load_mediators(self) -> None:
        from mediation_desktop.services.case_list import CaseListService

        service = CaseListService(self.ctx.require_backend())

        def fill(names: list[str]) -> None:
            for name in names:
                self.mediator.addItem(name, name)

        self.ctx.runner.run(service.mediators, fill, parent=self)

    def _load_rooms(self) -> None:
        """The district's rooms for the filter and the 调解组织 column; then the first query."""
        from mediation_desktop.services.case_list import CaseListService

        service = CaseListService(self.ctx.require_backend())

        def fill(orgs: list[tuple[str, str, str]]) -> None:
            self.room.blockSignals(True)
            for org_id, name, code in orgs:
                self.room.addItem(f"{name}（{code}）" if code else name, org_id)
                self.room.setItemData(self.room.count() - 1, code, ORG_CODE_ROLE)
            self.room.blockSignals(False)
            self.room.setVisible(True)
            self.model.set_org_names({org_id: name for org_id, name, _code in orgs})
            # The 调解组织 column moved the others one to the right: their widths and the sort mark follow.
            self.fit_columns()
            self.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
            if self._pending_room is not None:
                self.show_room(self._pending_room)
            else:
                self.query()

        self.ctx.runner.run(service.organisations, fill, parent=self)

    # -- column widths ------------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Size each fixed column to the widest text it must show whole, in the font on screen, and
        let the name columns take the rest (eliding): the case number is never cut and 下一期限 needs
        no horizontal scrolling at 1280×800 or 1366×768."""
        header = self.view.horizontalHeader()
        for col, (title, key, _text) in enumerate(self.model.columns):
            if key in STRETCH_KEYS:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            samples = self._case_no_samples() if key == "case_no" else COLUMN_SAMPLES.get(key, ())
            self.view.setColumnWidth(col, self.needed_width(title, samples))

    def needed_width(self, title: str, samples) -> int:
        cells = self.view.fontMetrics()
        heading = self.view.horizontalHeader().fontMetrics()
        return max([heading.horizontalAdvance(title)] + [cells.horizontalAdvance(s) for s in samples]) + CELL_PADDING

    def _case_no_samples(self) -> list[str]:
        samples = self.model.shown_texts("case_no")
        backend = self.ctx.backend
        if backend is not None:
            # This year's number with a five-digit sequence: as wide as the room's numbers get.
            samples.append(backend.node.org.format_case_no(self.ctx.today().year, 99999))
        return samples

    def _rows_arrived(self, top, bottom, *_roles) -> None:
        # Another room's numbers (at the district) may be longer than the pattern's: widen, never narrow.
        col = self.model.column_of("case_no")
        rows = (self.model.row_at(i) for i in range(top.row(), bottom.row() + 1))
        needed = self.needed_width(self.model.columns[col][0], [r.case_no for r in rows if r is not None])
        if needed > self.view.columnWidth(col):
            self.view.setColumnWidth(col, needed)

    def show_room(self, org_code: str) -> None:
        """Only this room's cases (the district's overview opens a room this way)."""
        if self.room.count() <= 1:
            self._pending_room = org_code   # the rooms are still loading: applied when they arrive
            self.activate()
            return
        self._pending_room = None
        for i in range(self.room.count()):
            if self.room.itemData(i, ORG_CODE_ROLE) == org_code:
                if self.room.currentIndex() == i:
                    self.query()
                else:
                    self.room.setCurrentIndex(i)   # queries
                return
        self.query()

    def query(self) -> None:
        if self.ctx.backend is None:
            return
        self.debounce.stop()
        from mediation_desktop.services.case_list import CaseListService, QueryCancel, QueryCancelled

        service = CaseListService(self.ctx.backend)
        f, sort, desc = self.current_filter(), self.sort_key, self.descending
        if self._cancel is not None:
            self._cancel.cancel()
        cancel = self._cancel = QueryCancel()
        self._query_generation += 1
        generation = self._query_generation

        def work() -> list[int] | None:
            if generation != self._query_generation:
                return None   # superseded while queued (typing continued): skip the database
            name_key = None
            if sort in ("applicant_names", "respondent_name"):
                from mediation_desktop.gui.i18n import name_collator

                collator = name_collator()   # one per call: a QCollator is not shared across threads
                name_key = collator.sortKey
            try:
                return service.keys(f, sort, desc, name_key=name_key, cancel=cancel)
            except QueryCancelled:
                return None

        def done(keys: list[int] | None) -> None:
            if keys is None or generation != self._query_generation:
                return  # a newer query is on its way
            self.model.set_keys(keys)
            self.count_label.setText(f"共 {len(keys):,} 件")
            self.keys_loaded.emit(len(keys))

        self.ctx.runner.run(work, done, parent=self)

    def refresh(self) -> None:
        if self._loaded:
            self.query()

    def _fetch_rows(self, nums: list[int], callback) -> None:
        from mediation_desktop.services.case_list import CaseListService

        service = CaseListService(self.ctx.require_backend())
        self.ctx.runner.run(lambda: service.rows(nums), callback, parent=self)

    def _sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.refresh()   # not before the first showing (activate): the page may be built signed in

    def _activated(self, index) -> None:
        case_id = self.model.data(index, CASE_ID_ROLE)
        if case_id:
            self.ctx.open_case.emit(case_id)

    # -- export ------------------------------------------------------------------------------------
    def export(self, path: str | None = None) -> None:
        if self.ctx.backend is None:
            return
        if not path:
            default = f"案件列表_{self.ctx.today().isoformat()}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, "导出Excel", default, "Excel 工作簿 (*.xlsx)")
            if not path:
                return
        from mediation_desktop.services.case_list import CaseListService

        service = CaseListService(self.ctx.backend)
        keys = self.model.keys()
        self.ctx.runner.run(lambda report: service.export_xlsx(keys, path, report),
                            lambda n: messages.info(self, "导出完成", f"已导出 {n:,} 件案件到：\n{path}"),
                            label=f"正在导出 {len(keys):,} 件案件…", progress=True, parent=self)

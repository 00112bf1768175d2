"""历史在办案件，请核实: one screen listing the old open cases a ledger import held off the deadline
lists. The mediator ticks one or several and closes them with an outcome (and the close date, when
known), or keeps them open, after which they are normal cases with normal deadlines."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.enums import OUTCOME_LABELS, Outcome
from mediation_desktop.core.ledger_history import REVIEW_TITLE
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services.changes import CASES

COLUMNS = ("案号", "台账序号", "收案日期", "受理日期", "申请人", "被申请人", "调解员")
# Outcomes a reviewed case closes with, in the order a mediator meets them.
CLOSING_OUTCOMES = (Outcome.AGREEMENT, Outcome.SETTLED, Outcome.WITHDRAWN, Outcome.FAILED, Outcome.TRANSFERRED,
                    Outcome.NOT_ACCEPTED)


class LedgerReviewPage(QWidget):
    changed = Signal()    # the list was reloaded (tests and the import page's counter listen)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list = []
        layout = QVBoxLayout(self)
        self.title = QLabel(REVIEW_TITLE)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        intro = QLabel("这些案件在旧台账中没有办结结果，且已超过15天调解期限30天以上，暂不列入超期提醒。"
                       "请逐件核实：已经办结的，选择结果后结案（结案日期不详可不填，按台账中最晚的日期推定）；"
                       "仍在办理的，点“继续办理”，此后按正常案件提醒期限。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setColumnWidth(0, 190)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        actions.addWidget(QLabel("结果："))
        self.outcome = QComboBox()
        for o in CLOSING_OUTCOMES:
            self.outcome.addItem(OUTCOME_LABELS[o], str(o))
        actions.addWidget(self.outcome)
        self.date_known = QCheckBox("结案日期：")
        self.on = DateEdit(value=ctx.today(), what="结案日期")   # typed the Chinese way or picked
        self.on.setEnabled(False)
        self.date_known.toggled.connect(self.on.setEnabled)
        actions.addWidget(self.date_known)
        actions.addWidget(self.on)
        self.close_button = QPushButton("所选案件结案(&J)")
        self.close_button.clicked.connect(self.close_selected)
        self.keep_button = QPushButton("继续办理(&K)")
        self.keep_button.clicked.connect(self.keep_selected)
        self.select_all = QPushButton("全选(&A)")
        self.select_all.clicked.connect(self.table.selectAll)
        actions.addStretch(1)
        for b in (self.select_all, self.close_button, self.keep_button):
            actions.addWidget(b)
        layout.addLayout(actions)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.ctx.cases_changed.connect(self.reload)

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        from mediation_desktop.services.ledger_review import review_list

        self.ctx.runner.run(lambda: review_list(backend), self._show, parent=self)

    def _show(self, items: list) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            cells = (item.case_no, item.ledger_no or "", item.received_on.isoformat(),
                     item.accepted_on.isoformat() if item.accepted_on else "", item.applicant_names,
                     item.respondent_name, item.mediator or "")
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.case_no)
                self.table.setItem(r, c, cell)
        self.title.setText(f"{REVIEW_TITLE}（{len(items)}件）")
        has = bool(items)
        for b in (self.close_button, self.keep_button, self.select_all):
            b.setEnabled(has)
        if not has:
            self.status.setText("没有待核实的历史在办案件。")
        self.changed.emit()

    def selected_case_nos(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.items[r].case_no for r in rows if r < len(self.items)]

    # -- actions ---------------------------------------------------------------------------------
    def close_selected(self) -> None:
        chosen = self.selected_case_nos()
        if not chosen:
            messages.warn(self, "请选择案件", "请先在列表中选择要结案的案件（可按住 Ctrl 或 Shift 多选）。")
            return
        backend = self.ctx.backend
        outcome = Outcome(self.outcome.currentData())
        from mediation_desktop.core.errors import UserError

        try:
            on = self.on.value(field="on") if self.date_known.isChecked() else None
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        from mediation_desktop.services.ledger_review import close_reviewed

        label = OUTCOME_LABELS[outcome]
        self.ctx.runner.run(lambda: close_reviewed(backend, chosen, outcome, on if isinstance(on, date) else None),
                            lambda done: self._done(f"已结案（{label}）：{len(done)}件。"),
                            on_error=self._refused, parent=self, changes=CASES)

    def keep_selected(self) -> None:
        chosen = self.selected_case_nos()
        if not chosen:
            messages.warn(self, "请选择案件", "请先在列表中选择仍在办理的案件。")
            return
        backend = self.ctx.backend
        from mediation_desktop.services.ledger_review import keep_reviewed

        self.ctx.runner.run(lambda: keep_reviewed(backend, chosen),
                            lambda done: self._done(f"已转为正常在办案件：{len(done)}件，此后按期限提醒。"),
                            on_error=self._refused, parent=self, changes=CASES)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.reload()

    def _refused(self, exc: BaseException) -> bool:
        from mediation_desktop.core.errors import UserError

        if isinstance(exc, UserError):
            self.status.setText(f"{exc.code}：{exc.message}")
            messages.show_user_error(self, exc)
            return True
        return False

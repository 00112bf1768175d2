"""The audit trail viewer: filters, newest first, more rows on demand, and the chain's state."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.audit_words import describe_detail
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services.audit_view import (
    ACTION_LABELS,
    AuditEntry,
    AuditFilter,
    audit_actions,
    audit_users,
    chain_problems,
    query_audit,
)

PAGE = 200
COLUMNS = ("时间", "操作人", "操作", "对象", "内容")


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[AuditEntry] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.entries[index.row()]
        return (e.at.replace("T", " ")[:19], e.user, e.action_label, e.detail.get("case_no") or e.entity or "",
                describe_detail(e.detail, skip=("case_no",)))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def reset_to(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def append(self, entries: list[AuditEntry]) -> None:
        if not entries:
            return
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(entries) - 1)
        self.entries.extend(entries)
        self.endInsertRows()


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.user = QComboBox()
        self.action = QComboBox()
        self.case = QLineEdit()
        self.case.setPlaceholderText("案号")
        self.text = QLineEdit()
        self.text.setPlaceholderText("内容包含")
        # Typed as people write dates (2026年9月1日 too), or picked from the calendar; empty: no bound.
        self.date_from = DateEdit(optional=True, what="起始日期")
        self.date_to = DateEdit(optional=True, what="截止日期")
        # The app's own day (core.clock, China Standard Time), which the audit times are written in.
        today = QDate(ctx.today())
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        search, more = QPushButton("查询"), QPushButton("更多")
        search.clicked.connect(self.search)
        more.clicked.connect(self.more)
        self.model = AuditModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.chain = QLabel("")
        self.chain.setWordWrap(True)
        filters = QHBoxLayout()
        for label, w in (("操作人", self.user), ("操作", self.action), ("从", self.date_from), ("到", self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.case)
        filters.addWidget(self.text)
        filters.addWidget(search)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        bottom = QHBoxLayout()
        bottom.addWidget(self.chain, 1)
        bottom.addWidget(more)
        layout.addLayout(bottom)
        self.reload_choices()
        self.search()

    def reload_choices(self) -> None:
        backend = self.ctx.require_backend()
        self.ctx.runner.run(lambda: (audit_users(backend), audit_actions(backend)), self._show_choices, parent=self)

    def _show_choices(self, choices: tuple[list[str], list[str]]) -> None:
        users, actions = choices
        self.user.clear()
        self.user.addItem("全部", None)
        for u in users:
            self.user.addItem(u, u)
        self.action.clear()
        self.action.addItem("全部", None)
        for a in actions:
            self.action.addItem(ACTION_LABELS.get(a, a), a)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(user=self.user.currentData(), action=self.action.currentData(),
                           case=self.case.text().strip() or None, text=self.text.text().strip() or None,
                           date_from=self.date_from.value(), date_to=self.date_to.value())

    def search(self) -> None:
        from mediation_desktop.core.errors import ValidationError
        from mediation_desktop.gui import messages

        try:
            wanted = self.current_filter()
        except ValidationError as exc:
            messages.show_user_error(self, exc)
            return
        backend = self.ctx.require_backend()
        self.ctx.runner.run(lambda: (query_audit(backend, wanted, limit=PAGE), chain_problems(backend)),
                            self._show_found, parent=self)

    def _show_found(self, found: tuple[list[AuditEntry], list[str]]) -> None:
        entries, problems = found
        self.model.reset_to(entries)
        self.chain.setText("审计日志完整（哈希链校验通过）" if not problems
                           else "审计日志校验发现问题：" + "；".join(problems[:3]))

    def more(self) -> None:
        if not self.model.entries:
            return
        from mediation_desktop.core.errors import ValidationError
        from mediation_desktop.gui import messages

        try:
            wanted = self.current_filter()
        except ValidationError as exc:
            messages.show_user_error(self, exc)
            return
        backend, last = self.ctx.require_backend(), self.model.entries[-1].id
        self.ctx.runner.run(lambda: query_audit(backend, wanted, limit=PAGE, before_id=last), self.model.append,
                            parent=self)

"""工作台: today's work at a glance. Each line opens its case (double-click or Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.case_list import Desk, DeskItem
from mediation_desktop.services.session_schedule import BookedSession, SessionDesk

URGENCY_STYLE = {
    "overdue": ("#b71c1c", "#ffebee", "已超期"),
    "today": ("#e65100", "#fff3e0", "今天到期"),
    "soon": ("#8d6e00", "#fffde7", "3天内"),
    "info": ("#263238", None, ""),
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _desk_now(backend, today):
    """The desk's lists and the booked sessions, read together (one job, so the sessions head the
    desk as it is drawn, never after it)."""
    from mediation_desktop.services.case_list import CaseListService
    from mediation_desktop.services.session_schedule import session_desk

    return CaseListService(backend).desk(today), session_desk(backend, today)


class DeskPrefetch:
    """The desk read on the task runner while the sign-in dialog is open, so the desk fills as soon
    as the password is checked. It is shown only after a sign-in (the page's ``reload``), and only if
    nothing the desk shows was written since it was read (the audit log says: signing in itself
    does not count); otherwise the desk is read afresh. Both ``run`` and ``take`` run on the one
    worker thread, in that order."""

    def __init__(self, backend, today):
        self.backend, self.today = backend, today
        self.mark: int | None = None
        self.result: tuple | None = None

    def run(self) -> None:
        from mediation_desktop.storage.desk_queries import audit_mark

        try:
            with self.backend.db.read() as conn:
                self.mark = audit_mark(conn)    # before the lists: a write in between reads afresh
            self.result = _desk_now(self.backend, self.today)
        except Exception:  # noqa: BLE001 - a guess only: ``take`` reads again, and reports any fault
            self.result = None

    def serves(self, backend, today) -> bool:
        return backend is self.backend and today == self.today

    def take(self) -> tuple:
        from mediation_desktop.storage.desk_queries import changed_since

        result, self.result = self.result, None   # used once
        if result is not None and self.mark is not None:
            with self.backend.db.read() as conn:
                if not changed_since(conn, self.mark):
                    return result
        return _desk_now(self.backend, self.today)


def _booked(session: BookedSession, urgency: str) -> DeskItem:
    # No tag: a booked session is an appointment, not a deadline (the tag shows only with ``due``).
    return DeskItem(session.case_id, session.case_no, session.title, session.detail, urgency)


class DeskPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.desk: Desk | None = None
        self.sessions: SessionDesk | None = None
        self.prefetched: DeskPrefetch | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel("工作台")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title)
        top.addStretch(1)
        self.summary = QLabel("")
        top.addWidget(self.summary)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#8d6e00;")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        # The programme's notes (urgent reports at the district, the pre-Spring-Festival screening).
        self.programme_notes = QLabel("")
        self.programme_notes.setWordWrap(True)
        self.programme_notes.setStyleSheet("color:#b71c1c;")
        self.programme_notes.setVisible(False)
        layout.addWidget(self.programme_notes)
        # A room's unread notices from the district (they arrive in its packages; read on 通知).
        self.notices_note = QLabel("")
        self.notices_note.setStyleSheet("color:#1a5fb4;font-weight:bold;")
        self.notices_note.setVisible(False)
        layout.addWidget(self.notices_note)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["案号", "当事人", "事项", "期限依据"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(1, 240)
        self.tree.setColumnWidth(2, 330)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        ctx.cases_changed.connect(self.reload)
        ctx.changed.connect(lambda changes: changes.notices and not changes.cases and self.reload())

    def prefetch(self, backend) -> None:
        """Read the desk on the task runner while the user signs in (gui.startup); the first
        ``reload`` after the sign-in shows it."""
        self.prefetched = DeskPrefetch(backend, self.ctx.today())
        self.ctx.runner.run(self.prefetched.run, parent=self)

    def drop_prefetched(self) -> None:
        """A refused password: what was read behind the dialog is never shown (the next sign-in's
        desk is read afresh)."""
        self.prefetched = None

    def reload(self) -> None:
        if self.ctx.backend is None:
            return
        today = self.ctx.today()
        backend = self.ctx.backend
        prefetched, self.prefetched = self.prefetched, None
        if prefetched is not None and prefetched.serves(backend, today):
            job = prefetched.take
        else:
            def job():
                return _desk_now(backend, today)
        self.ctx.runner.run(job, lambda both: self.show_desk(*both), parent=self)
        from mediation_desktop.services.programme_desk import notes

        self.ctx.runner.run(lambda: notes(backend, today), self.show_programme_notes, parent=self)
        from mediation_desktop.services.permissions import allowed

        if backend.node.role == "room" and allowed(backend.role, "case.read"):
            from mediation_desktop.services.district_messages import notice_counts

            self.ctx.runner.run(lambda: notice_counts(backend)[1], self.show_unread_notices, parent=self)

    def show_unread_notices(self, unread: int) -> None:
        self.notices_note.setText(f"✉ 区人社通知：{unread} 条未读，请在“通知”页查看" if unread else "")
        self.notices_note.setVisible(bool(unread))

    def show_programme_notes(self, notes: list[str]) -> None:
        self.programme_notes.setText("\n".join(notes))
        self.programme_notes.setVisible(bool(notes))

    def show_desk(self, desk: Desk, sessions: SessionDesk | None = None) -> None:
        self.desk = desk
        self.sessions = sessions
        self.tree.clear()
        overdue = sum(1 for i in desk.deadlines if i.urgency == "overdue")
        due_today = sum(1 for i in desk.deadlines if i.urgency == "today")
        booked = f"　今日调解 {len(sessions.today)} 件" if sessions is not None else ""
        self.summary.setText(f"{desk.today.isoformat()}{booked}　超期 {overdue} 件　今天到期 {due_today} 件")
        self.warning.setText("；".join(desk.warnings))
        self.warning.setVisible(bool(desk.warnings))
        if sessions is not None:
            # The day's appointments first: the parties are coming whatever else is due.
            self._section("今日调解", [_booked(s, "today") for s in sessions.today], "今天没有安排调解")
            self._section("本周调解（明天至本周日）", [_booked(s, "info") for s in sessions.this_week],
                          "本周其余几天没有安排调解")
        self._section("期限提醒：今天、3天内到期及已超期", desk.deadlines, "当前没有需要处理的期限",
                      total=desk.deadlines_total)
        self._section("新登记待受理", desk.new_registrations, "没有待受理的新登记")
        self._section("集体争议（10人以上）", desk.collective, "没有在办的集体争议")
        self._section("协议履行期已过、尚未记录履行", desk.performance_overdue, "没有逾期未履行的协议")
        self._section("逾期受理（超过3个工作日受理期限）", desk.late_acceptance, "没有逾期受理的在办案件",
                      total=desk.late_acceptance_total)
        self.tree.expandAll()

    def _section(self, title: str, items: list[DeskItem], empty: str, total: int | None = None) -> None:
        # One count per heading: the total, and how many are listed when the list is cut short.
        count = f"共{total}件，显示前{len(items)}件" if total is not None and total > len(items) else f"{len(items)}"
        head = QTreeWidgetItem([f"{title}（{count}）", "", "", ""])
        font = QFont(self.tree.font())
        font.setBold(True)
        head.setFont(0, font)
        head.setFirstColumnSpanned(True)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(head)
        if not items:
            child = QTreeWidgetItem([empty, "", "", ""])
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)
            child.setForeground(0, QBrush(QColor("#78909c")))
            head.addChild(child)
            return
        for item in items:
            fg, bg, tag = URGENCY_STYLE.get(item.urgency, URGENCY_STYLE["info"])
            text = f"【{tag}】{item.detail}" if tag and item.due else item.detail
            child = QTreeWidgetItem([item.case_no, item.title, text, item.rule])
            child.setData(0, CASE_ID_ROLE, item.case_id)
            child.setForeground(2, QBrush(QColor(fg)))
            if bg:
                for col in range(4):
                    child.setBackground(col, QBrush(QColor(bg)))
            tip = f"{item.detail}\n依据：{item.rule}" if item.rule else item.detail
            for col in range(4):
                child.setToolTip(col, tip)
            head.addChild(child)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, CASE_ID_ROLE)
        if case_id:
            self.ctx.open_case.emit(case_id)

    def items(self) -> list[QTreeWidgetItem]:
        """Every case line (tests and keyboard navigation)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out.extend(head.child(j) for j in range(head.childCount()) if head.child(j).data(0, CASE_ID_ROLE))
        return out

"""通知与批注 (the district) / 通知 (a room).

At the district the page writes a notice to every room, with an optional attached file, and lists
what was sent; notices travel down in the next packages (sync.supervisor.add_notice). At a room it
lists the notices received, unread ones in bold, marks them read and saves an attached file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.pages.district_common import (
    fill_rows,
    page_title,
    paint_row,
    read_only_table,
    row_key,
)
from mediation_desktop.services.changes import NOTICES, Changes


def load_notices(backend) -> tuple[list[dict], int, list[dict]]:   # backend: services.backend.Backend
    """(every notice, newest first; unread count at a room; remarks and correction requests)."""
    from mediation_desktop.services.district_messages import notice_counts, recent_remarks
    from mediation_desktop.sync.supervisor import notices

    found = notices(backend)
    unread = notice_counts(backend)[1] if backend.node.role == "room" else 0
    return found, unread, recent_remarks(backend)


def remark_cells(r: dict) -> list:
    kind = "更正请求" if r["kind"] == "correction" else "批注"
    if r["open"]:
        state = "● 待答复"
    elif r["answers"]:
        state = "已答复"
    else:
        state = ""
    answer = "；".join(f"{a['text']}（{str(a['created_at'])[:10]}）" for a in r["answers"])
    return [str(r["created_at"])[:10], r["org_name"], r["case_no"], kind, state, r["text"], answer]


class NoticesPage(QWidget):
    unread_changed = Signal(int)   # the room's unread count (the navigation shows it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.notices: list[dict] = []
        self.attachment: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title_label = page_title("通知")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.unread_label = QLabel("")
        top.addWidget(self.unread_label)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        # The district's form: title, body, an optional file.
        self.compose = QGroupBox("发出通知（随下一批下发包送达各调解组织）")
        form = QFormLayout(self.compose)
        self.notice_title = QLineEdit()
        self.notice_title.setMaxLength(200)
        self.notice_title.setPlaceholderText("例如：关于做好春节前欠薪隐患排查的通知")
        form.addRow("标题(&T)：", self.notice_title)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("通知正文")
        self.body.setMaximumHeight(110)
        form.addRow("正文(&B)：", self.body)
        attach_row = QHBoxLayout()
        self.attach_label = QLabel("（无附件）")
        attach_row.addWidget(self.attach_label, 1)
        self.attach_button = QPushButton("附加文件…")
        self.attach_button.clicked.connect(lambda: self.choose_attachment())
        attach_row.addWidget(self.attach_button)
        self.clear_attach = QPushButton("去掉附件")
        self.clear_attach.clicked.connect(lambda: self.choose_attachment(""))
        attach_row.addWidget(self.clear_attach)
        form.addRow("附件：", attach_row)
        self.send_button = QPushButton("发出通知(&S)")
        self.send_button.clicked.connect(self.send)
        form.addRow("", self.send_button)
        layout.addWidget(self.compose)

        self.lists = QTabWidget()
        split = QSplitter()
        self.table = read_only_table(("日期", "标题", "附件", "状态"))
        for col, width in enumerate((100, 280, 140)):
            self.table.setColumnWidth(col, width)
        self.table.currentCellChanged.connect(lambda r, *_: self._show_body(r))
        split.addWidget(self.table)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.reading = QPlainTextEdit()
        self.reading.setReadOnly(True)
        side.addWidget(self.reading, 1)
        buttons = QHBoxLayout()
        self.read_button = QPushButton("标为已读")
        self.read_button.clicked.connect(lambda: self.mark_read())
        buttons.addWidget(self.read_button)
        self.all_read_button = QPushButton("全部标为已读")
        self.all_read_button.clicked.connect(lambda: self.mark_read(all_of_them=True))
        buttons.addWidget(self.all_read_button)
        buttons.addStretch(1)
        self.save_attachment_button = QPushButton("保存附件…")
        self.save_attachment_button.clicked.connect(lambda: self.save_attachment())
        buttons.addWidget(self.save_attachment_button)
        side.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([600, 500])
        self.lists.addTab(split, "通知")
        # The district's remarks and correction requests, open ones first; double-click opens the case.
        self.remarks_table = read_only_table(("日期", "调解组织", "案号", "类型", "状态", "内容", "答复"))
        for col, width in enumerate((90, 190, 150, 70, 80, 300)):
            self.remarks_table.setColumnWidth(col, width)
        self.remarks_table.cellDoubleClicked.connect(lambda r, _c: self._open_remark_case(r))
        self.remarks_table.cellActivated.connect(lambda r, _c: self._open_remark_case(r))
        self.lists.addTab(self.remarks_table, "批注与更正请求")
        layout.addWidget(self.lists, 1)
        self.remarks: list[dict] = []
        self.set_role("room")
        ctx.changed.connect(self._changed)

    def set_role(self, node_role: str) -> None:
        district = node_role == "supervisor"
        self.district = district
        self.title_label.setText("通知与批注" if district else "通知")
        self.compose.setVisible(district)
        for b in (self.read_button, self.all_read_button):
            b.setVisible(not district)
        self.table.setHorizontalHeaderItem(3, None)
        self.table.setHorizontalHeaderLabels(["日期", "标题", "附件", "发出" if district else "状态"])

    def _changed(self, changes: Changes) -> None:
        if changes.notices or changes.sync:
            self.reload()

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        self.ctx.runner.run(lambda: load_notices(backend), self._show, parent=self)

    def _show(self, result: tuple[list[dict], int, list[dict]]) -> None:
        found, unread, remarks = result
        self.remarks = remarks
        fill_rows(self.remarks_table, [remark_cells(r) for r in remarks], [r["case_id"] for r in remarks])
        for i, r in enumerate(remarks):
            if r["open"]:
                paint_row(self.remarks_table, i, "#8d6e00", "#fffde7")
        waiting = sum(1 for r in remarks if r["open"])
        self.lists.setTabText(0, f"通知（{len(found)}）")
        self.lists.setTabText(1, f"批注与更正请求（{len(remarks)}，待答复{waiting}）" if waiting
                              else f"批注与更正请求（{len(remarks)}）")
        self.notices = found
        state = (lambda n: "已发出") if self.district else (lambda n: "已读" if n.get("read_at") else "未读")
        fill_rows(self.table, [[str(n["created_at"])[:10], n["title"], n.get("attachment_name") or "", state(n)]
                               for n in found], [n["id"] for n in found])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for i, n in enumerate(found):
            if not self.district and not n.get("read_at"):
                for c in range(self.table.columnCount()):
                    self.table.item(i, c).setFont(bold)
        self.unread_label.setText("" if self.district else f"共 {len(found)} 条，未读 {unread} 条")
        self.unread_changed.emit(unread)
        if found:
            self.table.selectRow(0)
            self._show_body(0)
        else:
            self.reading.setPlainText("还没有通知。" if not self.district else "还没有发出通知。")

    def _show_body(self, row: int) -> None:
        if not 0 <= row < len(self.notices):
            return
        n = self.notices[row]
        extra = f"\n\n附件：{n['attachment_name']}" if n.get("attachment_name") else ""
        self.reading.setPlainText(f"{n['title']}\n{str(n['created_at'])[:16].replace('T', ' ')}\n\n{n['body']}{extra}")
        self.save_attachment_button.setEnabled(bool(n.get("attachment_name")))

    def _open_remark_case(self, row: int) -> None:
        case_id = row_key(self.remarks_table, row)
        if case_id:
            self.ctx.open_case.emit(case_id)

    # -- the district ----------------------------------------------------------------------------
    def choose_attachment(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "选择附件")
            if not path:
                return
        self.attachment = path or None
        self.attach_label.setText(Path(path).name if path else "（无附件）")

    def send(self) -> None:
        backend = self.ctx.require_backend()
        from mediation_desktop.sync.supervisor import add_notice

        title, body, attachment = self.notice_title.text(), self.body.toPlainText(), self.attachment

        def sent(_notice_id: str) -> None:
            self.notice_title.clear()
            self.body.clear()
            self.choose_attachment("")
            messages.info(self, "通知已记录", "通知将随下一批下发包送达各调解组织。")

        self.ctx.runner.run(lambda: add_notice(backend, title, body, attachment), sent, parent=self,
                            changes=NOTICES)

    # -- a room ----------------------------------------------------------------------------------
    def mark_read(self, all_of_them: bool = False) -> None:
        backend = self.ctx.require_backend()
        from mediation_desktop.services.district_messages import mark_notices_read

        ids = None if all_of_them else [row_key(self.table, self.table.currentRow())]
        if ids == [None]:
            return
        self.ctx.runner.run(lambda: mark_notices_read(backend, ids), None, parent=self, changes=NOTICES)

    def save_attachment(self, target: str | None = None) -> None:
        backend = self.ctx.require_backend()
        notice_id = row_key(self.table, self.table.currentRow())
        if not notice_id:
            return
        notice = next(n for n in self.notices if n["id"] == notice_id)
        if not notice.get("attachment_name"):
            return
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, "保存附件", notice["attachment_name"])
            if not target:
                return
        from mediation_desktop.sync.supervisor import notice_attachment

        def work() -> str:
            _name, stored = notice_attachment(backend, notice_id)
            shutil.copyfile(stored, target)
            return target

        self.ctx.runner.run(work, lambda saved: messages.info(self, "附件已保存", f"已保存到：\n{saved}"), parent=self)

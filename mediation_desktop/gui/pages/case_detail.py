"""Case detail: a header with status and deadline chips, the lifecycle buttons that are legal now,
and tabs for parties and claims, sessions, the agreement, documents, attachments and the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.audit_words import describe_detail
from mediation_desktop.core.deadlines import (
    DEADLINE_KEYS,
    DEADLINE_LABELS,
    RULE_TEXTS,
    open_deadline_items,
    warning_text,
)
from mediation_desktop.core.enums import CHANNEL_LABELS, DISPUTE_TYPE_LABELS, OUTCOME_LABELS, STAGE_LABELS
from mediation_desktop.core.lifecycle import allowed_actions, late_acceptance_text
from mediation_desktop.core.money import format_figures
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.dialogs.actions import dialog_for
from mediation_desktop.gui.documents.tab import DocumentsPanel
from mediation_desktop.gui.widgets.flow_layout import flow_container
from mediation_desktop.services.changes import CASES, Changes

CHIP = "border-radius:9px;padding:2px 10px;color:white;background:{bg};"
STAGE_COLOURS = {"registered": "#1565c0", "mediating": "#2e7d32", "concluded": "#6a1b9a", "closed": "#546e7a"}

@dataclass
class Loaded:
    view: Any            # services.cases.CaseView
    attachments: list
    audit: list


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text or ""))


def _d(value) -> str:  # a date or None
    return value.isoformat() if value else ""


class CaseDetailPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.changed.connect(self._changed)
        self.case_id: str | None = None
        self.loaded: Loaded | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton("← 返回")
        self.back.setToolTip("Alt+←")
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back)
        self.title = QLabel("")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title)
        self.stage_chip = QLabel("")
        top.addWidget(self.stage_chip)
        top.addStretch(1)
        layout.addLayout(top)
        self.parties = QLabel("")
        self.parties.setWordWrap(True)
        layout.addWidget(self.parties)
        # Chips wrap to a second line on a narrow screen rather than running off the edge.
        self.chips_box, self.chips = flow_container()
        layout.addWidget(self.chips_box)
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#8d6e00;")
        layout.addWidget(self.warning)
        # The district's remarks and correction requests on this case (they arrive in its packages).
        self.remarks = QLabel("")
        self.remarks.setWordWrap(True)
        self.remarks.setStyleSheet("color:#1a5fb4;")
        layout.addWidget(self.remarks)
        self.action_row = QHBoxLayout()
        layout.addLayout(self.action_row)
        self.action_buttons: dict[str, QPushButton] = {}

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.applicants = _table(["姓名", "身份证号", "电话", "代表人"])
        self.claims = _table(["请求事项", "金额", "类型"])
        tab = QWidget()
        v = QVBoxLayout(tab)
        v.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(QLabel("申请人"))
        row.addStretch(1)
        self.reveal_button = QPushButton("显示完整证件号")
        self.reveal_button.setToolTip("显示完整的身份证号和电话；每次查看都记入审计日志")
        self.reveal_button.clicked.connect(lambda: self.reveal_personal())
        row.addWidget(self.reveal_button)
        v.addLayout(row)
        v.addWidget(self.applicants, 1)
        v.addWidget(QLabel("请求事项"))
        v.addWidget(self.claims, 1)
        self.tabs.addTab(tab, "当事人与请求")
        self.sessions = _table(["日期", "地点", "方式", "参加人员", "记录"])
        self.tabs.addTab(self.sessions, "调解记录")
        tab = QWidget()
        v = QVBoxLayout(tab)
        self.agreement_label = QLabel("")
        self.agreement_label.setWordWrap(True)
        self.agreement_items = _table(["给付方", "接受方", "内容", "金额", "履行期限", "履行日期", "已履行金额"])
        self.application_button = QPushButton("登记仲裁审查/司法确认申请…")
        self.application_button.clicked.connect(lambda: self.run_action("application"))
        v.addWidget(self.agreement_label)
        v.addWidget(self.agreement_items, 1)
        v.addWidget(self.application_button)
        self.tabs.addTab(tab, "调解协议")
        self.documents_tab = QWidget()
        v = QVBoxLayout(self.documents_tab)
        self.documents = DocumentsPanel(ctx)
        v.addWidget(self.documents)
        self.tabs.addTab(self.documents_tab, "文书")
        tab = QWidget()
        v = QVBoxLayout(tab)
        self.attachments = _table(["文件名", "说明", "大小", "添加人", "添加时间"])
        self.attachments.cellDoubleClicked.connect(lambda row, _c: self.open_attachment(row))
        row = QHBoxLayout()
        self.add_attachment_button = QPushButton("添加扫描件…")
        self.add_attachment_button.clicked.connect(lambda: self.add_attachment())
        row.addWidget(self.add_attachment_button)
        row.addWidget(QLabel("双击打开；文件按内容校验值保存在数据目录中"))
        row.addStretch(1)
        v.addWidget(self.attachments, 1)
        v.addLayout(row)
        self.tabs.addTab(tab, "附件")
        self.audit = _table(["时间", "操作人", "操作", "内容"])
        self.tabs.addTab(self.audit, "操作记录")

    # -- loading -------------------------------------------------------------------------------------
    def show_case(self, case_id: str) -> None:
        self.case_id = case_id
        backend = self.ctx.require_backend()
        today = self.ctx.today()

        def work() -> Loaded:
            from mediation_desktop.services.attachments import AttachmentService
            from mediation_desktop.services.case_list import CaseListService
            from mediation_desktop.services.cases import CaseService

            view = CaseService(backend).view(case_id, today=today)
            return Loaded(view, AttachmentService(backend).list(view.case.id),
                          CaseListService(backend).audit_trail(view.case.id))

        self.ctx.runner.run(work, self._show, parent=self)

    def reload(self) -> None:
        if self.case_id:
            self.show_case(self.case_id)

    def _changed(self, changes: Changes) -> None:
        if self.case_id and (changes.cases or changes.documents or changes.notices) and self.isVisible():
            self.reload()

    def _show(self, loaded: Loaded) -> None:
        if loaded.view.case.id != self.case_id:
            return
        self.loaded = loaded
        case, deadlines, risk = loaded.view.case, loaded.view.deadlines, loaded.view.risk
        today = self.ctx.today()
        self.title.setText(case.case_no)
        stage = str(case.stage)
        label = STAGE_LABELS[case.stage] + (f"·{OUTCOME_LABELS[case.outcome]}" if case.outcome else "")
        self.stage_chip.setText(label)
        self.stage_chip.setStyleSheet(CHIP.format(bg=STAGE_COLOURS[stage]))
        self.parties.setText(f"申请人：{case.applicant_names}　　被申请人：{case.respondent.name}"
                             f"　　涉及 {case.workers_involved} 人" +
                             (f"　　风险：{'；'.join(risk.reasons)}" if risk.reasons else ""))
        self._deadline_chips(case, deadlines, today)
        notes = [warning_text(w) for w in deadlines.warnings]
        if case.accepted_late:   # allowed, but on record: the mediator sees it on the case
            notes.append(late_acceptance_text(case, deadlines.acceptance_due))
        # A case from a legacy ledger: its old 序号, a close date inferred, or still to be reviewed.
        from mediation_desktop.core.ledger_history import ledger_notes
        from mediation_desktop.core.session_schedule import schedule_text

        booked = schedule_text(case) if case.is_open and case.outcome is None else ""
        if booked:
            self.parties.setText(f"{self.parties.text()}\n{booked}")
        notes.extend(ledger_notes(case.ledger_no, case.historical, case.closed_on_inferred, case.review_pending))
        self.warning.setText("；".join(notes))
        self.warning.setVisible(bool(notes))
        remarks = loaded.view.remarks
        self.remarks.setText("\n".join(
            f"区人社{'更正请求' if r['kind'] == 'correction' else '批注'}（{r['created_at'][:10]}，{r['author']}）：{r['text']}"
            for r in remarks))
        self.remarks.setVisible(bool(remarks))
        self._action_buttons(case)
        self._fill_tabs(loaded)

    def _deadline_chips(self, case, deadlines, today) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        open_keys = {i.deadline_key: i for i in open_deadline_items(case, deadlines, today)}
        for key in DEADLINE_KEYS:
            due = deadlines.get(key)
            if due is None:
                continue
            if key in open_keys:
                days = (due - today).days
                bg = "#c62828" if days < 0 else "#ef6c00" if days <= 3 else "#2e7d32"
                state = f"超期{-days}天" if days < 0 else "今天" if days == 0 else f"剩{days}天"
            else:
                bg, state = "#90a4ae", "已不适用"
            approx = "（估算）" if key in deadlines.approximate else ""
            chip = QLabel(f"{DEADLINE_LABELS[key]} {due.isoformat()}{approx} {state}")
            chip.setStyleSheet(CHIP.format(bg=bg))
            chip.setToolTip(RULE_TEXTS[key])
            self.chips.addWidget(chip)

    def _action_buttons(self, case) -> None:
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons = {}
        while self.action_row.count():
            self.action_row.takeAt(0)
        from mediation_desktop.services.permissions import may_act_on_case

        backend = self.ctx.backend
        role = backend.role if backend is not None else ""
        node_id = backend.node.node_id if backend is not None else ""
        for action in allowed_actions(case):
            if not may_act_on_case(role, action.code, case.origin_node, node_id):
                continue   # the service would refuse it (the role, or another room's case): not offered
            button = QPushButton(action.label)
            button.clicked.connect(lambda _=False, code=action.code: self.run_action(code))
            self.action_row.addWidget(button)
            self.action_buttons[action.code] = button
        if case.is_open and case.outcome is None and may_act_on_case(role, "schedule_session", case.origin_node,
                                                                     node_id):
            button = QPushButton("安排调解…")
            button.setToolTip("安排下次调解的日期、时间和地点（工作台的今日调解/本周调解据此列出）")
            button.clicked.connect(lambda: self.schedule_session())
            self.action_row.addWidget(button)
            self.action_buttons["schedule_session"] = button
        self._remark_buttons(case, role, node_id)
        self.action_row.addStretch(1)
        self.application_button.setVisible(case.agreement is not None and case.is_open
                                           and may_act_on_case(role, "application", case.origin_node, node_id))
        self.add_attachment_button.setVisible(may_act_on_case(role, "attach", case.origin_node, node_id))

    def _remark_buttons(self, case, role: str, node_id: str) -> None:   # case: core.model.Case
        """区人社: remark or correction request on a room's case; a room: answer the district's
        unanswered remark (gui/dialogs/remark.py)."""
        from mediation_desktop.services.permissions import may_answer_remark, may_remark

        backend = self.ctx.backend
        node_role = backend.node.role if backend is not None else ""
        if may_remark(role, node_role, case.origin_node, node_id):
            for key, label, correction in (("remark", "写批注…", False), ("correction", "发送更正请求…", True)):
                button = QPushButton(label)
                button.clicked.connect(lambda _=False, c=correction: self.write_remark(c))
                self.action_row.addWidget(button)
                self.action_buttons[key] = button
        waiting = [r for r in (self.loaded.view.remarks if self.loaded else []) if not r.get("answered_at")]
        if waiting and may_answer_remark(role, node_role):
            button = QPushButton("答复区人社意见…")
            button.clicked.connect(lambda: self.answer_remark())
            self.action_row.addWidget(button)
            self.action_buttons["answer"] = button

    def schedule_session(self):   # returns the dialog (tests fill it)
        from mediation_desktop.gui.dialogs.schedule import ScheduleDialog

        self.schedule_dialog = ScheduleDialog(self.ctx, self.loaded.view.case, self.ctx.today(), self)
        self.schedule_dialog.open()
        return self.schedule_dialog

    def write_remark(self, correction: bool = False):   # returns the dialog (tests fill it)
        from mediation_desktop.gui.dialogs.remark import RemarkDialog

        case = self.loaded.view.case
        self.remark_dialog = RemarkDialog(self.ctx, case.id, case.case_no, self, correction=correction)
        self.remark_dialog.open()
        return self.remark_dialog

    def answer_remark(self):   # returns the dialog (tests fill it)
        """Answer the oldest remark still waiting (a correction request stays open until answered)."""
        from types import SimpleNamespace

        from mediation_desktop.gui.dialogs.remark import AnswerDialog

        waiting = [r for r in self.loaded.view.remarks if not r.get("answered_at")]
        if not waiting:
            return None
        r = sorted(waiting, key=lambda r: r["created_at"])[0]
        remark = SimpleNamespace(id=r["id"], kind=r["kind"], text=r["text"], author=r["author"],
                                 created_at=r["created_at"])
        self.answer_dialog = AnswerDialog(self.ctx, remark, self)
        self.answer_dialog.open()
        return self.answer_dialog

    def _fill_tabs(self, loaded: Loaded) -> None:
        case = loaded.view.case
        types = "、".join(DISPUTE_TYPE_LABELS.get(t, t) for t in case.dispute_types)  # type: ignore[call-overload]
        court = f"（法院案号 {case.court_case_no}）" if case.court_case_no else ""
        amount = format_figures(case.amount_claimed_fen) if case.amount_claimed_fen is not None else "未填"
        self.summary.setText(
            f"收案 {_d(case.received_on)}　受理 {_d(case.accepted_on) or '—'}　来源 {CHANNEL_LABELS[case.channel]}{court}"
            f"　调解员 {case.mediator or '—'}\n争议类型：{types or '—'}　请求金额：{amount}\n"
            f"用人单位：{case.respondent.name}　信用代码：{case.respondent.uscc or '—'}"
            f"　法定代表人：{case.respondent.legal_rep or '—'}\n事实与理由：{case.facts or '—'}")
        self._fill_applicants(case, full=False)
        _fill(self.claims, [[c.description, format_figures(c.amount_fen) if c.amount_fen is not None else "",
                             DISPUTE_TYPE_LABELS.get(c.dispute_type, "") if c.dispute_type else ""]  # type: ignore[call-overload]
                            for c in case.claims])
        _fill(self.sessions, [[_d(s.held_on), s.place, s.mode, s.attendees, s.notes] for s in case.sessions])
        ag = case.agreement
        if ag is None:
            self.agreement_label.setText("尚未达成调解协议。")
            _fill(self.agreement_items, [])
        else:
            self.agreement_label.setText(
                f"签订 {_d(ag.signed_on)}，生效 {_d(ag.takes_effect_on)}，协议金额 {format_figures(ag.total_fen)}\n"
                f"仲裁审查：{_d(ag.arbitration_review_applied_on) or '未申请'} {ag.arbitration_review_result or ''}　"
                f"司法确认：{_d(ag.judicial_confirmation_applied_on) or '未申请'} {ag.judicial_confirmation_result or ''}")
            _fill(self.agreement_items, [
                [i.payer, i.payee, i.description, format_figures(i.amount_fen) if i.amount_fen is not None else "",
                 _d(i.due_on), _d(i.performed_on),
                 format_figures(i.performed_fen) if i.performed_fen is not None else ""] for i in ag.items])
        self.documents.show_case(case)
        _fill(self.attachments, [[a.file_name, a.description, f"{a.size / 1024:.0f} KB", a.added_by, a.added_at[:16]]
                                 for a in loaded.attachments])
        _fill(self.audit, [[e.at[:19].replace("T", " "), e.user, e.action,
                            describe_detail(e.detail, skip=("case_no",))]
                           for e in loaded.audit])

    def _fill_applicants(self, case, full: bool) -> None:
        """ID and phone numbers masked unless a permitted user asked for them (and was audited)."""
        from mediation_desktop.core.validation import mask_id, mask_phone
        from mediation_desktop.services.permissions import allowed

        show_id = (lambda v: v) if full else mask_id
        show_phone = (lambda v: v) if full else mask_phone
        _fill(self.applicants, [[a.name, show_id(a.id_number) or "", show_phone(a.phone) or "",
                                 "是" if a.is_representative else ""] for a in case.applicants])
        role = self.ctx.backend.role if self.ctx.backend is not None else ""
        self.reveal_button.setVisible(not full and allowed(role, "case.view_personal")
                                      and any(a.id_number or a.phone for a in case.applicants))

    def reveal_personal(self) -> None:
        if self.loaded is None:
            return
        from mediation_desktop.services.audit_events import audit_view_personal

        case, backend = self.loaded.view.case, self.ctx.require_backend()

        def shown(_=None) -> None:
            if self.loaded is not None and self.loaded.view.case.id == case.id:
                self._fill_applicants(case, full=True)

        self.ctx.runner.run(lambda: audit_view_personal(backend, case.id, case.case_no), shown, parent=self)

    # -- actions -------------------------------------------------------------------------------------
    def run_action(self, code: str, dialog_hook: Callable[[QDialog], None] | None = None) -> None:
        """Open the action's dialog; on 确定 run the change and reload. ``dialog_hook`` (tests) fills
        and accepts the dialog instead of a person."""
        if self.loaded is None:
            return
        view = self.loaded.view
        dialog = dialog_for(code, view.case, self.ctx.today(), self)
        if code == "extend" and view.deadlines.mediation_due:
            dialog.until.setDate(view.deadlines.mediation_due + timedelta(days=7))  # type: ignore[attr-defined]
        if dialog_hook is not None:
            dialog_hook(dialog)
        elif dialog.exec() != QDialog.DialogCode.Accepted:
            return
        change = dialog.change
        if change is None:
            return
        from mediation_desktop.services.cases import CaseService

        service, ref = CaseService(self.ctx.require_backend()), view.case.id

        self.ctx.runner.run(lambda: change(service, ref), None, label="正在保存…", parent=self, changes=CASES)

    def add_attachment(self, path: str | None = None, description: str = "") -> None:
        if self.loaded is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "选择扫描件", "", "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)")
            if not path:
                return
        from mediation_desktop.services.attachments import AttachmentService

        service, case_id = AttachmentService(self.ctx.require_backend()), self.loaded.view.case.id
        self.ctx.runner.run(lambda: service.add(case_id, path, description), lambda _a: self.reload(),
                            label="正在保存附件…", parent=self)

    def open_attachment(self, row: int) -> None:
        if self.loaded is None or not 0 <= row < len(self.loaded.attachments):
            return
        from mediation_desktop.services.attachments import AttachmentService

        att = self.loaded.attachments[row]
        service = AttachmentService(self.ctx.require_backend())

        if not service.may_open(att):
            # Not a document or image type: it could be a program, so it is only ever saved.
            target, _ = QFileDialog.getSaveFileName(self, "另存附件", att.file_name)
            if target:
                self.ctx.runner.run(lambda: service.save_copy(att, target), lambda _p: None, parent=self)
            return

        def opened(path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                messages.warn(self, "无法打开附件", f"没有可以打开该文件的程序。文件位置：\n{path}")

        self.ctx.runner.run(lambda: service.readable_copy(att), opened, parent=self)

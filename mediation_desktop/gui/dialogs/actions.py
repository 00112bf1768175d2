"""The small dialogs behind the lifecycle buttons. Each returns a callable ``(CaseService, ref) -> Case``
that the case page runs on the task runner; the dialog itself never touches the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Case, MediationSession
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE
from mediation_desktop.gui.widgets.mediator_combo import MediatorCombo
from mediation_desktop.gui.widgets.money_edit import MoneyEdit

Change = Callable[..., Case]


def date_edit(value: date, what: str = "日期") -> DateEdit:
    """A date field with its calendar; typed dates are read as everywhere else (core.date_text)."""
    return DateEdit(value=value, what=what)


class ActionDialog(QDialog):
    """A form with 确定/取消 and an error line; subclasses add fields and build ``change``."""

    def __init__(self, title: str, case: Case, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{title} — {case.case_no}")
        self.case, self.today = case, today
        self.change: Change | None = None
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def build(self) -> Change:
        raise NotImplementedError

    def _accept(self) -> None:
        try:
            self.change = self.build()
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


def _required(text: str, what: str) -> str:
    if not text.strip():
        raise ValidationError("E_REQUIRED", f"请填写{what}")
    return text.strip()


class AcceptDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("受理", case, today, parent)
        self.on = date_edit(today)
        self.mediator = MediatorCombo()
        self.mediator.setText(case.mediator or "")
        # The register's names come through the page's context (the dialog itself queries nothing).
        self.mediator.load(getattr(parent, "ctx", None))
        self.form.addRow("受理日期：", self.on)
        self.form.addRow("调解员：", self.mediator)

    def build(self) -> Change:
        on, mediator = self.on.date().toPython(), self.mediator.text().strip() or None
        return lambda svc, ref: svc.accept(ref, on, mediator)


class NotAcceptDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("不予受理", case, today, parent)
        self.on = date_edit(today)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("如：不属于劳动争议调解范围")
        self.form.addRow("决定日期：", self.on)
        self.form.addRow("理由：", self.reason)

    def build(self) -> Change:
        on, reason = self.on.date().toPython(), _required(self.reason.toPlainText(), "不予受理的理由")
        return lambda svc, ref: svc.not_accept(ref, on, reason)


class ExtendDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None, suggested: date | None = None):
        super().__init__("延期", case, today, parent)
        self.until = date_edit(suggested or today)
        self.agreed_on = date_edit(today)   # the 确认书 carries this date, not the day it is printed
        self.form.addRow("延长至：", self.until)
        self.form.addRow("双方同意延期的日期：", self.agreed_on)
        self.form.addRow(QLabel("双方同意后可延长，延长期限最长不超过15日；调解期限届满后不能再延期。"))

    def build(self) -> Change:
        until, agreed_on = self.until.date().toPython(), self.agreed_on.date().toPython()
        return lambda svc, ref: svc.extend(ref, until, agreed_on)


class SessionDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("记录调解", case, today, parent)
        self.held_on = date_edit(today)
        self.place = QLineEdit("调解室")
        self.mode = QComboBox()
        self.mode.addItems(["现场", "视频", "电话"])
        self.attendees = QLineEdit()
        self.attendees.setPlaceholderText("到场人员，如：申请人张三，被申请人委托代理人李四")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("调解经过与双方意见")
        for label, widget in (("调解日期：", self.held_on), ("地点：", self.place), ("方式：", self.mode),
                              ("参加人员：", self.attendees), ("记录：", self.notes)):
            self.form.addRow(label, widget)

    def build(self) -> Change:
        session = MediationSession(held_on=self.held_on.date().toPython(), place=self.place.text().strip(),
                                   mode=self.mode.currentText(), attendees=self.attendees.text().strip(),
                                   notes=self.notes.toPlainText().strip())
        return lambda svc, ref: svc.record_session(ref, session)


class ConcludeDialog(ActionDialog):
    """和解 / 调解不成 / 撤回 / 转办: a date, a note, and for 转办 where it went."""

    def __init__(self, title: str, outcome: Outcome, case: Case, today: date, parent: QWidget | None = None):
        super().__init__(title, case, today, parent)
        self.outcome = outcome
        self.on = date_edit(today)
        self.note = QPlainTextEdit()
        self.form.addRow("日期：", self.on)
        self.transferred_to = QLineEdit()
        if outcome == Outcome.TRANSFERRED:
            self.form.addRow("转办至：", self.transferred_to)
        self.form.addRow("说明：", self.note)

    def build(self) -> Change:
        on, note, outcome = self.on.date().toPython(), self.note.toPlainText().strip() or None, self.outcome
        to = _required(self.transferred_to.text(), "转办去向") if outcome == Outcome.TRANSFERRED else None
        return lambda svc, ref: svc.conclude(ref, outcome, on, note=note, transferred_to=to)


class PerformanceDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("记录履行", case, today, parent)
        self.item = QComboBox()
        for it in case.agreement.items if case.agreement else []:
            self.item.addItem(f"{it.description}（{it.payer}→{it.payee}）", it.id)
        self.on = date_edit(today)
        self.amount = MoneyEdit()
        self.form.addRow("协议事项：", self.item)
        self.form.addRow("履行日期：", self.on)
        self.form.addRow("履行金额：", self.amount)

    def build(self) -> Change:
        item_id, on = self.item.currentData(), self.on.date().toPython()
        if not item_id:
            raise ValidationError("E_REQUIRED", "请选择协议事项")
        fen = self.amount.fen() or 0
        return lambda svc, ref: svc.record_performance(ref, item_id, on, fen)


class CloseDialog(ActionDialog):
    """结案. With agreement items still owed it names them and asks to be told so; the answer goes
    into the audit trail with the close."""

    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        from mediation_desktop.core.performance import describe_unpaid, unpaid_items

        super().__init__("结案", case, today, parent)
        self.on = date_edit(today, "结案日期")
        self.form.addRow("结案日期：", self.on)
        self.unpaid = [describe_unpaid(item) for item in unpaid_items(case)]
        self.acknowledge = QCheckBox("已知悉上述协议内容尚未履行完毕，仍要结案")
        if self.unpaid:
            warning = QLabel("调解协议还有未履行的内容：\n" + "\n".join(f"· {line}" for line in self.unpaid))
            warning.setWordWrap(True)
            warning.setStyleSheet("color:#b26a00;")
            self.form.addRow(warning)
            self.form.addRow(self.acknowledge)

    def build(self) -> Change:
        on = self.on.date().toPython()
        if self.unpaid and not self.acknowledge.isChecked():
            raise ValidationError("E_REQUIRED", "协议内容尚未履行完毕：请确认知悉后再结案，或先记录履行情况")
        unpaid = list(self.unpaid)
        return lambda svc, ref: svc.close(ref, on, unpaid_acknowledged=unpaid or None)


class ReopenDialog(ActionDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("重新打开", case, today, parent)
        self.form.addRow(QLabel("案件将回到调解中（或待受理），调解结果将被清除。确定吗？"))

    def build(self) -> Change:
        return lambda svc, ref: svc.reopen(ref)


class ApplicationDialog(ActionDialog):
    """仲裁审查 / 司法确认: record the application date and, later, the result."""

    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("审查/确认申请", case, today, parent)
        ag = case.agreement
        self.kind = QComboBox()
        self.kind.addItem("仲裁审查", "arbitration_review")
        self.kind.addItem("司法确认", "judicial_confirmation")
        if ag and ag.judicial_confirmation_applied_on and not ag.arbitration_review_applied_on:
            self.kind.setCurrentIndex(1)
        self.applied_on = date_edit(today)
        self.outcome_text = QLineEdit()
        self.outcome_text.setPlaceholderText("结果，如：已出具仲裁调解书 / 裁定确认有效（未出结果可不填）")
        self.form.addRow("申请类型：", self.kind)
        self.form.addRow("申请日期：", self.applied_on)
        self.form.addRow("结果：", self.outcome_text)

    def build(self) -> Change:
        kind, on, result = self.kind.currentData(), self.applied_on.date().toPython(), self.outcome_text.text().strip() or None

        def change(svc, ref):
            def edit(case: Case) -> None:
                if case.agreement is None:
                    raise ValidationError("E_AGREEMENT_MISSING", "案件没有调解协议")
                if on < case.agreement.signed_on:
                    raise ValidationError("E_DATE_ORDER", "申请日期不能早于协议签订日期")
                setattr(case.agreement, f"{kind}_applied_on", on)
                setattr(case.agreement, f"{kind}_result", result)
            return svc.apply(ref, "agreement_application", edit, {"kind": kind, "on": on.isoformat()})
        return change


def dialog_for(action: str, case: Case, today: date, parent: QWidget | None = None) -> ActionDialog:
    # The agreement dialog lives in its own module (it builds on ActionDialog, defined here).
    from mediation_desktop.gui.dialogs.agreement import AgreementDialog

    simple = {"accept": AcceptDialog, "not_accept": NotAcceptDialog, "record_session": SessionDialog,
              "agree": AgreementDialog, "record_performance": PerformanceDialog, "close": CloseDialog,
              "reopen": ReopenDialog, "extend": ExtendDialog, "application": ApplicationDialog}
    if action in simple:
        return simple[action](case, today, parent)
    titled = {"settle": ("和解", Outcome.SETTLED), "fail": ("调解不成/终止", Outcome.FAILED),
              "withdraw": ("撤回", Outcome.WITHDRAWN), "transfer": ("转办", Outcome.TRANSFERRED)}
    title, outcome = titled[action]
    return ConcludeDialog(title, outcome, case, today, parent)

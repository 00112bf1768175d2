"""安排下次调解: the date, time and place of a case's next mediation session (the form is
ui/schedule_dialog.ui). The rules are core.session_schedule's, checked by CaseService.schedule_session;
a refusal is shown in the dialog, which stays open with what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Case
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.forms.ui_schedule_dialog import Ui_ScheduleDialog
from mediation_desktop.services.changes import CASES


class ScheduleDialog(QDialog):
    saved = Signal(object)   # the case as saved

    def __init__(self, ctx: AppContext, case: Case, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case.id
        self.ui = Ui_ScheduleDialog()
        self.ui.setupUi(self)
        self.ui.case_label.setText(f"案件：{case.case_no}　{case.applicant_names} 诉 {case.respondent.name}")
        self.ui.on.setOptional(False, "调解日期")
        self.ui.on.setMinimumDate(today)
        booked = case.next_session_on if case.next_session_on and case.next_session_on >= today else None
        self.ui.on.setDate(booked or today)
        if booked:
            self.ui.at.setText(case.next_session_at or "")
            self.ui.place.setText(case.next_session_place)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("安排")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        for edit in (self.ui.at, self.ui.place):
            edit.textEdited.connect(lambda _t: self.ui.error.clear())
        self.ui.on.dateChanged.connect(lambda _d: self.ui.error.clear())

    def submit(self) -> None:
        try:
            on = self.ui.on.value(field="on")
        except UserError as exc:
            self.ui.error.setText(exc.message)
            return
        at, place = self.ui.at.text(), self.ui.place.text()
        from mediation_desktop.services.cases import CaseService

        service, case_id = CaseService(self.ctx.require_backend()), self.case_id
        self.ui.buttons.setEnabled(False)

        def done(case: Case) -> None:
            self.saved.emit(case)
            self.accept()

        def failed(exc: BaseException) -> bool:
            self.ui.buttons.setEnabled(True)
            if isinstance(exc, UserError):
                self.ui.error.setText(exc.message)
                return True
            return False

        self.ctx.runner.run(lambda: service.schedule_session(case_id, on, at, place), done, on_error=failed,
                            parent=self, changes=CASES)

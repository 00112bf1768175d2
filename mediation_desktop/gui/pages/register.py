"""登记: one form for walk-in and written applications. Nothing is saved until every field is valid;
each problem is shown in red next to its field and clears as that field is corrected; a likely
duplicate is pointed out before saving. The layout is ui/register_page.ui; the rules are here and in
core (the case service's checks, core.collective for representatives)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from mediation_desktop.core.enums import CHANNEL_LABELS, COLLECTIVE_THRESHOLD, COURT_CHANNELS, Channel
from mediation_desktop.core.errors import ValidationError, ValidationErrors
from mediation_desktop.core.lifecycle import amount_claimed
from mediation_desktop.core.model import Case, Respondent
from mediation_desktop.core.rules import MAX_WORKERS, MIN_WORKERS
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.forms.ui_register_page import Ui_RegisterPage
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.gui.widgets.form_rows import (
    ERROR_STYLE,
    ApplicantRow,
    ClaimRow,
    FieldError,
    limit_to_rule,
)
from mediation_desktop.gui.widgets.money_edit import MoneyEdit
from mediation_desktop.services.changes import CASES

MANUAL_CHANNELS = [c for c in Channel if c != Channel.LEDGER]
RESPONDENT_FIELDS = ("name", "uscc", "legal_rep", "legal_rep_title", "phone", "address", "agent")


class RegisterPage(QWidget):
    registered = Signal(str)   # the new case's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dirty = False
        self.applicant_rows: list[ApplicantRow] = []
        self.claim_rows: list[ClaimRow] = []
        self._watched: set[int] = set()
        self.ui = Ui_RegisterPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.body_layout = ui.body_layout
        self.received_on, self.channel, self.court_case_no = ui.received_on, ui.channel, ui.court_case_no
        self.mediator = ui.mediator
        self.applicants_box, self.workers, self.collective_hint = ui.applicants_box, ui.workers, ui.collective_hint
        self.add_applicant_button, self.add_claim_button = ui.add_applicant_button, ui.add_claim_button
        self.resp_name, self.resp_uscc, self.resp_legal_rep = ui.resp_name, ui.resp_uscc, ui.resp_legal_rep
        self.resp_legal_rep_title, self.resp_phone, self.resp_address = (
            ui.resp_legal_rep_title, ui.resp_phone, ui.resp_address)
        self.resp_agent, self.resp_agent_special = ui.resp_agent, ui.resp_agent_special
        self.claims_box, self.total_label = ui.claims_box, ui.total_label
        self.facts, self.respondent_position = ui.facts, ui.respondent_position
        self.employment_ended, self.employment_ended_on = ui.employment_ended, ui.employment_ended_on
        self.summary, self.clear_button, self.save_button = ui.summary, ui.clear_button, ui.save_button
        self.summary.setStyleSheet(ERROR_STYLE)

        # The error lines of the .ui become FieldErrors that know their field (to frame it red).
        self.received_error = self._field_error(ui.received_on_error, self.received_on)
        self.court_error = self._field_error(ui.court_case_no_error, self.court_case_no)
        self.applicants_error = self._field_error(ui.applicants_error, ui.applicants_group)
        self.workers_error = self._field_error(ui.workers_error, self.workers)
        self.types_error = self._field_error(ui.types_error, ui.claims_group)
        self.ended_error = self._field_error(ui.employment_ended_on_error, self.employment_ended_on)
        self.resp_errors: dict[str, FieldError] = {
            key: self._field_error(getattr(ui, f"resp_{key}_error"), getattr(ui, f"resp_{key}"))
            for key in RESPONDENT_FIELDS}

        self.received_on.setOptional(False, "收案日期")
        self.employment_ended_on.setOptional(False, "劳动关系解除或终止的日期")
        for channel in MANUAL_CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[channel], str(channel))
        limit_to_rule(self.court_case_no, "case.court_case_no")
        limit_to_rule(self.mediator.lineEdit(), "case.mediator")
        for key in RESPONDENT_FIELDS:
            if key != "uscc":
                limit_to_rule(getattr(ui, f"resp_{key}"), f"respondent.{key}")
        self.resp_uscc.setMaxLength(20)
        self.workers.setRange(MIN_WORKERS, MAX_WORKERS)

        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.received_on.dateChanged.connect(self._touch)
        self.court_case_no.textChanged.connect(self._touch)
        self.mediator.editTextChanged.connect(self._touch)
        self.add_applicant_button.clicked.connect(lambda: self.add_applicant(focus=True))
        self.workers.valueChanged.connect(self._workers_changed)
        for key in RESPONDENT_FIELDS:
            getattr(ui, f"resp_{key}").textChanged.connect(self._touch)
        # The agreement says whether the agent may agree on the employer's behalf (特别授权).
        self.resp_agent_special.toggled.connect(self._touch)
        self.add_claim_button.clicked.connect(lambda: self.add_claim(focus=True))
        self.facts.textChanged.connect(self._touch)
        # The employer's answer and the day the employment ended, as the agreement states them.
        self.respondent_position.textChanged.connect(self._touch)
        self.employment_ended.toggled.connect(self.employment_ended_on.setEnabled)
        self.employment_ended.toggled.connect(self._touch)
        self.clear_button.clicked.connect(self._ask_clear)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reset()

    def _field_error(self, placeholder: QLabel, target: QWidget) -> FieldError:
        error = FieldError(target)
        holder = placeholder.parentWidget()
        holder.layout().replaceWidget(placeholder, error)
        placeholder.deleteLater()
        return error

    # -- rows ----------------------------------------------------------------------------------------
    def add_applicant(self, focus: bool = False) -> ApplicantRow:
        row = ApplicantRow(len(self.applicant_rows) + 1)
        row.changed.connect(self._touch)
        row.remove_requested.connect(self._remove_applicant)
        # Representatives are elected in a collective dispute only; a lone applicant is never one.
        row.representative.setEnabled(self.workers.value() >= COLLECTIVE_THRESHOLD)
        row.representative.toggled.connect(self._representative_toggled)
        self.applicant_rows.append(row)
        self.applicants_box.addWidget(row)
        self._renumber()
        if focus:
            row.name.setFocus()
        return row

    def _remove_applicant(self, row: ApplicantRow) -> None:
        if len(self.applicant_rows) == 1:
            return
        self.applicant_rows.remove(row)
        row.deleteLater()
        self._renumber()
        self._touch()

    def add_claim(self, focus: bool = False) -> ClaimRow:
        row = ClaimRow(len(self.claim_rows) + 1)
        row.changed.connect(self._claims_changed)
        row.remove_requested.connect(self._remove_claim)
        row.dispute_type.currentIndexChanged.connect(self._types_changed)
        self.claim_rows.append(row)
        self.claims_box.addWidget(row)
        if focus:
            row.description.setFocus()
        return row

    def _remove_claim(self, row: ClaimRow) -> None:
        self.claim_rows.remove(row)
        row.deleteLater()
        for i, r in enumerate(self.claim_rows, start=1):
            r.set_number(i)
        self._claims_changed()

    def _renumber(self) -> None:
        for i, r in enumerate(self.applicant_rows, start=1):
            r.set_number(i)
            r.remove.setEnabled(len(self.applicant_rows) > 1)
        if self.workers.value() < len(self.applicant_rows):
            self.workers.setValue(len(self.applicant_rows))

    # -- state ---------------------------------------------------------------------------------------
    def _touch(self, *_args: object) -> None:
        self.dirty = True

    def _channel_changed(self) -> None:
        court = self.channel.currentData() in {str(c) for c in COURT_CHANNELS}
        self.court_case_no.setEnabled(court)
        self._touch()

    def _workers_changed(self, n: int) -> None:
        collective = n >= COLLECTIVE_THRESHOLD
        self.collective_hint.setText(f"集体争议（{COLLECTIVE_THRESHOLD}人以上），请勾选劳动者推举的代表人" if collective else "")
        for row in self.applicant_rows:
            row.representative.setEnabled(collective)
            if not collective:
                row.representative.setChecked(False)
        if not collective:
            self.applicants_error.clear_error()
        self._touch()

    def _representative_toggled(self, checked: bool) -> None:
        if checked:
            self.applicants_error.clear_error()
            self._recount()

    def _types_changed(self) -> None:
        if self.dispute_types():
            self.types_error.clear_error()
            self._recount()

    def dispute_types(self) -> list[str]:
        """The case's dispute types: its claims' types, each once, in the claims' order."""
        types: list[str] = []
        for row in self.claim_rows:
            code = row.dispute_type.currentData()
            if code and code not in types:
                types.append(code)
        return types

    def _claims_changed(self) -> None:
        from mediation_desktop.core.money import capitalize, format_figures

        total = 0
        for row in self.claim_rows:
            try:
                total += row.amount.fen() or 0
            except ValidationError:
                pass
        self.total_label.setText(f"合计：{format_figures(total)}（{capitalize(total)}）" if total else "")
        self._touch()

    def reset(self) -> None:
        for row in self.applicant_rows + self.claim_rows:
            row.setParent(None)
            row.deleteLater()
        self.applicant_rows, self.claim_rows = [], []
        today = self.ctx.today()
        self.received_on.setMaximumDate(today)
        self.received_on.setDate(today)
        self.channel.setCurrentIndex(0)
        self.court_case_no.clear()
        self.court_case_no.setEnabled(False)
        self.mediator.setText("")
        self.mediator.load(self.ctx)         # the register may have changed since the last form
        self.workers.setValue(1)
        for key in RESPONDENT_FIELDS:
            getattr(self.ui, f"resp_{key}").clear()
        self.resp_agent_special.setChecked(False)
        self.respondent_position.clear()
        self.employment_ended.setChecked(False)
        self.employment_ended_on.setDate(today)
        self.employment_ended_on.setEnabled(False)
        self.facts.clear()
        self.add_applicant()
        self.add_claim()
        self._claims_changed()          # the previous form's total goes with it
        self.clear_errors()
        self.dirty = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.mediator.load(self.ctx)         # names added to the register since the form was built

    def _ask_clear(self) -> None:
        if not self.dirty or messages.ask(self, "清空表单", "表单中已填写的内容将被清除，确定清空吗？"):
            self.reset()

    # -- building and checking -----------------------------------------------------------------------
    def build_case(self) -> tuple[Case, list[ValidationError]]:
        """The case the form describes and every problem with it (nothing is saved here)."""
        from mediation_desktop.services.cases import validate_case

        errors: list[ValidationError] = []
        applicants = [r.value() for r in self.applicant_rows if not r.is_blank()] or \
            [self.applicant_rows[0].value()]
        claims = []
        for row in (r for r in self.claim_rows if not r.is_blank()):
            try:
                claims.append(row.value(len(claims)))
            except ValidationError as exc:
                errors.append(exc)
        today = self.ctx.today()
        try:
            received_on = self.received_on.value(field="received_on")
        except ValidationError as exc:
            errors.append(exc)
            received_on = today
        ended_on = None
        if self.employment_ended.isChecked():
            try:
                ended_on = self.employment_ended_on.value(field="employment_ended_on")
            except ValidationError as exc:
                errors.append(exc)
        case = Case(
            org_id="", received_on=received_on, applicants=applicants,
            respondent=Respondent(name=self.resp_name.text(), uscc=self.resp_uscc.text().strip() or None,
                                  legal_rep=self.resp_legal_rep.text().strip() or None,
                                  phone=self.resp_phone.text().strip() or None,
                                  address=self.resp_address.text().strip() or None,
                                  legal_rep_title=self.resp_legal_rep_title.text().strip() or None,
                                  agent=self.resp_agent.text().strip() or None,
                                  agent_special=self.resp_agent_special.isChecked()),
            respondent_position=self.respondent_position.toPlainText().strip(),
            employment_ended_on=ended_on,
            dispute_types=self.dispute_types(),
            workers_involved=self.workers.value(), claims=claims,
            channel=Channel(self.channel.currentData()),
            court_case_no=self.court_case_no.text().strip() or None,
            facts=self.facts.toPlainText().strip(),
            mediator=self.mediator.text() or None)
        if claims and not errors:
            case.amount_claimed_fen = amount_claimed(case)   # None when no claim names an amount
        for exc in validate_case(case, today=today):
            if exc.field == "dispute_types" and exc.code == "E_REQUIRED":
                exc = ValidationError(exc.code, "请为请求事项选择争议类型（案件的争议类型由各项请求得出）",
                                      field="dispute_types")
            errors.append(exc)   # a collective case without a representative included (core.collective)
        return case, errors

    def _error_label(self, field: str | None) -> FieldError:
        parts = (field or "").split(".")
        nonblank_apps = [r for r in self.applicant_rows if not r.is_blank()] or self.applicant_rows[:1]
        nonblank_claims = [r for r in self.claim_rows if not r.is_blank()]
        if parts[0] == "applicants" and len(parts) == 3 and int(parts[1]) < len(nonblank_apps):
            return nonblank_apps[int(parts[1])].errors.get(parts[2], self.applicants_error)
        if parts[0] == "claims" and len(parts) == 3 and int(parts[1]) < len(nonblank_claims):
            return nonblank_claims[int(parts[1])].errors.get(parts[2], nonblank_claims[int(parts[1])].description_error)
        if parts[0] == "respondent" and len(parts) == 2:
            return self.resp_errors.get(parts[1], self.resp_errors["name"])
        if parts[0] == "dispute_types" and self.claim_rows:
            rows = nonblank_claims or self.claim_rows
            untyped = [r for r in rows if not r.dispute_type.currentData()]
            return (untyped or rows)[0].errors["dispute_type"]
        return {"received_on": self.received_error, "court_case_no": self.court_error,
                "dispute_types": self.types_error, "workers_involved": self.workers_error,
                "employment_ended_on": self.ended_error,
                "applicants": self.applicants_error}.get(parts[0], self.types_error)

    def all_error_labels(self) -> list[FieldError]:
        labels = [self.received_error, self.court_error, self.applicants_error, self.workers_error,
                  self.types_error, self.ended_error, *self.resp_errors.values()]
        for row in self.applicant_rows + self.claim_rows:
            labels.extend(row.errors.values())
        return labels

    def clear_errors(self) -> None:
        for label in self.all_error_labels():
            label.clear_error()
        self.summary.setText("")

    def _watch(self, label: FieldError) -> None:
        """Clear ``label`` as soon as its field is edited (once connected per label)."""
        if id(label) in self._watched:
            return
        self._watched.add(id(label))
        target = label.target

        def corrected(*_args: object) -> None:
            if not label.isHidden():
                label.clear_error()
                self._recount()

        if isinstance(target, (QLineEdit, QPlainTextEdit)):
            target.textChanged.connect(corrected)
        elif isinstance(target, (MoneyEdit,)):
            target.changed.connect(corrected)
        elif isinstance(target, DateEdit):
            target.edit.textChanged.connect(corrected)
        elif isinstance(target, QComboBox):
            target.currentIndexChanged.connect(corrected)
        elif isinstance(target, QSpinBox):
            target.valueChanged.connect(corrected)
        elif isinstance(target, QCheckBox):
            target.toggled.connect(corrected)
        label.destroyed.connect(lambda *_: self._watched.discard(id(label)))

    def _recount(self) -> None:
        """The summary line follows the marks still shown."""
        if not self.summary.text():
            return
        left = sum(1 for label in self.all_error_labels() if not label.isHidden())
        self.summary.setText(f"还有 {left} 处需要修改，请查看标红的项目" if left else "")

    def show_errors(self, errors: list[ValidationError]) -> None:
        self.clear_errors()
        first = None
        for exc in errors:
            label = self._error_label(exc.field)
            label.show_error(exc.message if not label.text() else f"{label.text()}；{exc.message}")
            self._watch(label)
            first = first or label
        self.summary.setText(f"有 {len(errors)} 处需要修改，请查看标红的项目")
        if first is not None:
            first.target.setFocus()
            parent = first.parentWidget()
            if parent is not None:
                self.ui.scroll.ensureWidgetVisible(parent)

    # -- saving --------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.ctx.backend is None:
            return
        case, errors = self.build_case()
        if errors:
            self.show_errors(errors)
            return
        self.clear_errors()
        from mediation_desktop.services.cases import CaseService

        service = CaseService(self.ctx.backend)

        def checked(duplicates: list[str]) -> None:
            if duplicates and not messages.ask(
                    self, "可能重复登记",
                    "同一申请人与该用人单位已有在办案件：\n" + "\n".join(duplicates) +
                    "\n\n仍要登记为新案件吗？", yes="仍要登记", no="返回修改"):
                self.summary.setText("与在办案件可能重复：" + "、".join(duplicates))
                return
            self.save_button.setEnabled(False)
            self.ctx.runner.run(lambda: service.register(case), self._saved, on_error=self._save_failed,
                                label="正在保存…", parent=self, changes=CASES)

        self.ctx.runner.run(lambda: service.find_duplicates(case), checked, parent=self)

    def _saved(self, case: Case) -> None:
        self.save_button.setEnabled(True)
        self.reset()
        messages.info(self, "登记成功", f"已登记，案号：{case.case_no}")
        self.registered.emit(case.id)

    def _save_failed(self, exc: BaseException) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationErrors):
            self.show_errors(exc.errors)
            return True
        if isinstance(exc, ValidationError) and exc.field:
            self.show_errors([exc])
            return True
        return False

"""登记: one form for walk-in and written applications. Nothing is saved until every field is valid;
each problem is shown in red next to its field; a likely duplicate is pointed out before saving."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.enums import CHANNEL_LABELS, COLLECTIVE_THRESHOLD, COURT_CHANNELS, DISPUTE_TYPE_LABELS, Channel
from mediation_desktop.core.errors import ValidationError, ValidationErrors
from mediation_desktop.core.lifecycle import amount_claimed
from mediation_desktop.core.model import Case, Respondent
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.core.rules import MAX_WORKERS, MIN_WORKERS
from mediation_desktop.gui.widgets.form_rows import (
    ERROR_STYLE, ApplicantRow, ClaimRow, FieldError, limit_to_rule, with_error,
)
from mediation_desktop.services.changes import CASES

MANUAL_CHANNELS = [c for c in Channel if c != Channel.LEDGER]


class RegisterPage(QWidget):
    registered = Signal(str)   # the new case's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dirty = False
        self.applicant_rows: list[ApplicantRow] = []
        self.claim_rows: list[ClaimRow] = []
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self._build_intake()
        self._build_applicants()
        self._build_respondent()
        self._build_claims()
        self._build_types_and_facts()
        self.body_layout.addStretch(1)

        bottom = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setStyleSheet(ERROR_STYLE)
        bottom.addWidget(self.summary, 1)
        self.clear_button = QPushButton("清空")
        self.clear_button.clicked.connect(self._ask_clear)
        self.save_button = QPushButton("保存登记(&S)")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reset()

    # -- layout --------------------------------------------------------------------------------------
    def _group(self, title: str) -> QGroupBox:
        group = QGroupBox(title)
        self.body_layout.addWidget(group)
        return group

    def _build_intake(self) -> None:
        form = QFormLayout(self._group("收案"))
        self.received_on = QDateEdit()
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        box, self.received_error = with_error(self.received_on)
        form.addRow("收案日期：", box)
        self.channel = QComboBox()
        for channel in MANUAL_CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[channel], str(channel))
        form.addRow("来源渠道：", self.channel)
        self.court_case_no = QLineEdit()
        self.court_case_no.setPlaceholderText("法院委派/委托时填写，如（2026）津0101民诉前调123号")
        limit_to_rule(self.court_case_no, "case.court_case_no")
        box, self.court_error = with_error(self.court_case_no)
        form.addRow("法院案号：", box)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.received_on.dateChanged.connect(self._touch)
        self.court_case_no.textChanged.connect(self._touch)

    def _build_applicants(self) -> None:
        group = self._group("申请人（劳动者）")
        layout = QVBoxLayout(group)
        self.applicants_box = QVBoxLayout()
        layout.addLayout(self.applicants_box)
        self.applicants_error = FieldError(group)
        layout.addWidget(self.applicants_error)
        row = QHBoxLayout()
        self.add_applicant_button = QPushButton("添加申请人(&A)")
        self.add_applicant_button.clicked.connect(lambda: self.add_applicant(focus=True))
        row.addWidget(self.add_applicant_button)
        row.addStretch(1)
        row.addWidget(QLabel("涉及劳动者人数："))
        self.workers = QSpinBox()
        self.workers.setRange(MIN_WORKERS, MAX_WORKERS)
        self.workers.valueChanged.connect(self._workers_changed)
        box, self.workers_error = with_error(self.workers)
        row.addWidget(box)
        self.collective_hint = QLabel("")
        row.addWidget(self.collective_hint)
        layout.addLayout(row)

    def _build_respondent(self) -> None:
        form = QFormLayout(self._group("被申请人（用人单位）"))
        self.resp_name = QLineEdit()
        self.resp_name.setPlaceholderText("单位全称（必填）")
        self.resp_uscc = QLineEdit()
        self.resp_uscc.setPlaceholderText("18位统一社会信用代码")
        self.resp_uscc.setMaxLength(20)
        self.resp_legal_rep = QLineEdit()
        self.resp_legal_rep_title = QLineEdit()
        self.resp_legal_rep_title.setPlaceholderText("如：执行董事、总经理")
        self.resp_phone = QLineEdit()
        self.resp_address = QLineEdit()
        self.resp_agent = QLineEdit()
        self.resp_agent.setPlaceholderText("姓名及身份，如：马某（本公司人事经理）")
        self.resp_errors: dict[str, FieldError] = {}
        for widget, key in ((self.resp_name, "respondent.name"), (self.resp_legal_rep, "respondent.legal_rep"),
                            (self.resp_legal_rep_title, "respondent.legal_rep_title"),
                            (self.resp_phone, "respondent.phone"), (self.resp_address, "respondent.address"),
                            (self.resp_agent, "respondent.agent")):
            limit_to_rule(widget, key)
        for key, label, widget in (("name", "单位名称：", self.resp_name), ("uscc", "统一社会信用代码：", self.resp_uscc),
                                   ("legal_rep", "法定代表人：", self.resp_legal_rep),
                                   ("legal_rep_title", "职务：", self.resp_legal_rep_title),
                                   ("phone", "联系电话：", self.resp_phone), ("address", "地址：", self.resp_address),
                                   ("agent", "委托代理人：", self.resp_agent)):
            box, self.resp_errors[key] = with_error(widget)
            form.addRow(label, box)
            widget.textChanged.connect(self._touch)
        # The agreement says whether the agent may agree on the employer's behalf (特别授权).
        self.resp_agent_special = QCheckBox("特别授权")
        self.resp_agent_special.toggled.connect(self._touch)
        form.addRow("", self.resp_agent_special)

    def _build_claims(self) -> None:
        group = self._group("请求事项")
        layout = QVBoxLayout(group)
        self.claims_box = QVBoxLayout()
        layout.addLayout(self.claims_box)
        row = QHBoxLayout()
        self.add_claim_button = QPushButton("添加请求(&Q)")
        self.add_claim_button.clicked.connect(lambda: self.add_claim(focus=True))
        row.addWidget(self.add_claim_button)
        row.addStretch(1)
        self.total_label = QLabel("")
        row.addWidget(self.total_label)
        layout.addLayout(row)

    def _build_types_and_facts(self) -> None:
        group = self._group("争议类型（可多选）")
        grid = QGridLayout(group)
        self.type_boxes: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(DISPUTE_TYPE_LABELS.items()):
            box = QCheckBox(label)
            box.toggled.connect(self._touch)
            self.type_boxes[str(code)] = box
            grid.addWidget(box, i // 5, i % 5)
        self.types_error = FieldError(group)
        grid.addWidget(self.types_error, 2, 0, 1, 5)
        facts_group = self._group("事实与理由")
        layout = QVBoxLayout(facts_group)
        self.facts = QPlainTextEdit()
        self.facts.setPlaceholderText("简要写明入职时间、岗位、争议经过和申请人的主张")
        self.facts.setMinimumHeight(90)
        self.facts.textChanged.connect(self._touch)
        layout.addWidget(self.facts)
        # The employer's answer and the day the employment ended, as the agreement states them.
        self.respondent_position = QPlainTextEdit()
        self.respondent_position.setPlaceholderText("被申请人意见（可选）：用人单位对申请事项的答复")
        self.respondent_position.setMaximumHeight(70)
        self.respondent_position.textChanged.connect(self._touch)
        layout.addWidget(self.respondent_position)
        ended = QHBoxLayout()
        self.employment_ended = QCheckBox("劳动关系已于")
        self.employment_ended_on = QDateEdit()
        self.employment_ended_on.setCalendarPopup(True)
        self.employment_ended_on.setDisplayFormat("yyyy-MM-dd")
        self.employment_ended_on.setEnabled(False)
        self.employment_ended.toggled.connect(self.employment_ended_on.setEnabled)
        self.employment_ended.toggled.connect(self._touch)
        ended.addWidget(self.employment_ended)
        ended.addWidget(self.employment_ended_on)
        ended.addWidget(QLabel("解除或终止"))
        ended.addStretch(1)
        layout.addLayout(ended)

    # -- rows ----------------------------------------------------------------------------------------
    def add_applicant(self, focus: bool = False) -> ApplicantRow:
        row = ApplicantRow(len(self.applicant_rows) + 1)
        row.changed.connect(self._touch)
        row.remove_requested.connect(self._remove_applicant)
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
        self.collective_hint.setText(f"集体争议（{COLLECTIVE_THRESHOLD}人以上），请勾选代表人" if n >= COLLECTIVE_THRESHOLD else "")
        self._touch()

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
            row.deleteLater()
        self.applicant_rows, self.claim_rows = [], []
        self.received_on.setDate(QDate(self.ctx.today()))
        self.received_on.setMaximumDate(QDate(self.ctx.today()))
        self.channel.setCurrentIndex(0)
        self.court_case_no.clear()
        self.court_case_no.setEnabled(False)
        self.workers.setValue(1)
        for w in (self.resp_name, self.resp_uscc, self.resp_legal_rep, self.resp_phone, self.resp_address,
                  self.resp_legal_rep_title, self.resp_agent):
            w.clear()
        self.resp_agent_special.setChecked(False)
        self.respondent_position.clear()
        self.employment_ended.setChecked(False)
        self.employment_ended_on.setDate(QDate(self.ctx.today()))
        for box in self.type_boxes.values():
            box.setChecked(False)
        self.facts.clear()
        self.add_applicant()
        self.add_claim()
        self.clear_errors()
        self.dirty = False

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
        case = Case(
            org_id="", received_on=self.received_on.date().toPython(), applicants=applicants,
            respondent=Respondent(name=self.resp_name.text(), uscc=self.resp_uscc.text().strip() or None,
                                  legal_rep=self.resp_legal_rep.text().strip() or None,
                                  phone=self.resp_phone.text().strip() or None,
                                  address=self.resp_address.text().strip() or None,
                                  legal_rep_title=self.resp_legal_rep_title.text().strip() or None,
                                  agent=self.resp_agent.text().strip() or None,
                                  agent_special=self.resp_agent_special.isChecked()),
            respondent_position=self.respondent_position.toPlainText().strip(),
            employment_ended_on=(self.employment_ended_on.date().toPython()
                                 if self.employment_ended.isChecked() else None),
            dispute_types=[code for code, box in self.type_boxes.items() if box.isChecked()],
            workers_involved=self.workers.value(), claims=claims,
            channel=Channel(self.channel.currentData()),
            court_case_no=self.court_case_no.text().strip() or None,
            facts=self.facts.toPlainText().strip())
        if claims and not errors:
            case.amount_claimed_fen = amount_claimed(case)   # None when no claim names an amount
        errors.extend(validate_case(case, today=self.ctx.today()))
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
        return {"received_on": self.received_error, "court_case_no": self.court_error,
                "dispute_types": self.types_error, "workers_involved": self.workers_error,
                "applicants": self.applicants_error}.get(parts[0], self.types_error)

    def all_error_labels(self) -> list[FieldError]:
        labels = [self.received_error, self.court_error, self.applicants_error, self.workers_error,
                  self.types_error, *self.resp_errors.values()]
        for row in self.applicant_rows + self.claim_rows:
            labels.extend(row.errors.values())
        return labels

    def clear_errors(self) -> None:
        for label in self.all_error_labels():
            label.clear_error()
        self.summary.setText("")

    def show_errors(self, errors: list[ValidationError]) -> None:
        self.clear_errors()
        first = None
        for exc in errors:
            label = self._error_label(exc.field)
            label.show_error(exc.message if not label.text() else f"{label.text()}；{exc.message}")
            first = first or label
        self.summary.setText(f"有 {len(errors)} 处需要修改，请查看标红的项目")
        if first is not None:
            first.target.setFocus()
            parent = first.parentWidget()
            scroll = self.findChild(QScrollArea)
            if scroll is not None and parent is not None:
                scroll.ensureWidgetVisible(parent)

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

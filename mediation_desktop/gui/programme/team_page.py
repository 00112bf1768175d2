"""队伍与工作: one tab per register. A room keeps its own records here; the district sees every
room's (read-only) and keeps its register of organisations and marks typical cases 推广."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.programme import BACKGROUNDS, CHECKLIST, LEVELS, ORG_TYPES
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.forms.ui_mediation_org_form import Ui_MediationOrgForm
from mediation_desktop.gui.forms.ui_mediator_form import Ui_MediatorForm
from mediation_desktop.gui.forms.ui_outreach_form import Ui_OutreachForm
from mediation_desktop.gui.forms.ui_screening_form import Ui_ScreeningForm
from mediation_desktop.gui.forms.ui_training_form import Ui_TrainingForm
from mediation_desktop.gui.forms.ui_typical_form import Ui_TypicalForm
from mediation_desktop.gui.programme.register_tab import RegisterTab, text_of
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services import (
    mediation_orgs,
    mediators,
    outreach,
    programme_desk,
    screenings,
    training,
    typical_cases,
    urgent_reports,
)


def _rate(rows: list[dict]) -> list[dict]:
    for r in rows:
        r["rate_text"] = f"{r['agreement_rate'] * 100:.1f}%" if r.get("agreement_rate") is not None else "—"
    return rows


class TeamWorkPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        backend = ctx.backend
        district = backend is not None and backend.node.role == "supervisor"
        self.district = district
        layout = QVBoxLayout(self)
        self.title = QLabel("队伍与工作" + ("（各调解组织）" if district else ""))
        self.title.setStyleSheet("font-size:18px;font-weight:bold;")
        layout.addWidget(self.title)
        self.notice = QLabel("")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#b71c1c;")
        layout.addWidget(self.notice)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        b = lambda: self.ctx.backend  # noqa: E731 - the back end of the moment (it is reopened after a restore)

        def with_target(rows: list[dict]) -> list[dict]:
            target = training.yearly_target(b())
            for r in _rate(rows):
                r["target_text"] = f"{r['training_hours_text']} / {target}"
            return rows

        self.mediators = RegisterTab(
            ctx, Ui_MediatorForm,
            [("name", "调解员"), ("org_code", "组织"), ("background_label", "背景"), ("cases_handled", "本年办案"),
             ("agreements", "达成协议"), ("rate_text", "调解成功率"), ("overdue", "超期"),
             ("late_acceptances", "逾期受理"), ("avg_days_to_close", "平均办结天数"),
             ("target_text", "本年培训学时 / 目标")],
            lambda: with_target(mediators.list_mediators(b(), today=ctx.today())),
            None if district else lambda v: mediators.add_mediator(b(), v["name"], background=v["background"],
                                                                   phone=v["phone"], appointed_on=v["appointed"]),
            fields=("name", "background", "phone", "appointed"), entity="mediator")
        for key, label in BACKGROUNDS.items():
            self.mediators.ui.background.addItem(label, key)

        self.training = RegisterTab(
            ctx, Ui_TrainingForm,
            [("held_on", "日期"), ("org_code", "组织"), ("mediator", "调解员"), ("course", "课程"), ("hours", "学时"),
             ("organiser", "主办单位"), ("certificate_no", "证书编号")],
            lambda: training.list_training(b()),
            None if district else lambda v: training.add_training(
                b(), v["mediator"], v["course"], v["hours"], v["on"], organiser=v["organiser"] or None,
                certificate_no=v["certificate"] or None),
            fields=("mediator", "course", "hours", "on", "organiser", "certificate"), entity="training")

        self.outreach = RegisterTab(
            ctx, Ui_OutreachForm,
            [("held_on", "日期"), ("org_code", "组织"), ("title", "活动"), ("place", "地点"), ("enterprise", "企业"),
             ("audience", "人数")],
            lambda: outreach.list_outreach(b()),
            None if district else lambda v: outreach.add_outreach(
                b(), v["on"], v["title"], place=v["place"] or None, audience=v["audience"] or None,
                enterprise=v["enterprise"] or None, materials=v["materials"] or None),
            fields=("on", "title", "place", "enterprise", "audience", "materials"), entity="outreach")

        self._training_settings(district)
        self.screenings = ScreeningTab(ctx, district)
        self.typical = TypicalTab(ctx, district)
        self.figures = FiguresTab(ctx)
        for tab, title in ((self.mediators, "调解员"), (self.training, "培训"), (self.outreach, "普法"),
                           (self.screenings, "排查"), (self.typical, "典型案例"), (self.figures, "统计")):
            self.tabs.addTab(tab, title)
        self.orgs = None
        if district:
            self.orgs = RegisterTab(
                ctx, Ui_MediationOrgForm,
                [("name", "调解组织"), ("org_type_label", "类型"), ("org_code", "组织代码"), ("head", "负责人"),
                 ("mediators", "调解员人数"), ("set_up_on", "成立日期"), ("address", "地址")],
                lambda: mediation_orgs.list_orgs(b()),
                lambda v: mediation_orgs.add_org(b(), v["name"], v["org_type"], address=v["address"] or None,
                                                 head=v["head"] or None, mediators=v["mediators"] or None,
                                                 set_up_on=v["set_up"] or None, org_code=v["org_code"] or None),
                fields=("name", "org_type", "address", "head", "mediators", "set_up", "org_code"),
                entity="mediation_org")
            for key, label in ORG_TYPES.items():
                self.orgs.ui.org_type.addItem(label, key)
            self.tabs.addTab(self.orgs, "调解组织")

    def _training_settings(self, district: bool) -> None:
        """Below the training form: the yearly target (a setting) and the district's courses."""
        tab = self.training
        row = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText("学时")
        self.target_button = QPushButton("保存年度培训目标")
        self.target_button.clicked.connect(self.save_target)
        row.addWidget(QLabel("每名调解员年度培训目标："))
        row.addWidget(self.target)
        row.addWidget(self.target_button)
        tab.extra.addLayout(row)
        self.courses = QLabel("")
        self.courses.setWordWrap(True)
        tab.extra.addWidget(self.courses)
        self.offer_course = self.offer_hours = self.offer_on = None
        if district:
            offer = QHBoxLayout()
            self.offer_course, self.offer_hours = QLineEdit(), QLineEdit()
            self.offer_on = DateEdit(what="培训日期")   # typed the Chinese way or picked
            for edit, hint in ((self.offer_course, "课程"), (self.offer_hours, "学时")):
                edit.setPlaceholderText(hint)
                offer.addWidget(edit)
            offer.addWidget(self.offer_on)
            self.offer_button = QPushButton("发布培训课程")
            self.offer_button.clicked.connect(self.publish_course)
            offer.addWidget(self.offer_button)
            tab.extra.addLayout(offer)

    def save_target(self) -> None:
        backend, value = self.ctx.backend, self.target.text()
        self.training.error.clear()
        self.ctx.runner.run(lambda: training.set_yearly_target(backend, value), lambda _v: self.reload(),
                            on_error=self.training._refused, parent=self)

    def publish_course(self) -> None:
        backend = self.ctx.backend
        course, hours, on = self.offer_course.text(), self.offer_hours.text(), text_of(self.offer_on)
        self.training.error.clear()
        self.ctx.runner.run(lambda: training.offer_course(backend, course, hours, on),
                            lambda _v: (self.training.error.setText("已发布，将随下发包送达各调解组织。"), self.reload()),
                            on_error=self.training._refused, parent=self)

    def _training_facts(self, facts: tuple[int, list[dict]]) -> None:
        target, offered = facts
        self.target.setText(str(target))
        self.courses.setText("区人社培训课程：" + "；".join(f"{c['held_on']} {c['course']}（{c['hours']}学时）"
                                                       for c in offered[:10]) if offered else "")

    def registers(self) -> list:  # the RegisterTabs and the figures
        return [self.mediators, self.training, self.outreach, self.screenings, self.typical, self.figures,
                *([self.orgs] if self.orgs else [])]

    def reload(self) -> None:
        backend = self.ctx.backend
        if backend is None:
            return
        for tab in self.registers():
            tab.reload()
        self.ctx.runner.run(lambda: mediators.list_mediators(backend), self._mediator_names, parent=self)
        self.ctx.runner.run(lambda: programme_desk.notes(backend, self.ctx.today()), self._notes, parent=self)
        self.ctx.runner.run(lambda: (training.yearly_target(backend), training.courses(backend)),
                            self._training_facts, parent=self)
        self.ctx.runner.run(lambda: screenings.season_start(backend), self.screenings.season.setText, parent=self)

    def _mediator_names(self, rows: list[dict]) -> None:
        combo = self.training.ui.mediator
        current = combo.currentText()
        combo.clear()
        combo.addItems([r["name"] for r in rows if r["active"] and r["org_code"] == self.ctx.backend.node.org.code])
        if current:
            combo.setCurrentText(current)

    def _notes(self, notes: list[str]) -> None:
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))


class ScreeningTab(RegisterTab):
    def __init__(self, ctx: AppContext, district: bool):
        b = lambda: ctx.backend  # noqa: E731
        super().__init__(
            ctx, Ui_ScreeningForm,
            [("screened_on", "日期"), ("org_code", "组织"), ("enterprise", "企业"), ("level_label", "风险等级"),
             ("checks_text", "排查发现的问题"), ("workers", "涉及人数"), ("status_text", "状态")],
            lambda: [{**s, "checks_text": "、".join(s["checks_labels"]),
                      "status_text": "跟进中" if s["status"] == "open" else "已处置"}
                     for s in screenings.list_screenings(b())],
            None if district else lambda v: screenings.add_screening(
                b(), v["enterprise"], v["on"], v["level"], v["findings"], uscc=v["uscc"] or None, checks=v["checks"],
                workers=v["workers"] or None, follow_up=v["follow_up"] or None),
            fields=("enterprise", "uscc", "on", "level", "workers", "findings", "follow_up"), entity="screening")
        for key, label in LEVELS.items():
            self.ui.level.addItem(label, key)
        if not district:
            row = QHBoxLayout()
            self.close_button = QPushButton("标为已处置")
            self.close_button.clicked.connect(self.close_selected)
            self.alert_button = QPushButton("写情况快报…")
            self.alert_button.clicked.connect(lambda: self.alert_selected(None))
            row.addWidget(self.close_button)
            row.addWidget(self.alert_button)
            self.extra.addLayout(row)
        season = QHBoxLayout()
        self.season = QLineEdit()
        self.season.setPlaceholderText("MM-DD")
        self.season_button = QPushButton("保存")
        self.season_button.clicked.connect(self.save_season)
        season.addWidget(QLabel("春节前排查提醒从每年"))
        season.addWidget(self.season)
        season.addWidget(QLabel("开始"))
        season.addWidget(self.season_button)
        self.extra.addLayout(season)

    def save_season(self) -> None:
        backend, value = self.ctx.backend, self.season.text()
        self.error.clear()
        self.ctx.runner.run(lambda: screenings.set_season_start(backend, value),
                            lambda v: self.error.setText(f"已保存：每年 {v} 起提醒排查重点企业，到春节为止。"),
                            on_error=self._refused, parent=self)

    def values(self) -> dict:
        values = super().values()
        values["checks"] = [key for key in CHECKLIST if getattr(self.ui, f"check_{key}").isChecked()]
        return values

    def _saved(self, result) -> None:
        for key in CHECKLIST:
            getattr(self.ui, f"check_{key}").setChecked(False)
        super()._saved(result)

    def close_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        backend = self.ctx.backend
        self.ctx.runner.run(lambda: screenings.close_screening(backend, row["id"]), lambda _r: self.reload(),
                            on_error=self._refused, parent=self)

    def alert_selected(self, out: str | None) -> None:
        """The urgent report for the selected screening, written to ``out`` (asked when None)."""
        row = self.selected()
        if row is None:
            return
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self, "保存情况快报", str(Path.home() / "情况快报.docx"), "Word 文件 (*.docx)")
            if not out:
                return
        backend = self.ctx.backend

        def work():
            report = urgent_reports.create_report(backend, screening_id=row["id"])
            return urgent_reports.write_report(backend, report, out)
        self.ctx.runner.run(work, lambda path: self.error.setText(f"已写出 {path}，将随下一个同步包报送区人社。"),
                            on_error=self._refused, parent=self)


class TypicalTab(RegisterTab):
    def __init__(self, ctx: AppContext, district: bool):
        b = lambda: ctx.backend  # noqa: E731
        super().__init__(
            ctx, Ui_TypicalForm,
            [("created_on", "日期"), ("org_code", "组织"), ("title", "标题"), ("promoted_text", "推广")],
            lambda: [{**t, "promoted_text": "推广" if t["promoted"] else ""}
                     for t in typical_cases.list_cases(b(), self.search.text())],
            None if district else self._save_edit,
            fields=("title", "facts", "process", "result", "experience"),
            # The district deletes only its promoted copies (withdrawing the 推广), a room its write-ups.
            entity="typical_library" if district else "typical_case")
        self.district = district
        self.table.itemSelectionChanged.connect(self.show_selected)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("在典型案例中搜索")
        self.search.returnPressed.connect(self.reload)
        row.addWidget(self.search)
        self.export_button = QPushButton("导出 Word…")
        self.export_button.clicked.connect(lambda: self.export_selected(None))
        row.addWidget(self.export_button)
        self.extra.addLayout(row)
        draft = QHBoxLayout()
        if district:
            self.promote_button = QPushButton("标为推广")
            self.promote_button.clicked.connect(self.promote_selected)
            draft.addWidget(self.promote_button)
        else:
            self.case_no = QLineEdit()
            self.case_no.setPlaceholderText("已结案件的案号")
            self.draft_button = QPushButton("从案件整理")
            self.draft_button.clicked.connect(self.draft_from_case)
            draft.addWidget(self.case_no)
            draft.addWidget(self.draft_button)
        self.extra.addLayout(draft)
        self.current: dict | None = None

    def _save_edit(self, values: dict) -> None:
        if self.current is None or self.current.get("kind") != "own":
            from mediation_desktop.core.errors import UserError

            raise UserError("E_NOT_FOUND", "请先在左侧选择本组织的一篇典型案例，或从已结案件整理一篇")
        typical_cases.edit(self.ctx.backend, self.current["id"], **values)

    def _saved(self, result) -> None:
        self.error.setText("已保存。")
        self.reload()

    def _deleted(self, shown: dict) -> None:
        if self.current is not None and self.current["id"] == shown["id"]:
            self.current = None
            for name in self.fields:
                getattr(self.ui, name).clear()
        super()._deleted(shown)

    def show_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        backend = self.ctx.backend
        self.ctx.runner.run(lambda: typical_cases.get(backend, row["id"]), self._fill, parent=self)

    def _fill(self, full: dict) -> None:
        self.current = full
        self.ui.title.setText(full["title"])
        for key in ("facts", "process", "result", "experience"):
            getattr(self.ui, key).setPlainText(full[key])
        own = full["kind"] == "own" and not self.district
        self.ui.save.setEnabled(own)

    def draft_from_case(self) -> None:
        backend, case_no = self.ctx.backend, self.case_no.text()
        self.error.clear()
        self.ctx.runner.run(lambda: typical_cases.add_from_case(backend, case_no),
                            lambda row: (self._fill({**row, "kind": "own"}), self.reload()),
                            on_error=self._refused, parent=self)

    def export_selected(self, out: str | None) -> None:
        if self.current is None:
            return
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self, "导出典型案例", str(Path.home() / "典型案例.docx"), "Word 文件 (*.docx)")
            if not out:
                return
        backend, typical_id = self.ctx.backend, self.current["id"]
        self.ctx.runner.run(lambda: typical_cases.export(backend, typical_id, out),
                            lambda path: self.error.setText(f"已写出 {path}"), on_error=self._refused, parent=self)

    def promote_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        backend = self.ctx.backend
        self.ctx.runner.run(lambda: typical_cases.promote(backend, row["id"]),
                            lambda _r: (self.error.setText("已标为推广，将随下发包送达各调解组织。"), self.reload()),
                            on_error=self._refused, parent=self)


class FiguresTab(QWidget):
    """The programme's figures for a period, per organisation (the statistics return's 队伍与工作)."""

    def __init__(self, ctx: AppContext):
        from PySide6.QtWidgets import QAbstractItemView, QTableWidget

        from mediation_desktop.services.programme_stats import COLUMNS

        super().__init__()
        self.ctx = ctx
        self.columns = [("org_code", "组织"), *COLUMNS]
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        year = ctx.today().year
        self.start = QLineEdit(f"{year}-01-01")
        self.end = QLineEdit(f"{year}-12-31")
        self.run_button = QPushButton("统计(&T)")
        self.run_button.clicked.connect(self.reload)
        for widget in (QLabel("从"), self.start, QLabel("到"), self.end, self.run_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b71c1c;")
        layout.addWidget(self.error)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([label for _, label in self.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        from mediation_desktop.core.clock import parse_iso_date
        from mediation_desktop.core.programme import check_period
        from mediation_desktop.services.programme_stats import programme_figures

        backend, start_text, end_text = self.ctx.backend, self.start.text(), self.end.text()
        if backend is None:
            return

        def work() -> dict:
            start, end = parse_iso_date(start_text, field="from"), parse_iso_date(end_text, field="to")
            check_period(start, end)
            return programme_figures(backend, start, end)
        self.error.clear()
        self.ctx.runner.run(work, self.show_figures, on_error=self._refused, parent=self)

    def _refused(self, exc: BaseException) -> bool:
        from mediation_desktop.core.errors import UserError

        if isinstance(exc, UserError):
            self.error.setText(f"{exc.code}：{exc.message}")
            return True
        return False

    def show_figures(self, figures: dict) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        rows = [*figures["organisations"], figures["total"]]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (key, _label) in enumerate(self.columns):
                self.table.setItem(r, c, QTableWidgetItem(str(row.get(key, ""))))

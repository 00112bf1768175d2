"""达成协议: the signing date, one small form per item (who pays whom what, how much with its 大写, by
when, how and to which account), whether the amounts are before or after tax, other terms, and for a
collective dispute a table of each worker's share (the court examines each worker's 支付令 alone).

The layout is in ui/agreement_form.ui and ui/agreement_item.ui. The checks are core.lifecycle's
``agreement_problems``, the ones ``case agree`` applies; each problem is shown beside its item while the
dialog stays open, and clears as that item is corrected.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLineEdit, QTableWidgetItem, QWidget

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Agreement, AgreementItem, Case, WorkerAmount
from mediation_desktop.core.money import capitalize, format_figures, format_plain, parse_amount
from mediation_desktop.gui.dialogs.actions import ActionDialog, Change
from mediation_desktop.gui.forms.ui_agreement_form import Ui_AgreementForm
from mediation_desktop.gui.forms.ui_agreement_item import Ui_AgreementItemForm
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE, INVALID_STYLE

TAX = (("未注明", None), ("税后", "after_tax"), ("税前", "pre_tax"), ("不涉及", "none"))
NAME, AMOUNT, WORDS = range(3)     # the per-worker table's columns


class AgreementItemForm(QGroupBox):
    """One item. ``item()`` reads it (ValidationError for an amount or date that cannot be read);
    ``show_problems`` marks the fields a check named; any edit clears the marks."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AgreementItemForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.payer, self.payee, self.description = ui.payer, ui.payee, ui.description
        self.amount, self.due, self.method, self.account = ui.amount, ui.due, ui.method, ui.account
        self.error = ui.error
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        # Often not agreed: empty by default, never the signing date in disguise.
        self.due.setOptional(True, "履行期限")
        self.set_number(number)
        for edit in (self.payer, self.payee, self.description, self.account):
            edit.textChanged.connect(self._edited)
        self.amount.changed.connect(self._edited)
        self.due.dateChanged.connect(self._edited)
        self.method.currentTextChanged.connect(self._edited)
        ui.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        self.number = number
        self.setTitle(f"第{number}项")

    def is_blank(self) -> bool:
        return not any(e.text().strip() for e in (self.payer, self.payee, self.description, self.account)) \
            and not self.amount.text().strip() and not self.due.text().strip()

    def item(self) -> AgreementItem:
        where = f"第{self.number}项"
        amount = self.amount.text().strip()
        try:
            fen = parse_amount(amount, field="amount") if amount else None
        except ValidationError as exc:
            raise ValidationError(exc.code, f"{where}的金额：{exc.message}", field="amount") from None
        try:
            due = self.due.value(field="due")
        except ValidationError as exc:
            raise ValidationError(exc.code, f"{where}的{exc.message}", field="due") from None
        return AgreementItem(payer=self.payer.text().strip(), payee=self.payee.text().strip(),
                             description=self.description.text().strip(), amount_fen=fen, due_on=due,
                             method=self.method.currentText().strip(), account=self.account.text().strip())

    def _field_widget(self, name: str) -> QWidget:
        return {"payer": self.payer, "payee": self.payee, "description": self.description,
                "amount": self.amount.edit, "due": self.due.edit}.get(name, self.description)

    def show_problems(self, problems: list[ValidationError]) -> None:
        self.clear_problems()
        if not problems:
            return
        for exc in problems:
            widget = self._field_widget((exc.field or "").rsplit(".", 1)[-1])
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet(INVALID_STYLE)
        self.error.setText("；".join(exc.message for exc in problems))
        self.error.setVisible(True)

    def clear_problems(self) -> None:
        for name in ("payer", "payee", "description", "amount", "due"):
            self._field_widget(name).setStyleSheet("")
        self.error.setText("")
        self.error.setVisible(False)

    def _edited(self, *_args: object) -> None:
        if not self.error.isHidden():
            self.clear_problems()
        self.changed.emit()


class AgreementDialog(ActionDialog):
    """达成协议. ``items`` are the item forms; ``per_worker`` the table of each worker's share, shown
    for a collective dispute."""

    TAX = TAX

    def __init__(self, case: Case, today: date, parent: QWidget | None = None):
        super().__init__("达成协议", case, today, parent)
        self.body = QWidget()
        self.ui = Ui_AgreementForm()
        self.ui.setupUi(self.body)
        self.form.addRow(self.body)
        ui = self.ui
        self.signed_on, self.tax, self.other_terms = ui.signed_on, ui.tax, ui.other_terms
        self.per_worker, self.per_worker_error = ui.per_worker, ui.per_worker_error
        self.per_worker_error.setStyleSheet(ERROR_STYLE)
        self.signed_on.setOptional(False, "签订日期")
        self.signed_on.setDate(today)
        for label, code in TAX:
            self.tax.addItem(label, code)
        self.items: list[AgreementItemForm] = []
        ui.add_item_button.clicked.connect(lambda: self.add_item(focus=True))
        first = self.add_item(case.respondent.name, case.applicant_names, "支付款项",
                              format_plain(case.amount_claimed_fen) or "", None, "银行转账")
        first.payer.setFocus()
        ui.per_worker_group.setVisible(case.collective)
        ui.add_worker_button.clicked.connect(lambda: self.add_worker())
        ui.remove_worker_button.clicked.connect(self._remove_selected_workers)
        self.per_worker.itemChanged.connect(self._worker_changed)
        self.per_worker.setColumnWidth(NAME, 140)
        self.per_worker.setColumnWidth(AMOUNT, 140)
        if case.collective:
            for applicant in case.applicants:
                self.add_worker(applicant.name)
        self.setMinimumWidth(760)

    # -- items ---------------------------------------------------------------------------------------
    def add_item(self, payer: str = "", payee: str = "", what: str = "", amount: str = "",
                 due: date | None = None, method: str = "", account: str = "", *,
                 focus: bool = False) -> AgreementItemForm:
        form = AgreementItemForm(len(self.items) + 1)
        form.payer.setText(payer)
        form.payee.setText(payee)
        form.description.setText(what)
        form.amount.setText(amount)
        form.due.setDate(due)
        if method:
            form.method.setCurrentText(method)
        else:
            form.method.setCurrentIndex(-1)
        form.account.setText(account)
        form.changed.connect(self._items_changed)
        form.remove_requested.connect(self.remove_item)
        self.items.append(form)
        box = self.ui.items_box
        box.insertWidget(box.count() - 1, form)   # above the closing spacer
        self._items_changed()
        if focus:
            form.payer.setFocus()
            self.ui.items_scroll.ensureWidgetVisible(form)
        return form

    def remove_item(self, form: AgreementItemForm) -> None:
        self.items.remove(form)
        form.setParent(None)
        form.deleteLater()
        for n, other in enumerate(self.items, start=1):
            other.set_number(n)
        self._items_changed()

    def _items_changed(self) -> None:
        total = 0
        for form in self.items:
            try:
                total += form.amount.fen() or 0
            except ValidationError:
                pass
        self.ui.items_total.setText(f"合计：{format_figures(total)}（{capitalize(total)}）" if total else "")
        self.error.setText("")

    # -- each worker's share -------------------------------------------------------------------------
    def add_worker(self, name: str = "", amount: str = "") -> int:
        row = self.per_worker.rowCount()
        self.per_worker.insertRow(row)
        self.per_worker.setItem(row, NAME, QTableWidgetItem(name))
        words = QTableWidgetItem("")
        words.setFlags(words.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.per_worker.setItem(row, WORDS, words)
        self.per_worker.setItem(row, AMOUNT, QTableWidgetItem(amount))   # fills in the 大写 beside it
        return row

    def _remove_selected_workers(self) -> None:
        for row in sorted({index.row() for index in self.per_worker.selectedIndexes()}, reverse=True):
            self.per_worker.removeRow(row)
        self._worker_total()

    def _cell(self, row: int, col: int) -> str:
        item = self.per_worker.item(row, col)
        return item.text().strip() if item else ""

    def _worker_changed(self, changed: QTableWidgetItem) -> None:
        if changed.column() != AMOUNT:
            return
        words = self.per_worker.item(changed.row(), WORDS)
        if words is None:
            return
        text = changed.text().strip()
        try:
            shown = f"人民币{capitalize(parse_amount(text))}" if text else ""
        except ValidationError as exc:
            shown = exc.message
        self.per_worker.blockSignals(True)
        words.setText(shown)
        self.per_worker.blockSignals(False)
        self._worker_total()

    def _worker_total(self) -> None:
        total = 0
        for row in range(self.per_worker.rowCount()):
            try:
                total += parse_amount(self._cell(row, AMOUNT)) if self._cell(row, AMOUNT) else 0
            except ValidationError:
                pass
        self.ui.per_worker_total.setText(f"{self.per_worker.rowCount()}人，合计 {format_figures(total)}"
                                         if total else "")
        self.per_worker_error.setText("")

    def _workers(self) -> list[WorkerAmount]:
        if not self.case.collective:
            return []
        shares = []
        for row in range(self.per_worker.rowCount()):
            name, amount = self._cell(row, NAME), self._cell(row, AMOUNT)
            if not name and not amount:
                continue
            if not name or not amount:
                raise ValidationError("E_REQUIRED", f"每名劳动者应得金额第{row + 1}行需要姓名和金额", field="per_worker")
            try:
                fen = parse_amount(amount, field="per_worker")
            except ValidationError as exc:
                raise ValidationError(exc.code, f"{name}的金额：{exc.message}", field="per_worker") from None
            shares.append(WorkerAmount(name=name, amount_fen=fen))
        return shares

    # -- the result ----------------------------------------------------------------------------------
    def build(self) -> Change:
        from mediation_desktop.core.lifecycle import agreement_problems

        for form in self.items:
            form.clear_problems()
        self.per_worker_error.setText("")
        unreadable: list[tuple[AgreementItemForm | None, ValidationError]] = []
        items: list[AgreementItem] = []
        kept: list[AgreementItemForm] = []
        for form in self.items:
            if form.is_blank():
                continue
            try:
                items.append(form.item())
                kept.append(form)
            except ValidationError as exc:
                unreadable.append((form, exc))
        try:
            workers = self._workers()
        except ValidationError as exc:
            unreadable.append((None, exc))
            workers = []
        signed_on = self.signed_on.value()
        agreement = Agreement(signed_on=signed_on, items=items, tax=self.tax.currentData(),
                              other_terms=self.other_terms.toPlainText().strip(), per_worker=workers)
        problems = [] if unreadable else agreement_problems(self.case, agreement)
        if unreadable or problems:
            self._show(unreadable, problems, kept)
            first = (unreadable or [(None, problems[0])])[0][1]
            raise ValidationError(first.code, first.message if len(unreadable) + len(problems) == 1
                                  else f"{first.message}（另有{len(unreadable) + len(problems) - 1}处，见标红的项目）")
        on = agreement.signed_on
        return lambda svc, ref: svc.conclude(ref, Outcome.AGREEMENT, on, agreement=agreement)

    def _show(self, unreadable: list[tuple[AgreementItemForm | None, ValidationError]],
              problems: list[ValidationError], kept: list[AgreementItemForm]) -> None:
        by_form: dict[int, list[ValidationError]] = {}
        for form, exc in unreadable:
            if form is None:
                self.per_worker_error.setText(exc.message)
            else:
                by_form.setdefault(id(form), []).append(exc)
        for exc in problems:
            parts = (exc.field or "").split(".")
            if parts[0] == "items" and len(parts) == 3 and int(parts[1]) < len(kept):
                by_form.setdefault(id(kept[int(parts[1])]), []).append(exc)
            elif parts[0] == "per_worker":
                self.per_worker_error.setText(exc.message)
        for form in self.items:
            if id(form) in by_form:
                form.show_problems(by_form[id(form)])

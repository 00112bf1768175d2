"""Building blocks of the registration form: a field with its inline error, applicant and claim rows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS
from mediation_desktop.core.model import Applicant, Claim
from mediation_desktop.core.rules import max_len
from mediation_desktop.gui.widgets.money_edit import MoneyEdit

ERROR_STYLE = "color:#c62828;"
INVALID_STYLE = "border:1px solid #c62828;"


class FieldError(QLabel):
    """The red line under a field; empty and hidden when the field is fine."""

    def __init__(self, target: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setVisible(False)

    def _mark(self, style: str) -> None:
        # Money and date fields are a line edit with company (大写, the calendar button): frame the edit.
        edit = getattr(self.target, "edit", self.target)
        if isinstance(edit, QLineEdit):   # a red frame only on text fields; groups keep their look
            edit.setStyleSheet(style)

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(True)
        self._mark(INVALID_STYLE)

    def clear_error(self) -> None:
        self.setText("")
        self.setVisible(False)
        self._mark("")


def limit_to_rule(edit: QLineEdit, key: str) -> QLineEdit:
    """The field's length from the rules table (core.rules), the one every other entry point uses;
    its characters are checked by the same rules when the form is validated."""
    edit.setMaxLength(max_len(key))
    return edit


def with_error(widget: QWidget) -> tuple[QWidget, FieldError]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    error = FieldError(widget)
    layout.addWidget(error)
    return box, error


class ApplicantRow(QFrame):
    """One applicant: name, ID number, phone, representative; errors keyed by the model's field."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        self.title = QLabel(f"申请人{number}")
        self.name = QLineEdit()
        self.name.setPlaceholderText("姓名（必填）")
        limit_to_rule(self.name, "applicant.name")
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText("居民身份证号（18位）")
        self.id_number.setMaxLength(20)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("联系电话")
        limit_to_rule(self.phone, "applicant.phone")
        self.representative = QCheckBox("代表人")
        self.representative.setToolTip("集体争议中由劳动者推举的代表")
        self.remove = QPushButton("删除")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.errors: dict[str, FieldError] = {}
        for col, (key, widget) in enumerate((("name", self.name), ("id_number", self.id_number), ("phone", self.phone))):
            box, err = with_error(widget)
            self.errors[key] = err
            grid.addWidget(box, 0, col + 1)
            widget.textChanged.connect(self.changed)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.representative, 0, 4)
        grid.addWidget(self.remove, 0, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        self.representative.toggled.connect(self.changed)

    def set_number(self, number: int) -> None:
        self.title.setText(f"申请人{number}")

    def value(self) -> Applicant:
        return Applicant(name=self.name.text(), id_number=self.id_number.text().strip() or None,
                         phone=self.phone.text().strip() or None, is_representative=self.representative.isChecked())

    def is_blank(self) -> bool:
        return not (self.name.text().strip() or self.id_number.text().strip() or self.phone.text().strip())


class ClaimRow(QFrame):
    """One claim: what is asked for, the amount (with 大写), its dispute type."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        self.title = QLabel(f"请求{number}")
        self.description = QLineEdit()
        self.description.setPlaceholderText("请求事项，如：支付拖欠工资")
        limit_to_rule(self.description, "claim.description")
        self.amount = MoneyEdit()
        self.dispute_type = QComboBox()
        self.dispute_type.addItem("（类型）", None)
        for code, label in DISPUTE_TYPE_LABELS.items():
            self.dispute_type.addItem(label, str(code))
        self.remove = QPushButton("删除")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        desc_box, self.description_error = with_error(self.description)
        amount_box, self.amount_error = with_error(self.amount)
        # The case's dispute types are its claims' types (the form does not ask them again).
        self.dispute_type.setToolTip("这项请求的争议类型；案件的争议类型由各项请求得出")
        type_box, self.dispute_type_error = with_error(self.dispute_type)
        self.errors = {"description": self.description_error, "amount": self.amount_error,
                       "dispute_type": self.dispute_type_error}
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(desc_box, 0, 1)
        grid.addWidget(amount_box, 0, 2)
        grid.addWidget(type_box, 0, 3)
        grid.addWidget(self.remove, 0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        self.description.textChanged.connect(self.changed)
        self.amount.changed.connect(self.changed)
        self.dispute_type.currentIndexChanged.connect(self.changed)

    def set_number(self, number: int) -> None:
        self.title.setText(f"请求{number}")

    def value(self, index: int) -> Claim:
        """Raises ValidationError (field ``claims.<index>.amount``) for an unreadable amount."""
        return Claim(description=self.description.text().strip(),
                     amount_fen=self.amount.fen(field=f"claims.{index}.amount"),
                     dispute_type=self.dispute_type.currentData())

    def is_blank(self) -> bool:
        return not (self.description.text().strip() or self.amount.text().strip()
                    or self.dispute_type.currentData())

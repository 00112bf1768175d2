"""A date field with a calendar popup whose typed text is read as people write dates: 2027-01-15,
2027/1/15, 2027.1.15 or 2027年1月15日 (core.date_text, the rule the ledger import uses too).

Unlike QDateEdit it can be empty (an agreement item's due date is often not agreed), and it never
changes what was typed behind the user's back: unreadable text stays in the field, marked, and
``value()`` refuses it with the reason.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from mediation_desktop.core import clock
from mediation_desktop.core.date_text import date_text_problem
from mediation_desktop.core.errors import ValidationError

INVALID_STYLE = "border:1px solid #c62828;"


class DateEdit(QWidget):
    """``value()`` is the date, None when empty and optional; ``date()`` the same as a QDate, as
    QDateEdit offers it. Both raise ValidationError (E_DATE, E_REQUIRED) for what cannot be used."""

    dateChanged = Signal(QDate)   # QDateEdit's name, so callers need not know which they hold

    def __init__(self, parent: QWidget | None = None, *, value: date | QDate | None = None,
                 optional: bool = False, what: str = "日期"):
        # ``parent`` first: forms compiled from ui/*.ui construct custom widgets as DateEdit(parent).
        super().__init__(parent)
        self.optional, self.what = optional, what
        self._minimum: date | None = None
        self._maximum: date | None = None
        self._last: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setMaxLength(40)
        self.button = QToolButton()
        self.button.setText("日历")
        self.button.setToolTip("从日历中选择（Alt+↓）")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.clicked.connect(self.show_calendar)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.textChanged.connect(self._typed)
        self.setOptional(optional, what)
        self.setDate(value)

    def setOptional(self, optional: bool, what: str | None = None) -> None:
        """Whether the field may stay empty, and what it is called in messages (如“履行期限”)."""
        self.optional, self.what = optional, what or self.what
        self.edit.setPlaceholderText("如 2027-01-15 或 2027年1月15日" + ("（可不填）" if optional else ""))

    # -- QDateEdit's vocabulary ----------------------------------------------------------------------
    def setDate(self, value: date | QDate | None) -> None:  # Qt naming
        found = _as_date(value)
        self.edit.setText(found.isoformat() if found else "")

    def date(self) -> QDate:
        found = self.value()
        return QDate(found) if found else QDate()

    def setMinimumDate(self, value: date | QDate) -> None:
        self._minimum = _as_date(value)
        self._update_calendar_range()

    def setMaximumDate(self, value: date | QDate) -> None:
        self._maximum = _as_date(value)
        self._update_calendar_range()

    def setCalendarPopup(self, on: bool) -> None:  # always has one; kept for QDateEdit callers
        self.button.setVisible(on)

    def setDisplayFormat(self, _format: str) -> None:  # dates always show as 2027-01-15
        pass

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()

    # -- reading -------------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the text is not a usable date, or None."""
        try:
            self.value()
        except ValidationError as exc:
            return exc.message
        return None

    def value(self, field: str | None = None) -> date | None:
        text = self.edit.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValidationError("E_REQUIRED", f"请填写{self.what}", field=field)
        found = date_text_problem(text)
        if isinstance(found, str):
            raise ValidationError("E_DATE", f"{self.what}：{found}", field=field)
        if self._minimum and found < self._minimum:
            raise ValidationError("E_DATE", f"{self.what}不能早于{self._minimum.isoformat()}", field=field)
        if self._maximum and found > self._maximum:
            raise ValidationError("E_DATE", f"{self.what}不能晚于{self._maximum.isoformat()}", field=field)
        return found

    # -- behaviour -----------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        found = date_text_problem(text) if text.strip() else None
        self.edit.setStyleSheet(INVALID_STYLE if isinstance(found, str) and not self.edit.hasFocus() else "")
        found = None if isinstance(found, str) else found
        if found != self._last:
            self._last = found
            self.dateChanged.emit(QDate(found) if found else QDate())

    def _tidy(self) -> None:
        """On leaving the field a readable date is shown in one way (2027-01-15); an unreadable one is
        left as typed and framed red."""
        text = self.edit.text().strip()
        found = date_text_problem(text) if text else None
        if isinstance(found, date):
            if found.isoformat() != self.edit.text():
                self.edit.setText(found.isoformat())
            self.edit.setStyleSheet("")
        elif isinstance(found, str):
            self.edit.setStyleSheet(INVALID_STYLE)

    def show_calendar(self) -> None:
        found = date_text_problem(self.edit.text()) if self.edit.text().strip() else None
        self.calendar.setSelectedDate(QDate(found if isinstance(found, date) else clock.today()))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self.setDate(picked)
        self.edit.setFocus()

    def keyPressEvent(self, event) -> None:  # Qt's handler
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def _update_calendar_range(self) -> None:
        if self._minimum:
            self.calendar.setMinimumDate(QDate(self._minimum))
        if self._maximum:
            self.calendar.setMaximumDate(QDate(self._maximum))


def _as_date(value: date | QDate | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value

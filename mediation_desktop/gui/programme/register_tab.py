"""One register on one tab: its list on the left, its Designer form on the right.

Saving runs the service on the task runner; a refusal is shown in red under the form, which keeps
what was typed, so the user corrects the one field and saves again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.services import programme_delete

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def text_of(widget: QWidget) -> str:
    if isinstance(widget, DateEdit):
        # A date typed the Chinese way (2027年1月15日) goes to the service as 2027-01-15; an empty or
        # unreadable one goes as typed, for the service to accept (optional) or refuse with its reason.
        typed = widget.text().strip()
        try:
            found = widget.value() if typed else None
        except UserError:
            return typed
        return found.isoformat() if found else ""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if isinstance(data, str) else widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def clear(widget: QWidget) -> None:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, DateEdit)):
        widget.clear()


class RegisterTab(QWidget):
    """``load`` returns the rows (dicts); ``columns`` are (key, heading); ``save`` takes the form's
    values (a dict of field -> text) and does the work in the back end. ``entity`` names the register
    for the 删除 button (services.programme_delete), which shows only where the user may delete."""

    def __init__(self, ctx: AppContext, form_class: type, columns: list[tuple[str, str]],
                 load: Callable[[], list[dict]], save: Callable[[dict], Any] | None, *,
                 fields: tuple[str, ...] = (), entity: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.columns, self._load, self._save, self.fields = ctx, columns, load, save, fields
        self.entity = entity
        self.rows: list[dict] = []
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.summary = QLabel("")
        left.addWidget(self.summary)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([label for _, label in columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        left.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.delete_button = QPushButton("删除…")
        self.delete_button.setToolTip("删除左侧选中的记录（删除前会再次确认）")
        self.delete_button.clicked.connect(self.delete_selected)
        actions.addWidget(self.delete_button)
        left.addLayout(actions)
        self._offer_delete()
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.form = QGroupBox()   # the Designer forms are group boxes titled with what they register
        self.ui = form_class()
        self.ui.setupUi(self.form)
        right.addWidget(self.form)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b71c1c;")
        right.addWidget(self.error)
        self.extra = QVBoxLayout()   # buttons a register adds below its form
        right.addLayout(self.extra)
        right.addStretch(1)
        layout.addLayout(right, 2)
        if save is None:
            self.form.setVisible(False)
        else:
            self.ui.save.clicked.connect(self.save)

    # -- the list ------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.ctx.backend is None:
            return
        self._offer_delete()
        self.ctx.runner.run(self._load, self.show_rows, parent=self)

    def _offer_delete(self) -> None:
        backend = self.ctx.backend
        self.delete_button.setVisible(backend is not None and self.entity is not None
                                      and programme_delete.may_delete(backend, self.entity))

    def show_rows(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (key, _label) in enumerate(self.columns):
                value = row.get(key)
                item = QTableWidgetItem("" if value is None else (("是" if value else "否") if isinstance(value, bool)
                                                                   else str(value)))
                item.setData(ID_ROLE, row.get("id"))
                self.table.setItem(r, c, item)
        self.summary.setText(f"共 {len(rows)} 条")

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- the form ------------------------------------------------------------------------------------
    def values(self) -> dict:
        return {name: text_of(getattr(self.ui, name)) for name in self.fields}

    def save(self) -> None:
        if self._save is None or self.ctx.backend is None:
            return
        values = self.values()
        self.error.clear()
        self.ctx.runner.run(lambda: self._save(values), self._saved, on_error=self._refused, parent=self)

    def _saved(self, _result: Any) -> None:
        for name in self.fields:
            clear(getattr(self.ui, name))
        self.reload()

    # -- deleting --------------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Names the selected record (the service's checks run first, so a refusal comes before the
        question), asks, then deletes; the deletion travels as a tombstone in the next package."""
        row, backend, entity = self.selected(), self.ctx.backend, self.entity
        self.error.clear()
        if backend is None or entity is None:
            return
        if row is None:
            self.error.setText("请先在左侧选择要删除的记录。")
            return
        if not row.get("id"):
            self.error.setText("这一行来自已登记同步的调解组织，不能删除；只有手工登记的记录可以删除。")
            return
        record_id = str(row["id"])
        self.ctx.runner.run(lambda: programme_delete.describe(backend, entity, record_id), self._confirm_delete,
                            on_error=self._refused, parent=self)

    def _confirm_delete(self, found: dict) -> None:
        travels = "" if found["entity"] == "mediation_org" else "删除会随下一个同步包送达对方。"
        if not messages.ask(self, "删除记录", f"删除{found['label']}“{found['name']}”？\n\n删除后不能恢复。{travels}",
                            yes="删除", no="取消"):
            return
        backend = self.ctx.backend
        self.ctx.runner.run(lambda: programme_delete.delete_record(backend, found["entity"], found["id"]),
                            self._deleted, on_error=self._refused, parent=self)

    def _deleted(self, shown: dict) -> None:
        self.error.setText(f"已删除{shown['label']}“{shown['name']}”。")
        self.reload()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            self.error.setText(f"{exc.code}：{exc.message}")
            field = getattr(self.ui, exc.field or "", None) if exc.field else None
            if isinstance(field, QWidget):
                field.setFocus()
            return True
        return False

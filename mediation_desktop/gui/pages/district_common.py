"""Small pieces the district's pages share: a read-only table, a page title, choosing an .xlsx to write.

Nothing here touches the database; pages hand their work to the task runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
STALE_FG, STALE_BG = "#b71c1c", "#ffebee"
LEVEL_STYLE = {"red": ("#b71c1c", "#ffebee", "●红"), "orange": ("#e65100", "#fff3e0", "●橙"),
               "yellow": ("#8d6e00", "#fffde7", "●黄"), "none": ("#263238", None, "")}


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + 5)
    font.setBold(True)
    label.setFont(font)
    return label


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    return setup_read_only(QTableWidget(), headers)


def setup_read_only(table: QTableWidget, headers: Sequence[str]) -> QTableWidget:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[Any]], keys: Sequence[Any] | None = None) -> None:
    """Replace the table's rows; ``keys`` (one per row) go into the first cell's KEY_ROLE."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(text_of(value))
            item.setToolTip(text_of(value))
            if isinstance(value, int) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
        if keys is not None and table.item(r, 0) is not None:
            table.item(r, 0).setData(KEY_ROLE, keys[r])


def paint_row(table: QTableWidget, row: int, fg: str, bg: str | None) -> None:
    for c in range(table.columnCount()):
        item = table.item(row, c)
        if item is None:
            continue
        item.setForeground(QBrush(QColor(fg)))
        if bg:
            item.setBackground(QBrush(QColor(bg)))


def row_key(table: QTableWidget, row: int) -> Any:
    item = table.item(row, 0)
    return item.data(KEY_ROLE) if item is not None else None


def choose_xlsx(parent: QWidget, default_name: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "导出Excel", default_name, "Excel 工作簿 (*.xlsx)")
    return path

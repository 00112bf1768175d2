"""The case list's lazy table model: the keys of every match are held, rows are fetched by page.

A row not yet in the cache shows a placeholder and asks the fetcher for its page (the fetcher runs
on the task runner, so scrolling never waits for the database); when the page arrives the rows
repaint. Pages are kept in a bounded LRU cache, so memory stays flat at a million cases.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from mediation_desktop.core import clock
from mediation_desktop.core.money import format_figures
from mediation_desktop.services.case_list import CaseRow

PAGE_SIZE = 200
MAX_PAGES = 60
PLACEHOLDER = "…"
OVERDUE_COLOUR = QColor("#c62828")
SOON_COLOUR = QColor("#e65100")

# (header, sort column, text of a row)
COLUMNS: tuple[tuple[str, str, Callable[[CaseRow], str]], ...] = (
    ("案号", "case_no", lambda r: r.case_no),
    ("收案日期", "received_on", lambda r: r.received_on.isoformat()),
    ("申请人", "applicant_names", lambda r: r.applicant_names),
    ("被申请人", "respondent_name", lambda r: r.respondent_name),
    ("争议类型", "dispute_types", lambda r: r.dispute_labels),
    ("人数", "workers_involved", lambda r: str(r.workers_involved)),
    ("请求金额", "amount_claimed_fen", lambda r: "" if r.amount_claimed_fen is None else format_figures(r.amount_claimed_fen)),
    ("状态", "status", lambda r: r.status_label),
    ("下一期限", "next_due", lambda r: r.next_due.isoformat() if r.next_due else ""),
)
NUMERIC = {5, 6}
NUMERIC_KEYS = {"workers_involved", "amount_claimed_fen"}
ORG_HEADER = "调解组织"
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Fetcher = Callable[[list[int], Callable[[dict[int, CaseRow]], None]], None]
AnyIndex = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)   # column key, descending

    def __init__(self, fetcher: Fetcher | None = None, today: Callable[[], date] = clock.today, parent=None):
        super().__init__(parent)
        self._fetcher = fetcher
        self._today = today
        self._keys: list[int] = []
        self._pages: OrderedDict[int, dict[int, CaseRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.columns = COLUMNS
        self._org_names: dict[str, str] = {}

    def set_org_names(self, names: dict[str, str] | None) -> None:
        """At the district: a 调解组织 column (organisation id -> name) after the case number."""
        self.beginResetModel()
        self._org_names = dict(names or {})
        if names:
            org = (ORG_HEADER, "", lambda r: self._org_names.get(r.org_id or "", ""))
            self.columns = COLUMNS[:1] + (org,) + COLUMNS[1:]
        else:
            self.columns = COLUMNS
        self.endResetModel()

    # -- feeding -----------------------------------------------------------------------------------
    def set_fetcher(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher

    def set_keys(self, keys: Sequence[int]) -> None:
        self.beginResetModel()
        self._keys = list(keys)
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        self.endResetModel()

    def keys(self) -> list[int]:
        return list(self._keys)

    def column_of(self, key: str) -> int:
        """The column showing ``key`` (a CaseRow field; "" is the district's 调解组织), or -1."""
        return next((i for i, c in enumerate(self.columns) if c[1] == key), -1)

    def shown_texts(self, key: str) -> list[str]:
        """The texts of one column in the rows fetched so far (the page sizes columns to them)."""
        col = self.column_of(key)
        if col < 0:
            return []
        text = self.columns[col][2]
        return [text(r) for page in self._pages.values() for r in page.values()]

    def refresh_rows(self) -> None:
        """Forget cached rows (a case changed); visible rows are fetched again."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self.columns) - 1))

    def row_at(self, row: int) -> CaseRow | None:
        if not 0 <= row < len(self._keys):
            return None
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            self._request(row // PAGE_SIZE)
            return None
        self._pages.move_to_end(row // PAGE_SIZE)
        return page.get(self._keys[row])

    def _request(self, page_no: int) -> None:
        if page_no in self._pending or self._fetcher is None:
            return
        self._pending.add(page_no)
        generation = self._generation
        nums = self._keys[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
        self._fetcher(nums, lambda rows: self._arrived(generation, page_no, rows))

    def _arrived(self, generation: int, page_no: int, rows: dict[int, CaseRow]) -> None:
        if generation != self._generation:
            return  # the list was replaced while the page was on its way
        self._pending.discard(page_no)
        self._pages[page_no] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page_no * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._keys)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section][0]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._keys):
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._keys) or index.column() >= len(self.columns):
            return None
        col = index.column()
        key = self.columns[col][1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if key in NUMERIC_KEYS else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, CASE_ID_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole and col == 0 else None
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "next_due" and row.next_due is not None and row.status != "closed":
                today = self._today()
                if row.next_due < today:
                    return QBrush(OVERDUE_COLOUR)
                if (row.next_due - today).days <= 3:
                    return QBrush(SOON_COLOUR)
            return None
        text = self.columns[col][2](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column][1]:   # the 调解组织 column does not sort
            self.sort_requested.emit(self.columns[column][1], order == Qt.SortOrder.DescendingOrder)

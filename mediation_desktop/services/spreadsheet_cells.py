"""Rows for openpyxl worksheets with formula-like text kept as text.

The choice: such a value goes into the workbook as a *string* cell (openpyxl's ``data_type`` 's',
a shared string in the file) with Excel's "quote prefix" style set, and the text itself unchanged.
Excel and WPS show a string cell as it is and never evaluate it; the quote prefix keeps it text even
when someone edits the cell and presses Enter. The alternative, putting an apostrophe in front of
the text, would change the data (a re-import would read the apostrophe) and is only needed for CSV,
which the app does not write. openpyxl itself would otherwise turn any string starting with ``=``
into a formula cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mediation_desktop.core.cell_safety import is_formula_like


def text_cell(sheet: Any, value: str) -> Any:
    """A string cell holding ``value`` literally (for normal and write-only worksheets alike)."""
    from openpyxl.cell.cell import Cell, WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value) if _write_only(sheet) else Cell(sheet, value=value)
    cell.data_type = "s"   # after the value: openpyxl's own guess made "=..." a formula
    cell.quotePrefix = True
    return cell


def safe_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """``values`` ready for ``sheet.append``: formula-like text wrapped as string cells."""
    return [text_cell(sheet, v) if is_formula_like(v) else v for v in values]


def append_safe(sheet: Any, values: Iterable[Any]) -> None:
    sheet.append(safe_row(sheet, values))


def set_safe(cell: Any, value: Any) -> None:
    """Assign one cell of a normal worksheet, keeping formula-like text as text."""
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _write_only(sheet: Any) -> bool:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    return isinstance(sheet, WriteOnlyWorksheet)

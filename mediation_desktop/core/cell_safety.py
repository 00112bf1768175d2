"""Text that a spreadsheet program would run as a formula.

A name, a claim or a ledger cell that starts with ``=`` (or ``+ - @``, a tab or CR, which Excel and
WPS also read as the start of a formula when a cell is edited or a CSV is opened, or their
full-width forms, which an input method types and WPS converts) could make the mediator's Excel
fetch a URL or run a command when a case list or a district report is opened. Every spreadsheet
the app writes stores such text as text: see ``services/spreadsheet_cells.py``.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value: object) -> bool:
    """Whether ``value`` is text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)

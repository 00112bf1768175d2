"""The district's lists (rooms, risks) as Excel sheets: a bold header, then the rows, every value
written through the formula-safe cell writer (names and reasons come from other nodes' packages)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


def write_sheets_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> Path:
    """One worksheet per (title, header, rows), written beside ``path`` and renamed into place."""
    import os
    import tempfile

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from mediation_desktop.services.spreadsheet_cells import append_safe

    wb = Workbook()
    wb.remove(wb.active)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title[:31])
        append_safe(ws, list(header))
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in rows:
            append_safe(ws, ["" if v is None else v for v in row])
        ws.freeze_panes = "A2"
    fd, tmp_name = tempfile.mkstemp(prefix=".list-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path

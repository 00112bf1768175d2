"""Writing a statistics return as .json, .xlsx or .docx (chosen by the file's suffix)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS, DisputeType
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.statistics import INDICATORS, Return

SUFFIXES = (".xlsx", ".docx", ".json")


def title(ret: Return) -> str:
    return f"劳动人事争议调解情况统计表（{ret.start:%Y年%m月%d日}至{ret.end:%Y年%m月%d日}）".replace("年0", "年").replace("月0", "月")


def columns() -> list[tuple[str, str]]:
    return INDICATORS + [(f"type:{t.value}", DISPUTE_TYPE_LABELS[t]) for t in DisputeType]


def cell(row: dict, key: str):  # noqa: ANN201
    if key.startswith("type:"):
        return row["dispute_types"].get(key[5:], 0)
    return row[key]


def write_return(ret: Return, out: Path) -> Path:
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError("E_REPORT_FORMAT", f"不支持的报表格式“{out.suffix}”：请使用 .xlsx、.docx 或 .json")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so a half-written report never replaces a good one.
    fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        {".json": _json, ".xlsx": _xlsx, ".docx": _docx}[suffix](ret, tmp)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _json(ret: Return, path: Path) -> None:
    path.write_text(json.dumps(ret.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")


def _xlsx(ret: Return, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from mediation_desktop.services.spreadsheet_cells import append_safe

    wb = Workbook()
    ws = wb.active
    ws.title = "调解情况统计"
    cols = columns()
    ws.append([title(ret)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols) + 2)
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["组织名称", "组织代码"] + [label for _, label in cols])
    for c in ws[2]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in ret.rows:
        # Organisation names and codes come from other nodes' packages: never a formula here.
        append_safe(ws, [row["org_name"], row["org_code"]] + [cell(row, key) for key, _ in cols])
    ws.column_dimensions["A"].width = 30
    ws.freeze_panes = "C3"
    wb.save(path)


def _docx(ret: Return, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))

    def east_asia(run, font: str) -> None:  # noqa: ANN001
        run.font.name = font
        rpr = run._element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)

    heading = doc.add_paragraph()
    heading.alignment = 1
    r = heading.add_run(title(ret))
    r.font.size = Pt(16)
    r.bold = True
    east_asia(r, "黑体")
    # The indicators run down the rows and the organisations across, so the table fits the page.
    orgs = ret.rows
    table = doc.add_table(rows=1 + len(columns()), cols=1 + len(orgs))
    table.style = "Table Grid"
    table.cell(0, 0).text = "指标"
    for j, row in enumerate(orgs, start=1):
        table.cell(0, j).text = row["org_name"]
    for i, (key, label) in enumerate(columns(), start=1):
        table.cell(i, 0).text = label
        for j, row in enumerate(orgs, start=1):
            table.cell(i, j).text = str(cell(row, key))
    for row in table.rows:
        for c in row.cells:
            for p in c.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9)
                    east_asia(run, "宋体")
    doc.save(path)


def produce_return(backend, start, end, out: Path) -> tuple[Return, Path]:  # noqa: ANN001 - Backend, dates
    """The statistics return for ``start``..``end`` written to ``out`` and recorded in the audit trail
    (compile_return checks the permission first, so a refused user writes nothing)."""
    from mediation_desktop.services.statistics import compile_return
    from mediation_desktop.storage.outbox import audit

    ret = compile_return(backend, start, end)
    written = write_return(ret, Path(out))
    with backend.db.write() as conn:
        audit(conn, backend.user, "report", None, None,
              {"from": start.isoformat(), "to": end.isoformat(), "file": written.name})
    return ret, written

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


def cell(row: dict, key: str):
    if key.startswith("type:"):
        return row["dispute_types"].get(key[5:], 0)
    return row[key]


def write_return(ret: Return, out: Path, *, charts: list | None = None, renderer=None,
                 organisation: str = "", summary: str = "") -> Path:
    """``ret`` as .json, .xlsx (with native charts when ``charts`` are given) or .docx (the 统计报告,
    with chart pictures when a ``renderer`` is given)."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError("E_REPORT_FORMAT", f"不支持的报表格式“{out.suffix}”：请使用 .xlsx、.docx 或 .json")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so a half-written report never replaces a good one.
    fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".json":
            _json(ret, tmp)
        elif suffix == ".xlsx":
            _xlsx(ret, tmp, charts or [])
        else:
            from mediation_desktop.services.report_docx import write_report_docx

            write_report_docx(tmp, ret, organisation=organisation, charts=charts or [], summary=summary,
                              renderer=renderer, columns=columns(), cell=cell)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _json(ret: Return, path: Path) -> None:
    path.write_text(json.dumps(ret.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")


def _xlsx(ret: Return, path: Path, charts: list) -> None:
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
    if charts:
        _chart_sheet(wb, charts)
    if ret.programme.get("organisations") or ret.programme.get("mediators"):   # only a node keeping the registers
        _programme_sheet(wb, ret.programme)
    wb.save(path)


def _programme_sheet(wb, figures: dict) -> None:  # an openpyxl Workbook
    """队伍与工作: the programme's figures per organisation, each mediator's performance and (at the
    district) the organisations by type."""
    from mediation_desktop.services.programme_stats import COLUMNS
    from mediation_desktop.services.spreadsheet_cells import append_safe

    ws = wb.create_sheet("队伍与工作")
    ws.append(["组织代码"] + [label for _, label in COLUMNS])
    for row in [*figures.get("organisations", []), figures["total"]]:
        append_safe(ws, [row["org_code"]] + [row.get(key, 0) for key, _ in COLUMNS])
    ws.append([])
    ws.append(["组织代码", "调解员", "背景", "办案数", "达成协议", "调解成功率", "超期", "逾期受理", "平均办结天数", "培训学时"])
    for m in figures.get("mediators", []):
        rate = f"{m['agreement_rate'] * 100:.1f}%" if m["agreement_rate"] is not None else "—"
        append_safe(ws, [m["org_code"], m["name"], m["background_label"], m["cases_handled"], m["agreements"], rate,
                         m["overdue"], m["late_acceptances"], m["avg_days_to_close"] or "—", m["training_hours_text"]])
    if figures.get("organisation_building"):
        ws.append([])
        ws.append(["调解组织建设", "数量"])
        for label, count in figures["organisation_building"].items():
            append_safe(ws, [label, count])


def _chart_sheet(wb, charts: list) -> None:
    """Each chart's data as a small table, and a native Excel chart drawn from it, so the district
    can restyle or re-plot it in Excel or WPS."""
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.styles import Font

    from mediation_desktop.services.chart_data import PIE
    from mediation_desktop.services.spreadsheet_cells import set_safe

    ws = wb.create_sheet("图表")
    ws.column_dimensions["A"].width = 24
    top = 1
    for spec in charts:
        set_safe(ws.cell(top, 1), spec.title)
        ws.cell(top, 1).font = Font(bold=True)
        ws.cell(top + 1, 1).value = "类别"
        for j, series in enumerate(spec.series, start=2):
            set_safe(ws.cell(top + 1, j), series.name)
        for i, category in enumerate(spec.categories):
            # Room and mediator names come from other nodes' packages: never a formula.
            set_safe(ws.cell(top + 2 + i, 1), category)
            for j, series in enumerate(spec.series, start=2):
                ws.cell(top + 2 + i, j).value = series.values[i]
        n = len(spec.categories)
        if n:
            chart = PieChart() if spec.kind == PIE else BarChart()
            chart.title = spec.title
            chart.add_data(Reference(ws, min_col=2, max_col=1 + len(spec.series), min_row=top + 1, max_row=top + 1 + n),
                           titles_from_data=True)
            chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=top + 1 + n))
            chart.width, chart.height = 18, 8
            ws.add_chart(chart, f"E{top}")
        top += max(n + 4, 18)


def produce_return(backend, start, end, out: Path, *, by: str = "room",
                   renderer=None, exclude_historical: bool = False) -> tuple[Return, Path]:
    """The statistics return for ``start``..``end`` (by room, month or mediator) written to ``out``
    with its charts and recorded in the audit trail (compile_return checks the permission first, so a
    refused user writes nothing). A .docx gets chart pictures from ``renderer``."""
    from mediation_desktop.services.chart_data import statistics_view
    from mediation_desktop.storage.outbox import audit

    # compile_return checks the permission before anything is written
    view = statistics_view(backend, start, end, by, exclude_historical)
    ret, charts, summary = view.ret, view.charts, view.summary
    written = write_return(ret, Path(out), charts=charts, renderer=renderer, organisation=backend.node.org.name,
                           summary=summary)
    with backend.db.write() as conn:
        audit(conn, backend.user, "report", None, None,
              {"from": start.isoformat(), "to": end.isoformat(), "by": by, "file": written.name,
               "exclude_historical": exclude_historical})
    return ret, written

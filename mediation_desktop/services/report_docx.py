"""The ready-to-send 统计报告 (.docx): the organisation as header, the period, the return's table,
the chart pictures and a generated summary.

The pictures are PNG bytes from a renderer the caller passes in (gui/charts.py draws them with
QtCharts): services draw nothing themselves, so the report and the 统计 page share one chart library.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from mediation_desktop.services.chart_data import ChartSpec
from mediation_desktop.services.statistics import BY_LABELS, Return

# A renderer turns one chart's data into a PNG picture.
Renderer = Callable[[ChartSpec], bytes]

PICTURE_WIDTH_CM = 16.0


def period_words(ret: Return) -> str:
    return (f"{ret.start:%Y年%m月%d日}至{ret.end:%Y年%m月%d日}").replace("年0", "年").replace("月0", "月")


def write_report_docx(path: Path, ret: Return, *, organisation: str, charts: list[ChartSpec],
                      summary: str, renderer: Renderer | None, columns: list[tuple[str, str]],
                      cell: Callable[[dict, str], object]) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    def east_asia(run, font: str, size: float | None = None, bold: bool = False) -> None:
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        if size:
            run.font.size = Pt(size)
        run.bold = bold

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    east_asia(head.add_run(organisation), "宋体", 14, True)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    east_asia(title.add_run("劳动人事争议调解工作统计报告"), "黑体", 18, True)
    period = doc.add_paragraph()
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    east_asia(period.add_run(f"统计期间：{period_words(ret)}"), "仿宋", 12)

    # The indicators run down the rows and the rooms (months, mediators) across, so it fits the page.
    table = doc.add_table(rows=1 + len(columns), cols=1 + len(ret.rows))
    table.style = "Table Grid"
    table.cell(0, 0).text = "指标"
    for j, row in enumerate(ret.rows, start=1):
        table.cell(0, j).text = str(row["org_name"])
    for i, (key, label) in enumerate(columns, start=1):
        table.cell(i, 0).text = label
        for j, row in enumerate(ret.rows, start=1):
            table.cell(i, j).text = str(cell(row, key))
    small = 7 if len(ret.rows) > 6 else 9
    for trow in table.rows:
        for c in trow.cells:
            for p in c.paragraphs:
                for run in p.runs:
                    east_asia(run, "宋体", small)

    heading = doc.add_paragraph()
    east_asia(heading.add_run("一、总体情况"), "黑体", 14)
    body = doc.add_paragraph()
    body.paragraph_format.first_line_indent = Pt(24)
    east_asia(body.add_run(summary), "仿宋", 12)
    if renderer is not None:
        heading = doc.add_paragraph()
        east_asia(heading.add_run(f"二、图表（按{BY_LABELS[ret.by]}）"), "黑体", 14)
        for chart in charts:
            picture = renderer(chart)
            doc.add_picture(io.BytesIO(picture), width=Cm(PICTURE_WIDTH_CM))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = doc.add_paragraph()
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            east_asia(caption.add_run(chart.title), "宋体", 10)
    doc.save(str(path))

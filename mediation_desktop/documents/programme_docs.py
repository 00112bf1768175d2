"""The two programme documents, built with python-docx directly (no template): the urgent report
(情况快报/呈报表) to the district, one page, and a typical case (典型案例) for the library.

Both take plain values and know nothing of the database; the caller writes them to a temporary name
and renames, so a half-written file never stands under the requested name.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from mediation_desktop.documents.docx_style import (
    TITLE_FONT,
    add_paragraph,
    add_table_row,
    define_paragraph_style,
    fixed_table,
    set_document_defaults,
    set_page,
)


def _document():
    doc = Document()
    set_document_defaults(doc)
    set_page(doc)
    define_paragraph_style(doc, "DocTitle", font=TITLE_FONT, size=22, align=WD_ALIGN_PARAGRAPH.CENTER,
                           line_exact=36, space_after=12)
    define_paragraph_style(doc, "SectionHeading", font=TITLE_FONT, size=16, line_exact=28, keep_with_next=True)
    define_paragraph_style(doc, "Body", size=16, line_exact=28, first_line_chars=2)
    define_paragraph_style(doc, "TableText", size=12, line_exact=20, align=WD_ALIGN_PARAGRAPH.LEFT)
    define_paragraph_style(doc, "Signature", size=14, line_exact=24, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def _save(doc, out: Path) -> Path:
    partial = out.with_name(out.name + ".part")
    doc.save(str(partial))
    os.replace(partial, out)
    return out


URGENT_ROWS = (("what", "事由"), ("who", "涉及单位与人员"), ("workers", "涉及人数"), ("amount", "涉及金额（元）"),
               ("measures", "已采取的措施"), ("request", "请求事项"))


def write_urgent_report(out: Path, report: dict) -> Path:
    """``report``: org_name, reported_on (text), title and the URGENT_ROWS keys, all text."""
    doc = _document()
    add_paragraph(doc, "劳动人事争议情况快报（呈报表）", "DocTitle")
    add_paragraph(doc, f"报送单位：{report['org_name']}　　报送日期：{report['reported_on']}", "TableText")
    add_paragraph(doc, f"标题：{report['title']}", "SectionHeading")
    table = fixed_table(doc, [3.6, 12.0])
    for key, label in URGENT_ROWS:
        add_table_row(table, [3.6, 12.0], [label, str(report.get(key) or "—")], align=WD_ALIGN_PARAGRAPH.LEFT)
    add_paragraph(doc, "")
    add_paragraph(doc, f"报送人：{report.get('reporter') or ''}　　（盖章）", "Signature")
    return _save(doc, out)


def write_typical_case(out: Path, case: dict) -> Path:
    """``case``: title and the four sections (facts, process, result, experience), anonymised text."""
    from mediation_desktop.core.typical_draft import SECTIONS

    doc = _document()
    add_paragraph(doc, case["title"], "DocTitle")
    for number, (key, label) in zip("一二三四", SECTIONS, strict=False):
        add_paragraph(doc, f"{number}、{label}", "SectionHeading")
        for line in (case.get(key) or "").split("\n"):
            if line.strip():
                add_paragraph(doc, line.strip(), "Body")
    return _save(doc, out)

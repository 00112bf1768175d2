"""A small writer for the built-in templates: official layout, and every placeholder in ONE run.

Templates are built in code rather than typed in Word so that Word's run-splitting (spell-check marks,
revision ids) can never break a ``{{ placeholder }}`` in the shipped files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from mediation_desktop.documents import docx_style as ds

LEFT, CENTER, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


class TemplateBuilder:
    def __init__(self) -> None:
        self.doc = Document()
        ds.set_document_defaults(self.doc)
        ds.set_page(self.doc)
        self._define_styles()
        ds.page_number_footer(self.doc)
        # python-docx's default template opens with one empty paragraph; drop it.
        body = self.doc.element.body
        for p in list(body.iterchildren(ds.qn("w:p"))):
            body.remove(p)

    def _define_styles(self) -> None:
        d = self.doc
        ds.define_paragraph_style(d, "Normal", size=16, line_exact=28)
        ds.define_paragraph_style(d, "Body", size=16, first_line_chars=2)
        ds.define_paragraph_style(d, "BodyNoIndent", size=16)
        # A notice that must stay on one sheet (the acceptance notice) whatever the length of the names.
        ds.define_paragraph_style(d, "BodyTight", size=16, first_line_chars=2, line_exact=25)
        ds.define_paragraph_style(d, "OrgName", font=ds.TITLE_FONT, size=18, align=CENTER, line_exact=34)
        ds.define_paragraph_style(d, "DocTitle", font=ds.TITLE_FONT, size=22, align=CENTER, line_exact=40,
                                  space_after=6)
        ds.define_paragraph_style(d, "CaseNo", size=14, align=RIGHT, space_after=8)
        ds.define_paragraph_style(d, "SectionHeading", font=ds.TITLE_FONT, size=16, first_line_chars=2,
                                  keep_with_next=True)
        ds.define_paragraph_style(d, "TableText", size=12, align=CENTER, line_exact=20)
        ds.define_paragraph_style(d, "TableLeft", size=12, align=LEFT, line_exact=20)
        ds.define_paragraph_style(d, "TableSmall", size=10.5, align=CENTER, line_exact=16)
        # Signature lines keep with what follows, so the seal and date never sit alone on a page.
        ds.define_paragraph_style(d, "Signature", size=16, align=LEFT, line_exact=32, keep_with_next=True)
        ds.define_paragraph_style(d, "SignRight", size=16, align=RIGHT, line_exact=32, keep_with_next=True,
                                  right_chars=2)
        ds.define_paragraph_style(d, "Footer", size=14, align=CENTER, line_exact=None)
        ds.define_paragraph_style(d, "Tag", size=10, line_exact=None)

    # -- paragraphs ------------------------------------------------------------------------------
    def header(self, title: str) -> None:
        """Organisation, document title, case number: the top of every document."""
        ds.add_paragraph(self.doc, "{{ org.name }}", "OrgName", east_asia=ds.TITLE_FONT)
        ds.add_paragraph(self.doc, title, "DocTitle", east_asia=ds.TITLE_FONT)
        ds.add_paragraph(self.doc, "案号：{{ case_no }}", "CaseNo")

    def p(self, text: str, style: str = "Body"):
        return ds.add_paragraph(self.doc, text, style)

    def heading(self, text: str):
        return ds.add_paragraph(self.doc, text, "SectionHeading", east_asia=ds.TITLE_FONT)

    def tag(self, tag: str):
        """A paragraph-level Jinja tag ({%p … %}); docxtpl removes the paragraph when rendering."""
        return ds.add_paragraph(self.doc, tag, "Tag")

    def labelled(self, label: str, value: str, style: str = "Body"):
        """``label`` in 黑体 followed by ``value``: two runs, each placeholder still whole."""
        paragraph = self.doc.add_paragraph(style=style)
        ds.add_run(paragraph, label, east_asia=ds.TITLE_FONT)
        ds.add_run(paragraph, value)
        return paragraph

    def blank_line(self):
        return ds.add_paragraph(self.doc, "", "BodyNoIndent")

    @staticmethod
    def keep(paragraph):
        """Keep with the next paragraph: the closing text travels with the signatures, so a signature
        page never stands alone (a bare signature page invites swapping the pages before it)."""
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def signature(self, text: str, *, right: bool = False):
        return ds.add_paragraph(self.doc, text, "SignRight" if right else "Signature")

    def seal_and_date(self, date_placeholder: str, who: str = "{{ org.name }}（印章）", *, space: bool = True) -> None:
        """``space=False`` drops the blank line above the seal (a notice that must stay on one page)."""
        if space:
            self.blank_line().paragraph_format.keep_with_next = True
        self.signature(who, right=True)
        self.signature(date_placeholder, right=True).paragraph_format.keep_with_next = False

    # -- tables ----------------------------------------------------------------------------------
    def table(self, widths: list[float], *, borders: bool = True):
        return ds.fixed_table(self.doc, widths, borders=borders)

    def row(self, table, widths: list[float], texts: list[str], *, style: str = "TableText",
            height_cm: float | None = None, header: bool = False, keep: bool = False):
        """``header``: repeated at the top of every page the table runs onto (w:tblHeader).
        ``keep``: the row stays on the page of the next one (signature rows travel together)."""
        row = ds.add_table_row(table, widths, texts, style=style, bold=header)
        if header:
            ds.repeat_as_header(row)
        ds.cant_split(row)
        if height_cm:
            ds.row_min_height(row, height_cm)
        if keep:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        return row

    def loop_rows(self, table, widths: list[float], loop: str, texts: list[str], *,
                  style: str = "TableText", height_cm: float | None = None, keep: bool = False) -> None:
        """``{%tr for … %}`` / one data row / ``{%tr endfor %}``: docxtpl repeats the data row."""
        self.row(table, widths, [f"{{%tr for {loop} %}}"] + [""] * (len(widths) - 1), style="Tag")
        self.row(table, widths, texts, style=style, height_cm=height_cm, keep=keep)
        self.row(table, widths, ["{%tr endfor %}"] + [""] * (len(widths) - 1), style="Tag")

    def merged_row(self, table, widths: list[float], label: str, value: str, *, style: str = "TableLeft",
                   height_cm: float | None = None):
        """A label cell and one value cell spanning the remaining columns."""
        row = self.row(table, widths, [label] + [""] * (len(widths) - 1), height_cm=height_cm)
        merged = row.cells[1].merge(row.cells[-1])
        paragraph = merged.paragraphs[0]
        paragraph.style = style
        paragraph.alignment = None  # the style decides (long values read better left-aligned)
        if value:
            ds.add_run(paragraph, value)
        # The merged cell's width is the sum of what it spans (Word reads tcW).
        merged.width = Cm(sum(widths[1:]))
        return row

    def save(self, path: Path, title: str = "") -> None:
        """Save byte-for-byte reproducibly (fixed zip timestamps), so rebuilding changes nothing in git."""
        props = self.doc.core_properties
        props.author = "调解工作台"
        props.title = title
        props.comments = "调解工作台内置文书模板。可在 Word/WPS 中修改后放入数据文件夹的 templates 目录替换内置模板。"
        props.created = props.modified = datetime(2026, 1, 1)
        props.last_modified_by = ""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(fixed, src.read(info.filename))

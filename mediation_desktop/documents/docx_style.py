"""Low-level python-docx helpers that make a document look like an official Chinese paper.

python-docx's default template is American: US Letter, theme fonts that override explicit font names,
``lang eastAsia="en-US"``. Everything here exists to undo that (see the ecosystem notes): A4 with the
GB/T 9704 margins, East Asian font names on styles *and* runs, no theme font attributes, fixed table
widths written both as ``w:gridCol`` (LibreOffice) and ``w:tcW`` (Word), and a PAGE field footer.
"""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

# Fonts that ship with every Chinese Windows (and that WPS maps); LibreOffice previews alias them to
# Noto CJK through resources/fonts-zh.conf.
TITLE_FONT = "黑体"
BODY_FONT = "仿宋"
LATIN_FONT = "Times New Roman"

PAGE_WIDTH = Cm(21.0)
PAGE_HEIGHT = Cm(29.7)
MARGINS = {"top": Cm(3.7), "bottom": Cm(3.5), "left": Cm(2.8), "right": Cm(2.6)}
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 15.6 cm

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Word rejects a file whose property children are out of schema order (LibreOffice does not care),
# so every element added by hand goes through insert_ordered with the CT_*Pr sequence below.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
               "tblLook", "tblCaption", "tblDescription")
TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
              "tblHeader", "tblCellSpacing", "jc", "hidden")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def insert_ordered(parent, tag: str, order: tuple[str, ...]):
    """Return ``parent``'s ``w:<tag>`` child, creating it at its schema position when missing."""
    existing = parent.find(qn(f"w:{tag}"))
    if existing is not None:
        return existing
    child = OxmlElement(f"w:{tag}")
    later = set(order[order.index(tag) + 1:])
    for sibling in parent:
        if sibling.tag.split("}")[-1] in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def set_run_fonts(rpr_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts on a run or a style: explicit names everywhere, theme attributes removed."""
    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    # The hint makes Word use the East Asian font for shared punctuation such as “”、……——.
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr) -> None:
    lang = insert_ordered(rpr, "lang", RPR_ORDER)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def set_document_defaults(document) -> None:
    """docDefaults: drop theme fonts, name 仿宋, Chinese language, no paragraph spacing."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:cs"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    _set_lang(rpr)
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    # Every built-in style python-docx ships may carry theme fonts of its own (Title, Heading n…).
    for rf in styles.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rf.attrib.pop(qn(attr), None)


def set_page(document) -> None:
    for section in document.sections:
        section.page_width = PAGE_WIDTH
        section.page_height = PAGE_HEIGHT
        section.top_margin = MARGINS["top"]
        section.bottom_margin = MARGINS["bottom"]
        section.left_margin = MARGINS["left"]
        section.right_margin = MARGINS["right"]
        section.header_distance = Cm(1.5)
        section.footer_distance = Cm(2.0)


def define_paragraph_style(
    document,
    name: str,
    *,
    font: str = BODY_FONT,
    size: float = 16,
    bold: bool = False,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    line_exact: float | None = 28,
    first_line_chars: int = 0,
    right_chars: int = 0,
    space_before: float = 0,
    space_after: float = 0,
    keep_with_next: bool = False,
):
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    if name != "Normal":
        style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    set_run_fonts(style.element, font)
    _set_lang(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = align
    if line_exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line_exact)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    ppr = style.element.get_or_add_pPr()
    if first_line_chars:
        ind = insert_ordered(ppr, "ind", PPR_ORDER)
        # firstLineChars is "hundredths of a character": 200 = two characters whatever the size.
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(int(size * 20 * first_line_chars)))
    if right_chars:
        ind = insert_ordered(ppr, "ind", PPR_ORDER)
        ind.set(qn("w:rightChars"), str(right_chars * 100))
        ind.set(qn("w:right"), str(int(size * 20 * right_chars)))
    # Word's automatic gap between Chinese and Latin/digits makes amounts and dates look loose.
    for tag in ("autoSpaceDE", "autoSpaceDN"):
        insert_ordered(ppr, tag, PPR_ORDER).set(qn("w:val"), "0")
    return style


def add_paragraph(document_or_cell, text: str = "", style: str = "Body", *, east_asia: str | None = None,
                  bold: bool | None = None, size: float | None = None, align=None):
    """A paragraph whose text is ONE run (so a placeholder can never be split), fonts set on the run."""
    paragraph = document_or_cell.add_paragraph(style=style)
    if align is not None:
        paragraph.alignment = align
    if text:
        add_run(paragraph, text, east_asia=east_asia or _style_font(document_or_cell, style), bold=bold, size=size)
    return paragraph


def add_run(paragraph, text: str, *, east_asia: str = BODY_FONT, bold: bool | None = None,
            size: float | None = None, underline: bool | None = None):
    run = paragraph.add_run(text)
    set_run_fonts(run._element, east_asia)
    if bold is not None:
        run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    if underline is not None:
        run.underline = underline
    return run


def _style_font(owner, style_name: str) -> str:
    return TITLE_FONT if style_name in ("DocTitle", "OrgName", "SectionHeading") else BODY_FONT


def fixed_table(container, widths_cm: list[float], rows: int = 0, *, borders: bool = True):
    """A table with fixed column widths that Word, WPS and LibreOffice all honour."""
    table = container.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    if borders:
        table.style = "Table Grid"
    insert_ordered(tbl_pr, "tblLayout", TBLPR_ORDER).set(qn("w:type"), "fixed")
    total = insert_ordered(tbl_pr, "tblW", TBLPR_ORDER)
    total.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    total.set(qn("w:type"), "dxa")
    if not borders:
        no_borders(table)
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
    for row in table.rows:
        set_row_widths(row, widths_cm)
    return table


def set_row_widths(row, widths_cm: list[float]) -> None:
    for cell, width in zip(row.cells, widths_cm, strict=False):
        cell.width = Cm(width)


def add_table_row(table, widths_cm: list[float], texts: list[str], *, style: str = "TableText",
                  bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER):
    row = table.add_row()
    set_row_widths(row, widths_cm)
    for cell, text in zip(row.cells, texts, strict=False):
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        paragraph.alignment = align
        if text:
            add_run(paragraph, text, bold=bold)
        cell.vertical_alignment = 1  # centre
    return row


def repeat_as_header(row) -> None:
    insert_ordered(row._tr.get_or_add_trPr(), "tblHeader", TRPR_ORDER)


def cant_split(row) -> None:
    insert_ordered(row._tr.get_or_add_trPr(), "cantSplit", TRPR_ORDER)


def row_min_height(row, cm: float) -> None:
    # Without hRule the height is "auto" and LibreOffice shrinks the row to its text.
    row.height = Cm(cm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _field_runs(paragraph, instruction: str, east_asia: str = BODY_FONT, size: float = 14) -> None:
    """A complex field (begin / instrText / separate / placeholder / end) that Word and LO update."""
    def run_with(child):
        run = paragraph.add_run()
        set_run_fonts(run._element, east_asia)
        run.font.size = Pt(size)
        run._element.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown = paragraph.add_run("1")
    set_run_fonts(shown._element, east_asia)
    shown.font.size = Pt(size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def page_number_footer(document) -> None:
    """Centred "第 N 页 共 M 页" in the footer of every section."""
    for section in document.sections:
        footer = section.footer
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, field in (("第 ", "PAGE"), (" 页  共 ", "NUMPAGES"), (" 页", None)):
            add_run(paragraph, text, size=14)
            if field:
                _field_runs(paragraph, field)


def no_borders(table) -> None:
    borders = insert_ordered(table._tbl.tblPr, "tblBorders", TBLPR_ORDER)
    for child in list(borders):
        borders.remove(child)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)

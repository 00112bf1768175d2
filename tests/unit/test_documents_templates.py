"""The shipped templates and what they render to: reproducible, placeholders whole, official layout.

Word refuses files whose property elements are out of schema order and silently falls back to theme
fonts when w:eastAsia is missing, so both are checked on the XML itself.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from mediation_desktop.documents import KINDS, builtin_template_dir, render
from mediation_desktop.documents.build_templates import build_all
from mediation_desktop.documents.docx_style import PPR_ORDER, RPR_ORDER, TBLPR_ORDER, TEXT_WIDTH, TRPR_ORDER
from mediation_desktop.documents.placeholders import PLACEHOLDER

from .documents_cases import TODAY, collective_case, contract_case, organisation, xml_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def test_shipped_templates_are_exactly_what_the_builder_makes(tmp_path):
    built = build_all(tmp_path)
    assert sorted(p.name for p in built) == sorted(f"{k}.docx" for k in KINDS)
    for path in built:
        shipped = builtin_template_dir() / path.name
        assert shipped.read_bytes() == path.read_bytes(), (
            f"{shipped.name} is stale: run python -m mediation_desktop.documents.build_templates")


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_placeholder_sits_in_one_run(kind):
    path = builtin_template_dir() / f"{kind}.docx"
    for part in ("word/document.xml", "word/footer1.xml"):
        try:
            root = etree.fromstring(xml_of(path, part).encode())
        except KeyError:
            continue
        for paragraph in root.iter(f"{W}p"):
            pieces = [t.text or "" for t in paragraph.iter(f"{W}t")]
            whole = PLACEHOLDER.findall("".join(pieces))
            per_run = [m for piece in pieces for m in PLACEHOLDER.findall(piece)]
            assert whole == per_run, f"{kind}: placeholder split across runs in {''.join(pieces)!r}"
            for piece in pieces:
                assert piece.count("{{") == piece.count("}}") and piece.count("{%") == piece.count("%}")


def _rendered_kinds(tmp_path):
    out = {}
    for kind in KINDS:
        case = contract_case() if kind == "termination" else collective_case()
        out[kind] = render(kind, case, organisation(), tmp_path / f"{kind}.docx", today=TODAY).path
    return out


@pytest.fixture(scope="module")
def rendered_all(tmp_path_factory):
    return _rendered_kinds(tmp_path_factory.mktemp("kinds"))


def _check_order(element, order, what):
    names = [child.tag.replace(W, "") for child in element if child.tag.startswith(W)]
    positions = [order.index(n) for n in names if n in order]
    assert positions == sorted(positions), f"{what} children out of schema order: {names}"
    assert all(n in order for n in names), f"{what} has unknown children: {names}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_property_elements_in_schema_order(rendered_all, kind):
    for part in ("word/document.xml", "word/styles.xml"):
        root = etree.fromstring(xml_of(rendered_all[kind], part).encode())
        for ppr in root.iter(f"{W}pPr"):
            _check_order(ppr, PPR_ORDER, f"{part} pPr")
        for rpr in root.iter(f"{W}rPr"):
            if rpr.getparent().tag != f"{W}pPr":  # paragraph-mark rPr has its own short sequence
                _check_order(rpr, RPR_ORDER, f"{part} rPr")
        for tblpr in root.iter(f"{W}tblPr"):
            _check_order(tblpr, TBLPR_ORDER, f"{part} tblPr")
        for trpr in root.iter(f"{W}trPr"):
            _check_order(trpr, TRPR_ORDER, f"{part} trPr")


@pytest.mark.parametrize("kind", list(KINDS))
def test_east_asian_fonts_everywhere_and_no_theme_fonts(rendered_all, kind):
    path = rendered_all[kind]
    styles = xml_of(path, "word/styles.xml")
    document = xml_of(path)
    assert "Theme=" not in styles and "Theme=" not in document and "w:cstheme" not in styles
    root = etree.fromstring(styles.encode())
    defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(f"{W}eastAsia") == "仿宋"
    assert defaults.find("w:lang", NS).get(f"{W}eastAsia") == "zh-CN"
    normal = root.xpath("w:style[@w:styleId='Normal']/w:rPr/w:rFonts", namespaces=NS)[0]
    assert normal.get(f"{W}eastAsia") == "仿宋"
    body = etree.fromstring(document.encode())
    fonts_seen = set()
    for run in body.iter(f"{W}r"):
        if "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
            rfonts = run.find("w:rPr/w:rFonts", NS)
            assert rfonts is not None and rfonts.get(f"{W}eastAsia") in ("仿宋", "黑体")
            fonts_seen.add(rfonts.get(f"{W}eastAsia"))
    assert fonts_seen == {"仿宋", "黑体"}  # titles in 黑体, body in 仿宋


@pytest.mark.parametrize("kind", [k for k in KINDS if k not in ("acceptance", "rejection", "termination")])
def test_tables_have_fixed_widths_for_word_and_libreoffice(rendered_all, kind):
    body = etree.fromstring(xml_of(rendered_all[kind]).encode())
    tables = list(body.iter(f"{W}tbl"))
    assert tables
    limit = TEXT_WIDTH.twips if hasattr(TEXT_WIDTH, "twips") else int(TEXT_WIDTH / 635)
    for table in tables:
        assert table.find("w:tblPr/w:tblLayout", NS).get(f"{W}type") == "fixed"
        grid = [int(g.get(f"{W}w")) for g in table.iterfind("w:tblGrid/w:gridCol", NS)]
        assert abs(sum(grid) - limit) <= len(grid) + 2  # the whole text width, give or take rounding
        for row in table.iterfind("w:tr", NS):
            cells = row.findall("w:tc", NS)
            widths = [int(c.find("w:tcPr/w:tcW", NS).get(f"{W}w")) for c in cells]
            spans = [int(c.find("w:tcPr/w:gridSpan", NS).get(f"{W}val")) if c.find("w:tcPr/w:gridSpan", NS)
                     is not None else 1 for c in cells]
            assert sum(spans) == len(grid)
            assert abs(sum(widths) - sum(grid)) <= len(grid) + 2


def test_no_template_syntax_left_in_any_output(rendered_all):
    for kind, path in rendered_all.items():
        for part in ("word/document.xml", "word/footer1.xml"):
            assert not re.search(r"\{\{|\{%|%\}|\}\}", xml_of(path, part)), kind

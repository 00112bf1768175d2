"""Text that a spreadsheet would run as a formula stays text in every workbook the app writes:
the case-list export, the statistics report (also at the district, from a room's package) and the
ledger template. Read back with openpyxl, no cell is a formula."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from unit.sync_helpers import enrol, export_one, import_one, make_node

from mediation_desktop.core.cell_safety import FORMULA_STARTS, is_formula_like
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.ledger_import import import_ledger
from mediation_desktop.services.ledger_template import write_template
from mediation_desktop.services.report_writers import write_return
from mediation_desktop.services.spreadsheet_cells import safe_row
from mediation_desktop.services.statistics import compile_return

ORG_NAME = '=HYPERLINK("http://x","y")'
HEADERS = ["序号", "收案日期", "受理日期", "申请人", "申请人身份证号", "申请人电话", "被申请人", "统一社会信用代码",
           "争议类型", "涉及人数", "请求金额", "调解员", "调解结果", "结案日期", "协议金额", "备注"]
ATTACKS = ['=cmd|"/c calc"!A1', '+HYPERLINK("http://x","点此")', "-2+3", "@SUM(A1:A2)", "＝1+1", "＋1", "－1",
           "＠A1", "\t=1+1"]


def _cells(path: Path) -> list:
    book = load_workbook(path)
    return [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]


def _no_formulas(path: Path) -> set[str]:
    cells = _cells(path)
    formulas = [(c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas == [], f"{path.name}: {formulas}"
    return {c.value for c in cells if isinstance(c.value, str)}


def _crafted_ledger(path: Path) -> None:
    """A ledger whose text cells start like formulas (stored as text, as a room's Excel keeps them)."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for n, attack in enumerate(ATTACKS, start=1):
        row = [n, "2026-02-13", "2026-02-14", f"{attack}", "", "", f"{attack}有限公司"[:60] if n % 2 else attack,
               "", "工资", 1, "1000", attack[:20], "在办", "", "", attack]
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    book.save(path)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("formula")
    room = make_node(root / "room", "room", ORG_NAME, "HP")
    sup = make_node(root / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    ledger = root / "台账.xlsx"
    _crafted_ledger(ledger)
    result = import_ledger(room, ledger)
    assert result["imported"] == len(ATTACKS), result
    import_one(sup, export_one(room, root / "stick"))
    yield room, sup, root
    room.close()
    sup.close()


def test_the_room_s_case_list_export(pair, tmp_path):
    room, _, _ = pair
    service = CaseListService(room)
    out = tmp_path / "案件列表.xlsx"
    service.export_xlsx(service.keys(CaseFilter()), out)
    texts = _no_formulas(out)
    assert any(is_formula_like(t) for t in texts)  # the crafted text is there, as text


def test_the_district_s_report_from_a_room_s_package(pair, tmp_path):
    room, sup, _ = pair
    out = write_return(compile_return(sup, date(2026, 1, 1), date(2026, 12, 31)), tmp_path / "报表.xlsx")
    texts = _no_formulas(out)
    assert ORG_NAME in texts
    case_list = tmp_path / "区汇总案件.xlsx"
    service = CaseListService(sup)
    service.export_xlsx(service.keys(CaseFilter()), case_list)
    assert any(is_formula_like(t) for t in _no_formulas(case_list))
    own = write_return(compile_return(room, date(2026, 1, 1), date(2026, 12, 31)), tmp_path / "本机.xlsx")
    assert ORG_NAME in _no_formulas(own)


def test_the_ledger_template(tmp_path):
    out = tmp_path / "台账模板.xlsx"
    write_template(out)
    _no_formulas(out)


@given(st.sampled_from(FORMULA_STARTS),
       st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
@settings(max_examples=150, deadline=None)
def test_any_formula_like_text_is_stored_as_text(start, rest):
    value = start + rest
    assert is_formula_like(value)
    book = Workbook()
    sheet = book.active
    sheet.append(safe_row(sheet, [value, 5, "普通文字"]))
    buffer = io.BytesIO()
    book.save(buffer)
    a1, b1, c1 = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert a1.data_type == "s" and a1.value.replace("\r", "") == value.replace("\r", "")
    assert (b1.value, c1.value) == (5, "普通文字")


@pytest.mark.parametrize("value", ["普通文字", "2026-02-13", "张三", 5, None, "a=b"])
def test_ordinary_values_are_left_alone(value):
    assert not is_formula_like(value)
    assert safe_row(None, [value]) == [value]

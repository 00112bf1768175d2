"""A collective case (10 or more workers) names a representative, by every way in: the service refuses
one without (so `case add`, the form and an edit all do), and an old ledger, which has no column for
representatives, imports its collective rows with a row warning instead of refusing them."""

from __future__ import annotations

import sqlite3
from datetime import date

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.collective import lacks_representative, representative_problem
from mediation_desktop.core.errors import ValidationError, ValidationErrors
from mediation_desktop.core.model import Applicant
from mediation_desktop.services.cases import CaseService, validate_case
from mediation_desktop.services.ledger_import import import_ledger

from .helpers import make_backend, walk_in

HEADERS = ["序号", "收案日期", "受理日期", "申请人", "申请人身份证号", "申请人电话", "被申请人", "统一社会信用代码",
           "争议类型", "涉及人数", "请求金额", "调解员", "调解结果", "结案日期", "协议金额", "备注"]


def _codes(errors) -> list[str]:
    return [e.code for e in errors]


@given(workers=st.integers(1, 500), named=st.lists(st.booleans(), min_size=1, max_size=5))
def test_the_rule_is_ten_or_more_without_a_named_representative(workers, named):
    case = walk_in(workers=max(workers, len(named)))
    case.applicants = [Applicant(f"工人{i}", is_representative=r) for i, r in enumerate(named)]
    expected = case.workers_involved >= 10 and not any(named)
    assert lacks_representative(case) is expected
    assert ("E_REPRESENTATIVE_REQUIRED" in _codes(validate_case(case, today=date(2026, 9, 1)))) is expected
    assert (representative_problem(case) is not None) is expected


def test_the_service_refuses_a_collective_case_without_a_representative(tmp_path):
    backend = make_backend(tmp_path / "room")
    service = CaseService(backend)
    case = walk_in(workers=12)
    case.applicants[0].is_representative = False
    with pytest.raises((ValidationError, ValidationErrors)) as refused:
        service.register(case)
    assert refused.value.code == "E_REPRESENTATIVE_REQUIRED" and "代表人" in refused.value.message
    con = sqlite3.connect(tmp_path / "room" / "mediation.sqlite3")
    try:
        assert con.execute("SELECT count(*) FROM cases").fetchone() == (0,)   # nothing was saved
    finally:
        con.close()

    case.applicants[0].is_representative = True
    saved = service.register(case)
    saved.applicants[0].is_representative = False   # an edit that drops the representative
    with pytest.raises((ValidationError, ValidationErrors)):
        service.update(saved)
    assert service.get(saved.id).applicants[0].is_representative is True


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_ledgers_collective_row_imports_with_a_warning(tmp_path, dry_run):
    backend = make_backend(tmp_path / "room")
    ledger = tmp_path / "台账.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append([1, "2026-02-10", "2026-02-14", "李四等12人", None, None, "天津恒通物流有限公司", None, "工资", 12, "30万",
               None, "调解成功", "2026-02-20", None, None])
    ws.append([2, "2026-02-13", None, "张三", None, None, "天津鑫达建筑工程有限公司", None, "工资", 1, 12000,
               None, "调解成功", "2026-02-20", None, None])
    wb.save(ledger)
    report = import_ledger(backend, ledger, dry_run=dry_run)
    assert report["imported"] == 2 and report["rejected"] == 0 and report["errors"] == []
    warned = [w for w in report["warnings"] if "代表人" in w["message"]]
    assert [(w["row"], w["column"]) for w in warned] == [(2, "申请人")]
    assert warned[0]["message"].startswith("集体争议（12人）") and "已导入" not in warned[0]["message"]

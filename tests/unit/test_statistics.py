from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.report_writers import write_return
from mediation_desktop.services.statistics import compile_return

from .helpers import make_backend, walk_in


@pytest.fixture
def svc(tmp_path):
    backend = make_backend(tmp_path / "d")
    s = CaseService(backend)
    # carried over: received in January, still open in March
    old = s.register(walk_in("老案", received=date(2026, 1, 20)))
    s.accept(old.case_no, date(2026, 1, 21))
    # March: an agreement (paid in part), a failure, a withdrawal, a collective case still open
    a = s.register(walk_in("甲", received=date(2026, 3, 2), amount_fen=1_000_000))
    s.accept(a.case_no, date(2026, 3, 3))
    s.conclude(a.case_no, Outcome.AGREEMENT, date(2026, 3, 10), agreement=Agreement(
        signed_on=date(2026, 3, 10), items=[AgreementItem("公司", "甲", "工资", 800_000)]))
    s.record_performance(a.case_no, s.get(a.case_no).agreement.items[0].id, date(2026, 3, 20), 500_000)
    s.close(a.case_no, date(2026, 3, 21))
    b = s.register(walk_in("乙", received=date(2026, 3, 5)))
    s.accept(b.case_no, date(2026, 3, 5))
    s.conclude(b.case_no, Outcome.FAILED, date(2026, 3, 12))
    s.close(b.case_no, date(2026, 3, 12))
    c = s.register(walk_in("丙", received=date(2026, 3, 6)))
    s.conclude(c.case_no, Outcome.WITHDRAWN, date(2026, 3, 7))
    s.register(walk_in("丁", received=date(2026, 3, 9), workers=12))
    yield s
    backend.close()


def test_return_counts_one_month_exactly(svc):
    total = compile_return(svc.backend, date(2026, 3, 1), date(2026, 3, 31)).rows[-1]
    assert total["carried_over"] == 1
    assert total["received"] == 4 and total["accepted"] == 2
    assert (total["agreement"], total["failed"], total["withdrawn"], total["settled"]) == (1, 1, 1, 0)
    assert total["closed"] == 3
    assert total["pending"] == 2  # the carried-over case and the collective one
    assert total["collective_cases"] == 1 and total["collective_workers"] == 12
    assert total["workers"] == 1 + 1 + 1 + 12
    assert total["amount_claimed"] == "59227.06"  # 10,000.00 + 3 × 16,409.02 received in March
    assert total["amount_agreed"] == "8000.00" and total["amount_paid"] == "5000.00"
    assert total["success_rate"] == "33.3%"
    assert total["dispute_types"]["wages"] == 4
    assert total["over_limit"] == 1  # the January case is past its 15-day term and still open


def test_writers_produce_readable_files(svc, tmp_path):
    ret = compile_return(svc.backend, date(2026, 3, 1), date(2026, 3, 31))
    xlsx = write_return(ret, tmp_path / "r.xlsx")
    ws = load_workbook(xlsx).active
    assert "调解情况统计表" in ws["A1"].value
    assert ws.cell(row=ws.max_row, column=1).value == "合计"
    doc = Document(write_return(ret, tmp_path / "r.docx"))
    assert doc.tables[0].cell(0, 0).text == "指标"
    with pytest.raises(UserError) as exc:
        write_return(ret, tmp_path / "r.pdf")
    assert exc.value.code == "E_REPORT_FORMAT"
    with pytest.raises(UserError):
        compile_return(svc.backend, date(2026, 3, 31), date(2026, 3, 1))

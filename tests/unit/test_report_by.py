"""The statistics return by room, month and mediator; its periods; its charts in Excel (native) and in
the .docx report (pictures drawn by QtCharts), read back from the files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.chart_data import report_charts
from mediation_desktop.services.report_writers import produce_return
from mediation_desktop.services.statistics import (
    change_words,
    compile_return,
    custom_period,
    month_period,
    monthly_received_closed,
    months_of,
    quarter_period,
    received_last_year,
    same_period_last_year,
    summary_text,
    year_period,
)

from .helpers import make_backend, walk_in


@pytest.fixture
def svc(tmp_path):
    backend = make_backend(tmp_path / "d")
    s = CaseService(backend)
    a = s.register(walk_in("甲", received=date(2026, 2, 16)))
    s.accept(a.case_no, date(2026, 2, 16), mediator="刘建华")
    s.conclude(a.case_no, Outcome.AGREEMENT, date(2026, 3, 2), agreement=Agreement(
        signed_on=date(2026, 3, 2), items=[AgreementItem("公司", "甲", "工资", 800_000)]))
    s.close(a.case_no, date(2026, 3, 3))
    b = s.register(walk_in("乙", received=date(2026, 3, 5)))
    s.accept(b.case_no, date(2026, 3, 5), mediator="王芳")
    s.conclude(b.case_no, Outcome.FAILED, date(2026, 3, 12))
    s.close(b.case_no, date(2026, 3, 12))
    c = s.register(walk_in("丙", received=date(2026, 3, 9), workers=12))
    s.accept(c.case_no, date(2026, 3, 9), mediator="王芳")
    s.register(walk_in("丁", received=date(2025, 3, 10)))     # a year earlier: the 同比 base
    yield s
    backend.close()


Q1 = (date(2026, 1, 1), date(2026, 3, 31))


def test_by_month_rows_add_up_to_the_period(svc):
    by_month = compile_return(svc.backend, *Q1, by="month")
    assert [r["org_name"] for r in by_month.rows] == ["2026年1月", "2026年2月", "2026年3月", "合计"]
    assert [r["received"] for r in by_month.rows] == [0, 1, 2, 3]
    assert [r["closed"] for r in by_month.rows] == [0, 0, 2, 2]
    whole = compile_return(svc.backend, *Q1).rows[-1]
    total = by_month.rows[-1]
    for key in ("received", "accepted", "closed", "agreement", "failed", "workers", "collective_cases",
                "carried_over", "pending", "amount_claimed", "success_rate"):
        assert total[key] == whole[key], key
    assert by_month.as_json()["by"] == "month" and "organisations" not in by_month.as_json()


def test_by_mediator(svc):
    ret = compile_return(svc.backend, *Q1, by="mediator")
    rows = {r["org_name"]: r for r in ret.rows}
    assert rows["刘建华"]["agreement"] == 1 and rows["刘建华"]["success_rate"] == "100.0%"
    assert rows["王芳"]["received"] == 2 and rows["王芳"]["collective_cases"] == 1
    assert rows["合计"]["received"] == 3
    with pytest.raises(UserError) as exc:
        compile_return(svc.backend, *Q1, by="weekday")
    assert exc.value.code == "E_ARGUMENT"


def test_monthly_chart_and_year_on_year(svc):
    assert monthly_received_closed(svc.backend, *Q1) == [("2026年1月", 0, 0), ("2026年2月", 1, 0), ("2026年3月", 2, 2)]
    assert received_last_year(svc.backend, *Q1) == 1
    summary = summary_text(compile_return(svc.backend, *Q1), 1)
    assert summary.startswith("本期共收案3件") and "同比增长200.0%" in summary


def test_xlsx_has_native_charts(svc, tmp_path):
    _, out = produce_return(svc.backend, *Q1, tmp_path / "季报.xlsx", by="room")
    wb = load_workbook(out)
    assert wb.sheetnames == ["调解情况统计", "图表"]
    charts = wb["图表"]._charts
    assert [type(c).__name__ for c in charts] == ["BarChart", "BarChart", "PieChart", "BarChart"]
    ws = wb["图表"]
    assert ws["A1"].value == "各月收案与结案" and ws["A3"].value == "2026年1月" and ws["B5"].value == 2


def test_docx_report_has_header_pictures_and_summary(svc, tmp_path):
    from mediation_desktop.gui.charts import render_png

    _, out = produce_return(svc.backend, *Q1, tmp_path / "季报.docx", by="mediator", renderer=render_png)
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "和平区劳动人事争议调解中心" in text and "统计期间：2026年1月1日至2026年3月31日" in text
    assert "本期共收案3件" in text and "同比增长200.0%" in text
    assert doc.tables[0].cell(0, 0).text == "指标"
    # The 2025 case, still open, is carried over without a mediator.
    assert [doc.tables[0].cell(0, j).text for j in (1, 2, 3, 4)] == ["（未指定调解员）", "刘建华", "王芳", "合计"]
    pictures = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(pictures) == 4
    assert all(r.target_part.blob.startswith(b"\x89PNG") for r in pictures)


def test_charts_follow_the_return(svc):
    ret = compile_return(svc.backend, *Q1, by="room")
    charts = {c.key: c for c in report_charts(ret, monthly_received_closed(svc.backend, *Q1))}
    assert charts["outcomes"].series[0].values[:4] == (1, 0, 0, 1)   # agreement, settled, withdrawn, failed
    assert sum(charts["types"].series[0].values) == ret.rows[-1]["dispute_types"]["wages"]
    assert charts["groups"].categories == ("和平区劳动人事争议调解中心",)
    by_month = compile_return(svc.backend, *Q1, by="month")
    assert [c.key for c in report_charts(by_month, [])] == ["monthly", "types", "outcomes"]


# -- periods ---------------------------------------------------------------------------------------

years = st.integers(2000, 2100)


@given(years, st.integers(1, 12))
def test_a_month_is_whole_and_contiguous(year, month):
    start, end = month_period(year, month)
    assert start == date(year, month, 1) and (end + timedelta(days=1)).day == 1 and end.month == month


@given(years, st.integers(1, 4))
def test_quarters_tile_the_year(year, quarter):
    start, end = quarter_period(year, quarter)
    assert start.month == quarter * 3 - 2 and end.month == quarter * 3
    if quarter < 4:
        assert quarter_period(year, quarter + 1)[0] == end + timedelta(days=1)
    assert year_period(year) == (quarter_period(year, 1)[0], quarter_period(year, 4)[1])


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(0, 800))
def test_months_of_cover_the_period_exactly(start, length):
    end = start + timedelta(days=length)
    parts = months_of(start, end)
    assert parts[0][0] == start and parts[-1][1] == end
    assert all(b[0] == a[1] + timedelta(days=1) for a, b in zip(parts, parts[1:], strict=False))
    assert sum((b - a).days + 1 for a, b in parts) == length + 1


@given(st.dates(date(2001, 1, 1), date(2100, 12, 31)))
def test_last_year_is_one_year_back(day):
    first, last = same_period_last_year(day, day)
    assert first == last and first.year == day.year - 1 and first.month == day.month
    assert first.day == day.day or (day.month, day.day, first.day) == (2, 29, 28)


@given(st.integers(0, 100_000), st.integers(0, 100_000))
def test_change_words(now, before):
    words = change_words(now, before)
    if before == 0:
        assert "上年同期" in words and "%" not in words
    elif now == before:
        assert words == "与上年同期持平"
    else:
        direction = "增长" if now > before else "下降"
        assert words.startswith(f"同比{direction}")
        assert abs(float(words[4:-1]) - abs(now - before) / before * 100) <= 0.05 + 1e-9


def test_bad_periods_are_refused():
    for call in (lambda: month_period(2026, 13), lambda: quarter_period(2026, 0), lambda: year_period(1999)):
        with pytest.raises(UserError) as exc:
            call()
        assert exc.value.code == "E_PERIOD"
    with pytest.raises(UserError) as exc:
        custom_period(date(2026, 3, 2), date(2026, 3, 1))
    assert exc.value.code == "E_DATE_ORDER"

"""The charts of a statistics return as plain data (series and categories), with no drawing library.

One set of chart data feeds every picture of it: native Excel charts (report_writers, openpyxl.chart),
the .docx report's pictures and the GUI's 统计 page (both drawn by gui/charts.py with QtCharts).
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS, DisputeType
from mediation_desktop.services.statistics import BY_LABELS, Return

BAR = "bar"
PIE = "pie"

# Outcome shares: how the cases concluded in the period ended (the return's own indicators).
OUTCOME_SLICES = (("agreement", "达成调解协议"), ("settled", "和解"), ("withdrawn", "撤回"),
                  ("failed", "调解不成/终止"), ("transferred", "转办"), ("not_accepted", "不予受理"))


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class ChartSpec:
    key: str                       # monthly | types | outcomes | groups
    kind: str                      # bar | pie
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]

    @property
    def empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)


def monthly_chart(monthly: list[tuple[str, int, int]]) -> ChartSpec:
    return ChartSpec("monthly", BAR, "各月收案与结案", tuple(m for m, _, _ in monthly),
                     (Series("收案", tuple(r for _, r, _ in monthly)), Series("结案", tuple(c for _, _, c in monthly))))


def types_chart(ret: Return) -> ChartSpec:
    total = ret.rows[-1]["dispute_types"]
    return ChartSpec("types", BAR, "争议类型（收案，一案多类分别计）", tuple(DISPUTE_TYPE_LABELS[t] for t in DisputeType),
                     (Series("件数", tuple(int(total.get(t.value, 0)) for t in DisputeType)),))


def outcomes_chart(ret: Return) -> ChartSpec:
    total = ret.rows[-1]
    return ChartSpec("outcomes", PIE, "办结方式构成", tuple(label for _, label in OUTCOME_SLICES),
                     (Series("件数", tuple(int(total[key]) for key, _ in OUTCOME_SLICES)),))


def groups_chart(ret: Return) -> ChartSpec:
    groups = ret.rows[:-1]
    return ChartSpec("groups", BAR, f"按{BY_LABELS[ret.by]}：收案与结案", tuple(r["org_name"] for r in groups),
                     (Series("收案", tuple(int(r["received"]) for r in groups)),
                      Series("结案", tuple(int(r["closed"]) for r in groups))))


def report_charts(ret: Return, monthly: list[tuple[str, int, int]]) -> list[ChartSpec]:
    """The return's charts: monthly received and closed, dispute types, outcome shares, and per room
    (or per mediator). A return by month already is the monthly chart, so it has no fourth."""
    charts = [monthly_chart(monthly), types_chart(ret), outcomes_chart(ret)]
    if ret.by != "month":
        charts.append(groups_chart(ret))
    return charts


@dataclass(frozen=True)
class StatisticsView:
    """Everything the 统计 page and the exports show for one period: the return, its charts and the
    generated summary (computed together, on a worker thread)."""

    ret: Return
    charts: list[ChartSpec]
    summary: str


def statistics_view(backend, start, end, by: str = "room",
                    exclude_historical: bool = False) -> StatisticsView:
    """The return, charts and summary of ``start``..``end`` (``exclude_historical`` leaves out cases
    imported closed from a legacy ledger, as ``report --exclude-historical`` does)."""
    from mediation_desktop.services.statistics import (
        compile_return,
        monthly_received_closed,
        received_last_year,
        summary_text,
    )

    ret = compile_return(backend, start, end, by, exclude_historical=exclude_historical)
    charts = report_charts(ret, monthly_received_closed(backend, start, end, exclude_historical))
    return StatisticsView(ret, charts, summary_text(ret, received_last_year(backend, start, end, exclude_historical)))

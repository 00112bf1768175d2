"""The statistics return (统计报表) for a period, per organisation and in total.

The indicators follow the national table 人社统MA1 and the older 劳动统计 tables (domain.md §3):
cases carried over, received, accepted and not accepted; concluded by outcome; pending; over the
15-day limit; accepted after the 3-working-day acceptance period (late_acceptance); workers, collective disputes (10+) and their workers; amounts claimed, agreed and
paid; dispute types; court referrals; and the success rate 调解成功率 = agreements / cases concluded
by mediation (agreement, settled, withdrawn, failed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS, DisputeType
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.money import format_plain
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage import stats_queries

INDICATORS = [
    ("carried_over", "上期未结案件数"), ("received", "本期收案数"), ("accepted", "受理数"),
    ("not_accepted", "不予受理数"), ("closed", "本期结案数"), ("agreement", "达成调解协议"),
    ("settled", "和解"), ("withdrawn", "撤回"), ("failed", "调解不成/终止"), ("transferred", "转办"),
    ("pending", "期末未结案件数"), ("over_limit", "超过调解期限"), ("late_acceptance", "逾期受理"), ("workers", "涉及劳动者人数"),
    ("collective_cases", "集体争议件数（10人以上）"), ("collective_workers", "集体争议涉及人数"),
    ("amount_claimed", "请求金额（元）"), ("amount_agreed", "协议金额（元）"), ("amount_paid", "已履行金额（元）"),
    ("court_referrals", "法院委派/委托案件"), ("success_rate", "调解成功率"),
]


BY_CHOICES = ("room", "month", "mediator")
BY_LABELS = {"room": "调解组织", "month": "月份", "mediator": "调解员"}


@dataclass
class Return:
    start: date
    end: date
    rows: list[dict]      # one per organisation (or month, or mediator), then the total row (org_code "合计")
    by: str = "room"
    # Mediators, training, outreach, screenings, urgent reports, typical cases (services/programme_stats.py).
    programme: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        data = {"from": self.start.isoformat(), "to": self.end.isoformat(), "by": self.by,
                "groups": self.rows[:-1], "total": self.rows[-1]}
        if self.programme:
            data["programme"] = self.programme
        if self.by == "room":
            data["organisations"] = self.rows[:-1]
        return data


# -- periods -----------------------------------------------------------------------------------------

def month_period(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise UserError("E_PERIOD", f"月份应为1到12，收到{month}")
    _check_year(year)
    return date(year, month, 1), _month_end(year, month)


def quarter_period(year: int, quarter: int) -> tuple[date, date]:
    if not 1 <= quarter <= 4:
        raise UserError("E_PERIOD", f"季度应为1到4，收到{quarter}")
    _check_year(year)
    return date(year, quarter * 3 - 2, 1), _month_end(year, quarter * 3)


def year_period(year: int) -> tuple[date, date]:
    _check_year(year)
    return date(year, 1, 1), date(year, 12, 31)


def custom_period(start: date, end: date) -> tuple[date, date]:
    if end < start:
        raise UserError("E_DATE_ORDER", "统计期间的结束日期不能早于开始日期")
    return start, end


def months_of(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months the period touches, each cut to the period."""
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((max(start, date(y, m, 1)), min(end, _month_end(y, m))))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    """The period one year earlier (29 February becomes 28 February)."""
    def back(d: date) -> date:
        return d.replace(year=d.year - 1, day=min(d.day, _month_end(d.year - 1, d.month).day))
    return back(start), back(end)


def month_label(d: date) -> str:
    return f"{d.year}年{d.month}月"


def _month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise UserError("E_PERIOD", f"年份应在2000到2100之间，收到{year}")


def _finish(values: dict, types: dict[str, int]) -> dict:
    out = dict(values)
    for key in ("amount_claimed", "amount_agreed", "amount_paid"):
        out[key] = format_plain(out.pop(f"{key}_fen", 0))
    by_mediation = out["agreement"] + out["settled"] + out["withdrawn"] + out["failed"]
    out["success_rate"] = f"{out['agreement'] / by_mediation * 100:.1f}%" if by_mediation else "—"
    out["dispute_types"] = {str(t): types.get(str(t), 0) for t in DisputeType}
    return out


def compile_return(backend: Backend, start: date, end: date, by: str = "room",
                   exclude_historical: bool = False) -> Return:
    """The return for ``start``..``end``, one row per room (or per month, or per mediator), then the total.
    ``exclude_historical`` leaves out cases imported closed from a legacy ledger."""
    require_backend(backend, "data.export")
    if end < start:
        raise UserError("E_DATE_ORDER", "统计期间的结束日期不能早于开始日期")
    if by not in BY_CHOICES:
        raise UserError("E_ARGUMENT", f"--by 只能是 room、month 或 mediator，收到“{str(by)[:20]}”")
    if by == "month":
        return _with_programme(backend, _by_month(backend, start, end, exclude_historical))
    group = "mediator" if by == "mediator" else "org"
    with backend.db.read() as conn:
        totals = stats_queries.period_totals(conn, start, end, by=group, exclude_historical=exclude_historical)
        paid = stats_queries.amount_paid(conn, start, end, by=group, exclude_historical=exclude_historical)
        types = stats_queries.dispute_type_counts(conn, start, end, by=group, exclude_historical=exclude_historical)
        names = stats_queries.organisation_names(conn) if group == "org" else {}
    if group == "mediator":
        names = {m: (m or "（未指定调解员）", m or "") for m in totals}
    return _with_programme(backend, _assemble(start, end, by, totals, paid, types, names))


def _with_programme(backend: Backend, ret: Return) -> Return:
    from mediation_desktop.services.programme_stats import programme_figures

    ret.programme = programme_figures(backend, ret.start, ret.end)
    return ret


def _assemble(start: date, end: date, by: str, totals: dict, paid: dict, types: dict, names: dict,
              order: list | None = None) -> Return:
    rows = []
    grand: dict[str, int] = {}
    grand_types: dict[str, int] = {}
    for org_id in order if order is not None else sorted(totals, key=lambda o: names.get(o, ("", ""))[1] or ""):
        values = {**totals[org_id], "amount_paid_fen": paid.get(org_id, 0)}
        for k, v in values.items():
            grand[k] = grand.get(k, 0) + v
        for k, v in types.get(org_id, {}).items():
            grand_types[k] = grand_types.get(k, 0) + v
        name, code = names.get(org_id, ("（未知组织）", ""))
        rows.append({"org_name": name, "org_code": code, **_finish(values, types.get(org_id, {}))})
    if not grand:
        grand = {k: 0 for k, _ in INDICATORS if k not in ("success_rate",)}
        for key in ("amount_claimed", "amount_agreed", "amount_paid"):
            grand[f"{key}_fen"] = grand.pop(key)
    if by == "month" and rows:
        # Carried over is the first month's, pending the last month's: the period's own, not a sum.
        grand["carried_over"] = totals[order[0]]["carried_over"] if order else 0
        grand["pending"] = totals[order[-1]]["pending"] if order else 0
    rows.append({"org_name": "合计", "org_code": "合计", **_finish(grand, grand_types)})
    return Return(start, end, rows, by)


def _by_month(backend: Backend, start: date, end: date, exclude_historical: bool = False) -> Return:
    totals: dict[str, dict] = {}
    paid: dict[str, int] = {}
    types: dict[str, dict[str, int]] = {}
    names: dict[str, tuple[str, str]] = {}
    order: list[str] = []
    with backend.db.read() as conn:
        for first, last in months_of(start, end):
            key = month_label(first)
            t = stats_queries.period_totals(conn, first, last, exclude_historical=exclude_historical)
            totals[key] = {k: sum(v[k] for v in t.values()) for k in next(iter(t.values()), {})} or _zeros()
            paid[key] = sum(stats_queries.amount_paid(conn, first, last, exclude_historical=exclude_historical).values())
            merged: dict[str, int] = {}
            for per_org in stats_queries.dispute_type_counts(conn, first, last,
                                                             exclude_historical=exclude_historical).values():
                for k, v in per_org.items():
                    merged[k] = merged.get(k, 0) + v
            types[key] = merged
            names[key] = (key, first.strftime("%Y-%m"))
            order.append(key)
    return _assemble(start, end, "month", totals, paid, types, names, order)


def _zeros() -> dict[str, int]:
    out = {k: 0 for k, _ in INDICATORS if k not in ("success_rate", "amount_claimed", "amount_agreed", "amount_paid")}
    out.update(amount_claimed_fen=0, amount_agreed_fen=0)
    return out


def received_last_year(backend: Backend, start: date, end: date, exclude_historical: bool = False) -> int:
    """Cases received in the same period a year earlier (for the report's year-on-year sentence)."""
    first, last = same_period_last_year(start, end)
    with backend.db.read() as conn:
        return stats_queries.received_count(conn, first, last, exclude_historical)


def monthly_received_closed(backend: Backend, start: date, end: date,
                            exclude_historical: bool = False) -> list[tuple[str, int, int]]:
    """(month label, received, closed) for each month of the period (the first chart)."""
    with backend.db.read() as conn:
        received, closed = stats_queries.daily_received_closed(conn, start, end, exclude_historical)
    out = []
    for first, last in months_of(start, end):
        out.append((month_label(first), sum(n for d, n in received.items() if first <= d <= last),
                    sum(n for d, n in closed.items() if first <= d <= last)))
    return out


def type_label(code: str) -> str:
    return DISPUTE_TYPE_LABELS.get(DisputeType(code), code)


def change_words(now: int, before: int) -> str:
    """同比: "同比增长25.0%", "同比下降10.0%", "与上年同期持平", or "上年同期无收案"."""
    if before == 0:
        return "上年同期无收案" if now else "与上年同期均无收案"
    if now == before:
        return "与上年同期持平"
    pct = abs(now - before) / before * 100
    return f"同比{'增长' if now > before else '下降'}{pct:.1f}%"


def summary_text(ret: Return, received_a_year_before: int) -> str:
    """The report's generated summary, in one paragraph."""
    t = ret.rows[-1]
    return (f"本期共收案{t['received']}件，受理{t['accepted']}件，上年同期收案{received_a_year_before}件，"
            f"{change_words(t['received'], received_a_year_before)}。"
            f"本期结案{t['closed']}件，其中达成调解协议{t['agreement']}件，调解成功率{t['success_rate']}；"
            f"涉及劳动者{t['workers']}人，集体争议{t['collective_cases']}件；"
            f"超过调解期限{t['over_limit']}件，逾期受理{t['late_acceptance']}件；期末未结{t['pending']}件。")

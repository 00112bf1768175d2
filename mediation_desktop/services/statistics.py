"""The statistics return (统计报表) for a period, per organisation and in total.

The indicators follow the national table 人社统MA1 and the older 劳动统计 tables (domain.md §3):
cases carried over, received, accepted and not accepted; concluded by outcome; pending; over the
15-day limit; accepted after the 3-working-day acceptance period (late_acceptance); workers, collective disputes (10+) and their workers; amounts claimed, agreed and
paid; dispute types; court referrals; and the success rate 调解成功率 = agreements / cases concluded
by mediation (agreement, settled, withdrawn, failed).
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass
class Return:
    start: date
    end: date
    rows: list[dict]      # one per organisation, then the total row (org_code "合计")

    def as_json(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "organisations": self.rows[:-1],
                "total": self.rows[-1]}


def _finish(values: dict, types: dict[str, int]) -> dict:
    out = dict(values)
    for key in ("amount_claimed", "amount_agreed", "amount_paid"):
        out[key] = format_plain(out.pop(f"{key}_fen", 0))
    by_mediation = out["agreement"] + out["settled"] + out["withdrawn"] + out["failed"]
    out["success_rate"] = f"{out['agreement'] / by_mediation * 100:.1f}%" if by_mediation else "—"
    out["dispute_types"] = {str(t): types.get(str(t), 0) for t in DisputeType}
    return out


def compile_return(backend: Backend, start: date, end: date) -> Return:
    require_backend(backend, "data.export")
    if end < start:
        raise UserError("E_DATE_ORDER", "统计期间的结束日期不能早于开始日期")
    with backend.db.read() as conn:
        totals = stats_queries.period_totals(conn, start, end)
        paid = stats_queries.amount_paid(conn, start, end)
        types = stats_queries.dispute_type_counts(conn, start, end)
        names = stats_queries.organisation_names(conn)
    rows = []
    grand: dict[str, int] = {}
    grand_types: dict[str, int] = {}
    for org_id in sorted(totals, key=lambda o: names.get(o, ("", ""))[1]):
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
    rows.append({"org_name": "合计", "org_code": "合计", **_finish(grand, grand_types)})
    return Return(start, end, rows)


def type_label(code: str) -> str:
    return DISPUTE_TYPE_LABELS.get(DisputeType(code), code)

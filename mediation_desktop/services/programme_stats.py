"""The programme's figures for the statistics return: per organisation, training hours, outreach
activities and their audience, screenings by level, urgent reports and typical cases; each mediator's
performance; and, at the district, the organisations by type (调解组织建设)."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.programme import LEVELS, ORG_TYPES, hours_text
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import visible_origin, with_org
from mediation_desktop.storage import programme_repo

COLUMNS = [("mediators", "在册调解员"), ("training_hours", "培训学时"), ("outreach", "普法活动次数"),
           ("outreach_audience", "普法受众人数"), *[(f"screenings_{k}", f"排查（{v}）") for k, v in LEVELS.items()],
           ("urgent_reports", "情况快报"), ("typical_cases", "典型案例")]


def _in(day: date, start: date, end: date) -> bool:
    return start <= day <= end


def programme_figures(backend: Backend, start: date, end: date, today: date | None = None) -> dict:
    from mediation_desktop.services.mediators import list_mediators

    origin = visible_origin(backend)
    with backend.db.read() as conn:
        rows = {e: with_org(conn, programme_repo.all_rows(conn, e, origin=origin))
                for e in ("mediator", "training", "outreach", "screening", "urgent_report", "typical_case")}
    per: dict[str, dict] = {}

    def org(code: str) -> dict:
        return per.setdefault(code, {"org_code": code, "mediators": 0, "training_tenths": 0, "outreach": 0,
                                     "outreach_audience": 0, **{f"screenings_{k}": 0 for k in LEVELS},
                                     "urgent_reports": 0, "typical_cases": 0})

    for r in rows["mediator"]:
        org(r["org_code"])["mediators"] += bool(r["active"])
    for r in rows["training"]:
        if _in(r["held_on"], start, end):
            org(r["org_code"])["training_tenths"] += r["hours_tenths"]
    for r in rows["outreach"]:
        if _in(r["held_on"], start, end):
            o = org(r["org_code"])
            o["outreach"] += 1
            o["outreach_audience"] += r["audience"] or 0
    for r in rows["screening"]:
        if _in(r["screened_on"], start, end):
            org(r["org_code"])[f"screenings_{r['level']}"] += 1
    for r in rows["urgent_report"]:
        if _in(r["reported_on"], start, end):
            org(r["org_code"])["urgent_reports"] += 1
    for r in rows["typical_case"]:
        if _in(date.fromisoformat(str(r["created_at"])[:10]), start, end):
            org(r["org_code"])["typical_cases"] += 1
    organisations = [_finish(per[k]) for k in sorted(per)]
    total = {"org_code": "合计", "mediators": 0, "training_tenths": 0}
    for o in per.values():
        for k, v in o.items():
            if k != "org_code":
                total[k] = total.get(k, 0) + v
    figures = {"organisations": organisations, "total": _finish(total),
               "mediators": list_mediators(backend, start, end, today)}
    if backend.node.role == "supervisor":
        from mediation_desktop.services.mediation_orgs import list_orgs

        by_type = {label: 0 for label in ORG_TYPES.values()}
        for o in list_orgs(backend):
            by_type[o["org_type_label"]] += 1
        figures["organisation_building"] = by_type
    return figures


def _finish(values: dict) -> dict:
    out = {k: v for k, v in values.items() if k != "training_tenths"}
    out["training_hours"] = hours_text(values.get("training_tenths", 0))
    return out

"""Urgent reports (情况快报/呈报表) to the district for a collective or red-risk case, or a screening.

The report is a record of the room: it travels up in the next package, where the district's overview
lists unseen reports first. ``alert`` also writes it as a one-page .docx.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.money import format_plain
from mediation_desktop.core.programme import CHECKLIST, LEVELS
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import load, optional, visible_origin, with_org, writing
from mediation_desktop.storage import programme_repo

DEFAULT_REQUEST = "请区人社部门掌握情况，视情协调相关部门共同处置。"


def _from_case(backend: Backend, case_no: str, today: date) -> dict:
    from mediation_desktop.services.cases import CaseService

    view = CaseService(backend).view(case_no, today=today)
    case = view.case
    if not (case.collective or view.risk.level == "red"):
        raise UserError("E_ALERT_NOT_URGENT", f"案件“{case.case_no}”既不是集体争议，也不是红色风险，不需要报送情况快报")
    claims = "；".join(c.description for c in case.claims if c.description)
    return {"case_id": case.id, "screening_id": None,
            "title": f"{case.respondent.name}劳动争议情况快报"[:200],
            "what": f"{case.received_on.isoformat()}，{case.respondent.name}的{case.workers_involved}名劳动者申请调解"
                    + (f"，请求：{claims}" if claims else "") + "。"
                    + (f"风险提示：{'；'.join(view.risk.reasons)}。" if view.risk.reasons else ""),
            "who": f"用人单位：{case.respondent.name}" + (f"（{case.respondent.uscc}）" if case.respondent.uscc else "")
                   + f"；申请人：{'、'.join(a.name for a in case.applicants[:10])}"
                   + ("等" if len(case.applicants) > 10 else ""),
            "workers": case.workers_involved, "amount_fen": case.amount_claimed_fen}


def _from_screening(backend: Backend, screening_id: str) -> dict:
    with backend.db.read() as conn:
        s = load(conn, "screening", screening_id, "排查记录")
    if s["level"] == "none":
        raise UserError("E_ALERT_NOT_URGENT", "这次排查未发现风险，不需要报送情况快报")
    items = "、".join(CHECKLIST[c] for c in s["checks"].split(",") if c in CHECKLIST)
    return {"case_id": None, "screening_id": s["id"], "title": f"{s['enterprise']}风险隐患情况快报"[:200],
            "what": f"{s['screened_on'].isoformat()}排查发现{s['enterprise']}存在{LEVELS[s['level']]}风险"
                    + (f"（{items}）" if items else "") + f"：{s['findings']}",
            "who": f"用人单位：{s['enterprise']}" + (f"（{s['uscc']}）" if s["uscc"] else ""),
            "workers": s["workers"], "amount_fen": None, "measures": s["follow_up"]}


def create_report(backend: Backend, *, case_no: str | None = None, screening_id: str | None = None,
                  measures: str | None = None, request: str | None = None, today: date | None = None) -> dict:
    if bool(case_no) == bool(screening_id):
        raise UserError("E_ARGUMENT", "请给出案号，或用 --screening 给出排查记录编号（二者选一）")
    today = today or clock_today()
    values = _from_case(backend, case_no, today) if case_no else _from_screening(backend, screening_id or "")
    values["measures"] = optional("urgent.measures", measures, field="measures") or values.get("measures") or "已组织调解，正在跟进。"
    values["request"] = optional("urgent.request", request, field="request") or DEFAULT_REQUEST
    values["reported_on"] = today
    # Every text obeys the shared rules (a sync reader would refuse anything else).
    from mediation_desktop.core.rules import repair_text

    for key in ("title", "what", "who", "measures", "request"):
        values[key] = repair_text(f"urgent.{key}", values[key])
    record_id = new_id()
    with writing(backend, "case.record", "urgent_report", "urgent_report", record_id, {"title": values["title"]}) as conn:
        return programme_repo.add(conn, "urgent_report", record_id, values)


def report_fields(backend: Backend, row: dict) -> dict:
    return {"org_name": backend.node.org.name, "reported_on": row["reported_on"].isoformat(), "title": row["title"],
            "what": row["what"], "who": row["who"], "workers": row["workers"] or "—",
            "amount": format_plain(row["amount_fen"]) if row["amount_fen"] is not None else "—",
            "measures": row["measures"], "request": row["request"], "reporter": backend.user}


def write_report(backend: Backend, row: dict, out: str | Path) -> Path:
    from mediation_desktop.documents.programme_docs import write_urgent_report
    from mediation_desktop.services.output_files import check_output_file

    return write_urgent_report(check_output_file(out), report_fields(backend, row))


def list_reports(backend: Backend) -> list[dict]:
    """Unseen first, then newest first (the district's overview puts them on top)."""
    with backend.db.read() as conn:
        rows = with_org(conn, programme_repo.all_rows(conn, "urgent_report", origin=visible_origin(backend)))
    rows.sort(key=lambda r: (r["seen_at"] is not None, -r["reported_on"].toordinal(), r["created_at"]))
    return [{"id": r["id"], "org_code": r["org_code"], "title": r["title"], "reported_on": r["reported_on"].isoformat(),
             "workers": r["workers"], "what": r["what"], "seen": r["seen_at"] is not None,
             "amount": format_plain(r["amount_fen"]) if r["amount_fen"] is not None else None} for r in rows]


def mark_seen(backend: Backend, report_id: str) -> None:
    with writing(backend, "case.read", "urgent_seen", "urgent_report", report_id) as conn:
        load(conn, "urgent_report", report_id, "情况快报")
        programme_repo.mark_local(conn, "urgent_report", report_id, {"seen_at": now_iso()})

"""The mediator register (调解员名册) and each mediator's figures for a period.

Figures: cases received in the period whose mediator is this name (cases handled), agreements,
agreement rate, overdue open cases, late acceptances, average days from receipt to conclusion, and
training hours in the period. At the district, every room's mediators with their room's figures.
"""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import BACKGROUNDS, check_background, check_period, hours_text
from mediation_desktop.core.validation import check_phone
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import (
    day,
    load,
    owned_here,
    required,
    visible_origin,
    with_org,
    writing,
)
from mediation_desktop.storage import programme_repo


def add_mediator(backend: Backend, name: str, *, background: str | None = None, phone: str | None = None,
                 appointed_on: str | date | None = None) -> dict:
    name = required("mediator.name", name, field="name")
    values = {"name": name, "background": check_background(background),
              "phone": check_phone(phone, field="phone") if phone and phone.strip() else None,
              "appointed_on": day(appointed_on, field="appointed_on", what="聘任日期", required_=False),
              "active": True}
    record_id = new_id()
    with writing(backend, "case.record", "mediator_add", "mediator", record_id, {"name": name}) as conn:
        if programme_repo.mediator_by_name(conn, name, backend.node.node_id) is not None:
            raise UserError("E_MEDIATOR_EXISTS", f"调解员“{name}”已在名册中")
        return programme_repo.add(conn, "mediator", record_id, values)


def set_active(backend: Backend, mediator_id: str, active: bool) -> None:
    with writing(backend, "case.record", "mediator_edit", "mediator", mediator_id, {"active": active}) as conn:
        row = load(conn, "mediator", mediator_id, "调解员")
        owned_here(backend, row, "调解员记录")
        programme_repo.change(conn, "mediator", mediator_id, {"active": active})


def find_mediator(backend: Backend, name: str) -> dict:
    """A mediator of this node's register by name (training records name the mediator)."""
    name = required("mediator.name", name, field="mediator")
    with backend.db.read() as conn:
        row = programme_repo.mediator_by_name(conn, name, backend.node.node_id)
    if row is None:
        raise UserError("E_MEDIATOR_NOT_FOUND", f"名册中没有调解员“{name}”，请先用 mediators add 登记")
    return row


def _number(tenths: int) -> int | float:
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


def list_mediators(backend: Backend, start: date | None = None, end: date | None = None,
                   today: date | None = None) -> list[dict]:
    """The register with figures for [start, end] (default: the current year)."""
    today = today or clock_today()
    start = start or date(today.year, 1, 1)
    end = end or date(today.year, 12, 31)
    check_period(start, end)
    with backend.db.read() as conn:
        rows = programme_repo.all_rows(conn, "mediator", origin=visible_origin(backend), order="name")
        with_org(conn, rows)
        hours = programme_repo.training_tenths(conn, start, end)
        figures = programme_repo.case_figures(conn, start, end, today)
    out = []
    for r in rows:
        f = figures.get((r["origin_node"], r["name"]), {})
        handled, agreements, closed = f.get("cases_handled", 0), f.get("agreements", 0), f.get("closed", 0)
        out.append({
            "id": r["id"], "name": r["name"], "org_code": r["org_code"], "background": r["background"],
            "background_label": BACKGROUNDS.get(r["background"], r["background"]), "phone": r["phone"],
            "active": bool(r["active"]), "training_hours": _number(hours.get(r["id"], 0)),
            "training_hours_text": hours_text(hours.get(r["id"], 0)),
            "cases_handled": handled, "agreements": agreements,
            "agreement_rate": round(agreements / handled, 4) if handled else None,
            "overdue": f.get("overdue", 0), "late_acceptances": f.get("late_acceptances", 0),
            "avg_days_to_close": round(f["days_to_close"] / closed, 1) if closed else None,
        })
    return out


def match_mediator_name(backend: Backend, text: str | None) -> str | None:
    """A case's free-text mediator matched to this node's register (core.programme.match_name)."""
    from mediation_desktop.core.programme import match_name

    with backend.db.read() as conn:
        names = programme_repo.mediator_names(conn, backend.node.node_id)
    return match_name(text, names)


def register_names(backend: Backend) -> list[str]:
    """The active names of this node's register, for the mediator field of a case (GUI choices)."""
    with backend.db.read() as conn:
        rows = programme_repo.all_rows(conn, "mediator", origin=backend.node.node_id, order="name")
    return [r["name"] for r in rows if r["active"]]


def unregistered_mediator(backend: Backend, name: str | None) -> str | None:
    """Why a case's mediator is not an active name of the register, or None when it is (or is blank).
    A warning only: an old case's free text, or a mediator not yet registered, is still recorded."""
    name = (name or "").strip()
    if not name:
        return None
    with backend.db.read() as conn:
        rows = programme_repo.all_rows(conn, "mediator", origin=backend.node.node_id)
    found = next((r for r in rows if r["name"] == name), None)
    if found is None:
        return f"调解员“{name}”不在本组织的调解员名册中（案件仍按此记录）；新调解员请用 mediators add 登记"
    if not found["active"]:
        return f"调解员“{name}”在调解员名册中已停用（案件仍按此记录）"
    return None

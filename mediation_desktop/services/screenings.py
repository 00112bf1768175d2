"""Risk screenings (风险隐患排查) of employers before or without a case, their follow-up, the risk
lists they feed, and the pre-Spring-Festival reminder to screen the key enterprises."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import (
    CHECKLIST,
    DEFAULT_SEASON_START,
    LEVELS,
    check_items,
    check_level,
    check_season_start,
    items_in_text,
    open_at_risk,
    parse_count,
    season_for,
)
from mediation_desktop.core.validation import check_uscc
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import (
    day,
    load,
    optional,
    owned_here,
    required,
    visible_origin,
    with_org,
    writing,
)
from mediation_desktop.storage import programme_repo, sync_repo

SEASON_KEY = "programme.screening_season_start"


def add_screening(backend: Backend, enterprise: str, on: str | date, level: str, findings: str, *,
                  uscc: str | None = None, checks: list[str] | None = None, workers: str | int | None = None,
                  follow_up: str | None = None) -> dict:
    findings = required("screening.findings", findings, field="findings")
    items = check_items(checks) or items_in_text(findings)
    values = {"enterprise": required("screening.enterprise", enterprise, field="enterprise"),
              "uscc": check_uscc(uscc, field="uscc") if uscc and uscc.strip() else None,
              "screened_on": day(on, field="on", what="排查日期"), "level": check_level(level),
              "checks": ",".join(items), "findings": findings,
              "workers": parse_count(workers, field="workers", what="涉及人数", low=1),
              "follow_up": optional("screening.follow_up", follow_up, field="follow_up") or "", "status": "open"}
    record_id = new_id()
    with writing(backend, "case.record", "screening_add", "screening", record_id,
                 {"enterprise": values["enterprise"], "level": values["level"]}) as conn:
        return programme_repo.add(conn, "screening", record_id, values)


def close_screening(backend: Backend, screening_id: str, follow_up: str | None = None) -> None:
    with writing(backend, "case.record", "screening_close", "screening", screening_id) as conn:
        row = load(conn, "screening", screening_id, "排查记录")
        owned_here(backend, row, "排查记录")
        note = optional("screening.follow_up", follow_up, field="follow_up")
        programme_repo.change(conn, "screening", row["id"],
                              {"status": "closed", **({"follow_up": note} if note else {})})


def _shown(r: dict) -> dict:
    items = [c for c in r["checks"].split(",") if c]
    return {"id": r["id"], "org_code": r["org_code"], "enterprise": r["enterprise"], "uscc": r["uscc"],
            "screened_on": r["screened_on"].isoformat(), "level": r["level"], "level_label": LEVELS[r["level"]],
            "checks": items, "checks_labels": [CHECKLIST[c] for c in items if c in CHECKLIST],
            "findings": r["findings"], "workers": r["workers"], "follow_up": r["follow_up"], "status": r["status"]}


def list_screenings(backend: Backend) -> list[dict]:
    with backend.db.read() as conn:
        rows = with_org(conn, programme_repo.all_rows(conn, "screening", origin=visible_origin(backend),
                                                      order="screened_on", descending=True))
    return [_shown(r) for r in rows]


def risk_entries(backend: Backend, level: str | None = None) -> list[dict]:
    """Open screenings at orange or red, in the shape of the risk list (``risk`` command, desk)."""
    order = {"red": 0, "orange": 1}
    found = [s for s in list_screenings(backend) if open_at_risk(s["level"], s["status"])
             and (level is None or s["level"] == level)]
    found.sort(key=lambda s: (order[s["level"]], s["screened_on"]))
    return [{"source": "screening", "id": s["id"], "org_code": s["org_code"], "employer": s["enterprise"],
             "uscc": s["uscc"], "level": s["level"], "screened_on": s["screened_on"],
             "reasons": [f"风险排查（{s['screened_on']}）：{'、'.join(s['checks_labels']) or s['findings'][:40]}"]}
            for s in found]


def season_start(backend: Backend) -> str:
    with backend.db.read() as conn:
        return sync_repo.get_setting(conn, SEASON_KEY) or DEFAULT_SEASON_START


def set_season_start(backend: Backend, text: str) -> str:
    value = check_season_start(text)
    with writing(backend, "org.settings", "setting", "settings", SEASON_KEY, {"value": value}) as conn:
        sync_repo.set_setting(conn, SEASON_KEY, value)
    return value


def season_reminder(backend: Backend, today: date | None = None) -> dict | None:
    """In the pre-Spring-Festival season, the key enterprises this room has not screened since it
    began; None outside the season (or at the district)."""
    today = today or clock_today()
    season = season_for(today, season_start(backend))
    if season is None or backend.node.role != "room":
        return None
    with backend.db.read() as conn:
        listed = sync_repo.key_enterprise_rows(conn)
        done = programme_repo.screened_usccs(conn, backend.node.node_id, season.start, today)
    missing = [{"uscc": r["uscc"], "name": r["name"], "reason": r["reason"]} for r in listed if r["uscc"] not in done]
    return {"season_start": season.start.isoformat(), "spring_festival": season.festival.isoformat(),
            "not_screened": missing, "listed": len(listed)}

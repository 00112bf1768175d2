"""普法 outreach activities: date, title, place or enterprise, audience, materials."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import MAX_AUDIENCE, parse_count
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import (
    day,
    optional,
    required,
    visible_origin,
    with_org,
    writing,
)
from mediation_desktop.storage import programme_repo


def add_outreach(backend: Backend, on: str | date, title: str, *, place: str | None = None,
                 audience: str | int | None = None, enterprise: str | None = None,
                 materials: str | None = None) -> dict:
    values = {"held_on": day(on, field="on", what="活动日期"),
              "title": required("outreach.title", title, field="title"),
              "place": optional("outreach.place", place, field="place"),
              "enterprise": optional("outreach.enterprise", enterprise, field="enterprise"),
              "audience": parse_count(audience, field="audience", what="参加人数", high=MAX_AUDIENCE),
              "materials": optional("outreach.materials", materials, field="materials") or ""}
    record_id = new_id()
    with writing(backend, "case.record", "outreach_add", "outreach", record_id, {"title": values["title"]}) as conn:
        return programme_repo.add(conn, "outreach", record_id, values)


def list_outreach(backend: Backend, start: date | None = None, end: date | None = None) -> list[dict]:
    with backend.db.read() as conn:
        rows = with_org(conn, programme_repo.all_rows(conn, "outreach", origin=visible_origin(backend),
                                                      order="held_on", descending=True))
    return [{"id": r["id"], "org_code": r["org_code"], "held_on": r["held_on"].isoformat(), "title": r["title"],
             "place": r["place"], "enterprise": r["enterprise"], "audience": r["audience"], "materials": r["materials"]}
            for r in rows if (start is None or r["held_on"] >= start) and (end is None or r["held_on"] <= end)]

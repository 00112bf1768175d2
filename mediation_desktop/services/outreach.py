"""普法 outreach activities: date, title, place or enterprise, audience, materials."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import MAX_AUDIENCE, MAX_PHOTOS, check_photo_name, parse_count
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


def _photos(backend: Backend, files: list[str | Path] | None) -> str:
    """Store the photos by hash (like a case's attachments) and list them as JSON."""
    from mediation_desktop.services.attachments import AttachmentService

    files = list(files or ())
    if len(files) > MAX_PHOTOS:
        raise ValidationError("E_PHOTO_TYPE", f"一次活动最多添加 {MAX_PHOTOS} 张照片", field="photos")
    names = [check_photo_name(Path(f).name) for f in files]   # all checked before any is stored
    store = AttachmentService(backend)
    listed = [{"sha256": store.store(Path(f))[0], "file_name": name} for f, name in zip(files, names, strict=True)]
    return json.dumps(listed, ensure_ascii=False)


def add_outreach(backend: Backend, on: str | date, title: str, *, place: str | None = None,
                 audience: str | int | None = None, enterprise: str | None = None,
                 materials: str | None = None, photos: list[str | Path] | None = None) -> dict:
    values = {"held_on": day(on, field="on", what="活动日期"),
              "title": required("outreach.title", title, field="title"),
              "place": optional("outreach.place", place, field="place"),
              "enterprise": optional("outreach.enterprise", enterprise, field="enterprise"),
              "audience": parse_count(audience, field="audience", what="参加人数", high=MAX_AUDIENCE),
              "materials": optional("outreach.materials", materials, field="materials") or ""}
    values["photos"] = _photos(backend, photos)
    record_id = new_id()
    with writing(backend, "case.record", "outreach_add", "outreach", record_id, {"title": values["title"]}) as conn:
        return programme_repo.add(conn, "outreach", record_id, values)


def list_outreach(backend: Backend, start: date | None = None, end: date | None = None) -> list[dict]:
    with backend.db.read() as conn:
        rows = with_org(conn, programme_repo.all_rows(conn, "outreach", origin=visible_origin(backend),
                                                      order="held_on", descending=True))
    return [{"id": r["id"], "org_code": r["org_code"], "held_on": r["held_on"].isoformat(), "title": r["title"],
             "place": r["place"], "enterprise": r["enterprise"], "audience": r["audience"], "materials": r["materials"],
             "photos": json.loads(r["photos"] or "[]")}
            for r in rows if (start is None or r["held_on"] >= start) and (end is None or r["held_on"] <= end)]

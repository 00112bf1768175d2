"""Training records (培训) per mediator, the yearly target in hours, and courses the district offers.

Hours are stored in tenths (core.programme.parse_hours). The yearly target is a setting of this node;
a mediator's progress is the hours of the calendar year against it.
"""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import DEFAULT_YEARLY_TARGET_HOURS, hours_text, parse_hours
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.mediators import find_mediator
from mediation_desktop.services.programme_common import (
    day,
    optional,
    required,
    visible_origin,
    with_org,
    writing,
)
from mediation_desktop.storage import programme_repo, sync_repo

TARGET_KEY = "programme.training_target_hours"
MAX_TARGET_HOURS = 1000


def add_training(backend: Backend, mediator: str, course: str, hours: str | int, on: str | date, *,
                 organiser: str | None = None, certificate_no: str | None = None) -> dict:
    course = required("training.course", course, field="course")
    values = {"course": course, "hours_tenths": parse_hours(hours),
              "held_on": day(on, field="on", what="培训日期"),
              "organiser": optional("training.organiser", organiser, field="organiser"),
              "certificate_no": optional("training.certificate_no", certificate_no, field="certificate_no")}
    person = find_mediator(backend, mediator)
    values["mediator_id"] = person["id"]
    record_id = new_id()
    with writing(backend, "case.record", "training_add", "training", record_id,
                 {"mediator": person["name"], "course": course}) as conn:
        return programme_repo.add(conn, "training", record_id, values)


def list_training(backend: Backend) -> list[dict]:
    with backend.db.read() as conn:
        rows = programme_repo.all_rows(conn, "training", origin=visible_origin(backend), order="held_on",
                                       descending=True)
        names = {m["id"]: m["name"] for m in programme_repo.all_rows(conn, "mediator")}
        with_org(conn, rows)
    return [{"id": r["id"], "org_code": r["org_code"], "mediator": names.get(r["mediator_id"], ""),
             "course": r["course"], "organiser": r["organiser"], "held_on": r["held_on"].isoformat(),
             "hours": hours_text(r["hours_tenths"]), "certificate_no": r["certificate_no"]} for r in rows]


def offer_course(backend: Backend, course: str, hours: str | int, on: str | date, *,
                 organiser: str | None = None) -> dict:
    """(District) a course offered to every room's mediators; travels down."""
    values = {"course": required("training.course", course, field="course"), "hours_tenths": parse_hours(hours),
              "held_on": day(on, field="on", what="培训日期"),
              "organiser": optional("training.organiser", organiser, field="organiser")}
    record_id = new_id()
    with writing(backend, "remark.write", "course_offer", "training_course", record_id,
                 {"course": values["course"]}) as conn:
        return programme_repo.add(conn, "training_course", record_id, values)


def courses(backend: Backend) -> list[dict]:
    with backend.db.read() as conn:
        rows = programme_repo.all_rows(conn, "training_course", order="held_on", descending=True)
    return [{"id": r["id"], "course": r["course"], "organiser": r["organiser"], "held_on": r["held_on"].isoformat(),
             "hours": hours_text(r["hours_tenths"])} for r in rows]


def yearly_target(backend: Backend) -> int:
    with backend.db.read() as conn:
        value = sync_repo.get_setting(conn, TARGET_KEY)
    return int(value) if value and value.isdigit() else DEFAULT_YEARLY_TARGET_HOURS


def set_yearly_target(backend: Backend, hours: str | int) -> int:
    raw = str(hours).strip()
    if not raw.isdigit() or not raw.isascii() or not 1 <= int(raw) <= MAX_TARGET_HOURS:
        raise ValidationError("E_TRAINING_TARGET", f"年度培训目标应为 1 到 {MAX_TARGET_HOURS} 之间的整数学时",
                              field="target")
    with writing(backend, "org.settings", "setting", "settings", TARGET_KEY, {"value": raw}) as conn:
        sync_repo.set_setting(conn, TARGET_KEY, str(int(raw)))
    return int(raw)


def progress(backend: Backend, today: date | None = None) -> list[dict]:
    """Each mediator's hours this calendar year against the target."""
    from mediation_desktop.services.mediators import list_mediators

    today = today or clock_today()
    target = yearly_target(backend)
    return [{"name": m["name"], "org_code": m["org_code"], "hours": m["training_hours"], "target": target,
             "met": m["training_hours"] >= target}
            for m in list_mediators(backend, date(today.year, 1, 1), date(today.year, 12, 31), today)]

"""The programme's registers in sync packages: the record shapes, the lines a node sends, and
applying the lines a node receives.

Rooms send their mediators, training records, outreach, screenings, urgent reports and typical cases
up; the district sends its promoted typical cases (``typical_library``) and offered courses down. Who
may send which is ownership.SENDERS. A record's ``data`` is its row without id, owner and version;
the text rules are core.rules', so what one node accepted the other accepts. An incoming record
replaces the stored one only with a higher version; the same version with other content, or a
record deleted here, becomes a conflict row and is never applied silently.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from mediation_desktop.core.programme import (
    BACKGROUNDS,
    CHECKLIST,
    LEVELS,
    MAX_AUDIENCE,
    MAX_PHOTOS,
    MAX_TRAINING_TENTHS,
    check_photo_name,
)
from mediation_desktop.core.rules import MAX_WORKERS
from mediation_desktop.storage import Connection, programme_repo, sync_repo
from mediation_desktop.sync import records as rec

ENTITIES = rec.PROGRAMME_ENTITIES


def _checks(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise rec.refuse(where, "排查清单应为文字。")
    if value and any(part not in CHECKLIST for part in value.split(",")):
        raise rec.refuse(where, "排查清单含有未知的项目。")
    return value


def _dispute_types(value: Any, where: str) -> str:
    from mediation_desktop.core.enums import DisputeType

    known = {t.value for t in DisputeType}
    if not isinstance(value, str) or len(value) > 200 or (value and any(p not in known for p in value.split(","))):
        raise rec.refuse(where, "争议类型不合格。")
    return value


def _uuid_or_none(value: Any, where: str) -> str | None:
    return None if value is None else rec.uuid_(value, where)


def _photo_name(value: Any, where: str) -> str:
    from mediation_desktop.core.errors import ValidationError

    name = rec.file_name(value, where)
    try:
        return check_photo_name(name)
    except ValidationError as exc:
        raise rec.refuse(where, exc.message + "。") from None


_STAMPS = {"created_at": rec.timestamp(), "updated_at": rec.timestamp()}
_TENTHS = rec.integer(1, MAX_TRAINING_TENTHS)
_SECTION = rec.text("typical.section")
SHAPES = {
    "mediator": rec.obj({"name": rec.text("mediator.name"), "background": rec.one_of(tuple(BACKGROUNDS)),
                         "phone": rec.text("mediator.phone", nullable=True), "appointed_on": rec.iso_date(),
                         "active": rec.boolean, **_STAMPS}),
    "training": rec.obj({"mediator_id": rec.uuid_, "course": rec.text("training.course"),
                         "organiser": rec.text("training.organiser", nullable=True),
                         "held_on": rec.iso_date(nullable=False), "hours_tenths": _TENTHS,
                         "certificate_no": rec.text("training.certificate_no", nullable=True), **_STAMPS}),
    "training_course": rec.obj({"course": rec.text("training.course"),
                                "organiser": rec.text("training.organiser", nullable=True),
                                "held_on": rec.iso_date(nullable=False), "hours_tenths": _TENTHS, **_STAMPS}),
    "outreach": rec.obj({"held_on": rec.iso_date(nullable=False), "title": rec.text("outreach.title"),
                         "place": rec.text("outreach.place", nullable=True),
                         "enterprise": rec.text("outreach.enterprise", nullable=True),
                         "audience": rec.integer(0, MAX_AUDIENCE, nullable=True),
                         "materials": rec.text("outreach.materials"),
                         "photos": rec.array(rec.obj({"sha256": rec.sha256_, "file_name": _photo_name}), MAX_PHOTOS),
                         **_STAMPS}),
    "screening": rec.obj({"enterprise": rec.text("screening.enterprise"),
                          "uscc": rec.text("screening.uscc", nullable=True),
                          "screened_on": rec.iso_date(nullable=False), "level": rec.one_of(tuple(LEVELS)),
                          "checks": _checks, "findings": rec.text("screening.findings"),
                          "workers": rec.integer(1, MAX_WORKERS, nullable=True),
                          "follow_up": rec.text("screening.follow_up"), "status": rec.one_of(("open", "closed")),
                          **_STAMPS}),
    "urgent_report": rec.obj({"case_id": _uuid_or_none, "screening_id": _uuid_or_none,
                              "title": rec.text("urgent.title"), "what": rec.text("urgent.what"),
                              "who": rec.text("urgent.who"), "workers": rec.integer(1, MAX_WORKERS, nullable=True),
                              "amount_fen": rec.fen(), "measures": rec.text("urgent.measures"),
                              "request": rec.text("urgent.request"), "reported_on": rec.iso_date(nullable=False),
                              **_STAMPS}),
    "typical_case": rec.obj({"source_case_id": _uuid_or_none, "title": rec.text("typical.title"),
                             "facts": _SECTION, "process": _SECTION, "result": _SECTION, "experience": _SECTION,
                             "dispute_types": _dispute_types, **_STAMPS}),
    "typical_library": rec.obj({"typical_id": rec.uuid_, "org_code": rec.text("org.code"),
                                "title": rec.text("typical.title"), "facts": _SECTION, "process": _SECTION,
                                "result": _SECTION, "experience": _SECTION, "dispute_types": _dispute_types,
                                "promoted_on": rec.iso_date(nullable=False), **_STAMPS}),
    # A room's answer to the district's remark or correction request (travels up like the registers).
    "remark_answer": rec.obj({"remark_id": rec.uuid_, "text": rec.text("remark.text"),
                              "author": rec.text("remark.author"), **_STAMPS}),
}


def _wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def data_of(entity: str, row: dict) -> dict:
    data = {c: _wire(row[c]) for c in programme_repo.data_columns(entity)}
    for c in programme_repo.JSON_COLUMNS.get(entity, ()):
        data[c] = json.loads(data[c] or "[]")
    return data


def _row_values(entity: str, data: dict) -> dict:
    out = dict(data)
    for c in programme_repo.JSON_COLUMNS.get(entity, ()):
        out[c] = json.dumps(out[c], ensure_ascii=False)
    return out


def photo_blobs(backend_paths_attachments, lines_: list[dict], blobs: dict, max_bytes: int) -> None:
    """The photo files of the outreach lines, by hash, beside the case attachments."""
    for line in lines_:
        for photo in line["data"].get("photos", ()) if line["entity"] == "outreach" else ():
            stored = backend_paths_attachments / photo["sha256"][:2] / photo["sha256"]
            if stored.is_file() and stored.stat().st_size <= max_bytes:
                blobs[photo["sha256"]] = stored


def line_of(entity: str, row: dict) -> dict:
    return {"entity": entity, "id": row["id"], "origin_node": row["origin_node"], "version": row["version"],
            "data": data_of(entity, row)}


# ------------------------------------------------------------------------------------------- export


def lines(conn: Connection, me: str, by_entity: dict[str, set[str]], full: bool) -> list[dict]:
    """Our own records changed in the range (all of them for a full package)."""
    out: list[dict] = []
    for entity in ENTITIES:
        if full:
            rows = programme_repo.all_rows(conn, entity, origin=me)
        else:
            rows = list(programme_repo.by_ids(conn, entity, sorted(by_entity.get(entity, ()))).values())
        out.extend(line_of(entity, r) for r in sorted(rows, key=lambda r: r["id"]) if r["origin_node"] == me)
    return out


def tombstones(conn: Connection, by_entity: dict[str, set[str]]) -> list[dict]:
    ids = sorted({i for e in ENTITIES for i in by_entity.get(e, ())})
    return [t for t in sync_repo.tombstones_of(conn, ids) if t["entity"] in ENTITIES]


def counts(lines_: list[dict]) -> dict[str, int]:
    found: dict[str, int] = {}
    for line in lines_:
        if line["entity"] in ENTITIES:
            found[line["entity"]] = found.get(line["entity"], 0) + 1
    return found


# ------------------------------------------------------------------------------------------- import


def _comparable(data: dict) -> dict:
    return {k: _wire(v) for k, v in data.items() if k != "updated_at"}


def apply(conn: Connection, sender: str, package_id: str, records: list[dict], counts_) -> None:
    """Store the package's programme records (inside the importer's transaction); ``counts_`` is the
    importer's Counts."""
    from mediation_desktop.sync.ownership import check_owner

    for entity in ENTITIES:
        incoming = [r for r in records if r["entity"] == entity]
        if not incoming:
            continue
        ids = [r["id"] for r in incoming]
        stored = programme_repo.by_ids(conn, entity, ids)
        for r in incoming:
            old = stored.get(r["id"])
            check_owner(entity, r["id"], old["origin_node"] if old else None, sender)
        dead = sync_repo.tombstoned(conn, entity, ids, origin=sender)
        for r in incoming:
            old = stored.get(r["id"])
            row = {"id": r["id"], "origin_node": r["origin_node"], "version": r["version"],
                   **_row_values(entity, r["data"])}
            if r["id"] in dead:
                _conflict(conn, sender, package_id, r, "该记录已被删除，不能再次提交", None, counts_)
            elif old is None:
                programme_repo.store(conn, entity, row, exists=False)
                counts_.created += 1
            elif _comparable(data_of(entity, old)) == _comparable(r["data"]):
                counts_.unchanged += 1
            elif r["version"] <= old["version"]:
                _conflict(conn, sender, package_id, r,
                          f"收到的版本 {r['version']} 不高于本机的版本 {old['version']}，内容却不同", old["version"], counts_)
            else:
                programme_repo.store(conn, entity, row, exists=True)
                counts_.updated += 1


def apply_tombstones(conn: Connection, sender: str, tombs: list[dict], counts_) -> None:
    from mediation_desktop.sync.ownership import check_owner

    for entity in ENTITIES:
        ids = [t["id"] for t in tombs if t["entity"] == entity]
        if not ids:
            continue
        stored = programme_repo.by_ids(conn, entity, ids)
        for i in ids:
            check_owner(entity, i, stored[i]["origin_node"] if i in stored else None, sender)
        counts_.updated += programme_repo.delete_rows(conn, entity, [i for i in ids if i in stored])


def _conflict(conn: Connection, sender: str, package_id: str, r: dict, reason: str, local_version: int | None,
              counts_) -> None:
    incoming = json.dumps({"reason": reason, "record": rec.wire_data(r)}, ensure_ascii=False, sort_keys=True)
    sync_repo.add_conflict(conn, entity=r["entity"], entity_id=r["id"], origin=sender, package_id=package_id,
                           local_version=local_version, incoming=incoming)
    counts_.conflicts += 1

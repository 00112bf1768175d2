"""The typical-case library (典型案例库).

A room drafts a write-up from one of its closed cases (core.typical_draft: anonymised automatically),
edits it, and it travels up. The district marks some 推广 (promoted): a copy owned by the district goes
to ``typical_library`` and travels down to every room, where it can be searched. Any text saved for a
write-up whose source case is on this node is checked again for leaks (E_TYPICAL_LEAK).
"""

from __future__ import annotations

from pathlib import Path

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import Status
from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.rules import repair_text
from mediation_desktop.core.typical_draft import SECTIONS, anonymiser_for, draft
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import (
    load,
    owned_here,
    required,
    visible_origin,
    with_org,
    writing,
)
from mediation_desktop.storage import Connection, cases_repo, programme_repo

FIELDS = ("title",) + tuple(key for key, _ in SECTIONS)


def _check_leaks(conn: Connection, source_case_id: str | None, values: dict) -> None:
    if not source_case_id:
        return
    found = cases_repo.load_cases(conn, [source_case_id])
    if not found:
        return
    anon = anonymiser_for(found[0])
    for key in FIELDS:
        if key in values and anon.leaks(values[key]):
            label = dict(SECTIONS).get(key, "标题")
            raise UserError("E_TYPICAL_LEAK", f"典型案例的“{label}”仍含有原案件当事人的姓名、证件号、电话或单位全称，"
                                              "请改为“张某”“某公司”等称呼后再保存")


def add_from_case(backend: Backend, case_no: str, title: str | None = None) -> dict:
    from mediation_desktop.services.cases import CaseService

    case = CaseService(backend).get(case_no)
    if case.status != Status.CLOSED:
        raise UserError("E_TYPICAL_NOT_CLOSED", f"案件“{case.case_no}”尚未结案，只能从已结案的案件整理典型案例")
    if case.origin_node != backend.node.node_id:
        raise UserError("E_NOT_OWNER", "只能从本组织办理的案件整理典型案例")
    d = draft(case)
    values = {"source_case_id": case.id, "title": d.title, "dispute_types": ",".join(d.dispute_types)}
    for key, _ in SECTIONS:
        values[key] = repair_text("typical.section", getattr(d, key))
    if title and title.strip():
        # A title the user gives is anonymised like the draft (顺达物流欠薪案 -> 某物流公司欠薪案).
        values["title"] = anonymiser_for(case)(required("typical.title", title, field="title"))
    values["title"] = repair_text("typical.title", values["title"])
    record_id = new_id()
    with writing(backend, "case.record", "typical_add", "typical_case", record_id, {"case_id": case.id}) as conn:
        _check_leaks(conn, case.id, values)
        return programme_repo.add(conn, "typical_case", record_id, values)


def edit(backend: Backend, typical_id: str, **changes: str | None) -> None:
    values = {}
    for key, value in changes.items():
        if value is None:
            continue
        if key not in FIELDS:
            raise UserError("E_ARGUMENT", f"典型案例没有“{key}”这一项")
        values[key] = required("typical.title" if key == "title" else "typical.section", value, field=key)
    with writing(backend, "case.record", "typical_edit", "typical_case", typical_id, {"fields": sorted(values)}) as conn:
        row = load(conn, "typical_case", typical_id, "典型案例")
        owned_here(backend, row, "典型案例")
        _check_leaks(conn, row["source_case_id"], values)
        if values:
            programme_repo.change(conn, "typical_case", row["id"], values)


def promote(backend: Backend, typical_id: str) -> dict:
    """(District) mark a room's typical case 推广: a copy goes down to every room."""
    if backend.node.role != "supervisor":
        raise UserError("E_TYPICAL_PROMOTE_ROLE", "只有区人社监管可以把典型案例标为推广")
    record_id = new_id()
    with writing(backend, "remark.write", "typical_promote", "typical_library", record_id,
                 {"typical_id": typical_id}) as conn:
        row = load(conn, "typical_case", typical_id, "典型案例")
        if any(r["typical_id"] == row["id"] for r in programme_repo.all_rows(conn, "typical_library")):
            raise UserError("E_TYPICAL_PROMOTED", "这篇典型案例已经标为推广")
        org_code = with_org(conn, [dict(row)])[0]["org_code"] or "—"
        values = {"typical_id": row["id"], "org_code": org_code, "promoted_on": clock_today(),
                  "dispute_types": row["dispute_types"], **{k: row[k] for k in FIELDS}}
        return programme_repo.add(conn, "typical_library", record_id, values)


def _summary(r: dict, kind: str, promoted: set[str]) -> dict:
    return {"id": r["id"], "kind": kind, "org_code": r["org_code"], "title": r["title"],
            "dispute_types": [t for t in r["dispute_types"].split(",") if t],
            "promoted": kind == "library" or r["id"] in promoted,
            "created_on": str(r["created_at"])[:10]}


def list_cases(backend: Backend, search: str | None = None) -> list[dict]:
    """This room's write-ups (the district: every room's) and the promoted library, newest first;
    ``search`` looks through titles and text."""
    with backend.db.read() as conn:
        own = with_org(conn, programme_repo.all_rows(conn, "typical_case", origin=visible_origin(backend),
                                                     order="created_at", descending=True))
        library = programme_repo.all_rows(conn, "typical_library", order="promoted_on", descending=True)
    promoted = {r["typical_id"] for r in library}
    shown_library = [r for r in library if backend.node.role == "supervisor" or r["typical_id"] not in
                     {o["id"] for o in own}]
    rows = [(r, "own") for r in own] + [(r, "library") for r in shown_library]
    if search and search.strip():
        needle = search.strip()
        rows = [(r, k) for r, k in rows if any(needle in (r[f] or "") for f in FIELDS)]
    return [_summary(r, k, promoted) for r, k in rows]


def get(backend: Backend, typical_id: str) -> dict:
    with backend.db.read() as conn:
        for entity in ("typical_case", "typical_library"):
            row = programme_repo.get(conn, entity, (typical_id or "").strip())
            if row is not None:
                return {**with_org(conn, [row])[0], "kind": "own" if entity == "typical_case" else "library"}
    raise NotFoundError("E_NOT_FOUND", f"找不到典型案例“{str(typical_id)[:40]}”")


def export(backend: Backend, typical_id: str, out: str | Path) -> Path:
    from mediation_desktop.documents.programme_docs import write_typical_case
    from mediation_desktop.services.output_files import check_output_file

    row = get(backend, typical_id)
    path = check_output_file(out)
    written = write_typical_case(path, row)
    with writing(backend, "document.generate", "typical_export", "typical_case", row["id"], {"file": path.name}):
        pass
    return written

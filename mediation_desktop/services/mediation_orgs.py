"""The district's register of mediation organisations (调解组织建设): every enrolled room, plus
organisations added by hand that do not use the program yet."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.programme import ORG_TYPES, check_org_type, parse_count
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.programme_common import day, optional, required, writing
from mediation_desktop.storage import programme_repo, sync_repo


def add_org(backend: Backend, name: str, org_type: str, *, address: str | None = None, head: str | None = None,
            mediators: str | int | None = None, set_up_on: str | date | None = None,
            org_code: str | None = None) -> dict:
    if backend.node.role != "supervisor":
        raise UserError("E_ROLE", "调解组织名册由区人社监管维护")
    values = {"name": required("mediation_org.name", name, field="name"), "org_type": check_org_type(org_type),
              "address": optional("mediation_org.address", address, field="address"),
              "head": optional("mediation_org.head", head, field="head"),
              "mediators_count": parse_count(mediators, field="mediators", what="调解员人数", high=10_000),
              "set_up_on": day(set_up_on, field="set_up_on", what="成立日期", required_=False),
              "org_code": optional("org.code", org_code, field="org_code")}
    record_id = new_id()
    with writing(backend, "remark.write", "mediation_org_add", "mediation_org", record_id, {"name": values["name"]}) as conn:
        return programme_repo.add(conn, "mediation_org", record_id, values)


def list_orgs(backend: Backend) -> list[dict]:
    """Registered by hand, and every enrolled room not registered by hand under its code (with the
    number of mediators in its register)."""
    with backend.db.read() as conn:
        by_hand = programme_repo.all_rows(conn, "mediation_org", order="name")
        rooms = [p for p in sync_repo.list_peers(conn) if p.role == "room"]
        mediators = programme_repo.all_rows(conn, "mediator")
    per_node: dict[str, int] = {}
    for m in mediators:
        if m["active"]:
            per_node[m["origin_node"]] = per_node.get(m["origin_node"], 0) + 1
    out = [{"id": r["id"], "name": r["name"], "org_type": r["org_type"], "org_type_label": ORG_TYPES[r["org_type"]],
            "address": r["address"], "head": r["head"], "mediators": r["mediators_count"],
            "set_up_on": r["set_up_on"].isoformat() if r["set_up_on"] else None, "org_code": r["org_code"],
            "source": "manual"} for r in by_hand]
    codes = {r["org_code"] for r in by_hand if r["org_code"]}
    for p in rooms:
        if p.org_code in codes:
            continue
        out.append({"id": None, "name": p.org_name, "org_type": "centre", "org_type_label": ORG_TYPES["centre"],
                    "address": None, "head": None, "mediators": per_node.get(p.node_id, 0), "set_up_on": None,
                    "org_code": p.org_code, "source": "enrolled"})
    return out

"""This installation's identity and organisations."""

from __future__ import annotations

from sqlalchemy import Connection, select

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.model import DEFAULT_CASE_NO_PATTERN, Organisation
from mediation_desktop.storage.engine import Database
from mediation_desktop.storage.schema import node_state, organisations


def is_initialised(db: Database) -> bool:
    try:
        with db.read() as conn:
            return conn.execute(select(node_state.c.node_id)).first() is not None
    except Exception:  # noqa: BLE001 - no schema yet, or not a database of ours
        return False


def create_node(conn: Connection, node_id: str, org: Organisation) -> None:
    save_organisation(conn, org, node_id)
    conn.execute(node_state.insert().values(node_id=node_id, org_id=org.id, role=org.role, last_seq=0,
                                            created_at=now_iso()))


def save_organisation(conn: Connection, org: Organisation, origin_node: str) -> None:
    values = dict(name=org.name, code=org.code, role=org.role, district_code=org.district_code,
                  address=org.address, phone=org.phone, arbitration_name=org.arbitration_name,
                  arbitration_address=org.arbitration_address, case_no_pattern=org.case_no_pattern)
    exists = conn.execute(select(organisations.c.id).where(organisations.c.id == org.id)).first()
    if exists:
        conn.execute(organisations.update().where(organisations.c.id == org.id).values(**values))
    else:
        conn.execute(organisations.insert().values(id=org.id, origin_node=origin_node, **values))


def load_organisation(conn: Connection, org_id: str) -> Organisation:
    r = conn.execute(select(organisations).where(organisations.c.id == org_id)).one()
    return Organisation(id=r.id, name=r.name, code=r.code, role=r.role, district_code=r.district_code,
                        address=r.address, phone=r.phone, arbitration_name=r.arbitration_name,
                        arbitration_address=r.arbitration_address,
                        case_no_pattern=r.case_no_pattern or DEFAULT_CASE_NO_PATTERN)

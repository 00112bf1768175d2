"""SQL for templates a district package offers (table ``template_offers``, migration 0005).

A package never installs a template: the import stores it here as *offered*, and the organisation
head accepts or declines it (services/template_offers.py). One pending offer per file name: a newer
package's template replaces the older pending one; a template already decided (same content) is not
offered again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.model import new_id
from mediation_desktop.storage.schema import peers, template_offers

OFFERED = "offered"
ACCEPTED = "accepted"
DECLINED = "declined"
STATUSES = (OFFERED, ACCEPTED, DECLINED)


@dataclass(frozen=True)
class TemplateOffer:
    id: str
    name: str
    sha256: str
    size: int
    from_node: str
    from_org: str | None     # the sender's organisation name, when it is an enrolled peer
    package_id: str
    received_at: str
    status: str
    decided_by: str | None
    decided_at: str | None


_COLUMNS = (template_offers.c.id, template_offers.c.name, template_offers.c.sha256,
            func.length(template_offers.c.content).label("size"), template_offers.c.from_node,
            peers.c.org_name.label("from_org"), template_offers.c.package_id, template_offers.c.received_at,
            template_offers.c.status, template_offers.c.decided_by, template_offers.c.decided_at)


def _select():
    return select(*_COLUMNS).select_from(
        template_offers.outerjoin(peers, peers.c.node_id == template_offers.c.from_node))


def store_offer(conn: Connection, *, name: str, sha256: str, content: bytes, from_node: str,
                package_id: str) -> str | None:
    """Record a template a package carries; returns the offer's id, or None when nothing is new."""
    known = conn.execute(select(template_offers.c.id, template_offers.c.status).where(
        template_offers.c.name == name, template_offers.c.sha256 == sha256)).first()
    if known is not None:
        return None  # offered already, or decided: a re-sent template does not ask again
    values = dict(sha256=sha256, content=content, from_node=from_node, package_id=package_id,
                  received_at=now_iso(), status=OFFERED, decided_by=None, decided_at=None)
    pending = conn.execute(select(template_offers.c.id).where(
        template_offers.c.name == name, template_offers.c.status == OFFERED)).scalar()
    if pending is not None:
        conn.execute(update(template_offers).where(template_offers.c.id == pending).values(**values))
        return pending
    offer_id = new_id()
    conn.execute(template_offers.insert().values(id=offer_id, name=name, **values))
    return offer_id


def list_offers(conn: Connection, status: str | None = None) -> list[TemplateOffer]:
    """Newest first."""
    query = _select().order_by(template_offers.c.received_at.desc(), template_offers.c.name)
    if status is not None:
        query = query.where(template_offers.c.status == status)
    return [TemplateOffer(**row._mapping) for row in conn.execute(query)]


def pending_offer(conn: Connection, name: str) -> TemplateOffer | None:
    row = conn.execute(_select().where(template_offers.c.name == name,
                                       template_offers.c.status == OFFERED)).first()
    return TemplateOffer(**row._mapping) if row is not None else None


def offer_content(conn: Connection, offer_id: str) -> bytes:
    return conn.execute(select(template_offers.c.content).where(template_offers.c.id == offer_id)).scalar_one()


def decide(conn: Connection, offer_id: str, status: str, user: str) -> bool:
    """Mark a pending offer accepted or declined; False when it was no longer pending."""
    if status not in (ACCEPTED, DECLINED):
        raise ValueError(status)
    done = conn.execute(update(template_offers).where(
        template_offers.c.id == offer_id, template_offers.c.status == OFFERED,
    ).values(status=status, decided_by=user, decided_at=now_iso()))
    return done.rowcount == 1

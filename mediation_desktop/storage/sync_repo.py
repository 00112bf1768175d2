"""SQL for sync: enrolled peers, high-water marks, imported and held packages, acknowledgements,
conflicts, and reading and replacing whole case aggregates by id in bulk."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.model import OPEN_STATUSES
from mediation_desktop.storage.pg_copy import copy_rows
from mediation_desktop.storage.schema import (
    attachments,
    audit_anchors,
    audit_log,
    cases,
    changes,
    documents,
    key_enterprises,
    node_state,
    notices,
    organisations,
    peers,
    remarks,
    settings,
    sync_acks,
    sync_conflicts,
    sync_origins,
    sync_packages,
    tombstones,
)

CHUNK = 500
_MARKER_NS = uuid.UUID("6f1c2d0e-5b8a-4c57-9a51-3e7d2f0b9c11")


def chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# -- peers -----------------------------------------------------------------------------------------

def get_peer(conn: Connection, node_id: str):  # a Row or None
    return conn.execute(select(peers).where(peers.c.node_id == node_id)).first()


def list_peers(conn: Connection) -> list:
    return list(conn.execute(select(peers).order_by(peers.c.role.desc(), peers.c.org_code)))


def save_peer(conn: Connection, *, node_id: str, org_name: str, org_code: str, role: str, card: str,
              fingerprint: str) -> bool:
    """Enrol (or re-enrol with a new card). Returns True when the node was not known before."""
    values = dict(org_name=org_name, org_code=org_code, role=role, card=card, fingerprint=fingerprint,
                  status="trusted", enrolled_at=now_iso(), revoked_at=None)
    if get_peer(conn, node_id) is None:
        conn.execute(insert(peers).values(node_id=node_id, **values))
        return True
    conn.execute(update(peers).where(peers.c.node_id == node_id).values(**values))
    return False


def revoke_peer(conn: Connection, node_id: str) -> None:
    conn.execute(update(peers).where(peers.c.node_id == node_id).values(status="revoked", revoked_at=now_iso()))


def set_peer_org(conn: Connection, node_id: str, org_id: str) -> None:
    conn.execute(update(peers).where(peers.c.node_id == node_id).values(org_id=org_id))


# -- our own outbox --------------------------------------------------------------------------------

def last_seq(conn: Connection) -> int:
    return conn.execute(select(node_state.c.last_seq)).scalar_one()


def marker_id(node_id: str, seq: int) -> str:
    """The id of an export marker: fixed by (node, seq), so a repeated export of the same range
    lists the same change."""
    return str(uuid.uuid5(_MARKER_NS, f"{node_id}:{seq}"))


def add_export_marker(conn: Connection, node_id: str) -> int:
    """Append the marker change every package ends with (so no package is empty); returns its seq."""
    seq = last_seq(conn) + 1
    conn.execute(insert(changes).values(origin_node=node_id, origin_seq=seq, entity="package",
                                        entity_id=marker_id(node_id, seq), op="export", at=now_iso()))
    conn.execute(update(node_state).values(last_seq=seq))
    return seq


def outbox_range(conn: Connection, node_id: str, first: int, last: int) -> list:
    return list(conn.execute(
        select(changes.c.origin_seq, changes.c.entity, changes.c.entity_id, changes.c.op)
        .where(changes.c.origin_node == node_id, changes.c.origin_seq.between(first, last))
        .order_by(changes.c.origin_seq)))


def attachment_case_ids(conn: Connection, attachment_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(list(attachment_ids)):
        found.update(conn.execute(select(attachments.c.case_id).where(attachments.c.id.in_(part))).scalars())
    return found


def owned_case_ids(conn: Connection, origin_node: str) -> list[str]:
    return list(conn.execute(select(cases.c.id).where(cases.c.origin_node == origin_node).order_by(cases.c.num)).scalars())


def case_meta(conn: Connection, case_ids: Sequence[str]) -> dict[str, tuple[str, int, str | None]]:
    """id → (origin_node, version, created_by) for the ids that exist."""
    out: dict[str, tuple[str, int, str | None]] = {}
    for part in chunks(list(case_ids)):
        for r in conn.execute(select(cases.c.id, cases.c.origin_node, cases.c.version, cases.c.created_by)
                              .where(cases.c.id.in_(part))):
            out[r.id] = (r.origin_node, r.version, r.created_by)
    return out


def case_numbers_taken(conn: Connection, org_id: str, numbers: Sequence[str]) -> dict[str, str]:
    """case_no → id of the cases of ``org_id`` already holding one of these numbers."""
    out: dict[str, str] = {}
    for part in chunks(list(numbers)):
        for r in conn.execute(select(cases.c.case_no, cases.c.id)
                              .where(cases.c.org_id == org_id, cases.c.case_no.in_(part))):
            out[r.case_no] = r.id
    return out


def documents_of(conn: Connection, case_ids: Sequence[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for part in chunks(list(case_ids)):
        for r in conn.execute(select(documents).where(documents.c.case_id.in_(part))
                              .order_by(documents.c.kind, documents.c.version)):
            out[r.case_id].append({"id": r.id, "kind": r.kind, "version": r.version, "file_name": r.file_name,
                                   "sha256": r.sha256, "template_source": r.template_source,
                                   "generated_by": r.generated_by, "generated_at": r.generated_at})
    return out


def attachments_of(conn: Connection, case_ids: Sequence[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for part in chunks(list(case_ids)):
        for r in conn.execute(select(attachments).where(attachments.c.case_id.in_(part))
                              .order_by(attachments.c.added_at, attachments.c.id)):
            out[r.case_id].append({"id": r.id, "document_id": r.document_id, "sha256": r.sha256,
                                   "file_name": r.file_name, "size": r.size, "description": r.description,
                                   "added_by": r.added_by, "added_at": r.added_at})
    return out


def audit_after(conn: Connection, after_id: int) -> list[dict]:
    """Our audit entries after ``after_id``, in order (the chain continues from the one before)."""
    rows = conn.execute(select(audit_log).where(audit_log.c.id > after_id).order_by(audit_log.c.id))
    return [{"id": r.id, "at": r.at, "user": r.user, "action": r.action, "entity": r.entity,
             "entity_id": r.entity_id, "detail": r.detail, "prev_hash": r.prev_hash, "hash": r.hash} for r in rows]


def tombstones_of(conn: Connection, entity_ids: Sequence[str]) -> list[dict]:
    out = []
    for part in chunks(list(entity_ids)):
        for r in conn.execute(select(tombstones).where(tombstones.c.entity_id.in_(part))):
            out.append({"entity": r.entity, "id": r.entity_id, "deleted_at": r.deleted_at,
                        "deleted_by": r.deleted_by, "origin_node": r.origin_node})
    return out


def tombstoned(conn: Connection, entity: str, ids: Sequence[str], origin: str | None = None) -> set[str]:
    """The ids among ``ids`` deleted (by ``origin`` only, when given: a deletion counts only from the
    node that owns the record)."""
    found: set[str] = set()
    for part in chunks(list(ids)):
        query = select(tombstones.c.entity_id).where(tombstones.c.entity == entity, tombstones.c.entity_id.in_(part))
        if origin is not None:
            query = query.where(tombstones.c.origin_node == origin)
        found.update(conn.execute(query).scalars())
    return found


# -- what we hold of other origins -----------------------------------------------------------------

def origin_state(conn: Connection, origin: str):  # a Row or None
    return conn.execute(select(sync_origins).where(sync_origins.c.origin_node == origin)).first()


def set_origin(conn: Connection, origin: str, high_water: int, package_id: str | None) -> None:
    stamp = now_iso()
    values = dict(high_water=high_water, last_package_id=package_id, last_package_at=stamp, last_seen=stamp)
    if origin_state(conn, origin) is None:
        conn.execute(insert(sync_origins).values(origin_node=origin, **values))
    else:
        conn.execute(update(sync_origins).where(sync_origins.c.origin_node == origin).values(**values))


def touch_origin(conn: Connection, origin: str) -> None:
    if origin_state(conn, origin) is None:
        conn.execute(insert(sync_origins).values(origin_node=origin, high_water=0, last_seen=now_iso()))
    else:
        conn.execute(update(sync_origins).where(sync_origins.c.origin_node == origin).values(last_seen=now_iso()))


def applied_changes(conn: Connection, origin: str, first: int, last: int) -> dict[int, tuple[str, str, str]]:
    """seq → (entity, entity_id, op) of the changes of ``origin`` we applied in [first, last]."""
    return {r.origin_seq: (r.entity, r.entity_id, r.op) for r in conn.execute(
        select(changes.c.origin_seq, changes.c.entity, changes.c.entity_id, changes.c.op)
        .where(changes.c.origin_node == origin, changes.c.origin_seq.between(first, last)))}


def add_applied_changes(conn: Connection, origin: str, rows: list[dict]) -> None:
    """Remember another origin's changes (their identity only) so a later package claiming the same
    sequence numbers with other content is recognised as a cloned installation."""
    stamp = now_iso()
    for part in chunks(rows, 5000):
        values = [{"origin_node": origin, "origin_seq": r["seq"], "entity": r["entity"], "entity_id": r["id"],
                   "op": r["op"], "at": stamp} for r in part]
        if conn.dialect.name == "postgresql":
            copy_rows(conn, changes, values)
        else:
            conn.execute(insert(changes), values)


def find_package(conn: Connection, package_id: str):
    return conn.execute(select(sync_packages).where(sync_packages.c.package_id == package_id)).first()


def record_package(conn: Connection, *, package_id: str, origin: str, seq: tuple[int, int], kind: str,
                   sha256: str, state: str, file_path: str | None = None) -> None:
    if find_package(conn, package_id) is None:
        conn.execute(insert(sync_packages).values(
            package_id=package_id, origin_node=origin, seq_from=seq[0], seq_to=seq[1], kind=kind, sha256=sha256,
            state=state, file_path=file_path, received_at=now_iso()))
    else:
        conn.execute(update(sync_packages).where(sync_packages.c.package_id == package_id)
                     .values(state=state, file_path=file_path))


def held_packages(conn: Connection, origin: str | None = None) -> list:
    query = select(sync_packages).where(sync_packages.c.state == "held")
    if origin is not None:
        query = query.where(sync_packages.c.origin_node == origin)
    return list(conn.execute(query.order_by(sync_packages.c.seq_from)))


def packages_of(conn: Connection, origin: str) -> list:
    return list(conn.execute(select(sync_packages).where(sync_packages.c.origin_node == origin)
                             .order_by(sync_packages.c.seq_to)))


def settings_with_prefix(conn: Connection, prefix: str) -> dict[str, str]:
    return {r.key: r.value for r in conn.execute(select(settings).where(settings.c.key.startswith(prefix, autoescape=True)))}


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()


def set_setting(conn: Connection, key: str, value: str) -> None:
    if get_setting(conn, key) is None:
        conn.execute(insert(settings).values(key=key, value=value))
    else:
        conn.execute(update(settings).where(settings.c.key == key).values(value=value))


# -- acknowledgements ------------------------------------------------------------------------------

def ack_state(conn: Connection, peer: str) -> tuple[int, int]:
    """(acked_seq, exported_seq) of our own changes for ``peer``."""
    r = conn.execute(select(sync_acks).where(sync_acks.c.peer_node == peer)).first()
    return (r.acked_seq, r.exported_seq) if r else (0, 0)


def set_ack_state(conn: Connection, peer: str, acked: int, exported: int) -> None:
    values = dict(acked_seq=acked, exported_seq=exported, updated_at=now_iso())
    if conn.execute(select(sync_acks.c.peer_node).where(sync_acks.c.peer_node == peer)).first() is None:
        conn.execute(insert(sync_acks).values(peer_node=peer, **values))
    else:
        conn.execute(update(sync_acks).where(sync_acks.c.peer_node == peer).values(**values))


# -- conflicts -------------------------------------------------------------------------------------

def add_conflict(conn: Connection, *, entity: str, entity_id: str, origin: str, package_id: str,
                 local_version: int | None, incoming: str) -> None:
    conn.execute(insert(sync_conflicts).values(
        id=str(uuid.uuid4()), entity=entity, entity_id=entity_id, origin_node=origin, package_id=package_id,
        local_version=local_version, incoming=incoming, detected_at=now_iso()))


def open_conflicts(conn: Connection) -> list:
    return list(conn.execute(select(sync_conflicts).where(sync_conflicts.c.resolved_at.is_(None))
                             .order_by(sync_conflicts.c.detected_at)))


def resolve_conflict(conn: Connection, conflict_id: str, resolution: str) -> bool:
    """Mark an open conflict resolved; False when there is no such open conflict."""
    done = conn.execute(update(sync_conflicts)
                        .where(sync_conflicts.c.id == conflict_id, sync_conflicts.c.resolved_at.is_(None))
                        .values(resolved_at=now_iso(), resolution=resolution))
    return done.rowcount == 1


# -- applying case aggregates ----------------------------------------------------------------------

def replace_cases(conn: Connection, new_rows: list[dict], changed_rows: list[dict], children: dict[str, list[dict]],
                  docs: list[dict], atts: list[dict]) -> None:
    """Insert new aggregates and replace changed ones (children, documents, attachments) in bulk."""
    from mediation_desktop.storage.cases_repo import delete_children, insert_cases

    changed_ids = [r["id"] for r in changed_rows]
    for part in chunks(changed_ids):
        conn.execute(delete(attachments).where(attachments.c.case_id.in_(part)))
        conn.execute(delete(documents).where(documents.c.case_id.in_(part)))
        delete_children(conn, list(part))
    for row in changed_rows:
        conn.execute(update(cases).where(cases.c.id == row["id"]).values(**row))
    insert_cases(conn, new_rows, children)
    if docs:
        conn.execute(insert(documents), docs)
    if atts:
        conn.execute(insert(attachments), atts)


def delete_cases(conn: Connection, case_ids: Sequence[str]) -> None:
    for part in chunks(list(case_ids)):
        conn.execute(delete(attachments).where(attachments.c.case_id.in_(part)))
        conn.execute(delete(documents).where(documents.c.case_id.in_(part)))
        from mediation_desktop.storage.cases_repo import delete_children

        delete_children(conn, list(part))
        conn.execute(delete(cases).where(cases.c.id.in_(part)))


def add_tombstones(conn: Connection, rows: list[dict]) -> None:
    for r in rows:
        conn.execute(delete(tombstones).where(and_(tombstones.c.entity == r["entity"],
                                                   tombstones.c.entity_id == r["id"])))
        conn.execute(insert(tombstones).values(entity=r["entity"], entity_id=r["id"], deleted_at=r["deleted_at"],
                                               deleted_by=r["deleted_by"], origin_node=r["origin_node"]))


# -- organisations and reference data --------------------------------------------------------------

def organisation_row(conn: Connection, org_id: str):
    return conn.execute(select(organisations).where(organisations.c.id == org_id)).first()


def upsert_organisation(conn: Connection, org: dict, origin_node: str) -> None:
    values = {k: v for k, v in org.items() if k != "id"}
    if organisation_row(conn, org["id"]) is None:
        conn.execute(insert(organisations).values(id=org["id"], origin_node=origin_node, **values))
    else:
        conn.execute(update(organisations).where(organisations.c.id == org["id"]).values(**values))


def organisations_by_node(conn: Connection) -> dict[str, dict]:
    return {r.origin_node: dict(r._mapping) for r in conn.execute(select(organisations))}


def remarks_rows(conn: Connection, ids: Sequence[str]) -> dict[str, dict]:
    out = {}
    for part in chunks(list(ids)):
        for r in conn.execute(select(remarks).where(remarks.c.id.in_(part))):
            out[r.id] = dict(r._mapping)
    return out


def upsert_remark(conn: Connection, row: dict) -> None:
    if conn.execute(select(remarks.c.id).where(remarks.c.id == row["id"])).first() is None:
        conn.execute(insert(remarks).values(**row))
    else:
        conn.execute(update(remarks).where(remarks.c.id == row["id"]).values(**row))


def open_corrections(conn: Connection, case_ids: Sequence[str]) -> dict[str, list[dict]]:
    """Correction requests on these cases that the room has not answered yet."""
    from mediation_desktop.storage.schema import remark_answers

    answered = select(remark_answers.c.id).where(remark_answers.c.remark_id == remarks.c.id).exists()
    out: dict[str, list[dict]] = defaultdict(list)
    for part in chunks(list(case_ids)):
        for r in conn.execute(select(remarks).where(remarks.c.case_id.in_(part), remarks.c.kind == "correction",
                                                    remarks.c.answered_at.is_(None), ~answered)):
            out[r.case_id].append(dict(r._mapping))
    return out


def notice_rows(conn: Connection, ids: Sequence[str]) -> dict[str, dict]:
    out = {}
    for part in chunks(list(ids)):
        for r in conn.execute(select(notices).where(notices.c.id.in_(part))):
            out[r.id] = dict(r._mapping)
    return out


def upsert_notice(conn: Connection, row: dict) -> None:
    if conn.execute(select(notices.c.id).where(notices.c.id == row["id"])).first() is None:
        conn.execute(insert(notices).values(**row))
    else:
        conn.execute(update(notices).where(notices.c.id == row["id"]).values(
            **{k: v for k, v in row.items() if k != "read_at"}))


def key_enterprise_rows(conn: Connection, origin_node: str | None = None) -> list[dict]:
    query = select(key_enterprises).order_by(key_enterprises.c.uscc)
    if origin_node is not None:
        query = query.where(key_enterprises.c.origin_node == origin_node)
    return [dict(r._mapping) for r in conn.execute(query)]


def replace_key_enterprises(conn: Connection, origin_node: str, rows: list[dict]) -> None:
    conn.execute(delete(key_enterprises).where(key_enterprises.c.origin_node == origin_node))
    if rows:
        conn.execute(insert(key_enterprises), [{**r, "origin_node": origin_node} for r in rows])


# -- the supervisor's consolidated view --------------------------------------------------------------

def case_counts_by_origin(conn: Connection) -> dict[str, int]:
    return {r.origin_node: r.n for r in conn.execute(
        select(cases.c.origin_node, func.count().label("n")).group_by(cases.c.origin_node))}


def open_case_counts_by_origin(conn: Connection) -> dict[str, int]:
    return {r.origin_node: r.n for r in conn.execute(
        select(cases.c.origin_node, func.count().label("n")).where(cases.c.status.in_(OPEN_STATUSES))
        .group_by(cases.c.origin_node))}


def conflict_counts_by_origin(conn: Connection) -> dict[str, int]:
    return {r.origin_node: r.n for r in conn.execute(
        select(sync_conflicts.c.origin_node, func.count().label("n")).where(sync_conflicts.c.resolved_at.is_(None))
        .group_by(sync_conflicts.c.origin_node))}


def remarks_for_room(conn: Connection, remark_ids: Sequence[str] | None, room_node: str) -> list[dict]:
    """Remarks (all, or those among ``remark_ids``) about cases owned by ``room_node``."""
    query = select(remarks).join(cases, cases.c.id == remarks.c.case_id).where(cases.c.origin_node == room_node)
    if remark_ids is None:
        return [dict(r._mapping) for r in conn.execute(query.order_by(remarks.c.created_at))]
    out: list[dict] = []
    for part in chunks(list(remark_ids)):
        out.extend(dict(r._mapping) for r in conn.execute(query.where(remarks.c.id.in_(part))))
    return out


def notices_of(conn: Connection, origin_node: str) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(notices).where(notices.c.origin_node == origin_node)
                                                    .order_by(notices.c.created_at))]


def remarks_rows_for_case(conn: Connection, case_id: str) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(remarks).where(remarks.c.case_id == case_id)
                                                    .order_by(remarks.c.created_at))]


def all_notices(conn: Connection) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(notices).order_by(notices.c.created_at.desc()))]


# -- audit chain anchors ---------------------------------------------------------------------------

def audit_anchor(conn: Connection, room_node: str):
    return conn.execute(select(audit_anchors).where(audit_anchors.c.room_node == room_node)).first()


def all_audit_anchors(conn: Connection) -> list:
    return list(conn.execute(select(audit_anchors).order_by(audit_anchors.c.room_node)))


def set_audit_anchor(conn: Connection, room_node: str, last_seq: int, last_hash: str, package_id: str | None) -> None:
    """Move the stored head forward (a broken mark stays until entries prove the head again)."""
    values = dict(last_seq=last_seq, last_hash=last_hash, package_id=package_id, received_at=now_iso())
    if audit_anchor(conn, room_node) is None:
        conn.execute(insert(audit_anchors).values(room_node=room_node, **values))
    else:
        conn.execute(update(audit_anchors).where(audit_anchors.c.room_node == room_node).values(**values))


def mark_audit_anchor_broken(conn: Connection, room_node: str, reason: str) -> None:
    conn.execute(update(audit_anchors).where(audit_anchors.c.room_node == room_node)
                 .values(broken_at=now_iso(), broken_reason=reason))


def clear_audit_anchor_broken(conn: Connection, room_node: str) -> None:
    conn.execute(update(audit_anchors).where(audit_anchors.c.room_node == room_node)
                 .values(broken_at=None, broken_reason=None))

"""Applying a checked package's records inside the importer's transaction.

Ownership decides (ownership.py): a node's records are changed or deleted only by packages from that
node, and a record of a kind the sender's enrolled role does not make refuses the whole package
(``E_SYNC_OWNER``). An incoming case that went backwards in version with other content, or whose
number another case of the same organisation already holds, is stored as a conflict row and left
unapplied; an owner's update to a case the supervisor has an open correction request on is applied
and flagged as a conflict for review. Nothing is resolved silently by clock time.

Everything a package carries (records, tombstones, acknowledgements, the audit chain's head, holiday
tables with the deadlines they move, the key-enterprise list) is written here, inside the importer's
one transaction. The post-commit actions only mirror committed data into files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from mediation_desktop.core.calendar import WorkCalendar
from mediation_desktop.core.deadlines import compute_deadlines
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, cases_repo, sync_repo
from mediation_desktop.sync import audit_anchor, programme_records
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.ownership import check_owner
from mediation_desktop.sync.parse import Parsed


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.conflicts += other.conflicts
        self.notes.extend(other.notes)


PostCommit = Callable[[], None]


def _conflict(conn: Connection, p: Parsed, r: dict, reason: str, local_version: int | None, counts: Counts) -> None:
    incoming = json.dumps({"reason": reason, "record": rec.wire_data(r)}, ensure_ascii=False, sort_keys=True)
    sync_repo.add_conflict(conn, entity=r["entity"], entity_id=r["id"], origin=p.sender,
                           package_id=p.header.package_id, local_version=local_version, incoming=incoming)
    counts.conflicts += 1


def apply_package(backend: Backend, conn: Connection, p: Parsed, *, dry_run: bool,
                  calendar: WorkCalendar | None = None) -> tuple[Counts, list[PostCommit], WorkCalendar]:
    """Apply ``p`` in ``conn``'s transaction. ``calendar`` carries the holiday tables an earlier
    package of the same transaction installed (the back end's own calendar is reloaded only after
    the commit); the calendar with this package's tables is returned for the next one."""
    counts = Counts()
    post: list[PostCommit] = []
    _organisation(conn, p)
    calendar = _holiday_tables(backend, conn, p, post, calendar or backend.calendar)
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for r in p.records:
        by_entity[r["entity"]].append(r)
    _cases(conn, p, by_entity["case"], counts, calendar)
    _simple(conn, p, "remark", by_entity["remark"], sync_repo.remarks_rows, sync_repo.upsert_remark, counts)
    _simple(conn, p, "notice", by_entity["notice"], sync_repo.notice_rows, sync_repo.upsert_notice, counts)
    programme_records.apply(conn, p.sender, p.header.package_id, p.records, counts)
    programme_records.apply_tombstones(conn, p.sender, p.tombstones, counts)
    _tombstones(conn, p, counts)
    _acks(conn, p)
    _audit_chain(backend, conn, p)
    if p.reference is not None:
        sync_repo.replace_key_enterprises(conn, p.sender, p.reference["key_enterprises"])
        _template_offers(backend, conn, p)
    if not dry_run:
        _store_blobs(backend, p)
    return counts, post, calendar


def _organisation(conn: Connection, p: Parsed) -> None:
    org = p.organisation
    existing = sync_repo.organisation_row(conn, org["id"])
    peer = sync_repo.get_peer(conn, p.sender)
    if (existing is not None and existing.origin_node != p.sender) or (peer.org_id and peer.org_id != org["id"]):
        raise UserError("E_SYNC_CLONED", "包内的机构记录与本机已有的不一致：发送方可能是复制出来的安装，"
                                         "或重复使用了节点编号。已拒绝；请对方重新生成密钥并重新登记。")
    sync_repo.upsert_organisation(conn, org, p.sender)
    if peer.org_id is None:
        sync_repo.set_peer_org(conn, p.sender, org["id"])


def _stored_case_data(conn: Connection, ids: list[str]) -> dict[str, dict]:
    meta = sync_repo.case_meta(conn, ids)
    docs = sync_repo.documents_of(conn, ids)
    atts = sync_repo.attachments_of(conn, ids)
    return {c.id: rec.case_data(c, docs.get(c.id, []), atts.get(c.id, []), meta[c.id][2])
            for c in cases_repo.load_cases(conn, ids)}


def _holiday_tables(backend: Backend, conn: Connection, p: Parsed, post: list[PostCommit],
                    calendar: WorkCalendar) -> WorkCalendar:
    """Store the district's holiday tables and move the deadlines they touch, in this transaction;
    returns the calendar the package's own cases are computed with."""
    from mediation_desktop.services.calendar_service import install_tables, refresh_holiday_files

    if p.reference is None or not p.reference["holidays"]:
        return calendar
    installed = install_tables(conn, backend, p.reference["holidays"], source=p.header.package_id,
                               calendar=calendar)
    if installed.changed:
        post.append(lambda: refresh_holiday_files(backend))
    return installed.calendar


def _cases(conn: Connection, p: Parsed, incoming: list[dict], counts: Counts, calendar: WorkCalendar) -> None:
    if not incoming:
        return
    ids = [r["id"] for r in incoming]
    meta = sync_repo.case_meta(conn, ids)
    for r in incoming:
        if r["id"] in meta:
            check_owner("case", r["id"], meta[r["id"]][0], p.sender)
    dead = sync_repo.tombstoned(conn, "case", ids, origin=p.sender)
    new = [r for r in incoming if r["id"] not in meta]
    taken = sync_repo.case_numbers_taken(conn, p.organisation["id"], [r["data"]["case_no"] for r in new])
    existing_ids = [r["id"] for r in incoming if r["id"] in meta]
    stored: dict[str, dict] = {}
    for part in sync_repo.chunks(existing_ids):
        stored.update(_stored_case_data(conn, list(part)))
    corrections = sync_repo.open_corrections(conn, existing_ids)
    new_rows: list[dict] = []
    changed_rows: list[dict] = []
    docs: list[dict] = []
    atts: list[dict] = []
    children: dict[str, list[dict]] = defaultdict(list)

    def stage(r: dict, target: list) -> None:
        case = rec.case_from_data(r["id"], r["origin_node"], r["version"], r["data"])
        row = cases_repo.case_row(case, compute_deadlines(case, calendar), r["origin_node"], r["data"]["created_by"])
        row.update(version=r["version"], created_at=r["data"]["created_at"], updated_at=r["data"]["updated_at"])
        target.append(row)
        for name, kid_rows in cases_repo.child_rows(case).items():
            children[name].extend(kid_rows)
        docs.extend({**d, "case_id": case.id} for d in r["data"]["documents"])
        atts.extend({**a, "case_id": case.id} for a in r["data"]["attachments"])

    for r in incoming:
        if r["id"] in dead:
            _conflict(conn, p, r, "该案件已被删除，不能再次提交", None, counts)
        elif r["id"] not in meta:
            holder = taken.get(r["data"]["case_no"])
            if holder is not None and holder != r["id"]:
                _conflict(conn, p, r, f"案号 {r['data']['case_no']} 已被另一件案件使用", None, counts)
            else:
                stage(r, new_rows)
                counts.created += 1
        else:
            _, version, _ = meta[r["id"]]
            same = rec.comparable(stored[r["id"]]) == rec.comparable(rec.wire_data(r["data"]))
            if same:
                counts.unchanged += 1
            elif r["version"] <= version:
                _conflict(conn, p, r, f"收到的版本 {r['version']} 不高于本机的版本 {version}，内容却不同", version, counts)
            else:
                stage(r, changed_rows)
                counts.updated += 1
                if corrections.get(r["id"]):
                    _conflict(conn, p, r, "调解组织在更正请求未答复时修改了案件，请核对更正是否已完成", version, counts)
    sync_repo.replace_cases(conn, new_rows, changed_rows, children, docs, atts)


def _simple(conn: Connection, p: Parsed, entity: str, incoming: list[dict], load, upsert,
            counts: Counts) -> None:
    if not incoming:
        return
    existing = load(conn, [r["id"] for r in incoming])
    for r in incoming:
        old = existing.get(r["id"])
        check_owner(entity, r["id"], old["origin_node"] if old else None, p.sender)
    for r in incoming:
        row = {"id": r["id"], "origin_node": r["origin_node"], **r["data"]}
        old = existing.get(r["id"])
        if old is None:
            upsert(conn, row)
            counts.created += 1
        elif all(old.get(k) == v for k, v in row.items()):
            counts.unchanged += 1
        else:
            upsert(conn, row)
            counts.updated += 1


def _tombstones(conn: Connection, p: Parsed, counts: Counts) -> None:
    if not p.tombstones:
        return
    case_ids = [t["id"] for t in p.tombstones if t["entity"] == "case"]
    meta = sync_repo.case_meta(conn, case_ids)
    owners = {"case": {i: m[0] for i, m in meta.items()},
              "remark": {i: r["origin_node"] for i, r in sync_repo.remarks_rows(
                  conn, [t["id"] for t in p.tombstones if t["entity"] == "remark"]).items()},
              "notice": {i: r["origin_node"] for i, r in sync_repo.notice_rows(
                  conn, [t["id"] for t in p.tombstones if t["entity"] == "notice"]).items()}}
    earlier = {(t["entity"], t["id"]): t["origin_node"]
               for t in sync_repo.tombstones_of(conn, [t["id"] for t in p.tombstones])}
    for t in p.tombstones:
        # Neither the record nor an earlier deletion of it may belong to another node.
        check_owner(t["entity"], t["id"], owners.get(t["entity"], {}).get(t["id"]), p.sender)
        check_owner(t["entity"], t["id"], earlier.get((t["entity"], t["id"])), p.sender)
    doomed = [i for i in case_ids if i in meta]
    sync_repo.delete_cases(conn, doomed)
    sync_repo.add_tombstones(conn, p.tombstones)
    counts.updated += len(doomed)


def _acks(conn: Connection, p: Parsed) -> None:
    """The sender tells how much of OUR changes it holds; a gap there rewinds our export cursor so the
    next incremental export resends what went missing."""
    acked, exported = sync_repo.ack_state(conn, p.sender)
    acked = max(acked, p.acks["high_water"])
    exported = acked if p.acks["held"] else max(exported, acked)
    sync_repo.set_ack_state(conn, p.sender, acked, exported)


def _audit_chain(backend: Backend, conn: Connection, p: Parsed) -> None:
    """The district checks a room's audit entries against the head it holds and moves it on; a room
    keeps the head the district says it holds."""
    if backend.node.role == "supervisor":
        audit_anchor.check_and_advance(conn, p)
    else:
        audit_anchor.store_acknowledged(conn, backend.node.node_id, p)


def _store_blobs(backend: Backend, p: Parsed) -> None:
    """Attachment files, stored by hash before the transaction commits (an orphan file after a
    rollback is harmless; a row without its file would not be)."""
    import os

    for digest, data in p.blobs.items():
        target = backend.paths.attachments / digest[:2] / digest
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)


def _template_offers(backend: Backend, conn: Connection, p: Parsed) -> None:
    """Templates are offered, never installed: stored in this transaction for the organisation head to
    preview and accept or decline (services/template_offers.py). A template is a program, so what
    runs on this machine is the head's decision, not the sender's."""
    from mediation_desktop.storage import templates_repo

    for t in (p.reference or {}).get("templates", []):
        data = p.blobs[t["sha256"]]
        installed = backend.paths.templates / t["name"]
        if installed.is_file() and installed.read_bytes() == data:
            continue  # this very file is already in use here
        templates_repo.store_offer(conn, name=t["name"], sha256=t["sha256"], content=data, from_node=p.sender,
                                   package_id=p.header.package_id)

"""Writing sync packages: a room's work up to its supervisor, the supervisor's guidance down to a room.

A package carries one contiguous range of the sender's outbox sequence. Incremental (the default)
starts after what was last exported to that recipient; ``full`` starts at 1 and sends every record the
sender owns. Every export first appends a marker change (so a package is never empty and its range
always ends with it), then writes the package through ``container.write_package`` (temporary name,
fsync, re-read and verify, rename) and only then moves the export cursor, so an export that dies
half-way is simply repeated by the next one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mediation_desktop.core.clock import today
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import Connection, cases_repo, sync_repo
from mediation_desktop.storage.outbox import audit
from mediation_desktop.sync import programme_records as prog
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.audit_anchor import audit_sent_key
from mediation_desktop.sync.container import write_package
from mediation_desktop.sync.export_check import check_outgoing
from mediation_desktop.sync.keys import NodeKeys, parse_card
from mediation_desktop.sync.strict import dumps_canonical
from mediation_desktop.sync.trust import find_peer, node_keys

TEMPLATE_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}\.docx")
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
MAX_BLOB_BYTES = 200 * 1024 * 1024


@dataclass
class ExportResult:
    path: Path
    package_id: str
    kind: str
    recipient: str
    recipient_org_code: str
    from_seq: int
    to_seq: int
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0

    def as_json(self) -> dict:
        return {"file": str(self.path), "package_id": self.package_id, "kind": self.kind,
                "recipient": self.recipient, "recipient_org_code": self.recipient_org_code,
                "from_seq": self.from_seq, "to_seq": self.to_seq, "records": self.counts, "size": self.size,
                "safe_to_remove": True}


def recipients(conn: Connection, my_role: str, to: str | None) -> list:
    """The peers a package goes to: ``to`` (node id or org code), else every trusted node of the
    other role (a room normally has exactly one supervisor)."""
    if to:
        row = find_peer(conn, to)
        if row.status != "trusted":
            raise UserError("E_PEER_REVOKED", f"节点 {row.org_code} 已被吊销，不能再向它发送同步包。")
        return [row]
    other = "supervisor" if my_role == "room" else "room"
    rows = [p for p in sync_repo.list_peers(conn) if p.role == other and p.status == "trusted"]
    if not rows:
        who = "区人社监管" if other == "supervisor" else "调解组织"
        raise UserError("E_SYNC_NO_RECIPIENT", f"还没有登记任何{who}的身份名片。请先用 keys trust 登记对方并核对指纹。")
    if my_role == "room" and len(rows) > 1:
        raise UserError("E_SYNC_RECIPIENT", "登记了多个区人社监管节点，请用 --to 指定接收方。")
    return rows


def export_packages(backend: Backend, out_dir: Path, *, full: bool = False, to: str | None = None,
                    since_ack: bool = False) -> list[ExportResult]:
    """Write one package per recipient into ``out_dir``; each is verified before it gets its name."""
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, "data.export")
    keys = node_keys(backend)
    me = backend.node
    with backend.db.read() as conn:
        targets = recipients(conn, me.role, to)
    results = []
    for peer in targets:
        results.append(_export_one(backend, keys, peer, Path(out_dir), full=full, since_ack=since_ack))
    return results


def _export_one(backend: Backend, keys: NodeKeys, peer, out_dir: Path, *, full: bool,
                since_ack: bool) -> ExportResult:
    me = backend.node
    with backend.db.write() as conn:
        last = sync_repo.add_export_marker(conn, me.node_id)
    with backend.db.read() as conn:
        acked, exported = sync_repo.ack_state(conn, peer.node_id)
        first = 1 if full else (acked if since_ack else max(acked, exported)) + 1
        entries, counts = build_entries(backend, conn, peer.node_id, first, last, full=full,
                                         all_audit=full or since_ack)
        audit_upto = counts.pop("last_audit_id")
        acked_for_peer = _acks(conn, peer.node_id)["high_water"]
    kind = "downstream" if me.role == "supervisor" else ("full" if full else "incremental")
    card = parse_card(peer.card.encode("utf-8"))
    path = write_package(out_dir, sender=keys, recipients=[card.peer_keys()], entries=entries,
                         header_fields={"schema_version": rec.SYNC_SCHEMA_VERSION, "kind": kind,
                                        "origin_seq": (first, last),
                                        "meta": {"recipient_org_code": peer.org_code, "full": int(full)}})
    package_id = _package_id_of(path)
    with backend.db.write() as conn:
        acked_now, exported_now = sync_repo.ack_state(conn, peer.node_id)
        sync_repo.set_ack_state(conn, peer.node_id, acked_now, max(exported_now, last))
        if audit_upto:
            sync_repo.set_setting(conn, audit_sent_key(peer.node_id), str(audit_upto))
        sync_repo.set_setting(conn, ack_sent_key(peer.node_id), str(acked_for_peer))
        audit(conn, backend.user, "sync_export", "package", package_id,
              {"to": peer.org_code, "from_seq": first, "to_seq": last, "kind": kind, "file": path.name, **counts})
    return ExportResult(path, package_id, kind, peer.node_id, peer.org_code, first, last, counts, path.stat().st_size)


def ack_sent_key(peer: str) -> str:
    """Settings key: how far of ``peer``'s changes our last package to it acknowledged."""
    return f"sync.ack_sent.{peer}"


def _package_id_of(path: Path) -> str:
    from mediation_desktop.sync.container import read_header_unverified

    return read_header_unverified(path).package_id


def _jsonl(items: list) -> bytes:
    return b"".join(dumps_canonical(item) + b"\n" for item in items)


def build_entries(backend: Backend, conn: Connection, recipient: str, first: int, last: int, *,
                  full: bool, all_audit: bool = False) -> tuple[list[tuple[str, bytes]], dict[str, int]]:
    """The inner archive's entries for our changes [first, last] as seen by ``recipient``."""
    me = backend.node
    rows = sync_repo.outbox_range(conn, me.node_id, first, last)
    changes = [{"seq": r.origin_seq, "entity": r.entity, "id": r.entity_id, "op": r.op} for r in rows]
    by_entity: dict[str, set[str]] = {}
    for r in rows:
        by_entity.setdefault(r.entity, set()).add(r.entity_id)
    case_ids = set(by_entity.get("case", ())) | sync_repo.attachment_case_ids(conn, list(by_entity.get("attachment", ())))
    if full:
        case_ids |= set(sync_repo.owned_case_ids(conn, me.node_id))
    lines: list[dict] = []
    blobs: dict[str, Path] = {}
    tomb = sync_repo.tombstones_of(conn, sorted(case_ids))
    dead = {t["id"] for t in tomb}
    live_ids = sorted(case_ids - dead)
    meta = sync_repo.case_meta(conn, live_ids)
    owned = [i for i in live_ids if i in meta and meta[i][0] == me.node_id]  # a node sends only its own cases
    for part in sync_repo.chunks(owned):
        docs = sync_repo.documents_of(conn, part)
        atts = sync_repo.attachments_of(conn, part)
        for case in cases_repo.load_cases(conn, list(part)):
            data = rec.case_data(case, docs.get(case.id, []), atts.get(case.id, []), meta[case.id][2])
            lines.append({"entity": "case", "id": case.id, "origin_node": me.node_id, "version": case.version,
                          "data": data})
            for att in atts.get(case.id, []):
                stored = backend.paths.attachments / att["sha256"][:2] / att["sha256"]
                if stored.is_file() and stored.stat().st_size <= MAX_BLOB_BYTES:
                    blobs[att["sha256"]] = stored
    lines.extend(_remark_lines(conn, me.node_id, recipient, by_entity.get("remark", set()), full))
    notice_lines = _notice_lines(conn, me.node_id, by_entity.get("notice", set()), full)
    lines.extend(notice_lines)
    for line in notice_lines:   # a notice's attached file goes with it
        digest = line["data"]["attachment_sha256"]
        stored = backend.paths.attachments / digest[:2] / digest if digest else None
        if stored is not None and stored.is_file() and stored.stat().st_size <= MAX_BLOB_BYTES:
            blobs[digest] = stored
    programme = prog.lines(conn, me.node_id, by_entity, full)
    lines.extend(programme)
    prog.photo_blobs(backend.paths.attachments, programme, blobs, MAX_BLOB_BYTES)
    tomb = tomb + prog.tombstones(conn, by_entity)
    control = {"organisation": _organisation(conn, me.org.id), "acks": _acks(conn, recipient),
               "reference": _reference(backend, conn, blobs) if me.role == "supervisor" else None}
    if me.role == "supervisor":
        from mediation_desktop.sync.audit_anchor import anchor_for

        head = anchor_for(conn, recipient)  # the room's audit head we hold, for its own check
        if head is not None:
            control["audit_anchor"] = head
    audit_rows = sync_repo.audit_after(conn, 0 if all_audit else audit_cursor(conn, recipient))
    # Nothing leaves that the other side would refuse (the receiver's own checks, run here first).
    check_outgoing(control, changes, lines, tomb, audit_rows)
    entries: list[tuple[str, bytes]] = [
        (rec.CONTROL, dumps_canonical(control)),
        (rec.CHANGES, _jsonl(changes)),
        (rec.RECORDS, _jsonl(lines)),
        (rec.TOMBSTONES, _jsonl(tomb)),
        (rec.AUDIT, _jsonl(audit_rows)),
    ]
    for digest, path in sorted(blobs.items()):
        entries.append((rec.BLOB_DIR + digest, path.read_bytes()))
    counts = {"changes": len(changes), "cases": len(owned), "remarks": sum(1 for x in lines if x["entity"] == "remark"),
              "notices": sum(1 for x in lines if x["entity"] == "notice"), "tombstones": len(tomb),
              "attachments": len(blobs), "audit": len(audit_rows),
              "last_audit_id": audit_rows[-1]["id"] if audit_rows else 0, **prog.counts(programme)}
    return entries, counts


def audit_cursor(conn: Connection, recipient: str) -> int:
    """The last of our audit entries already sent to ``recipient`` (kept in ``settings``)."""
    return int(sync_repo.get_setting(conn, audit_sent_key(recipient)) or 0)


def _organisation(conn: Connection, org_id: str) -> dict:
    r = sync_repo.organisation_row(conn, org_id)
    return {"id": r.id, "name": r.name, "code": r.code, "role": r.role, "district_code": r.district_code,
            "address": r.address, "phone": r.phone, "arbitration_name": r.arbitration_name,
            "arbitration_address": r.arbitration_address,
            "case_no_pattern": r.case_no_pattern or "{org_code}劳调〔{year}〕{seq}号"}


def _acks(conn: Connection, recipient: str) -> dict:
    """What we hold of the recipient's own changes; ``held`` says a gap waits for a resend."""
    state = sync_repo.origin_state(conn, recipient)
    return {"high_water": state.high_water if state else 0,
            "held": bool(sync_repo.held_packages(conn, recipient))}


def _remark_lines(conn: Connection, me: str, recipient: str, ids: set[str], full: bool) -> list[dict]:
    """Our remarks on the recipient's cases only: another room's cases are none of its business."""
    rows = sync_repo.remarks_for_room(conn, None if full else sorted(ids), recipient)
    return [{"entity": "remark", "id": r["id"], "origin_node": r["origin_node"], "version": 1,
             "data": {"case_id": r["case_id"], "kind": r["kind"], "text": r["text"], "author": r["author"],
                      "created_at": r["created_at"], "answered_at": r["answered_at"]}}
            for r in rows if r["origin_node"] == me]


def _notice_lines(conn: Connection, me: str, ids: set[str], full: bool) -> list[dict]:
    rows = sync_repo.notices_of(conn, me) if full else list(sync_repo.notice_rows(conn, sorted(ids)).values())
    return [{"entity": "notice", "id": r["id"], "origin_node": r["origin_node"], "version": 1,
             "data": {"title": r["title"], "body": r["body"], "created_at": r["created_at"],
                      "attachment_name": r["attachment_name"], "attachment_sha256": r["attachment_sha256"]}}
            for r in rows if r["origin_node"] == me]


def _reference(backend: Backend, conn: Connection, blobs: dict[str, Path]) -> dict:
    """Reference data a supervisor hands down: holiday tables from this year on, the key-enterprise
    list and template files (by hash, their bytes beside the attachments)."""
    import hashlib

    from mediation_desktop.core.calendar import parse_year_table, year_table_to_json

    holidays = []
    folder = backend.paths.holidays
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            table = parse_year_table(path)
            if table.year >= today().year:
                holidays.append(json.loads(year_table_to_json(table)))
    templates = []
    tfolder = backend.paths.templates
    if tfolder.is_dir():
        for path in sorted(tfolder.iterdir()):
            if TEMPLATE_NAME.fullmatch(path.name) and path.is_file() and path.stat().st_size <= MAX_TEMPLATE_BYTES:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                blobs[digest] = path
                templates.append({"name": path.name, "sha256": digest})
    enterprises = [{"uscc": r["uscc"], "name": r["name"], "reason": r["reason"], "listed_at": r["listed_at"]}
                   for r in sync_repo.key_enterprise_rows(conn, backend.node.node_id)]
    return {"holidays": holidays, "templates": templates, "key_enterprises": enterprises}

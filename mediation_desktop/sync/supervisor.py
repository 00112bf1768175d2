"""The district supervisor's side of sync (Qt-free): per-room status, the consolidated view of every
enrolled room's cases, and the supervisor's own records that travel down to rooms (remarks and
correction requests, notices, the key-enterprise list). Room data stays read-only here: the
supervisor comments with records of its own instead of editing a room's case."""

from __future__ import annotations

from pathlib import Path

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.core.rules import clean_text
from mediation_desktop.core.validation import check_uscc
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import cases_repo, sync_repo
from mediation_desktop.storage.outbox import audit, record_changes


def sync_status(backend: Backend) -> dict:
    """Per enrolled node: what we hold of it (high-water, gaps, held packages, last seen) and what
    it acknowledged of ours; plus open conflicts."""
    with backend.db.read() as conn:
        peers = sync_repo.list_peers(conn)
        counts = sync_repo.case_counts_by_origin(conn)
        open_counts = sync_repo.open_case_counts_by_origin(conn)
        conflicts = sync_repo.conflict_counts_by_origin(conn)
        out = []
        for peer in peers:
            state = sync_repo.origin_state(conn, peer.node_id)
            held = sync_repo.held_packages(conn, peer.node_id)
            packages = sync_repo.packages_of(conn, peer.node_id)
            imported = [p for p in packages if p.state == "imported"]
            acked, exported = sync_repo.ack_state(conn, peer.node_id)
            high = state.high_water if state else 0
            out.append({
                "node_id": peer.node_id, "org_name": peer.org_name, "org_code": peer.org_code, "role": peer.role,
                "status": peer.status, "fingerprint": peer.fingerprint,
                "high_water": high, "held": len(held),
                "missing": [high + 1, held[0].seq_from - 1] if held else None,
                "last_package_at": state.last_package_at if state else None,
                "last_package_id": state.last_package_id if state else None,
                "last_seen": state.last_seen if state else None,
                "packages_imported": len(imported),
                "cases": counts.get(peer.node_id, 0), "open_cases": open_counts.get(peer.node_id, 0),
                "conflicts": conflicts.get(peer.node_id, 0),
                "acked_seq": acked, "exported_seq": exported,
            })
        total_conflicts = len(sync_repo.open_conflicts(conn))
    return {"node_id": backend.node.node_id, "role": backend.node.role, "peers": out, "conflicts": total_conflicts}


def last_received(backend: Backend) -> str | None:
    """When data last came in from any peer (for the status bar)."""
    with backend.db.read() as conn:
        times = [s.last_package_at for p in sync_repo.list_peers(conn)
                 if (s := sync_repo.origin_state(conn, p.node_id)) is not None and s.last_package_at]
    return max(times) if times else None


def rooms_overview(backend: Backend) -> list[dict]:
    """One row per enrolled room: its organisation, cases held here, open cases, sync position."""
    return [p for p in sync_status(backend)["peers"] if p["role"] == "room"]


def conflicts(backend: Backend) -> list[dict]:
    import json

    with backend.db.read() as conn:
        rows = sync_repo.open_conflicts(conn)
    out = []
    for r in rows:
        incoming = json.loads(r.incoming)
        out.append({"id": r.id, "entity": r.entity, "entity_id": r.entity_id, "origin_node": r.origin_node,
                    "package_id": r.package_id, "local_version": r.local_version, "detected_at": r.detected_at,
                    "reason": incoming.get("reason", ""), "incoming": incoming.get("record")})
    return out


RESOLUTIONS = {"kept_local": "保留本地记录", "noted": "已知悉"}


def resolve_conflict(backend: Backend, conflict_id: str, resolution: str = "kept_local") -> None:
    """Close a conflict. The stored record is never replaced here: the owner of a record changes it
    at home and the change arrives in its next package (a room owns its cases)."""
    if resolution not in RESOLUTIONS:
        raise UserError("E_ARGUMENT", "处理方式只能是 kept_local（保留本地记录）或 noted（已知悉）")
    with backend.db.write() as conn:
        if not sync_repo.resolve_conflict(conn, conflict_id, resolution):
            raise UserError("E_CONFLICT_NOT_FOUND", f"找不到待处理的冲突“{conflict_id}”（可能已经处理过）")
        audit(conn, backend.user, "sync_conflict_resolved", "conflict", conflict_id, {"resolution": resolution})


def _require_supervisor(backend: Backend, permission: str | None = None) -> None:
    """The district's records: a supervisor node (and, for remarks and notices, a user allowed to
    write them; the permission is checked first, as every use case does)."""
    if permission is not None:
        from mediation_desktop.services.permissions import require_backend

        require_backend(backend, permission)
    if backend.node.role != "supervisor":
        raise UserError("E_ROLE", "只有区人社监管节点可以发出批注、通知和重点企业名单")


def add_remark(backend: Backend, case_ref: str, text: str, kind: str = "remark") -> str:
    """A supervisor's remark or correction request on a room's case: a record of its own that the
    next downstream package carries to the room that owns the case."""
    _require_supervisor(backend, "remark.write")
    if kind not in ("remark", "correction"):
        raise UserError("E_ARGUMENT", "批注类型只能是 remark（批注）或 correction（更正请求）")
    # The field rules (core.rules) every way in shares: a room's reader refuses nothing sent from here.
    text = clean_text("remark.text", text or "", field="text")
    if not text:
        raise UserError("E_REQUIRED", "批注内容不能为空，最多 4000 字")
    remark_id = new_id()
    with backend.db.write() as conn:
        case_id = cases_repo.find_case_id(conn, case_ref)
        if case_id is None:
            raise NotFoundError("E_CASE_NOT_FOUND", f"找不到案件“{case_ref}”")
        sync_repo.upsert_remark(conn, {"id": remark_id, "case_id": case_id, "kind": kind, "text": text,
                                       "author": backend.user, "origin_node": backend.node.node_id,
                                       "created_at": now_iso(), "answered_at": None})
        record_changes(conn, "remark", [remark_id])
        audit(conn, backend.user, "remark", "case", case_id, {"kind": kind})
    return remark_id


def add_notice(backend: Backend, title: str, body: str, attachment: str | Path | None = None) -> str:
    """A notice to every room, with an optional attached file (stored by hash; it travels with the
    notice in the next downstream packages)."""
    _require_supervisor(backend, "remark.write")
    title = clean_text("notice.title", title or "", field="title")
    body = clean_text("notice.body", body or "", field="body")
    if not title or not body:
        raise UserError("E_REQUIRED", "通知标题（最多 200 字）和正文不能为空")
    attached_name = attached_sha = None
    if attachment is not None:
        from mediation_desktop.core.filenames import safe_basename
        from mediation_desktop.services.attachments import AttachmentService

        source = Path(attachment)
        attached_name = clean_text("attachment.file_name", safe_basename(source.name), field="attachment")
        attached_sha, _ = AttachmentService(backend).store(source)
    notice_id = new_id()
    with backend.db.write() as conn:
        sync_repo.upsert_notice(conn, {"id": notice_id, "title": title, "body": body,
                                       "origin_node": backend.node.node_id, "created_at": now_iso(), "read_at": None,
                                       "attachment_name": attached_name, "attachment_sha256": attached_sha})
        record_changes(conn, "notice", [notice_id])
        audit(conn, backend.user, "notice", "notice", notice_id, {"title": title[:40]})
    return notice_id


def set_key_enterprises(backend: Backend, enterprises: list[dict]) -> int:
    """Replace the district's key-enterprise list ({uscc, name, reason}); it travels whole in every
    downstream package."""
    _require_supervisor(backend)
    rows, seen = [], set()
    stamp = now_iso()
    for e in enterprises:
        uscc = check_uscc(e["uscc"], field="uscc")
        if uscc in seen:
            continue
        seen.add(uscc)
        name = clean_text("key_enterprise.name", e["name"] or "", field="name")
        if not name:
            raise UserError("E_REQUIRED", f"重点企业 {uscc} 的名称不能为空", field="name")
        rows.append({"uscc": uscc, "name": name,
                     "reason": clean_text("key_enterprise.reason", e.get("reason") or "", field="reason"),
                     "listed_at": stamp})
    with backend.db.write() as conn:
        sync_repo.replace_key_enterprises(conn, backend.node.node_id, rows)
        audit(conn, backend.user, "key_enterprises", None, None, {"count": len(rows)})
    return len(rows)


def remarks_for_case(backend: Backend, case_id: str) -> list[dict]:
    with backend.db.read() as conn:
        return [r for r in sync_repo.remarks_rows_for_case(conn, case_id)]


def key_enterprises(backend: Backend) -> list[dict]:
    """The key-enterprise list in force here (the district's own, or the one it sent down)."""
    with backend.db.read() as conn:
        return [{"uscc": r["uscc"], "name": r["name"], "reason": r["reason"]} for r in sync_repo.key_enterprise_rows(conn)]


def notices(backend: Backend) -> list[dict]:
    with backend.db.read() as conn:
        return sync_repo.all_notices(conn)


def notice_attachment(backend: Backend, notice_id: str) -> tuple[str, Path]:
    """(file name, stored file) of a notice's attached file, for opening or saving it."""
    with backend.db.read() as conn:
        row = sync_repo.notice_rows(conn, [notice_id]).get(notice_id)
    if row is None or not row["attachment_sha256"]:
        raise NotFoundError("E_NOT_FOUND", "这条通知没有附件")
    stored = backend.paths.attachments / row["attachment_sha256"][:2] / row["attachment_sha256"]
    if not stored.is_file():
        raise UserError("E_ATTACHMENT_MISSING", f"找不到通知附件“{row['attachment_name']}”的文件，请让区人社重新下发")
    return row["attachment_name"], stored

"""Anchoring each room's audit trail at the district.

A room's packages carry its audit entries (after a per-recipient cursor, or all of them in a full or
resent package). The district keeps, per room, the newest entry it received (``audit_anchors``). A
later package whose entries do not continue that head shows a trail cut off or rewritten at the
room: it is refused with ``E_SYNC_AUDIT_CHAIN`` and the room is marked for ``check``. The district's
packages carry the head back; the room stores it, and its own ``check`` reports when its chain no
longer contains the head the district acknowledged. Someone with the room's PC can rewrite the
room's chain and its ``audit-head.json`` consistently, but not the copy at the district.
"""

from __future__ import annotations

from mediation_desktop.core.errors import UserError
from mediation_desktop.storage import Connection, sync_repo
from mediation_desktop.sync.parse import Parsed


class AuditChainBroken(UserError):
    """A room's audit entries do not continue what the district holds; ``room`` names the node."""

    def __init__(self, room: str, org_code: str, reason: str):
        super().__init__("E_SYNC_AUDIT_CHAIN", f"调解组织 {org_code} 的审计记录与本机已收到的不衔接：{reason}。"
                                               "其审计日志可能被截断或改写。已拒绝整个包，未做任何改动；"
                                               "请核实对方电脑上的审计日志（check 命令）。")
        self.room = room
        self.reason = reason


def check_and_advance(conn: Connection, p: Parsed) -> None:
    """At the district: refuse a room's entries that do not continue the stored head, else move
    the head forward. Entries wholly at or below the head (a held package applied late) prove
    nothing either way, unless they hold the head's own entry. Entries that do prove the head is
    still in the room's chain (they hold it, or start right after it) lift an earlier refusal's
    mark: a package that went missing and was then resent whole is not a cut trail."""
    entries = p.audit
    if not entries:
        return
    anchor = sync_repo.audit_anchor(conn, p.sender)
    if anchor is not None:
        reason = _break(anchor.last_seq, anchor.last_hash, entries, full=p.header.kind == "full")
        if reason:
            raise AuditChainBroken(p.sender, p.header.sender_org_code, reason)
        proven = entries[0]["id"] <= anchor.last_seq + 1 and entries[-1]["id"] >= anchor.last_seq
        if proven and anchor.broken_at is not None:
            sync_repo.clear_audit_anchor_broken(conn, p.sender)
        if entries[-1]["id"] <= anchor.last_seq:
            return
    last = entries[-1]
    sync_repo.set_audit_anchor(conn, p.sender, last["id"], last["hash"], p.header.package_id)


def _break(seq: int, head: str, entries: list[dict], *, full: bool) -> str | None:
    """Why ``entries`` (already checked to link up among themselves) do not extend the head
    (``seq``, ``head``); None when they do or cannot tell."""
    first, last = entries[0], entries[-1]
    if first["id"] <= seq <= last["id"]:
        held = next((e for e in entries if e["id"] == seq), None)
        if held is None:
            return f"包中缺少已收到的第 {seq} 条"
        if held["hash"] != head:
            return f"第 {seq} 条与已收到的内容不同"
        return None
    if first["id"] > seq:
        if first["prev_hash"] != head:
            return f"第 {first['id']} 条没有接在已收到的第 {seq} 条之后"
        return None
    if full:
        # A full package carries the whole trail: ending before the head means entries are gone.
        return f"完整数据包的审计记录只到第 {last['id']} 条，而本机已收到第 {seq} 条"
    return None


def audit_sent_key(peer: str) -> str:
    """Settings key: the last of our audit entries already sent to ``peer``."""
    return f"sync.audit_sent.{peer}"


def store_acknowledged(conn: Connection, me: str, p: Parsed) -> None:
    """At a room: keep the newest head the district says it holds for us. When the district is
    waiting for a resend (a package went missing: the change cursor rewinds, see apply._acks), the
    audit cursor rewinds to that head too, so the next package's entries continue it."""
    anchor = p.audit_anchor
    if anchor is None:
        return
    stored = sync_repo.audit_anchor(conn, me)
    if stored is None or anchor["seq"] >= stored.last_seq:
        sync_repo.set_audit_anchor(conn, me, anchor["seq"], anchor["hash"], p.header.package_id)
    if p.acks["held"]:
        sent = int(sync_repo.get_setting(conn, audit_sent_key(p.sender)) or 0)
        if sent > anchor["seq"]:
            sync_repo.set_setting(conn, audit_sent_key(p.sender), str(anchor["seq"]))


def anchor_for(conn: Connection, room: str) -> dict | None:
    """What a district package to ``room`` carries back: the head held for it."""
    row = sync_repo.audit_anchor(conn, room)
    return None if row is None else {"seq": row.last_seq, "hash": row.last_hash}


def mark_broken(conn: Connection, error: AuditChainBroken) -> None:
    sync_repo.mark_audit_anchor_broken(conn, error.room, error.reason)

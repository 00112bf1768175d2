"""Who may send what: the one table the importer asks before anything in a package is applied.

A record is accepted only from the role that makes it, and the role is the one this node enrolled
for the sender (``peers.role``), never what the package says about itself. Records a room makes (its
cases and everything inside them) are moreover accepted only from the very node that owns them: a
room cannot change, or tombstone, another room's case. What the district makes (remarks and
correction requests, notices, the key-enterprise list, holiday tables, templates) comes only from an
enrolled supervisor.

To add a kind of record (the room's programme records: mediators, training, outreach, screenings,
typical cases), add one line to ``SENDERS``; the importer refuses any entity the table does not name.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desktop.core.errors import UserError

ROOM = "room"
SUPERVISOR = "supervisor"
_ROLE_LABELS = {ROOM: "调解组织", SUPERVISOR: "区人社监管"}


@dataclass(frozen=True)
class Sender:
    role: str            # the enrolled role that may send this kind of record
    owner_only: bool     # and only the node that made the record (its origin_node as stored here)
    label: str           # how the record is named in messages


SENDERS: dict[str, Sender] = {
    # Records a room makes: only from their owner.
    "case": Sender(ROOM, True, "案件"),
    # The programme's registers a room keeps (sync/programme_records.py): only from their owner.
    "mediator": Sender(ROOM, True, "调解员记录"),
    "training": Sender(ROOM, True, "培训记录"),
    "outreach": Sender(ROOM, True, "普法活动记录"),
    "screening": Sender(ROOM, True, "风险排查记录"),
    "urgent_report": Sender(ROOM, True, "情况快报"),
    "typical_case": Sender(ROOM, True, "典型案例"),
    "remark_answer": Sender(ROOM, True, "对监管意见或更正请求的答复"),
    # What the district hands down of the programme: promoted typical cases and the courses it offers.
    "typical_library": Sender(SUPERVISOR, True, "推广的典型案例"),
    "training_course": Sender(SUPERVISOR, True, "区人社培训课程"),
    # Records the district makes and hands down.
    "remark": Sender(SUPERVISOR, True, "监管意见或更正请求"),
    "notice": Sender(SUPERVISOR, True, "通知"),
    "key_enterprises": Sender(SUPERVISOR, False, "重点企业名单"),
    "holidays": Sender(SUPERVISOR, False, "节假日安排表"),
    "templates": Sender(SUPERVISOR, False, "文书模板"),
    # The room's audit head as the district holds it (sent back so the room can see a cut-off trail).
    "audit_anchor": Sender(SUPERVISOR, False, "审计链确认点"),
}


def owner_error(what: str, why: str) -> UserError:
    return UserError("E_SYNC_OWNER", f"包内的{what}{why}：发送方无权发送或修改这条记录。已拒绝整个包，未做任何改动。")


def rule_for(entity: str) -> Sender:
    rule = SENDERS.get(entity)
    if rule is None:
        raise owner_error(f"“{entity[:24]}”类记录", "不在允许交换的记录之列")
    return rule


def check_sender(entity: str, sender_role: str, record_id: str | None = None) -> None:
    """Refuse a record of ``entity`` from a node enrolled here as ``sender_role`` when that role
    does not make such records."""
    rule = rule_for(entity)
    if sender_role != rule.role:
        named = f"{rule.label} {record_id}" if record_id else rule.label
        raise owner_error(named, f"只能由{_ROLE_LABELS[rule.role]}发送，发送方登记为"
                                 f"{_ROLE_LABELS.get(sender_role, sender_role)}")


def check_owner(entity: str, record_id: str, stored_origin: str | None, sender: str) -> None:
    """Refuse a change to (or deletion of) a record this node holds as made by another node."""
    rule = rule_for(entity)
    if rule.owner_only and stored_origin is not None and stored_origin != sender:
        raise owner_error(f"{rule.label} {record_id}", "属于另一个节点")

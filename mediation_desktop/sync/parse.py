"""Reading an opened package's entries into checked records, or refusing the whole package.

The container has already checked the signature, the recipient, the decryption and every entry's
hash against the manifest; here each entry is parsed with the strict JSON reader and every value
checked (records.py), and the package's parts are checked against each other and the header: the
change lines cover exactly the header's range, every record belongs to the sender and is of a kind
the sender's enrolled role may send (ownership.py), no record id appears twice, each attachment's
bytes hash to its name, each audit entry's hash holds and the entries link up into one chain.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from mediation_desktop.core.errors import UserError
from mediation_desktop.storage.outbox import entry_hash
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.container import OpenedPackage, PackageHeader
from mediation_desktop.sync.ownership import check_sender
from mediation_desktop.sync.strict import dumps_canonical, iter_jsonl_strict, loads_strict

TEMPLATE_NAME_MAX = 45


@dataclass
class Parsed:
    header: PackageHeader
    file_sha256: str
    organisation: dict
    acks: dict
    reference: dict | None
    changes: list[dict]
    records: list[dict]
    tombstones: list[dict]
    audit: list[dict]
    blobs: dict[str, bytes] = field(default_factory=dict)
    # The room's audit head the district holds (downstream packages only): {"seq", "hash"} or None.
    audit_anchor: dict | None = None

    @property
    def sender(self) -> str:
        return self.header.sender


def _bad(message: str) -> UserError:
    return UserError("E_SYNC_RECORD", f"包内容不合格：{message}已拒绝整个包，未做任何改动。")


def _entry(opened: OpenedPackage, name: str) -> bytes:
    if name not in opened.entries:
        raise _bad(f"缺少 {name}。")
    return opened.entries[name]


def _lines(opened: OpenedPackage, name: str) -> list[tuple[int, Any]]:
    try:
        return list(iter_jsonl_strict(_entry(opened, name)))
    except UserError as exc:
        raise UserError(exc.code, f"{name}：{exc.message}") from None


def parse_package(opened: OpenedPackage, sender_role: str) -> Parsed:
    header = opened.header
    expected_kinds = ("incremental", "full") if sender_role == "room" else ("downstream",)
    if header.kind not in expected_kinds:
        raise _bad(f"{'调解组织' if sender_role == 'room' else '区人社监管'}不会发送“{header.kind}”类型的包。")
    control = _control(opened, header, sender_role)
    changes = [rec.CHANGE(v, f"{rec.CHANGES} 第 {n} 行") for n, v in _lines(opened, rec.CHANGES)]
    seqs = [c["seq"] for c in changes]
    if seqs != list(range(header.from_seq, header.to_seq + 1)):
        raise _bad("变更清单与包头的序号范围不一致（有缺号、重号或乱序）。")
    records = [rec.check_record(v, f"{rec.RECORDS} 第 {n} 行") for n, v in _lines(opened, rec.RECORDS)]
    seen: set[tuple[str, str]] = set()
    for r in records:
        key = (r["entity"], r["id"])
        if key in seen:
            raise _bad(f"记录 {r['entity']} {r['id']} 在同一个包中出现了两次。")
        seen.add(key)
        check_sender(r["entity"], sender_role, r["id"])
        if r["origin_node"] != header.sender:
            raise _bad(f"记录 {r['id']} 不属于发送方：一个节点只能发送它自己的记录。")
        if r["entity"] == "case" and r["data"]["org_id"] != control["organisation"]["id"]:
            raise _bad(f"案件 {r['id']} 不属于发送方的机构。")
    tombstones = [rec.TOMBSTONE(v, f"{rec.TOMBSTONES} 第 {n} 行") for n, v in _lines(opened, rec.TOMBSTONES)]
    for t in tombstones:
        check_sender(t["entity"], sender_role, t["id"])
    if any(t["origin_node"] != header.sender for t in tombstones):
        raise _bad("删除记录不属于发送方。")
    audit = [rec.AUDIT_LINE(v, f"{rec.AUDIT} 第 {n} 行") for n, v in _lines(opened, rec.AUDIT)]
    for a in audit:
        if entry_hash(a["prev_hash"], a["at"], a["user"], a["action"], a["entity"], a["entity_id"],
                      a["detail"]) != a["hash"]:
            raise _bad(f"审计记录 #{a['id']} 的哈希不符（内容被改动）。")
    for before, after in zip(audit, audit[1:], strict=False):
        if after["id"] <= before["id"] or after["prev_hash"] != before["hash"]:
            raise _bad(f"审计记录 #{after['id']} 与前一条 #{before['id']} 不衔接。")
    blobs = {}
    for name, data in opened.entries.items():
        if name.startswith(rec.BLOB_DIR):
            digest = name[len(rec.BLOB_DIR):]
            if hashlib.sha256(data).hexdigest() != digest:
                raise _bad(f"附件 {digest[:12]}… 的内容与其摘要不符。")
            blobs[digest] = data
        elif name not in (rec.CONTROL, rec.CHANGES, rec.RECORDS, rec.TOMBSTONES, rec.AUDIT):
            raise _bad(f"未知的条目 {name[:60]}。")
    for r in records:
        if r["entity"] == "notice" and (r["data"]["attachment_sha256"] is None) != (r["data"]["attachment_name"] is None):
            raise _bad(f"通知 {r['id']} 的附件名称与摘要不成对。")
        if r["entity"] == "notice" and r["data"]["attachment_sha256"] and r["data"]["attachment_sha256"] not in blobs:
            raise _bad(f"通知 {r['id']} 的附件不在包中。")
    if control["reference"]:
        for t in control["reference"]["templates"]:
            if t["sha256"] not in blobs:
                raise _bad(f"模板 {t['name']} 的文件不在包中。")
    return Parsed(header, opened.file_sha256, control["organisation"], control["acks"], control["reference"],
                  changes, records, tombstones, audit, blobs, control["audit_anchor"])


def _template(value: Any, where: str) -> dict:
    import re

    item = rec.obj({"name": rec.text(TEMPLATE_NAME_MAX), "sha256": rec.sha256_})(value, where)
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}\.docx", item["name"]):
        raise rec.refuse(where, "模板文件名不合格。")
    return item


def _holiday(value: Any, where: str) -> Any:
    from mediation_desktop.core.calendar import parse_year_table

    if not isinstance(value, dict):
        raise rec.refuse(where, "节假日安排表应为对象。")
    try:
        return parse_year_table(dumps_canonical(value))
    except UserError as exc:
        raise rec.refuse(where, exc.message) from None


def _control(opened: OpenedPackage, header: PackageHeader, sender_role: str) -> dict:
    try:
        raw = loads_strict(_entry(opened, rec.CONTROL))
    except UserError as exc:
        if exc.code == "E_SYNC_RECORD":
            raise
        raise UserError(exc.code, f"{rec.CONTROL}：{exc.message}") from None
    # Optional, so packages written before it existed still read: the room's audit head the district holds.
    anchor = raw.pop("audit_anchor", None) if isinstance(raw, dict) else None
    reference_shape = rec.obj({"holidays": rec.array(_holiday, 20), "templates": rec.array(_template, 100),
                               "key_enterprises": rec.array(rec.KEY_ENTERPRISE, 100_000)})
    control = rec.obj({
        "organisation": rec.ORGANISATION,
        "acks": rec.obj({"high_water": rec.integer(0, 2**63 - 1), "held": rec.boolean}),
        "reference": lambda v, w: None if v is None else reference_shape(v, w),
    })(raw, rec.CONTROL)
    org = control["organisation"]
    if org["code"] != header.sender_org_code or org["role"] != sender_role:
        raise UserError("E_SYNC_ORG_MISMATCH", "包内的机构代码或角色与发送方登记的不一致。已拒绝，未做任何改动。")
    if control["reference"] is not None:
        for part in ("holidays", "templates", "key_enterprises"):
            check_sender(part, sender_role)
    control["audit_anchor"] = None
    if anchor is not None:
        check_sender("audit_anchor", sender_role)
        control["audit_anchor"] = rec.obj({"seq": rec.integer(1, 2**62), "hash": rec.sha256_})(
            anchor, f"{rec.CONTROL}.audit_anchor")
    return control

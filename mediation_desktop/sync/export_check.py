"""The exporter reads what it writes with the receiver's eyes.

Every record, tombstone, change line, audit entry and the organisation block goes through the same
checks (records.py) that the other side applies on import, before any package file exists. A record
the receiver would refuse stops the export with ``E_SYNC_EXPORT_RECORD`` naming the case and the
field: a package the other side refuses would hold back every later package of this node.
"""

from __future__ import annotations

from typing import Any

from mediation_desktop.core.errors import UserError
from mediation_desktop.sync import records as rec


class ExportRecordError(UserError):
    """A record this node holds that the receiving side would refuse."""


def _stop(what: str, exc: rec.RecordError) -> ExportRecordError:
    where = exc.where
    field = where.split(".data.", 1)[1] if ".data." in where else where
    reason = exc.reason or exc.message
    return ExportRecordError(
        "E_SYNC_EXPORT_RECORD",
        f"{what}的“{field}”不合格：{reason}对方会拒收这样的同步包，因此没有写出同步包。"
        "请修改该项（或运行 check 查看）后重新导出。")


def check_outgoing(control: dict, changes: list[dict], lines: list[dict], tombstones: list[dict],
                   audit_rows: list[dict]) -> None:
    """Raise ExportRecordError for the first part the receiver would refuse."""
    for line in lines:
        try:
            rec.check_record(line, f"{line.get('entity')}.{line.get('id')}")
        except rec.RecordError as exc:
            raise _stop(_describe(line), exc) from None
    try:
        rec.ORGANISATION(control["organisation"], "organisation")
    except rec.RecordError as exc:
        raise _stop("本组织的设置", exc) from None
    reference = control.get("reference")
    if reference:
        for item in reference.get("key_enterprises", ()):
            try:
                rec.KEY_ENTERPRISE(item, "key_enterprise.data.")
            except rec.RecordError as exc:
                raise _stop(f"重点企业“{str(item.get('name'))[:40]}”", exc) from None
    for parts, shape, what in ((tombstones, rec.TOMBSTONE, "删除记录"), (changes, rec.CHANGE, "变更清单"),
                               (audit_rows, rec.AUDIT_LINE, "审计记录")):
        for n, item in enumerate(parts, start=1):
            try:
                shape(item, f"{what}第 {n} 条")
            except rec.RecordError as exc:
                raise _stop(f"{what}第 {n} 条", exc) from None


def _describe(line: dict[str, Any]) -> str:
    found = line.get("data")
    data: dict[str, Any] = found if isinstance(found, dict) else {}
    if line.get("entity") == "case":
        return f"案件“{str(data.get('case_no'))[:64]}”"
    if line.get("entity") == "notice":
        return f"通知“{str(data.get('title'))[:40]}”"
    return f"{line.get('entity')} 记录 {line.get('id')}"

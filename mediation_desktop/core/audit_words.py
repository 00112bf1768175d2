"""An audit entry's detail in words a mediator reads: “状态：已受理，日期：2026-09-15”, never
``status=registered``, a document id, a hash or ``dry_run: False``. The audit page and a case's
操作记录 tab both describe entries here; the stored detail (JSON, for checks and sync) is unchanged."""

from __future__ import annotations

from typing import Any

from mediation_desktop.core.enums import (
    CHANNEL_LABELS,
    DISPUTE_TYPE_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
)

# Keys in the order they are shown. A key not listed is not shown: it is an identifier, a hash or a
# technical flag whose English name would mean nothing to the reader.
KEY_LABELS: dict[str, str] = {
    "status": "状态", "outcome": "结果", "on": "日期", "until": "延长至", "agreed_on": "双方同意日期",
    "kind": "种类", "title": "标题", "name": "名称", "user": "用户", "role": "角色", "file": "文件",
    "file_name": "文件", "count": "数量", "cases": "案件数", "dry_run": "预检", "from": "从", "to": "至",
    "reason": "理由", "remark": "批注", "resolution": "处理结果", "org": "组织", "org_code": "组织代码",
    "channel": "来源", "dispute_types": "争议类型", "failures": "失败", "value": "内容",
    "unpaid_acknowledged": "确认知悉未履行完毕", "what": "内容", "reset": "重置", "damaged": "损坏文件",
}
ROLE_LABELS = {"mediator": "调解员", "head": "组织负责人", "admin": "管理员", "head+admin": "组织负责人兼管理员",
               "supervisor": "区人社监管"}
DOCUMENT_LABELS = {"application": "调解申请书", "acceptance": "受理通知书", "rejection": "不予受理通知书",
                   "record": "调解笔录", "extension": "延期调解确认书", "agreement": "调解协议书",
                   "termination": "终止调解告知书", "service": "送达回证"}
_VALUE_LABELS: dict[str, dict[str, str]] = {
    "status": {str(k): v for k, v in STATUS_LABELS.items()},
    "outcome": {str(k): v for k, v in OUTCOME_LABELS.items()},
    "channel": {str(k): v for k, v in CHANNEL_LABELS.items()},
    "role": ROLE_LABELS,
    "kind": DOCUMENT_LABELS,
}
_TYPES = {str(k): v for k, v in DISPUTE_TYPE_LABELS.items()}


def describe_value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(describe_value(key, v) for v in value)
    text = str(value)
    if key == "dispute_types":
        return _TYPES.get(text, text)
    return _VALUE_LABELS.get(key, {}).get(text, text)


def describe_detail(detail: dict[str, Any], *, skip: tuple[str, ...] = ()) -> str:
    """The shown keys of ``detail`` as “标签：值”, joined with “，”; empty values left out."""
    parts = []
    for key, label in KEY_LABELS.items():
        if key in skip or key not in detail:
            continue
        value = detail[key]
        if value is None or value == "" or value == []:
            continue
        if key == "dry_run" and not value:
            continue                       # an import that was not a dry run says nothing about it
        parts.append(f"{label}：{describe_value(key, value)}")
    return "，".join(parts)

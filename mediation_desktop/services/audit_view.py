"""Reading the audit trail for the viewer: filters, keyset paging, labels. No Qt here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage.audit_repo import audit_rows, distinct_audit_values
from mediation_desktop.storage.cases_repo import find_case_id
from mediation_desktop.storage.outbox import verify_audit_chain

ACTION_LABELS = {
    "init": "初始化", "register": "登记案件", "edit": "修改案件", "accept": "受理", "not_accept": "不予受理",
    "extend": "延期", "record_session": "记录调解", "schedule_session": "安排调解", "conclude": "办结", "record_performance": "记录履行",
    "close": "结案", "reopen": "重新打开", "demo": "生成演示数据", "ledger_import": "导入台账",
    "sync_import": "导入同步包", "sync_export": "导出同步包", "export": "导出", "document": "生成文书",
    "view_personal": "查看完整个人信息", "backup": "备份", "restore": "从备份恢复", "recover": "从备份修复",
    "sign_in": "登录", "sign_in_failed": "登录失败", "sign_out": "退出登录", "user_add": "添加用户",
    "user_disable": "停用用户", "user_enable": "启用用户", "user_password": "修改密码", "user_role": "修改角色",
}


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None
    case: str | None = None          # case number or id
    date_from: date | None = None
    date_to: date | None = None      # inclusive
    text: str | None = None          # anywhere in the detail


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user: str
    action: str
    entity: str | None
    entity_id: str | None
    detail: dict

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def summary(self) -> str:
        return "，".join(f"{k}：{v}" for k, v in self.detail.items() if v not in (None, ""))


def query_audit(backend, flt: AuditFilter = AuditFilter(), limit: int = 200,
                before_id: int | None = None) -> list[AuditEntry]:
    """Newest first; pass the last id shown as ``before_id`` for the next page."""
    require_backend(backend, "audit.read")
    with backend.db.read() as conn:
        entity_id = None
        if flt.case:
            entity_id = find_case_id(conn, flt.case.strip())
            if entity_id is None:
                raise UserError("E_CASE_NOT_FOUND", f"找不到案件“{flt.case.strip()}”")
        rows = audit_rows(conn, user=flt.user, action=flt.action, entity_id=entity_id, before_id=before_id,
                          since=flt.date_from.isoformat() if flt.date_from else None,
                          before=(flt.date_to + timedelta(days=1)).isoformat() if flt.date_to else None,
                          text=flt.text.strip() if flt.text else None, limit=limit)
    return [AuditEntry(r.id, r.at, r.user, r.action, r.entity, r.entity_id, _detail(r.detail)) for r in rows]


def _detail(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


def audit_users(backend) -> list[str]:
    with backend.db.read() as conn:
        return distinct_audit_values(conn, "user")


def audit_actions(backend) -> list[str]:
    with backend.db.read() as conn:
        return distinct_audit_values(conn, "action")


def chain_problems(backend) -> list[str]:
    """The chain check plus the cut-off check, for the viewer's status line."""
    from mediation_desktop.services.audit_head import tail_problems

    with backend.db.read() as conn:
        problems = verify_audit_chain(conn)
    return problems + tail_problems(backend.paths)

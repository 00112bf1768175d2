"""Who may do what: roles, permissions and the one check every use case calls.

A user holds one working role and may also be an administrator; the role column then reads
``head+admin``. The command line asks no password (CONTRACT §1): it acts as the operating-system
user with the role ``operator`` (everything), because whoever can run it can read the data folder
directly anyway; the folder is protected by the operating system. An administrator who scripts the
command line for a restricted account sets env ``MEDIATION_DESKTOP_CLI_ROLE`` to one of the roles.
"""

from __future__ import annotations

import os

from mediation_desktop.core.errors import PermissionDenied, UserError

MEDIATOR = "mediator"
HEAD = "head"
SUPERVISOR = "supervisor"
ADMIN = "admin"
OPERATOR = "operator"  # the command line acting with the operating system's trust
ROLES = (MEDIATOR, HEAD, SUPERVISOR, ADMIN)
ROLE_LABELS = {MEDIATOR: "调解员", HEAD: "组织负责人", SUPERVISOR: "区人社监管", ADMIN: "管理员",
               OPERATOR: "命令行操作员"}
ENV_CLI_ROLE = "MEDIATION_DESKTOP_CLI_ROLE"

# permission -> (Chinese description used in refusals)
PERMISSIONS: dict[str, str] = {
    "case.read": "查看案件",
    "case.view_personal": "查看完整的身份证号和电话",
    "case.register": "登记案件",
    "case.accept": "受理或不予受理案件",
    "case.record": "记录调解、修改案件信息",
    "case.conclude": "办结案件（协议、和解、终止、撤回、转办）",
    "case.close": "结案",
    "case.reopen": "重新打开已结案件",
    "document.generate": "生成文书",
    "ledger.import": "导入台账",
    "data.export": "导出数据（同步包、报表）",
    "sync.import": "导入同步包",
    "consolidated.read": "查看汇总数据",
    "remark.write": "填写监管意见",
    "audit.read": "查看审计日志",
    "users.manage": "管理用户账户",
    "org.settings": "修改本组织设置",
    "backup.create": "备份数据",
    "backup.restore": "从备份恢复数据",
    "template.decide": "接受或拒绝区人社下发的文书模板",
    "keys.manage": "登记或吊销同步节点的密钥",
    "demo.generate": "生成模拟案件",
}

_CASEWORK = {"case.read", "case.view_personal", "case.register", "case.accept", "case.record",
             "case.conclude", "document.generate", "ledger.import"}

GRANTS: dict[str, frozenset[str]] = {
    MEDIATOR: frozenset(_CASEWORK),
    # The head also mediates, and alone closes and reopens cases, exports and answers upward.
    HEAD: frozenset(_CASEWORK | {"case.close", "case.reopen", "data.export", "sync.import",
                                 "audit.read", "backup.create", "org.settings",
                                 "template.decide", "keys.manage", "demo.generate"}),
    # The district reads everything consolidated and writes remarks, never the rooms' case files.
    SUPERVISOR: frozenset({"case.read", "consolidated.read", "remark.write", "data.export",
                           "sync.import", "audit.read"}),
    # Keeps the installation running: accounts, backups, the audit trail; no casework.
    # Trusting or revoking a node's key decides whose packages are believed: head or admin only.
    ADMIN: frozenset({"users.manage", "backup.create", "backup.restore", "audit.read", "org.settings",
                      "keys.manage", "demo.generate"}),
    OPERATOR: frozenset(PERMISSIONS),
}


def parse_roles(role: str | None) -> frozenset[str]:
    """``"head+admin"`` -> {"head", "admin"}; unknown parts raise (a corrupt role grants nothing)."""
    if not role:
        return frozenset()
    parts = frozenset(p.strip() for p in role.split("+") if p.strip())
    unknown = parts - set(GRANTS)
    if unknown:
        raise UserError("E_ROLE", f"未知的角色：{'、'.join(sorted(unknown))}")
    return parts


def join_roles(roles) -> str:  # any iterable of role names
    ordered = [r for r in (*ROLES, OPERATOR) if r in set(roles)]
    text = "+".join(ordered)
    parse_roles(text)
    return text


def role_label(role: str | None) -> str:
    try:
        return "、".join(ROLE_LABELS[r] for r in sorted(parse_roles(role), key=list(GRANTS).index)) or "未登录"
    except UserError:
        return str(role)


def granted(role: str | None) -> frozenset[str]:
    perms: set[str] = set()
    for r in parse_roles(role):
        perms |= GRANTS[r]
    return frozenset(perms)


def allowed(role: str | None, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(permission)
    try:
        return permission in granted(role)
    except UserError:
        return False


def allowed_any(role: str | None, permissions: tuple[str, ...]) -> bool:
    """What a menu asks before it shows an entry whose page offers several guarded operations."""
    return any(allowed(role, p) for p in permissions)


def require(role: str | None, permission: str) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` grants ``permission``."""
    if not allowed(role, permission):
        who = role_label(role)
        raise PermissionDenied("E_PERMISSION", f"当前账户（{who}）无权{PERMISSIONS[permission]}，请由有权限的人员操作")


def cli_role() -> str:
    """The role the command line acts with (see the module note)."""
    role = os.environ.get(ENV_CLI_ROLE, "").strip() or OPERATOR
    parse_roles(role)
    return role


def backend_role(backend) -> str | None:  # services.backend.Backend
    """The acting role of a back end: set at sign-in in the GUI, the CLI role otherwise."""
    role = getattr(backend, "role", None)
    return cli_role() if role is None else role


def require_backend(backend, permission: str) -> None:
    require(backend_role(backend), permission)


# What each case action needs (CaseService checks it before it changes anything).
ACTION_PERMISSIONS = {
    "register": "case.register", "edit": "case.record", "accept": "case.accept", "not_accept": "case.accept",
    "extend": "case.record", "record_session": "case.record", "schedule_session": "case.record", "record_performance": "case.record",
    "conclude": "case.conclude", "close": "case.close", "reopen": "case.reopen",
    # The ways to conclude, as the case page offers them.
    "agree": "case.conclude", "settle": "case.conclude", "fail": "case.conclude", "withdraw": "case.conclude",
    "transfer": "case.conclude",
}


def may_act(role: str | None, action: str) -> bool:
    """Whether a case action's button should be offered: the same table require_action checks."""
    return allowed(role, ACTION_PERMISSIONS.get(action, "case.record"))


def owns_case(origin_node: str | None, node_id: str) -> bool:
    """A node changes only the cases it registered (or that predate sync); a room's case held at the
    district is read-only there, and the district answers it with remarks or correction requests."""
    return not origin_node or origin_node == node_id


def may_act_on_case(role: str | None, action: str, origin_node: str | None, node_id: str) -> bool:
    """Whether a case page offers ``action`` on this case: the role's permission and the owner rule."""
    return owns_case(origin_node, node_id) and may_act(role, action)


def may_remark(role: str | None, node_role: str, origin_node: str | None, node_id: str) -> bool:
    """The district writes remarks and correction requests on the rooms' cases it holds."""
    return node_role == SUPERVISOR and allowed(role, "remark.write") and not owns_case(origin_node, node_id)


def may_answer_remark(role: str | None, node_role: str) -> bool:
    """A room answers the district's remarks on its own cases (services.district_messages)."""
    return node_role == "room" and allowed(role, "case.record")


def require_action(backend, action: str) -> None:
    """Check a case action; actions not in the table need ``case.record``."""
    require_backend(backend, ACTION_PERMISSIONS.get(action, "case.record"))

"""``users add/list/passwd/disable/enable/role``: local accounts for the GUI's sign-in.

Passwords come from env ``MEDIATION_DESKTOP_USER_PASSWORD`` or are typed at a terminal; nothing
waits for input when stdin is not a terminal.
"""

from __future__ import annotations

import os
import sys

from mediation_desktop.core.errors import UserError

ENV_PASSWORD = "MEDIATION_DESKTOP_USER_PASSWORD"


def register(sub) -> None:
    p = sub.add_parser("users", help="管理图形界面的登录账户（需要管理员权限）")
    us = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    roles = "角色：mediator 调解员、head 组织负责人、supervisor 区人社监管、admin 管理员；可用 + 组合，如 head+admin"

    a = us.add_parser("add", help="添加用户（密码取自环境变量 MEDIATION_DESKTOP_USER_PASSWORD 或在终端输入）")
    a.add_argument("name")
    a.add_argument("--role", required=True, help=roles)
    a.add_argument("--display-name", default="", help="显示的姓名")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=run_add)

    ls = us.add_parser("list", help="列出用户")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)

    pw = us.add_parser("passwd", help="重设用户密码")
    pw.add_argument("name")
    pw.set_defaults(func=run_passwd)

    for verb, text in (("disable", "停用用户"), ("enable", "重新启用用户（同时解除锁定）")):
        d = us.add_parser(verb, help=text)
        d.add_argument("name")
        d.set_defaults(func=run_set_active, active=(verb == "enable"))

    r = us.add_parser("role", help="修改用户角色")
    r.add_argument("name")
    r.add_argument("role", help=roles)
    r.set_defaults(func=run_role)


def read_new_password() -> str:
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError("E_PASSWORD_REQUIRED", f"请通过环境变量 {ENV_PASSWORD} 提供密码，或在终端中运行以便输入密码")
    import getpass

    first = getpass.getpass("新密码：")
    if getpass.getpass("再输入一次：") != first:
        raise UserError("E_PASSWORD_MISMATCH", "两次输入的密码不一致")
    return first


def _account_json(a) -> dict:
    return {"name": a.name, "display_name": a.display_name, "role": a.role, "active": a.active,
            "locked_until": a.locked_until.isoformat() if a.locked_until else None}


def run_add(ctx) -> int:
    from mediation_desktop.services import accounts

    backend = ctx.backend()
    password = read_new_password()
    account = accounts.add_user(backend, ctx.args.name, password, ctx.args.role, ctx.args.display_name)
    if ctx.args.json:
        ctx.out_json(_account_json(account))
    else:
        ctx.say(f"已添加用户 {account.name}（{account.role_label}）")
    return 0


def run_list(ctx) -> int:
    from mediation_desktop.services import accounts

    found = accounts.list_users(ctx.backend())
    if ctx.args.json:
        ctx.out_json([_account_json(a) for a in found])
        return 0
    if not found:
        ctx.say("还没有用户账户。")
    for a in found:
        state = "已停用" if not a.active else ("已锁定" if a.locked_until else "正常")
        ctx.say(f"{a.name}\t{a.display_name}\t{a.role_label}\t{state}")
    return 0


def run_passwd(ctx) -> int:
    from mediation_desktop.services import accounts

    backend = ctx.backend()
    accounts.get_user(backend, ctx.args.name)
    accounts.change_password(backend, ctx.args.name, read_new_password())
    ctx.say(f"已重设 {ctx.args.name} 的密码")
    return 0


def run_set_active(ctx) -> int:
    from mediation_desktop.services import accounts

    account = accounts.set_active(ctx.backend(), ctx.args.name, ctx.args.active)
    ctx.say(f"已{'启用' if account.active else '停用'}用户 {account.name}")
    return 0


def run_role(ctx) -> int:
    from mediation_desktop.services import accounts

    account = accounts.set_role(ctx.backend(), ctx.args.name, ctx.args.role)
    ctx.say(f"{account.name} 的角色已改为：{account.role_label}")
    return 0

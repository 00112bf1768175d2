"""``init``: create the database and this node's identity."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("init", help="初始化数据目录：建立数据库和本节点密钥")
    p.add_argument("--org", required=True, help="组织名称，如：和平区劳动人事争议调解中心")
    p.add_argument("--org-code", required=True, help="组织代码，用于案号，如：津和平")
    p.add_argument("--role", choices=("room", "supervisor"), default="room",
                   help="room：调解组织（默认）；supervisor：区人社监管")
    p.add_argument("--district", help="所属区县代码")
    p.add_argument("--address", help="本组织地址（印在受理、不予受理等通知上）")
    p.add_argument("--phone", help="本组织联系电话（印在通知上）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(ctx) -> int:
    from mediation_desktop.services.backend import Backend

    backend = Backend(ctx.paths, ctx.args.user)
    ctx._backend = backend
    if backend.initialised:
        from mediation_desktop.core.errors import UserError

        raise UserError("E_ALREADY_INITIALISED", f"数据目录 {ctx.paths.root} 已经初始化过，不能重复初始化")
    backend.migrate()
    node = backend.initialise(ctx.args.org, ctx.args.org_code, ctx.args.role, ctx.args.district,
                              address=ctx.args.address, phone=ctx.args.phone)
    from mediation_desktop.sync.trust import create_keys

    create_keys(backend)   # the node's sync identity, made once here
    if ctx.args.json:
        ctx.out_json({"node_id": node.node_id, "org": node.org.name, "org_code": node.org.code, "role": node.role,
                      "data_dir": str(ctx.paths.root)})
    else:
        ctx.say(f"已初始化：{node.org.name}（{node.org.code}），角色：{'调解组织' if node.role == 'room' else '区人社监管'}")
        ctx.say(f"数据目录：{ctx.paths.root}")
    return 0

"""``keys export|trust|revoke|list``: this node's public card and the nodes it trusts."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:  # argparse's private subparsers type
    p = sub.add_parser("keys", help="身份名片与信任：导出本机名片、登记对方名片（核对指纹）、吊销、列出")
    keys_sub = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    e = keys_sub.add_parser("export", help="写出本机的公开身份名片")
    e.add_argument("--out", required=True, help="名片文件，如 E:\\和平区调解中心.card")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=run_export)

    t = keys_sub.add_parser("trust", help="登记对方的名片；指纹必须与对方电话中念出的一致")
    t.add_argument("file", help="对方的名片文件")
    t.add_argument("--fingerprint", required=True, help="对方念出的 32 位指纹（可带空格）")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=run_trust)

    r = keys_sub.add_parser("revoke", help="吊销一个节点（密钥遗失、电脑被盗）：不再接受它的新包")
    r.add_argument("node", help="节点编号或机构代码")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_revoke)

    ls = keys_sub.add_parser("list", help="列出已登记的节点和本机指纹")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)


def run_export(ctx) -> int:  # cli.Context
    from mediation_desktop.sync.trust import write_card

    out = Path(ctx.args.out)
    fp = write_card(ctx.backend(), out)
    if ctx.args.json:
        ctx.out_json({"fingerprint": fp, "file": str(out)})
    else:
        ctx.say(f"已写出本机身份名片：{out}")
        ctx.say(f"指纹（请通过电话逐组念给对方核对）：{fp}")
    return 0


def run_trust(ctx) -> int:
    from mediation_desktop.sync.trust import ROLE_LABELS, trust

    peer = trust(ctx.backend(), Path(ctx.args.file), ctx.args.fingerprint)
    if ctx.args.json:
        ctx.out_json(peer)
    else:
        ctx.say(f"已登记：{peer['org_name']}（{peer['org_code']}，{ROLE_LABELS[peer['role']]}），指纹 {peer['fingerprint']}")
    return 0


def run_revoke(ctx) -> int:
    from mediation_desktop.sync.trust import revoke

    result = revoke(ctx.backend(), ctx.args.node)
    if ctx.args.json:
        ctx.out_json(result)
    else:
        ctx.say(f"已吊销 {result['org_code']}（{result['node_id']}）：此后不再接受它的新同步包。")
    return 0


def run_list(ctx) -> int:
    from mediation_desktop.sync.keys import fingerprint
    from mediation_desktop.sync.trust import ROLE_LABELS, node_keys, peers

    backend = ctx.backend()
    mine = fingerprint(node_keys(backend))
    rows = peers(backend)
    if ctx.args.json:
        ctx.out_json({"node_id": backend.node.node_id, "fingerprint": mine, "peers": rows})
        return 0
    ctx.say(f"本机：{backend.node.org.name}（{backend.node.org.code}） 指纹 {mine}")
    if not rows:
        ctx.say("尚未登记任何节点。")
    for r in rows:
        state = "已吊销" if r["status"] == "revoked" else "已信任"
        ctx.say(f"{r['org_code']}\t{ROLE_LABELS.get(r['role'], r['role'])}\t{state}\t{r['fingerprint']}\t{r['org_name']}")
    return 0

"""``templates list|preview|accept|decline``: templates a district package offers (the head decides)."""

from __future__ import annotations

from pathlib import Path

_STATUS = {"offered": "待处理", "accepted": "已接受", "declined": "已拒绝"}


def register(sub) -> None:
    p = sub.add_parser("templates", help="区人社下发的文书模板：查看、预览、接受或拒绝（组织负责人）")
    t_sub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    ls = t_sub.add_parser("list", help="列出待处理的下发模板（--all 含已处理的）")
    ls.add_argument("--all", action="store_true", help="也列出已接受、已拒绝的模板")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    pv = t_sub.add_parser("preview", help="用样例案件生成预览文书")
    pv.add_argument("name", metavar="NAME", help="模板名，如 agreement 或 agreement.docx")
    pv.add_argument("--out", required=True, help="输出文件（.docx）")
    pv.set_defaults(func=run_preview)
    ac = t_sub.add_parser("accept", help="接受并启用下发的模板")
    ac.add_argument("name", metavar="NAME")
    ac.set_defaults(func=run_accept)
    de = t_sub.add_parser("decline", help="拒绝下发的模板")
    de.add_argument("name", metavar="NAME")
    de.set_defaults(func=run_decline)


def run_list(ctx) -> int:
    from mediation_desktop.services.template_offers import list_offers

    offers = list_offers(ctx.backend(), all_statuses=ctx.args.all)
    if ctx.args.json:
        ctx.out_json({"offers": offers})
        return 0
    if not offers:
        ctx.say("没有待处理的下发模板。")
        return 0
    for o in offers:
        sender = o["from_org"] or o["from_node"]
        line = f"{o['name']}（{o['title'] or '未知文书'}）  {_STATUS.get(o['status'], o['status'])}  来自 {sender}  " \
               f"收到于 {o['received_at'][:16].replace('T', ' ')}  SHA-256 {o['sha256'][:16]}…"
        if o["status"] != "offered":
            line += f"  {o['decided_by'] or ''} {(o['decided_at'] or '')[:10]}"
        ctx.say(line)
        if o.get("problem"):
            ctx.say(f"    不能接受：{o['problem']}")
    return 0


def run_preview(ctx) -> int:
    from mediation_desktop.services.template_offers import preview

    out = preview(ctx.backend(), ctx.args.name, Path(ctx.args.out))
    ctx.say(f"已用样例案件生成预览：{out}（样例数据均为虚构）")
    return 0


def run_accept(ctx) -> int:
    from mediation_desktop.services.template_offers import accept

    result = accept(ctx.backend(), ctx.args.name)
    ctx.say(f"已接受模板 {result['name']}，以后生成“{result['title'] or result['kind']}”时使用它"
            f"（{result['installed']}）。")
    return 0


def run_decline(ctx) -> int:
    from mediation_desktop.services.template_offers import decline

    result = decline(ctx.backend(), ctx.args.name)
    ctx.say(f"已拒绝模板 {result['name']}，继续使用原来的模板。")
    return 0

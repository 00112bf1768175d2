"""The district's own records that travel down to the rooms: ``remark`` (批注/更正请求 on a room's
case), ``notice`` (通知), ``key-enterprises`` (重点监测企业名单); and ``notices`` to read them."""

from __future__ import annotations


def register(sub) -> None:
    r = sub.add_parser("remark", help="（区人社）对调解组织的案件写批注或更正请求，随下发包送达；"
                                      "（调解组织）remark answer 意见编号 答复内容：答复区人社的意见，随上报包送达")
    r.add_argument("case_no", metavar="CASE_NO", help="案号；调解组织答复时写 answer")
    r.add_argument("text", metavar="TEXT", help="意见内容；答复时为意见编号（case show 中显示的前8位即可）")
    r.add_argument("answer", metavar="ANSWER", nargs="?", help="答复内容（仅用于 remark answer）")
    r.add_argument("--correction", action="store_true", help="作为更正请求（调解组织修改前会标为冲突提醒）")
    r.set_defaults(func=run_remark)

    n = sub.add_parser("notice", help="（区人社）发给各调解组织的通知，随下发包送达")
    n.add_argument("--title", required=True)
    n.add_argument("--body", required=True)
    n.add_argument("--attach", metavar="FILE", help="附带一个文件（随通知下发）")
    n.set_defaults(func=run_notice)

    ls = sub.add_parser("notices", help="列出通知（调解组织收到的，或区人社发出的）")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_notices)

    k = sub.add_parser("key-enterprises", help="（区人社）重点监测企业名单：从表格导入，随下发包送达")
    ksub = k.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    ki = ksub.add_parser("import", help="从 Excel（.xlsx）或 CSV 导入（列：统一社会信用代码、名称、原因），替换现有名单")
    ki.add_argument("file", metavar="FILE")
    ki.set_defaults(func=run_key_import)
    kl = ksub.add_parser("list", help="列出名单")
    kl.add_argument("--json", action="store_true")
    kl.set_defaults(func=run_key_list)


def run_remark(ctx) -> int:
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.sync.supervisor import add_remark

    if ctx.args.case_no == "answer" and ctx.args.answer is not None:
        return run_remark_answer(ctx)
    if ctx.args.answer is not None:
        raise UserError("E_ARGUMENT", "写意见时只需案号和意见内容两个参数；答复意见请用 remark answer 意见编号 答复内容")
    backend = ctx.backend()
    add_remark(backend, ctx.args.case_no, ctx.args.text, "correction" if ctx.args.correction else "remark")
    ctx.say("已记录，将随下一个下发包送达该案件所属的调解组织。")
    return 0


def run_remark_answer(ctx) -> int:
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.services.district_messages import answer_remark

    if ctx.args.correction:
        raise UserError("E_ARGUMENT", "答复意见时不能使用 --correction")
    answer_remark(ctx.backend(), ctx.args.text, ctx.args.answer)
    ctx.say("已记录答复，将随下一个上报包送达区人社；该更正请求随之办结。")
    return 0


def run_notice(ctx) -> int:
    from mediation_desktop.sync.supervisor import add_notice

    backend = ctx.backend()
    add_notice(backend, ctx.args.title, ctx.args.body, ctx.args.attach)
    ctx.say("已记录，将随下一批下发包送达各调解组织。")
    return 0


def run_notices(ctx) -> int:
    from mediation_desktop.sync.supervisor import notices

    found = notices(ctx.backend())
    if ctx.args.json:
        ctx.out_json(found)
        return 0
    if not found:
        ctx.say("没有通知。")
    for n in found:
        ctx.say(f"{n['created_at'][:10]}  {n['title']}\n  {n['body']}")
        if n.get("attachment_name"):
            ctx.say(f"  附件：{n['attachment_name']}")
    return 0


def run_key_import(ctx) -> int:
    from mediation_desktop.core.errors import UserError, ValidationError
    from mediation_desktop.services.key_enterprise_list import read_key_list
    from mediation_desktop.sync.supervisor import set_key_enterprises

    preview = read_key_list(ctx.args.file)   # every row checked before anything is replaced
    preview.require_ok()
    try:
        count = set_key_enterprises(ctx.backend(), preview.entries)
    except ValidationError as exc:
        raise UserError("E_KEY_LIST_FORMAT", f"名单中有无效的内容（{exc.message}），名单未导入") from None
    skipped = f"（{len(preview.duplicates)}行重复的信用代码只导入一次）" if preview.duplicates else ""
    ctx.say(f"已导入重点监测企业 {count} 家{skipped}，将随下发包送达各调解组织。")
    return 0


def run_key_list(ctx) -> int:
    from mediation_desktop.sync.supervisor import key_enterprises

    rows = key_enterprises(ctx.backend())
    if ctx.args.json:
        ctx.out_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['uscc']}  {r['name']}  {r['reason']}")
    return 0

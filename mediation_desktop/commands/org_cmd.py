"""``org show`` / ``org set``: this organisation's settings."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("org", help="本组织设置（名称、地址、仲裁委员会、案号格式）")
    osub = p.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    show = osub.add_parser("show", help="显示设置")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)
    s = osub.add_parser("set", help="修改设置")
    s.add_argument("--name")
    s.add_argument("--address")
    s.add_argument("--phone")
    s.add_argument("--arbitration-name", help="终止调解告知书中的劳动人事争议仲裁委员会名称")
    s.add_argument("--arbitration-address", help="仲裁委员会地址")
    s.add_argument("--case-no-pattern", help="案号格式，如 {org_code}劳调〔{year}〕{seq}号")
    s.set_defaults(func=run_set)


def _as_dict(org) -> dict:
    return {"name": org.name, "code": org.code, "role": org.role, "address": org.address, "phone": org.phone,
            "arbitration_name": org.arbitration_name, "arbitration_address": org.arbitration_address,
            "case_no_pattern": org.case_no_pattern}


def run_show(ctx) -> int:
    org = ctx.backend().node.org
    if ctx.args.json:
        ctx.out_json(_as_dict(org))
    else:
        for key, value in _as_dict(org).items():
            ctx.say(f"{key}: {value or ''}")
    return 0


def run_set(ctx) -> int:
    from mediation_desktop.services.organisation import update_organisation

    a = ctx.args
    org = update_organisation(ctx.backend(), name=a.name, address=a.address, phone=a.phone,
                              arbitration_name=a.arbitration_name, arbitration_address=a.arbitration_address,
                              case_no_pattern=a.case_no_pattern)
    ctx.say(f"已保存。案号示例：{org.format_case_no(2026, 1)}")
    return 0

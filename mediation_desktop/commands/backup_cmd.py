"""``backup --out FILE``, ``restore FILE`` and ``check``."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("backup", help="在线备份数据库到指定文件（经完整性检查）")
    p.add_argument("--out", required=True, metavar="FILE", help="备份文件路径")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="用备份文件替换数据库（先自动备份，被替换的文件保留在数据目录中）")
    r.add_argument("file", metavar="FILE")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_restore)

    c = sub.add_parser("check", help="检查数据库完整性、外键和审计日志")
    c.add_argument("--quick", action="store_true", help="只做快速检查（quick_check）")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_check)


def _user(ctx) -> str:
    from mediation_desktop.services.backend import default_user

    return ctx.args.user or default_user()


def run_backup(ctx) -> int:
    from mediation_desktop.services.backups import backup_to_file

    out = backup_to_file(ctx.backend(), Path(ctx.args.out))
    if ctx.args.json:
        ctx.out_json({"file": str(out.resolve()), "size": out.stat().st_size, "integrity": "ok"})
    else:
        ctx.say(f"已备份到 {out}（{out.stat().st_size // 1024} KB，完整性检查通过）")
    return 0


def run_restore(ctx) -> int:
    from mediation_desktop.services.backups import restore_database

    # No Backend.open here: a damaged database refuses to open, and restoring is the way out.
    result = restore_database(ctx.paths, Path(ctx.args.file), _user(ctx))
    if ctx.args.json:
        ctx.out_json({"restored_from": str(result.restored_from),
                      "replaced": str(result.replaced) if result.replaced else None,
                      "safety_backup": str(result.safety_backup) if result.safety_backup else None})
        return 0
    ctx.say(f"已从 {result.restored_from.name} 恢复数据库。")
    if result.replaced:
        ctx.say(f"被替换的数据库保留为：{result.replaced}")
    if result.safety_backup:
        ctx.say(f"恢复前的备份：{result.safety_backup}")
    return 0


def run_check(ctx) -> int:
    from mediation_desktop.core.database_url import configured_database_url
    from mediation_desktop.services.integrity import failure_message, full_check

    if configured_database_url(ctx.paths.root) is not None:
        return _report_server_check(ctx)
    report = full_check(ctx.paths, quick=ctx.args.quick)
    if ctx.args.json:
        ctx.out_json(report.as_json())
    else:
        for w in report.warnings:
            ctx.say("警告：" + w)
        if report.ok:
            ctx.say("检查通过：" + "、".join(report.checked))
    if report.ok:
        return 0
    sys.stderr.write(f"E_CHECK_FAILED: {failure_message(ctx.paths, report)}\n")
    return 2




def _report_server_check(ctx) -> int:
    """``check`` on a PostgreSQL server: services.backups.server_check, reported as for a file."""
    from mediation_desktop.services.backups import server_check

    report = server_check(ctx.backend())
    if ctx.args.json:
        ctx.out_json(report.as_json())
    else:
        for w in report.warnings:
            ctx.say("警告：" + w)
        if report.ok:
            ctx.say("检查通过：" + "、".join(report.checked))
    if report.ok:
        return 0
    sys.stderr.write("E_CHECK_FAILED: 检查发现问题：" + "；".join(report.problems[:10]) + "\n")
    return 2

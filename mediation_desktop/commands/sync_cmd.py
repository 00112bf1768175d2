"""``sync export|import|status``: packages between rooms and the district supervisor (CONTRACT §5)."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    # (Backend.initialise registers the key-making hook itself: nothing heavy is imported here, so
    # every command starts without loading the cryptography stack.)
    p = sub.add_parser("sync", help="同步包：导出给对方、导入对方的包、查看同步状态")
    sync_sub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    e = sync_sub.add_parser("export", help="把新的变更写成同步包（默认增量）")
    e.add_argument("--out", required=True, help="写入的文件夹（U 盘或共享文件夹）")
    e.add_argument("--full", action="store_true", help="完整快照：本机拥有的全部记录")
    e.add_argument("--since-ack", action="store_true", help="从对方确认收到的位置起重新发送（U 盘遗失时）")
    e.add_argument("--to", help="接收方的节点编号或机构代码（区级有多个调解组织时每个各写一个包）")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=run_export)

    i = sync_sub.add_parser("import", help="导入同步包（先校验签名和每条记录，再一次性写入）")
    i.add_argument("files", nargs="+", help="包文件")
    i.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=run_import)

    s = sync_sub.add_parser("status", help="同步状态：每个已登记节点的最近包、序号、缺口、最后联系")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_status)
    c = sync_sub.add_parser("conflicts", help="列出待处理的同步冲突（双方都改了同一记录，没有自动覆盖）")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_conflicts)
    r = sync_sub.add_parser("resolve", help="处理一条冲突：保留本地记录（默认）或标记为已知悉")
    r.add_argument("conflict_id", metavar="ID")
    r.add_argument("--noted", action="store_true", help="只标记为已知悉")
    r.set_defaults(func=run_resolve)


def run_export(ctx) -> int:  # cli.Context
    from mediation_desktop.sync.export import export_packages

    results = export_packages(ctx.backend(), Path(ctx.args.out), full=ctx.args.full, to=ctx.args.to,
                              since_ack=ctx.args.since_ack)
    if ctx.args.json:
        data = [r.as_json() for r in results]
        ctx.out_json(data[0] if len(data) == 1 else data)
        return 0
    for r in results:
        ctx.say(f"已写出同步包：{r.path}（发给 {r.recipient_org_code}，第 {r.from_seq}–{r.to_seq} 号变更，"
                f"案件 {r.counts.get('cases', 0)} 件）")
    ctx.say("文件已写完并校验无误，现在可以安全拔出 U 盘。")
    return 0


def run_import(ctx) -> int:
    from mediation_desktop.sync.importer import exit_code, import_packages

    reports = import_packages(ctx.backend(), ctx.args.files, dry_run=ctx.args.dry_run)
    if ctx.args.json:
        ctx.out_json([r.as_json() for r in reports])
    else:
        labels = {"imported": "已导入", "already_imported": "此前已导入", "held": "已暂存（等待缺少的包）",
                  "rejected": "已拒绝"}
        prefix = "（试导入，未写入）" if ctx.args.dry_run else ""
        for r in reports:
            line = (f"{prefix}{r.file}：{labels[r.status]}；新增 {r.created}，更新 {r.updated}，"
                    f"未变 {r.unchanged}，冲突 {r.conflicts}")
            ctx.say(line + (f"。{r.reason}" if r.reason else ""))
    code = exit_code(reports)
    if code and not ctx.args.json:
        import sys

        first = next(r for r in reports if r.status == "rejected")
        sys.stderr.write(first.reason + "\n")
    return code


def run_status(ctx) -> int:
    from mediation_desktop.sync.supervisor import sync_status

    status = sync_status(ctx.backend())
    if ctx.args.json:
        ctx.out_json(status)
        return 0
    for p in status["peers"]:
        gap = f"，缺第 {p['missing'][0]}–{p['missing'][1]} 号" if p["missing"] else ""
        ctx.say(f"{p['org_code']}（{p['org_name']}）：已收到第 {p['high_water']} 号{gap}，暂存 {p['held']} 个包，"
                f"最后联系 {p['last_seen'] or '从未'}；我方已发至第 {p['exported_seq']} 号，对方确认第 {p['acked_seq']} 号")
    if status["conflicts"]:
        ctx.say(f"有 {status['conflicts']} 条冲突待处理。")
    return 0


def run_conflicts(ctx) -> int:
    from mediation_desktop.sync.supervisor import conflicts

    found = conflicts(ctx.backend())
    if ctx.args.json:
        ctx.out_json([{k: v for k, v in c.items() if k != "incoming"} for c in found])
        return 0
    if not found:
        ctx.say("没有待处理的同步冲突。")
    for c in found:
        ctx.say(f"{c['id']}\t{c['detected_at'][:16].replace('T', ' ')}\t{c['entity']} {c['entity_id']}\t{c['reason']}")
    return 0


def run_resolve(ctx) -> int:
    from mediation_desktop.sync.supervisor import RESOLUTIONS, resolve_conflict

    resolution = "noted" if ctx.args.noted else "kept_local"
    resolve_conflict(ctx.backend(), ctx.args.conflict_id, resolution)
    ctx.say(f"已处理：{RESOLUTIONS[resolution]}")
    return 0

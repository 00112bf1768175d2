"""``demo [--cases N]``: fill an initialised database with realistic synthetic cases."""

from __future__ import annotations

import time

from mediation_desktop.commands.arguments import bounded_int


def register(sub) -> None:
    p = sub.add_parser("demo", help="生成演示用的模拟案件（姓名、单位、证件号均为虚构）")
    p.add_argument("--cases", type=bounded_int(1, 5_000_000), default=200, help="生成多少件（默认200）")
    p.add_argument("--seed", type=bounded_int(0, 2**32 - 1), default=20260213, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(ctx) -> int:
    from mediation_desktop.services.demo import generate_demo

    started = time.perf_counter()
    n = generate_demo(ctx.backend(), ctx.args.cases, seed=ctx.args.seed)
    elapsed = time.perf_counter() - started
    if ctx.args.json:
        ctx.out_json({"created": n, "seconds": round(elapsed, 3)})
    else:
        ctx.say(f"已生成{n}件模拟案件，用时{elapsed:.1f}秒。")
    return 0

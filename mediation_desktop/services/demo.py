"""Filling a database with demo cases in one transaction.

``generate_demo`` is what users reach (``demo``): made-up cases must never mix with a real register,
where they would be counted in the statistics and sent to the district, so it is refused once the
register holds cases the generator did not make, or has ever exchanged a package. ``fill_demo``
is the generator itself, for tests, benchmarks and screenshots on throw-away folders.
"""

from __future__ import annotations

from mediation_desktop.core.clock import today
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.demo_data import DemoGenerator
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage.outbox import audit
from mediation_desktop.storage.register_facts import register_facts


def fill_demo(backend: Backend, n: int, seed: int = 20260213) -> int:
    with backend.db.write() as conn:
        return _fill(backend, conn, n, seed)


def generate_demo(backend: Backend, n: int, seed: int = 20260213) -> int:
    """Add ``n`` made-up cases for practice or a demonstration, only to a register that is itself
    made up (E_DEMO_REAL_DATA otherwise; nothing is added)."""
    require_backend(backend, "demo.generate")
    with backend.db.write() as conn:
        facts = register_facts(conn)
        if facts.synced:
            raise UserError("E_DEMO_REAL_DATA", "这个数据目录已经与其他节点交换过同步包，不能再加入模拟案件（它们会被统计并上报）。"
                            "如需演示，请用一个新的空数据目录（--data-dir）")
        if facts.cases > facts.demo_cases:
            raise UserError("E_DEMO_REAL_DATA", f"这个数据目录中已有{facts.cases - facts.demo_cases}件真实案件，"
                            "不能再加入模拟案件（它们会混入统计和上报）。如需演示，请用一个新的空数据目录（--data-dir）")
        return _fill(backend, conn, n, seed)


def _fill(backend: Backend, conn, n: int, seed: int) -> int:
    gen = DemoGenerator(seed=seed, today=today())
    created = insert_new_cases(backend, conn, gen.cases(n), user=backend.user)
    audit(conn, backend.user, "demo", None, None, {"cases": created, "seed": seed})
    return created

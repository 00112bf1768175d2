"""Filling a database with demo cases in one transaction."""

from __future__ import annotations

from mediation_desktop.core.clock import today
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.bulk import insert_new_cases
from mediation_desktop.services.demo_data import DemoGenerator
from mediation_desktop.storage.outbox import audit


def fill_demo(backend: Backend, n: int, seed: int = 20260213) -> int:
    gen = DemoGenerator(seed=seed, today=today())
    with backend.db.write() as conn:
        created = insert_new_cases(backend, conn, gen.cases(n), user=backend.user)
        audit(conn, backend.user, "demo", None, None, {"cases": created, "seed": seed})
    return created

"""Facts about a register as a whole that decide whether made-up cases may be added to it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, exists, func, select

from mediation_desktop.storage.schema import audit_log, cases, sync_packages

SYNC_ACTIONS = ("sync_export", "sync_import")


@dataclass(frozen=True)
class RegisterFacts:
    cases: int
    demo_cases: int   # how many the demo generator says it made (its audit entries)
    synced: bool      # a package was ever written or read


def register_facts(conn: Connection) -> RegisterFacts:
    total = conn.execute(select(func.count()).select_from(cases)).scalar_one()
    made = 0
    for (detail,) in conn.execute(select(audit_log.c.detail).where(audit_log.c.action == "demo")):
        try:
            made += int(json.loads(detail).get("cases", 0))
        except (ValueError, TypeError, AttributeError):
            continue  # an unreadable entry counts for nothing: the register is then treated as real
    synced = conn.execute(select(
        exists().where(audit_log.c.action.in_(SYNC_ACTIONS)) | exists().select_from(sync_packages))).scalar_one()
    return RegisterFacts(total, made, bool(synced))

"""The district's overview of its rooms (区域总览/调解组织): per enrolled room, when it last reported,
what is held back for a missing package, and how its open cases stand.

One grouped pass over the cases (storage.district_queries) plus a few small reads per room, so the
page costs about what the bare SQL aggregates cost, also at a million cases.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend

STALE_DAYS_KEY = "district.stale_days"
DEFAULT_STALE_DAYS = 7
MAX_STALE_DAYS = 366


@dataclass(frozen=True)
class RoomRow:
    node_id: str
    org_name: str
    org_code: str
    status: str                     # trusted | revoked (a revoked room stays listed with its cases)
    last_package_at: str | None
    days_since: int | None          # None: nothing received yet
    held: int                       # packages held back waiting for a missing one
    missing: tuple[int, int] | None  # the change numbers the missing package must carry
    sync_words: str                 # the above in words a supervisor understands
    cases: int
    open: int
    overdue: int
    late_accepted: int
    collective_open: int
    agreements_year: int
    mediated_year: int
    agreement_rate: str             # "66.7%", or "—" before any case was concluded this year
    conflicts: int
    stale: bool                     # not reported for stale_days or more (or never)

    def as_json(self) -> dict:
        data = asdict(self)
        data["missing"] = list(self.missing) if self.missing else None
        return data


def agreement_rate(agreements: int, mediated: int) -> str:
    """调解成功率: agreements over cases concluded by mediation (the statistics return's rule)."""
    return f"{agreements / mediated * 100:.1f}%" if mediated else "—"


def sync_words(imported: int, held: int, missing: tuple[int, int] | None, days_since: int | None,
               stale_days: int) -> str:
    """The room's sync position in one Chinese sentence."""
    parts = []
    if days_since is None:
        parts.append("尚未收到同步包")
    elif days_since == 0:
        parts.append("今天收到同步包")
    else:
        parts.append(f"{days_since}天前收到最近的同步包")
    if missing and held:
        parts.append(f"缺少第{imported + 1}号包（变更{missing[0]}至{missing[1]}），已暂存{held}个后续包，"
                     "请该组织补送")
    elif held:
        parts.append(f"已暂存{held}个包")
    if days_since is None or days_since >= stale_days:
        parts.append(f"超过{stale_days}天未报送")
    return "；".join(parts)


def stale_days(backend: Backend) -> int:
    from mediation_desktop.storage import sync_repo

    with backend.db.read() as conn:
        return _stale_days(sync_repo.get_setting(conn, STALE_DAYS_KEY))


def _stale_days(raw: str | None) -> int:
    try:
        return int(raw) if raw is not None else DEFAULT_STALE_DAYS
    except ValueError:
        return DEFAULT_STALE_DAYS


def set_stale_days(backend: Backend, days: int | str) -> int:
    """How many days without a package make a room stand out on the overview."""
    from mediation_desktop.storage import sync_repo
    from mediation_desktop.storage.outbox import audit

    require_backend(backend, "org.settings")
    try:
        value = int(str(days).strip())
    except ValueError:
        value = -1
    if not 1 <= value <= MAX_STALE_DAYS:
        raise UserError("E_STALE_DAYS", f"未报送提醒天数应为1到{MAX_STALE_DAYS}之间的整数，收到“{str(days)[:20]}”")
    with backend.db.write() as conn:
        sync_repo.set_setting(conn, STALE_DAYS_KEY, str(value))
        audit(conn, backend.user, "setting", "settings", STALE_DAYS_KEY, {"value": value})
    return value


def _days_since(stamp: str | None, today: date) -> int | None:
    if not stamp:
        return None
    try:
        received = datetime.fromisoformat(stamp).date()
    except ValueError:
        return None
    return max(0, (today - received).days)


def require_district(backend: Backend) -> None:
    if backend.node.role != "supervisor":
        raise UserError("E_ROLE", "调解组织总览只在区人社监管节点上可用")


def room_overview(backend: Backend, today: date | None = None) -> list[RoomRow]:
    """Every enrolled room, stale ones first, then by organisation code."""
    from mediation_desktop.storage import district_queries, sync_repo

    require_backend(backend, "consolidated.read")
    require_district(backend)
    today = today or clock_today()
    with backend.db.read() as conn:
        limit = _stale_days(sync_repo.get_setting(conn, STALE_DAYS_KEY))
        figures = district_queries.room_case_figures(conn, today, date(today.year, 1, 1))
        conflicts = sync_repo.conflict_counts_by_origin(conn)
        peers = [p for p in sync_repo.list_peers(conn) if p.role == "room"]
        positions = district_queries.sync_positions(conn)
    rows = []
    blank = {"high_water": 0, "last_package_at": None, "imported": 0, "held": 0, "first_held": None}
    for peer in peers:
        pos = positions.get(peer.node_id, blank)
        high, held, first = pos["high_water"], pos["held"], pos["first_held"]
        missing = (high + 1, first - 1) if held and first is not None and first > high + 1 else None
        last = pos["last_package_at"]
        days = _days_since(last, today)
        f = figures.get(peer.node_id, {})
        rows.append(RoomRow(
            node_id=peer.node_id, org_name=peer.org_name, org_code=peer.org_code, status=peer.status,
            last_package_at=last, days_since=days, held=held, missing=missing,
            sync_words=sync_words(pos["imported"], held, missing, days, limit),
            cases=f.get("cases", 0), open=f.get("open", 0), overdue=f.get("overdue", 0),
            late_accepted=f.get("late_accepted", 0), collective_open=f.get("collective_open", 0),
            agreements_year=f.get("agreements_year", 0), mediated_year=f.get("mediated_year", 0),
            agreement_rate=agreement_rate(f.get("agreements_year", 0), f.get("mediated_year", 0)),
            conflicts=conflicts.get(peer.node_id, 0),
            stale=peer.status == "trusted" and (days is None or days >= limit)))
    rows.sort(key=lambda r: (not r.stale, r.org_code))
    return rows


ROOM_COLUMNS = (("org_name", "调解组织"), ("org_code", "代码"), ("last_package_at", "最近收到同步包"),
                ("days_since", "距今天数"), ("sync_words", "报送情况"), ("open", "在办"), ("overdue", "超期"),
                ("late_accepted", "逾期受理"), ("collective_open", "集体争议（在办）"),
                ("agreement_rate", "本年调解成功率"), ("conflicts", "未处理冲突"))


def export_overview_xlsx(rows: list[RoomRow], out: str) -> str:
    """The overview as an Excel sheet (room names come from other nodes: written formula-safe)."""
    from mediation_desktop.services.list_export import write_sheets_xlsx
    from mediation_desktop.services.output_files import check_output_file

    data = [[getattr(r, key) for key, _ in ROOM_COLUMNS] for r in rows]
    return str(write_sheets_xlsx(check_output_file(out), [("调解组织", [label for _, label in ROOM_COLUMNS], data)]))

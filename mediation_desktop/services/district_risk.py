"""Risk across rooms (风险): what no single room can see alone.

Open cases with a risk level and the reasons of core.risk, where a district adds the cross-room
reason (the same employer with open cases in several rooms); overdue deadlines across rooms;
collective disputes; employers with open cases in several rooms or many in one; employers on the
key-enterprise list with open cases; open red/orange screenings and urgent reports. At a room the
same lists cover its own cases. Employers are one employer by credit code, else by normalised name
(core.risk.employer_key). Every list can be written to Excel.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import DisputeType
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.risk import (
    KEY_ENTERPRISE_REASON,
    LEVELS,
    SAME_EMPLOYER_MANY,
    assessed,
    employer_key,
    large_amount,
    rooms_reason,
    same_employer_reason,
)
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend

SAME_EMPLOYER_KEY = "district.same_employer_many"
LEVEL_CHOICES = ("yellow", "orange", "red")
_WAGES = DisputeType.WAGES.value


class RiskCase(NamedTuple):
    """One open case on the district's lists (a named tuple: tens of thousands are made at a time)."""

    case_id: str
    case_no: str
    org_name: str
    org_code: str
    received_on: date
    applicant_names: str
    respondent_name: str
    respondent_uscc: str | None
    workers_involved: int
    next_due: date | None
    overdue_days: int          # 0 when nothing is overdue
    level: str
    reasons: tuple[str, ...]
    num: int = 0               # the case list's row key (filtering the list by risk)

    def as_json(self) -> dict[str, Any]:
        return {"source": "case", "id": self.case_id, "case_no": self.case_no, "org_name": self.org_name,
                "org_code": self.org_code, "received_on": self.received_on.isoformat(),
                "applicants": self.applicant_names, "respondent": {"name": self.respondent_name,
                                                                   "uscc": self.respondent_uscc},
                "workers_involved": self.workers_involved,
                "next_due": self.next_due.isoformat() if self.next_due else None,
                "overdue_days": self.overdue_days, "risk": {"level": self.level, "reasons": list(self.reasons)}}


class EmployerRisk(NamedTuple):
    """One employer with open cases in several rooms, or many in one (a named tuple: thousands are made
    at a time, and their rooms' (name, code, count) entries are shared between them)."""

    name: str
    uscc: str | None
    rooms: tuple[tuple[str, str, int], ...]   # (organisation name, code, open cases there)
    open_cases: int
    key_enterprise: bool
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "uscc": self.uscc, "open_cases": self.open_cases,
                "key_enterprise": self.key_enterprise,
                "rooms": [{"org_name": n, "org_code": c, "open_cases": k} for n, c, k in self.rooms],
                "reasons": list(self.reasons)}


# Entries from a tuple of all their fields in order, without the Python-level __new__ of a named tuple
# (a third of the cost of each of the tens of thousands of list entries).
_risk_case = partial(tuple.__new__, RiskCase)
_employer_risk = partial(tuple.__new__, EmployerRisk)


@dataclass
class DistrictRisk:
    today: date
    cases: list[RiskCase] = field(default_factory=list)          # open cases with a risk level, red first
    overdue: list[RiskCase] = field(default_factory=list)        # open cases past their next deadline
    collective: list[RiskCase] = field(default_factory=list)     # open collective disputes
    employers: list[EmployerRisk] = field(default_factory=list)  # several rooms, or many in one
    key_enterprises: list[EmployerRisk] = field(default_factory=list)
    screenings: list[dict] = field(default_factory=list)         # open orange/red screenings
    urgent_reports: list[dict] = field(default_factory=list)     # not yet seen urgent reports

    def entries(self, level: str | None = None) -> list[dict[str, Any]]:
        """The ``risk`` command's list: cases, then screenings and urgent reports, at ``level`` or above."""
        floor = LEVELS.index(level) if level else 1
        out = [c.as_json() for c in self.cases if LEVELS.index(c.level) >= floor]
        out += [s for s in self.screenings if LEVELS.index(s["level"]) >= floor]
        # An urgent report is the room's own alarm about a collective or major risk: red at any level asked.
        out += [{**u, "source": "urgent_report", "level": "red",
                 "reasons": [f"情况快报（{u['reported_on']}）：{u['title']}"]} for u in self.urgent_reports]
        return out


def same_employer_many(backend: Backend) -> int:
    from mediation_desktop.storage import sync_repo

    with backend.db.read() as conn:
        raw = sync_repo.get_setting(conn, SAME_EMPLOYER_KEY)
    return int(raw) if raw and raw.isdigit() and int(raw) >= 2 else SAME_EMPLOYER_MANY


def set_same_employer_many(backend: Backend, value: int | str) -> int:
    """From how many open cases against one employer in one room it is listed."""
    from mediation_desktop.storage import sync_repo
    from mediation_desktop.storage.outbox import audit

    require_backend(backend, "org.settings")
    text = str(value).strip()
    if not text.isdigit() or not 2 <= int(text) <= 1000:
        raise UserError("E_RISK_SETTING", f"同一用人单位案件数提醒应为2到1000之间的整数，收到“{text[:20]}”")
    with backend.db.write() as conn:
        sync_repo.set_setting(conn, SAME_EMPLOYER_KEY, str(int(text)))
        audit(conn, backend.user, "setting", "settings", SAME_EMPLOYER_KEY, {"value": int(text)})
    return int(text)


def check_level(level: str | None) -> str | None:
    if level is not None and level not in LEVEL_CHOICES:
        raise UserError("E_ARGUMENT", f"风险等级只能是 yellow、orange 或 red，收到“{str(level)[:20]}”")
    return level


def district_risk(backend: Backend, today: date | None = None) -> DistrictRisk:
    from mediation_desktop.services.gc_pause import collector_paused

    require_backend(backend, "case.read")
    today = today or clock_today()
    many = same_employer_many(backend)
    # Tens of thousands of rows and list entries are made here and all kept to the end, without a
    # reference cycle among them: the cyclic collector would re-scan them (and the whole program's
    # objects) several times over, a third of the time at a million cases.
    with collector_paused():
        result = _assessed_lists(backend, today, many)
    result.screenings, result.urgent_reports = _programme_entries(backend)
    return result


def _assessed_lists(backend: Backend, today: date, many: int) -> DistrictRisk:
    from mediation_desktop.storage import district_queries

    with backend.db.read() as conn:
        rows = district_queries.open_case_rows(conn)
        listed = district_queries.key_enterprise_codes(conn)
        orgs = district_queries.organisation_labels(conn)
    result = DistrictRisk(today)
    employers = _employers(rows, listed)
    # Level → room code → its cases, each part still in the rows' order (received, then number).
    parts: dict[str, defaultdict[str, list[RiskCase]]] = {level: defaultdict(list) for level in LEVELS}
    assessments: dict[tuple, tuple[str, tuple[str, ...]]] = {}
    wages_in: dict[str | None, bool] = {}
    unknown = ("（未知组织）", "")
    # Rows in district_queries.RISK_COLUMNS order; everything about the employer is looked up once per
    # distinct (credit code, name), and the rules once per distinct set of facts, remembered here by
    # the facts as the rules read them, so most rows cost a few dictionary look-ups.
    for (num, case_id, case_no, org_id, received_on, workers, collective, types, amount, respondent, uscc,
         applicants, next_due), employer in zip(rows, employers.of_rows, strict=True):
        wages = wages_in.get(types)
        if wages is None:
            wages = wages_in[types] = _WAGES in (types or "")   # no other code contains "wages"
        facts = (workers, collective, wages, large_amount(amount), employer)
        found = assessments.get(facts)
        if found is None:
            found = assessments[facts] = assessed(workers, bool(collective), wages, amount, *employer, today, many)
        level, reasons = found
        overdue = (today - next_due).days if next_due is not None and next_due < today else 0
        if level == "none" and not overdue and not collective:
            continue
        org_name, org_code = orgs.get(org_id, unknown)
        item = _risk_case((case_id, case_no, org_name, org_code, received_on, applicants, respondent, uscc, workers,
                           next_due, overdue, level, reasons, num))
        if level != "none":
            parts[level][org_code].append(item)
        if overdue:
            result.overdue.append(item)
        if collective:
            result.collective.append(item)
    # Red first, then by room, date and case number. Each part is already in date order, so its sort
    # by (date, case number) runs in one pass. The longest overdue and the largest collective first:
    # sorted by C-level keys one field at a time, the most significant last (sorts are stable).
    for level in reversed(LEVELS[1:]):
        for code in sorted(parts[level]):
            part = parts[level][code]
            part.sort(key=_DATE_AND_NUMBER)
            result.cases += part
    for listed_cases, most_first in ((result.overdue, _OVERDUE_DAYS), (result.collective, _WORKERS)):
        listed_cases.sort(key=_CASE_NO)
        listed_cases.sort(key=_ORG_CODE)
        listed_cases.sort(key=most_first, reverse=True)
    result.employers, result.key_enterprises = _employer_lists(employers, listed, orgs, many)
    return result


def _field(*names: str) -> itemgetter:
    return itemgetter(*map(RiskCase._fields.index, names))


_DATE_AND_NUMBER = _field("received_on", "case_no")
_CASE_NO, _ORG_CODE = _field("case_no"), _field("org_code")
_OVERDUE_DAYS, _WORKERS = _field("overdue_days"), _field("workers_involved")


@dataclass
class _Employers:
    """The open cases grouped by employer, then by room."""

    rooms: dict[str, dict[str, int]]             # employer key → organisation id → open cases there
    names: dict[str, tuple[str, str | None]]     # employer key → (name, credit code) as first recorded
    of_rows: list[tuple[int, int, bool]]         # per row: open cases of its employer, rooms holding them,
    # its recorded credit code on the key-enterprise list


def _employers(rows: list[tuple], listed: dict[str, str]) -> _Employers:
    """Employers are one by credit code, else by normalised name (core.risk.employer_key). A room that
    did not record the credit code still names the employer: such a case joins the employer whose
    code was recorded elsewhere under the same normalised name (the latest such case's code).

    Every pass over the rows is C-level (getters, map, zip, Counter): Python code runs once per
    recorded (credit code, name) or per employer and room, not per case."""
    recorded = list(map(itemgetter(10, 9), rows))                # (credit code, name) as recorded, oldest first
    key_of = {pair: employer_key(*pair) for pair in dict.fromkeys(recorded)}
    by_name = {employer_key(None, name) for _, name in key_of}
    if not by_name.isdisjoint(key_of.values()):   # some rooms named an employer without its code
        latest = dict.fromkeys(reversed(recorded))               # newest first
        coded = {employer_key(None, name): key_of[uscc, name] for uscc, name in reversed(latest) if uscc}
        key_of = {pair: coded.get(key, key) for pair, key in key_of.items()}
    keys = list(map(key_of.__getitem__, recorded))
    by_room = Counter(zip(keys, map(itemgetter(3), rows), strict=True))
    totals, in_rooms = Counter(keys), Counter(map(itemgetter(0), by_room))
    rooms: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for (key, org), n in by_room.items():
        rooms[key][org] = n
    names: dict[str, tuple[str, str | None]] = {}
    for uscc, name in key_of:   # the name and code as the employer's first case (oldest received) recorded them
        names.setdefault(key_of[uscc, name], (name, uscc))
    facts = {(uscc, name): (totals[key], in_rooms[key], bool(uscc) and uscc.upper() in listed)
             for (uscc, name), key in key_of.items()}
    return _Employers(rooms, names, list(map(facts.__getitem__, recorded)))


def _employer_lists(employers: _Employers, listed: dict[str, str], orgs: dict[str, tuple[str, str]],
                    many: int) -> tuple[list[EmployerRisk], list[EmployerRisk]]:
    """Employers with open cases in several rooms or many in one, and those on the key-enterprise list."""
    several_or_many: list[EmployerRisk] = []
    on_the_list: list[EmployerRisk] = []
    unknown = ("（未知组织）", "")
    labels = _RoomLabels(orgs, unknown)
    by_count, by_code = itemgetter(2), itemgetter(1)
    for key, rooms in employers.rooms.items():
        name, uscc = employers.names[key]
        on_list = uscc is not None and uscc.upper() in listed
        several = len(rooms) >= 2
        many_in_one = [org for org, n in rooms.items() if n >= many]
        if not (several or many_in_one or on_list):
            continue
        labelled = list(map(labels.__getitem__, rooms.items()))
        labelled.sort(key=by_code)                       # by code, the most open cases first
        labelled.sort(key=by_count, reverse=True)
        reasons = []
        if several:
            reasons.append(rooms_reason(len(rooms)))
        reasons += [same_employer_reason(rooms[org], orgs.get(org, unknown)[0]) for org in many_in_one]
        if on_list:
            reasons.append(KEY_ENTERPRISE_REASON)
        entry = _employer_risk((name, uscc, tuple(labelled), sum(rooms.values()), on_list, tuple(reasons)))
        if several or many_in_one:
            several_or_many.append(entry)
        if on_list:
            on_the_list.append(entry)
    several_or_many.sort(key=lambda e: (-len(e.rooms), -e.open_cases, e.name))
    on_the_list.sort(key=lambda e: (-e.open_cases, e.name))
    return several_or_many, on_the_list


class _RoomLabels(dict[tuple[str, int], tuple[str, str, int]]):
    """(organisation id, open cases) → (organisation name, code, open cases), made once and shared by
    every employer with that many open cases in that room."""

    def __init__(self, orgs: dict[str, tuple[str, str]], unknown: tuple[str, str]):
        super().__init__()
        self.orgs, self.unknown = orgs, unknown

    def __missing__(self, room: tuple[str, int]) -> tuple[str, str, int]:
        org, n = room
        label = self[room] = (*self.orgs.get(org, self.unknown), n)
        return label


def _programme_entries(backend: Backend) -> tuple[list[dict], list[dict]]:
    """Open orange/red screenings and unseen urgent reports (the programme registers)."""
    from mediation_desktop.services.screenings import risk_entries
    from mediation_desktop.services.urgent_reports import list_reports

    return risk_entries(backend), [u for u in list_reports(backend) if not u["seen"]]


CASE_COLUMNS = ("调解组织", "案号", "收案日期", "申请人", "被申请人", "统一社会信用代码", "涉及人数", "下一期限",
                "超期天数", "风险等级", "原因")
EMPLOYER_COLUMNS = ("用人单位", "统一社会信用代码", "在办案件", "涉及调解组织", "重点监测", "原因")
LEVEL_LABELS = {"none": "无", "yellow": "黄色", "orange": "橙色", "red": "红色"}


def _case_line(c: RiskCase) -> list[Any]:
    return [c.org_name, c.case_no, c.received_on, c.applicant_names, c.respondent_name, c.respondent_uscc or "",
            c.workers_involved, c.next_due, c.overdue_days or "", LEVEL_LABELS[c.level], "；".join(c.reasons)]


def _employer_line(e: EmployerRisk) -> list[Any]:
    return [e.name, e.uscc or "", e.open_cases, "、".join(f"{n}（{k}件）" for n, _, k in e.rooms),
            "是" if e.key_enterprise else "", "；".join(e.reasons)]


def export_risk_xlsx(risk: DistrictRisk, out: str) -> str:
    """Every list on a sheet of its own."""
    from mediation_desktop.services.list_export import write_sheets_xlsx
    from mediation_desktop.services.output_files import check_output_file

    sheets = [
        ("风险案件", CASE_COLUMNS, [_case_line(c) for c in risk.cases]),
        ("超期案件", CASE_COLUMNS, [_case_line(c) for c in risk.overdue]),
        ("集体争议", CASE_COLUMNS, [_case_line(c) for c in risk.collective]),
        ("同一用人单位", EMPLOYER_COLUMNS, [_employer_line(e) for e in risk.employers]),
        ("重点监测企业", EMPLOYER_COLUMNS, [_employer_line(e) for e in risk.key_enterprises]),
        ("风险排查", ("调解组织代码", "用人单位", "统一社会信用代码", "等级", "排查日期", "原因"),
         [[s.get("org_code", ""), s["employer"], s.get("uscc") or "", LEVEL_LABELS.get(s["level"], s["level"]),
           s.get("screened_on", ""), "；".join(s["reasons"])] for s in risk.screenings]),
        ("情况快报", ("调解组织代码", "标题", "报告日期", "涉及人数", "情况"),
         [[u.get("org_code", ""), u["title"], u["reported_on"], u.get("workers") or "", u["what"]]
          for u in risk.urgent_reports]),
    ]
    return str(write_sheets_xlsx(check_output_file(out), sheets))

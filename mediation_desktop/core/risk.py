"""Risk warning for a case (domain.md §4): collective disputes, wage arrears, repeated employers.

Levels follow the three-colour practice (yellow / orange / red). A reason is a short Chinese
sentence so that the desk can show why a case was flagged.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from mediation_desktop.core.enums import COLLECTIVE_THRESHOLD, DisputeType
from mediation_desktop.core.model import Case

LEVELS = ("none", "yellow", "orange", "red")
LARGE_COLLECTIVE = 30          # the historical "major collective dispute" size; still a red flag
LARGE_AMOUNT_FEN = 100_000_00  # 100,000 yuan claimed
SPRING_FESTIVAL_MONTHS = (12, 1, 2)  # the pre-Spring-Festival wage-arrears campaign period


@dataclass
class Risk:
    level: str = "none"
    reasons: list[str] = field(default_factory=list)

    def raise_to(self, level: str, reason: str) -> None:
        if LEVELS.index(level) > LEVELS.index(self.level):
            self.level = level
        self.reasons.append(reason)

    def as_json(self) -> dict[str, object]:
        return {"level": self.level, "reasons": list(self.reasons)}


class RiskFacts(NamedTuple):
    """What the risk rules look at, taken from a full case or from a list row alike, so the case page
    and the district's list (which reads rows, not whole cases) flag a case for the same reasons.
    A named tuple: the district's list makes one per open case, tens of thousands at a time."""

    workers_involved: int
    collective: bool
    wages: bool
    amount_claimed_fen: int | None
    open_cases_same_employer: int = 0
    rooms_same_employer: int = 0     # at a district: how many rooms hold open cases against the employer
    key_enterprise: bool = False
    when: date | None = None
    same_employer_many: int = 0      # 0: the default SAME_EMPLOYER_MANY; a district may set its own


def assess(case: Case, *, open_cases_same_employer: int = 0, key_enterprise: bool = False,
           today: date | None = None, rooms_same_employer: int = 0) -> Risk:
    if not case.is_open:
        return Risk()
    return assess_facts(RiskFacts(
        workers_involved=case.workers_involved, collective=case.collective,
        wages=DisputeType.WAGES in case.dispute_types, amount_claimed_fen=case.amount_claimed_fen,
        open_cases_same_employer=open_cases_same_employer, rooms_same_employer=rooms_same_employer,
        key_enterprise=key_enterprise, when=today or case.received_on))


def assess_facts(f: RiskFacts) -> Risk:
    """The risk of an open case."""
    risk = Risk()
    if f.workers_involved >= LARGE_COLLECTIVE:
        risk.raise_to("red", f"涉及劳动者{f.workers_involved}人，属重大集体争议")
    elif f.collective:
        risk.raise_to("orange", f"涉及劳动者{f.workers_involved}人（{COLLECTIVE_THRESHOLD}人以上为集体争议）")
    if f.wages and f.collective:
        risk.raise_to("red", "集体欠薪")
    if large_amount(f.amount_claimed_fen):
        risk.raise_to("yellow", "请求金额较大（10万元以上）")
    if f.open_cases_same_employer >= (f.same_employer_many or SAME_EMPLOYER_MANY):
        risk.raise_to("orange" if f.open_cases_same_employer >= SAME_EMPLOYER_ORANGE else "yellow",
                      same_employer_reason(f.open_cases_same_employer))
    if f.rooms_same_employer >= 2:
        risk.raise_to("orange", rooms_reason(f.rooms_same_employer))
    if f.key_enterprise:
        risk.raise_to("yellow", KEY_ENTERPRISE_REASON)
    if f.wages and f.when is not None and f.when.month in SPRING_FESTIVAL_MONTHS:
        risk.raise_to("yellow", "春节前欠薪案件，需优先处理")
    return risk


def large_amount(amount_claimed_fen: int | None) -> bool:
    return (amount_claimed_fen or 0) >= LARGE_AMOUNT_FEN


def assessed(workers_involved: int, collective: bool, wages: bool, amount_claimed_fen: int | None,
             open_cases_same_employer: int = 0, rooms_same_employer: int = 0, key_enterprise: bool = False,
             when: date | None = None, same_employer_many: int = 0) -> tuple[str, tuple[str, ...]]:
    """The level and reasons of assess_facts for these facts (RiskFacts' fields, in its order).

    The district's list assesses tens of thousands of open cases at once, and most of them share
    their facts as far as the rules can tell: the claimed amount is read only as large or not, so
    it is reduced to that before the remembered assessment is looked up."""
    return _assessed(workers_involved, collective, wages, large_amount(amount_claimed_fen),
                     open_cases_same_employer, rooms_same_employer, key_enterprise, when, same_employer_many)


@functools.lru_cache(maxsize=16384)
def _assessed(workers: int, collective: bool, wages: bool, large: bool, same: int, rooms: int, key: bool,
              when: date | None, many: int) -> tuple[str, tuple[str, ...]]:
    risk = assess_facts(RiskFacts(workers, collective, wages, LARGE_AMOUNT_FEN if large else 0, same, rooms, key,
                                  when, many))
    return risk.level, tuple(risk.reasons)


# -- the district's view across rooms ------------------------------------------------------------

SAME_EMPLOYER_MANY = 3     # open cases against one employer that make it a risk (a district setting may lower or raise it)
SAME_EMPLOYER_ORANGE = 5
KEY_ENTERPRISE_REASON = "用人单位在重点监测企业名单中"


def same_employer_reason(count: int, room: str | None = None) -> str:
    where = f"在{room}" if room else ""
    return f"同一用人单位{where}在办案件{count}件"


def rooms_reason(rooms: int) -> str:
    return f"同一用人单位在{rooms}个调解组织均有在办案件，可能涉及群体性或跨区域争议"


def overdue_reason(days: int, what: str) -> str:
    return f"{what}已超期{days}天"


# Characters that differ between two spellings of one employer's name in different rooms' registers:
# spaces (also full-width), brackets of either width, dots and separators.
_NAME_NOISE = re.compile(r"[\s()（）〔〕\[\]【】<>《》·・.。,，、\-_—\"'“”‘’]+")
_NAME_SYNONYMS = (("有限责任公司", "有限公司"), ("股份有限公司", "股份公司"))


@functools.lru_cache(maxsize=65536)   # a district's open cases name a few thousand employers, each many times
def normalise_employer_name(name: str) -> str:
    """One spelling for one employer's name, so "天津（和平）科技有限责任公司 " and
    "天津(和平)科技有限公司" are recognised as the same employer when no credit code was recorded."""
    text = name or ""
    # Dropping a space or bracket can bring a combining mark next to a letter it then composes with,
    # so the steps repeat until nothing changes (twice at most for real names).
    for _ in range(5):
        step = _NAME_NOISE.sub("", unicodedata.normalize("NFKC", text).lower())
        for long, short in _NAME_SYNONYMS:
            step = step.replace(long, short)
        step = unicodedata.normalize("NFKC", step)
        if step == text:
            break
        text = step
    return text


def employer_key(uscc: str | None, name: str | None) -> str:
    """The identity of an employer across rooms: its credit code when recorded, else its normalised name."""
    code = (uscc or "").strip().upper()
    if code:
        return "uscc:" + code
    return "name:" + normalise_employer_name(name or "")

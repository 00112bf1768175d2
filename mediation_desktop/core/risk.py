"""Risk warning for a case (domain.md §4): collective disputes, wage arrears, repeated employers.

Levels follow the three-colour practice (yellow / orange / red). A reason is a short Chinese
sentence so that the desk can show why a case was flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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


def assess(case: Case, *, open_cases_same_employer: int = 0, key_enterprise: bool = False,
           today: date | None = None) -> Risk:
    risk = Risk()
    if not case.is_open:
        return risk
    wages = DisputeType.WAGES in case.dispute_types
    if case.workers_involved >= LARGE_COLLECTIVE:
        risk.raise_to("red", f"涉及劳动者{case.workers_involved}人，属重大集体争议")
    elif case.collective:
        risk.raise_to("orange", f"涉及劳动者{case.workers_involved}人（{COLLECTIVE_THRESHOLD}人以上为集体争议）")
    if wages and case.collective:
        risk.raise_to("red", "集体欠薪")
    if (case.amount_claimed_fen or 0) >= LARGE_AMOUNT_FEN:
        risk.raise_to("yellow", "请求金额较大（10万元以上）")
    if open_cases_same_employer >= 3:
        risk.raise_to("orange" if open_cases_same_employer >= 5 else "yellow",
                      f"同一用人单位在办案件{open_cases_same_employer}件")
    if key_enterprise:
        risk.raise_to("yellow", "用人单位在重点监测企业名单中")
    when = today or case.received_on
    if wages and when.month in SPRING_FESTIVAL_MONTHS:
        risk.raise_to("yellow", "春节前欠薪案件，需优先处理")
    return risk

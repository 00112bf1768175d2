"""A typical case's first draft (案情, 调解过程, 结果, 经验) from a closed case's record, anonymised.

The mediator edits the draft afterwards; whatever is saved passes the same leak check again
(services/typical_cases.py), so an edit cannot put a party's name back in.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desktop.core.anonymise import Anonymiser
from mediation_desktop.core.enums import DISPUTE_TYPE_LABELS, OUTCOME_LABELS, DisputeType, Outcome
from mediation_desktop.core.model import Case
from mediation_desktop.core.money import format_plain

SECTIONS = (("facts", "案情"), ("process", "调解过程"), ("result", "结果"), ("experience", "经验"))


@dataclass
class Draft:
    title: str
    facts: str
    process: str
    result: str
    experience: str
    dispute_types: list[str]

    def sections(self) -> dict[str, str]:
        return {key: getattr(self, key) for key, _ in SECTIONS}


def anonymiser_for(case: Case) -> Anonymiser:
    """Everyone and everything identifying in ``case``, ready to be replaced."""
    people: list[str] = []
    secrets: list[str] = [case.case_no, case.court_case_no or "", case.ledger_key or ""]
    for a in case.applicants:
        people.append(a.name)
        if a.agent:
            people.append(_agent_name(a.agent))
            secrets.append(a.agent)
        secrets += [a.id_number or "", a.phone or "", a.address or ""]
    r = case.respondent
    people += [r.legal_rep or "", _agent_name(r.agent or "")]
    secrets += [r.uscc or "", r.phone or "", r.address or "", r.agent or ""]
    if case.mediator:
        people.append(case.mediator)
    for s in case.sessions:
        if s.recorder:
            people.append(s.recorder)
    if case.agreement:
        people += [w.name for w in case.agreement.per_worker]
        secrets += [i.account for i in case.agreement.items if i.account]
    return Anonymiser(people=[p for p in people if p], employers=[r.name], secrets=[s for s in secrets if s])


def _agent_name(agent: str) -> str:
    """The person in an agent field such as ``李明（某律师事务所律师）``."""
    head = agent.strip().split("（")[0].split("(")[0].split()[0] if agent.strip() else ""
    return head[:4]


def title_for(case: Case, anon: Anonymiser) -> str:
    kind = DISPUTE_TYPE_LABELS.get(DisputeType(case.dispute_types[0]), "劳动") if case.dispute_types else "劳动"
    who = "劳动者" if case.workers_involved < 10 else f"{case.workers_involved}名劳动者"
    return f"{who}与{anon.alias_of(case.respondent.name)}{kind}争议调解案"


def draft(case: Case) -> Draft:
    anon = anonymiser_for(case)
    workers = "、".join(anon.alias_of(a.name) for a in case.applicants[:5])
    if len(case.applicants) > 5:
        workers += f"等{len(case.applicants)}人"
    employer = anon.alias_of(case.respondent.name)
    claims = "；".join(c.description for c in case.claims if c.description)
    facts = f"申请人{workers}与被申请人{employer}发生劳动争议，于{case.received_on.year}年{case.received_on.month}月申请调解。"
    if case.workers_involved > 1:
        facts += f"本案涉及劳动者{case.workers_involved}人。"
    if claims:
        facts += f"申请人请求：{claims}。"
    if case.amount_claimed_fen:
        facts += f"请求金额合计{format_plain(case.amount_claimed_fen)}元。"
    if case.facts:
        facts += "\n" + case.facts
    if case.respondent_position:
        facts += "\n被申请人意见：" + case.respondent_position
    steps = [f"调解组织受理后，于{s.held_on.month}月{s.held_on.day}日以{s.mode or '现场'}方式组织调解。"
             + (s.notes if s.notes else "") for s in case.sessions]
    process = "\n".join(steps) or "调解组织受理后，组织双方当事人进行调解。（请调解员补充调解过程）"
    outcome = OUTCOME_LABELS.get(Outcome(case.outcome), "") if case.outcome else ""
    result = f"本案以“{outcome}”办结。" if outcome else "本案办结。"
    if case.amount_agreed_fen:
        result += f"双方约定由{employer}支付{format_plain(case.amount_agreed_fen)}元。"
    if case.conclusion_note:
        result += case.conclusion_note
    experience = "（请调解员总结本案的经验与启示：争议的焦点、调解的方法、可推广的做法。）"
    d = Draft(title=title_for(case, anon), facts=facts, process=process, result=result, experience=experience,
              dispute_types=list(case.dispute_types))
    for key in ("title", "facts", "process", "result", "experience"):
        setattr(d, key, anon(getattr(d, key)))
    return d

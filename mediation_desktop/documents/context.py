"""From core.model objects to the flat, pre-formatted values the templates print.

Templates stay simple (a user edits them in Word): every value is already a string written the way the
paper wants it (dates as 2026年2月13日, money as 人民币…（¥…）, blanks as fill-in lines), never None, so a
template needs no filters. The placeholder reference is docs/documents/README.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mediation_desktop.core.enums import (
    COLLECTIVE_THRESHOLD,
    DISPUTE_TYPE_LABELS,
    PAYMENT_ORDER_TYPES,
    Channel,
    Outcome,
)
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem, Applicant, Case, Organisation, Respondent
from mediation_desktop.core.validation import birth_date_from_id, check_id_number
from mediation_desktop.documents.formatting import (
    BLANK,
    BLANK_DATE,
    date_cn,
    money_cn,
    money_parts,
    or_blank,
    ordinal_cn,
    paragraphs_of,
)
from mediation_desktop.documents.kinds import (
    ADDRESSEES,
    KINDS,
    ORAL_APPLICATION_TITLE,
    TAX_STATEMENTS,
    termination_reason_text,
)

# Shown in a 3-or-more list of names before "等N人".
_NAMES_IN_SHORT_LIST = 3

_DEADLINE_KEYS = ("acceptance_due", "statutory_due", "mediation_due",
                  "arbitration_review_due", "judicial_confirmation_due")


def build_context(kind: str, case: Case, org: Organisation, *, today: date,
                  deadlines: Any = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a template of ``kind`` may print for ``case``.

    ``deadlines`` is a ``core.deadlines.Deadlines`` or any mapping with ``.get(key)`` returning a date
    (or ISO string); missing deadlines print as blanks. ``extra`` overrides or adds top-level values
    (e.g. ``{"served_document": "调解协议书"}`` for a service receipt).
    Raises UserError(E_DOC_NOT_READY) when the case lacks what the document is about.
    """
    if kind not in KINDS:
        raise UserError("E_DOC_KIND", f"未知的文书类型“{kind}”，可选：{'、'.join(KINDS)}")
    _check_ready(kind, case)
    applicants = [_applicant(i, a, today) for i, a in enumerate(case.applicants, start=1)]
    collective = case.collective or len(applicants) >= COLLECTIVE_THRESHOLD
    served_kind = (extra or {}).get("served_kind") or _served_kind(case)
    ctx: dict[str, Any] = {
        "kind": kind,
        "title": _title(kind, case),
        "case_no": case.case_no or BLANK,
        "org": _organisation(org),
        "arbitration": {
            "name": or_blank(org.arbitration_name, "______________劳动人事争议仲裁委员会"),
            "address": or_blank(org.arbitration_address, "______________________________"),
        },
        "today": date_cn(today),
        "received_on": date_cn(case.received_on),
        "accepted_on": date_cn(case.accepted_on),
        "concluded_on": date_cn(case.concluded_on or case.closed_on or today),
        "extended_until": date_cn(case.extended_until),
        "blank": BLANK,
        "blank_date": BLANK_DATE,
        "mediator": or_blank(case.mediator),
        "applicants": applicants,
        "applicant_names": "、".join(a["name"] for a in applicants) or BLANK,
        "applicant_names_short": _short_names(applicants),
        "applicants_as_table": collective,
        # One applicant is addressed as 你, several as 你们.
        "you": "你" if len(applicants) <= 1 else "你们",
        "applicant_agents": [a for a in applicants if a["agent"]],
        "representatives": "、".join(a["name"] for a in applicants if a["is_representative"]),
        "representatives_note": _representatives_note(applicants),
        "applicant_count": len(applicants),
        "workers_involved": case.workers_involved,
        "collective": case.collective,
        "respondent": _respondent(case.respondent),
        "dispute_subject": _dispute_subject(case),
        "claims": _claims(case),
        "amount_claimed": money_cn(_amount_claimed(case)) if _amount_claimed(case) is not None else "",
        "facts_paragraphs": paragraphs_of(case.facts) or [BLANK * 4],
        "respondent_position_paragraphs": paragraphs_of(getattr(case, "respondent_position", "")),
        "employment_ended_on": date_cn(getattr(case, "employment_ended_on", None), blank=""),
        "oral": case.channel == Channel.WALK_IN,
        "rejection_reason": or_blank(case.not_accepted_reason, "不符合受理条件"),
        "termination_reason": termination_reason_text(case.conclusion_note) or _default_termination(case),
        "deadlines": _deadlines(deadlines),
        "deadline_hints": _deadline_hints(deadlines),
        "deadline_until": _deadline_until(deadlines),
        "session": _latest_session(case, applicants),
        "agreement": _agreement(case, deadlines, applicants),
        "served_document": KINDS.get(served_kind, BLANK) if served_kind else BLANK,
        "served_kind": served_kind or "",
    }
    ctx["signatories"], ctx["signed_by_representatives"] = _signatories(applicants, collective)
    ctx["signatory_pairs"] = _pairs(ctx["signatories"])
    ctx["session"]["present_pairs"] = _pairs(ctx["session"]["present_applicants"])
    ctx["service_recipients"] = _service_recipients(served_kind, applicants, ctx["respondent"])
    if extra:
        ctx.update({k: v for k, v in extra.items() if k != "served_kind"})
    return ctx


def _check_ready(kind: str, case: Case) -> None:
    if kind == "record" and not case.sessions:
        raise UserError("E_DOC_NOT_READY", "本案还没有调解记录，请先登记一次调解，再生成调解笔录")
    if kind == "agreement" and case.agreement is None:
        raise UserError("E_DOC_NOT_READY", "本案还没有调解协议内容，请先录入协议条款，再生成调解协议书")
    if kind == "termination" and case.outcome == Outcome.AGREEMENT:
        raise UserError("E_DOC_NOT_READY", "本案已达成调解协议，不应出具终止调解告知书")


def _title(kind: str, case: Case) -> str:
    if kind == "application" and case.channel == Channel.WALK_IN:
        return ORAL_APPLICATION_TITLE
    return KINDS[kind]


def _organisation(org: Organisation) -> dict[str, str]:
    name = org.name.strip()
    # How the organisation refers to itself in running text.
    if name.endswith("委员会"):
        self_ref = "本委员会"
    elif name.endswith("中心"):
        self_ref = "本中心"
    else:
        self_ref = "本调解组织"
    return {"name": name, "code": org.code, "address": or_blank(org.address),
            "phone": or_blank(org.phone), "self": self_ref}


def _applicant(no: int, a: Applicant, today: date) -> dict[str, Any]:
    birth = ""
    if a.id_number:
        try:
            birth = date_cn(birth_date_from_id(check_id_number(a.id_number, today=today)))
        except UserError:
            birth = ""
    parts = [a.name]
    if a.gender:
        parts.append(a.gender)
    if birth:
        parts.append(f"{birth}出生")
    if a.id_number:
        parts.append(f"公民身份号码{a.id_number}")
    if a.address:
        parts.append(f"住址{a.address}")
    if a.phone:
        parts.append(f"联系电话{a.phone}")
    line = "，".join(parts) + "。"
    agent = (getattr(a, "agent", None) or "").strip()
    return {
        "agent": agent, "agent_line": _agent_line(agent, getattr(a, "agent_special", False)),
        "no": no, "no_cn": ordinal_cn(no), "name": a.name, "gender": a.gender or "",
        "id_number": a.id_number or "", "birth": birth, "phone": a.phone or "",
        "address": a.address or "", "is_representative": a.is_representative,
        "role": "代表人" if a.is_representative else "", "rep_mark": "是" if a.is_representative else "",
        "line": line,
    }


def _short_names(applicants: list[dict]) -> str:
    if not applicants:
        return BLANK
    if len(applicants) <= _NAMES_IN_SHORT_LIST:
        return "、".join(a["name"] for a in applicants)
    return f"{applicants[0]['name']}等{len(applicants)}人"


def _representatives_note(applicants: list[dict]) -> str:
    names = [a["name"] for a in applicants if a["is_representative"]]
    return f"（推举代表人：{'、'.join(names)}）" if names else ""


def _agent_line(agent: str, special: bool) -> str:
    """``李律师，特别授权。``: whether the agent may agree on the party's behalf decides whether the
    agent's signature binds the party to an agreement, so the paper says it."""
    if not agent:
        return ""
    return f"{agent}，{'特别授权' if special else '一般授权'}。"


def _respondent(r: Respondent) -> dict[str, str]:
    parts = [r.name]
    if r.uscc:
        parts.append(f"统一社会信用代码{r.uscc}")
    if r.address:
        parts.append(f"住所{r.address}")
    if r.phone:
        parts.append(f"联系电话{r.phone}")
    title = (getattr(r, "legal_rep_title", None) or "").strip()
    legal_rep_line = ""
    if r.legal_rep:
        legal_rep_line = f"{r.legal_rep}，{title}。" if title else f"{r.legal_rep}。"
    agent = (getattr(r, "agent", None) or "").strip()
    return {"name": r.name, "uscc": r.uscc or "", "legal_rep": or_blank(r.legal_rep),
            "legal_rep_title": title, "legal_rep_line": legal_rep_line,
            "agent": agent, "agent_line": _agent_line(agent, getattr(r, "agent_special", False)),
            "address": r.address or "", "phone": r.phone or "", "line": "，".join(parts) + "。"}


def _dispute_codes(case: Case) -> list[str]:
    codes = list(case.dispute_types)
    for claim in case.claims:
        if claim.dispute_type and claim.dispute_type not in codes:
            codes.append(claim.dispute_type)
    return codes


def _dispute_subject(case: Case) -> str:
    labels = [DISPUTE_TYPE_LABELS.get(c, c) for c in _dispute_codes(case) if c != "other"]  # type: ignore[call-overload]
    return "、".join(labels) if labels else "劳动人事"


def _claims(case: Case) -> list[dict[str, Any]]:
    out = []
    for no, claim in enumerate(case.claims, start=1):
        money = money_parts(claim.amount_fen)
        text = claim.description.rstrip("。；;，, ")
        if claim.amount_fen is not None:
            text += f"，计{money['text']}"
        out.append({"no": no, "no_cn": ordinal_cn(no), "description": claim.description,
                    "amount": money if claim.amount_fen is not None else money_parts(None),
                    "text": text + "。"})
    return out


def _amount_claimed(case: Case) -> int | None:
    if case.amount_claimed_fen is not None:
        return case.amount_claimed_fen
    amounts = [c.amount_fen for c in case.claims if c.amount_fen is not None]
    return sum(amounts) if amounts else None


def _default_termination(case: Case) -> str:
    if case.outcome in (Outcome.WITHDRAWN, Outcome.SETTLED):
        return termination_reason_text("settled_withdrawn") or ""
    return "双方当事人未能达成调解协议"


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _deadlines(deadlines: Any) -> dict[str, str]:
    out = {}
    for key in _DEADLINE_KEYS:
        value = deadlines.get(key) if deadlines is not None else None
        out[key] = date_cn(_as_date(value))
    return out


def _deadline_hints(deadlines: Any) -> dict[str, str]:
    """``（即2026年3月2日前）`` for running text, or nothing when the deadline is not known."""
    out = {}
    for key in _DEADLINE_KEYS:
        value = _as_date(deadlines.get(key)) if deadlines is not None else None
        out[key] = f"（即{date_cn(value)}前）" if value else ""
    return out


def _deadline_until(deadlines: Any) -> dict[str, str]:
    """``，至2026年10月8日`` to follow a term in running text, or nothing when the deadline is not known."""
    out = {}
    for key in _DEADLINE_KEYS:
        value = _as_date(deadlines.get(key)) if deadlines is not None else None
        out[key] = f"，至{date_cn(value)}" if value else ""
    return out


def _present(applicants: list[dict], attendees: str) -> list[dict]:
    """The applicants a session record names as present; all of them when it names none (the
    record is then signed by everyone, which is never fewer signatures than were due)."""
    named = [a for a in applicants if a["name"] and a["name"] in attendees]
    return named or applicants


def _latest_session(case: Case, applicants: list[dict]) -> dict[str, Any]:
    if not case.sessions:
        return {"number": 0, "held_on": BLANK_DATE, "place": BLANK, "mode": BLANK, "attendees": BLANK,
                "recorder": BLANK, "notes_paragraphs": [], "present_applicants": applicants}
    # The latest by date; among sessions on the same day the one entered last.
    number, session = max(enumerate(case.sessions, start=1), key=lambda p: (p[1].held_on, p[0]))
    return {
        "number": number, "number_cn": ordinal_cn(number), "held_on": date_cn(session.held_on),
        "place": or_blank(session.place), "mode": or_blank(session.mode),
        "attendees": or_blank(session.attendees), "recorder": or_blank(session.recorder),
        "notes_paragraphs": paragraphs_of(session.notes) or [BLANK * 4],
        "present_applicants": _present(applicants, session.attendees or ""),
    }


def _item(no: int, item: AgreementItem) -> dict[str, Any]:
    due = f"于{date_cn(item.due_on)}前" if item.due_on else ""
    method = f"以{item.method.strip()}方式" if item.method.strip() else ""
    description = item.description.strip().rstrip("。；;，,")
    if item.amount_fen is not None and description.startswith("支付"):
        description = description[2:]  # the sentence already says 支付: "向张三支付拖欠工资…"
    account = (getattr(item, "account", "") or "").strip()
    if item.amount_fen is not None:
        text = f"{item.payer}{due}{method}向{item.payee}支付{description}{money_cn(item.amount_fen)}"
        if account:
            text += f"，支付至收款账户：{account}"
        text += "。"
    else:
        text = f"{item.payer}{due}{method}{description}。"
    return {"no": no, "no_cn": ordinal_cn(no), "payer": item.payer, "payee": item.payee,
            "description": item.description, "amount": money_parts(item.amount_fen),
            "due_on": date_cn(item.due_on), "method": item.method or "", "account": account, "text": text}


def copies(applicant_count: int) -> int:
    """一式N份: one for each party (every applicant, the employer) and one the organisation keeps."""
    return max(applicant_count, 1) + 2


def _copy_holders(applicant_count: int) -> str:
    return "双方当事人各执一份" if applicant_count <= 1 else "申请人各执一份，被申请人执一份"


def _per_worker(agreement: Agreement) -> list[dict[str, Any]]:
    shares = getattr(agreement, "per_worker", None) or []
    return [{"no": no, "name": w.name, "amount": money_parts(w.amount_fen)}
            for no, w in enumerate(shares, start=1)]


def _agreement(case: Case, deadlines: Any, applicants: list[dict] | None = None) -> dict[str, Any]:
    agreement: Agreement | None = case.agreement
    payment_order = any(c in PAYMENT_ORDER_TYPES for c in _dispute_codes(case))
    count = len(applicants) if applicants is not None else len(case.applicants)
    if agreement is None:
        return {"present": False, "terms": [], "payment_order": payment_order, "full_and_final": False,
                "signed_on": BLANK_DATE, "effective_on": BLANK_DATE, "total": "", "several_payments": False,
                "clause_no": {}, "review_hint": "", "review_due": BLANK_DATE, "confirmation_due": BLANK_DATE,
                "tax_text": "", "other_terms_paragraphs": [], "per_worker": [], "per_worker_total": "",
                "copies": copies(count), "copies_cn": ordinal_cn(copies(count)), "copy_holders": _copy_holders(count)}
    items = [_item(no, it) for no, it in enumerate(agreement.items, start=1)]
    paid = [it for it in agreement.items if it.amount_fen is not None]
    other_terms = paragraphs_of(getattr(agreement, "other_terms", ""))
    per_worker = _per_worker(agreement)
    # Fixed clauses continue the numbering of the agreed items; the full-and-final clause is optional.
    fixed = ((["other"] if other_terms else []) + (["final"] if agreement.full_and_final else [])
             + ["route", "effect", "review", "copies"])
    clause_no = {name: ordinal_cn(len(items) + i) for i, name in enumerate(fixed, start=1)}
    dl = _deadlines(deadlines)
    tax = getattr(agreement, "tax", None)
    return {
        "present": True,
        "terms": items,
        "tax_text": TAX_STATEMENTS.get(tax or "", "") if paid else "",
        "other_terms_paragraphs": other_terms,
        "per_worker": per_worker,
        "per_worker_total": money_cn(sum(w.amount_fen for w in agreement.per_worker)) if per_worker else "",
        "copies": copies(count),
        "copies_cn": ordinal_cn(copies(count)),
        "copy_holders": _copy_holders(count),
        "signed_on": date_cn(agreement.signed_on),
        "effective_on": date_cn(agreement.takes_effect_on),
        "total": money_cn(agreement.total_fen) if paid else "",
        "several_payments": len(paid) > 1,
        "full_and_final": agreement.full_and_final,
        "payment_order": payment_order,
        "clause_no": clause_no,
        "review_due": dl["arbitration_review_due"],
        "confirmation_due": dl["judicial_confirmation_due"],
        "review_hint": _review_hint(dl, date_cn(agreement.takes_effect_on)) if deadlines is not None and deadlines.get("arbitration_review_due") else "",
    }


def _review_hint(dl: dict[str, str], effective: str) -> str:
    return (f"本协议于{effective}生效的，仲裁审查申请期限至{dl['arbitration_review_due']}，"
            f"司法确认申请期限至{dl['judicial_confirmation_due']}（期限届满日为法定节假日的，顺延至节假日后第一个工作日）。")


def _served_kind(case: Case) -> str | None:
    """The document a service receipt most likely accompanies (core.document_stages.default_served;
    a caller that knows which document is served passes ``extra={"served_kind": …}``)."""
    from mediation_desktop.core.document_stages import default_served

    return default_served(case)


def _service_recipients(served_kind: str | None, applicants: list[dict], respondent: dict) -> list[dict]:
    """One row per person the served document is addressed to, and no one else."""
    to = ADDRESSEES.get(served_kind or "", ("applicants", "respondent"))
    rows = []
    if "applicants" in to:
        rows += [{"role": "申请人", "name": a["name"], "address": a["address"]} for a in applicants]
    if "respondent" in to:
        rows.append({"role": "被申请人", "name": respondent["name"], "address": respondent["address"]})
    return rows


def _pairs(people: list[dict]) -> list[dict]:
    """Two signers to a table row, so that a dozen signatures fit on the page that ends the body."""
    empty = {"no": "", "name": ""}
    return [{"a": people[i], "b": people[i + 1] if i + 1 < len(people) else empty}
            for i in range(0, len(people), 2)]


def _signatories(applicants: list[dict], collective: bool) -> tuple[list[dict], bool]:
    """Who signs for the applicants: in a collective case with elected representatives, the
    representatives (调解仲裁法 第7条), on the strength of the workers' written authorisation;
    otherwise every applicant."""
    representatives = [a for a in applicants if a["is_representative"]]
    if collective and representatives:
        return representatives, True
    return applicants, False

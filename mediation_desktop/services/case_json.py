"""The JSON shapes of CONTRACT.md §2 (dates ISO, money as two-decimal strings)."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.deadlines import Deadlines, DueItem
from mediation_desktop.core.lifecycle import LATE_ACCEPTANCE
from mediation_desktop.core.model import Case, stage_of
from mediation_desktop.core.money import format_plain
from mediation_desktop.core.validation import mask_id, mask_phone


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def case_json(case: Case, deadlines: Deadlines | None = None, risk: dict | None = None,
              full_personal_data: bool = False) -> dict:
    """``full_personal_data`` shows ID and phone numbers unmasked (the case detail, audited)."""
    def person(a) -> dict:
        out = {"name": a.name}
        if a.id_number:
            out["id_number"] = a.id_number if full_personal_data else mask_id(a.id_number)
        if a.phone:
            out["phone"] = a.phone if full_personal_data else mask_phone(a.phone)
        if a.is_representative:
            out["representative"] = True
        return out

    data: dict = {
        "id": case.id, "case_no": case.case_no, "status": str(case.status), "stage": str(case.stage),
        "outcome": str(case.outcome) if case.outcome else None,
        "received_on": _iso(case.received_on), "accepted_on": _iso(case.accepted_on),
        "concluded_on": _iso(case.concluded_on), "closed_on": _iso(case.closed_on),
        "applicants": [person(a) for a in case.applicants],
        "respondent": {"name": case.respondent.name, "uscc": case.respondent.uscc},
        "dispute_types": list(case.dispute_types), "workers_involved": case.workers_involved,
        "collective": case.collective,
        "amount_claimed": format_plain(case.amount_claimed_fen), "amount_agreed": format_plain(case.amount_agreed_fen),
        "channel": str(case.channel), "court_case_no": case.court_case_no, "mediator": case.mediator,
        "late_acceptance": bool(case.accepted_late),
        # From a legacy ledger (core.ledger_history): its 序号 there, closed as the ledger recorded it
        # (the close date possibly inferred), or open there and waiting for review.
        "ledger_no": case.ledger_no, "historical_import": bool(case.historical),
        "closed_on_inferred": bool(case.closed_on_inferred), "review_pending": bool(case.review_pending),
    }
    if deadlines is not None:
        data["deadlines"] = deadlines.as_json()
        data["deadline_warnings"] = list(deadlines.warnings) + ([LATE_ACCEPTANCE] if case.accepted_late else [])
        data["deadlines_approximate"] = sorted(deadlines.approximate)
    if risk is not None:
        data["risk"] = risk
    return data


def summary_json(r) -> dict:  # a row of storage.queries.SUMMARY_COLUMNS
    """The same object as ``case_json(case)`` for a list row, built without a Case (a long list
    of search hits is mostly this loop)."""
    status, outcome = r.status, r.outcome
    stage = str(stage_of(status, outcome))
    return {
        "id": r.id, "case_no": r.case_no, "status": status, "stage": stage, "outcome": outcome,
        "received_on": _iso(r.received_on), "accepted_on": _iso(r.accepted_on),
        "concluded_on": _iso(r.concluded_on), "closed_on": _iso(r.closed_on),
        "applicants": [{"name": n} for n in r.applicant_names.split("、") if n],
        "respondent": {"name": r.respondent_name, "uscc": r.respondent_uscc},
        "dispute_types": [t for t in r.dispute_types.split(",") if t], "workers_involved": r.workers_involved,
        "collective": bool(r.collective),
        "amount_claimed": format_plain(r.amount_claimed_fen), "amount_agreed": format_plain(r.amount_agreed_fen),
        "channel": r.channel, "court_case_no": r.court_case_no, "mediator": r.mediator,
        "late_acceptance": bool(r.accepted_late),
        "ledger_no": r.ledger_no, "historical_import": bool(r.historical),
        "closed_on_inferred": bool(r.closed_on_inferred), "review_pending": bool(r.review_pending),
    }


def case_detail_json(case: Case, deadlines: Deadlines, risk: dict, full_personal_data: bool = False) -> dict:
    data = case_json(case, deadlines, risk, full_personal_data)
    data["facts"] = case.facts
    data["extended_until"] = _iso(case.extended_until)
    data["extension_agreed_on"] = _iso(case.extension_agreed_on)
    data["next_session"] = ({"on": _iso(case.next_session_on), "at": case.next_session_at,
                             "place": case.next_session_place} if case.next_session_on else None)
    data["claims"] = [{"description": c.description, "amount": format_plain(c.amount_fen), "dispute_type": c.dispute_type}
                      for c in case.claims]
    data["sessions"] = [{"held_on": _iso(s.held_on), "place": s.place, "mode": s.mode, "attendees": s.attendees,
                         "notes": s.notes, "recorder": s.recorder} for s in case.sessions]
    # What the documents print about the parties beyond the list view (the keys of `case add`).
    for a, out in zip(case.applicants, data["applicants"], strict=True):
        if a.agent:
            out["agent"], out["agent_special"] = a.agent, bool(a.agent_special)
    r = case.respondent
    data["respondent"].update({"address": r.address, "legal_representative": r.legal_rep,
                               "legal_representative_title": r.legal_rep_title,
                               "agent": r.agent, "agent_special": bool(r.agent_special)})
    data["respondent_position"] = case.respondent_position
    data["employment_ended_on"] = _iso(case.employment_ended_on)
    ag = case.agreement
    data["agreement"] = None if ag is None else {
        "signed_on": _iso(ag.signed_on), "effective_on": _iso(ag.takes_effect_on), "full_and_final": ag.full_and_final,
        "tax": ag.tax, "other_terms": ag.other_terms,
        "items": [{"id": i.id, "payer": i.payer, "payee": i.payee, "description": i.description,
                   "amount": format_plain(i.amount_fen), "due_on": _iso(i.due_on), "method": i.method,
                   "account": i.account,
                   "performed_on": _iso(i.performed_on), "performed": format_plain(i.performed_fen)} for i in ag.items],
        "per_worker": [{"name": w.name, "amount": format_plain(w.amount_fen)} for w in ag.per_worker],
    }
    return data


def due_item_json(item: DueItem) -> dict:
    return item.as_json()

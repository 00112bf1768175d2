"""The text rules (core.rules) applied to a whole case: every text field of the case, its parties,
claims, sessions and agreement, cleaned in place.

Every way a case is saved (the registration form, ``case add``, lifecycle actions, the ledger import
through its own reader) ends up here or in the same rules, so a saved case always travels.
"""

from __future__ import annotations

from typing import Any

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.rules import TEXT_RULES, clean

# attribute -> rule key, per kind of record. An attribute a record does not have is skipped.
CASE_TEXT = {
    "case_no": "case.case_no", "court_case_no": "case.court_case_no", "mediator": "case.mediator",
    "facts": "case.facts", "not_accepted_reason": "case.not_accepted_reason",
    "conclusion_note": "case.conclusion_note", "transferred_to": "case.transferred_to",
    "remarks": "case.remarks", "ledger_key": "case.ledger_key",
    "respondent_position": "case.respondent_position",
}
APPLICANT_TEXT = {"name": "applicant.name", "id_number": "applicant.id_number", "phone": "applicant.phone",
                  "gender": "applicant.gender", "address": "applicant.address", "agent": "applicant.agent"}
RESPONDENT_TEXT = {"name": "respondent.name", "uscc": "respondent.uscc", "legal_rep": "respondent.legal_rep",
                   "address": "respondent.address", "phone": "respondent.phone",
                   "legal_rep_title": "respondent.legal_rep_title", "agent": "respondent.agent",
                   "position": "case.respondent_position"}
CLAIM_TEXT = {"description": "claim.description"}
SESSION_TEXT = {"place": "session.place", "mode": "session.mode", "attendees": "session.attendees",
                "notes": "session.notes", "recorder": "session.recorder"}
AGREEMENT_TEXT = {"arbitration_review_result": "agreement.arbitration_review_result",
                  "judicial_confirmation_result": "agreement.judicial_confirmation_result",
                  "other_terms": "agreement.other_terms"}
ITEM_TEXT = {"payer": "item.payer", "payee": "item.payee", "description": "item.description",
             "method": "item.method", "account": "item.account"}
WORKER_TEXT = {"name": "worker.name"}


def _clean_fields(record: Any, fields: dict[str, str], prefix: str, errors: list[ValidationError]) -> None:
    for attr, key in fields.items():
        if key not in TEXT_RULES or not hasattr(record, attr):
            continue
        value = getattr(record, attr)
        if value is None or not isinstance(value, str):
            continue
        try:
            cleaned = clean(key, value).text
        except ValidationError as exc:
            errors.append(ValidationError(exc.code, exc.message, field=f"{prefix}{attr}"))
            continue
        # Optional fields keep None for blank, required ones keep "" (their own checks name them).
        setattr(record, attr, cleaned if cleaned or value == "" or _required(record, attr) else None)


def _required(record: Any, attr: str) -> bool:
    import dataclasses

    for f in dataclasses.fields(record):
        if f.name == attr:
            return f.default is dataclasses.MISSING or f.default == ""
    return True


def clean_case_fields(case: Any) -> list[ValidationError]:
    """Clean every text field of ``case`` in place; the problems found, each naming its field
    (``applicants.0.name``, ``claims.2.description``...) as the registration form shows them."""
    errors: list[ValidationError] = []
    _clean_fields(case, CASE_TEXT, "", errors)
    for i, applicant in enumerate(case.applicants):
        _clean_fields(applicant, APPLICANT_TEXT, f"applicants.{i}.", errors)
    _clean_fields(case.respondent, RESPONDENT_TEXT, "respondent.", errors)
    for i, claim in enumerate(case.claims):
        _clean_fields(claim, CLAIM_TEXT, f"claims.{i}.", errors)
    for i, session in enumerate(case.sessions):
        _clean_fields(session, SESSION_TEXT, f"sessions.{i}.", errors)
    agreement = case.agreement
    if agreement is not None:
        _clean_fields(agreement, AGREEMENT_TEXT, "agreement.", errors)
        for i, item in enumerate(agreement.items):
            _clean_fields(item, ITEM_TEXT, f"agreement.items.{i}.", errors)
        for i, worker in enumerate(getattr(agreement, "per_worker", ())):
            _clean_fields(worker, WORKER_TEXT, f"agreement.per_worker.{i}.", errors)
    return errors


def _dates(case: Any) -> list[tuple[str, Any]]:
    found = [(name, getattr(case, name, None)) for name in
             ("received_on", "accepted_on", "concluded_on", "closed_on", "extended_until", "extension_agreed_on",
              "employment_ended_on")]
    found += [(f"sessions.{i}.held_on", s.held_on) for i, s in enumerate(case.sessions)]
    agreement = case.agreement
    if agreement is not None:
        found += [(f"agreement.{name}", getattr(agreement, name, None)) for name in
                  ("signed_on", "effective_on", "arbitration_review_applied_on", "judicial_confirmation_applied_on")]
        for i, item in enumerate(agreement.items):
            found += [(f"agreement.items.{i}.due_on", item.due_on), (f"agreement.items.{i}.performed_on", item.performed_on)]
    return found


def _amounts(case: Any) -> list[tuple[str, Any]]:
    found = [(f"claims.{i}.amount", c.amount_fen) for i, c in enumerate(case.claims)]
    found += [("amount_claimed", case.amount_claimed_fen), ("amount_agreed", case.amount_agreed_fen)]
    agreement = case.agreement
    if agreement is not None:
        for i, item in enumerate(agreement.items):
            found += [(f"agreement.items.{i}.amount", item.amount_fen),
                      (f"agreement.items.{i}.performed", item.performed_fen)]
        found += [(f"agreement.per_worker.{i}.amount", w.amount_fen)
                  for i, w in enumerate(getattr(agreement, "per_worker", ()))]
    return found


def case_rule_errors(case: Any) -> list[ValidationError]:
    """Every field of ``case`` checked against core.rules (texts cleaned in place): what a case must
    keep to be saved anywhere and to travel in a sync package."""
    from mediation_desktop.core.rules import check_date, check_fen, workers_problem

    errors = clean_case_fields(case)
    for field, value in _dates(case):
        try:
            check_date(value, field=field)
        except ValidationError as exc:
            errors.append(exc)
    for field, value in _amounts(case):
        if isinstance(value, int):
            try:
                check_fen(value, field=field)
            except ValidationError as exc:
                errors.append(exc)
    problem = workers_problem(case.workers_involved, len(case.applicants))
    if problem:
        errors.append(ValidationError("E_WORKERS", problem, field="workers_involved"))
    return errors

"""Statutory deadlines of a case (CONTRACT §2) and which of them are still to watch."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.calendar import WorkCalendar, parse_year_table, save_year_table
from mediation_desktop.core.deadlines import (
    DEADLINE_KEYS,
    DEADLINE_LABELS,
    RULE_TEXTS,
    Deadlines,
    check_extension,
    compute_deadlines,
    max_extension_until,
    next_due,
    open_deadline_items,
    warning_text,
)
from mediation_desktop.core.enums import Outcome, Status
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Agreement, Applicant, Case, Respondent

D = date.fromisoformat
CAL = WorkCalendar()


def make_case(received: str, accepted: str | None = None, *, extended: str | None = None,
              agreement_on: str | None = None, status: Status | None = None, outcome: Outcome | None = None) -> Case:
    case = Case(org_id="org", received_on=D(received), applicants=[Applicant("张三")],
                respondent=Respondent("某某有限公司"), case_no="测调〔2026〕1号")
    case.accepted_on = D(accepted) if accepted else None
    case.extended_until = D(extended) if extended else None
    if agreement_on:
        case.agreement = Agreement(signed_on=D(agreement_on))
        case.outcome = Outcome.AGREEMENT
    if outcome is not None:
        case.outcome = outcome
    case.status = status or (Status.MEDIATING if accepted else Status.REGISTERED)
    return case


# ---- the worked examples ----------------------------------------------------------------------

def test_contract_worked_example():
    dl = compute_deadlines(make_case("2026-02-13", "2026-02-14"), CAL)
    assert dl.acceptance_due == D("2026-02-25")
    assert dl.statutory_due == D("2026-02-28")
    assert dl.mediation_due == D("2026-03-02")
    assert dl.warnings == [] and dl.approximate == frozenset()
    assert dl.as_json() == {
        "acceptance_due": "2026-02-25", "statutory_due": "2026-02-28", "mediation_due": "2026-03-02",
        "arbitration_review_due": None, "judicial_confirmation_due": None,
    }


@pytest.mark.parametrize(("received", "statutory"), [("2026-02-05", "2026-02-24"), ("2026-02-01", "2026-02-24")])
def test_statutory_due_rolls_past_the_spring_festival(received, statutory):
    assert compute_deadlines(make_case(received), CAL).statutory_due == D(statutory)


def test_mediation_due_is_null_before_acceptance_and_extension_replaces_it():
    assert compute_deadlines(make_case("2026-02-13"), CAL).mediation_due is None
    extended = make_case("2026-02-13", "2026-02-14", extended="2026-03-16")
    assert compute_deadlines(extended, CAL).mediation_due == D("2026-03-16")


def test_agreement_deadlines_count_from_taking_effect():
    case = make_case("2026-09-01", "2026-09-02", agreement_on="2026-09-16")
    dl = compute_deadlines(case, CAL)
    assert dl.arbitration_review_due == D("2026-10-08")          # 10-01 falls in 国庆
    assert dl.judicial_confirmation_due == D("2026-10-16")
    case.agreement.effective_on = D("2026-09-20")                 # signed, then effective later
    assert compute_deadlines(case, CAL).arbitration_review_due == D("2026-10-08")   # 10-05 → 10-08
    assert compute_deadlines(case, CAL).judicial_confirmation_due == D("2026-10-20")


# ---- years without an official table ------------------------------------------------------------

def test_2027_case_is_approximate_and_warned():
    dl = compute_deadlines(make_case("2027-02-04", "2027-02-05"), CAL)
    assert dl.acceptance_due == D("2027-02-09")                   # Fri 5, Mon 8, Tue 9 (春节 unknown)
    assert dl.statutory_due == D("2027-02-19")
    assert dl.warnings == ["holiday_calendar_missing:2027"]
    assert dl.approximate == {"acceptance_due", "statutory_due", "mediation_due"}
    assert "2027年" in warning_text(dl.warnings[0])


def test_only_computations_touching_the_missing_year_are_approximate():
    dl = compute_deadlines(make_case("2026-12-10", "2026-12-20"), CAL)
    assert dl.statutory_due == D("2026-12-25") and dl.acceptance_due == D("2026-12-15")
    assert dl.mediation_due == D("2027-01-04")                    # 2027-01-04 is a Monday
    assert dl.approximate == {"mediation_due"}
    assert dl.warnings == ["holiday_calendar_missing:2027"]


def test_warnings_are_unique_and_sorted_across_years():
    dl = compute_deadlines(make_case("2027-12-20", "2027-12-21", agreement_on="2027-12-25"), CAL)
    assert dl.warnings == ["holiday_calendar_missing:2027", "holiday_calendar_missing:2028"]


def test_loading_the_2027_table_removes_the_warning_and_moves_the_date(tmp_path):
    table_json = {"year": 2027, "source": "测试", "holidays": [f"2027-02-{d:02d}" for d in range(5, 13)],
                  "workdays": ["2027-02-20"]}
    (tmp_path / "import.json").write_text(json.dumps(table_json), encoding="utf-8")
    folder = tmp_path / "holidays"
    save_year_table(folder, parse_year_table(tmp_path / "import.json"))
    dl = compute_deadlines(make_case("2027-02-04", "2027-02-05"), WorkCalendar.load(folder))
    assert dl.acceptance_due == D("2027-02-17")                   # the break 2-5…2-12 no longer counts
    assert dl.statutory_due == D("2027-02-19")                    # an ordinary Friday: unchanged
    assert dl.warnings == [] and dl.approximate == frozenset()


# ---- extension ----------------------------------------------------------------------------------

def test_extension_limits():
    case = make_case("2026-02-13", "2026-02-14")
    assert max_extension_until(case, CAL) == D("2026-03-17")     # 3-02 + 15 = 3-17, a Tuesday
    assert check_extension(case, D("2026-03-17"), CAL) == D("2026-03-17")
    with pytest.raises(ValidationError) as too_long:
        check_extension(case, D("2026-03-18"), CAL)
    assert too_long.value.code == "E_EXTENSION_TOO_LONG" and too_long.value.field == "extended_until"
    with pytest.raises(ValidationError) as too_early:
        check_extension(case, D("2026-03-02"), CAL)
    assert too_early.value.code == "E_EXTENSION_BEFORE_DUE"
    with pytest.raises(ValidationError) as not_accepted:
        max_extension_until(make_case("2026-02-13"), CAL)
    assert not_accepted.value.code == "E_EXTENSION_NOT_ACCEPTED"


def test_extension_limit_ignores_an_extension_already_recorded():
    case = make_case("2026-02-13", "2026-02-14", extended="2026-03-10")
    assert max_extension_until(case, CAL) == D("2026-03-17")


@settings(max_examples=200)
@given(st.dates(min_value=date(2003, 1, 1), max_value=date(2030, 12, 31)))
def test_extension_never_exceeds_fifteen_days_beyond_the_term(accepted):
    case = make_case(accepted.isoformat(), accepted.isoformat())
    base = compute_deadlines(case, CAL).mediation_due
    limit = max_extension_until(case, CAL)
    assert limit >= base + timedelta(days=15) and CAL.is_working_day(limit)
    # Beyond +15 only by rolling over days off.
    assert all(not CAL.is_working_day(base + timedelta(days=i)) for i in range(15, (limit - base).days))
    check_extension(case, limit, CAL)
    with pytest.raises(ValidationError):
        check_extension(case, limit + timedelta(days=1), CAL)


# ---- what is due ----------------------------------------------------------------------------------

def keys(items):
    return [i.deadline_key for i in items]


def test_registered_case_watches_acceptance_and_statutory():
    case = make_case("2026-02-13")
    dl = compute_deadlines(case, CAL)
    items = open_deadline_items(case, dl, D("2026-02-26"))
    assert keys(items) == ["acceptance_due", "statutory_due"]
    assert [i.overdue for i in items] == [True, False]             # due on 2-25; 2-28 still ahead
    assert items[0].as_json() == {"case_no": "测调〔2026〕1号", "deadline": "acceptance_due",
                                  "due": "2026-02-25", "overdue": True, "approximate": False}
    assert next_due(case, dl) == D("2026-02-25")


def test_due_today_is_not_overdue():
    case = make_case("2026-02-13")
    assert not open_deadline_items(case, compute_deadlines(case, CAL), D("2026-02-25"))[0].overdue


def test_mediating_case_watches_the_mediation_term_only():
    case = make_case("2026-02-13", "2026-02-14")
    dl = compute_deadlines(case, CAL)
    assert keys(open_deadline_items(case, dl, D("2026-03-01"))) == ["mediation_due"]
    assert next_due(case, dl) == D("2026-03-02")


def test_concluded_with_agreement_watches_review_windows_until_one_is_applied_for():
    case = make_case("2027-03-01", "2027-03-02", agreement_on="2027-03-10")
    dl = compute_deadlines(case, CAL)
    items = open_deadline_items(case, dl, D("2027-03-11"))
    assert keys(items) == ["arbitration_review_due", "judicial_confirmation_due"]
    assert all(i.approximate for i in items)
    assert next_due(case, dl) == dl.arbitration_review_due
    case.agreement.judicial_confirmation_applied_on = D("2027-03-12")
    assert open_deadline_items(case, dl, D("2027-03-13")) == [] and next_due(case, dl) is None


@pytest.mark.parametrize("outcome", [Outcome.FAILED, Outcome.WITHDRAWN])
def test_concluded_without_agreement_and_closed_cases_watch_nothing(outcome):
    case = make_case("2026-02-13", "2026-02-14", outcome=outcome)
    dl = compute_deadlines(case, CAL)
    assert open_deadline_items(case, dl, D("2026-06-01")) == [] and next_due(case, dl) is None
    closed = make_case("2026-02-13", "2026-02-14", agreement_on="2026-02-20", status=Status.CLOSED)
    assert next_due(closed, compute_deadlines(closed, CAL)) is None


@settings(max_examples=200)
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 12, 31)),
       st.integers(0, 20), st.sampled_from(["registered", "mediating", "agreement"]),
       st.integers(-40, 60))
def test_next_due_is_the_earliest_watched_item(received, wait, stage, offset):
    accepted = received + timedelta(days=wait)
    case = make_case(received.isoformat(),
                     None if stage == "registered" else accepted.isoformat(),
                     agreement_on=(accepted + timedelta(days=3)).isoformat() if stage == "agreement" else None)
    dl = compute_deadlines(case, CAL)
    today = received + timedelta(days=offset)
    items = open_deadline_items(case, dl, today)
    assert items and next_due(case, dl) == items[0].due == min(i.due for i in items)
    assert all(i.overdue == (i.due < today) for i in items)
    assert all(CAL.is_working_day(i.due) for i in items)


def test_labels_and_rule_texts_cover_every_key():
    assert set(DEADLINE_LABELS) == set(RULE_TEXTS) == set(DEADLINE_KEYS) == set(Deadlines().as_json())
    assert "3个工作日" in RULE_TEXTS["acceptance_due"]

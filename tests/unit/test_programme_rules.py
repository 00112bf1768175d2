"""The programme's plain rules: training hours, checklist, levels, organisation types, the season."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.programme import (
    CHECKLIST,
    SPRING_FESTIVAL,
    check_background,
    check_items,
    check_level,
    check_org_type,
    check_season_start,
    hours_text,
    parse_hours,
    season_for,
)


@given(st.integers(1, 2000))
def test_hours_round_trip_in_tenths(tenths):
    assert parse_hours(hours_text(tenths)) == tenths


@pytest.mark.parametrize("bad", ["0", "-1", "1.55", "abc", "", "1e3", "200.1", "１", "3.", ".5", None])
def test_bad_hours_are_refused(bad):
    with pytest.raises(ValidationError) as refused:
        parse_hours(bad)
    assert refused.value.code == "E_TRAINING_HOURS"


def test_labels_and_keys_are_both_accepted():
    assert check_background("律师") == check_background("lawyer") == "lawyer"
    assert check_background(None) == "full_time"
    assert check_level("红色") == check_level("红") == check_level("red") == "red"
    assert check_items(["wage_arrears", "拖欠工资,layoffs"]) == ["wage_arrears", "layoffs"]
    assert check_org_type("企业调解委员会") == "enterprise"
    assert check_org_type("街道调解中心") == "centre"
    for fn, bad, code in ((check_background, "老板", "E_MEDIATOR_BACKGROUND"), (check_level, "purple", "E_SCREENING_LEVEL"),
                          (lambda v: check_items([v]), "bribery", "E_SCREENING_CHECK"),
                          (check_org_type, "公司", "E_MEDIATION_ORG_TYPE")):
        with pytest.raises(ValidationError) as refused:
            fn(bad)
        assert refused.value.code == code


def test_checklist_has_the_six_items():
    assert list(CHECKLIST) == ["wage_arrears", "social_insurance", "rent_utilities", "halted", "layoffs",
                               "collective_complaints"]


def test_spring_festival_dates_agree_with_chinesecalendar():
    for year, day in SPRING_FESTIVAL.items():
        try:
            detail = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            continue
        assert detail == (True, chinese_calendar.Holiday.spring_festival.value), year


def test_the_season_runs_from_its_start_until_spring_festival():
    assert season_for(date(2026, 11, 30)) is None
    season = season_for(date(2026, 12, 1))
    assert (season.start, season.festival) == (date(2026, 12, 1), date(2027, 2, 6))
    assert season_for(date(2027, 2, 5)) == season
    assert season_for(date(2027, 2, 6)) is None
    assert season_for(date(2026, 11, 20), "11-15").start == date(2026, 11, 15)
    for bad in ("13-01", "02-30", "1201", "03-01", ""):
        with pytest.raises(ValidationError):
            check_season_start(bad)

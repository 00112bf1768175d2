"""Working-day calendar: the official 2026 arrangement, the fallback, year tables and their files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.calendar import (
    WorkCalendar,
    YearTable,
    parse_year_table,
    save_year_table,
    year_table_to_json,
)
from mediation_desktop.core.errors import UserError

EXAMPLE_2027 = Path(__file__).resolve().parents[2] / "resources" / "holidays" / "example-2027.json"

D = date.fromisoformat


def table_2027(**overrides) -> dict:
    data = {
        "year": 2027,
        "source": "测试用",
        "holidays": ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"],
        "workdays": ["2027-02-20"],
    }
    data.update(overrides)
    return data


def as_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# ---- 2026 from the package, as in ecosystem.md §5 ----------------------------------------------

@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-01-01", False), ("2026-01-04", True),           # 元旦; make-up Sunday
        ("2026-02-13", True), ("2026-02-14", True),            # Friday; make-up Saturday
        ("2026-02-15", False), ("2026-02-23", False),          # 春节 break
        ("2026-02-24", True), ("2026-02-28", True),            # back to work; make-up Saturday
        ("2026-03-01", False), ("2026-10-07", False), ("2026-10-10", True),
    ],
)
def test_2026_days_follow_the_state_council_notice(cal, day, working):
    assert cal.is_working_day(D(day)) is working


def test_worked_examples_2026(cal):
    assert cal.add_working_days(D("2026-02-13"), 3) == D("2026-02-25")
    assert cal.add_working_days(D("2026-02-13"), 15) == D("2026-03-12")
    assert cal.add_calendar_days_rolled(D("2026-02-13"), 15) == D("2026-02-28")   # make-up Saturday stays
    assert cal.add_calendar_days_rolled(D("2026-02-05"), 15) == D("2026-02-24")
    assert cal.add_calendar_days_rolled(D("2026-02-01"), 15) == D("2026-02-24")
    assert cal.add_calendar_days_rolled(D("2026-02-14"), 15) == D("2026-03-02")   # 3-01 is a Sunday


def test_roll_forward(cal):
    assert cal.roll_forward(D("2026-02-14")) == D("2026-02-14")
    assert cal.roll_forward(D("2026-02-15")) == D("2026-02-24")
    assert cal.roll_forward(D("2026-12-31")) == D("2026-12-31")


def test_zero_working_days_is_the_start_and_negative_is_refused(cal):
    assert cal.add_working_days(D("2026-02-15"), 0) == D("2026-02-15")
    with pytest.raises(ValueError, match="negative"):
        cal.add_working_days(D("2026-02-15"), -1)


def test_december_2018_arranged_by_the_2019_notice(cal):
    assert cal.is_working_day(D("2018-12-29"))          # Saturday worked
    assert not cal.is_working_day(D("2018-12-31"))      # Monday off


# ---- years without an official table --------------------------------------------------------

def test_2027_falls_back_to_weekends_and_fixed_holidays(cal):
    assert not cal.has_official_table(2027)
    assert cal.has_official_table(2026) and cal.has_official_table(2004)
    assert not cal.has_official_table(2003)
    assert not cal.is_working_day(D("2027-01-01"))      # 元旦, a Friday
    assert cal.is_working_day(D("2027-05-03"))          # 劳动节 5-1/5-2 fall on a weekend: no substitute known
    # 国庆 10-1 is a Friday, 10-2/10-3 a weekend; Monday 10-4 is worked in the estimate
    assert [cal.is_working_day(D(f"2027-10-0{i}")) for i in range(1, 6)] == [False, False, False, True, True]
    assert cal.is_working_day(D("2027-02-08"))          # 春节 is unknown without the notice
    assert cal.years_missing(D("2026-12-20"), D("2028-01-05")) == (2027, 2028)
    assert cal.years_missing(D("2026-01-01"), D("2026-12-31")) == ()


def test_crossing_into_an_unknown_year_works(cal):
    assert cal.add_working_days(D("2026-12-30"), 3) == D("2027-01-05")   # 12-31, (1-1 off), 1-4, 1-5


def test_loaded_table_overrides_fallback_and_package():
    table = parse_year_table(as_bytes(table_2027()))
    cal = WorkCalendar({2027: table})
    assert cal.has_official_table(2027)
    assert not cal.is_working_day(D("2027-02-08"))
    assert cal.is_working_day(D("2027-02-20"))          # a Saturday made a working day
    assert cal.is_working_day(D("2027-05-03"))          # the table does not list it: ordinary Monday
    custom_2026 = YearTable(2026, frozenset({D("2026-03-02")}), frozenset(), "测试")
    assert not WorkCalendar({2026: custom_2026}).is_working_day(D("2026-03-02"))
    assert WorkCalendar({2026: custom_2026}).is_working_day(D("2026-02-16"))   # the package no longer applies


def test_next_years_table_may_rearrange_late_december():
    table = parse_year_table(as_bytes(table_2027(holidays=["2026-12-31", "2027-01-01"], workdays=["2026-12-27"])))
    cal = WorkCalendar().with_table(table)
    assert not cal.is_working_day(D("2026-12-31"))
    assert cal.is_working_day(D("2026-12-27"))          # a Sunday
    assert WorkCalendar().is_working_day(D("2026-12-31"))


# ---- the file format --------------------------------------------------------------------------

def test_table_round_trips_through_json():
    table = parse_year_table(as_bytes(table_2027()))
    assert table.year == 2027 and table.source == "测试用"
    assert D("2027-02-05") in table.holidays and table.workdays == frozenset({D("2027-02-20")})
    assert parse_year_table(year_table_to_json(table).encode()) == table


def test_utf8_bom_and_missing_source_are_accepted(tmp_path):
    data = table_2027()
    del data["source"]
    path = tmp_path / "t.json"
    path.write_bytes(b"\xef\xbb\xbf" + as_bytes(data))
    assert parse_year_table(path).source == ""
    assert parse_year_table(str(path)).year == 2027


def test_example_file_is_valid_and_marked_as_example():
    table = parse_year_table(EXAMPLE_2027)
    assert table.year == 2027
    assert "示例" in table.source and "非官方" in table.source


BAD_TABLES = {
    "not json": b"{year: 2027",
    "not utf-8": "{\"year\": 2027, \"source\": \"国办\"}".encode("gbk"),
    "a list": b"[]",
    "unknown key": as_bytes(table_2027(note="x")),
    "missing workdays": as_bytes({"year": 2027, "holidays": []}),
    "year as text": as_bytes(table_2027(year="2027")),
    "year as bool": as_bytes(table_2027(year=True)),
    "holidays not a list": as_bytes(table_2027(holidays="2027-01-01")),
    "date not iso": as_bytes(table_2027(holidays=["2027/01/01"])),
    "date compact": as_bytes(table_2027(holidays=["20270101"])),
    "impossible date": as_bytes(table_2027(holidays=["2027-02-30"])),
    "date outside the year": as_bytes(table_2027(holidays=["2028-01-01"])),
    "date early in previous year": as_bytes(table_2027(holidays=["2026-11-30"])),
    "both holiday and workday": as_bytes(table_2027(workdays=["2027-02-20", "2027-02-06"], holidays=["2027-02-06"])),
    "weekday as workday": as_bytes(table_2027(workdays=["2027-02-22"])),
    "duplicate date": as_bytes(table_2027(holidays=["2027-01-01", "2027-01-01"])),
    "source not text": as_bytes(table_2027(source=5)),
}


@pytest.mark.parametrize("content", BAD_TABLES.values(), ids=BAD_TABLES.keys())
def test_bad_tables_are_refused_with_a_chinese_message(content):
    with pytest.raises(UserError) as info:
        parse_year_table(content)
    assert info.value.code == "E_CALENDAR_FORMAT"
    assert "节假日安排表" in info.value.message


def test_unreadable_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as info:
        parse_year_table(tmp_path / "missing.json")
    assert info.value.code == "E_CALENDAR_FORMAT"


# ---- the folder ---------------------------------------------------------------------------------

def test_load_missing_folder_or_none_gives_no_tables(tmp_path):
    assert WorkCalendar.load(None).tables == {}
    assert WorkCalendar.load(tmp_path / "nope").tables == {}


def test_save_then_load(data_dir):
    folder = data_dir / "holidays"
    table = parse_year_table(as_bytes(table_2027()))
    path = save_year_table(folder, table)
    assert path == folder / "2027.json"
    assert [p.name for p in folder.iterdir()] == ["2027.json"]     # no temporary file left behind
    assert WorkCalendar.load(folder).tables == {2027: table}


def test_save_replaces_an_older_file_for_the_same_year(tmp_path):
    (tmp_path / "old-name.json").write_bytes(as_bytes(table_2027(source="旧")))
    (tmp_path / "2028.json").write_bytes(as_bytes({"year": 2028, "holidays": [], "workdays": []}))
    save_year_table(tmp_path, parse_year_table(as_bytes(table_2027(source="新"))))
    loaded = WorkCalendar.load(tmp_path).tables
    assert loaded[2027].source == "新" and set(loaded) == {2027, 2028}


def test_a_bad_file_in_the_folder_is_not_skipped(tmp_path):
    save_year_table(tmp_path, parse_year_table(as_bytes(table_2027())))
    (tmp_path / "broken.json").write_bytes(b"{")
    with pytest.raises(UserError) as info:
        WorkCalendar.load(tmp_path)
    assert info.value.code == "E_CALENDAR_FORMAT" and "broken.json" in info.value.message


def test_two_files_for_one_year_are_refused(tmp_path):
    (tmp_path / "a.json").write_bytes(as_bytes(table_2027()))
    (tmp_path / "b.json").write_bytes(as_bytes(table_2027()))
    with pytest.raises(UserError) as info:
        WorkCalendar.load(tmp_path)
    assert info.value.code == "E_CALENDAR_FORMAT" and "2027" in info.value.message


# ---- properties -----------------------------------------------------------------------------------

CALENDARS = [WorkCalendar(), WorkCalendar({2027: parse_year_table(EXAMPLE_2027)})]
days = st.dates(min_value=date(2002, 1, 1), max_value=date(2031, 12, 31))
counts = st.integers(min_value=1, max_value=60)
calendars = st.sampled_from(CALENDARS)


def _between(a: date, b: date):
    """Days in the half-open range (a, b]."""
    return (a + timedelta(days=i) for i in range(1, (b - a).days + 1))


@settings(max_examples=300)
@given(calendars, days, counts)
def test_add_working_days_counts_exactly_n_working_days(cal, start, n):
    result = cal.add_working_days(start, n)
    assert cal.is_working_day(result)
    assert sum(cal.is_working_day(d) for d in _between(start, result)) == n


@settings(max_examples=300)
@given(calendars, days, st.integers(min_value=0, max_value=60))
def test_rolled_calendar_days_end_on_the_first_working_day_from_the_nominal_day(cal, start, n):
    result = cal.add_calendar_days_rolled(start, n)
    nominal = start + timedelta(days=n)
    assert result >= nominal and cal.is_working_day(result)
    assert not any(cal.is_working_day(d) for d in _between(nominal - timedelta(days=1), result - timedelta(days=1)))


@settings(max_examples=300)
@given(calendars, days, days, counts)
def test_both_counts_are_monotone_in_the_start(cal, a, b, n):
    a, b = min(a, b), max(a, b)
    assert cal.add_working_days(a, n) <= cal.add_working_days(b, n)
    assert cal.add_calendar_days_rolled(a, n) <= cal.add_calendar_days_rolled(b, n)


@settings(max_examples=200)
@given(calendars, days)
def test_roll_forward_is_idempotent(cal, d):
    rolled = cal.roll_forward(d)
    assert cal.roll_forward(rolled) == rolled
    assert (rolled == d) == cal.is_working_day(d)

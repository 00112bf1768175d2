"""Properties of the 台账 cell readers: the fast paths agree with core validation, and no row raises."""

from __future__ import annotations

import time
import uuid
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import uuid4_strings, uuid7_strings
from mediation_desktop.core.money import parse_amount
from mediation_desktop.core.validation import check_id_number, id_check_char
from mediation_desktop.services.ledger_headers import STANDARD_HEADERS
from mediation_desktop.services.ledger_reader import read_table
from mediation_desktop.services.ledger_values import (
    AmountReader,
    CellError,
    DateReader,
    check_id_fast,
)

TODAY = date(2026, 11, 1)

births = st.dates(min_value=date(1890, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def id_numbers(draw):
    born = draw(births)
    first17 = f"{draw(st.integers(110000, 659999))}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    number = first17 + id_check_char(first17)
    damage = draw(st.sampled_from(["none", "digit", "check", "lower", "cut", "day"]))
    if damage == "digit":
        at = draw(st.integers(0, 16))
        number = number[:at] + str((int(number[at]) + draw(st.integers(1, 9))) % 10) + number[at + 1:]
    elif damage == "check":
        number = number[:17] + draw(st.sampled_from("0123456789X"))
    elif damage == "lower":
        number = number.lower()
    elif damage == "cut":
        number = number[: draw(st.integers(0, 17))]
    elif damage == "day":
        number = number[:12] + draw(st.sampled_from(["00", "29", "30", "31", "32"])) + number[14:]
    return number


@given(id_numbers())
def test_fast_id_check_agrees_with_core(number):
    try:
        expected = check_id_number(number, today=TODAY)
    except ValidationError:
        expected = None
    try:
        got = check_id_fast(number, TODAY.strftime("%Y%m%d"))
    except CellError:
        got = None
    assert got == expected


@given(st.one_of(
    st.decimals(min_value=0, max_value=10**11, places=2, allow_nan=False).map(float),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(float),
    st.floats(min_value=0, max_value=1e13, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=10**13),
))
def test_amount_fast_path_agrees_with_parse_amount(value):
    try:
        expected = parse_amount(value)
    except ValidationError:
        expected = None
    try:
        got = AmountReader()(value)
    except CellError:
        got = None
    assert got == expected


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_ten_thousand_yuan_column_scales_plain_numbers(value):
    assert AmountReader(1_000_000)(float(value)) == parse_amount(float(value)) * 10_000
    assert AmountReader(1_000_000)(f"{value}元") == parse_amount(f"{value}元")


@given(st.dates(min_value=date(1980, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["{d:%Y-%m-%d}", "{d.year}-{d.month}-{d.day}", "{d:%Y/%m/%d}", "{d.year}.{d.month}.{d.day}",
                        "{d.year}年{d.month}月{d.day}日", "{d:%Y%m%d}", "serial", "datetime"]))
def test_dates_in_every_form_round_trip(day, form):
    read = DateReader()
    if form == "serial":
        value = (day - date(1899, 12, 30)).days
    elif form == "datetime":
        value = datetime(day.year, day.month, day.day, 8)
    else:
        value = form.format(d=day)
    assert read(value) == day
    assert read(value) == day   # and again from the cache


def test_dates_outside_the_plausible_range_are_refused():
    read = DateReader()
    for value in ("1979-12-31", "2100-01-01", 1, (date(1979, 12, 31) - date(1899, 12, 30)).days):
        with pytest.raises(CellError):
            read(value)


def test_uuid4_strings_are_version_4_uuids():
    made = uuid4_strings(batch=8)
    ids = [next(made) for _ in range(50)]
    assert len(set(ids)) == 50
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_uuid7_strings_are_version_7_uuids_in_time_order():
    before = time.time_ns() // 1_000_000
    made = uuid7_strings(batch=8)
    ids = [next(made) for _ in range(50)]
    after = time.time_ns() // 1_000_000
    assert len(set(ids)) == 50
    stamps = []
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122
        stamps.append(parsed.int >> 80)            # the first 48 bits: Unix time in milliseconds
    assert stamps == sorted(stamps) and before <= stamps[0] and stamps[-1] <= after


cells = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 1)), st.dates(), st.just(timedelta(days=3)),
    st.sampled_from(["2026-02-13", "张三、李四", "调解成功", "1.2万元", "工资/社保", "11010519900307457X", "在办"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, max_size=len(STANDARD_HEADERS) + 2), max_size=8))
def test_no_row_raises_and_every_row_is_accounted_for(rows):
    result = read_table([list(STANDARD_HEADERS), *rows], today=TODAY)
    rejected = {issue.row for issue in result.errors}
    assert len(result.records) + len(rejected) == result.rows
    assert not rejected & {r.row for r in result.records}
    for record in result.records:
        assert record.applicants and record.respondent.name
        assert record.workers_involved >= len(record.applicants)
        assert record.accepted_on is None or record.accepted_on >= record.received_on
        assert record.closed_on is None or record.closed_on >= (record.accepted_on or record.received_on)
